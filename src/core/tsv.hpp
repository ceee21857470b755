// Reading the TSV files of data/ (lexicons, knowledge base): one record a line, fields separated
// by tabs, lines starting with '#' and blank lines skipped.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace frnews::detail {

// Calls f(fields, line_number) for each record; `fields` views into `text`. Up to `max_fields`
// fields are split, the last one keeping any further tabs.
template <class F>
void for_each_tsv_record(std::string_view text, F&& f, std::size_t max_fields = 16) {
  std::vector<std::string_view> fields;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fields.clear();
    while (fields.size() + 1 < max_fields) {
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) break;
      fields.push_back(line.substr(0, tab));
      line.remove_prefix(tab + 1);
    }
    fields.push_back(line);
    f(static_cast<const std::vector<std::string_view>&>(fields), line_number);
  }
}

}  // namespace frnews::detail
