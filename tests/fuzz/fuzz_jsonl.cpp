// The JSON Lines input of the frnews command: the bytes are split into lines as std::getline
// does, each line parsed with simdjson and checked as the command checks it ({"id": string or
// number, "text": string}), the text analysed, and the output line must be valid UTF-8 and
// valid JSON that simdjson reads back, with the same id.
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "frnews/analyzer.hpp"
#include "frnews/json.hpp"
#include "invariants.hpp"

namespace {

using namespace frnews;

void run_line(simdjson::dom::parser& parser, const Analyzer& analyzer, const std::string& line) {
  if (line.find_first_not_of(" \t\r") == std::string::npos) return;
  simdjson::dom::object object;
  if (parser.parse(line).get(object)) return;  // the command reports the line as bad
  std::string id_json = "null";
  if (simdjson::dom::element id; object["id"].get(id) == simdjson::SUCCESS) {
    if (!id.is_string() && !id.is_number()) return;
    id_json = simdjson::minify(id);
  }
  std::string_view text_view;
  if (object["text"].get(text_view) != simdjson::SUCCESS) return;
  const std::string text(text_view);  // the parser's buffer is reused below

  auto analysis = analyzer.analyze(text);
  fuzz::expect(analysis.has_value(), "analyze failed on a JSON Lines text");
  fuzz::check_analysis(*analysis, text);
  std::string out;
  append_json(out, *analysis, id_json);
  fuzz::expect(fuzz::is_valid_utf8(out), "JSON output is not valid UTF-8");
  fuzz::expect(out.find('\n') == std::string::npos, "JSON output spans several lines");

  simdjson::dom::parser reader;
  simdjson::dom::object result;
  fuzz::expect(reader.parse(out).get(result) == simdjson::SUCCESS, "JSON output does not parse");
  simdjson::dom::element id_back;
  fuzz::expect(result["id"].get(id_back) == simdjson::SUCCESS, "JSON output has no id");
  fuzz::expect(simdjson::minify(id_back) == id_json, "JSON output changed the id");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return frnews::fuzz::run_checked([&] {
    static const Analyzer analyzer;
    static simdjson::dom::parser parser;
    std::string_view input(reinterpret_cast<const char*>(data), size);
    while (!input.empty()) {
      const std::size_t newline = input.find('\n');
      run_line(parser, analyzer, std::string(input.substr(0, newline)));
      input = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    }
  });
}
