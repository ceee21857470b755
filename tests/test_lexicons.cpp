#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/lexicons.hpp"
#include "frnews/analyzer.hpp"
#include "frnews/entities.hpp"
#include "frnews/error.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/quotes.hpp"
#include "frnews/segment.hpp"
#include "temp_dir.hpp"

using frnews::Exception;
using frnews::Lexicons;

namespace {

// The records of a lexicon file as written in data/lexicon: lines neither blank nor comments.
std::size_t written_records(std::string_view name) {
  std::ifstream in(std::string(FRNEWS_SOURCE_DIR) + "/data/lexicon/" + std::string(name));
  REQUIRE(in);
  std::size_t records = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() != '#') ++records;
  }
  return records;
}

// What load() says of the directory: "loaded", or the message of its error.
std::string load_error(const TempDir& dir) {
  try {
    (void)Lexicons::load(dir.path());
  } catch (const Exception& e) {
    return e.what();
  }
  return "loaded";
}

// The quotes of a text, read with these lexicons from normalization on.
std::vector<frnews::Quote> quotes_of(const std::string& text, const Lexicons& lexicons) {
  const auto doc = frnews::make_document(text, {}, lexicons);
  REQUIRE(doc);
  const frnews::EntityLinker linker(frnews::KnowledgeBase::builtin(), {}, lexicons);
  return frnews::QuoteExtractor(lexicons).extract(*doc, linker.link(*doc));
}

}  // namespace

TEST_CASE("every line of every built-in lexicon file is read", "[lexicons]") {
  const Lexicons::Impl& lexicons = Lexicons::builtin().impl();
  const auto names = Lexicons::file_names();
  CHECK(names.size() >= 11);
  for (const std::string_view name : names) {
    INFO(name);
    CHECK(lexicons.records(name) > 0);
    CHECK(lexicons.records(name) == written_records(name));
  }
}

TEST_CASE("the built-in set is built once and copies share it", "[lexicons]") {
  CHECK(&Lexicons::builtin().impl() == &Lexicons::builtin().impl());
  CHECK(&Lexicons().impl() == &Lexicons::builtin().impl());
  const TempDir dir("frnews-lexicons-shared-");
  const Lexicons loaded = Lexicons::load(dir.path());
  const Lexicons copy = loaded;
  CHECK(&copy.impl() == &loaded.impl());
  CHECK(&loaded.impl() != &Lexicons::builtin().impl());
}

TEST_CASE("threads asking a new set for its tables build each once", "[lexicons]") {
  const Lexicons::Impl lexicons(frnews::detail::LexiconFiles::builtin());
  std::vector<const void*> seen(6);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      seen[t * 3] = &lexicons.entities();
      seen[t * 3 + 1] = &lexicons.cues();
      seen[t * 3 + 2] = &lexicons.normalization();
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(seen[0] == seen[3]);
  CHECK(seen[1] == seen[4]);
  CHECK(seen[2] == seen[5]);
  CHECK(lexicons.records("function_words.tsv") == written_records("function_words.tsv"));
}

TEST_CASE("a file of the directory extends the built-in one", "[lexicons]") {
  const TempDir dir("frnews-lexicons-extend-");
  dir.file("first_names.tsv", "# my first names\nZéphyrine\tF\n");
  dir.file(".first_names.tsv.swp", "not a lexicon, skipped");
  const Lexicons mine = Lexicons::load(dir.path());
  const auto& people = mine.impl().entities();
  CHECK(people.is_first_name("Zéphyrine"));
  CHECK(people.first_name_gender("Zéphyrine") == frnews::Gender::feminine);
  CHECK(people.is_first_name("Sergueï"));  // the built-in names stay
  CHECK_FALSE(Lexicons::builtin().impl().entities().is_first_name("Zéphyrine"));
  CHECK(mine.impl().records("first_names.tsv") == written_records("first_names.tsv") + 1);
}

TEST_CASE("a file that starts with '# replace' takes the built-in one's place", "[lexicons]") {
  const TempDir dir("frnews-lexicons-replace-");
  // Written by an editor that puts a byte-order mark and CRLF line ends.
  dir.file("honorifics.tsv", "\xEF\xBB\xBF# replace\r\n# form\tgender\tnumber\r\nM.\tM\tS\r\n");
  const Lexicons mine = Lexicons::load(dir.path());
  CHECK(mine.impl().entities().honorific("M."));
  CHECK_FALSE(mine.impl().entities().honorific("Mme"));
  CHECK(Lexicons::builtin().impl().entities().honorific("Mme"));
  CHECK(mine.impl().records("honorifics.tsv") == 1);
}

TEST_CASE("an added reporting verb attributes quotes it did not", "[lexicons][quotes]") {
  const std::string text = "Paul Girard a ronchonné que la réforme était morte.";
  CHECK(quotes_of(text, Lexicons::builtin()).empty());
  const TempDir dir("frnews-lexicons-verb-");
  dir.file("reporting_verbs.tsv", "ronchonner\ter\n");
  const Lexicons mine = Lexicons::load(dir.path());
  const auto quotes = quotes_of(text, mine);
  REQUIRE(quotes.size() == 1);
  REQUIRE(quotes[0].cue);
  CHECK(quotes[0].cue->lemma == "ronchonner");
  REQUIRE(quotes[0].speaker);
  CHECK(quotes[0].speaker->name == "Paul Girard");

  // The analyzer takes the set in its options.
  frnews::AnalyzerOptions options;
  options.lexicons = mine;
  const auto analysis = frnews::Analyzer(frnews::KnowledgeBase::builtin(), options).analyze(text);
  REQUIRE(analysis);
  REQUIRE(analysis->quotes.size() == 1);
  CHECK(analysis->quotes[0].cue->lemma == "ronchonner");
}

TEST_CASE("an added abbreviation keeps a sentence whole", "[lexicons][segment]") {
  // "Pdt." is no built-in abbreviation: its period ends a sentence before "Durand".
  const std::string text = "Le Pdt. Durand a ouvert la séance. Elle a duré une heure.";
  const auto sentences = [&](const Lexicons& lexicons) {
    const auto doc = frnews::make_document(text, {}, lexicons);
    REQUIRE(doc);
    return doc->sentences().size();
  };
  CHECK(sentences(Lexicons::builtin()) == 3);
  const TempDir dir("frnews-lexicons-abbreviation-");
  dir.file("abbreviations.tsv", "Pdt\tnever_final\n");
  CHECK(sentences(Lexicons::load(dir.path())) == 2);
}

TEST_CASE("an added inverted pronoun is a token of its own", "[lexicons][segment]") {
  // "iel" is no built-in pronoun: "a-t-iel" stays one word.
  const std::string text = "« Je reviendrai », a-t-iel promis.";
  const auto clitics = [&](const Lexicons& lexicons) {
    const auto doc = frnews::make_document(text, {}, lexicons);
    REQUIRE(doc);
    std::vector<std::string> found;
    for (const auto& token : doc->tokens()) {
      if (token.kind == frnews::TokenKind::clitic) found.emplace_back(doc->text(token));
    }
    return found;
  };
  CHECK(clitics(Lexicons::builtin()).empty());
  const TempDir dir("frnews-lexicons-pronoun-");
  dir.file("inverted_pronouns.tsv", "iel\tafter_t\n");
  CHECK(clitics(Lexicons::load(dir.path())) == std::vector<std::string>{"-t-iel"});
  dir.file("inverted_pronouns.tsv", "iel\tsubject\n");
  CHECK(load_error(dir) == (dir.path() / "inverted_pronouns.tsv").string() + ":1: unknown kind subject");
}

TEST_CASE("a malformed lexicon file is an error naming the file and the line", "[lexicons]") {
  const TempDir dir("frnews-lexicons-malformed-");
  const auto path = dir.file("honorifics.tsv", "# form\tgender\tnumber\nPr\tM\tS\nPre\tF\tdeux\n");
  CHECK(load_error(dir) == path.string() + ":3: gender must be M, F or X and number S or P");
  dir.file("honorifics.tsv", "Pr\tM\tS\n");
  CHECK(load_error(dir) == "loaded");

  dir.file("cues.tsv", "# type\ttext\tvalue\nsource\n");
  CHECK(load_error(dir) == (dir.path() / "cues.tsv").string() + ":2: expected 2 to 3 tab-separated fields, found 1");
}

TEST_CASE("an unknown file name or a missing directory is an error naming it", "[lexicons]") {
  const TempDir dir("frnews-lexicons-unknown-");
  dir.file("verbes.tsv", "ronchonner\ter\n");
  const std::string message = load_error(dir);
  CHECK_THAT(message, Catch::StartsWith((dir.path() / "verbes.tsv").string() + ": not a lexicon file"));
  CHECK_THAT(message, Catch::Contains("reporting_verbs.tsv"));
  CHECK_THROWS_WITH(Lexicons::load(dir.path() / "absent"), Catch::Contains("absent"));
}
