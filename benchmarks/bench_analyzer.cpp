// The whole analysis (normalize -> segment -> entities -> quotes) and its JSON output, in MB/s
// and documents/s, on generated French news text with the built-in knowledge base; and, when
// FRNEWS_BENCH_CORPUS names a JSON Lines file of real articles, on those articles, with the
// normalizer and segmenter alone beside it in the same run.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "frnews/frnews.hpp"

namespace {

// Articles of about 3 KB, the size of a typical dispatch.
const std::vector<std::string>& articles() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    const std::string text = frnews::bench::news_text(64 * 3000);
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find("\n\n", std::min(text.size(), at + 3000));
      end = end == std::string::npos ? text.size() : end + 2;
      out.push_back(text.substr(at, end - at));
      at = end;
    }
    return out;
  }();
  return docs;
}

// The "text" of each line of the JSON Lines file FRNEWS_BENCH_CORPUS names; none when unset.
std::vector<std::string> read_corpus() {
  const char* path = std::getenv("FRNEWS_BENCH_CORPUS");
  std::vector<std::string> out;
  if (path == nullptr || *path == '\0') return out;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json)) {
    std::cerr << "FRNEWS_BENCH_CORPUS: cannot read " << path << "\n";
    std::exit(1);
  }
  simdjson::dom::parser parser;
  simdjson::dom::document_stream lines;
  if (parser.parse_many(json).get(lines)) {
    std::cerr << "FRNEWS_BENCH_CORPUS: " << path << " is no JSON Lines file\n";
    std::exit(1);
  }
  for (auto line : lines) {
    std::string_view text;
    if (line["text"].get(text) == simdjson::SUCCESS) out.emplace_back(text);
  }
  return out;
}

const std::vector<std::string>& corpus_articles() {
  static const std::vector<std::string> docs = read_corpus();
  return docs;
}

// Runs `consume(analyzer, article)` over every article of `docs`, in MB/s and documents/s.
template <class Consume>
void over_articles(benchmark::State& state, Consume consume, const std::vector<std::string>& docs = articles()) {
  const frnews::Analyzer analyzer;
  std::size_t bytes = 0;
  std::size_t count = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      consume(analyzer, doc);
      bytes += doc.size();
    }
    count += docs.size();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["documents/s"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}

void BM_Analyze(benchmark::State& state) {
  over_articles(state, [](const frnews::Analyzer& analyzer, const std::string& doc) {
    auto analysis = analyzer.analyze(doc);
    benchmark::DoNotOptimize(analysis);
  });
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

void BM_AnalyzeToJson(benchmark::State& state) {
  std::string out;
  over_articles(state, [&out](const frnews::Analyzer& analyzer, const std::string& doc) {
    out.clear();
    frnews::append_json(out, analyzer.analyze(doc).value(), "1");
    benchmark::DoNotOptimize(out.data());
  });
}
BENCHMARK(BM_AnalyzeToJson)->Unit(benchmark::kMillisecond);

// The corpus of FRNEWS_BENCH_CORPUS: normalization and segmentation alone, then the whole
// analysis, so that the two figures come from the same run on the same articles.
void BM_CorpusSegment(benchmark::State& state) {
  over_articles(
      state,
      [](const frnews::Analyzer&, const std::string& doc) {
        auto document = frnews::make_document(doc);
        benchmark::DoNotOptimize(document);
      },
      corpus_articles());
}

void BM_CorpusAnalyze(benchmark::State& state) {
  over_articles(
      state,
      [](const frnews::Analyzer& analyzer, const std::string& doc) {
        auto analysis = analyzer.analyze(doc);
        benchmark::DoNotOptimize(analysis);
      },
      corpus_articles());
}

// Registered only with a corpus: without one they would measure nothing.
const bool corpus_registered = [] {
  if (corpus_articles().empty()) return false;
  benchmark::RegisterBenchmark("BM_CorpusSegment", BM_CorpusSegment)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_CorpusAnalyze", BM_CorpusAnalyze)->Unit(benchmark::kMillisecond);
  return true;
}();

// The JSON writer alone, on analyses computed once.
void BM_JsonOnly(benchmark::State& state) {
  const frnews::Analyzer analyzer;
  std::vector<frnews::Analysis> analyses;
  std::size_t input_bytes = 0;
  for (const auto& doc : articles()) {
    analyses.push_back(analyzer.analyze(doc).value());
    input_bytes += doc.size();
  }
  std::string out;
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& analysis : analyses) {
      out.clear();
      frnews::append_json(out, analysis, "1");
      benchmark::DoNotOptimize(out.data());
    }
    bytes += input_bytes;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonOnly)->Unit(benchmark::kMicrosecond);

// Time per byte over sizes: flat when every stage is linear.
void BM_AnalyzeBySize(benchmark::State& state) {
  const frnews::Analyzer analyzer;
  const std::string text = frnews::bench::news_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto analysis = analyzer.analyze(text);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_AnalyzeBySize)->RangeMultiplier(16)->Range(1 << 10, 16 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// Texts built to defeat a stage: each must cost the same per byte at every size.
std::string pathological_text(std::int64_t kind, std::size_t bytes) {
  std::string text;
  text.reserve(bytes + 64);
  const std::string news = frnews::bench::news_text(4096);
  while (text.size() < bytes) {
    switch (kind) {
      case 0: text += "sanspointnibespacesanspointniespace"; break;          // no space, no full stop
      case 1: text += "« » \" “ ” "; break;                                   // quotation marks only
      case 2: text += "« “ "; break;                                          // ever deeper nesting
      case 3:                                                                 // all in capitals
        for (const char c : news.substr(0, 512)) text += c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
        break;
      default:                                                                // one endless sentence
        text += "a déclaré le ministre Jean Dupont selon qui l'État et l'OTAN, ";
    }
  }
  return text;
}

void BM_AnalyzePathological(benchmark::State& state) {
  const frnews::Analyzer analyzer;
  const std::string text = pathological_text(state.range(0), static_cast<std::size_t>(state.range(1)));
  for (auto _ : state) {
    auto analysis = analyzer.analyze(text);
    benchmark::DoNotOptimize(analysis);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
  static constexpr const char* names[] = {"no-space", "marks-only", "nested", "capitals", "one-sentence"};
  state.SetLabel(names[state.range(0)]);
}
BENCHMARK(BM_AnalyzePathological)
    ->ArgsProduct({{0, 1, 2, 3, 4}, {1 << 16, 1 << 20, 4 << 20}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
