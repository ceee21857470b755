#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/error.hpp"
#include "frnews/export.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/normalize.hpp"
#include "frnews/quotes.hpp"
#include "frnews/span.hpp"

namespace frnews {

struct AnalyzerOptions {
  NormalizeOptions normalize;
  LinkerOptions linker;
};

// Everything frnews found in one text. Every span points into the caller's original text.
struct Analysis {
  std::string original;            // a copy of the analysed text, so the result stands alone
  std::string normalized;          // the canonical text the analysis worked on
  std::vector<Repair> repairs;     // what normalization changed, in the original text
  std::vector<Span> sentences;     // in the original text
  std::vector<Quote> quotes;
  Entities entities;
};

// Raw text in, quotes and entities out. Built once, then analyze() from any number of threads.
class FRNEWS_API Analyzer {
 public:
  explicit Analyzer(const KnowledgeBase& kb = KnowledgeBase::builtin(), AnalyzerOptions options = {});

  [[nodiscard]] Result<Analysis> analyze(std::string_view text) const;

 private:
  AnalyzerOptions options_;
  EntityLinker linker_;
  QuoteExtractor quotes_;
};

}  // namespace frnews
