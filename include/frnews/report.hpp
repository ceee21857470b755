#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "frnews/analyzer.hpp"
#include "frnews/export.hpp"

namespace frnews {

struct ReportOptions {
  std::string_view title = {};       // the document's name, as the page's title ("Article" when empty)
  std::string_view index_href = {};  // a relative link back to an index page, none when empty
};

// One self-contained HTML page in French (docs/report.md): the original text with its quotes
// (one colour per speaker), speakers, cues and entity mentions marked, the repairs of
// normalization on demand, and panels of speakers and entities. Everything from the analysis is
// escaped; links are built only from valid Wikidata ids and percent-encoded Wikipedia titles.
[[nodiscard]] FRNEWS_API std::string to_html(const Analysis& analysis, const ReportOptions& options = {});

// What an index page says about one document.
struct ReportCounts {
  std::size_t quotes = 0;
  std::size_t speakers = 0;   // distinct speakers of the quotes
  std::size_t mentions = 0;   // entity mentions
  std::size_t repairs = 0;
};

[[nodiscard]] FRNEWS_API ReportCounts report_counts(const Analysis& analysis);

struct ReportIndexEntry {
  std::string title;
  std::string href;   // the document's page, relative to the index (no scheme); empty: no page
  std::string error;  // why the document has no page, when it has none
  ReportCounts counts;
};

// An index page linking the pages of several documents, with their counts.
[[nodiscard]] FRNEWS_API std::string to_html_index(std::span<const ReportIndexEntry> entries,
                                                   std::string_view title = {});

}  // namespace frnews
