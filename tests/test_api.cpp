// The public API used the way a newcomer would: spans, ownership, canonical text of a result.
// Misuses that must not compile are checked by the compile.* tests (tests/compile_fail/).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "frnews/frnews.hpp"

using frnews::Span;

TEST_CASE("Span::of clamps a span to the text it is applied to") {
  constexpr std::string_view text = "Le préfet";
  CHECK(Span{0, 2}.of(text) == "Le");
  CHECK(Span{3, 40}.of(text) == "préfet");
  CHECK(Span{10, 12}.of(text).empty());
  CHECK(Span{100, 200}.of(text).empty());
  CHECK(Span{4, 2}.of(text).empty());
  CHECK(Span{0, 5}.of("").empty());
  static_assert(Span{1, 9}.of("abc") == "bc");
}

TEST_CASE("An analyzer keeps the knowledge base it is given as a temporary") {
  // Built from a knowledge base that no variable holds: the analyzer owns it.
  const frnews::Analyzer analyzer(frnews::KnowledgeBase::from_tsv(
      "Q999999001\tAdélaïde Fournel\tAdélaïde Fournel\tPER\tFournel\t0.9\tmaire imaginaire de Brissac\n"));
  // Other knowledge bases built and freed meanwhile reuse the memory a dangling one would read.
  for (int round = 0; round < 4; ++round) {
    const auto other = frnews::KnowledgeBase::from_tsv(
        "Q999999002\tGaspard Villon\tGaspard Villon\tORG\tVillon\t0.9\tsociété imaginaire\n");
    CHECK(other.size() == 1);
  }
  const std::string text = "Adélaïde Fournel a inauguré la médiathèque. Mme Fournel a salué les bénévoles.";
  const auto analysis = analyzer.analyze(text);
  REQUIRE(analysis);
  REQUIRE(!analysis->entities.chains.empty());
  CHECK(analysis->entities.chains.front().wikidata_id == "Q999999001");
  CHECK(analysis->entities.chains.front().type == frnews::EntityType::person);
}

TEST_CASE("An analyzer given a knowledge base by reference reads that one") {
  const auto kb = frnews::KnowledgeBase::from_tsv(
      "Q999999001\tAdélaïde Fournel\tAdélaïde Fournel\tPER\tFournel\t0.9\tmaire imaginaire de Brissac\n");
  const frnews::Analyzer first(kb);
  const frnews::Analyzer second(kb);
  for (const auto* analyzer : {&first, &second}) {
    const auto analysis = analyzer->analyze("Adélaïde Fournel a inauguré la médiathèque.");
    REQUIRE(analysis);
    REQUIRE(analysis->entities.chains.size() == 1);
    CHECK(analysis->entities.chains.front().wikidata_id == "Q999999001");
  }
}

TEST_CASE("The canonical text of a reported span comes from the analysis's offset map") {
  const frnews::Analyzer analyzer;
  // HTML entities and mojibake make the canonical text shorter than the original one.
  const std::string text =
      "Le d&eacute;put&eacute; a d&eacute;clar&eacute; : &laquo;&nbsp;Nous ne c\xC3\x83\xC2\xA9"
      "derons pas&nbsp;&raquo;, a-t-il affirm\xC3\x83\xC2\xA9.";
  const auto analysis = analyzer.analyze(text);
  REQUIRE(analysis);
  REQUIRE(analysis->quotes.size() == 1);
  const Span content = analysis->quotes.front().content;
  CHECK(content.of(analysis->original) == "Nous ne c\xC3\x83\xC2\xA9" "derons pas");
  CHECK(analysis->canonical(content) == "Nous ne céderons pas");
  // The canonical span indexes the normalized text; the reported one does not.
  const Span canonical = analysis->to_canonical(content);
  CHECK(canonical.of(analysis->normalized) == "Nous ne céderons pas");
  CHECK(analysis->map.to_original(canonical) == content);
  CHECK(content.of(analysis->normalized) != "Nous ne céderons pas");
  for (const Span sentence : analysis->sentences) {
    CHECK(analysis->map.to_original(analysis->to_canonical(sentence)) == sentence);
  }
}

TEST_CASE("OffsetMap::to_canonical inverts to_original over rewritten sequences") {
  const std::string original = "Un &eacute;t&eacute; tr\xC3\x83\xC2\xA8s chaud\xE2\x80\x8B, vraiment.";
  const auto normalized = frnews::normalize(original);
  REQUIRE(normalized);
  REQUIRE(normalized->text == "Un été très chaud, vraiment.");
  const auto& map = normalized->map;
  for (const std::string_view word : {"Un", "été", "très", "chaud", ",", "vraiment"}) {
    INFO(word);
    const auto at = static_cast<std::uint32_t>(normalized->text.find(word));
    const Span canonical{at, static_cast<std::uint32_t>(at + word.size())};
    CHECK(map.to_canonical(map.to_original(canonical)) == canonical);
  }
  // A span that starts or ends inside a rewritten sequence covers all of it.
  CHECK(map.to_canonical(Span{5, 8}).of(normalized->text) == "é");
  CHECK(map.to_canonical(Span{0, static_cast<std::uint32_t>(original.size())}) ==
        Span{0, static_cast<std::uint32_t>(normalized->text.size())});
  CHECK(map.to_canonical(Span{500, 600}) == Span{map.canonical_size(), map.canonical_size()});
}
