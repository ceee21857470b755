#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "frnews/analyzer.hpp"
#include "frnews/error.hpp"
#include "frnews/json.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/normalize.hpp"

namespace {

using frnews::EntityType;
using frnews::fold_key;
using frnews::KnowledgeBase;

// A small knowledge base in the TSV form, with an ambiguous name ("Paris").
const std::string sample_tsv =
    "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n"
    "Q142\tFrance\tFrance\tLOC\tRépublique française|l'Hexagone\t0.9\tpays d'Europe de l'Ouest\n"
    "\n"
    "Q90\tParis\tParis\tLOC\tVille Lumière|la capitale\t0.85\tcapitale de la France\n"
    "Q47899\tParis Hilton\tParis Hilton\tPER\tParis\t0.05\tfemme d'affaires américaine\n"
    "Q167646\tPâris (mythologie)\tPâris\tPER\tAlexandre\t0.1\tprince troyen\n"
    "Q30\tÉtats-Unis\tÉtats-Unis\tLOC\tUSA|Amérique|États-Unis d'Amérique\t\t\n"
    "Q7184\tOrganisation du traité de l'Atlantique nord\tOTAN\tORG\tL'OTAN|Alliance atlantique\t0.95\t"
    "alliance militaire\n"
    "Q12461\tLe Monde (journal)\tLe Monde\tORG\t\t0.7\tquotidien français du soir\n"
    "\tSergueï Choïgou\tSergueï Choïgou\tPER\tChoïgou\t0.8\tministre russe\r\n";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  // A new file each time: rewriting a truncated file may make the file system flush it to disk.
  std::filesystem::remove(path);
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A directory of its own for each test program run, removed at the end.
struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("frnews-kb-test-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

std::vector<std::string_view> labels_of(const KnowledgeBase& kb, std::span<const frnews::EntityId> ids) {
  std::vector<std::string_view> labels;
  for (const auto id : ids) labels.push_back(kb.entity(id).label);
  return labels;
}

// Throws unless the TSV is rejected with a message naming `source:line`.
std::string rejection(std::string_view tsv) {
  try {
    (void)KnowledgeBase::from_tsv(tsv, "noms.tsv");
  } catch (const frnews::Exception& e) {
    return e.what();
  }
  return "accepted";
}

// The entity count in the header of a binary image.
std::uint32_t kb_size(const std::string& image) {
  std::uint32_t count = 0;
  std::memcpy(&count, image.data() + 24, 4);
  return count;
}

// Reads everything a caller can read; an image that load() accepted must allow it.
std::size_t touch_everything(const KnowledgeBase& kb) {
  std::size_t total = kb.max_name_words();
  for (frnews::EntityId id = 0; id < kb.size(); ++id) {
    const auto e = kb.entity(id);
    total += e.wikidata_id.size() + e.wiki_title.size() + e.label.size() + e.description.size();
    for (const auto name : kb.names(id)) {
      total += name.size();
      for (const auto other : kb.lookup(fold_key(name))) total += kb.entity(other).label.size();
    }
  }
  return total;
}

}  // namespace

TEST_CASE("fold_key ignores case, accents and typographic variants", "[fold_key]") {
  CHECK(fold_key("ÉTATS-UNIS") == "etats-unis");
  CHECK(fold_key("Etats-Unis") == "etats-unis");
  CHECK(fold_key("États‑Unis") == "etats-unis");    // U+2011 non-breaking hyphen
  CHECK(fold_key("États‐Unis") == "etats-unis");    // U+2010 hyphen
  CHECK(fold_key("L’OTAN") == "l'otan");
  CHECK(fold_key("L'OTAN") == "l'otan");
  CHECK(fold_key("Lʼ OTAN") == "l' otan");
  CHECK(fold_key("Choïgou") == "choigou");
  CHECK(fold_key("SERGUEÏ CHOÏGOU") == "serguei choigou");
  CHECK(fold_key("Œuvre") == fold_key("Oeuvre"));
  CHECK(fold_key("Lætitia Casta") == "laetitia casta");
  CHECK(fold_key("François Hollande") == "francois hollande");
  CHECK(fold_key("Île-de-France") == "ile-de-france");
  CHECK(fold_key("Łódź") == "lodz");
  CHECK(fold_key("Straße") == "strasse");
  CHECK(fold_key("São Tomé") == "sao tome");
  CHECK(fold_key("Lech Wałęsa") == "lech walesa");
  CHECK(fold_key("Recep Tayyip Erdoğan") == "recep tayyip erdogan");
  CHECK(fold_key("Nicolae Ceaușescu") == "nicolae ceausescu");
  CHECK(fold_key("TIMIȘOARA") == "timisoara");
  CHECK(fold_key("Nguyễn Xuân Phúc") == "nguyen xuan phuc");
  CHECK(fold_key("Hồ Chí Minh-Ville") == "ho chi minh-ville");
}

TEST_CASE("fold_key unifies spaces and dashes inside names", "[fold_key]") {
  CHECK(fold_key("Jean\u00A0Castex") == "jean castex");
  CHECK(fold_key("Jean \u202F  Castex") == "jean castex");
  CHECK(fold_key("  Jean Castex\t") == "jean castex");
  CHECK(fold_key("Paris–Berlin") == "paris-berlin");      // an en dash between two words
  CHECK(fold_key("Paris – Berlin") == "paris – berlin");  // an en dash between spaces stays a dash
  CHECK(fold_key("Ségole\u0300ne") == "segolene");        // a decomposed accent
  CHECK(fold_key("Ｐａｒｉｓ").size() > 0);                  // other scripts pass through
  CHECK(fold_key("ВЛАДИМИР") == "владимир");
  CHECK(fold_key("").empty());
  CHECK(fold_key("\xC3").size() == 1);  // a truncated sequence is copied, not read past
}

TEST_CASE("a TSV knowledge base gives entities, names and lookups", "[kb]") {
  const auto kb = KnowledgeBase::from_tsv(sample_tsv, "exemple.tsv");
  REQUIRE(kb.size() == 8);

  SECTION("fields") {
    const auto france = kb.entity(0);
    CHECK(france.wikidata_id == "Q142");
    CHECK(france.wiki_title == "France");
    CHECK(france.label == "France");
    CHECK(france.type == EntityType::location);
    CHECK(france.prior == Approx(0.9));
    CHECK(france.description == "pays d'Europe de l'Ouest");
    CHECK(kb.entity(4).prior == Approx(0.5));  // empty prior
    CHECK(kb.entity(4).description.empty());
    CHECK(kb.entity(5).type == EntityType::organization);
    CHECK(kb.entity(7).wikidata_id.empty());
    CHECK(kb.entity(7).description == "ministre russe");  // the CR of CRLF is not part of it
  }

  SECTION("names: label, title without its qualifier, aliases") {
    const auto names = kb.names(6);
    REQUIRE(names.size() == 1);
    CHECK(names[0] == "Le Monde");
    const auto otan = kb.names(5);
    CHECK(std::vector<std::string_view>(otan.begin(), otan.end()) ==
          std::vector<std::string_view>{"OTAN", "Organisation du traité de l'Atlantique nord", "L'OTAN",
                                        "Alliance atlantique"});
    CHECK(kb.names(3).size() == 2);  // Pâris (the title without "(mythologie)" is the label), Alexandre
    CHECK(kb.names(1000).empty());
  }

  SECTION("lookups ignore case and accents through fold_key") {
    for (const char* written : {"États-Unis", "ETATS-UNIS", "Etats‑Unis", "états-unis d’Amérique", "USA"}) {
      INFO(written);
      CHECK(labels_of(kb, kb.lookup(fold_key(written))) == std::vector<std::string_view>{"États-Unis"});
    }
    CHECK(labels_of(kb, kb.lookup(fold_key("Le Monde"))) == std::vector<std::string_view>{"Le Monde"});
    CHECK(labels_of(kb, kb.lookup(fold_key("SERGUEÏ CHOÏGOU"))) == std::vector<std::string_view>{"Sergueï Choïgou"});
    CHECK(labels_of(kb, kb.lookup(fold_key("choïgou"))) == std::vector<std::string_view>{"Sergueï Choïgou"});
    CHECK(kb.lookup(fold_key("Berlin")).empty());
    CHECK(kb.lookup("").empty());
    CHECK(kb.lookup("Paris").empty());  // keys are folded: the caller folds too
  }

  SECTION("a name with a leading l' is found with and without it") {
    CHECK(labels_of(kb, kb.lookup(fold_key("L’OTAN"))) == std::vector<std::string_view>{"OTAN"});
    CHECK(labels_of(kb, kb.lookup("otan")) == std::vector<std::string_view>{"OTAN"});
    CHECK(labels_of(kb, kb.lookup("hexagone")) == std::vector<std::string_view>{"France"});
    // "la capitale" is indexed as written only
    CHECK(labels_of(kb, kb.lookup("la capitale")) == std::vector<std::string_view>{"Paris"});
    CHECK(kb.lookup("capitale").empty());
  }

  SECTION("an ambiguous name lists every entity, best prior first") {
    CHECK(labels_of(kb, kb.lookup("paris")) == std::vector<std::string_view>{"Paris", "Pâris", "Paris Hilton"});
    CHECK(labels_of(kb, kb.lookup("paris hilton")) == std::vector<std::string_view>{"Paris Hilton"});
  }

  SECTION("a scan word by word goes on only while some name starts with the words read") {
    CHECK(kb.may_continue("paris"));  // "Paris Hilton"
    CHECK(kb.may_continue("organisation du traite de"));
    CHECK(kb.may_continue("le"));  // "Le Monde"
    CHECK_FALSE(kb.may_continue("paris hilton"));
    CHECK_FALSE(kb.may_continue("berlin"));
    CHECK_FALSE(kb.may_continue("du traite"));  // a name's words, but not its first ones
  }

  SECTION("the longest name in words") {
    // "organisation du traite de l'atlantique nord": the elision counts as a word
    CHECK(kb.max_name_words() == 7);
  }
}

TEST_CASE("a malformed TSV line is rejected with its source and line number", "[kb]") {
  const std::string good = "Q90\tParis\tParis\tLOC\t\t0.8\tcapitale\n";
  const auto bad_at_line_3 = [&](std::string_view line) { return rejection("# en-tête\n" + good + std::string(line)); };

  struct BadLine {
    const char* line;
    const char* problem;  // a word the message must hold
  };
  const BadLine bad_lines[] = {
      {"Q142\tFrance\tFrance\tLOC\t\t0.9\n", "found 6"},
      {"Q142\tFrance\tFrance\tLOC\t\t0.9\tpays\textra\n", "found 8"},
      {"Q142\tFrance\tFrance\tPAYS\t\t0.9\tpays\n", "PAYS"},
      {"Q142\tFrance\tFrance\tLOC\t\tbeaucoup\tpays\n", "prior"},
      {"Q142\tFrance\tFrance\tLOC\t\t1.5\tpays\n", "prior"},
      {"Q142\tFrance\tFrance\tLOC\t\t-0.2\tpays\n", "prior"},
      {"Q142\tFrance\tFrance\tLOC\t\t0,9\tpays\n", "prior"},
      {"Q142\tFrance\t\tLOC\t\t0.9\tpays\n", "label"},
      {"142\tFrance\tFrance\tLOC\t\t0.9\tpays\n", "Wikidata id"},
      {"Q14x\tFrance\tFrance\tLOC\t\t0.9\tpays\n", "Wikidata id"},
      {"Q90\tParis (homonymie)\tParis\tMISC\t\t0.1\t\n", "duplicate"},
  };
  for (const auto& [line, problem] : bad_lines) {
    INFO(line);
    CHECK_THAT(bad_at_line_3(line), Catch::StartsWith("noms.tsv:3: ") && Catch::Contains(problem));
  }
  // Comments, blank lines and CRLF line ends are fine.
  CHECK(rejection("# commentaire\r\n\r\n" + good) == "accepted");
}

TEST_CASE("a TSV field with ill-formed UTF-8 is rejected with its source and line", "[kb][utf8]") {
  const std::string good = "Q90\tParis\tParis\tLOC\t\t0.8\tcapitale\n";
  const auto bad_at_line_2 = [&](std::string_view line) { return rejection(good + std::string(line)); };
  struct BadLine {
    std::string_view line;
    const char* field;
  };
  const BadLine bad_lines[] = {
      // Found by fuzzing: a label in Windows-1252 bytes.
      {"Q1065\t\tNations \x95\x91unies\tORG\tONU\t0.9\t\n", "label"},
      {"Q142\tFrance\tR\xE9publique fran\xE7" "aise\tLOC\t\t0.9\tpays\n", "label"},  // Latin-1
      {"Q142\tFran\xC3\tFrance\tLOC\t\t0.9\tpays\n", "wiki title"},              // cut after its lead byte
      {"Q142\tFrance\tFrance\tLOC\tl\xC0\xA7Hexagone\t0.9\tpays\n", "aliases"},  // overlong apostrophe
      {"Q142\tFrance\tFrance\tLOC\t\t0.9\tpays d\xED\xA0\x80" "Europe\n", "description"},  // a surrogate
  };
  for (const auto& [line, field] : bad_lines) {
    INFO(line);
    CHECK_THAT(bad_at_line_2(line), Catch::StartsWith("noms.tsv:2: ") && Catch::Contains("UTF-8") &&
                                        Catch::Contains(field));
  }
  // Well-formed accents, ligatures and non-Latin scripts are fine.
  CHECK(bad_at_line_2("Q1065\tOrganisation des Nations unies\tNations unies\tORG\tONU|Œuvre commune|"
                      "\xD0\x9E\xD0\x9E\xD0\x9D\t0.9\torganisation cr\xC3\xA9\xC3\xA9" "e en 1945\n") == "accepted");
}

TEST_CASE("the built-in knowledge base loads once and is consistent", "[kb]") {
  const KnowledgeBase& kb = KnowledgeBase::builtin();
  CHECK(&kb == &KnowledgeBase::builtin());
  for (frnews::EntityId id = 0; id < kb.size(); ++id) {
    const auto e = kb.entity(id);
    INFO(e.label);
    REQUIRE(!e.label.empty());
    REQUIRE(!kb.names(id).empty());
    const auto found = kb.lookup(fold_key(e.label));
    CHECK(std::find(found.begin(), found.end(), id) != found.end());
  }
}

TEST_CASE("the binary form gives back the same knowledge base", "[kb][binary]") {
  const TempDir dir;
  const auto tsv_kb = KnowledgeBase::from_tsv(sample_tsv, "exemple.tsv");
  const auto path = dir.path / "exemple.kb";
  tsv_kb.save_binary(path);
  const auto kb = KnowledgeBase::load(path);

  REQUIRE(kb.size() == tsv_kb.size());
  CHECK(kb.max_name_words() == tsv_kb.max_name_words());
  for (frnews::EntityId id = 0; id < kb.size(); ++id) {
    const auto a = tsv_kb.entity(id), b = kb.entity(id);
    CHECK(a.wikidata_id == b.wikidata_id);
    CHECK(a.wiki_title == b.wiki_title);
    CHECK(a.label == b.label);
    CHECK(a.type == b.type);
    CHECK(a.prior == b.prior);
    CHECK(a.description == b.description);
    const auto na = tsv_kb.names(id), nb = kb.names(id);
    REQUIRE(std::equal(na.begin(), na.end(), nb.begin(), nb.end()));
    for (const auto name : na) {
      const auto la = tsv_kb.lookup(fold_key(name)), lb = kb.lookup(fold_key(name));
      CHECK(std::equal(la.begin(), la.end(), lb.begin(), lb.end()));
    }
  }
  CHECK(labels_of(kb, kb.lookup("paris")) == std::vector<std::string_view>{"Paris", "Pâris", "Paris Hilton"});

  SECTION("saving over a mapped file leaves the mapped knowledge base intact") {
    KnowledgeBase::from_tsv("Q64\tBerlin\tBerlin\tLOC\t\t0.9\tcapitale de l'Allemagne\n").save_binary(path);
    CHECK(KnowledgeBase::load(path).size() == 1);
    CHECK(kb.size() == 8);
    CHECK(kb.entity(7).label == "Sergueï Choïgou");
    CHECK_THROWS_WITH(tsv_kb.save_binary(dir.path / "absent" / "x.kb"), Catch::Contains("x.kb"));
  }

  SECTION("load() reads the TSV form too") {
    write_file(dir.path / "exemple.tsv", sample_tsv);
    const auto from_file = KnowledgeBase::load(dir.path / "exemple.tsv");
    CHECK(from_file.size() == 8);
    CHECK_THROWS_WITH(KnowledgeBase::load(dir.path / "absent.kb"), Catch::Contains("absent.kb"));
  }

  SECTION("names() is safe to call from several threads") {
    std::vector<std::jthread> threads;
    std::vector<std::size_t> totals(4);
    for (std::size_t t = 0; t < totals.size(); ++t) {
      threads.emplace_back([&, t] { totals[t] = touch_everything(kb); });
    }
    threads.clear();
    CHECK(std::all_of(totals.begin(), totals.end(), [&](std::size_t n) { return n == totals[0] && n > 0; }));
  }
}

TEST_CASE("a truncated or corrupted binary file is rejected, never read out of bounds", "[kb][binary]") {
  const TempDir dir;
  const auto good_path = dir.path / "exemple.kb";
  KnowledgeBase::from_tsv(sample_tsv).save_binary(good_path);
  const std::string image = read_file(good_path);
  REQUIRE(image.size() > 64);
  const auto bad_path = dir.path / "abime.kb";

  SECTION("every truncation") {
    for (std::size_t length = 1; length < image.size(); ++length) {
      INFO(length);
      write_file(bad_path, std::string_view(image).substr(0, length));
      CHECK_THROWS_AS(KnowledgeBase::load(bad_path), frnews::Exception);
    }
    write_file(bad_path, std::string(image) + "x");
    CHECK_THROWS_WITH(KnowledgeBase::load(bad_path), Catch::Contains("abime.kb"));
  }

  SECTION("corrupted headers name the problem") {
    std::string bad = image;
    bad[1] = 'X';
    write_file(bad_path, bad);
    CHECK_THROWS_WITH(KnowledgeBase::load(bad_path), Catch::Contains("magic"));
    bad = image;
    bad[8] = 9;  // version
    write_file(bad_path, bad);
    CHECK_THROWS_WITH(KnowledgeBase::load(bad_path), Catch::Contains("version"));
  }

  SECTION("a string size that wraps the sum of the sections around") {
    // Counts that put the string section past the end of the file, and a string size that
    // brings the total back to the file's size modulo 2^64.
    std::string bad = image;
    const std::uint32_t entity_count = 1'000'000;
    std::memcpy(bad.data() + 24, &entity_count, 4);
    std::uint64_t strings_at = 0, strings_size = 0;
    std::memcpy(&strings_size, image.data() + 48, 8);
    strings_at = image.size() - strings_size + (entity_count - kb_size(image)) * 48;
    strings_size = image.size() - strings_at;  // wraps: a huge number
    std::memcpy(bad.data() + 48, &strings_size, 8);
    write_file(bad_path, bad);
    CHECK_THROWS_WITH(KnowledgeBase::load(bad_path), Catch::Contains("do not add up"));
  }

  SECTION("ill-formed UTF-8 in the string section") {
    // "Pâris" with its "â" broken: no string of a loaded knowledge base is ill-formed.
    std::string bad = image;
    const std::size_t at = bad.find("P\xC3\xA2ris");
    REQUIRE(at != std::string::npos);
    bad[at + 2] = '(';
    write_file(bad_path, bad);
    CHECK_THROWS_WITH(KnowledgeBase::load(bad_path), Catch::Contains("abime.kb") && Catch::Contains("UTF-8"));
  }

  SECTION("every byte flipped, and random bytes: rejected, or still safe to read") {
    std::mt19937 random(20240611);
    std::size_t rejected = 0, accepted = 0;
    for (std::size_t i = 0; i < image.size(); ++i) {
      std::string bad = image;
      bad[i] = static_cast<char>(bad[i] ^ static_cast<char>(1 + random() % 255));
      if (i % 7 == 0) bad[random() % bad.size()] = static_cast<char>(random());
      write_file(bad_path, bad);
      try {
        const auto kb = KnowledgeBase::load(bad_path);
        (void)touch_everything(kb);
        ++accepted;
      } catch (const frnews::Exception&) {
        ++rejected;
      }
    }
    // Flips in counts, offsets and ids are caught; flips inside strings change only text.
    CHECK(rejected > 0);
    CHECK(accepted > 0);
  }
}

TEST_CASE("a binary file whose names were folded by another version of fold_key is refused", "[kb][binary]") {
  const TempDir dir;
  const auto path = dir.path / "ancien.kb";
  KnowledgeBase::from_tsv(sample_tsv).save_binary(path);
  std::string image = read_file(path);
  std::uint32_t recorded = 0;
  std::memcpy(&recorded, image.data() + 56, 4);  // the header's fold_version
  REQUIRE(recorded == frnews::fold_key_version);
  CHECK(KnowledgeBase::load(path).size() == 8);

  const std::uint32_t other = frnews::fold_key_version + 1;
  std::memcpy(image.data() + 56, &other, 4);
  write_file(path, image);
  CHECK_THROWS_WITH(KnowledgeBase::load(path), Catch::Contains("ancien.kb") && Catch::Contains("fold_key") &&
                                                    Catch::Contains("kb build"));
}

namespace {

// Built-in entries the layering tests rely on.
const KnowledgeBase& builtin_with_paris_and_lyon() {
  const KnowledgeBase& builtin = KnowledgeBase::builtin();
  for (const auto* name : {"paris", "lyon"}) {
    const auto found = builtin.lookup(name);
    REQUIRE(!found.empty());
  }
  REQUIRE(builtin.entity(builtin.lookup("paris").front()).wikidata_id == "Q90");
  REQUIRE(builtin.entity(builtin.lookup("lyon").front()).wiki_title == "Lyon");
  return builtin;
}

bool has_entry(const KnowledgeBase& kb, std::string_view key, std::string_view label, std::string_view id) {
  const auto found = kb.lookup(key);
  return std::any_of(found.begin(), found.end(), [&](frnews::EntityId e) {
    return kb.entity(e).label == label && kb.entity(e).wikidata_id == id;
  });
}

}  // namespace

TEST_CASE("a user knowledge base layered over the built-in one wins, and the built-in entries stay", "[kb][layers]") {
  const KnowledgeBase& builtin = builtin_with_paris_and_lyon();
  const auto user = KnowledgeBase::from_tsv(
      "Q90\tParis\tParis intra-muros\tLOC\tla Ville\t0.4\tles vingt arrondissements\n"
      "\tSaint-Aubin-des-Pruniers\tSaint-Aubin-des-Pruniers\tLOC\tSaint-Aubin\t0.7\tvillage de la vallée\n",
      "mes-lieux.tsv");
  const auto kb = KnowledgeBase::layered({user, builtin});

  CHECK(kb.size() == builtin.size() + 2);
  CHECK(kb.max_name_words() == builtin.max_name_words());

  // The user's Q90 replaces the built-in one under every name, its own label and prior shown.
  const auto paris = kb.lookup("paris");
  REQUIRE(!paris.empty());
  CHECK(kb.entity(paris.front()).label == "Paris intra-muros");
  CHECK(kb.entity(paris.front()).prior == 0.4f);
  CHECK(std::count_if(paris.begin(), paris.end(), [&](auto e) { return kb.entity(e).wikidata_id == "Q90"; }) == 1);
  CHECK(!has_entry(kb, "ville lumiere", "Paris", "Q90"));
  CHECK(has_entry(kb, "la ville", "Paris intra-muros", "Q90"));
  CHECK(std::is_sorted(paris.begin(), paris.end(), [&](auto a, auto b) { return kb.entity(a).prior > kb.entity(b).prior; }));

  // A new entry beside the built-in ones, which stay.
  CHECK(has_entry(kb, "saint-aubin-des-pruniers", "Saint-Aubin-des-Pruniers", ""));
  CHECK(has_entry(kb, "saint-aubin", "Saint-Aubin-des-Pruniers", ""));
  CHECK(kb.entity(kb.lookup("lyon").front()).wiki_title == "Lyon");
  CHECK(labels_of(kb, kb.lookup("marseille")) == labels_of(builtin, builtin.lookup("marseille")));

  // The analysis links to the new entry: known by its Wikipedia title, without a Wikidata id.
  const frnews::Analyzer analyzer(kb);
  const auto analysis = analyzer.analyze("Le maire de Saint-Aubin-des-Pruniers a démissionné mardi.");
  REQUIRE(analysis.has_value());
  CHECK_THAT(frnews::to_json(*analysis),
             Catch::Contains(R"("id":null,"wiki":"Saint-Aubin-des-Pruniers","name":"Saint-Aubin-des-Pruniers")"));

  // The layers are shared: the user's knowledge base may go, the layered one keeps working.
  const auto alone = KnowledgeBase::layered({KnowledgeBase::from_tsv("\tLyon\tLugdunum\tLOC\t\t0.6\tcolonie romaine\n"),
                                             builtin});
  const auto lyon = alone.lookup("lyon");
  CHECK(std::none_of(lyon.begin(), lyon.end(), [&](auto e) { return alone.entity(e).wikidata_id == "Q456"; }));
  CHECK(has_entry(alone, "lugdunum", "Lugdunum", ""));
}

TEST_CASE("two user knowledge bases stacked over the built-in one: the first one wins", "[kb][layers]") {
  const KnowledgeBase& builtin = builtin_with_paris_and_lyon();
  const auto first = KnowledgeBase::from_tsv("Q90\tParis\tParis (première)\tLOC\t\t0.5\tpremière couche\n", "a.tsv");
  const auto second = KnowledgeBase::from_tsv(
      "Q90\tParis\tParis (seconde)\tLOC\t\t0.6\tseconde couche\n"
      "Q4242424242\tRivebelle-les-Flots\tRivebelle-les-Flots\tLOC\t\t0.6\tstation balnéaire\n",
      "b.tsv");
  const auto kb = KnowledgeBase::layered({first, second, builtin});

  CHECK(kb.size() == builtin.size() + 3);
  const auto paris = kb.lookup("paris");
  CHECK(kb.entity(paris.front()).label == "Paris (première)");
  CHECK(std::count_if(paris.begin(), paris.end(), [&](auto e) { return kb.entity(e).wikidata_id == "Q90"; }) == 1);
  CHECK(has_entry(kb, "rivebelle-les-flots", "Rivebelle-les-Flots", "Q4242424242"));

  // A layered knowledge base is a layer like any other, and saves as one without the replaced entries.
  const auto nested = KnowledgeBase::layered({first, KnowledgeBase::layered({second, builtin})});
  CHECK(labels_of(nested, nested.lookup("paris")) == labels_of(kb, paris));

  const TempDir dir;
  kb.save_binary(dir.path / "couches.kb");
  const auto saved = KnowledgeBase::load(dir.path / "couches.kb");
  CHECK(saved.size() == builtin.size() + 1);
  CHECK(labels_of(saved, saved.lookup("paris")) == labels_of(kb, paris));
  CHECK(has_entry(saved, "rivebelle-les-flots", "Rivebelle-les-Flots", "Q4242424242"));
}
