#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "frnews/frnews.hpp"

namespace {

bool on_utf8_boundary(std::string_view text, std::uint32_t at) {
  return at == text.size() || (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80);
}

void check_span(std::string_view original, frnews::Span span) {
  INFO("span " << span.begin << "-" << span.end << " of " << original.size() << " bytes");
  REQUIRE(span.begin <= span.end);
  REQUIRE(span.end <= original.size());
  CHECK(on_utf8_boundary(original, span.begin));
  CHECK(on_utf8_boundary(original, span.end));
}

// Every span of an analysis lies inside the caller's text, on character boundaries.
void check_spans(std::string_view original, const frnews::Analysis& analysis) {
  for (const auto& sentence : analysis.sentences) check_span(original, sentence);
  for (const auto& quote : analysis.quotes) {
    check_span(original, quote.content);
    if (quote.speaker) check_span(original, quote.speaker->mention);
    if (quote.cue) check_span(original, quote.cue->span);
  }
  for (const auto& mention : analysis.entities.mentions) {
    check_span(original, mention.span);
    CHECK(mention.chain < analysis.entities.chains.size());
  }
}

const std::vector<std::string> texts = {
    "« Nous tiendrons nos engagements », a déclaré mardi la ministre de l’Économie, Claire Vasseur.",
    "Selon la mairie de Nantes, 12 000 personnes ont défilé samedi.\n\nLe préfet a salué un "
    "rassemblement « calme et digne ».",
    "Le d&eacute;put&eacute; a d&eacute;nonc&eacute; une &laquo;&nbsp;r&eacute;forme injuste&nbsp;&raquo;.",
    "L\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\xC3\xA9tat a r\xC3\x83\xC2\xA9pondu.",  // mojibake of "L’État a répondu."
    "",
    "   \n\n  ",
    "texte avec un octet invalide \xFF et un guillemet « jamais fermé",
};

}  // namespace

TEST_CASE("Every span of an analysis points into the caller's original text") {
  const frnews::Analyzer analyzer;
  for (const auto& text : texts) {
    INFO(text);
    const auto analysis = analyzer.analyze(text);
    REQUIRE(analysis);
    CHECK(analysis->original == text);
    check_spans(text, *analysis);
  }
}

TEST_CASE("An empty text gives an empty analysis") {
  const frnews::Analyzer analyzer;
  const auto analysis = analyzer.analyze("");
  REQUIRE(analysis);
  CHECK(analysis->quotes.empty());
  CHECK(analysis->entities.mentions.empty());
  CHECK(frnews::to_json(*analysis, "1") == R"({"id":1,"quotes":[],"entities":[]})");
}

TEST_CASE("One analyzer serves many threads with the same results") {
  const frnews::Analyzer analyzer;
  std::vector<std::string> expected;
  for (const auto& text : texts) expected.push_back(frnews::to_json(analyzer.analyze(text).value()));

  std::vector<std::vector<std::string>> results(4);
  {
    std::vector<std::jthread> threads;
    for (auto& result : results) {
      threads.emplace_back([&analyzer, &result] {
        for (int round = 0; round < 20; ++round) {
          for (const auto& text : texts) result.push_back(frnews::to_json(analyzer.analyze(text).value()));
        }
      });
    }
  }
  for (const auto& result : results) {
    REQUIRE(result.size() == 20 * texts.size());
    for (std::size_t i = 0; i < result.size(); ++i) CHECK(result[i] == expected[i % texts.size()]);
  }
}

TEST_CASE("A double quote standing for an apostrophe does not unbalance real quotation marks") {
  const frnews::Analyzer analyzer;
  const std::string text =
      "Le maire de Brest, Paul Berger, a affirmé mardi : \"Je viens d\"être élu et je n\"oublie rien.\"";
  const auto analysis = analyzer.analyze(text);
  REQUIRE(analysis);
  REQUIRE(analysis->quotes.size() == 1);
  const frnews::Quote& quote = analysis->quotes.front();
  CHECK(quote.content.of(text) == "Je viens d\"être élu et je n\"oublie rien.");
  CHECK(analysis->canonical(quote.content) == "Je viens d’être élu et je n’oublie rien.");
  REQUIRE(quote.speaker);
  CHECK(quote.speaker->name == "Paul Berger");
}

TEST_CASE("A name that speaks is a person's, not the place the word before it suggested") {
  const frnews::Analyzer analyzer;
  const auto analysis =
      analyzer.analyze("Les proches de Tavaeriki sont inquiets.\n« Je vais bien », a déclaré Tavaeriki à la presse.");
  REQUIRE(analysis);
  REQUIRE(analysis->quotes.size() == 1);
  REQUIRE(analysis->quotes[0].speaker);
  int mentions = 0;
  for (const auto& mention : analysis->entities.mentions) {
    if (mention.span.of(analysis->original) != "Tavaeriki") continue;
    ++mentions;
    CHECK(mention.type == frnews::EntityType::person);
    CHECK(mention.rule == "type.speaker");
  }
  CHECK(mentions == 2);
  // A place the text marks as one stays a place when nothing speaks.
  const auto place = analyzer.analyze("Les habitants de Tavaeriki sont inquiets.");
  REQUIRE(place);
  REQUIRE(place->entities.mentions.size() == 1);
  CHECK(place->entities.mentions[0].type == frnews::EntityType::location);
}
