#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicons.hpp"
#include "entities/person_lexicon.hpp"
#include "frnews/entities.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/segment.hpp"

using namespace frnews;

namespace {

// A small knowledge base written for these tests, so that they do not depend on the built-in one.
const KnowledgeBase& test_kb() {
  static const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
      "Q30\tÉtats-Unis\tÉtats-Unis\tLOC\tUSA|Etats-Unis\t0.9\tpays d'Amérique du Nord\n"
      "Q142\tFrance\tFrance\tLOC\t\t0.9\tpays d'Europe\n"
      "Q159\tRussie\tRussie\tLOC\tFédération de Russie\t0.9\tpays\n"
      "Q241\tCuba\tCuba\tLOC\t\t0.9\tpays des Caraïbes\n"
      "Q649\tMoscou\tMoscou\tLOC\t\t0.9\tcapitale de la Russie\n"
      "Q61\tWashington (district de Columbia)\tWashington\tLOC\t\t0.8\tcapitale des États-Unis\n"
      "Q1223\tWashington (État)\tÉtat de Washington\tLOC\tWashington\t0.2\tÉtat des États-Unis\n"
      "Q23\tGeorge Washington\tGeorge Washington\tPER\tWashington\t0.1\tpremier président des États-Unis\n"
      "Q90\tParis\tParis\tLOC\t\t0.95\tcapitale de la France\n"
      "Q456\tLyon\tLyon\tLOC\t\t0.9\tville de France\n"
      "Q23482\tMarseille\tMarseille\tLOC\t\t0.9\tville de France\n"
      "Q7184\tOrganisation du traité de l'Atlantique nord\tOTAN\tORG\tOrganisation du traité de "
      "l'Atlantique nord|l'OTAN\t0.95\talliance militaire\n"
      "Q7747\tVladimir Poutine\tVladimir Poutine\tPER\tPoutine\t0.9\tprésident de la Russie\n"
      "Q1154\tOrange (entreprise)\tOrange\tORG\t\t0.6\topérateur de télécommunications\n"
      "Q471\tOrange (Vaucluse)\tOrange\tLOC\t\t0.4\tcommune du Vaucluse\n"
      "Q12461\tLe Monde\tLe Monde\tORG\t\t0.9\tquotidien français\n"
      "Q193\tLa Haye\tLa Haye\tLOC\t\t0.9\tville des Pays-Bas\n"
      "Q29\tEspagne\tEspagne\tLOC\t\t0.9\tpays d'Europe\n"
      "Q8818\tValence (Espagne)\tValence\tLOC\t\t0.45\tville d'Espagne\n"
      "Q184130\tValence (Drôme)\tValence\tLOC\t\t0.55\tcommune de la Drôme\n"
      "Q2\tTribunal de commerce de Paris\tTribunal de commerce de Paris\tORG\t\t0.9\tjuridiction\n"
      "Q1567\tParti communiste de Cuba\tParti communiste de Cuba\tORG\tParti communiste cubain\t0.9\tparti\n"
      "Q42810\tLe Havre\tLe Havre\tLOC\t\t0.9\tville de Normandie\n"
      "\tLe Figaro\tLe Figaro\tORG\t\t0.95\tquotidien français\n"
      "\tLa Défense\tLa Défense\tLOC\t\t0.9\tquartier d'affaires\n"
      "Q340\tMontréal\tMontréal\tLOC\t\t0.9\tville du Québec\n"
      "Q38\tItalie\tItalie\tLOC\t\t0.9\tpays d'Europe du Sud\n"
      "\tLaval (Mayenne)\tLaval\tLOC\t\t0.6\tville de la Mayenne\n"
      "\tLaval (Québec)\tLaval (Québec)\tLOC\tLaval\t0.4\tville du Québec, au nord de Montréal\n"
      "\tSénat (France)\tSénat\tORG\t\t0.5\tchambre haute du Parlement français\n"
      "\tSénat de la République (Italie)\tSénat de la République\tORG\tSénat\t0.5\tchambre haute du Parlement de "
      "l'Italie\n"
      "\tCharles de Gaulle\tCharles de Gaulle\tPER\tde Gaulle\t0.95\tgénéral et homme d'État français\n"
      "Q12784\tVal-d'Oise\tVal-d'Oise\tLOC\t\t0.9\tdépartement français\n"
      "\tInspection générale de la Police nationale\tInspection générale de la Police nationale\tORG\tIGPN\t0.95\t"
      "police des polices\n");
  return kb;
}

Document make(std::string_view text) {
  auto doc = make_document(text);
  REQUIRE(doc);
  return std::move(*doc);
}

struct Found {
  std::string text;
  EntityType type;
  std::string wikidata_id;
  std::string chain_name;
  std::uint32_t chain;
  Span span;
};

std::vector<Found> link(std::string_view text, LinkerOptions options = {}) {
  const Document doc = make(text);
  const EntityLinker linker(test_kb(), options);
  const Entities entities = linker.link(doc);
  std::vector<Found> found;
  for (const EntityMention& m : entities.mentions) {
    REQUIRE(m.chain < entities.chains.size());
    const EntityChain& chain = entities.chains[m.chain];
    found.push_back({std::string(m.span.of(text)), m.type, chain.wikidata_id, chain.name, m.chain, m.span});
  }
  return found;
}

const Found* find(const std::vector<Found>& found, std::string_view text) {
  for (const Found& f : found) {
    if (f.text == text) return &f;
  }
  return nullptr;
}

// The mention written `text`; the test stops here if there is none.
const Found& require(const std::vector<Found>& found, std::string_view text) {
  const Found* mention = find(found, text);
  INFO("mention: " << text);
  REQUIRE(mention);
  return *mention;
}

}  // namespace

TEST_CASE("longest knowledge-base name wins", "[entities]") {
  const auto found = link("Les dirigeants du Parti communiste de Cuba se sont réunis mardi.");
  const Found& party = require(found, "Parti communiste de Cuba");
  CHECK(party.wikidata_id == "Q1567");
  CHECK(party.type == EntityType::organization);
  CHECK_FALSE(find(found, "Cuba"));
}

TEST_CASE("names are found whatever their accents and case", "[entities]") {
  for (const char* text : {"Le sommet s'est tenu aux Etats-Unis en mai.", "LES ETATS-UNIS ONT REFUSE LE TEXTE HIER SOIR.",
                           "Le sommet s'est tenu aux États-Unis en mai."}) {
    const auto found = link(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].wikidata_id == "Q30");
    CHECK(found[0].type == EntityType::location);
  }
}

TEST_CASE("an elision is not part of the name", "[entities]") {
  const auto found = link("Le secrétaire général de l’OTAN a rencontré jeudi les dirigeants d’Orange.");
  const Found& otan = require(found, "OTAN");
  CHECK(otan.wikidata_id == "Q7184");
  const Found& orange = require(found, "Orange");
  CHECK(orange.wikidata_id == "Q1154");
}

TEST_CASE("honorifics and titles stay out of a person's span, first names stay in", "[entities]") {
  const auto found = link(
      "Le président Vladimir Poutine a reçu M. Jean Dumoulin et Mme Claire Besson au Kremlin. "
      "Selon la ministre Hélène Marchal, la rencontre a duré deux heures.");
  CHECK(find(found, "Vladimir Poutine"));
  CHECK(find(found, "Jean Dumoulin"));
  CHECK(find(found, "Claire Besson"));
  CHECK(find(found, "Hélène Marchal"));
  for (const Found& f : found) {
    CHECK_FALSE(f.text.starts_with("M."));
    CHECK_FALSE(f.text.starts_with("Mme"));
    CHECK_FALSE(f.text.starts_with("président"));
  }
}

TEST_CASE("people and organisations the knowledge base lacks are NIL mentions with a type", "[entities]") {
  const auto found = link(
      "Le patron du groupe Verlaine Industries, Thibault Carrier, a annoncé la fermeture de l'usine. "
      "Le syndicat a dénoncé une décision brutale.");
  const Found& company = require(found, "Verlaine Industries");
  CHECK(company.type == EntityType::organization);
  CHECK(company.wikidata_id.empty());
  const Found& boss = require(found, "Thibault Carrier");
  CHECK(boss.type == EntityType::person);
  CHECK(boss.wikidata_id.empty());
}

TEST_CASE("a surname and an honorific join the full name's chain, known or not", "[entities]") {
  const auto found = link(
      "Le ministre Gaspard Lemoine a visité l'usine. M. Lemoine a promis des aides. "
      "« Nous serons là », a assuré Lemoine devant les salariés.");
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "Gaspard Lemoine");
  CHECK(found[1].text == "Lemoine");
  CHECK(found[2].text == "Lemoine");
  CHECK(found[1].chain == found[0].chain);
  CHECK(found[2].chain == found[0].chain);
  CHECK(found[1].chain_name == "Gaspard Lemoine");
  CHECK(found[1].type == EntityType::person);
}

TEST_CASE("a known place stays a place after a person who bears its name", "[entities]") {
  const auto found = link("Le philologue Gaston Paris a publié ses leçons. Paris comptait alors deux millions d'habitants.");
  CHECK(require(found, "Gaston Paris").type == EntityType::person);
  const Found* city = nullptr;
  for (const Found& f : found) {
    if (f.text == "Paris" && f.span.begin > 40) city = &f;
  }
  REQUIRE(city);
  CHECK(city->wikidata_id == "Q90");
  // With an honorific, the surname is the person's.
  const auto mister = link("Le philologue Gaston Paris a publié ses leçons. M. Paris les relit.");
  CHECK(require(mister, "Paris").type == EntityType::person);
}

TEST_CASE("a person's chain takes gender from honorifics, first names and titles", "[entities]") {
  const Document doc = make("La ministre Dominique Ferrand a répondu. Plus tard, M. Aubry Vasseur a pris la parole.");
  const Entities entities = EntityLinker(test_kb()).link(doc);
  REQUIRE(entities.chains.size() == 2);
  CHECK(entities.chains[0].name == "Dominique Ferrand");
  CHECK(entities.chains[0].gender == Gender::feminine);
  CHECK(entities.chains[1].gender == Gender::masculine);
}

TEST_CASE("an acronym defined in parentheses joins its organisation", "[entities]") {
  const auto found = link(
      "Le Rassemblement des travailleurs unis (RTU) a appelé à la grève. Le RTU réclame une hausse des salaires.");
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "Rassemblement des travailleurs unis");
  CHECK(found[1].text == "RTU");
  CHECK(found[2].text == "RTU");
  CHECK(found[1].chain == found[0].chain);
  CHECK(found[2].chain == found[0].chain);
  CHECK(found[2].type == EntityType::organization);
  CHECK(found[2].chain_name == "Rassemblement des travailleurs unis");
}

TEST_CASE("capitals standing for governments stay places", "[entities]") {
  const auto found = link("Washington a sanctionné plusieurs banques, ce que Moscou a qualifié d'hostile.");
  const Found& washington = require(found, "Washington");
  CHECK(washington.wikidata_id == "Q61");
  CHECK(washington.type == EntityType::location);
  const Found& moscow = require(found, "Moscou");
  CHECK(moscow.type == EntityType::location);
}

TEST_CASE("a city names its football club only when the text is about football", "[entities]") {
  const auto football = link(
      "L'attaquant a signé pour trois saisons. Lyon est un club ambitieux, a déclaré le joueur après le match.");
  const Found& club = require(football, "Lyon");
  CHECK(club.type == EntityType::organization);
  const auto city = link("Les manifestants ont défilé à Lyon et à Marseille samedi.");
  const Found& lyon = require(city, "Lyon");
  CHECK(lyon.type == EntityType::location);
  CHECK(lyon.wikidata_id == "Q456");
}

TEST_CASE("demonyms are no mentions unless asked for", "[entities]") {
  const char* text = "Le ministre russe a rencontré son homologue cubain à Moscou.";
  const auto plain = link(text);
  CHECK_FALSE(find(plain, "russe"));
  CHECK_FALSE(find(plain, "cubain"));
  LinkerOptions options;
  options.link_demonyms = true;
  const auto linked = link(text, options);
  const Found& russian = require(linked, "russe");
  CHECK(russian.wikidata_id == "Q159");
  const Found& cuban = require(linked, "cubain");
  CHECK(cuban.wikidata_id == "Q241");
  const auto people = link("Les Français votent dimanche.");
  CHECK(people.empty());
}

TEST_CASE("capitals that only start a sentence are not names", "[entities]") {
  const auto found = link(
      "Selon les prévisions, la récolte sera bonne. Dans la région, les producteurs sont soulagés. "
      "Le monde agricole attend la pluie. Pourtant rien n'est joué.");
  CHECK(found.empty());
}

TEST_CASE("a capitalised article belongs to a name only when the name has it", "[entities]") {
  const auto found = link("D'après Le Monde, la délégation est arrivée à La Haye mercredi.");
  const Found& paper = require(found, "Le Monde");
  CHECK(paper.wikidata_id == "Q12461");
  const Found& hague = require(found, "La Haye");
  CHECK(hague.wikidata_id == "Q193");
}

TEST_CASE("capitals agree word by word, and a long name needs only its first", "[entities]") {
  // One token with two capitals, after an apostrophe, as in the entry.
  CHECK(require(link("Un accident a eu lieu dans le Val-d\u2019Oise dimanche."), "Val-d\u2019Oise").wikidata_id ==
        "Q12784");
  CHECK(require(link("Il habite le Val-d'Oise depuis 2010."), "Val-d'Oise").wikidata_id == "Q12784");
  // The press writes in lower case what the entry capitalises inside a long name.
  const auto found = link("L'Inspection générale de la police nationale a été saisie, a indiqué le parquet.");
  CHECK(require(found, "Inspection générale de la police nationale").chain_name ==
        "Inspection générale de la Police nationale");
  // A short name still needs every capital: "Le monde" opening a sentence is not the newspaper.
  CHECK_FALSE(find(link("Le monde entier attend la décision."), "Le monde"));
}

TEST_CASE("after a lower-case article, a name that starts with it is found", "[entities]") {
  const auto found = link("Il l'a confié au Figaro avant de rentrer au Havre, puis de filer à la Défense.");
  CHECK(require(found, "Figaro").chain_name == "Le Figaro");
  CHECK(require(found, "Havre").wikidata_id == "Q42810");
  CHECK(require(found, "Défense").chain_name == "La Défense");
  // A portfolio or a complement after a title or a noun is not the place.
  for (const char* text : {"Le secrétaire d'État à la Défense a démissionné.",
                           "Le ministre de la Défense a démissionné."}) {
    INFO(text);
    const Found* defence = find(link(text), "Défense");
    CHECK((!defence || defence->chain_name != "La Défense"));
  }
  // "à" and a place, without an article, stays a place after a minister.
  CHECK(require(link("Le ministre à Moscou a rencontré son homologue."), "Moscou").wikidata_id == "Q649");
}

TEST_CASE("a name known with its particle takes it in", "[entities]") {
  const auto found = link("Le général de Gaulle a parlé à la radio depuis Londres.");
  CHECK(require(found, "de Gaulle").chain_name == "Charles de Gaulle");
  CHECK_FALSE(find(found, "Gaulle"));
  // "de" before a name known without it stays out: "le maire de Lyon".
  CHECK(require(link("Le maire de Lyon a parlé."), "Lyon").wikidata_id == "Q456");
}

TEST_CASE("after a rank or a title of nobility, de opens the person's name", "[entities]") {
  const auto general = link("Le général de Castelnau a inspecté les troupes.");
  CHECK(require(general, "de Castelnau").type == EntityType::person);
  CHECK(require(link("Le baron de Breteuil est arrivé à Paris."), "de Breteuil").type == EntityType::person);
  // Other titles take a workplace: "le président de Vasquelor".
  const auto president = link("Le président de Vasquelor a démissionné.");
  CHECK(require(president, "Vasquelor").type == EntityType::organization);
  // "général" after a noun qualifies it, and an acronym after "de" is an organisation.
  CHECK_FALSE(find(link("Le quartier général de Vérone a été levé."), "de Vérone"));
  CHECK_FALSE(find(link("Le secrétaire général de SUD-FER a parlé."), "de SUD-FER"));
}

TEST_CASE("English names hold their connectors and their forms", "[entities]") {
  const auto found = link("La Royal Bank of Scotland a rejoint la John Templeton Foundation et le Fund for Peace.");
  CHECK(require(found, "Royal Bank of Scotland").type == EntityType::organization);
  CHECK(require(found, "John Templeton Foundation").type == EntityType::organization);
  CHECK(require(found, "Fund for Peace").type == EntityType::organization);
  // Its acronym leaves the connector out.
  const auto bank = link("La Royal Bank of Scotland a perdu de l'argent. RBS va se séparer de 38 milliards d'actifs.");
  CHECK(require(bank, "RBS").chain == require(bank, "Royal Bank of Scotland").chain);
  // "and" joins two names as often as it joins one.
  CHECK(require(link("Le sommet de Paris and Moscou."), "Moscou").wikidata_id == "Q649");
}

TEST_CASE("the places a text names choose among homonyms", "[entities]") {
  // Without context, the entry with the higher prior.
  CHECK(require(link("Le maire de Laval a été réélu."), "Laval").chain_name == "Laval");
  // A qualified label ("Laval (Québec)") is still the name's label, and Montréal tells which.
  CHECK(require(link("Le maire de Laval, au nord de Montréal, a été réélu."), "Laval").chain_name == "Laval (Québec)");
  // A country's adjective names the country: "le gouvernement italien".
  CHECK(require(link("Le gouvernement italien attend le vote du Sénat."), "Sénat").chain_name ==
        "Sénat de la République");
  CHECK(require(link("Le gouvernement attend le vote du Sénat."), "Sénat").chain_name == "Sénat");
}

TEST_CASE("ambiguous names are resolved by prior and by cues", "[entities]") {
  const auto by_prior = link("Le gouvernement de Washington a réagi dans la soirée.");
  CHECK(require(by_prior, "Washington").wikidata_id == "Q61");
  const auto by_honorific = link("Le discours du président Washington a marqué les esprits.");
  CHECK(require(by_honorific, "Washington").wikidata_id == "Q23");
  CHECK(require(by_honorific, "Washington").type == EntityType::person);
  const auto by_place = link("Le festival se tient chaque été dans la ville d'Orange, en Provence.");
  CHECK(require(by_place, "Orange").wikidata_id == "Q471");
}

TEST_CASE("institutions and places whose name starts with a lower-case head", "[entities]") {
  const auto found = link(
      "Le tribunal administratif de Rennes a annulé l'arrêté. Les secours sont arrivés dans la "
      "presqu'île de Crozon. L'Agence spatiale européenne a confirmé le lancement. La cour d'appel "
      "de Douai rendra sa décision en mars.");
  const Found& appeal = require(found, "cour d'appel de Douai");
  CHECK(appeal.type == EntityType::organization);
  const Found& court = require(found, "tribunal administratif de Rennes");
  CHECK(court.type == EntityType::organization);
  const Found& peninsula = require(found, "presqu'île de Crozon");
  CHECK(peninsula.type == EntityType::location);
  const Found& agency = require(found, "Agence spatiale européenne");
  CHECK(agency.type == EntityType::organization);
}

TEST_CASE("mention spans point into the original text", "[entities]") {
  const std::string text = "Selon l&#8217;OTAN, la Russie a renforcé sa présence.";
  const auto found = link(text);
  // The HTML entity before "OTAN" makes canonical and original offsets differ.
  CHECK(require(found, "OTAN").span.begin == text.find("OTAN"));
  CHECK(require(found, "Russie").span.begin == text.find("Russie"));
}

TEST_CASE("bad input gives no mention and no crash", "[entities]") {
  for (const std::string& text : {std::string(), std::string("\xff\xfe\x00\x01", 4), std::string(5000, '('),
                                 std::string(3000, 'A') + " " + std::string(3000, 'B')}) {
    auto doc = make_document(text);
    if (!doc) continue;
    const Entities entities = EntityLinker(test_kb()).link(*doc);
    for (const EntityMention& m : entities.mentions) {
      CHECK(m.span.end <= text.size());
      CHECK(m.chain < entities.chains.size());
    }
  }
}

TEST_CASE("the person lexicon answers gender, honorifics, roles and demonyms", "[entities][lexicon]") {
  const detail::PersonLexicon& lexicon = Lexicons::builtin().impl().entities();
  CHECK(lexicon.first_name_gender("Sergueï") == Gender::masculine);
  CHECK(lexicon.first_name_gender("AGNÈS") == Gender::feminine);
  CHECK(lexicon.first_name_gender("Camille") == Gender::unknown);
  CHECK(lexicon.is_first_name("Camille"));
  CHECK_FALSE(lexicon.is_first_name("Choïgou"));
  REQUIRE(lexicon.honorific("Mme"));
  CHECK(lexicon.honorific("Mme")->gender == Gender::feminine);
  CHECK(lexicon.honorific("MM.")->plural);
  CHECK_FALSE(lexicon.honorific("me"));
  const Document doc = make("Le Premier ministre a parlé. La secrétaire générale adjointe est venue.");
  const auto role = lexicon.role_at(doc, 1);
  CHECK(role.tokens == 2);
  const auto second = lexicon.role_at(doc, 7);
  CHECK(second.tokens == 2);
  CHECK(second.gender == Gender::feminine);
  CHECK_FALSE(lexicon.role_at(doc, 0));
  // A possessive tells the gender of a title with one form for both (cues.tsv's determiners).
  const Document possessive = make("Selon sa porte-parole, la réunion est reportée.");
  CHECK(lexicon.role_at(possessive, 2).gender == Gender::feminine);
  REQUIRE(lexicon.demonym("cubaines"));
  CHECK(lexicon.demonym("cubaines")->place == "Cuba");
  CHECK(lexicon.demonym("Russes")->country);
}

TEST_CASE("a title before a party's acronym goes to the person after it", "[entities]") {
  const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "Q1\tParti de la renaissance\tParti de la renaissance\tORG\tPDR\t0.9\tparti politique\n");
  const std::string text = "La députée PDR Solène Garnier a déposé un amendement. Le patron de PDR Arthur Vidal approuve.";
  const Document doc = make(text);
  const Entities entities = EntityLinker(kb).link(doc);
  std::vector<std::string> spans;
  for (const EntityMention& m : entities.mentions) spans.push_back(std::string(m.span.of(text)));
  REQUIRE(spans == std::vector<std::string>{"PDR", "Solène Garnier", "PDR", "Arthur Vidal"});
  CHECK(entities.mentions[0].type == EntityType::organization);
  CHECK(entities.chains[entities.mentions[0].chain].wikidata_id == "Q1");
  CHECK(entities.mentions[1].type == EntityType::person);
  CHECK(entities.chains[entities.mentions[1].chain].gender == Gender::feminine);
}

TEST_CASE("a minister's portfolio is no entity, the minister is", "[entities]") {
  const auto found = link(
      "L'ancienne ministre de l'Agriculture et de l'Alimentation Odile Grangier a été entendue. "
      "Le ministère des Solidarités n'a pas répondu.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "Odile Grangier");
  CHECK(found[0].type == EntityType::person);
}

TEST_CASE("initials and particles belong to people's names", "[entities]") {
  const auto found = link("Le rapport a été signé par J.-P. Morand et par M. de Vaucelles, puis lu par Hugo F. Lambert.");
  CHECK(find(found, "J.-P. Morand"));
  CHECK(find(found, "de Vaucelles"));
  CHECK(find(found, "Hugo F. Lambert"));
  for (const Found& f : found) CHECK(f.type == EntityType::person);
}

TEST_CASE("headings in capitals and capitalised common nouns are not names", "[entities]") {
  const auto found = link(
      "CHRONIQUE JUDICIAIRE\nLe procès s'est ouvert lundi. La Révolution, disait-il, a changé la société, "
      "et chaque révolution laisse des traces.");
  CHECK(found.empty());
}

TEST_CASE("a capitalised word the text also writes in lower case is no name", "[entities]") {
  CHECK(find(link("Le maire a visité Brouvelle hier. La maison du village est vieille."), "Brouvelle"));
  CHECK(link("Le maire a visité Brouvelle hier. La brouvelle du village est vieille.").empty());
  // Only a lower-case word that is the same word counts: "brouvelles" is another.
  CHECK(find(link("Le maire a visité Brouvelle hier. Les brouvelles du village sont vieilles."), "Brouvelle"));
}

TEST_CASE("a name cut at the end of a line in scanned text is found whole", "[entities]") {
  const auto found = link("Le traité fut signé avec la Rus¬sie au printemps.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].text == "Rus¬sie");
  CHECK(found[0].wikidata_id == "Q159");
}

TEST_CASE("the other names of the text help choose among entries", "[entities]") {
  const auto spain = link("Les inondations ont ravagé la région de Valence. L'Espagne a décrété trois jours de deuil.");
  CHECK(require(spain, "Valence").wikidata_id == "Q8818");
  const auto france = link("Les inondations ont ravagé le centre de Valence mardi soir.");
  CHECK(require(france, "Valence").wikidata_id == "Q184130");
}

TEST_CASE("a known surname links a full name only with the entry's first name", "[entities]") {
  const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "Q10\tBernard Lacombe (homme politique)\tBernard Marcel Lacombe\tPER\tLacombe\t0.8\thomme politique\n");
  const std::string same = "Bernard Lacombe a été réélu dimanche.";
  const Document doc = make(same);
  const Entities linked = EntityLinker(kb).link(doc);
  REQUIRE(linked.mentions.size() == 1);
  CHECK(linked.chains[0].wikidata_id == "Q10");
  const std::string other = "Sylvie Lacombe a été réélue dimanche.";
  const Document other_doc = make(other);
  const Entities nil = EntityLinker(kb).link(other_doc);
  REQUIRE(nil.mentions.size() == 1);
  CHECK(nil.mentions[0].span.of(other) == "Sylvie Lacombe");
  CHECK(nil.chains[0].wikidata_id.empty());
  CHECK_FALSE(nil.chains[0].entry);
}

TEST_CASE("an acronym followed by its name in parentheses is one organisation", "[entities]") {
  const auto found = link("Le SNPT (Syndicat national des pilotes de tourisme) appelle à la grève. Le SNPT exige une réponse.");
  REQUIRE(found.size() == 3);
  CHECK(found[1].text == "Syndicat national des pilotes de tourisme");
  CHECK(found[0].chain == found[1].chain);
  CHECK(found[2].chain == found[0].chain);
  CHECK(found[0].chain_name == "Syndicat national des pilotes de tourisme");
  CHECK(found[0].type == EntityType::organization);
}

TEST_CASE("a plural honorific makes people of the whole list", "[entities]") {
  const auto found = link("MM. Perrichon, Vauquelin et Dardenne ont été élus au conseil. Renaudin a protesté.");
  REQUIRE(found.size() >= 3);
  for (std::size_t k = 0; k < 3; ++k) CHECK(found[k].type == EntityType::person);
  CHECK(found[0].text == "Perrichon");
  CHECK(found[2].text == "Dardenne");
}

TEST_CASE("a head word or an acronym repeats a known organisation", "[entities]") {
  const KnowledgeBase kb = KnowledgeBase::from_tsv(
      "Q20\tAutorité des marchés financiers (France)\tAutorité des marchés financiers\tORG\t\t0.9\trégulateur\n");
  const std::string text =
      "L'Autorité des marchés financiers a ouvert une enquête. Selon l'AMF, les faits sont graves. "
      "L'Autorité rendra ses conclusions en juin.";
  const Document doc = make(text);
  const Entities entities = EntityLinker(kb).link(doc);
  REQUIRE(entities.mentions.size() == 3);
  for (const EntityMention& m : entities.mentions) {
    CHECK(m.chain == entities.mentions[0].chain);
    CHECK(m.type == EntityType::organization);
  }
  CHECK(entities.chains[entities.mentions[0].chain].wikidata_id == "Q20");
}

TEST_CASE("an apposition after a comma says a name is a person's", "[entities]") {
  const auto found = link(
      "Selon Verdier, le maire de la commune, les travaux reprendront lundi. Lemaistre, 54 ans, a été entendu.");
  CHECK(require(found, "Verdier").type == EntityType::person);
  CHECK(require(found, "Lemaistre").type == EntityType::person);
}

TEST_CASE("a city stays a place when football words only seem to be there", "[entities]") {
  const auto found = link(
      "À ce stade, Marseille n'a pas encore voté son budget. Au milieu de la séance, le maire a quitté la salle.");
  CHECK(require(found, "Marseille").type == EntityType::location);
  // "ligue", "défenseur" and "transfert" are no football words: la Ligue arabe, le défenseur des droits.
  const auto league = link(
      "La Ligue des droits de l'homme a critiqué Lyon. Le défenseur des droits a demandé le transfert du dossier.");
  CHECK(require(league, "Lyon").type == EntityType::location);
}

TEST_CASE("a verb after an organisation's head is not part of its name", "[entities]") {
  for (const char* text : {"La Commission indique que le texte sera revu.", "Le Syndicat insiste sur les salaires.",
                           "La Fédération signale des retards.", "L'Agence rappelle les consignes."}) {
    const auto found = link(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].text.find(' ') == std::string::npos);
    CHECK(found[0].type == EntityType::organization);
  }
  CHECK(require(link("L'Agence exécutive européenne a publié son rapport."), "Agence exécutive européenne").type ==
        EntityType::organization);
}

TEST_CASE("an institution's head may be written in lower case", "[entities]") {
  const auto found = link("Le tribunal de commerce de Paris a prononcé la liquidation.");
  CHECK(require(found, "tribunal de commerce de Paris").wikidata_id == "Q2");
}

TEST_CASE("a run of thousands of capitalised names is cut into bounded mentions", "[entities]") {
  // A list of first names with no end (a roll of honour, a crossword grid): mentions stay
  // names of a few words, and coreference indexes only their last words.
  std::string roll;
  for (int i = 0; i < 3000; ++i) roll += (i % 3 == 0 ? "Jean " : i % 3 == 1 ? "Claire " : "Paul ");
  const auto found = link(roll);
  REQUIRE(!found.empty());
  std::size_t covered = 0;
  for (const auto& mention : found) {
    const auto words = static_cast<std::size_t>(std::count(mention.text.begin(), mention.text.end(), ' ')) + 1;
    CHECK(words <= 12);
    covered += words;
  }
  CHECK(covered == 3000);
}

TEST_CASE("a long text keeps its chains from the first sentence to the last", "[entities]") {
  // Hundreds of mentions: the linker's tables of one text outgrow their first block of memory.
  std::string text = "Le ministre Gaspard Lemoine a visité Lyon. ";
  const char* const places[] = {"Paris", "Lyon", "Marseille", "Moscou", "Montréal"};
  for (int i = 0; i < 600; ++i) text += std::string("Le convoi est passé par ") + places[i % 5] + " dans la nuit. ";
  text += "M. Lemoine est rentré à Marseille.";
  const auto found = link(text);
  REQUIRE(found.size() == 604);
  CHECK(found.front().text == "Gaspard Lemoine");
  CHECK(found[found.size() - 2].text == "Lemoine");
  CHECK(found[found.size() - 2].chain == found.front().chain);
  // Each place is one chain however often it comes back: the person's, then five places.
  for (const Found& f : found) CHECK(f.chain <= 5);
  CHECK(found.back().chain == require(found, "Marseille").chain);
  CHECK(found.back().wikidata_id == "Q23482");
}
