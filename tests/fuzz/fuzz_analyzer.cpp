// Analyzer::analyze() on any bytes with the built-in knowledge base: every span of the analysis
// inside the caller's text on character boundaries, every index valid, every string valid UTF-8,
// and the JSON of the result valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frnews/analyzer.hpp"
#include "frnews/json.hpp"
#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return frnews::fuzz::run_checked([&] {
    using namespace frnews;
    static const Analyzer analyzer;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    auto analysis = analyzer.analyze(input);
    fuzz::expect(analysis.has_value(), "analyze failed on a small text");
    fuzz::check_analysis(*analysis, input);
    fuzz::expect(fuzz::is_valid_utf8(to_json(*analysis, "1")), "JSON output is not valid UTF-8");
  });
}
