#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/segment.hpp"

using frnews::Document;
using frnews::TokenKind;

namespace {

Document segment_text(std::string_view text) {
  return frnews::segment(text, frnews::Normalized{std::string(text),
                                                  frnews::OffsetMap::identity(static_cast<std::uint32_t>(text.size())),
                                                  {}});
}

std::vector<std::string> token_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& token : doc.tokens()) out.emplace_back(doc.text(token));
  return out;
}

std::vector<std::string> sentence_texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& sentence : doc.sentences()) out.emplace_back(doc.text(sentence.span));
  return out;
}

std::vector<std::string> sentences_of(std::string_view text) { return sentence_texts(segment_text(text)); }

// The kind of the first token whose text is `text`.
TokenKind kind_of(const Document& doc, std::string_view text) {
  for (const auto& token : doc.tokens()) {
    if (doc.text(token) == text) return token.kind;
  }
  FAIL("no token " << text);
  return TokenKind::symbol;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("Sentences end at . ! ? and keep the closing quotation mark") {
  CHECK(sentences_of("Le conseil s’est réuni hier. Il reprendra lundi ! Qui viendra ? Personne.") ==
        Strings{"Le conseil s’est réuni hier.", "Il reprendra lundi !", "Qui viendra ?", "Personne."});
  CHECK(sentences_of("« Nous ne céderons pas. » Le syndicat appelle à la grève.") ==
        Strings{"« Nous ne céderons pas. »", "Le syndicat appelle à la grève."});
  CHECK(sentences_of("Vraiment ?! Oui.") == Strings{"Vraiment ?!", "Oui."});
  CHECK(sentences_of("Et alors... ? 20 % ont voté.") == Strings{"Et alors... ?", "20 % ont voté."});
}

TEST_CASE("Abbreviations do not end a sentence") {
  CHECK(sentences_of("M. Durand et Mme Lopez ont reçu le Dr Morel. MM. Petit et Leroy étaient absents.") ==
        Strings{"M. Durand et Mme Lopez ont reçu le Dr Morel.", "MM. Petit et Leroy étaient absents."});
  CHECK(sentences_of("Le Pr. Garnier a plaidé, cf. le rapport. Me. Vidal répond.").size() == 2);
  CHECK(sentences_of("La loi du 3 janv. 2024 modifie l’art. 12 du code. Elle entre en vigueur.") ==
        Strings{"La loi du 3 janv. 2024 modifie l’art. 12 du code.", "Elle entre en vigueur."});
  CHECK(sentences_of("Des pommes, des poires, etc. Le marché était plein.") ==
        Strings{"Des pommes, des poires, etc.", "Le marché était plein."});
  CHECK(sentences_of("Des fruits, p. ex. des pommes. Fin.") == Strings{"Des fruits, p. ex. des pommes.", "Fin."});
}

TEST_CASE("Initials do not end a sentence, but an era does") {
  CHECK(sentences_of("J.-C. Juncker a rencontré George W. Bush à Bruxelles. Ils ont parlé.") ==
        Strings{"J.-C. Juncker a rencontré George W. Bush à Bruxelles.", "Ils ont parlé."});
  CHECK(sentences_of("Selon A. Dupont, É. Martin viendra.").size() == 1);
  CHECK(sentences_of("Ils ont lancé le plan B. Il échoue. La vitamine C. Elle manque.") ==
        Strings{"Ils ont lancé le plan B.", "Il échoue.", "La vitamine C.", "Elle manque."});
  CHECK(sentences_of("Le groupe A. La France y figure. J.-M. Le Gall répond.") ==
        Strings{"Le groupe A.", "La France y figure.", "J.-M. Le Gall répond."});
  CHECK(sentences_of("La ville est fondée en 52 av. J.-C. Elle prospère ensuite.") ==
        Strings{"La ville est fondée en 52 av. J.-C.", "Elle prospère ensuite."});
}

TEST_CASE("Numbers and times do not end a sentence") {
  const Document doc = segment_text("La croissance atteint 3,5 % à 12h30. Le conseil reprend à 14 h 30. Fin.");
  CHECK(sentence_texts(doc) ==
        Strings{"La croissance atteint 3,5 % à 12h30.", "Le conseil reprend à 14 h 30.", "Fin."});
}

TEST_CASE("An incise after a quotation continues the sentence") {
  CHECK(sentences_of("« Qui ? », a-t-il demandé.") == Strings{"« Qui ? », a-t-il demandé."});
  CHECK(sentences_of("« Nous partons ! » a lancé la ministre.") == Strings{"« Nous partons ! » a lancé la ministre."});
  CHECK(sentences_of("« C’est fini. », a-t-elle conclu. Le public applaudit.") ==
        Strings{"« C’est fini. », a-t-elle conclu.", "Le public applaudit."});
  CHECK(sentences_of("“Pourquoi ?” demande-t-on.") == Strings{"“Pourquoi ?” demande-t-on."});
}

TEST_CASE("A quotation of several sentences is split inside") {
  CHECK(sentences_of("Il a déclaré : « Je pars. Tu restes. » Puis il est sorti.") ==
        Strings{"Il a déclaré : « Je pars.", "Tu restes. »", "Puis il est sorti."});
}

TEST_CASE("A closing quotation mark followed by a capital can end a sentence") {
  CHECK(sentences_of("« Nous partirons demain » Le ministre l’a confirmé.") ==
        Strings{"« Nous partirons demain »", "Le ministre l’a confirmé."});
  CHECK(sentences_of("« Je reste. Je me battrai » Le maire a tenu parole.") ==
        Strings{"« Je reste.", "Je me battrai »", "Le maire a tenu parole."});
  CHECK(sentences_of("— « On y va » Elle sourit.").size() == 2);
  // Inside a sentence, a quoted title followed by a name does not end it.
  CHECK(sentences_of("Il lit « Le Monde » Pierre aussi.").size() == 1);
}

TEST_CASE("Ellipses end a sentence only before a capital") {
  CHECK(sentences_of("Il hésite... puis accepte… Le lendemain, il part.") ==
        Strings{"Il hésite... puis accepte…", "Le lendemain, il part."});
  CHECK(sentences_of("Et puis... 300 personnes sont venues.").size() == 1);
}

TEST_CASE("Paragraphs split at line breaks and end a sentence") {
  const Document doc = segment_text("Grève à la SNCF\nLe trafic sera perturbé mardi.\n\n  \nLes syndicats réclament 5 %");
  REQUIRE(doc.paragraphs().size() == 3);
  CHECK(sentence_texts(doc) ==
        Strings{"Grève à la SNCF", "Le trafic sera perturbé mardi.", "Les syndicats réclament 5 %"});
  for (std::uint32_t p = 0; p < doc.paragraphs().size(); ++p) {
    const auto& paragraph = doc.paragraphs()[p];
    for (std::uint32_t s = paragraph.first_sentence; s < paragraph.end_sentence; ++s) {
      CHECK(doc.sentences()[s].paragraph == p);
      CHECK(paragraph.span.contains(doc.sentences()[s].span));
    }
  }
  CHECK(doc.text(doc.paragraphs()[1].span) == "Le trafic sera perturbé mardi.");
}

TEST_CASE("URLs and e-mail addresses do not end a sentence") {
  const Document doc = segment_text(
      "Voir https://www.example.fr/a.html?id=3. Écrire à redaction.paris@example.org avant midi. Sur www.example.com, "
      "tout est dit.");
  CHECK(sentence_texts(doc).size() == 3);
  CHECK(kind_of(doc, "https://www.example.fr/a.html?id=3") == TokenKind::url);
  CHECK(kind_of(doc, "redaction.paris@example.org") == TokenKind::email);
  CHECK(kind_of(doc, "www.example.com") == TokenKind::url);
  CHECK(kind_of(segment_text("Lire service-public.fr."), "service-public.fr") == TokenKind::url);
  CHECK(token_texts(segment_text("(voir https://fr.wikipedia.org/wiki/Paris_(France)).")) ==
        Strings{"(", "voir", "https://fr.wikipedia.org/wiki/Paris_(France)", ")", "."});
}

TEST_CASE("Handles and hashtags are whole tokens") {
  const Document doc = segment_text("@frnews relaie #JO2024 et #Élysée.");
  CHECK(token_texts(doc) == Strings{"@frnews", "relaie", "#JO2024", "et", "#Élysée", "."});
  CHECK(kind_of(doc, "@frnews") == TokenKind::handle);
  CHECK(kind_of(doc, "#JO2024") == TokenKind::hashtag);
  CHECK(token_texts(segment_text("le C#, 5#2")) == Strings{"le", "C", "#", ",", "5", "#", "2"});
}

TEST_CASE("Elisions are split off, whatever the apostrophe and the case") {
  const Document doc = segment_text("L’État d'urgence qu’il jugeait lorsqu’on l’a vu jusqu'à Puisqu’ils");
  CHECK(token_texts(doc) == Strings{"L’", "État", "d'", "urgence", "qu’", "il", "jugeait", "lorsqu’", "on", "l’",
                                    "a", "vu", "jusqu'", "à", "Puisqu’", "ils"});
  CHECK(kind_of(doc, "L’") == TokenKind::elision);
  CHECK(kind_of(doc, "jusqu'") == TokenKind::elision);
  CHECK(token_texts(segment_text("s’il n’y c’est j’ai m’a t’es presqu’aucun quoiqu’elle")) ==
        Strings{"s’", "il", "n’", "y", "c’", "est", "j’", "ai", "m’", "a", "t’", "es", "presqu’", "aucun",
                "quoiqu’", "elle"});
  CHECK(token_texts(segment_text("l’« affaire »")) == Strings{"l’", "«", "affaire", "»"});
  CHECK(token_texts(segment_text("Ç’a été QU’IL")) == Strings{"Ç’", "a", "été", "QU’", "IL"});
  // n’ and m’ before a capitalised name belong to the name; capitals throughout still elide.
  CHECK(token_texts(segment_text("N’Golo Kanté à N’Djamena N’EST PAS")) ==
        Strings{"N’Golo", "Kanté", "à", "N’Djamena", "N’", "EST", "PAS"});
}

TEST_CASE("Words with an inner apostrophe stay whole") {
  const Document doc = segment_text("Aujourd’hui quelqu'un quelqu’une les prud’hommes la presqu’île d’Aujourd'hui");
  CHECK(token_texts(doc) == Strings{"Aujourd’hui", "quelqu'un", "quelqu’une", "les", "prud’hommes", "la",
                                    "presqu’île", "d’", "Aujourd'hui"});
  CHECK(kind_of(doc, "presqu’île") == TokenKind::word);
}

TEST_CASE("Inversions split the verb from its pronoun") {
  CHECK(token_texts(segment_text("a-t-il dit-elle va-t-on estime-t-il ajoute-t-elle")) ==
        Strings{"a", "-t-il", "dit", "-elle", "va", "-t-on", "estime", "-t-il", "ajoute", "-t-elle"});
  const Document doc = segment_text("Est-ce vrai, déclare-t-il ? Puis-je entrer ? Avez-vous vu lui-même le rendez-vous ?");
  CHECK(token_texts(doc) == Strings{"Est", "-ce", "vrai", ",", "déclare", "-t-il", "?", "Puis", "-je", "entrer", "?",
                                    "Avez", "-vous", "vu", "lui-même", "le", "rendez-vous", "?"});
  CHECK(kind_of(doc, "-t-il") == TokenKind::clitic);
  CHECK(token_texts(segment_text("Faut-il croire Kim Jong-il ? VA-T-IL")) ==
        Strings{"Faut", "-il", "croire", "Kim", "Jong-il", "?", "VA", "-T-IL"});
  CHECK(kind_of(doc, "lui-même") == TokenKind::word);
  CHECK(token_texts(segment_text("Viennent-ils ? Sont-elles là ? Iras-tu ?")) ==
        Strings{"Viennent", "-ils", "?", "Sont", "-elles", "là", "?", "Iras", "-tu", "?"});
}

TEST_CASE("Long words are whole, up to the first byte that is no letter") {
  const Document doc = segment_text(
      "L’anticonstitutionnellement, COVID19 ; réglementations : l’intercommunalité (surprenants)prudemment.Fin");
  CHECK(token_texts(doc) == Strings{"L’", "anticonstitutionnellement", ",", "COVID19", ";", "réglementations", ":",
                                    "l’", "intercommunalité", "(", "surprenants", ")", "prudemment", ".", "Fin"});
  CHECK(kind_of(doc, "COVID19") == TokenKind::word);
}

TEST_CASE("Hyphenated names are one word") {
  const Document doc = segment_text("Jean-Luc, Saint-Étienne, Rhône-Alpes et le porte-parole à Saint-Jean-d’Angély");
  CHECK(token_texts(doc) == Strings{"Jean-Luc", ",", "Saint-Étienne", ",", "Rhône-Alpes", "et", "le", "porte-parole",
                                    "à", "Saint-Jean-d’Angély"});
}

TEST_CASE("Numbers keep their decimal commas and thousands separators") {
  const Document doc = segment_text(
      "En 2022, 3,5 % soit 10 000 et 20\u00A0000 puis 30\u202F000 ou 1,8 et 3.5 à 12h30, -5 degrés, 2022 300 fois");
  CHECK(token_texts(doc) == Strings{"En", "2022", ",", "3,5", "%", "soit", "10 000", "et", "20\u00A0000", "puis",
                                    "30\u202F000", "ou", "1,8", "et", "3.5", "à", "12h30", ",", "-5", "degrés", ",",
                                    "2022", "300", "fois"});
  CHECK(kind_of(doc, "10 000") == TokenKind::number);
  CHECK(kind_of(doc, "-5") == TokenKind::number);
  CHECK(kind_of(doc, "%") == TokenKind::symbol);
  // Groups of three digits only.
  CHECK(token_texts(segment_text("les 12 1234 et 3 45")) == Strings{"les", "12", "1234", "et", "3", "45"});
  CHECK(token_texts(segment_text("entre 2020-2022, 2-1")) == Strings{"entre", "2020", "-", "2022", ",", "2", "-", "1"});
  CHECK(token_texts(segment_text("le 11-Septembre, le 1er, la 5G")) ==
        Strings{"le", "11-Septembre", ",", "le", "1er", ",", "la", "5G"});
  CHECK(kind_of(segment_text("le 1er"), "1er") == TokenKind::word);
}

TEST_CASE("Quotation marks, apostrophes and dashes") {
  const Document doc = segment_text("Il a dit ‘oui’ et \"non\" — puis « peut-être » - enfin l’avis...");
  CHECK(token_texts(doc) == Strings{"Il", "a", "dit", "‘", "oui", "’", "et", "\"", "non", "\"", "—", "puis", "«",
                                    "peut-être", "»", "-", "enfin", "l’", "avis", "..."});
  CHECK(kind_of(doc, "‘") == TokenKind::quote_mark);
  CHECK(kind_of(doc, "’") == TokenKind::quote_mark);
  CHECK(kind_of(doc, "\"") == TokenKind::quote_mark);
  CHECK(kind_of(doc, "—") == TokenKind::dash);
  CHECK(kind_of(doc, "-") == TokenKind::dash);
  CHECK(kind_of(doc, "l’") == TokenKind::elision);
  CHECK(kind_of(doc, "...") == TokenKind::punctuation);
}

TEST_CASE("Emoji sequences are one symbol") {
  const Document doc = segment_text("Bravo 🇫🇷👍🏽 👨‍👩‍👧 !");
  CHECK(token_texts(doc) == Strings{"Bravo", "🇫🇷", "👍🏽", "👨‍👩‍👧", "!"});
  CHECK(kind_of(doc, "🇫🇷") == TokenKind::symbol);
}

TEST_CASE("No-break spaces separate tokens like spaces") {
  const Document doc = segment_text("Pourquoi\u202F? «\u00A0Parce que\u00A0»\u2009!");
  CHECK(token_texts(doc) == Strings{"Pourquoi", "?", "«", "Parce", "que", "»", "!"});
}

TEST_CASE("sentence_of finds the sentence of a token") {
  const Document doc = segment_text("Un. Deux trois.\nQuatre ? Cinq");
  REQUIRE(doc.sentences().size() == 4);
  for (std::uint32_t s = 0; s < doc.sentences().size(); ++s) {
    for (std::uint32_t t = doc.sentences()[s].first_token; t < doc.sentences()[s].end_token; ++t) {
      CHECK(doc.sentence_of(t) == s);
    }
  }
}

namespace {

bool is_boundary(std::string_view text, std::uint32_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0U) != 0x80U;
}

// Every structural property a consumer relies on, on any input: the first one broken, or "".
std::string broken_invariant(const Document& doc, bool utf8_boundaries) {
  const std::string_view text = doc.text();
  std::uint32_t previous_end = 0;
  for (const auto& token : doc.tokens()) {
    if (token.span.begin < previous_end) return "tokens overlap or are out of order";
    if (token.span.empty()) return "empty token";
    if (token.span.end > text.size()) return "token past the end";
    if (utf8_boundaries && !(is_boundary(text, token.span.begin) && is_boundary(text, token.span.end))) {
      return "token splits a character";
    }
    previous_end = token.span.end;
  }
  std::uint32_t next_token = 0;
  for (const auto& sentence : doc.sentences()) {
    if (sentence.first_token != next_token || sentence.first_token >= sentence.end_token ||
        sentence.end_token > doc.tokens().size()) {
      return "sentences do not partition the tokens";
    }
    if (sentence.span.begin != doc.tokens()[sentence.first_token].span.begin ||
        sentence.span.end != doc.tokens()[sentence.end_token - 1].span.end) {
      return "sentence span does not cover its tokens";
    }
    if (sentence.paragraph >= doc.paragraphs().size() ||
        !doc.paragraphs()[sentence.paragraph].span.contains(sentence.span)) {
      return "sentence outside its paragraph";
    }
    next_token = sentence.end_token;
  }
  if (next_token != doc.tokens().size()) return "tokens outside any sentence";
  std::uint32_t next_sentence = 0;
  for (const auto& paragraph : doc.paragraphs()) {
    if (paragraph.first_sentence != next_sentence || paragraph.first_sentence >= paragraph.end_sentence) {
      return "paragraphs do not partition the sentences";
    }
    next_sentence = paragraph.end_sentence;
  }
  if (next_sentence != doc.sentences().size()) return "sentences outside any paragraph";
  return "";
}

void check_invariants(const Document& doc) { CHECK(broken_invariant(doc, false).empty()); }
// UTF-8 boundaries exist in well-formed input only.
void check_well_formed(const Document& doc) { CHECK(broken_invariant(doc, true).empty()); }

}  // namespace

TEST_CASE("Random French-like text keeps every invariant") {
  static constexpr std::string_view pieces[] = {
      "L’", "l'", "État", " ", " ", "\u00A0", "\u202F", "\n", "\n\n", ".", "...", "…", "!", "?", "«", "»", "“", "”",
      "\"", "'", "’", "‘", "-", "–", "—", "a-t-il", "dit-elle", "M.", "J.-C.", "10 000", "3,5", "%", "12h30",
      "https://exemple.fr/x.", "a@b.fr", "@x", "#y", "aujourd’hui", "Paris", "le", "(", ")", ",", "é", "\u0301",
      "🇫🇷", "x.y", "www.", "-5", "1er", "\r", "\t", "·", "qu’", "presqu’"};
  std::mt19937 random(20240601);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(pieces) - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = round % 60;
    for (int i = 0; i < length; ++i) text += pieces[pick(random)];
    check_well_formed(segment_text(text));
  }
}

TEST_CASE("Arbitrary bytes never break the segmenter") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = 0; i < round; ++i) text += static_cast<char>(byte(random));
    check_invariants(segment_text(text));
  }
  check_invariants(segment_text(""));
  check_invariants(segment_text(std::string_view("\0\0\xF0\x9F", 4)));
  check_invariants(segment_text("\xE2\x80"));
  check_invariants(segment_text("   \n\n "));
}

TEST_CASE("Pathological inputs are handled in one pass") {
  const std::string no_space(10'000'000, 'a');
  CHECK(segment_text(no_space).tokens().size() == 1);

  std::string dotted;
  for (int i = 0; i < 200'000; ++i) dotted += "a.";
  check_well_formed(segment_text(dotted));

  std::string quotes;
  for (int i = 0; i < 100'000; ++i) quotes += (i % 3 == 0) ? "« " : (i % 3 == 1 ? "» " : "\" ");
  const Document quoted = segment_text(quotes);
  CHECK(quoted.tokens().size() == 100'000);
  check_well_formed(quoted);

  std::string long_sentence;
  for (int i = 0; i < 100'000; ++i) long_sentence += "mot, ";
  CHECK(segment_text(long_sentence).sentences().size() == 1);

  std::string hyphens(1'000'000, '-');
  check_well_formed(segment_text(hyphens));
  std::string addresses;
  for (int i = 0; i < 100'000; ++i) addresses += "a.b-c_";
  check_well_formed(segment_text(addresses));
}

TEST_CASE("make_document normalizes, then segments, and keeps the original") {
  const std::string original = "Le maire l’a dit. « Nous verrons », a-t-il ajouté.";
  const auto doc = frnews::make_document(original);
  REQUIRE(doc.has_value());
  CHECK(doc->original() == original);
  REQUIRE(doc->sentences().size() == 2);
  CHECK(doc->text(doc->sentences()[1].span) == "« Nous verrons », a-t-il ajouté.");
  const frnews::Span first = doc->to_original(doc->sentences()[0].span);
  CHECK(first.of(original) == "Le maire l’a dit.");
}

namespace {

// The index of the first token whose text is `word`.
std::uint32_t token_at(const Document& doc, std::string_view word) {
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) {
    if (doc.text(doc.tokens()[i]) == word) return i;
  }
  FAIL("no token " << word);
  return 0;
}

bool has_flag(const Document& doc, std::uint32_t token, frnews::TokenFlag flag) {
  return (doc.annotations()[token].flags & flag) != 0;
}

}  // namespace

TEST_CASE("Token layer: folded key and lower-case form of each token") {
  const Document doc = segment_text("L’État a-t-il tranché ? « Non », répond Œdipe Lefèvre aux États-Unis.");
  REQUIRE(doc.annotations().size() == doc.tokens().size());
  const auto l = token_at(doc, "L’");
  CHECK(doc.key(l) == "l'");
  CHECK(doc.lower_case(l) == "l'");
  const auto etat = token_at(doc, "État");
  CHECK(doc.key(etat) == "etat");
  CHECK(doc.lower_case(etat) == "état");
  const auto clitic = token_at(doc, "-t-il");
  CHECK(doc.tokens()[clitic].kind == TokenKind::clitic);
  CHECK(doc.lower_case(clitic) == "-t-il");
  CHECK(doc.lower_case(token_at(doc, "Œdipe")) == "œdipe");
  CHECK(doc.key(token_at(doc, "États-Unis")) == "etats-unis");
  // A run of tokens: one space where the text has white space, none inside "L’État".
  CHECK(doc.key(l, etat + 1) == "l'etat");
  const auto lefevre = token_at(doc, "Lefèvre");
  CHECK(doc.key(lefevre - 1, lefevre + 1) == "oedipe lefevre");
}

TEST_CASE("Token layer: punctuation and numbers keep their bytes; lower_cases() holds every form in order") {
  const Document doc = segment_text("Les USA, l’Élysée et 3,5 % du PIB (selon l’INSEE) !");
  const auto usa = token_at(doc, "USA");
  CHECK(doc.key(usa) == "usa");
  CHECK(has_flag(doc, usa, frnews::token_all_capitals));
  CHECK(doc.key(usa + 1) == ",");
  CHECK(doc.key(token_at(doc, "(")) == "(");
  CHECK(doc.key(token_at(doc, "!")) == "!");
  CHECK(doc.key(token_at(doc, "3,5")) == "3,5");
  CHECK(doc.key(token_at(doc, "Élysée")) == "elysee");
  CHECK(doc.lower_case(token_at(doc, "Élysée")) == "élysée");
  std::string forms;
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) forms += doc.lower_case(i);
  CHECK(doc.lower_cases() == forms);
  CHECK(doc.key(0, static_cast<std::uint32_t>(doc.tokens().size())) == doc.keys());
  CHECK(doc.keys() == "les usa, l'elysee et 3,5 % du pib (selon l'insee) !");
}

TEST_CASE("Token layer: Latin-1 letters, œ and ’ fold as fold_key() and lower as the word lists") {
  const Document doc = segment_text(
      "L’ÉLYSÉE salue Œuvre et l‘ŒUVRE : Ægir, Þór, Straße, Ÿvette, ÉTÉ, Été, çà, 3×4, À bientôt, KÖLN.");
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) CHECK(doc.key(i) == frnews::fold_key(doc.text(doc.tokens()[i])));
  const auto elysee = token_at(doc, "ÉLYSÉE");
  CHECK(doc.lower_case(elysee) == "élysée");
  CHECK(has_flag(doc, elysee, frnews::token_all_capitals));
  CHECK(has_flag(doc, elysee, frnews::token_capitalized));
  CHECK(doc.lower_case(elysee - 1) == "l'");
  CHECK(doc.lower_case(token_at(doc, "ŒUVRE")) == "œuvre");
  CHECK(has_flag(doc, token_at(doc, "ŒUVRE"), frnews::token_all_capitals));
  CHECK(doc.key(token_at(doc, "ŒUVRE") - 1) == "l'");
  const auto oeuvre = token_at(doc, "Œuvre");
  CHECK(doc.key(oeuvre) == "oeuvre");
  CHECK(has_flag(doc, oeuvre, frnews::token_capitalized));
  CHECK_FALSE(has_flag(doc, oeuvre, frnews::token_all_capitals));
  CHECK(doc.key(token_at(doc, "Ægir")) == "aegir");
  CHECK(doc.lower_case(token_at(doc, "Ægir")) == "ægir");
  CHECK(doc.key(token_at(doc, "Þór")) == "þor");  // the thorn has no base letter: lowered, kept
  CHECK(doc.lower_case(token_at(doc, "Þór")) == "þór");
  CHECK(doc.key(token_at(doc, "Straße")) == "strasse");
  CHECK(doc.lower_case(token_at(doc, "Straße")) == "straße");
  CHECK(doc.key(token_at(doc, "Ÿvette")) == "yvette");
  CHECK(has_flag(doc, token_at(doc, "ÉTÉ"), frnews::token_all_capitals));
  CHECK_FALSE(has_flag(doc, token_at(doc, "Été"), frnews::token_all_capitals));
  CHECK(has_flag(doc, token_at(doc, "Été"), frnews::token_capitalized));
  CHECK_FALSE(has_flag(doc, token_at(doc, "çà"), frnews::token_capitalized));
  CHECK(doc.lower_case(token_at(doc, "À")) == "à");
  CHECK(has_flag(doc, token_at(doc, "À"), frnews::token_capitalized));
  CHECK_FALSE(has_flag(doc, token_at(doc, "À"), frnews::token_all_capitals));  // one letter is no acronym
  CHECK(doc.key(token_at(doc, "KÖLN")) == "koln");
  CHECK(has_flag(doc, token_at(doc, "KÖLN"), frnews::token_all_capitals));
}

TEST_CASE("Token layer: capitals, sentence and paragraph starts, space before") {
  const Document doc = segment_text("M. Dupont a parlé. L’OTAN répond.\nLa CGT, elle, attend.");
  const auto m = token_at(doc, "M");
  CHECK(has_flag(doc, m, frnews::token_capitalized));
  CHECK(has_flag(doc, m, frnews::token_sentence_start));
  CHECK(has_flag(doc, m, frnews::token_paragraph_start));
  CHECK_FALSE(has_flag(doc, m, frnews::token_all_capitals));  // one letter is no acronym
  const auto dot = m + 1;
  CHECK(doc.text(doc.tokens()[dot]) == ".");
  CHECK_FALSE(has_flag(doc, dot, frnews::token_space_before));
  CHECK_FALSE(has_flag(doc, dot, frnews::token_sentence_start));  // "M." does not end a sentence
  const auto dupont = token_at(doc, "Dupont");
  CHECK(has_flag(doc, dupont, frnews::token_space_before));
  CHECK(doc.annotations()[dupont].sentence == 0);
  const auto l = token_at(doc, "L’");
  CHECK(has_flag(doc, l, frnews::token_sentence_start));
  CHECK_FALSE(has_flag(doc, l, frnews::token_paragraph_start));
  CHECK(doc.annotations()[l].sentence == 1);
  const auto otan = token_at(doc, "OTAN");
  CHECK(has_flag(doc, otan, frnews::token_all_capitals));
  CHECK_FALSE(has_flag(doc, otan, frnews::token_space_before));
  const auto la = token_at(doc, "La");
  CHECK(has_flag(doc, la, frnews::token_paragraph_start));
  CHECK(doc.annotations()[la].paragraph == 1);
  CHECK(doc.annotations()[la].sentence == 2);
  CHECK(has_flag(doc, token_at(doc, "CGT"), frnews::token_all_capitals));
  CHECK_FALSE(has_flag(doc, token_at(doc, "attend"), frnews::token_capitalized));
}

TEST_CASE("Token layer: a long text numbers each of its forms once, past the first size of its table") {
  // 40 000 distinct forms ("mot0", "mot1"...), each written twice, the second time in capitals.
  std::string text;
  std::vector<std::string> forms;
  for (int i = 0; i < 40000; ++i) forms.push_back("mot" + std::to_string(i));
  for (const std::string& form : forms) text += form + " ";
  for (const std::string& form : forms) {
    std::string capitals = form;
    for (char& c : capitals) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    text += capitals + " ";
  }
  const Document doc = segment_text(text);
  REQUIRE(doc.tokens().size() == 80000);
  CHECK(doc.distinct_words() == 40000);
  const auto annotations = doc.annotations();
  bool numbered_in_order = true;
  for (std::uint32_t i = 0; i < 40000; ++i) {
    numbered_in_order = numbered_in_order && annotations[i].word == i && annotations[40000 + i].word == i &&
                        doc.first_tokens()[i] == i;
  }
  CHECK(numbered_in_order);
}

TEST_CASE("Token layer: forms that share their first eight bytes, or end the text, are told apart") {
  // "ministre" has eight bytes, "ministres" and "ministère" more; "fin" ends the text.
  const Document doc =
      segment_text("Le ministre, la MINISTRE et les ministres : « Ministère, MINISTRES ! » `cite` l’AFP, fin");
  std::map<std::string, std::uint32_t, std::less<>> numbers;
  for (std::uint32_t i = 0; i < doc.tokens().size(); ++i) {
    CHECK(doc.key(i) == frnews::fold_key(doc.text(doc.tokens()[i])));
    const auto added = numbers.emplace(std::string(doc.lower_case(i)), static_cast<std::uint32_t>(numbers.size()));
    CHECK(doc.annotations()[i].word == added.first->second);
  }
  CHECK(doc.distinct_words() == numbers.size());
  const auto word_of = [&](std::string_view token) { return doc.annotations()[token_at(doc, token)].word; };
  CHECK(word_of("MINISTRE") == word_of("ministre"));
  CHECK(word_of("MINISTRES") == word_of("ministres"));
  CHECK(word_of("ministres") != word_of("ministre"));
  CHECK(word_of("Ministère") != word_of("ministres"));
  CHECK(has_flag(doc, token_at(doc, "MINISTRE"), frnews::token_all_capitals));
  CHECK(has_flag(doc, token_at(doc, "AFP"), frnews::token_all_capitals));
  CHECK_FALSE(has_flag(doc, token_at(doc, "Le"), frnews::token_all_capitals));
  CHECK(doc.key(token_at(doc, "`")) == frnews::fold_key("`"));
  CHECK(doc.lower_case(token_at(doc, "fin")) == "fin");
  CHECK(doc.keys().ends_with("l'afp, fin"));
}

TEST_CASE("Token layer: one number per distinct lower-case form") {
  const Document doc = segment_text("Le ministre parle. le Ministre écoute, le ministre répond.");
  const auto annotations = doc.annotations();
  const auto first_le = token_at(doc, "Le");
  const auto first_minister = token_at(doc, "ministre");
  CHECK(annotations[first_le].word == 0);
  std::uint32_t same_as_le = 0, same_as_minister = 0;
  for (std::uint32_t i = 0; i < annotations.size(); ++i) {
    same_as_le += annotations[i].word == annotations[first_le].word;
    same_as_minister += annotations[i].word == annotations[first_minister].word;
    CHECK(annotations[i].word < doc.distinct_words());
  }
  CHECK(same_as_le == 3);        // Le, le, le
  CHECK(same_as_minister == 3);  // ministre, Ministre, ministre
  // le ministre parle . écoute , répond: seven forms.
  CHECK(doc.distinct_words() == 7);
  // Each form's first token: "écoute" is the fifth form (le ministre parle . écoute).
  const auto first_tokens = doc.first_tokens();
  REQUIRE(first_tokens.size() == 7);
  CHECK(first_tokens[annotations[first_minister].word] == first_minister);
  const auto ecoute = token_at(doc, "écoute");
  CHECK(annotations[ecoute].word == 4);
  CHECK(first_tokens[4] == ecoute);
  for (std::uint32_t w = 0; w < first_tokens.size(); ++w) {
    CHECK(annotations[first_tokens[w]].word == w);
    for (std::uint32_t i = 0; i < first_tokens[w]; ++i) CHECK(annotations[i].word != w);
  }
}
