#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/quotes.hpp"
#include "frnews/segment.hpp"
#include "core/lexicon_file.hpp"
#include "core/lexicons.hpp"
#include "quotes/lexicon.hpp"

using namespace frnews;

namespace {

// A small knowledge base written for these tests.
const KnowledgeBase& test_kb() {
  static const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
      "Q3052772\tEmmanuel Macron\tEmmanuel Macron\tPER\tMacron\t0.9\tprésident de la République française\n"
      "Q7747\tVladimir Poutine\tVladimir Poutine\tPER\tPoutine\t0.9\tprésident de la Russie\n"
      "Q142\tFrance\tFrance\tLOC\t\t0.9\tpays d'Europe\n"
      "Q90\tParis\tParis\tLOC\t\t0.95\tcapitale de la France\n"
      "Q456\tLyon\tLyon\tLOC\t\t0.9\tville de France\n"
      "Q23482\tMarseille\tMarseille\tLOC\t\t0.9\tville de France\n"
      "Q66\tBoeing\tBoeing\tORG\t\t0.9\tconstructeur aéronautique américain\n"
      "\tConfédération française démocratique du travail\tCFDT\tORG\tConfédération française "
      "démocratique du travail\t0.9\tsyndicat français\n"
      "\tReuters\tReuters\tORG\t\t0.9\tagence de presse\n");
  return kb;
}

struct Result {
  std::string text;
  std::vector<Quote> quotes;

  [[nodiscard]] std::string of(Span span) const { return std::string(span.of(text)); }
  [[nodiscard]] std::string content(std::size_t i) const { return of(quotes.at(i).content); }
  [[nodiscard]] std::string speaker(std::size_t i) const {
    const auto& s = quotes.at(i).speaker;
    return s ? s->name : std::string("(none)");
  }
  [[nodiscard]] std::string mention(std::size_t i) const {
    const auto& s = quotes.at(i).speaker;
    return s ? of(s->mention) : std::string("(none)");
  }
  [[nodiscard]] std::string lemma(std::size_t i) const {
    const auto& c = quotes.at(i).cue;
    return c ? c->lemma : std::string("(none)");
  }
  [[nodiscard]] std::string rule(std::size_t i) const { return std::string(quotes.at(i).rule); }
  [[nodiscard]] std::string speaker_rule(std::size_t i) const {
    const auto& s = quotes.at(i).speaker;
    return s ? std::string(s->rule) : std::string("(none)");
  }
  [[nodiscard]] std::string cue(std::size_t i) const {
    const auto& c = quotes.at(i).cue;
    return c ? of(c->span) : std::string("(none)");
  }
};

Result extract(std::string text) {
  Result result{std::move(text), {}};
  auto doc = make_document(result.text);
  REQUIRE(doc);
  static const EntityLinker linker(test_kb());
  static const QuoteExtractor extractor;
  const Entities entities = linker.link(*doc);
  result.quotes = extractor.extract(*doc, entities);
  return result;
}

}  // namespace

TEST_CASE("A quotation with an incise after it", "[quotes]") {
  const auto r = extract("« Nous ne reculerons pas sur la réforme des retraites », a déclaré Emmanuel Macron mardi à Marseille.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "Nous ne reculerons pas sur la réforme des retraites");
  CHECK(r.quotes[0].kind == QuoteKind::direct);
  CHECK(r.speaker(0) == "Emmanuel Macron");
  CHECK(r.quotes[0].speaker->wikidata_id == "Q3052772");
  CHECK(r.lemma(0) == "déclarer");
  CHECK(r.cue(0) == "a déclaré");
}

TEST_CASE("Inverted pronouns resolve to the person named before", "[quotes]") {
  SECTION("a-t-il") {
    const auto r = extract(
        "Le président Emmanuel Macron s'est rendu mardi à Lyon. « La France tiendra ses engagements », a-t-il assuré.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Emmanuel Macron");
    CHECK(r.mention(0) == "il");
    CHECK(r.cue(0) == "a-t-il assuré");
    CHECK(r.lemma(0) == "assurer");
  }
  SECTION("estime-t-elle, with the most recent compatible person") {
    const auto r = extract(
        "Paul Girard et Sophie Martin ont débattu mardi soir sur France 2. « Ce budget ne tient pas debout », "
        "estime-t-elle.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Sophie Martin");
    CHECK(r.lemma(0) == "estimer");
  }
  SECTION("the subject of the sentence before, not its object") {
    const auto r = extract(
        "Emmanuel Macron a reçu Vladimir Poutine à Brégançon. « Nous avons parlé franchement », a-t-il déclaré.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Emmanuel Macron");
  }
  SECTION("an agent after par is not the antecedent") {
    const auto r = extract(
        "Marie Lefèvre dirige la fédération depuis 2019. Accusée par Paul Girard de favoritisme, elle a rétorqué "
        "que les comptes étaient publics.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].kind == QuoteKind::indirect);
    CHECK(r.content(0) == "les comptes étaient publics");
    CHECK(r.speaker(0) == "Marie Lefèvre");
    CHECK(r.lemma(0) == "rétorquer");
  }
}

TEST_CASE("A short name goes back to the fullest name", "[quotes]") {
  const auto r = extract(
      "Emmanuel Macron a reçu les syndicats lundi à l'Élysée. « Le dialogue reste ouvert », a ajouté M. Macron.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.speaker(0) == "Emmanuel Macron");
  CHECK(r.mention(0) == "M. Macron");
  CHECK(r.lemma(0) == "ajouter");
}

TEST_CASE("A speaker before a colon", "[quotes]") {
  SECTION("same sentence, with a name in apposition") {
    const auto r = extract(
        "La ministre de la Santé, Claire Dubois, a justifié sa décision : « Les hôpitaux ne peuvent plus attendre. »");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Les hôpitaux ne peuvent plus attendre.");
    CHECK(r.quotes[0].kind == QuoteKind::direct);
    CHECK(r.speaker(0) == "Claire Dubois");
    CHECK(r.lemma(0) == "justifier");
  }
  SECTION("the quotation in the next paragraph") {
    const auto r = extract("Interrogé sur le budget, le maire a répondu :\n\n« Nous ferons des économies sans toucher aux écoles. »");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "le maire");
    CHECK(r.lemma(0) == "répondre");
  }
}

TEST_CASE("Reported speech without quotation marks", "[quotes]") {
  SECTION("selon at the head of the sentence") {
    const auto r = extract("Selon la CFDT, plus de la moitié des salariés refusent le projet.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].kind == QuoteKind::indirect);
    CHECK(r.content(0) == "plus de la moitié des salariés refusent le projet");
    CHECK(r.mention(0) == "la CFDT");
    CHECK(r.lemma(0) == "selon");
  }
  SECTION("selon with a relative clause") {
    const auto r = extract("Selon le quotidien, qui cite des diplomates, la rencontre aura lieu en mars.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "la rencontre aura lieu en mars");
    CHECK(r.speaker(0) == "le quotidien");
  }
  SECTION("selon les termes de X") {
    const auto r = extract("« La porte reste ouverte », selon les termes de Marie Lambert.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Marie Lambert");
  }
  SECTION("selon at the end") {
    const auto r = extract("Le chantier prendra deux ans de retard, selon le ministère des Transports.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Le chantier prendra deux ans de retard");
    CHECK(r.speaker(0) == "le ministère des Transports");
  }
  SECTION("d'après, aux yeux de, pour") {
    const auto r = extract(
        "D'après des experts, la sécheresse devrait durer jusqu'en octobre. Aux yeux de l'opposition, ce budget "
        "est insincère. Pour le ministre de l'Économie, la croissance sera au rendez-vous.");
    REQUIRE(r.quotes.size() == 3);
    CHECK(r.speaker(0) == "des experts");
    CHECK(r.lemma(0) == "d'après");
    CHECK(r.speaker(1) == "l’opposition");
    CHECK(r.lemma(1) == "aux yeux de");
    CHECK(r.content(2) == "la croissance sera au rendez-vous");
    CHECK(r.speaker(2) == "le ministre de l’Économie");
  }
  SECTION("a verb and que") {
    const auto r = extract("Le Kremlin a affirmé jeudi que les négociations restaient possibles.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].kind == QuoteKind::indirect);
    CHECK(r.content(0) == "les négociations restaient possibles");
    CHECK(r.mention(0) == "Le Kremlin");
    CHECK(r.lemma(0) == "affirmer");
  }
  SECTION("a group as speaker") {
    const auto r = extract("Plusieurs syndicats estiment que la réforme est injuste.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Plusieurs syndicats");
    CHECK(r.lemma(0) == "estimer");
  }
  SECTION("an inverted verb after the clause") {
    const auto r = extract(
        "Les prix de l'énergie vont encore augmenter cet hiver, a prévenu mercredi le patron de la compagnie.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Les prix de l'énergie vont encore augmenter cet hiver");
    CHECK(r.speaker(0) == "le patron de la compagnie");
    CHECK(r.lemma(0) == "prévenir");
  }
  SECTION("one reported clause a sentence") {
    const auto r = extract("Le président a annoncé vendredi qu'il se rendrait à Kiev, selon son entourage.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Le président");
  }
  SECTION("a partial quotation does not hide another clause's reported speech") {
    const auto r = extract(
        "Le maire a salué un « accord historique », tandis que l'opposition a estimé que le texte restait flou.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(0) == "Le maire");
    CHECK(r.quotes[1].kind == QuoteKind::indirect);
    CHECK(r.content(1) == "le texte restait flou");
    CHECK(r.speaker(1) == "l’opposition");
  }
  SECTION("an inverted verb followed by circumstances") {
    const auto r = extract(
        "Le Premier ministre présentera un plan pour les écoles, a annoncé le gouvernement dans un communiqué.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "le gouvernement");
    CHECK(r.content(0) == "Le Premier ministre présentera un plan pour les écoles");
  }
  SECTION("a subject with a name in apposition is no reported clause") {
    const auto r = extract("Le secrétaire général de l'alliance, Mark Rutte, a exhorté les Alliés à dépenser davantage.");
    CHECK(r.quotes.empty());
  }
  SECTION("no speaker, no quote: figures after selon") {
    const auto r = extract("L'incendie a détruit 300 hectares selon un bilan provisoire. Selon nos informations, le site fermera.");
    CHECK(r.quotes.empty());
  }
}

TEST_CASE("Partial quotations take the subject of their reporting verb", "[quotes]") {
  SECTION("dénoncer une « … »") {
    const auto r = extract("Le syndicat a dénoncé une « provocation inacceptable » de la direction.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "provocation inacceptable");
    CHECK(r.quotes[0].kind == QuoteKind::partial);
    CHECK(r.speaker(0) == "Le syndicat");
    CHECK(r.lemma(0) == "dénoncer");
  }
  SECTION("promettre une aide « … »") {
    const auto r = extract("La préfète Anne Morel a promis une aide « rapide et massive » aux agriculteurs.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Anne Morel");
    CHECK(r.lemma(0) == "promettre");
  }
  SECTION("juger la peine « … »") {
    const auto r = extract("Son avocat, Me Paul Durand, a jugé la sanction « totalement disproportionnée ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Paul Durand");
    CHECK(r.lemma(0) == "juger");
  }
  SECTION("quoted words in reported speech are one quotation") {
    const auto r = extract("L'économiste Paul Girard a jugé que le plan « manque cruellement d'ambition ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].kind == QuoteKind::partial);
    CHECK(r.content(0) == "manque cruellement d'ambition");
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("a reflexive verb") {
    const auto r = extract("Le club s'est félicité d'un « accord historique » avec la mairie.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Le club");
    CHECK(r.cue(0) == "s'est félicité");
    CHECK(r.lemma(0) == "se féliciter");
  }
}

TEST_CASE("More subjects: relatives, emphasis, colons without a verb, passives, sources", "[quotes]") {
  SECTION("the subject of qui") {
    const auto r = extract(
        "« Nous jouerons pour gagner », a assuré le sélectionneur Paul Girard, qui a ensuite salué le « courage » "
        "de son groupe.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.content(1) == "courage");
    CHECK(r.speaker(1) == "Paul Girard");
    CHECK(r.lemma(1) == "saluer");
  }
  SECTION("a relative clause between the subject and its verb") {
    const auto r = extract(
        "Le ministre de l'Intérieur, qui s'exprimait devant les députés, a précisé que les effectifs seraient renforcés.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Le ministre de l’Intérieur");
    CHECK(r.content(0) == "les effectifs seraient renforcés");
  }
  SECTION("a stressed pronoun after the subject") {
    const auto r = extract("Les syndicats, eux, dénoncent une « provocation ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Les syndicats");
  }
  SECTION("a colon after a sentence about a person, without a reporting verb") {
    const auto r = extract("Emmanuel Macron n'a pas caché son agacement : « Ce n'est pas sérieux. »");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Emmanuel Macron");
    CHECK_FALSE(r.quotes[0].cue);
  }
  SECTION("longer quoted words in a sentence about someone, without a reporting verb") {
    const auto r = extract(
        "L'actrice Claire Dubois a été récompensée samedi à Cannes. Très émue, elle a dédié son prix « à toutes les "
        "femmes qui se battent ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Claire Dubois");
    CHECK_FALSE(r.quotes[0].cue);
  }
  SECTION("but not a sentence about a thing") {
    const auto r = extract("La loi vise à « protéger les plus fragiles de la société ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK_FALSE(r.quotes[0].speaker);
  }
  SECTION("a passive participle with par") {
    const auto r = extract("Le gouvernement a présenté une prévision jugée « optimiste » par la Cour des comptes.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "la Cour des comptes");
    CHECK(r.lemma(0) == "juger");
  }
  SECTION("a source before the quotation") {
    const auto r = extract("Pour l'économiste Jeanne Roux, « la dette n'est pas le vrai problème ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Jeanne Roux");
    CHECK(r.lemma(0) == "pour");
  }
  SECTION("a name after a role and its complement") {
    const auto r = extract("Le ministre de l'Intérieur Bruno Lemaire a promis des renforts « dans les prochains jours ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Bruno Lemaire");
  }
  SECTION("a reflexive 'se dire' is no naming") {
    const auto r = extract("La maire, Claire Dubois, s'est dite « profondément choquée » par les images.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Claire Dubois");
    CHECK(r.lemma(0) == "se dire");
  }
  SECTION("a plural pronoun goes back to a group") {
    const auto r = extract("Les agriculteurs ont bloqué l'autoroute. « Nous ne lâcherons rien », répètent-ils.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Les agriculteurs");
    CHECK(r.mention(0) == "ils");
  }
}

TEST_CASE("An incise inside the quotation", "[quotes]") {
  const auto r = extract("« Nous ne céderons pas, a prévenu la présidente du syndicat, car la loi est injuste. »");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.content(0) == "Nous ne céderons pas");
  CHECK(r.content(1) == "car la loi est injuste.");
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(r.speaker(i) == "la présidente du syndicat");
    CHECK(r.lemma(i) == "prévenir");
  }
}

TEST_CASE("The channel is not the speaker", "[quotes]") {
  SECTION("cité par une agence") {
    const auto r = extract(
        "« La situation est sous contrôle », a déclaré le général Thomas Leroy, cité par l'agence Reuters.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Thomas Leroy");
  }
  SECTION("confié sur une radio") {
    const auto r = extract("Marie Lambert a longtemps hésité. « Je ne serai pas candidate », a-t-elle confié sur France Inter.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Marie Lambert");
    CHECK(r.lemma(0) == "confier");
  }
  SECTION("a name right after the medium") {
    const auto r = extract("« Nous n'avons rien à cacher », a affirmé à l'AFP Jean Dupont, porte-parole de l'association.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Jean Dupont");
  }
  SECTION("a longer place phrase before the speaker") {
    const auto r = extract("« Justice a été rendue », a réagi à la sortie de l'audience Me Sophie Lambert.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "Me Sophie Lambert");
    CHECK(r.speaker(0) == "Sophie Lambert");
  }
  SECTION("déclaré à l'AFP") {
    const auto r = extract("« Nous porterons plainte », a déclaré à l'AFP le directeur de l'usine.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "le directeur de l’usine");
  }
}

TEST_CASE("Quotations going on with the same speaker", "[quotes]") {
  SECTION("same paragraph") {
    const auto r = extract("Sophie Martin a remporté l'élection. « Nous avons gagné », a-t-elle lancé. « Ce n'est qu'un début. »");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(0) == "Sophie Martin");
    CHECK(r.speaker(1) == "Sophie Martin");
  }
  SECTION("next paragraph") {
    const auto r = extract(
        "« Les travaux commenceront en mai », a annoncé le maire, Jacques Roux.\n\n"
        "« Le quartier sera méconnaissable dans deux ans. »");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(1) == "Jacques Roux");
  }
  SECTION("not past an incise of someone else") {
    const auto r = extract(
        "« Les travaux commenceront en mai », a annoncé le maire, Jacques Roux.\n\n"
        "« Le calendrier sera tenu », peut-on lire dans le communiqué de la préfecture.");
    REQUIRE(r.quotes.size() == 2);
    CHECK_FALSE(r.quotes[1].speaker);
  }
  SECTION("« A » et « B », a dit X") {
    const auto r = extract(
        "« Le pays a besoin de stabilité » et « nous la lui donnerons », a déclaré le président Emmanuel Macron.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(0) == "Emmanuel Macron");
    CHECK(r.speaker(1) == "Emmanuel Macron");
  }
}

TEST_CASE("The quote rules read the tokens of the token layer", "[quotes]") {
  SECTION("a slash between two words keeps the speaker's description whole") {
    const auto r = extract("« Nous manquons de bras », observe la responsable emploi/formation de la mairie Claire Petit.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Claire Petit");
  }
  SECTION("a word the tokenizer keeps whole is not split again") {
    const auto r = extract("« Nous avons fixé un rendez-vous pour lundi », a expliqué Marie Dubois. Le rendez-vous, "
                           "a-t-elle ajouté, « sera public ».");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.content(0) == "Nous avons fixé un rendez-vous pour lundi");
    CHECK(r.speaker(1) == "Marie Dubois");
    CHECK(r.mention(1) == "elle");
  }
}

TEST_CASE("Role descriptions", "[quotes]") {
  SECTION("resolved to the person introduced with the role") {
    const auto r = extract(
        "Son avocat, Me Paul Durand, a plaidé l'acquittement. Le procès reprend lundi. "
        "« Mon client est innocent », a répété l'avocat.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Paul Durand");
    CHECK(r.mention(0) == "l'avocat");
  }
  SECTION("introduced with the role in a sentence without quotation") {
    const auto r = extract(
        "Le président français Emmanuel Macron a reçu jeudi les maires. « Nous tiendrons parole », a assuré le "
        "président français.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Emmanuel Macron");
    CHECK(r.mention(0) == "le président français");
  }
  SECTION("an apposition that is no speaker is skipped") {
    const auto r = extract("La sénatrice Claire Dubois, absente du débat, a réclamé une « enquête parlementaire ».");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Claire Dubois");
  }
  SECTION("a company named with its description") {
    const auto r = extract(
        "Le groupe américain Boeing a reconnu des défauts. Jeudi, le groupe américain a assuré que les livraisons "
        "reprendraient.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Boeing");
  }
  SECTION("a nationality names the person just spoken of") {
    const auto r = extract(
        "« Nous avons montré du caractère », a estimé l'entraîneur Paul Girard. L'Espagnol s'est aussi félicité de "
        "la « maturité » de son groupe.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(1) == "Paul Girard");
    CHECK(r.mention(1) == "L'Espagnol");
  }
  SECTION("a company noun after the company spoke") {
    const auto r = extract(
        "Boeing a annoncé lundi la reprise des livraisons. Le constructeur assure que les contrôles ont été renforcés.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Boeing");
    CHECK(r.mention(0) == "Le constructeur");
  }
  SECTION("the description itself when nobody was introduced") {
    const auto r = extract("« Nous attendons des actes », a réagi le porte-parole du collectif.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "le porte-parole du collectif");
    CHECK(r.lemma(0) == "réagir");
  }
}

// Descriptive speakers keep the canonical text, where apostrophes are typographic (’).
TEST_CASE("Quotation marks", "[quotes]") {
  SECTION("no-break spaces inside guillemets are not content") {
    const auto r = extract("«\u00A0Bonjour à tous\u00A0», a lancé le maire.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Bonjour à tous");
  }
  SECTION("straight and curly marks") {
    const auto r = extract(
        "\"Nous sommes prêts\", a assuré l'entraîneur. “Le match sera difficile”, a ajouté le capitaine.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.content(0) == "Nous sommes prêts");
    CHECK(r.speaker(0) == "l’entraîneur");
    CHECK(r.content(1) == "Le match sera difficile");
    CHECK(r.speaker(1) == "le capitaine");
  }
  SECTION("a straight quotation after a sentence in the same paragraph") {
    const auto r = extract("La maire a quitté la salle. \"Nous reviendrons\", a-t-elle lancé.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Nous reviendrons");
    CHECK(r.quotes[0].kind == QuoteKind::direct);
  }
  SECTION("nested quotations are one quotation") {
    const auto r = extract("« Il m'a dit “je reviendrai demain” puis il est parti », a raconté la voisine.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Il m'a dit “je reviendrai demain” puis il est parti");
    CHECK(r.speaker(0) == "la voisine");
  }
  SECTION("a quotation over several paragraphs") {
    const auto r = extract(
        "Le ministre a détaillé son plan :\n\n« Premièrement, nous baisserons les impôts.\n\n"
        "« Deuxièmement, nous investirons dans la santé. »\n\nLa séance a ensuite été levée.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0).starts_with("Premièrement"));
    CHECK(r.content(0).ends_with("dans la santé."));
    CHECK(r.speaker(0) == "Le ministre");
  }
  SECTION("a missing closing mark does not swallow the next paragraphs") {
    const auto r = extract(
        "« Nous ne lâcherons rien, a lancé la syndicaliste.\n\n"
        "Le gouvernement a annoncé une réunion pour jeudi. « Les discussions seront franches », a dit le ministre.");
    REQUIRE(r.quotes.size() >= 2);
    CHECK(r.content(0).find("gouvernement") == std::string::npos);
    const auto& last = r.quotes.back();
    CHECK(r.of(last.content) == "Les discussions seront franches");
    CHECK(last.speaker->name == "le ministre");
  }
  SECTION("a hundred thousand marks") {
    std::string text;
    // Quotations said by Paul, and every fifth one never closed.
    for (int i = 0; i < 50000; ++i) text += i % 5 == 0 ? "« Rien ne va plus. " : "« Tout va bien », a dit Paul. ";
    const auto r = extract(text);
    CHECK(r.quotes.size() >= 45000);
    CHECK(r.speaker(1) == "Paul");
  }
}

TEST_CASE("Titles, names and labels are not quotations", "[quotes]") {
  const auto r = extract(
      "Le film « Les Oubliés » sort mercredi. L'opération « Sentinelle » a été prolongée. Le projet, baptisé "
      "« Horizon vert », coûtera cher. Les « gilets jaunes » ont manifesté samedi. Le quartier, surnommé « la petite "
      "Venise du Nord », attire les touristes.");
  CHECK(r.quotes.empty());
}

TEST_CASE("A title noun further back does not make a label", "[quotes]") {
  const auto r = extract("Le ministre a affirmé que la réforme serait « juste » et que personne ne serait « oublié ».");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.content(0) == "juste");
  CHECK(r.speaker(0) == "Le ministre");
  CHECK(r.content(1) == "oublié");
}

TEST_CASE("Capitalised words with a cue are words said", "[quotes]") {
  const auto r = extract("« Bienvenue en Europe », a lancé la présidente de la Commission aux réfugiés.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "Bienvenue en Europe");
  CHECK(r.lemma(0) == "lancer");
}

TEST_CASE("No speaker in the text means none", "[quotes]") {
  SECTION("a quotation alone") {
    const auto r = extract("« Plus jamais ça. » Ces mots étaient peints sur une banderole à l'entrée du village.");
    REQUIRE(r.quotes.size() == 1);
    CHECK_FALSE(r.quotes[0].speaker);
  }
  SECTION("-t-on with the place or circle that speaks") {
    const auto r = extract("« Rien n'est décidé », explique-t-on dans l'entourage du ministre.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "l’entourage du ministre");
    CHECK(r.lemma(0) == "expliquer");
  }
  SECTION("a-t-on appris") {
    const auto r = extract("« Le sommet est reporté à mars », a-t-on appris de source diplomatique.");
    REQUIRE(r.quotes.size() == 1);
    CHECK_FALSE(r.quotes[0].speaker);
    CHECK(r.lemma(0) == "apprendre");
  }
}

TEST_CASE("Dialogue lines opened by a dash", "[quotes]") {
  const auto r = extract("Il faisait nuit.\n— Je pars demain, dit Paul.\n— Tu as raison, répondit-elle.");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.content(0) == "Je pars demain");
  CHECK(r.speaker(0) == "Paul");
  CHECK(r.lemma(0) == "dire");
  CHECK(r.content(1) == "Tu as raison");
  CHECK(r.lemma(1) == "répondre");
}

TEST_CASE("Spans point into the original text", "[quotes]") {
  // HTML entities and curly apostrophes are rewritten by normalization; spans stay on the original.
  const auto r = extract("&laquo;&nbsp;C&#8217;est une victoire&nbsp;&raquo;, a dit M. Macron.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "C&#8217;est une victoire");
  CHECK(r.mention(0) == "M. Macron");
}

TEST_CASE("Bad input never breaks extraction", "[quotes]") {
  for (const std::string& text : {std::string(), std::string("»»»«««"), std::string("« "), std::string("\"\"\""),
                                 std::string("— "), std::string("a-t-il a-t-il selon selon , , :"),
                                 std::string("\xFF\xFE« x \xC3")}) {
    const auto r = extract(text);
    for (const auto& q : r.quotes) CHECK(q.content.end <= r.text.size());
  }
}

namespace {

// Every span of the quotes lies in the text, in order, on UTF-8 character boundaries.
void check_spans(const Result& r) {
  const auto on_boundary = [&](std::uint32_t at) {
    return at == r.text.size() || (static_cast<unsigned char>(r.text[at]) & 0xC0U) != 0x80U;
  };
  const auto check = [&](Span s) {
    CHECK(s.begin <= s.end);
    CHECK(s.end <= r.text.size());
    if (s.begin <= s.end && s.end <= r.text.size()) {
      CHECK(on_boundary(s.begin));
      CHECK(on_boundary(s.end));
    }
  };
  for (const auto& q : r.quotes) {
    check(q.content);
    if (q.speaker) check(q.speaker->mention);
    if (q.cue) check(q.cue->span);
  }
}

}  // namespace

TEST_CASE("An elided capital opening a sentence is no name", "[quotes][elision]") {
  // Found by fuzzing: "N'" was taken for a name of no words before "dit", and the words before
  // the first were read.
  for (const std::string_view text : {"N'i dit", "N’importe qui le dit.", "S’il le dit, « tout ira bien ».",
                                      "« Non », N'i dit.", "D’autres ont affirmé : « Rien ne change. »"}) {
    INFO(text);
    const auto r = extract(std::string(text));
    check_spans(r);
    for (const auto& q : r.quotes) {
      if (q.speaker) CHECK_FALSE(r.of(q.speaker->mention).empty());
    }
  }
  const auto r = extract("D’autres ont affirmé : « Rien ne change. »");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.speaker(0) != "D’");
}

TEST_CASE("A name written against an elision keeps its span in text order", "[quotes][elision]") {
  SECTION("after an inverted verb") {
    const auto r = extract("« Rien n’est joué », a déclaré D’Alembert au Monde.");
    check_spans(r);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "D’Alembert");
    CHECK(r.speaker(0) == "D’Alembert");
  }
  SECTION("opening the sentence") {
    const auto r = extract("N’Diaye a affirmé : « Rien ne change. »");
    check_spans(r);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "N’Diaye");
  }
  SECTION("found by fuzzing: a grave accent for the apostrophe") {
    // The speaker "S`h" came out as the span {11, 10}.
    const auto r = extract("\"s\"affirme S`h");
    check_spans(r);
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "S`h");
  }
}

TEST_CASE("Each quotation and speaker names the rule that decided it", "[quotes][rules]") {
  SECTION("a cue after the closing mark, its subject after the verb") {
    const auto r = extract("« Le dialogue reste ouvert », a déclaré Emmanuel Macron.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.rule(0) == "quote.cue-after");
    CHECK(r.speaker_rule(0) == "inverted.subject");
  }
  SECTION("a verb before the colon, its subject before it") {
    const auto r = extract("Emmanuel Macron a prévenu : « Nous ne céderons rien. »");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.rule(0) == "quote.cue-before-colon");
    CHECK(r.speaker_rule(0) == "subject.before");
  }
  SECTION("selon and its phrase") {
    const auto r = extract("Selon Vladimir Poutine, les négociations avancent lentement mais sûrement.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.rule(0) == "reported.source-first");
    CHECK(r.speaker_rule(0) == "source.phrase");
  }
  SECTION("a que-clause") {
    const auto r = extract("Emmanuel Macron a estimé mardi que la croissance repartirait au printemps.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.rule(0) == "reported.que");
    CHECK(r.speaker_rule(0) == "subject.before");
  }
  SECTION("no speaker named") {
    const auto r = extract("« Tout le monde savait que ce pont allait céder un jour ou l'autre. »");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.rule(0) == "quote.unattributed");
    CHECK_FALSE(r.quotes[0].speaker);
  }
}

TEST_CASE("A quotation goes on over a line break when the next line closes it", "[quotes][realnews]") {
  SECTION("straight marks, one sentence a line") {
    const auto r = extract(
        "Le maire Paul Girard a décrit la scène.\n"
        "\"Les pompiers sont arrivés en dix minutes.\nIls ont sorti trois personnes des décombres\", a-t-il raconté.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "Les pompiers sont arrivés en dix minutes.\nIls ont sorti trois personnes des décombres");
    CHECK(r.quotes[0].kind == QuoteKind::direct);
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("the next line opens a quotation of its own: the first one ended with its line") {
    const auto r = extract("Il a dit \"oui sans hésiter.\nPuis \"non\" le lendemain, a raconté Paul Girard.");
    for (const auto& q : r.quotes) CHECK(r.of(q.content).find('\n') == std::string::npos);
  }
}

TEST_CASE("An incise inside the marks splits the quotation in two", "[quotes][realnews]") {
  const auto r = extract(
      "Paul Girard a présenté son bilan lundi. \"Depuis le début du mandat, souligne-t-il, la dette de la ville a "
      "baissé de dix millions d'euros.\"");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.content(0) == "Depuis le début du mandat");
  CHECK(r.content(1) == "la dette de la ville a baissé de dix millions d'euros.");
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(r.quotes[i].kind == QuoteKind::direct);
    CHECK(r.speaker(i) == "Paul Girard");
    CHECK(r.cue(i) == "souligne-t-il");
    CHECK(r.rule(i) == "quote.incise-inside");
  }
}

TEST_CASE("The pronoun of an incise goes on with the last person quoted", "[quotes][realnews]") {
  const auto r = extract(
      "« Le dossier avance », assure Paul Girard, maire de la ville.\n"
      "C'est lui qui a saisi la justice, que le préfet Jean Dupuis avait d'abord voulu éviter.\n"
      "« Nous irons jusqu'au bout », ajoute-t-il.");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.speaker(1) == "Paul Girard");
  CHECK(r.mention(1) == "il");
  CHECK(r.speaker_rule(1) == "inverted.pronoun");
}

TEST_CASE("An infinitive complement is reported speech", "[quotes][realnews]") {
  SECTION("avoir after the verb") {
    const auto r = extract("L'ancien trésorier Marc Lenoir a reconnu avoir détourné des fonds pendant dix ans.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.quotes[0].kind == QuoteKind::indirect);
    CHECK(r.content(0) == "avoir détourné des fonds pendant dix ans");
    CHECK(r.speaker(0) == "Marc Lenoir");
    CHECK(r.lemma(0) == "reconnaître");
    CHECK(r.rule(0) == "reported.infinitive");
  }
  SECTION("a negation before the infinitive") {
    const auto r = extract("Plusieurs électeurs avouent n'avoir jamais voté de leur vie.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "n'avoir jamais voté de leur vie");
  }
  SECTION("an object, then de and the infinitive") {
    const auto r = extract("Le conseiller Paul Girard accuse Marc Lenoir d'avoir caché le rapport aux élus.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "avoir caché le rapport aux élus");
    CHECK(r.speaker(0) == "Paul Girard");
    CHECK(r.lemma(0) == "accuser");
  }
  SECTION("an inanimate subject is no speaker") {
    const auto r = extract("Le conflit menace de s'étendre à toute la région dans les prochains jours.");
    CHECK(r.quotes.empty());
  }
  SECTION("a verb without an infinitive complement") {
    const auto r = extract("Paul Girard a salué le travail des bénévoles pendant les inondations.");
    for (const auto& q : r.quotes) CHECK(q.rule != "reported.infinitive");
  }
}

TEST_CASE("Selon a document or the words of its author", "[quotes][realnews]") {
  SECTION("the author of a report speaks") {
    const auto r = extract("Selon un rapport de la CFDT, les salaires ont stagné dans la moitié des entreprises du secteur.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "CFDT");
    CHECK(r.quotes[0].speaker->wiki_title == "Confédération française démocratique du travail");
    CHECK(r.content(0) == "les salaires ont stagné dans la moitié des entreprises du secteur");
  }
  SECTION("a survey speaks for itself") {
    const auto r = extract("Selon une étude britannique, une majorité des électeurs souhaite un second débat.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "une étude britannique");
  }
  SECTION("figures alone speak for nobody") {
    const auto r = extract("Selon les chiffres, le chômage a reculé de deux points en un an dans la région.");
    CHECK(r.quotes.empty());
  }
  SECTION("selon at the end of the sentence without a comma") {
    const auto r = extract("Les comptes de la fédération ne sont plus équilibrés depuis trois ans selon la Cour des comptes.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.mention(0) == "la Cour des comptes");
    CHECK(r.rule(0) == "reported.source-last");
  }
}

TEST_CASE("A verb whose object is what was said", "[quotes][realnews]") {
  SECTION("nier, with its negation") {
    const auto r = extract("Le maire Paul Girard ne nie pas l'existence de ces dîners clandestins à la mairie.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "l'existence de ces dîners clandestins à la mairie");
    CHECK(r.speaker(0) == "Paul Girard");
    CHECK(r.rule(0) == "reported.object");
  }
  SECTION("faire état de, up to the comma") {
    const auto r = extract(
        "L'association Paul Girard faisait état de la présence de pesticides dans les cantines, un mois après l'alerte.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "la présence de pesticides dans les cantines");
    CHECK(r.lemma(0) == "faire état");
  }
  SECTION("a court that sentences someone reports nothing") {
    const auto r = extract("Le tribunal a condamné Paul Girard à dix-huit mois de prison avec sursis pour fraude.");
    CHECK(r.quotes.empty());
  }
}

TEST_CASE("An incise after a few words opens what was said", "[quotes][realnews]") {
  const auto r = extract(
      "Dans ces conditions, calcule la Commission, le déficit public représentera encore 4 % du PIB l'an prochain.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "le déficit public représentera encore 4 % du PIB l'an prochain");
  CHECK(r.mention(0) == "la Commission");
  CHECK(r.rule(0) == "reported.incise-middle");
  SECTION("an apposition after the speaker is no speech") {
    const auto a = extract("Selon lui, explique Paul Girard, directeur de l'agence régionale de santé depuis 2019.");
    for (const auto& q : a.quotes) CHECK(q.rule != "reported.incise-middle");
  }
}

TEST_CASE("A verb and a colon before unquoted words", "[quotes][realnews]") {
  const auto r = extract(
      "L'ingénieur Paul Girard l'a détaillé devant la commission : en dix ans, il a reçu des cadeaux de vingt "
      "entreprises.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "en dix ans, il a reçu des cadeaux de vingt entreprises");
  CHECK(r.speaker(0) == "Paul Girard");
  CHECK(r.rule(0) == "reported.colon");
}

TEST_CASE("Speakers found across appositions, adverbials and emphasis", "[quotes][realnews]") {
  SECTION("a role with its complement before the name") {
    const auto r = extract("« Il faudra de nouvelles mesures », estime le commissaire aux affaires économiques, Paul Girard.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("a role given after the name stands for the person later") {
    const auto r = extract(
        "« Le risque demeure », estime Paul Girard, économiste de la Banque de Lyon.\n"
        "« Les taux baisseront en mars », a ajouté l'économiste de la Banque de Lyon.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(1) == "Paul Girard");
    CHECK(r.mention(1) == "l'économiste de la Banque de Lyon");
  }
  SECTION("adverbials between commas before the inverted subject") {
    const auto r = extract("« La semaine sera décisive », estimait, hier, l'influent sénateur Paul Girard.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("a pronoun that stresses the name before it") {
    const auto r = extract(
        "Si Marie Lefèvre estime que les candidats sont accusés à tort, Sophie Martin, elle, ne nie pas "
        "l'existence de ces dîners clandestins.");
    REQUIRE_FALSE(r.quotes.empty());
    CHECK(r.speaker(r.quotes.size() - 1) == "Sophie Martin");
  }
  SECTION("a participle takes the subject of its sentence") {
    const auto r = extract(
        "Le sénateur Paul Girard a vanté son expérience, tout en soulignant la « naïveté » de son adversaire.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "naïveté");
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("an incise after a question inside the marks") {
    const auto r = extract(
        "« Vous avez vu qu'il y avait une élection ? interroge l'opposant Paul Girard. Il n'y avait personne. »");
    REQUIRE_FALSE(r.quotes.empty());
    CHECK(r.speaker(0) == "Paul Girard");
    CHECK(r.lemma(0) == "interroger");
  }
}

TEST_CASE("On in an incise stands for the organisation speaking", "[quotes][realnews]") {
  SECTION("the organisation quoted before") {
    const auto r = extract(
        "« Le dépistage sauve des vies », affirme la CFDT.\n« La prévention reste la priorité », ajoute-t-on.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.speaker(1) == "CFDT");
    CHECK(r.mention(1) == "on");
    CHECK(r.speaker_rule(1) == "inverted.on");
  }
  SECTION("a-t-on appris is the newsroom's") {
    const auto r = extract("« Le dépistage sauve des vies », affirme la CFDT.\n« Le site fermera », a-t-on appris.");
    REQUIRE(r.quotes.size() == 2);
    CHECK_FALSE(r.quotes[1].speaker);
  }
}

TEST_CASE("More real-news constructions", "[quotes][realnews]") {
  SECTION("a term quoted again and again is the writer's, not a quotation") {
    const auto r = extract(
        "Les témoins racontent ce qu'ils savent d'un vaste « système » de fausses factures.\n"
        "Le « système » a coûté cher aux contribuables, selon les enquêteurs de la brigade financière.");
    for (const auto& q : r.quotes) CHECK(r.of(q.content) != "système");
  }
  SECTION("a stressed pronoun opening the sentence is its subject") {
    const auto r = extract(
        "« Nous irons jusqu'au bout », a promis Paul Girard.\nLui prône une révision complète du code électoral.");
    REQUIRE(r.quotes.size() == 2);
    CHECK(r.content(1) == "une révision complète du code électoral");
    CHECK(r.speaker(1) == "Paul Girard");
  }
  SECTION("a stressed pronoun inside the verb group") {
    const auto r = extract("Sophie Martin a, elle, souligné qu'elle représentait l'avenir du parti.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "elle représentait l'avenir du parti");
    CHECK(r.speaker(0) == "Sophie Martin");
  }
  SECTION("a relative clause with dont between the subject and the verb") {
    const auto r = extract(
        "La CFDT, dont une enquête publiée samedi fait grand bruit, juge que la réforme ne passera pas.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "CFDT");
  }
  SECTION("a participle opening the sentence speaks for the subject after it") {
    const auto r = extract(
        "Paul Girard a présenté son bilan.\nEstimant que la dette a baissé de moitié, il réclame un nouveau mandat.");
    REQUIRE_FALSE(r.quotes.empty());
    CHECK(r.content(0) == "la dette a baissé de moitié");
    CHECK(r.speaker(0) == "Paul Girard");
  }
  SECTION("an object of two words") {
    const auto r = extract("Les dirigeants de la CFDT se félicitent de leur succès.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "leur succès");
  }
}

TEST_CASE("A quote carries its canonical text beside its span", "[quotes]") {
  const auto r = extract("&laquo;&nbsp;Nous ne c&eacute;derons pas&nbsp;&raquo;, a d\xC3\x83\xC2\xA9" "clar\xC3\x83\xC2\xA9 Paul Girard.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.content(0) == "Nous ne c&eacute;derons pas");
  CHECK(r.quotes[0].canonical == "Nous ne céderons pas");
  CHECK(r.lemma(0) == "déclarer");
}

TEST_CASE("An inanimate subject with a statement verb is the writer's own statement", "[quotes][realnews]") {
  SECTION("a que-clause") {
    const auto r = extract("Son alliance avec la CFDT confirme que le parti cherche des appuis à gauche.");
    CHECK(r.quotes.empty());
  }
  SECTION("a company noun still speaks") {
    const auto r = extract("Le groupe américain a aussitôt annoncé qu'il ferait appel de la décision.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "il ferait appel de la décision");
  }
}

TEST_CASE("Sources and subjects with participles, parentheses and quantifiers", "[quotes][realnews]") {
  SECTION("selon a source with a participle and its agent") {
    const auto r = extract(
        "Selon une étude financée par la CFDT, un salarié sur trois travaille le dimanche dans le commerce.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.content(0) == "un salarié sur trois travaille le dimanche dans le commerce");
    CHECK(r.rule(0) == "reported.source-first");
  }
  SECTION("a parenthesis between the subject and its verb") {
    const auto r = extract(
        "La CFDT, dont une enquête (48 % contre 40 %) fait grand bruit, juge que la réforme ne passera pas.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "CFDT");
  }
  SECTION("a quantifier standing for people") {
    const auto r = extract("Certains avouent n'avoir même pas voté aux dernières élections municipales.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "Certains");
    CHECK(r.content(0) == "n'avoir même pas voté aux dernières élections municipales");
  }
}

TEST_CASE("Beliefs and fears are not reported speech", "[quotes][realnews]") {
  for (const char* text : {"Les électeurs ne croient pas que le régime soit prêt à changer de cap.",
                           "La CFDT craint que la réforme ne soit adoptée sans débat au Parlement.",
                           "Paul Girard pense que la ville doit emprunter davantage cette année."}) {
    CHECK(extract(text).quotes.empty());
  }
  const auto r = extract("Certains disent que le vote était truqué dans plusieurs bureaux.");
  REQUIRE(r.quotes.size() == 1);
  CHECK(r.speaker(0) == "Certains");
}

TEST_CASE("Organisations speak through their descriptions and their documents", "[quotes][realnews]") {
  SECTION("a study of an organisation as subject") {
    const auto r = extract("Une étude de la CFDT faisait état de la hausse des accidents du travail dans le bâtiment.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "CFDT");
  }
  SECTION("a description introduced with the organisation's name") {
    const auto r = extract(
        "Le syndicat CFDT a publié ses chiffres mardi.\n« Les salaires stagnent », explique le syndicat.");
    REQUIRE(r.quotes.size() == 1);
    CHECK(r.speaker(0) == "CFDT");
    CHECK(r.mention(0) == "le syndicat");
  }
}

TEST_CASE("The cue lexicons load strictly", "[quotes][lexicon]") {
  using frnews::detail::CueLexicon;
  // The cue lexicon of the built-in files, the verbs and the cues replaced by these texts.
  const auto cue_lexicon = [](std::string_view verbs_tsv, std::string_view cues_tsv) {
    frnews::detail::LexiconFiles files = frnews::detail::LexiconFiles::builtin();
    files.add_view("reporting_verbs.tsv", "reporting_verbs.tsv", verbs_tsv, true);
    files.add_view("cues.tsv", "cues.tsv", cues_tsv, true);
    return CueLexicon(files);
  };
  const auto read = [](const char* name) {
    std::ifstream in(std::string(FRNEWS_SOURCE_DIR) + "/data/lexicon/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string verbs = read("reporting_verbs.tsv"), cues = read("cues.tsv");
  REQUIRE_FALSE(verbs.empty());
  REQUIRE_FALSE(cues.empty());
  SECTION("every line of the files is read") {
    const CueLexicon lexicon = cue_lexicon(verbs, cues);
    std::size_t verb_lines = 0;
    std::istringstream lines(verbs);
    for (std::string line; std::getline(lines, line);) verb_lines += !line.empty() && line[0] != '#';
    CHECK(lexicon.verb_count() == verb_lines);
    CHECK_FALSE(lexicon.entries("déclaré").empty());
    CHECK_FALSE(lexicon.entries("selon").empty());
  }
  SECTION("a malformed line names its file and line") {
    CHECK_THROWS_WITH(cue_lexicon(verbs, "# header\nsource\tselon\tselon\nadverb\n"), Catch::Contains("cues.tsv:3"));
    CHECK_THROWS_WITH(cue_lexicon(verbs, "colour\trouge\n"), Catch::Contains("cues.tsv:1: unknown type colour"));
    CHECK_THROWS_WITH(cue_lexicon("déclarer\tzz\n", cues), Catch::Contains("reporting_verbs.tsv:1: unknown conjugation"));
  }
}

TEST_CASE("The function words of the quote rules come by class from their file", "[quotes][lexicon]") {
  using frnews::detail::FunctionWord;
  const auto& lexicon = frnews::Lexicons::builtin().impl().cues();
  CHECK(lexicon.is(FunctionWord::que, "qu'"));
  CHECK(lexicon.is(FunctionWord::que, "que"));
  CHECK_FALSE(lexicon.is(FunctionWord::que, "quel"));
  CHECK(lexicon.is(FunctionWord::clause_boundary, "lorsque"));
  CHECK(lexicon.is(FunctionWord::circle_preposition, "à"));
  CHECK_FALSE(lexicon.is(FunctionWord::circle_preposition, "a"));
  CHECK_FALSE(lexicon.is(FunctionWord::negation, ""));
  // word() gives the same classes, a bit each, with the word's entries, in one lookup.
  const auto bit = [](FunctionWord c) { return std::uint64_t{1} << static_cast<unsigned>(c); };
  const frnews::detail::WordLexicon que = lexicon.word("qu'");
  CHECK((que.function_words & bit(FunctionWord::que)) != 0);
  CHECK((que.function_words & bit(FunctionWord::negation)) == 0);
  CHECK((lexicon.word("à").function_words & bit(FunctionWord::circle_preposition)) != 0);
  CHECK(lexicon.word("quel").function_words == 0);
  CHECK(lexicon.word("").function_words == 0);
  CHECK(lexicon.word("étaient").entries.size() == 1);
  CHECK(lexicon.word("étaient").entries.data() == lexicon.entries("étaient").data());
  CHECK(lexicon.word("selon").function_words == 0);
  CHECK_FALSE(lexicon.word("selon").entries.empty());
  // The auxiliaries are entries of the cue lexicon, "être" marked.
  REQUIRE(lexicon.entries("étaient").size() == 1);
  CHECK(lexicon.entries("étaient")[0].word_class == frnews::detail::WordClass::auxiliary);
  CHECK(lexicon.entries("étaient")[0].value == 1);

  // Every class of the code has words in the file.
  std::ifstream in(std::string(FRNEWS_SOURCE_DIR) + "/data/lexicon/function_words.tsv");
  std::vector<std::string> classes;
  for (std::string line; std::getline(in, line);) {
    const std::string word_class = line.substr(0, line.find('\t'));
    if (!line.empty() && line[0] != '#' && std::find(classes.begin(), classes.end(), word_class) == classes.end()) {
      classes.push_back(word_class);
    }
  }
  CHECK(classes.size() == frnews::detail::function_word_classes);

  frnews::detail::LexiconFiles files = frnews::detail::LexiconFiles::builtin();
  files.add_view("function_words.tsv", "function_words.tsv", "que\tque\nconjonction\tet\n", true);
  CHECK_THROWS_WITH(frnews::detail::CueLexicon(files), "function_words.tsv:2: unknown class conjonction");
}

TEST_CASE("A role with the affiliation given after a name", "[quotes][realnews]") {
  const auto r = extract(
      "« Le marché doute », a estimé Paul Girard, de la Banque de Lyon.\nLe Congrès a voté contre le plan.\n"
      "« La crise est mondiale », a ajouté l'analyste de la Banque de Lyon.");
  REQUIRE(r.quotes.size() == 2);
  CHECK(r.speaker(1) == "Paul Girard");
  CHECK(r.mention(1) == "l'analyste de la Banque de Lyon");
}

TEST_CASE("A pronoun takes up the person quoted before, past an institution that spoke", "[quotes][realnews]") {
  const auto r = extract(
      "« Le système est pourri », ironise Paul Girard.\n"
      "Le gouvernement propose de plafonner les dons, mais cela ne changera rien, selon lui : « Il faut limiter "
      "les dépenses. »\nLui prône une révision complète du code électoral.");
  REQUIRE(r.quotes.size() >= 3);
  for (std::size_t i = 1; i < r.quotes.size(); ++i) {
    CAPTURE(r.content(i));
    CHECK(r.speaker(i) == "Paul Girard");
  }
  SECTION("a role that spoke in between is a person, and the pronoun takes it up") {
    const auto s = extract(
        "« Nous irons jusqu'au bout », a justifié Paul Girard.\nLe ministre des Transports a dénoncé une "
        "« prise d'otages ». « Les Français ont le droit de partir », a-t-il insisté.");
    REQUIRE(s.quotes.size() == 3);
    CHECK(s.speaker(2) == "Le ministre des Transports");
  }
}
