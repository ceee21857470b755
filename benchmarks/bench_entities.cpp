// Entity linking alone (the document is normalized and segmented beforehand), in MB/s, on
// generated French news text with the built-in knowledge base, one thread.
#include <benchmark/benchmark.h>

#include <deque>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "frnews/entities.hpp"

namespace {

// Articles of about `size` bytes, made into documents once. The texts stay alive as long as the
// documents that refer to them.
std::vector<frnews::Document> documents(std::size_t size, std::size_t count) {
  static std::deque<std::string> texts;
  const std::string& text = texts.emplace_back(frnews::bench::news_text(size * count));
  std::vector<frnews::Document> docs;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find("\n\n", std::min(text.size(), at + size));
    end = end == std::string::npos ? text.size() : end + 2;
    auto doc = frnews::make_document(std::string_view(text).substr(at, end - at));
    if (doc) docs.push_back(std::move(*doc));
    at = end;
  }
  return docs;
}

void link_documents(benchmark::State& state, const std::vector<frnews::Document>& docs) {
  const frnews::EntityLinker linker;
  std::size_t bytes = 0;
  std::size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      const frnews::Entities entities = linker.link(doc);
      mentions += entities.mentions.size();
      benchmark::DoNotOptimize(entities);
      bytes += doc.text().size();
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.counters["mentions/s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
}

// Dispatches of about 3 KB.
void BM_LinkArticles(benchmark::State& state) {
  static const auto docs = documents(3000, 64);
  link_documents(state, docs);
}
BENCHMARK(BM_LinkArticles);

// One long text of 1 MB: the time stays linear in its size.
void BM_LinkLongText(benchmark::State& state) {
  static const auto docs = documents(1 << 20, 1);
  link_documents(state, docs);
}
BENCHMARK(BM_LinkLongText);

}  // namespace
