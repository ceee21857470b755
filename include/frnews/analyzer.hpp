#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/error.hpp"
#include "frnews/export.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/normalize.hpp"
#include "frnews/quotes.hpp"
#include "frnews/span.hpp"

namespace frnews {

struct AnalyzerOptions {
  NormalizeOptions normalize;
  LinkerOptions linker;
  Lexicons lexicons;  // the built-in set by default; Lexicons::load() for yours
};

// Everything frnews found in one text. Every span points into the caller's original text:
// index `original` (or the text you passed) with it, never `normalized`, whose offsets differ
// wherever normalization rewrote something. canonical() gives the canonical text of a span.
struct Analysis {
  std::string original;            // a copy of the analysed text, so the result stands alone
  std::string normalized;          // the canonical text the analysis worked on
  std::vector<Repair> repairs;     // what normalization changed, in the original text
  OffsetMap map;                   // canonical offsets -> original offsets
  std::vector<Span> sentences;     // in the original text
  std::vector<Quote> quotes;
  Entities entities;

  // A reported span (original text) as the span of `normalized` it came from.
  [[nodiscard]] Span to_canonical(Span original_span) const noexcept { return map.to_canonical(original_span); }
  // The canonical text of a reported span: canonical(quote.content) is the quote with its
  // mojibake, entities and spaces repaired.
  [[nodiscard]] std::string_view canonical(Span original_span) const noexcept {
    return to_canonical(original_span).of(normalized);
  }
};

// Raw text in, quotes and entities out. Built once, then analyze() from any number of threads.
//
// An analyzer given a knowledge base by reference reads it where it is: the built-in one, or one
// of yours that several analyzers share; it must outlive the analyzer. Given one by value (a
// temporary, or std::move), the analyzer keeps it, so the obvious line is also a safe one:
//   const frnews::Analyzer analyzer(frnews::KnowledgeBase::load("kb.frnews"));
// Owning rather than refusing a temporary is the choice because loading a knowledge base for one
// analyzer is the common case, and a knowledge base moves without copying its entities.
class FRNEWS_API Analyzer {
 public:
  explicit Analyzer(const KnowledgeBase& kb = KnowledgeBase::builtin(), AnalyzerOptions options = {});
  explicit Analyzer(KnowledgeBase&& kb, AnalyzerOptions options = {});
  // A const temporary can be neither kept nor moved from.
  Analyzer(const KnowledgeBase&& kb, AnalyzerOptions options = {}) = delete;

  [[nodiscard]] Result<Analysis> analyze(std::string_view text) const;

 private:
  // Set when the analyzer owns its knowledge base; on the heap, so linker_ may point to it and
  // the analyzer still move.
  std::unique_ptr<const KnowledgeBase> owned_kb_;
  AnalyzerOptions options_;
  EntityLinker linker_;
  QuoteExtractor quotes_;
};

}  // namespace frnews
