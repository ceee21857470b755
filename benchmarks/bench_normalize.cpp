// Normalization throughput on clean, mojibake and HTML French news text, against three
// baselines: ICU's own NFC on the whole text (UTF-8 in and out, the bar to meet), Boost.Locale
// NFC (what a pipeline would otherwise call) and a memchr scan (the floor: reading the bytes
// once).
#include <benchmark/benchmark.h>

#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>
#include <cstring>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include "corpus.hpp"
#include "frnews/normalize.hpp"
#include "normalize/normalizer.hpp"

namespace {

constexpr std::size_t corpus_bytes = 1 << 20;

using Corpus = std::string (*)(std::size_t);

void BM_normalize(benchmark::State& state, Corpus corpus) {
  const std::string text = corpus(corpus_bytes);
  for (auto _ : state) {
    auto normalized = frnews::normalize(text);
    benchmark::DoNotOptimize(normalized);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK_CAPTURE(BM_normalize, clean, &frnews::bench::news_text);
BENCHMARK_CAPTURE(BM_normalize, mojibake, &frnews::bench::mojibake_text);
BENCHMARK_CAPTURE(BM_normalize, html, &frnews::bench::html_text);

// The clean text with the fast scan sixteen bytes at a time (SSE2), as on a processor without
// AVX2; BM_normalize/clean takes the widest there is.
void BM_normalize_narrow_scan(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  for (auto _ : state) {
    auto normalized = frnews::detail::normalize_with(text, {}, frnews::detail::ScanWidth::narrow);
    benchmark::DoNotOptimize(normalized);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_normalize_narrow_scan);

std::locale icu_locale() {
  boost::locale::localization_backend_manager manager = boost::locale::localization_backend_manager::global();
  manager.select("icu");
  return boost::locale::generator(manager)("en_US.UTF-8");
}

// The clean text decomposed (NFD), as some systems write it: every accent a combining mark.
void BM_normalize_decomposed(benchmark::State& state) {
  const std::string text =
      boost::locale::normalize(frnews::bench::news_text(corpus_bytes), boost::locale::norm_nfd, icu_locale());
  for (auto _ : state) {
    auto normalized = frnews::normalize(text);
    benchmark::DoNotOptimize(normalized);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_normalize_decomposed);

// ICU's fastest path for NFC of UTF-8: Normalizer2::normalizeUTF8 writes UTF-8 straight into a
// string, without conversion to UTF-16.
void BM_icu_nfc_whole_text(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  for (auto _ : state) {
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed, static_cast<int32_t>(text.size()));
    nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
    benchmark::DoNotOptimize(composed);
  }
  if (U_FAILURE(status)) state.SkipWithError(u_errorName(status));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_icu_nfc_whole_text);

void BM_boost_locale_nfc_clean(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  const std::locale locale = icu_locale();
  for (auto _ : state) {
    auto composed = boost::locale::normalize(text, boost::locale::norm_nfc, locale);
    benchmark::DoNotOptimize(composed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_boost_locale_nfc_clean);

// Counts one rare byte: a lower bound for any pass over the text.
void BM_memchr_scan_clean(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(corpus_bytes);
  for (auto _ : state) {
    std::size_t count = 0;
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    while ((at = static_cast<const char*>(std::memchr(at, '\r', static_cast<std::size_t>(end - at)))) != nullptr) {
      ++count;
      ++at;
    }
    benchmark::DoNotOptimize(count);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_memchr_scan_clean);

}  // namespace
