// Hostile input through the whole pipeline: ill-formed UTF-8, control bytes, quotation marks by
// the million, nesting, texts without spaces or stops, random bytes, and hostile knowledge-base
// files. Each analysis must complete and keep the invariants of tests/fuzz/invariants.hpp:
// every span inside the caller's text on character boundaries, every string valid UTF-8.
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/analyzer.hpp"
#include "frnews/json.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/normalize.hpp"
#include "frnews/segment.hpp"
#include "fuzz/invariants.hpp"
#include "temp_dir.hpp"

namespace {

using frnews::Analysis;
using frnews::Analyzer;
using frnews::ErrorCode;
using frnews::KnowledgeBase;
using namespace std::string_literals;

// Sanitizers make every byte slower; the largest inputs shrink under them.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif

constexpr std::size_t big = sanitized ? (std::size_t{1} << 20) : (std::size_t{10} << 20);  // bytes

const Analyzer& analyzer() {
  static const Analyzer instance;
  return instance;
}

// The bytes of `text` in a heap block of exactly their size, without the terminating NUL of a
// std::string or a literal, so that AddressSanitizer sees a read one byte too far.
std::vector<char> exact_copy(std::string_view text) { return {text.begin(), text.end()}; }

// Analyses `text`, which must succeed, and checks every invariant of the analysis, of its JSON
// and of the document behind it.
Analysis analyze_checked(std::string_view original) {
  const std::vector<char> bytes = exact_copy(original);
  const std::string_view text(bytes.data(), bytes.size());
  auto analysis = analyzer().analyze(text);
  REQUIRE(analysis.has_value());
  CHECK_NOTHROW(frnews::fuzz::check_analysis(*analysis, text));
  CHECK(frnews::fuzz::is_valid_utf8(frnews::to_json(*analysis, "1")));
  return std::move(*analysis);
}

void check_document(std::string_view original) {
  const std::vector<char> bytes = exact_copy(original);
  const std::string_view text(bytes.data(), bytes.size());
  auto document = frnews::make_document(text);
  REQUIRE(document.has_value());
  CHECK_NOTHROW(frnews::fuzz::check_normalized(document->normalized(), text));
  CHECK_NOTHROW(frnews::fuzz::check_document(*document));
}

std::string repeat(std::string_view piece, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + piece.size());
  while (out.size() < bytes) out += piece;
  return out;
}

}  // namespace

TEST_CASE("a text of 4 GiB or more is refused before any byte is read", "[hostile][limits]") {
  // The size check comes first: a view of a few real bytes with a huge size is never read.
  const char bytes[] = "Le texte ";
  for (const std::uint64_t size : {std::uint64_t{0xFFFFFFFF}, std::uint64_t{1} << 32, std::uint64_t{5} << 32}) {
    INFO(size);
    const std::string_view huge(bytes, static_cast<std::size_t>(size));
    const auto normalized = frnews::normalize(huge);
    REQUIRE_FALSE(normalized.has_value());
    CHECK(normalized.error().code == ErrorCode::input_too_large);
    CHECK(normalized.error().position == size);
    const auto analysis = analyzer().analyze(huge);
    REQUIRE_FALSE(analysis.has_value());
    CHECK(analysis.error().code == ErrorCode::input_too_large);
    CHECK_THAT(analysis.error().message(), Catch::Contains("4 GiB"));
    CHECK_THROWS_AS(frnews::make_document(huge).value(), frnews::Exception);
  }
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD and never leaks into the results", "[hostile][utf8]") {
  const std::string_view replacement = "\xEF\xBF\xBD";
  struct Case {
    const char* name;
    std::string text;
  };
  const Case cases[] = {
      {"invalid bytes", "Le d\xE9put\xE9 a vot\xE9 \xFF\xFE la loi."},
      {"overlong slash", "Le chemin \xC0\xAF et \xE0\x80\xAF puis \xF0\x80\x80\xAF fin."},
      {"overlong NUL", "Avant \xC0\x80 apr\xC3\xA8s."},
      {"encoded surrogates", "La paire \xED\xA0\xBD\xED\xB8\x80 n’est pas un emoji."},
      {"above U+10FFFF", "Hors plage \xF4\x90\x80\x80 et \xF8\x88\x80\x80\x80."},
      {"truncated at the end", "Il a dit \xC2\xAB oui \xC2"},
      {"lone continuation bytes", "\x80\x81\xBF Le maire de Lyon \x80."},
  };
  for (const auto& [name, text] : cases) {
    INFO(name);
    const Analysis analysis = analyze_checked(text);
    CHECK(analysis.normalized.find(replacement) != std::string::npos);
    // The overlong forms of "/" and NUL must not decode to them.
    CHECK(analysis.normalized.find('/') == std::string::npos);
    CHECK(analysis.normalized.find('\0') == std::string::npos);
    frnews::NormalizeOptions strict;
    strict.invalid_utf8 = frnews::InvalidUtf8::reject;
    const auto rejected = frnews::normalize(text, strict);
    REQUIRE_FALSE(rejected.has_value());
    CHECK(rejected.error().code == ErrorCode::invalid_utf8);
    CHECK(rejected.error().position < text.size());
  }
}

TEST_CASE("NUL bytes and other controls are removed, the words around them kept", "[hostile][controls]") {
  const std::string text = "Le\0 ministre\x01 de la Sant\xC3\xA9\x7F a parl\xC3\xA9\0.\0"s;
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.normalized.find('\0') == std::string::npos);
  CHECK(analysis.normalized.find('\x01') == std::string::npos);
  CHECK(analysis.normalized.find('\x7F') == std::string::npos);
  CHECK(analysis.normalized.find("ministre") != std::string::npos);
  CHECK(analysis.normalized.find("Santé") != std::string::npos);
  CHECK(analyze_checked(std::string(1000, '\0')).normalized.empty());
}

TEST_CASE("lone combining marks are kept as they are, on their own", "[hostile][utf8]") {
  // A combining acute accent with nothing to combine with, at the start, after a space, after
  // a quotation mark, and a thousand of them in a row.
  const std::string text = "\xCC\x81 Début \xCC\x81\xCC\x80 puis \xC2\xAB\xCC\x81 \xC2\xBB" + repeat("\xCC\x81", 2000);
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.normalized.starts_with("\xCC\x81"));
  check_document(text);
  CHECK(analyze_checked("\xCC\x80").normalized == "\xCC\x80");
}


TEST_CASE("a quotation mark never closed does not swallow the rest of the text", "[hostile][quotes]") {
  std::string text = "« Nous ne céderons pas, a lancé la maire de Lille devant les élus.\n\n";
  text += repeat("Le conseil municipal a ensuite voté le budget de la ville. ", big / 4);
  const Analysis analysis = analyze_checked(text);
  for (const auto& quote : analysis.quotes) CHECK(quote.content.size() < 1000);
}

TEST_CASE("a million quotation marks of every kind", "[hostile][quotes]") {
  const std::size_t marks = sanitized ? 200'000 : 1'000'000;
  std::string text;
  text.reserve(marks * 4);
  const std::string_view kinds[] = {"«", "»", "\"", "“", "”", "‹", "›", "„"};
  std::mt19937 random(1789);
  for (std::size_t i = 0; i < marks; ++i) {
    text += kinds[random() % std::size(kinds)];
    if (i % 3 == 0) text += i % 2 == 0 ? " dit-il " : "oui";
  }
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.original.size() == text.size());

  SECTION("only opening guillemets, only closing ones, only straight quotes") {
    for (const std::string_view mark : {"« ", " »", "\""}) {
      INFO(mark);
      (void)analyze_checked(repeat(mark, marks * mark.size()));
    }
  }
}

TEST_CASE("ten thousand nested quotations", "[hostile][quotes]") {
  std::string text = "Le porte-parole a déclaré : ";
  for (int i = 0; i < 10'000; ++i) text += i % 2 == 0 ? "« " : "“";
  text += "rien ne change";
  for (int i = 10'000; i-- > 0;) text += i % 2 == 0 ? " »" : "”";
  text += ", a-t-il ajouté.";
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.sentences.size() >= 1);
}

TEST_CASE("a multi-megabyte text without a space or a full stop", "[hostile][size]") {
  const std::string text = repeat("abcdefghijklmnopqrstuvwxyzéèàç", big);
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.sentences.size() == 1);
  CHECK(analysis.quotes.empty());
  CHECK(analysis.entities.mentions.empty());
  check_document(std::string_view(text).substr(0, 100'000));
}

TEST_CASE("random bytes from a fixed seed", "[hostile][binary]") {
  std::mt19937_64 random(20'261'129);
  std::string bytes(sanitized ? 256 * 1024 : 2 * 1024 * 1024, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random());
  (void)analyze_checked(bytes);
  check_document(std::string_view(bytes).substr(0, 64 * 1024));
}

TEST_CASE("empty texts and texts of only spaces have nothing in them", "[hostile][empty]") {
  for (const std::string& text : {std::string(), std::string(100'000, ' '), repeat(" \t\n\xC2\xA0\xE2\x80\xAF", 100'000),
                                  std::string("\n\n\n")}) {
    INFO(text.size());
    const Analysis analysis = analyze_checked(text);
    CHECK(analysis.sentences.empty());
    CHECK(analysis.quotes.empty());
    CHECK(analysis.entities.mentions.empty());
  }
}

TEST_CASE("a huge text in capitals", "[hostile][size]") {
  const std::string text =
      repeat("LE GOUVERNEMENT ANNONCE UN PLAN D’URGENCE POUR LA SANTÉ. « NOUS AGIRONS », DÉCLARE LE MINISTRE. ",
             big / 2);
  (void)analyze_checked(text);
}

TEST_CASE("one very long sentence", "[hostile][size]") {
  const std::string text =
      "Selon le ministre, " +
      repeat("Marie Dupont a rencontré le maire de Lyon et « la situation reste tendue », puis ", big / 2) + "fin";
  const Analysis analysis = analyze_checked(text);
  CHECK(analysis.sentences.size() == 1);
}

namespace {

std::string tsv_error(std::string_view tsv) {
  try {
    (void)KnowledgeBase::from_tsv(tsv, "hostile.tsv");
  } catch (const frnews::Exception& e) {
    return e.what();
  }
  return "accepted";
}

std::string load_error(const std::filesystem::path& path) {
  try {
    (void)KnowledgeBase::load(path);
  } catch (const frnews::Exception& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("hostile TSV knowledge bases are rejected with their line, or load safely", "[hostile][kb]") {
  const std::string good = "Q90\tParis\tParis\tLOC\t\t0.8\tcapitale\n";

  SECTION("a NUL byte or a carriage return inside a field does not split it") {
    CHECK_THAT(tsv_error(good + "Q1\tA\tA\tPER\t\t0.5\0\tx\n"s), Catch::StartsWith("hostile.tsv:2: "));
    const auto kb = KnowledgeBase::from_tsv(good + "\tNul\tNu\0l\tORG\t\t0.5\td\r\n"s);
    REQUIRE(kb.size() == 2);
    CHECK(kb.entity(1).label == std::string_view("Nu\0l", 4));
  }

  SECTION("ten thousand tabs on a line name the line and the field count") {
    CHECK_THAT(tsv_error(good + "Q91\tLyon\tLyon\tLOC\t\t0.8\tville\n" + std::string(10'000, '\t') + "\n"),
               Catch::StartsWith("hostile.tsv:3: ") && Catch::Contains("found 8"));
  }

  SECTION("a line of a megabyte, and a hundred thousand aliases") {
    std::string aliases;
    for (int i = 0; i < 100'000; ++i) aliases += "Alias " + std::to_string(i) + "|";
    const auto kb = KnowledgeBase::from_tsv("\t\tLong\tMISC\t" + aliases + "\t0.5\t" + std::string(1 << 20, 'x') + "\n");
    REQUIRE(kb.size() == 1);
    CHECK(kb.names(0).size() >= 100'000);
    CHECK(kb.lookup("alias 99999").size() == 1);
    CHECK(kb.entity(0).description.size() == std::size_t{1} << 20);
  }

  SECTION("a file of comments and blank lines, or nothing, is an empty knowledge base") {
    CHECK(KnowledgeBase::from_tsv("# rien\n\n\r\n#\n").size() == 0);
    const auto empty = KnowledgeBase::from_tsv("");
    CHECK(empty.size() == 0);
    CHECK(empty.lookup("paris").empty());
    const Analyzer with_nothing(empty);
    const auto analysis = with_nothing.analyze("« Bonjour », a dit Marie Dupont à Paris.");
    REQUIRE(analysis.has_value());
    for (const auto& chain : analysis->entities.chains) CHECK_FALSE(chain.entry.has_value());
  }

  SECTION("a prior that is not a plain decimal") {
    for (const char* prior : {"nan", "inf", "1e-1", "0x1p-1", "+0.5", " 0.5", "0.5 ", "1.0000001"}) {
      INFO(prior);
      CHECK_THAT(tsv_error("Q1\tA\tA\tPER\t\t" + std::string(prior) + "\td\n"),
                 Catch::StartsWith("hostile.tsv:1: ") && Catch::Contains("prior"));
    }
  }
}

TEST_CASE("knowledge-base files that are not knowledge bases give an error naming them", "[hostile][kb]") {
  const TempDir dir("frnews-hostile-");

  SECTION("the binary magic byte alone, or before text") {
    CHECK_THAT(load_error(dir.file("magic.kb", "\x89")), Catch::Contains("magic.kb") && Catch::Contains("truncated"));
    CHECK_THAT(load_error(dir.file("texte.kb", "\x89" + std::string(100, 'a'))), Catch::Contains("magic"));
  }

  SECTION("a directory, a missing file") {
    CHECK_THAT(load_error(dir.path()), Catch::Contains(dir.path().filename().string()));
    CHECK_THAT(load_error(dir.path() / "absent.tsv"), Catch::Contains("absent.tsv"));
  }

  SECTION("an empty file is an empty knowledge base") {
    CHECK(KnowledgeBase::load(dir.file("vide.tsv", "")).size() == 0);
  }

  SECTION("random bytes that do not start like a binary file are read as TSV and rejected with a line") {
    std::mt19937 random(42);
    std::string bytes(4096, '\0');
    for (auto& byte : bytes) byte = static_cast<char>(random() % 255 + 1);
    bytes[0] = 'x';
    CHECK_THAT(load_error(dir.file("bruit.tsv", bytes)), Catch::StartsWith((dir.path() / "bruit.tsv").string() + ":"));
  }

  SECTION("a header whose counts overflow the layout") {
    // A valid image, then counts so large that their sections wrap around 64 bits if added
    // carelessly: the sizes no longer add up.
    const auto path = dir.path() / "source.kb";
    KnowledgeBase::from_tsv("Q90\tParis\tParis\tLOC\tVille Lumière\t0.8\tcapitale\n"
                            "Q1065\tOrganisation des Nations unies\tONU\tORG\tl'ONU\t0.9\t\n")
        .save_binary(path);
    std::string image;
    {
      std::ifstream in(path, std::ios::binary);
      image.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(image.size() > 56);
    for (const std::size_t field : {24u, 28u, 32u, 36u, 40u}) {  // entity, name, slot, key counts, posting words
      std::string bad = image;
      for (std::size_t i = 0; i < 4; ++i) bad[field + i] = '\xFF';
      INFO(field);
      CHECK_THAT(load_error(dir.file("compte.kb", bad)), Catch::Contains("compte.kb"));
    }
    std::string bad = image;
    for (std::size_t i = 48; i < 56; ++i) bad[i] = '\xFF';  // strings_size
    CHECK_THAT(load_error(dir.file("chaines.kb", bad)), Catch::Contains("do not add up"));
  }
}

// Findings of the fuzz targets, kept as regression tests.

TEST_CASE("an HTML entity of a control character is normalized like the character itself",
          "[hostile][normalize]") {
  // "&#13;" once left a carriage return that the second pass turned into a newline; an entity
  // completed by removing a control byte decoded only on the second pass.
  for (const std::string_view text : {"a&#13;b", "&#13;", "&#233\x0e;"}) {
    INFO(text);
    const auto once = frnews::normalize(text);
    REQUIRE(once.has_value());
    CHECK(once->text.find('\r') == std::string::npos);
    const auto twice = frnews::normalize(once->text);
    REQUIRE(twice.has_value());
    CHECK(twice->text == once->text);
  }
}

TEST_CASE("a knowledge base with ill-formed UTF-8 in a label is refused, naming the line",
          "[hostile][kb]") {
  // Accepted, the label would name the chains of an analysis.
  CHECK_THROWS_WITH(KnowledgeBase::from_tsv("Q1065\t\tNations \x95\x91unies\tORG\tONU\t0.9\t\n"),
                    Catch::Contains(":1:") && Catch::Contains("UTF-8"));
}

TEST_CASE("a combining mark then a letter at the very end is read within the text", "[hostile][normalize]") {
  // While an NFC stretch was open, the fast scan's limit was not clamped to the text: a read one
  // byte past its end (AddressSanitizer sees it, since every text here is an exact-size copy).
  for (const std::string_view text : {"\xCC\x80" "e", "\xCC\x81\xCC\x81" "E"}) {
    INFO(text.size());
    CHECK(analyze_checked(text).normalized.starts_with("\xCC"));
    check_document(text);
  }
  // Short random texts of every length met the same read.
  std::mt19937_64 random(20'261'130);
  for (std::size_t length = 0; length < 300; ++length) {
    std::string piece(length, '\0');
    for (auto& byte : piece) byte = static_cast<char>(random());
    INFO(length);
    (void)analyze_checked(piece);
    check_document(piece);
  }
}

TEST_CASE("dots turned into ellipses never form mojibake for the next pass", "[hostile][normalize]") {
  // "â......" once became "â……", whose bytes read as the Windows-1252 picture of "ⅅ" (E2 85 85),
  // so the second pass changed it again.
  for (const std::string_view text : {"â......", "Le gâteau â...... fin"}) {
    INFO(text);
    const auto once = frnews::normalize(text);
    REQUIRE(once.has_value());
    const auto twice = frnews::normalize(once->text);
    REQUIRE(twice.has_value());
    CHECK(twice->text == once->text);
  }
}

TEST_CASE("canonical typography is idempotent around a guillemet before a colon", "[hostile][normalize]") {
  // "N«:" gets a narrow no-break space after the guillemet; the second pass once took that space
  // for the one before the colon and made it U+00A0.
  frnews::NormalizeOptions options;
  options.typography = frnews::Typography::canonical;
  for (const std::string_view text : {"N«:", "Il a dit «: non"}) {
    INFO(text);
    const auto once = frnews::normalize(text, options);
    REQUIRE(once.has_value());
    const auto twice = frnews::normalize(once->text, options);
    REQUIRE(twice.has_value());
    CHECK(twice->text == once->text);
  }
}

TEST_CASE("a speaker named after an elision gets a span in text order", "[hostile][quotes]") {
  // The speaker "S’h" starts with an elision token; its mention once came out as Span{11, 10}.
  const Analysis analysis = analyze_checked("\"s\"affirme S`h");
  REQUIRE(analysis.quotes.size() == 1);
  REQUIRE(analysis.quotes[0].speaker.has_value());
  CHECK(analysis.quotes[0].speaker->mention.begin <= analysis.quotes[0].speaker->mention.end);
}

TEST_CASE("an elided capital before a reporting verb is no empty speaker", "[hostile][quotes]") {
  // The quote extractor once took the words [0, 0) as a name and read the word before the first.
  for (const std::string_view text : {"N'i dit", "« Non », N'i dit."}) {
    INFO(text);
    (void)analyze_checked(text);
  }
}
