#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/normalize.hpp"
#include "normalize/normalizer.hpp"
#include "normalize/utf8.hpp"

using frnews::NormalizeOptions;
using frnews::RepairKind;
using frnews::Span;

namespace {

std::string canonical(std::string_view text, const NormalizeOptions& options = {}) {
  auto result = frnews::normalize(text, options);
  REQUIRE(result.has_value());
  return result->text;
}

bool has_repair(const frnews::Normalized& normalized, RepairKind kind) {
  for (const auto& repair : normalized.repairs) {
    if (repair.kind == kind) return true;
  }
  return false;
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto decoded = frnews::detail::decode_utf8(text, i);
    if (!decoded.valid) return false;
    i += decoded.length;
  }
  return true;
}

// The text with control and non-ASCII bytes as \xNN, for failure messages.
std::string escaped(std::string_view text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += "\\x";
      out += digits[byte >> 4];
      out += digits[byte & 0xF];
    }
  }
  return out;
}

bool on_boundary(std::string_view text, std::uint32_t at) {
  return at >= text.size() || !frnews::detail::is_continuation(static_cast<unsigned char>(text[at]));
}

// The canonical span of `word` (first occurrence) mapped back to the original.
std::string_view original_of(const frnews::Normalized& normalized, std::string_view original, std::string_view word) {
  const auto at = normalized.text.find(word);
  REQUIRE(at != std::string::npos);
  const Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
  return normalized.map.to_original(span).of(original);
}

}  // namespace

TEST_CASE("clean French text passes unchanged with a one-run map") {
  const std::string text =
      "Le Premier ministre a présenté mardi un plan de 2,5 milliards d’euros pour les écoles.\n\n"
      "« Nous devons agir vite », a déclaré M. Lefèvre à Marseille.";
  const auto result = frnews::normalize(text);
  REQUIRE(result);
  CHECK(result->text == text);
  CHECK(result->repairs.empty());
  CHECK(result->map.runs().size() == 1);
  CHECK(result->map.to_original(Span{3, 10}) == Span{3, 10});
}

TEST_CASE("long clean text: only the straight apostrophes change, every word maps back") {
  const std::string paragraph =
      "D'après la préfecture, 12 500 personnes ont défilé jeudi à Lyon contre l'allongement de la "
      "durée de cotisation. « C'est une première étape », a estimé une syndicaliste.\n\n"
      "Le Conseil d'État rendra sa décision lundi ; l'exécutif n'a pas souhaité commenter.\n";
  std::string original;
  for (int i = 0; i < 40; ++i) original += paragraph;
  std::string expected;
  for (const char c : original) {
    if (c == '\'') {
      expected += "\u2019";
    } else {
      expected += c;
    }
  }
  const auto result = frnews::normalize(original);
  REQUIRE(result);
  CHECK(result->text == expected);
  std::size_t apostrophes = 0;
  for (const auto& repair : result->repairs) {
    CHECK(repair.kind == RepairKind::apostrophe);
    CHECK(repair.original.of(original) == "'");
    ++apostrophes;
  }
  CHECK(apostrophes == 40 * 6);
  // Every word of the canonical text reads back from the original.
  const std::string& text = result->text;
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find_first_of(" \n", begin), text.size());
    const std::string_view word = std::string_view(text).substr(begin, end - begin);
    if (word.find("\u2019") == std::string_view::npos) {
      const Span span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
      REQUIRE(result->map.to_original(span).of(original) == word);
    }
    begin = end + 1;
  }
}

TEST_CASE("empty input gives empty output") {
  const auto result = frnews::normalize("");
  REQUIRE(result);
  CHECK(result->text.empty());
  CHECK(result->map.to_original(Span{0, 0}) == Span{0, 0});
}

TEST_CASE("invalid UTF-8 becomes U+FFFD by maximal subparts") {
  SECTION("a Latin-1 byte") { CHECK(canonical("Caf\xE9 cr\xC3\xA8me") == "Caf\uFFFD crème"); }
  SECTION("a truncated three-byte sequence is one replacement") {
    CHECK(canonical("Il dit \xE2\x80 non") == "Il dit \uFFFD non");
  }
  SECTION("a truncated four-byte sequence at the end is one replacement") {
    CHECK(canonical("Bravo \xF0\x9F\x98") == "Bravo \uFFFD");
  }
  SECTION("an overlong form is one replacement per byte") { CHECK(canonical("a\xC0\xAF" "b") == "a\uFFFD\uFFFD" "b"); }
  SECTION("a surrogate is one replacement per byte") {
    CHECK(canonical("x\xED\xA0\x80y") == "x\uFFFD\uFFFD\uFFFDy");
  }
  SECTION("the repair names the ill-formed bytes") {
    const std::string original = "Caf\xE9 noir";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    REQUIRE(has_repair(*result, RepairKind::invalid_utf8));
    CHECK(result->repairs.front().original == Span{3, 4});
    CHECK(original_of(*result, original, "noir") == "noir");
  }
  SECTION("strict mode rejects with the byte position") {
    NormalizeOptions strict;
    strict.invalid_utf8 = frnews::InvalidUtf8::reject;
    const auto result = frnews::normalize("Un caf\xE9", strict);
    REQUIRE_FALSE(result);
    CHECK(result.error() == frnews::Error{frnews::ErrorCode::invalid_utf8, 6});
    CHECK(frnews::normalize("Un café", strict).has_value());
  }
}

TEST_CASE("a text of 4 GiB or more is refused before it is read") {
  const char byte = 'a';
  const std::string_view huge(&byte, std::size_t{1} << 32);
  const auto result = frnews::normalize(huge);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == frnews::ErrorCode::input_too_large);
}

TEST_CASE("mojibake is repaired") {
  CHECK(canonical("Le ministre a dÃ©clarÃ© mardi") == "Le ministre a déclaré mardi");
  CHECK(canonical("Il est nÃ© Ã\u00A0 Lyon") == "Il est né à Lyon");
  CHECK(canonical("Ã‰lisabeth Borne") == "Élisabeth Borne");
  CHECK(canonical("lâ€™Ã‰tat") == "l’État");
  CHECK(canonical("â€œOuiâ€\u009d, dit-il") == "“Oui”, dit-il");
  CHECK(canonical("Â« Nous partons Â»") == "« Nous partons »");
  CHECK(canonical("une Å“uvre") == "une œuvre");
  CHECK(canonical("le franÃ§ais") == "le français");
  CHECK(canonical("5 â‚¬") == "5 €");
  SECTION("double encoding, Latin-1 then Windows-1252") {
    CHECK(canonical("Ã\u0083Â©tÃ\u0083Â©") == "été");
    CHECK(canonical("Ãƒ©lu") == "élu");
  }
  SECTION("a mangled byte-order mark disappears") { CHECK(canonical("ï»¿Bonjour") == "Bonjour"); }
  SECTION("the repair spans the whole sequence") {
    const std::string original = "Il a dÃ©cidÃ© seul";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->text == "Il a décidé seul");
    REQUIRE(result->repairs.size() == 2);
    CHECK(result->repairs[0].kind == RepairKind::mojibake);
    CHECK(result->repairs[0].original.of(original) == "Ã©");
    CHECK(original_of(*result, original, "décidé") == "dÃ©cidÃ©");
    CHECK(original_of(*result, original, "seul") == "seul");
  }
  SECTION("the switch turns it off") {
    NormalizeOptions options;
    options.fix_mojibake = false;
    CHECK(canonical("dÃ©clarÃ©", options) == "dÃ©clarÃ©");
  }
}

TEST_CASE("an isolated Ã whose no-break space became a space is à") {
  SECTION("beside French words") {
    CHECK(canonical("Il est arrivé Ã Paris mardi.") == "Il est arrivé à Paris mardi.");
    CHECK(canonical("Ã la fin de la réunion, il est parti.") == "à la fin de la réunion, il est parti.");
    CHECK(canonical("Elle habite Ã  Lyon depuis dix ans.") == "Elle habite à Lyon depuis dix ans.");
    CHECK(canonical("Rendez-vous Ã l’heure dite.") == "Rendez-vous à l’heure dite.");
    CHECK(canonical("Le train part.\nÃ Lyon, il pleut.") == "Le train part.\nà Lyon, il pleut.");
  }
  SECTION("in a text garbled elsewhere, whatever the words") {
    CHECK(canonical("Ã peine arrivÃ©, il repart.") == "à peine arrivé, il repart.");
  }
  SECTION("the repair is a mojibake repair of the Ã, and the map stays exact") {
    const std::string original = "Il est arrivé Ã Paris.";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    REQUIRE(result->text == "Il est arrivé à Paris.");
    REQUIRE(result->repairs.size() == 1);
    CHECK(result->repairs[0].kind == RepairKind::mojibake);
    CHECK(result->repairs[0].original.of(original) == "Ã");
    CHECK(original_of(*result, original, "à") == "Ã");
    CHECK(original_of(*result, original, "arrivé") == "arrivé");
    CHECK(original_of(*result, original, "Paris") == "Paris");
    CHECK(canonical(result->text) == result->text);
  }
  SECTION("a legitimate Ã stays") {
    for (const std::string_view text :
         {"SÃO PAULO", "NÃO É", "la lettre Ã seule", "Lista: Ã Õ Ũ", "Ã", "Il a écrit Ã.", "le sigle Ã\nLyon",
          "Ã paris", "vers Ã3 et"}) {
      CHECK(canonical(text) == text);
    }
  }
  SECTION("the switch turns it off") {
    NormalizeOptions options;
    options.fix_mojibake = false;
    CHECK(canonical("Il est arrivé Ã Paris.", options) == "Il est arrivé Ã Paris.");
  }
}

TEST_CASE("legitimate text is not taken for mojibake") {
  for (const std::string_view text :
       {"Âgé de 45 ans, il dirige l’entreprise.", "Elle vit à São Paulo depuis 2010.", "Le port d’Ålesund est pris.",
        "la lettre Ã seule", "À Paris, la pluie tombe.", "Ça suffit !", "ÇA SUFFIT", "Ôtez-vous de là.",
        "L’ÎLE-DE-FRANCE", "« Él » dit-elle", "Ève, Œdipe et Ærø", "NÃO É", "ÉCOLE»", "déjà « vu »"}) {
    CHECK(canonical(text) == text);
  }
}

TEST_CASE("HTML is turned into text") {
  SECTION("named, decimal and hexadecimal references") {
    CHECK(canonical("<p>L&#39;&eacute;t&eacute; &agrave; Nice&nbsp;: 30&#x202F;&deg;C</p>") ==
          "L’été à Nice\u00A0: 30\u202F°C");
    CHECK(canonical("&laquo;&nbsp;Oui&nbsp;&raquo; &ndash; &mdash; &hellip; &euro; &oelig;&OElig; &lsquo;&rsquo;&ldquo;&rdquo;") ==
          "«\u00A0Oui\u00A0» – — … € œŒ ‘’“”");
    CHECK(canonical("<b>&lt;</b> &gt; &quot;x&quot; &apos;") == "< > \"x\" '");
  }
  SECTION("Windows-1252 numeric references and double escaping") {
    CHECK(canonical("l&#146;<i>&Eacute;tat</i>") == "l’État");
    CHECK(canonical("<p>Caf&amp;eacute; AT&amp;T</p>") == "Café AT&T");
  }
  SECTION("breaks, removed tags, scripts, styles and comments") {
    CHECK(canonical("<p>Premier.</p>\n<p>Second<br>ligne</p>") == "Premier.\n\nSecond\nligne");
    CHECK(canonical("<p>Fin.</p>\n") == "Fin.\n");
    CHECK(canonical("<div>Un</div><div>Deux</div>") == "Un\n\nDeux");
    CHECK(canonical("<h1>Titre</h1><ul><li>un</li><li>deux</li></ul>") == "Titre\n\nun\ndeux");
    CHECK(canonical("Texte <script type=\"text/javascript\">if (a < b) alert('x');</script>suite") == "Texte suite");
    CHECK(canonical("<style>p { color: red; }</style><p>Vu</p>") == "Vu");
    CHECK(canonical("Avant<!-- <p>caché</p> --> après<br/>") == "Avant après");
    CHECK(canonical("<a href=\"https://exemple.fr/?a=1&b=2\" title='x > y'>lien</a>") == "lien");
  }
  SECTION("plain text with < and & is not HTML") {
    CHECK(canonical("Si a < b et b > c, alors AT&T gagne.") == "Si a < b et b > c, alors AT&T gagne.");
    CHECK(canonical("Procter & Gamble") == "Procter & Gamble");
  }
  SECTION("one tag or reference anywhere makes the whole text HTML") {
    const std::string words = std::string(300, 'x');
    const std::string before = "L'avis d'AT&T : a < b. " + words + " fin";
    CHECK(canonical(before + "<br>") == "L’avis d’AT&T : a < b. " + words + " fin");
    CHECK(canonical(before + " &eacute;t&eacute;") == "L’avis d’AT&T : a < b. " + words + " fin été");
    CHECK(canonical(before + " <inconnu> AT&T") == "L’avis d’AT&T : a < b. " + words + " fin <inconnu> AT&T");
    // A reference and a tag far apart are both decoded.
    CHECK(canonical("a &lt; b " + words + "<br>") == "a < b " + words);
  }
  SECTION("forced on and off") {
    NormalizeOptions off;
    off.html = frnews::HtmlMode::off;
    CHECK(canonical("<p>l&eacute;ger</p>", off) == "<p>l&eacute;ger</p>");
    NormalizeOptions on;
    on.html = frnews::HtmlMode::on;
    CHECK(canonical("a <inconnu>b</inconnu> c", on) == "a b c");
    CHECK(canonical("a <inconnu>b</inconnu> c") == "a <inconnu>b</inconnu> c");
  }
  SECTION("an entity maps back to its reference") {
    const std::string original = "<p>Un &eacute;t&eacute; chaud</p>";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->text == "Un été chaud");
    CHECK(original_of(*result, original, "été") == "&eacute;t&eacute;");
    CHECK(original_of(*result, original, "chaud") == "chaud");
    CHECK(original_of(*result, original, "Un") == "Un");
    CHECK(has_repair(*result, RepairKind::html_entity));
    CHECK(has_repair(*result, RepairKind::html_markup));
  }
}

TEST_CASE("invisible characters and newlines") {
  CHECK(canonical(std::string("Le\0 vote", 8)) == "Le vote");
  CHECK(canonical("a\x01\x1B" "b\x7F") == "ab");
  CHECK(canonical("\xEF\xBB\xBFTexte") == "Texte");
  CHECK(canonical("anti\u00ADconstitutionnel") == "anticonstitutionnel");
  CHECK(canonical("mot\u200Bà\u200Cmot\u200D\u2060fin\uFEFF") == "motàmotfin");
  CHECK(canonical("avant\u0080après") == "avantaprès");
  CHECK(canonical("un\ttab") == "un tab");
  CHECK(canonical("un\r\ndeux\rtrois\n") == "un\ndeux\ntrois\n");
  SECTION("switches") {
    NormalizeOptions options;
    options.remove_invisibles = false;
    options.normalize_newlines = false;
    CHECK(canonical("anti\u00ADgel", options) == "anti\u00ADgel");
    CHECK(canonical("un\r\ndeux", options) == "un\r\ndeux");
  }
  SECTION("a removed character leaves the map exact") {
    const std::string original = "Le\u200B ministre";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->text == "Le ministre");
    CHECK(original_of(*result, original, "ministre") == "ministre");
    CHECK(original_of(*result, original, "Le") == "Le");
    REQUIRE(result->repairs.size() == 1);
    CHECK(result->repairs[0].kind == RepairKind::invisible);
    CHECK(result->repairs[0].original.of(original) == "\u200B");
  }
}

TEST_CASE("the ¬ of OCR line-end hyphenation joins the word it broke") {
  const std::string_view scanned = "Le pr\u00e9si\u00acdent Clemen\u00acceau a parl\u00e9.";
  const auto normalized = frnews::normalize(scanned);
  REQUIRE(normalized);
  CHECK(normalized->text == "Le président Clemenceau a parlé.");
  CHECK(has_repair(*normalized, RepairKind::ocr_hyphen));
  // The joined name maps back to the whole broken word of the scan.
  const auto at = static_cast<std::uint32_t>(normalized->text.find("Clemenceau"));
  const Span name{at, at + static_cast<std::uint32_t>(std::string_view("Clemenceau").size())};
  CHECK(normalized->map.to_original(name).of(scanned) == "Clemen\u00acceau");

  // A ¬ between spaces, digits or at an edge is a sign, kept as written; the option keeps them all.
  CHECK(canonical("non \u00ac oui") == "non \u00ac oui");
  CHECK(canonical("\u00acA et 3\u00ac4") == "\u00acA et 3\u00ac4");
  NormalizeOptions keep;
  keep.join_ocr_hyphens = false;
  CHECK(canonical("pr\u00e9si\u00acdent", keep) == "pr\u00e9si\u00acdent");
}

TEST_CASE("Unicode NFC") {
  const std::string original = "Ame\u0301lie et Zoe\u0308 ont vu l'A\u030Aland";
  const auto result = frnews::normalize(original);
  REQUIRE(result);
  CHECK(result->text == "Amélie et Zoë ont vu l’Åland");
  CHECK(has_repair(*result, RepairKind::nfc));
  CHECK(original_of(*result, original, "é") == "e\u0301");
  CHECK(original_of(*result, original, "Amélie") == "Ame\u0301lie");
  CHECK(original_of(*result, original, "ont") == "ont");
  CHECK(canonical("\u212B et \u2126") == "Å et Ω");
  CHECK(canonical("q\u0323\u0307") == "q\u0323\u0307");
  CHECK(canonical("s\u0307\u0323") == "\u1E69");
  NormalizeOptions off;
  off.nfc = false;
  CHECK(canonical("Ame\u0301lie", off) == "Ame\u0301lie");
}

TEST_CASE("spaces") {
  CHECK(canonical("Le   vote  a eu lieu.") == "Le vote a eu lieu.");
  CHECK(canonical("Fin du paragraphe.   \n\n\n\n  Début du suivant.  ") == "Fin du paragraphe.\n\nDébut du suivant.");
  CHECK(canonical("  \n\nTitre\n") == "Titre\n");
  CHECK(canonical("un\u2003deux\u3000trois\u205Fquatre\u2009cinq") == "un deux trois quatre cinq");
  SECTION("numbers keep their thousands separator") {
    CHECK(canonical("10\u00A0000 manifestants") == "10\u00A0000 manifestants");
    CHECK(canonical("10\u202F000 manifestants") == "10\u202F000 manifestants");
    CHECK(canonical("10 000 manifestants") == "10 000 manifestants");
    NormalizeOptions ascii;
    ascii.typography = frnews::Typography::ascii;
    CHECK(canonical("10\u202F000 et 3\u00A0500", ascii) == "10 000 et 3 500");
  }
  SECTION("typography keep, canonical, ascii") {
    const std::string text = "Il a dit\u00A0: «\u00A0Pourquoi ?\u00A0» Puis\u00A0; «Non!»";
    CHECK(canonical(text) == text);
    NormalizeOptions options;
    options.typography = frnews::Typography::canonical;
    CHECK(canonical("Il a dit : « Pourquoi ? » Puis ; «Non !»", options) ==
          "Il a dit\u00A0: «\u202FPourquoi\u202F?\u202F» Puis\u202F; «\u202FNon\u202F!\u202F»");
    options.typography = frnews::Typography::ascii;
    CHECK(canonical(text, options) == "Il a dit : « Pourquoi ? » Puis ; «Non!»");
  }
  SECTION("collapsing can be turned off") {
    NormalizeOptions options;
    options.collapse_spaces = false;
    CHECK(canonical("un  deux\n\n\n\ntrois", options) == "un  deux\n\n\n\ntrois");
  }
  SECTION("a collapsed run maps to all its spaces") {
    const std::string original = "Le   vote";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->map.to_original(Span{2, 3}).of(original) == "   ");
    CHECK(original_of(*result, original, "vote") == "vote");
  }
}

TEST_CASE("apostrophes") {
  CHECK(canonical("L'État d'urgence, aujourd'hui") == "L’État d’urgence, aujourd’hui");
  CHECK(canonical("l`homme, lʼenfant, l´ami") == "l’homme, l’enfant, l’ami");
  CHECK(canonical("jusqu'à lorsqu'il qu'« il »") == "jusqu’à lorsqu’il qu’« il »");
  CHECK(canonical("d'1,5 million") == "d’1,5 million");
  SECTION("a straight double quote that stands for an apostrophe") {
    CHECK(canonical("Il vient d\"être élu, je n\"étais pas là") == "Il vient d’être élu, je n’étais pas là");
    CHECK(canonical("aujourd\"hui, l\"homme qu\"il voit, jusqu\"à Paris") ==
          "aujourd’hui, l’homme qu’il voit, jusqu’à Paris");
    CHECK(canonical("L\"État, QU\"IL, prud\"hommes, presqu\"île") == "L’État, QU’IL, prud’hommes, presqu’île");
    const std::string original = "d\"être";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    REQUIRE(result->repairs.size() == 1);
    CHECK(result->repairs[0].kind == RepairKind::apostrophe);
    CHECK(result->repairs[0].original == Span{1, 2});
    CHECK(original_of(*result, original, "être") == "être");
  }
  SECTION("a straight double quote that is a quotation mark stays") {
    for (const std::string_view text :
         {"\"Bonjour\"", "il a dit \"non\" hier", "le mot \"d\" seul", "le mot \"d\"", "\"l\" et \"d\"",
          "un \"vrai\"ami", "les \"Bleus\"ont gagné", "d\"", "d\"1", "d \"être\"", "la note \"t\"rès",
          "\"s\"affirme", "\"C\"est"}) {
      CHECK(canonical(text) == text);
    }
  }
  SECTION("a quotation mark stays") {
    CHECK(canonical("Il a dit 'non' hier") == "Il a dit 'non' hier");
    CHECK(canonical("le mot ‘crise’ revient") == "le mot ‘crise’ revient");
    CHECK(canonical("'Bonjour'") == "'Bonjour'");
  }
  SECTION("another apostrophe, or none") {
    NormalizeOptions straight;
    straight.apostrophe = U"'";
    CHECK(canonical("l’État et l'école", straight) == "l'État et l'école");
    NormalizeOptions off;
    off.unify_apostrophes = false;
    CHECK(canonical("l'État et l’école", off) == "l'État et l’école");
  }
  SECTION("the repair names the character") {
    const std::string original = "l'homme";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    REQUIRE(result->repairs.size() == 1);
    CHECK(result->repairs[0].kind == RepairKind::apostrophe);
    CHECK(result->repairs[0].original == Span{1, 2});
    CHECK(original_of(*result, original, "homme") == "homme");
  }
}

TEST_CASE("dashes, ellipsis, ligatures, fullwidth") {
  CHECK(canonical("Jean\u2010Pierre, a\u2011t\u2011il") == "Jean\u2010Pierre, a\u2011t\u2011il");
  NormalizeOptions dashes;
  dashes.unify_dashes = true;
  CHECK(canonical("Jean\u2010Pierre, a\u2011t\u2011il \u2012 et \u2013 \u2014", dashes) ==
        "Jean-Pierre, a-t-il - et \u2013 \u2014");

  CHECK(canonical("Et puis... rien.") == "Et puis… rien.");
  CHECK(canonical("Et puis…") == "Et puis…");
  CHECK(canonical("Quoi.... vraiment") == "Quoi…. vraiment");
  NormalizeOptions expand;
  expand.expand_ellipsis = true;
  CHECK(canonical("Et puis… rien...", expand) == "Et puis... rien...");

  CHECK(canonical("ef\uFB01cace, \uFB02eur, \uFB00et, \uFB03, \uFB04") == "efficace, fleur, ffet, ffi, ffl");
  CHECK(canonical("œuvre, Œdipe, cæcum") == "œuvre, Œdipe, cæcum");
  NormalizeOptions ligatures;
  ligatures.split_ligatures = false;
  CHECK(canonical("ef\uFB01cace", ligatures) == "ef\uFB01cace");

  CHECK(canonical("ＡＢＣ１２３！") == "ABC123!");
  NormalizeOptions fullwidth;
  fullwidth.fold_fullwidth = false;
  CHECK(canonical("ＡＢＣ", fullwidth) == "ＡＢＣ");

  const std::string original = "re\uFB01nancer";
  const auto result = frnews::normalize(original);
  REQUIRE(result);
  CHECK(original_of(*result, original, "fi") == "\uFB01");
  CHECK(original_of(*result, original, "nancer") == "nancer");
}

TEST_CASE("line breaks, inserted spaces and removed bytes in the map") {
  SECTION("a line break made from a tag maps to the tag") {
    const std::string original = "Premier<br>second";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->text == "Premier\nsecond");
    CHECK(result->map.to_original(Span{7, 8}).of(original) == "<br>");
    CHECK(original_of(*result, original, "second") == "second");
  }
  SECTION("a narrow no-break space put inside guillemets maps to an empty span") {
    NormalizeOptions options;
    options.typography = frnews::Typography::canonical;
    const std::string original = "«Non»";
    const auto result = frnews::normalize(original, options);
    REQUIRE(result);
    CHECK(result->text == "«\u202FNon\u202F»");
    CHECK(result->map.to_original(Span{2, 5}).empty());
    CHECK(original_of(*result, original, "Non") == "Non");
    CHECK(original_of(*result, original, "»") == "»");
  }
  SECTION("a text of nothing but junk maps to nothing") {
    const std::string original = "\u200B\x01  \n";
    const auto result = frnews::normalize(original);
    REQUIRE(result);
    CHECK(result->text.empty());
    CHECK(result->map.to_original(Span{0, 0}).end <= original.size());
  }
}

TEST_CASE("repairs come in original order with their kinds") {
  const std::string original = "<p>L'Ã©tÃ©\u00A0 &amp; co</p>";
  const auto result = frnews::normalize(original);
  REQUIRE(result);
  CHECK(result->text == "L’été\u00A0& co");
  for (std::size_t i = 1; i < result->repairs.size(); ++i) {
    CHECK(result->repairs[i - 1].original.begin <= result->repairs[i].original.begin);
  }
  CHECK(has_repair(*result, RepairKind::mojibake));
  CHECK(has_repair(*result, RepairKind::apostrophe));
  CHECK(has_repair(*result, RepairKind::space));
  CHECK(frnews::to_string(RepairKind::mojibake) == "mojibake");
  CHECK(original_of(*result, original, "été") == "Ã©tÃ©");
  CHECK(original_of(*result, original, "co") == "co");
}

namespace {

// Checks everything that must hold for any input.
void check_properties(const std::string& original, const NormalizeOptions& options = {}) {
  INFO("input: " << escaped(original));
  const auto result = frnews::normalize(original, options);
  REQUIRE(result);
  const std::string& text = result->text;
  REQUIRE(valid_utf8(text));

  const auto again = frnews::normalize(text, options);
  REQUIRE(again);
  CHECK(again->text == text);

  const auto& map = result->map;
  const bool original_valid = valid_utf8(original);
  std::uint32_t previous_begin = 0;
  std::uint32_t previous_end = 0;
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t at = 0; at <= size; ++at) {
    if (!on_boundary(text, at)) continue;
    const std::uint32_t begin = map.to_original_begin(at);
    const std::uint32_t end = map.to_original_end(at);
    REQUIRE(begin <= original.size());
    REQUIRE(end <= original.size());
    REQUIRE(begin >= previous_begin);
    REQUIRE(end >= previous_end);
    if (original_valid) {
      REQUIRE(on_boundary(original, begin));
      REQUIRE(on_boundary(original, end));
    }
    previous_begin = begin;
    previous_end = end;
  }
  CHECK(map.to_original(Span{0, size}).end <= original.size());
  // A walker maps spans in increasing order as to_original() does, and spans after a step back,
  // past the end or inverted too.
  frnews::OffsetMap::Walker walker(map);
  for (std::uint32_t at = 0; at <= size; ++at) {
    const Span span{at, std::min(size, at + 3)};
    REQUIRE(walker.to_original(span) == map.to_original(span));
  }
  for (const Span span : {Span{0, size}, Span{size, size + 2}, Span{size / 2, size / 2}, Span{size, 0}}) {
    REQUIRE(walker.to_original(span) == map.to_original(span));
  }
  for (const auto& repair : result->repairs) {
    REQUIRE(repair.original.begin <= repair.original.end);
    REQUIRE(repair.original.end <= original.size());
  }
}

}  // namespace

TEST_CASE("properties over random bytes") {
  // Random bytes may hide markup behind a control character ("<\x01b>"), which only shows once
  // the control is gone; the HTML switch is therefore off here and on in the mixes below.
  NormalizeOptions plain;
  plain.html = frnews::HtmlMode::off;
  std::mt19937 random(20240611);
  for (int round = 0; round < 3000; ++round) {
    std::string original(random() % 64, '\0');
    for (auto& c : original) c = static_cast<char>(random() % 256);
    check_properties(original, plain);
  }
}

TEST_CASE("properties over mixes of French text, mojibake, markup and junk") {
  static const std::vector<std::string> pieces = {
      "Le ministre", " a déclaré", " ", "  ", "\u00A0", "\u202F", "\t", "\n", "\n\n\n", "\r\n", "\r",
      "l'", "d'", "qu'", "'", "’", "`", "´", "ʼ", "État", "« ", " »", "«", "»", "!", " ?", " :", ";",
      "Ã©", "Ã\u00A0", "Ã", "Â«", "Â»", "â€™", "â€œ", "â€\u009d", "Ã\u0083Â©", "Ã‰", "Å“", "ï»¿", "Â",
      "&eacute;", "&amp;", "&nbsp;", "&#233;", "&#x2019;", "&#146;", "&amp;eacute;", "AT&T", "a < b",
      "<p>", "</p>", "<br>", "<b>", "</b>", "<!-- x -->", "<script>x</script>", "<", "&", "&#",
      "\x01", "\x7F", "\u0085", "\u200B", "\u00AD", "\uFEFF", "e\u0301", "\u0301", "\u0323\u0307",
      "A\u0303", "e\u0302\u0301", "\u0308", "\u212B", "\u1100\u1161\u11A8", "\uFB01", "ＡＢ", "...", "..", ".", "…", "\u2010", "\xC3", "\xE2\x80", "\xF0\x9F", "\xFF",
      "10 000", "10\u00A0000", "2,5 %", "Ça", "São", "Ålesund", "Âgé", "😀"};
  std::mt19937 random(7);
  NormalizeOptions variants[4];
  variants[1].typography = frnews::Typography::canonical;
  variants[2].typography = frnews::Typography::ascii;
  variants[2].expand_ellipsis = true;
  variants[2].unify_dashes = true;
  variants[3].html = frnews::HtmlMode::on;
  variants[3].collapse_spaces = false;
  for (int round = 0; round < 3000; ++round) {
    std::string original;
    const auto count = random() % 12;
    for (std::uint32_t k = 0; k < count; ++k) original += pieces[random() % pieces.size()];
    check_properties(original, variants[round % 4]);
  }
}

TEST_CASE("mapped words read back from the original") {
  const std::string original =
      "<p>Selon lâ€™Insee, le chÃ´mage a reculÃ© Ã\u00A0 7,3&nbsp;% au  troisi&egrave;me trimestre.</p>";
  const auto result = frnews::normalize(original);
  REQUIRE(result);
  CHECK(result->text == "Selon l’Insee, le chômage a reculé à 7,3\u00A0% au troisième trimestre.");
  CHECK(original_of(*result, original, "Selon") == "Selon");
  CHECK(original_of(*result, original, "Insee") == "Insee");
  CHECK(original_of(*result, original, "l’Insee") == "lâ€™Insee");
  CHECK(original_of(*result, original, "chômage") == "chÃ´mage");
  CHECK(original_of(*result, original, "à") == "Ã\u00A0");
  CHECK(original_of(*result, original, "troisième") == "troisi&egrave;me");
  CHECK(original_of(*result, original, "trimestre.") == "trimestre.");
}

// Regression tests for findings of the fuzz target fuzz_normalize.

TEST_CASE("a combining mark just before the end of the text is read within the text") {
  // The fast scan that follows an open NFC stretch stops at the end of the text, not where the
  // stretch would close ("\xCC\x80" "e" was read one byte past its end).
  CHECK(canonical("\xCC\x80" "e") == "\xCC\x80" "e");
  CHECK(canonical("\xCC\x81\xCC\x81" "E") == "\xCC\x81\xCC\x81" "E");
  CHECK(canonical("Le cafe\xCC\x81 ferme") == "Le café ferme");
  CHECK(canonical("Elle est ne\xCC\x81" "e") == "Elle est née");
  std::mt19937 random(20'261'130);
  for (std::size_t length = 1; length < 200; ++length) {
    std::string text = "e\xCC\x81";
    for (std::size_t k = 0; k < length; ++k) text += static_cast<char>('a' + random() % 26);
    INFO(length);
    const std::string once = canonical(text);
    CHECK(once.starts_with("é"));
    CHECK(once.size() == text.size() - 1);
  }
}

TEST_CASE("a character reference is normalized like the character it stands for") {
  NormalizeOptions html;
  html.html = frnews::HtmlMode::on;
  SECTION("carriage returns") {
    CHECK(canonical("a&#13;b") == "a\nb");
    CHECK(canonical("&#13;").empty());
    CHECK(canonical("<p>Le maire&#13;&#10;a d&eacute;missionn&eacute;.</p>") == "Le maire\na démissionné.");
    CHECK(canonical("Le maire&#13;\na démissionné.", html) == "Le maire\na démissionné.");
    CHECK(canonical("Le maire\r&#10;a démissionné.", html) == "Le maire\na démissionné.");
    CHECK(canonical("Le maire&#13;&#13;a démissionné.", html) == "Le maire\n\na démissionné.");
    NormalizeOptions keep_newlines = html;
    keep_newlines.normalize_newlines = false;
    CHECK(canonical("Le maire&#13;a démissionné.", keep_newlines) == "Le maire\ra démissionné.");
  }
  SECTION("controls and spaces") {
    CHECK(canonical("Pa&#1;ris, &#9;le&#160;&#160;maire", html) == "Paris, le\u00A0maire");
    CHECK(canonical("Ren&#x200B;ault", html) == "Renault");
  }
  SECTION("a reference split by an invisible character decodes at once") {
    CHECK(canonical("&#233\x0e;") == "é");
    CHECK(canonical("Le caf&#233\x0e; est ferm&eac\xC2\xADute;.") == "Le café est fermé.");
    CHECK(canonical("d&#x\xE2\x80\x8B" "E9;j&agrave;") == "déjà");
    CHECK(canonical("&amp;#23\x0e" "3;") == "é");
    // Without removal of invisible characters, the control stays and no reference forms.
    NormalizeOptions keep_invisibles = html;
    keep_invisibles.remove_invisibles = false;
    CHECK(canonical("caf&#233\x0e;", keep_invisibles) == "caf&#233\x0e;");
  }
  SECTION("a reference that forms once something between its pieces goes is decoded at once") {
    CHECK(canonical("Le prix&</v>nbsp;: 5 &euro;", html) == "Le prix\u00A0: 5 €");
    CHECK(canonical("Le mus&#233<b></b>;e, l&agrave;") == "Le musée, là");
    CHECK(canonical("Le mus&#233\u00C3\u0082\u00AD;e, l&agrave;") == "Le musée, là");
    CHECK(canonical("l&eacute;gislatif &amp\uFF1B pr&eacute;sident") == "législatif & président");
    // Automatic mode: the text is HTML once a reference forms, though none was written whole.
    CHECK(canonical("Le mus\uFF06\uFF03\uFF12\uFF13\uFF13\uFF1Be") == "Le musée");
    CHECK(canonical("Le mus&eacute\u037Ee") == "Le musée");
    CHECK(canonical("Proven&#231\x01;al") == "Provençal");
    CHECK(canonical("Le prix &#x\x01" "e\x01; baisse") == "Le prix baisse");
    // An apostrophe before it is decided on the character, as for any reference.
    CHECK(canonical("l'&#233\x01;t&eacute;") == "l’été");
    CHECK(canonical("aujourd\u00B4&#1\x01" "04;ui") == "aujourd’hui");
    CHECK(canonical("\u00B4&#1\x01" "04;ui") == "\u00B4hui");
    NormalizeOptions no_html;
    no_html.html = frnews::HtmlMode::off;
    CHECK(canonical("Proven&#231\x01;al", no_html) == "Proven&#231;al");
  }
  for (const std::string_view text : {"a&#13;b", "&#13;", "&#233\x0e;", "a&#13;&#10;b", "x\r&#10;&#13;\ny",
                                      "AT&T &#233\x0e; &am\x0ep;", "&amp\x0e;eacute;", "&#xE\xC2\x80" "9;",
                                      "&amp&amp&amp&</i>#59;#59;#59;", "&</b>#13;&#10;x", "AT&T\x01;",
                                      "12) &#x\x01" "e\x01; 2&024 &#x)", "J\u00B4&#116\x1B" "0;"}) {
    INFO(escaped(text));
    const std::string once = canonical(text);
    CHECK(once.find('\r') == std::string::npos);
    CHECK(canonical(once) == once);
  }
}

TEST_CASE("ellipses made from dots never read as mojibake") {
  // "â" and two "…" are the bytes E2 85 85 seen as Windows-1252: the second ellipsis is not made.
  CHECK(canonical("â......") == "â…...");
  CHECK(canonical("Le gâteau â...... fin") == "Le gâteau â…... fin");
  CHECK(canonical("Ã...") == "Ã...");
  CHECK(canonical("Et alors... puis... rien.") == "Et alors… puis… rien.");
  CHECK(canonical("Il hésita......") == "Il hésita……");
  for (const std::string_view text : {"â......", "Le gâteau â...... fin", "Ã...", "Â.........", "ï...â€..."}) {
    INFO(text);
    const std::string once = canonical(text);
    CHECK(canonical(once) == once);
  }
}

TEST_CASE("canonical typography puts the narrow space after an opening guillemet, even before a colon") {
  NormalizeOptions options;
  options.typography = frnews::Typography::canonical;
  CHECK(canonical("N«:", options) == "N«\u202F:");
  CHECK(canonical("Il a dit «: non", options) == "Il a dit «\u202F: non");
  CHECK(canonical("Il a dit « : non", options) == "Il a dit «\u202F: non");
  CHECK(canonical("Il a dit «\u00A0: non", options) == "Il a dit «\u202F: non");
  CHECK(canonical("Il a dit : « Non »", options) == "Il a dit\u00A0: «\u202FNon\u202F»");
  for (const std::string_view text : {"N«:", "Il a dit «: non", "« : »", "«\u00A0:\u00A0»", "«;!:?»"}) {
    INFO(text);
    const std::string once = canonical(text, options);
    CHECK(canonical(once, options) == once);
  }
}

TEST_CASE("a ¬ that ends up between two letters joins them, whatever stood between") {
  // The ¬ of a broken word is decided on the canonical text: an invisible character, a tag, a
  // reference or mojibake between it and the letter does not keep it for the next pass.
  CHECK(canonical("Le pr\u00e9si\u00ac\x7F" "dent") == "Le président");
  CHECK(canonical("Clemen\u00ac\u200Bceau") == "Clemenceau");
  CHECK(canonical("<p>Clemen\u00ac<br>ceau</p>") == "Clemen\u00ac\nceau");
  CHECK(canonical("<p>Clemen\u00ac<b>ceau</b></p>") == "Clemenceau");
  CHECK(canonical("<p>pr\u00e9si\u00ac&eacute;e</p>") == "présiée");
  CHECK(canonical("pr\u00e9si\u00ac\uFB01n") == "présifin");
  CHECK(canonical("Le\u00C3\u0082\u00ac" "e") == "Lee");
  for (const std::string_view text : {"Le\x7F\u00C3\u0082\x7F\u00ac\x7F" "e", "Clemen\u00ac\u200Bceau",
                                      "pr\u00e9si\u00ac&eacute;e &amp;", "e\u0301\u00ac\x01" "d", "3\u00ac\x01" "4"}) {
    INFO(escaped(text));
    const std::string once = canonical(text);
    CHECK(canonical(once) == once);
  }
  const std::string_view scanned = "Le pr\u00e9si\u00ac\u200Bdent";
  const auto normalized = frnews::normalize(scanned);
  REQUIRE(normalized);
  const auto at = static_cast<std::uint32_t>(normalized->text.find("président"));
  const Span word{at, at + static_cast<std::uint32_t>(std::string_view("président").size())};
  CHECK(normalized->map.to_original(word).of(scanned) == "pr\u00e9si\u00ac\u200Bdent");
}

TEST_CASE("the fast scan decides as character by character, wherever its 64-byte windows fall") {
  // Line breaks, blank lines, double quotes, apostrophes, accents and mojibake, shifted by one
  // byte at a time across the windows of the fast scan.
  const std::string sample =
      "Le député a dit \"non\" à l'État.\nIl répète : « d\"être présent »\n\nEt voilà\n\n\nFin de l'été. Ã©tait";
  const std::string expected =
      "Le député a dit \"non\" à l\u2019État.\nIl répète : « d\u2019être présent »\n\nEt voilà\n\nFin de l\u2019été. était";
  for (std::size_t shift = 0; shift <= 130; ++shift) {
    INFO("shift " << shift);
    const std::string padding = "Un" + std::string(shift, 'a') + " ";
    const std::string original = padding + sample;
    const auto result = frnews::normalize(original);
    REQUIRE(result.has_value());
    CHECK(result->text == padding + expected);
    std::size_t apostrophes = 0;
    for (const auto& repair : result->repairs) apostrophes += repair.kind == RepairKind::apostrophe ? 1 : 0;
    CHECK(apostrophes == 3);
    CHECK(has_repair(*result, RepairKind::mojibake));
    const auto at = static_cast<std::uint32_t>(result->text.find("Fin"));
    CHECK(result->map.to_original(Span{at, at + 3}).of(original) == "Fin");
    const auto voila = static_cast<std::uint32_t>(result->text.find("voilà"));
    CHECK(result->map.to_original(Span{voila, voila + 6}).of(original) == "voilà");
  }
}

TEST_CASE("an accented letter at every place near the end of a text is copied as it is") {
  // The fast scan reads its windows a few bytes ahead; a lead byte closing a window near the end
  // of the text must not make it read past the end (the sanitizer build checks the reads).
  for (std::size_t before = 0; before <= 140; ++before) {
    for (std::size_t after = 0; after <= 4; ++after) {
      const std::string text = "Un" + std::string(before, 'a') + "é" + std::string(after, 'e') + " été";
      INFO("before " << before << ", after " << after);
      CHECK(canonical(text) == text);
    }
  }
}

TEST_CASE("a blank before punctuation and a double quote after a letter stay as they are") {
  // The fast scan copies them where put() would write them unchanged: the same text and map.
  const std::string text = "Il a dit (enfin) \"oui\", puis \"non\".\n\"Assez !\" ; l'autre - \"d\" 1\n(fin)";
  const auto result = frnews::normalize(text);
  REQUIRE(result);
  CHECK(result->text == "Il a dit (enfin) \"oui\", puis \"non\".\n\"Assez !\" ; l\u2019autre - \"d\" 1\n(fin)");
  CHECK(result->repairs.size() == 1);
  CHECK(original_of(*result, text, "(fin)") == "(fin)");
  // Where the quote stands for an apostrophe, or the space goes, they are still repaired.
  CHECK(canonical("Il vient d\"être élu \"maire\" .") == "Il vient d\u2019être élu \"maire\" .");
  CHECK(canonical("Elle a dit  (non) \n\"oui\"") == "Elle a dit (non)\n\"oui\"");
  NormalizeOptions canonical_typography;
  canonical_typography.typography = frnews::Typography::canonical;
  CHECK(canonical("Vraiment ? Oui : (non) !", canonical_typography) == "Vraiment\u202F? Oui\u00A0: (non)\u202F!");
}

TEST_CASE("the fast scan gives the same text, map and repairs 16 and 32 bytes at a time") {
  using frnews::detail::ScanWidth;
  if (frnews::detail::widest_scan() == ScanWidth::narrow) WARN("no AVX2 here: the two widths are the same scan");
  // The second has no mojibake but its isolated "Ã", which only the scan may find.
  const std::string samples[] = {
      "Le député a dit \"non\" (enfin) à l'État.\nIl répète : « d\"être présent »\n\n\nEt voilà... fin\r\n"
      "Ã©tait l'été.  \"Oui\", dit-il. AT&T &eacute; <b>gras</b> ;\x01 caf\u00E9\u0301 ¬ fin\n",
      "Il est arrivé Ã Paris mardi, puis Ã Lyon.\nAu revoir !\n"};
  NormalizeOptions canonical_typography;
  canonical_typography.typography = frnews::Typography::canonical;
  NormalizeOptions plain;
  plain.html = frnews::HtmlMode::off;
  plain.apostrophe = U"'";
  NormalizeOptions loose;
  loose.collapse_spaces = false;
  loose.fix_mojibake = false;
  loose.expand_ellipsis = true;
  for (const NormalizeOptions& options : {NormalizeOptions{}, canonical_typography, plain, loose}) {
    for (std::size_t shift = 0; shift <= 140; ++shift) {
      INFO("shift " << shift);
      const std::string& sample = samples[shift % 2];
      const std::string original = std::string(shift / 2, 'a') + " " + sample + sample;
      const auto narrow = frnews::detail::normalize_with(original, options, ScanWidth::narrow);
      const auto wide = frnews::detail::normalize_with(original, options, ScanWidth::wide);
      REQUIRE(narrow.has_value());
      REQUIRE(wide.has_value());
      CHECK(narrow->text == wide->text);
      REQUIRE(narrow->map.runs().size() == wide->map.runs().size());
      for (std::size_t k = 0; k < narrow->map.runs().size(); ++k) {
        const auto& a = narrow->map.runs()[k];
        const auto& b = wide->map.runs()[k];
        CHECK((a.canonical == b.canonical && a.original == b.original && a.identity == b.identity));
      }
      REQUIRE(narrow->repairs.size() == wide->repairs.size());
      for (std::size_t k = 0; k < narrow->repairs.size(); ++k) {
        CHECK(narrow->repairs[k].kind == wide->repairs[k].kind);
        CHECK(narrow->repairs[k].original == wide->repairs[k].original);
      }
    }
  }
}
