// The rule each entity mention names (docs/entities.md), and the lexicon files the linker reads.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/embedded.hpp"
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

// The rule of the first mention whose text is `name` in `text`; "(none)" when there is none.
std::string rule_of(std::string_view text, std::string_view name, LinkerOptions options = {}) {
  const auto doc = make_document(text);
  REQUIRE(doc);
  const Entities entities = EntityLinker(rules_kb(), options).link(*doc);
  for (const EntityMention& mention : entities.mentions) {
    if (mention.span.of(text) == name) return std::string(mention.rule);
  }
  return "(none)";
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

namespace {

// The records of a lexicon file as written in data/: lines that are neither blank nor comments.
std::size_t written_records(std::string_view name) {
  std::ifstream in(std::string(FRNEWS_SOURCE_DIR) + "/data/" + std::string(name));
  REQUIRE(in);
  std::size_t records = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() != '#') ++records;
  }
  return records;
}

// The built-in lexicon files, one replaced by `text`.
detail::EntityLexicon lexicon_with(std::string_view replaced, std::string_view text) {
  return detail::EntityLexicon([&](std::string_view name) {
    return name == replaced ? text : detail::embedded_file(name).value_or(std::string_view{});
  });
}

}  // namespace

TEST_CASE("the entity lexicon reads every line of its files", "[entities][lexicon]") {
  const detail::EntityLexicon& lexicon = detail::entity_lexicon();
  for (const std::string_view file : detail::EntityLexicon::files) {
    INFO(file);
    CHECK(lexicon.records(file) > 0);
    CHECK(lexicon.records(file) == written_records(file));
  }
}

TEST_CASE("the word lists of the lexicon files answer as the linker asks", "[entities][lexicon]") {
  const detail::EntityLexicon& lexicon = detail::entity_lexicon();
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
}

TEST_CASE("a malformed lexicon line is an error naming the file and the line", "[entities][lexicon]") {
  const auto message_of = [](std::string_view file, std::string_view text) {
    try {
      (void)lexicon_with(file, text);
    } catch (const Exception& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message_of("lexicon/entity_affixes.tsv", "# affix\tkind\nique\tadjective_ending\nique\n") ==
        "lexicon/entity_affixes.tsv:3: expected 2 to 2 tab-separated fields, found 1");
  CHECK(message_of("lexicon/entity_cues.tsv", "club\tfootbal\n") == "lexicon/entity_cues.tsv:1: unknown kind footbal");
  CHECK(message_of("lexicon/first_names.tsv", "Aline\tF\nBruno\tH\n") ==
        "lexicon/first_names.tsv:2: gender must be M, F or X");
  CHECK(message_of("lexicon/demonyms.tsv", "russe\tRussie\tpays\n") ==
        "lexicon/demonyms.tsv:1: kind must be country, city or region");
  CHECK(message_of("lexicon/roles.tsv", "maire\tM\tS\n\tF\tS\n") == "lexicon/roles.tsv:2: empty field");
}
