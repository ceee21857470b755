// Quote extraction alone: the document is segmented and its entities linked once, outside the
// timed loop. Sizes from 1 MB to 20 MB show the cost per byte stays flat (no quadratic step).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

#include "corpus.hpp"
#include "frnews/entities.hpp"
#include "frnews/quotes.hpp"
#include "frnews/segment.hpp"

namespace {

void run_extraction(benchmark::State& state, const std::string& text) {
  auto doc = frnews::make_document(text);
  if (!doc) {
    state.SkipWithError("make_document failed");
    return;
  }
  const frnews::EntityLinker linker;
  const frnews::Entities entities = linker.link(*doc);
  const frnews::QuoteExtractor extractor;
  std::size_t quotes = 0;
  for (auto _ : state) {
    const auto found = extractor.extract(*doc, entities);
    quotes = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.counters["quotes"] = static_cast<double>(quotes);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

void BM_extract_quotes(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(static_cast<std::size_t>(state.range(0)) << 20);
  run_extraction(state, text);
}
BENCHMARK(BM_extract_quotes)->Arg(1)->Arg(10)->Arg(20)->Unit(benchmark::kMillisecond);

// Adversarial: a text made of quotation marks, most of them unbalanced.
void BM_extract_quotes_marks_only(benchmark::State& state) {
  std::string text;
  while (text.size() < (std::size_t{1} << 20)) text += "« » « \" “ a-t-il ";
  run_extraction(state, text);
}
BENCHMARK(BM_extract_quotes_marks_only)->Unit(benchmark::kMillisecond);

// Adversarial: one sentence without end, full of cues and short quotations.
void BM_extract_quotes_endless_sentence(benchmark::State& state) {
  std::string text;
  while (text.size() < (std::size_t{1} << 20)) {
    text += "le ministre a estimé que « tout va bien », selon lui, et les syndicats ont affirmé que ";
  }
  run_extraction(state, text);
}
BENCHMARK(BM_extract_quotes_endless_sentence)->Unit(benchmark::kMillisecond);

}  // namespace
