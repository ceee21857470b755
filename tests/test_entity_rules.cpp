// The rule each entity mention names (docs/entities.md), and the lexicon files the linker reads.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/lexicons.hpp"
#include "entities/lexicon.hpp"
#include "frnews/entities.hpp"
#include "frnews/error.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/segment.hpp"

using namespace frnews;

namespace {

const KnowledgeBase& rules_kb() {
  static const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
      "Q159\tRussie\tRussie\tLOC\t\t0.9\tpays\n"
      "Q456\tLyon\tLyon\tLOC\t\t0.9\tville de France\n"
      "Q90\tParis\tParis\tLOC\t\t0.95\tcapitale de la France\n"
      "Q7747\tVladimir Vladimirovitch Poutine\tVladimir Vladimirovitch Poutine\tPER\tPoutine\t0.9\tprésident de la Russie\n");
  return kb;
}

// The type and the rule of the first mention whose text is `name` in `text`, as "PER
// cue.title"; "(none)" when there is none.
std::string typed_rule_of(std::string_view text, std::string_view name, LinkerOptions options = {}) {
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb(), options).link(*doc);
  for (const EntityMention& mention : entities.mentions) {
    if (mention.span.of(text) == name) return std::string(to_string(mention.type)) + " " + std::string(mention.rule);
  }
  return "(none)";
}

// The rule alone.
std::string rule_of(std::string_view text, std::string_view name, LinkerOptions options = {}) {
  const std::string typed = typed_rule_of(text, name, options);
  return typed == "(none)" ? typed : typed.substr(typed.find(' ') + 1);
}

}  // namespace

TEST_CASE("each mention names the rule that found and typed it", "[entities][rules]") {
  CHECK(rule_of("Le ministre s'est rendu en Russie mardi.", "Russie") == "kb.longest-name");
  CHECK(rule_of("Hier, Vladimir Poutine a reçu les ambassadeurs.", "Vladimir Poutine") == "kb.surname");
  CHECK(rule_of("Hier, Thibault Carrier a quitté la réunion.", "Thibault Carrier") == "shape.first-name");
  CHECK(rule_of("Selon J.-L. Dumas, la séance est levée.", "J.-L. Dumas") == "shape.initials");
  CHECK(rule_of("Le Parti radical de Bretagne a voté contre.", "Parti radical de Bretagne") == "shape.organisation-head");
  CHECK(rule_of("Il comparaît devant le tribunal correctionnel de Rennes.", "tribunal correctionnel de Rennes") ==
        "shape.institution-head");
  CHECK(rule_of("Les voiliers ont rejoint la presqu'île de Crozon.", "presqu'île de Crozon") == "shape.place-head");
  CHECK(rule_of("Le Rassemblement des travailleurs unis (RTU) a manifesté.", "Rassemblement des travailleurs unis") ==
        "shape.acronym-expansion");
  CHECK(rule_of("Le Rassemblement des travailleurs unis (RTU) a manifesté.", "RTU") == "acronym.defined");
  CHECK(rule_of("Mardi, M. Lemarchand a démissionné.", "Lemarchand") == "cue.honorific");
  CHECK(rule_of("Mardi, le ministre Lemarchand a démissionné.", "Lemarchand") == "cue.title");
  CHECK(rule_of("Mardi, le groupe Arvalis a annoncé des pertes.", "Arvalis") == "cue.organisation");
  CHECK(rule_of("Il vit depuis dix ans à Trifouillis.", "Trifouillis") == "cue.place");
  CHECK(rule_of("Sergueï Choïgou est arrivé mardi. Plus tard, Choïgou a parlé.", "Choïgou") == "coref.surname");
}

TEST_CASE("names with no sign of their type go down the typing rules in order", "[entities][rules]") {
  CHECK(rule_of("Il a participé à la COP47 en novembre.", "COP47") == "type.number");
  CHECK(rule_of("Le syndicat des cheminots SUD-FER appelle à la grève.", "SUD-FER") == "type.acronym");
  CHECK(rule_of("Les salariés ont voté, a dit Rolland Vasquel.", "Rolland Vasquel") == "type.several-words");
  CHECK(rule_of("Le président de Vasquelor a parlé.", "Vasquelor") == "cue.title-complement");
  CHECK(rule_of("Il est originaire de Trifouillis.", "Trifouillis") == "type.after-de");
  CHECK(rule_of("Il a signé avec Arvalis hier.", "Arvalis") == "type.default");
}

TEST_CASE("names the knowledge base lacks are typed from the evidence around them", "[entities][rules]") {
  // An apposition names what the name is.
  CHECK(typed_rule_of("Les électeurs de Vassoulis, une commune de 1 800 habitants, ont voté.", "Vassoulis") ==
        "LOC shape.place-apposition");
  CHECK(typed_rule_of("Il a rejoint Trondel, une société lyonnaise, en mars.", "Trondel") ==
        "ORG shape.organisation-apposition");
  CHECK(typed_rule_of("Les autres nient, mais Vassolie, elle, reconnaît les faits.", "Vassolie") ==
        "PER shape.apposition");
  // The last word of a name may say what kind of body or event it is.
  CHECK(typed_rule_of("Les chiffres, a dit Grenwick Capital Partners, sont bons.", "Grenwick Capital Partners") ==
        "ORG type.organisation-form");
  CHECK(typed_rule_of("Le film a été montré au Marbella Valley Film Festival.", "Marbella Valley Film Festival") ==
        "MISC type.event-form");
  // A known first name alone is a person, not an organisation by default.
  CHECK(typed_rule_of("Le soir venu, Laurent a quitté la salle.", "Laurent") == "PER type.first-name");
  // A list confirms a lone word opening a sentence.
  CHECK(typed_rule_of("Des témoins ont parlé. Claude et Laurent sont sortis du silence.", "Claude") ==
        "PER type.first-name");
  // A word the text gives no sign of keeps the default type, and a score that says so.
  const std::string_view text = "Il a signé avec Arvalis hier. Plus tard, Laurent a quitté la salle.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb()).link(*doc);
  REQUIRE(entities.mentions.size() == 2);
  CHECK(entities.mentions[0].rule == "type.default");
  CHECK(entities.mentions[0].score < entities.mentions[1].score);
}

TEST_CASE("a demonym written with a capital inside a name of two words is part of it", "[entities][rules]") {
  CHECK(typed_rule_of("Deux cas ont été rapportés par l'agence Dépêche Vassoulie Canadienne mardi.",
                      "Dépêche Vassoulie Canadienne") == "ORG cue.organisation");
  CHECK(typed_rule_of("Selon les Russes, le vote est valide.", "Russes") == "(none)");
}

TEST_CASE("a capitalised common noun is no name unless something marks it as one", "[entities][rules]") {
  CHECK(typed_rule_of("Ce parti prône avant tout la Vertu et le travail.", "Vertu") == "(none)");
  CHECK(typed_rule_of("Les électeurs ont écouté les Affaires de la commune.", "Affaires") == "(none)");
  // A cue, an apposition or a full name met before keep a surname that is also a noun.
  CHECK(typed_rule_of("Lundi soir, M. Berger a démissionné.", "Berger") == "PER cue.honorific");
  CHECK(typed_rule_of("Le soir même, Berger, 54 ans, a démissionné.", "Berger") == "PER shape.apposition");
  CHECK(typed_rule_of("Anatole Berger est arrivé. Le soir même, Berger a démissionné.", "Berger") == "PER coref.surname");
}

TEST_CASE("a place cue goes down a list of names, not past a clause", "[entities][rules]") {
  const std::string_view text = "Des perquisitions ont eu lieu à Trifouillis, Vassoulis et Marbouze.";
  CHECK(typed_rule_of(text, "Vassoulis") == "LOC cue.place");
  CHECK(typed_rule_of(text, "Marbouze") == "LOC cue.place");
  CHECK(typed_rule_of("Il vit à Trifouillis, Arvalis a signé avec lui.", "Arvalis") == "ORG type.default");
}

TEST_CASE("« à » after a title opens its portfolio, no place", "[entities][rules]") {
  CHECK(typed_rule_of("Selon le commissaire aux affaires économiques, Olli Rehn, la dette baisse.", "Olli Rehn") ==
        "PER cue.title");
  const std::string_view treasury = "Ils ont refusé au secrétaire au Trésor Henry Paulson les moyens demandés.";
  CHECK(typed_rule_of(treasury, "Henry Paulson") == "PER shape.first-name");
  CHECK(typed_rule_of(treasury, "Trésor Henry Paulson") == "(none)");
  // An organisation after « à » is no portfolio.
  CHECK(typed_rule_of("Selon Marc Durand, économiste au Grenwick Institute, la dette baisse.", "Grenwick Institute") ==
        "ORG type.organisation-form");
  CHECK(typed_rule_of("Selon l'administrateur au Fonds monétaire de Vassoulis, tout va bien.",
                      "Fonds monétaire de Vassoulis") == "ORG shape.organisation-head");
  // A title that holds a place keeps « à » a place's cue.
  CHECK(typed_rule_of("L'ambassadeur à Vassoulis est rentré.", "Vassoulis") == "LOC cue.place");
}

TEST_CASE("a place cue over a list of a hundred thousand names stays linear", "[entities][rules]") {
  std::string text = "Ils sont passés à Trifouillis";
  for (int i = 0; i < 100000; ++i) text += ", Vassoulis";
  text += " et Marbouze.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb()).link(*doc);
  // The cue looks a few names ahead for the end of the list: so long a list has none in sight.
  REQUIRE(entities.mentions.size() == 100002);
  CHECK(entities.mentions.front().rule == "cue.place");
  CHECK(entities.mentions[1].rule == "type.default");
}

TEST_CASE("an acronym of common words is no name", "[entities][rules]") {
  const std::string_view text =
      "Les perturbateurs endocriniens (PE) inquiètent. Les PE sont partout, selon la FNSEA.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb()).link(*doc);
  REQUIRE(entities.mentions.size() == 1);
  CHECK(entities.mentions[0].span.of(text) == "FNSEA");
  // Spelt out by capitalised words, the acronym names an organisation.
  CHECK(rule_of("Le Rassemblement des travailleurs unis (RTU) a manifesté.", "RTU") == "acronym.defined");
}

TEST_CASE("the type after « de » is a place's, not after « du » or « des »", "[entities][rules]") {
  CHECK(typed_rule_of("Les achats de bons du Vassoulor ont doublé.", "Vassoulor") == "ORG type.default");
}

TEST_CASE("an organisation's head without an adjective keeps a capitalised body as complement",
          "[entities][rules]") {
  CHECK(typed_rule_of("Le porte-parole de l'Union des Forces démocratiques a parlé.",
                      "Union des Forces démocratiques") == "ORG shape.organisation-head");
}

TEST_CASE("organisation names keep their lower-case complements", "[entities][rules]") {
  CHECK(typed_rule_of("La Société canadienne du cancer a publié une étude.", "Société canadienne du cancer") ==
        "ORG shape.organisation-head");
  CHECK(typed_rule_of("Selon le Centre international de recherche sur le cancer, le risque existe.",
                      "Centre international de recherche sur le cancer") == "ORG shape.organisation-head");
  CHECK(typed_rule_of("Le Conseil des ministres a adopté le texte mercredi.", "Conseil des ministres") ==
        "ORG shape.organisation-head");
  // A proper name may end it.
  CHECK(typed_rule_of("La Régie de police Vassoulis a enquêté.", "Régie de police Vassoulis") ==
        "ORG shape.organisation-head");
  // A day is no complement; a second "de" complement is the sentence's, not the name's.
  CHECK(typed_rule_of("Le Conseil de mercredi a tranché.", "Conseil") == "ORG shape.organisation-head");
  CHECK(typed_rule_of("Le vote par la Chambre des représentants du plan de sauvetage est attendu.",
                      "Chambre des représentants") == "ORG shape.organisation-head");
  // A capitalised complement keeps its adjectives.
  CHECK(typed_rule_of("L'Association du Barreau canadien a protesté.", "Association du Barreau canadien") ==
        "ORG shape.organisation-head");
  // An organisation's head ending a name of capitalised words makes it an organisation's.
  CHECK(typed_rule_of("Les élus, a dit Nouvel Horizon Centre, voteront.", "Nouvel Horizon Centre") ==
        "ORG type.organisation-form");
}

TEST_CASE("a person's name with a particle is one name, an affiliation after it another", "[entities][rules]") {
  CHECK(typed_rule_of("La procureure, Marilde de Givry, a ouvert une enquête.", "Marilde de Givry") ==
        "PER cue.title");
  const std::string_view text =
      "« Les ventes ralentissent », commente Christopher Low de FHN Financial. Selon M. Low, la hausse va durer.";
  CHECK(typed_rule_of(text, "Christopher Low") == "PER shape.first-name");
  CHECK(typed_rule_of(text, "FHN Financial") == "ORG type.organisation-form");
  CHECK(typed_rule_of(text, "Christopher Low de FHN Financial") == "(none)");
}

TEST_CASE("a surname met in a full name joins it rather than a known person with a like name", "[entities][rules]") {
  static const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
      "Q1\tJoachim Löw\tJoachim Löw\tPER\tLöw\t0.9\tentraîneur allemand\n");
  const std::string_view text = "Christopher Low a parlé mardi. Selon M. Low, la hausse va durer.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(kb).link(*doc);
  REQUIRE(entities.mentions.size() == 2);
  CHECK(entities.mentions[1].span.of(text) == "Low");
  CHECK(entities.mentions[1].rule == "coref.surname");
  CHECK(entities.mentions[1].chain == entities.mentions[0].chain);
  CHECK(entities.chains[entities.mentions[1].chain].wikidata_id.empty());
}

TEST_CASE("coreference rules name the mentions they join to a chain", "[entities][rules]") {
  const std::string_view text = "Le Rassemblement des travailleurs unis (RTU) a manifesté. Le RTU a dit non.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb()).link(*doc);
  REQUIRE(entities.mentions.size() == 3);
  CHECK(entities.mentions[2].span.of(text) == "RTU");
  CHECK(entities.mentions[2].rule == "coref.acronym");
  CHECK(rule_of("La Commission régionale a tranché. La Commission a dit non.", "Commission") == "coref.head");
}

TEST_CASE("a city standing for its club and a demonym as its country name their rules", "[entities][rules]") {
  const std::string_view match = "Le club a gagné le match. Lyon a battu les joueurs du championnat.";
  CHECK(rule_of(match, "Lyon") == "type.football-club");
  LinkerOptions demonyms;
  demonyms.link_demonyms = true;
  CHECK(rule_of("Les autorités russes ont protesté.", "russes", demonyms) == "demonym.country");
}

TEST_CASE("no mention leaves its rule empty", "[entities][rules]") {
  const std::string_view text =
      "Le ministre russe de la Défense, Sergueï Choïgou, est arrivé à La Havane. M. Choïgou a rencontré "
      "les dirigeants du Parti communiste de Cuba (PCC). Le PCC a salué la visite. Lemarchand, 54 ans, "
      "l'accompagnait, avec la Commission européenne. La Commission n'a rien dit. CGT et COP28 aussi.";
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker().link(*doc);
  REQUIRE(entities.mentions.size() >= 8);
  for (const EntityMention& mention : entities.mentions) {
    INFO(mention.span.of(text));
    CHECK_FALSE(mention.rule.empty());
  }
}

TEST_CASE("word endings match the last bytes of a word, whatever its length", "[entities][lexicon]") {
  detail::Endings endings;
  endings.add("ienne");
  endings.add("al");
  endings.add("x");
  endings.add("ementaires");  // longer than eight bytes
  CHECK(endings.ends("parisienne"));
  CHECK(endings.ends("ienne"));  // the whole word
  CHECK(endings.ends("national"));
  CHECK(endings.ends("nationaux"));
  CHECK(endings.ends("x"));
  CHECK(endings.ends("parlementaires"));
  CHECK_FALSE(endings.ends("ienn"));
  CHECK_FALSE(endings.ends("l"));  // shorter than "al"
  CHECK_FALSE(endings.ends("nationales"));
  CHECK_FALSE(endings.ends("mentaires"));  // shorter than "ementaires"
  CHECK_FALSE(endings.ends("quotidienné"));  // words are folded first: "é" is not "e"
  CHECK_FALSE(endings.ends(""));
  CHECK_FALSE(detail::Endings().ends("national"));
}

TEST_CASE("the word lists of the lexicon files answer as the linker asks", "[entities][lexicon]") {
  const detail::EntityLexicon& lexicon = Lexicons::builtin().impl().entities();
  CHECK(lexicon.looks_adjective("europeenne"));
  CHECK(lexicon.looks_adjective("russe"));  // a demonym
  CHECK_FALSE(lexicon.looks_adjective("indique"));
  CHECK(lexicon.has_common_noun_ending("revolution"));
  CHECK(lexicon.holds_a_place("ambassadrice"));
  CHECK_FALSE(lexicon.holds_a_place("ministre"));
  CHECK(lexicon.has_portfolio("ministres"));
  CHECK_FALSE(lexicon.has_portfolio("maire"));
  CHECK(lexicon.word("von").kinds & detail::word_name_particle);
  CHECK(lexicon.word("entraineur").kinds & detail::word_football);
  CHECK(lexicon.word("ministere").kinds & detail::word_ministry);
  // The grammatical words: function_words.tsv, and the determiners of cues.tsv by gender.
  CHECK(lexicon.is(detail::Grammar::de_forms, "du"));
  CHECK_FALSE(lexicon.is(detail::Grammar::de, "du"));
  CHECK(lexicon.is(detail::Grammar::complement_preposition, "contre"));
  CHECK(lexicon.is(detail::Grammar::feminine_determiner, "cette"));
  CHECK_FALSE(lexicon.is(detail::Grammar::singular_determiner, "ces"));
  CHECK_FALSE(lexicon.is(detail::Grammar::list_conjunction, "etre"));
  CHECK(lexicon.article_in("aux") == "les");
  CHECK(lexicon.article_in("la") == "la");
  CHECK(lexicon.article_in("sur").empty());
}

TEST_CASE("a malformed lexicon line is an error naming the file and the line", "[entities][lexicon]") {
  // The built-in lexicon files, `file` replaced by `text`.
  const auto message_of = [](std::string_view file, std::string_view text) {
    try {
      detail::LexiconFiles files = detail::LexiconFiles::builtin();
      files.add_view(file, std::string(file), text, true);
      const detail::EntityLexicon lexicon(files);
    } catch (const Exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message_of("entity_affixes.tsv", "# affix\tkind\nique\tadjective_ending\nique\n") ==
        "entity_affixes.tsv:3: expected 2 to 2 tab-separated fields, found 1");
  CHECK(message_of("entity_cues.tsv", "club\tfootbal\n") == "entity_cues.tsv:1: unknown kind footbal");
  CHECK(message_of("first_names.tsv", "Aline\tF\nBruno\tH\n") ==
        "first_names.tsv:2: gender must be M, F or X");
  CHECK(message_of("demonyms.tsv", "russe\tRussie\tpays\n") ==
        "demonyms.tsv:1: kind must be country, city or region");
  CHECK(message_of("roles.tsv", "maire\tM\tS\n\tF\tS\n") == "roles.tsv:2: empty field");
  CHECK(message_of("function_words.tsv", "de\tde\nlist_conjunction\tnonobstant\n") ==
        "function_words.tsv:2: a grammatical word of the entity linker has at most 7 bytes");
}
