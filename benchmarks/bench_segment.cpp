// Segmentation throughput on clean French news text, against a plain split-on-spaces pass that
// bounds what any tokenizer reading every byte can reach.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus.hpp"
#include "frnews/segment.hpp"

namespace {

constexpr std::size_t corpus_bytes = 4 << 20;

frnews::Normalized as_normalized(const std::string& text) {
  return {text, frnews::OffsetMap::identity(static_cast<std::uint32_t>(text.size())), {}};
}

// Baseline: tokens are the runs of bytes between ASCII spaces and newlines.
void BM_split_on_spaces(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  std::vector<frnews::Span> tokens;
  tokens.reserve(text.size() / 5);
  for (auto _ : state) {
    tokens.clear();
    std::uint32_t start = 0;
    const auto size = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t i = 0; i < size; ++i) {
      if (text[i] == ' ' || text[i] == '\n') {
        if (i > start) tokens.push_back({start, i});
        start = i + 1;
      }
    }
    if (size > start) tokens.push_back({start, size});
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_split_on_spaces);

// segment(): tokens, sentences and paragraphs (the copy of the text into Normalized included).
void BM_segment(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  for (auto _ : state) {
    frnews::Document doc = frnews::segment(text, as_normalized(text));
    benchmark::DoNotOptimize(doc.tokens().data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_segment);

// Worst cases stay linear: one 4 MB word, and a text made only of quotation marks.
void BM_segment_adversarial(benchmark::State& state) {
  const std::string text = state.range(0) == 0 ? std::string(corpus_bytes, 'a') : [] {
    std::string quotes;
    while (quotes.size() < corpus_bytes) quotes += "« » \" ";
    return quotes;
  }();
  for (auto _ : state) {
    frnews::Document doc = frnews::segment(text, as_normalized(text));
    benchmark::DoNotOptimize(doc.tokens().data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_segment_adversarial)->Arg(0)->Arg(1);

}  // namespace
