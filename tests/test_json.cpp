#include <catch2/catch.hpp>

#include "frnews/json.hpp"

using frnews::append_json_string;

namespace {
std::string quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}
}  // namespace

TEST_CASE("JSON strings keep French text and escape what JSON requires") {
  CHECK(quoted("« Non », a-t-il répondu.") == "\"« Non », a-t-il répondu.\"");
  CHECK(quoted("il a dit \"oui\"\\") == R"("il a dit \"oui\"\\")");
  CHECK(quoted("ligne 1\nligne 2\t") == R"("ligne 1\nligne 2\t")");
  CHECK(quoted(std::string_view("\x01", 1)) == R"("\u0001")");
}

TEST_CASE("JSON strings: a character to escape is found wherever it falls in a long ASCII stretch") {
  // Plain ASCII is copied eight bytes at a time: each sign is tried at every place of 19 bytes.
  const std::string plain = "Le maire de Lille a";
  const std::pair<std::string, std::string> signs[] = {
      {"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\x1F", "\\u001f"}, {"é", "é"}, {"\xFF", "\xEF\xBF\xBD"},
      {"à\"", "à\\\""}, {"\x01é", "\\u0001é"}};  // two in a row: the second is found after the first
  for (const auto& [sign, escaped] : signs) {
    for (std::size_t at = 0; at <= plain.size(); ++at) {
      std::string text = plain.substr(0, at), expected = '"' + text;
      text += sign;
      text += plain.substr(at);
      expected += escaped;
      expected += plain.substr(at);
      expected += '"';
      CHECK(quoted(std::string_view(text)) == expected);
    }
  }
}

TEST_CASE("JSON strings never carry ill-formed UTF-8") {
  CHECK(quoted("caf\xE9") == "\"caf\xEF\xBF\xBD\"");          // Latin-1 é alone
  CHECK(quoted("\xC0\xAF") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong
  CHECK(quoted("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // encoded surrogate
  CHECK(quoted("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7") == "\"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\"");  // 🇫🇷
  // A bad byte inside a well-formed stretch ends it there, and the stretch goes on after it.
  CHECK(quoted("été\xFFà \"Nîmes\"") == "\"été\xEF\xBF\xBDà \\\"Nîmes\\\"\"");
  CHECK(quoted("déjà\xC3") == "\"déjà\xEF\xBF\xBD\"");  // cut in the middle of a letter
}

TEST_CASE("An analysis is one JSON object in the evaluation format") {
  frnews::Analysis analysis;
  analysis.original = "« Non », a déclaré Jean Dupont.";
  const auto span_of = [&](std::string_view words) {
    const auto begin = static_cast<std::uint32_t>(analysis.original.find(words));
    return frnews::Span{begin, begin + static_cast<std::uint32_t>(words.size())};
  };
  frnews::Quote quote;
  quote.content = span_of("Non");
  quote.canonical = "Non";
  quote.kind = frnews::QuoteKind::direct;
  quote.rule = "quote.cue-after";
  quote.speaker = frnews::Speaker{span_of("Jean Dupont"), "Jean Dupont", 0u, "", "", "inverted.subject"};
  quote.cue = frnews::Cue{span_of("a déclaré"), "déclarer"};
  analysis.quotes.push_back(quote);
  analysis.entities.chains.push_back(
      {"Jean Dupont", frnews::EntityType::person, frnews::Gender::masculine, std::nullopt, "", ""});
  analysis.entities.mentions.push_back({span_of("Jean Dupont"), 0, 2, frnews::EntityType::person, 0, 0.5f, "shape.first-name"});

  CHECK(frnews::to_json(analysis, "\"d1\"") ==
        "{\"id\":\"d1\",\"quotes\":[{\"start\":3,\"end\":6,\"text\":\"Non\",\"canonical\":\"Non\",\"kind\":\"direct\","
        "\"rule\":\"quote.cue-after\",\"speaker\":{\"start\":23,\"end\":34,\"text\":\"Jean Dupont\","
        "\"name\":\"Jean Dupont\",\"id\":null,\"wiki\":null,\"rule\":\"inverted.subject\"},\"cue\":{\"start\":11,\"end\":22,\"text\":\"a déclaré\",\"lemma\":\"déclarer\"}}],"
        "\"entities\":[{\"start\":23,\"end\":34,\"text\":\"Jean Dupont\",\"type\":\"PER\",\"id\":null,"
        "\"wiki\":null,\"name\":\"Jean Dupont\",\"score\":0.500,\"rule\":\"shape.first-name\"}]}");
  CHECK(frnews::to_json(analysis, "1", {.quotes = false, .entities = true}).starts_with("{\"id\":1,\"entities\":["));
}
