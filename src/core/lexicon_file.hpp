// Reading the lexicon files of data/lexicon/ strictly: a line that does not parse is an error
// that names the file and the line, never a line silently skipped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.hpp"
#include "core/tsv.hpp"
#include "frnews/error.hpp"

namespace frnews::detail {

// Calls check(fields) for each record of `text`, the lexicon file `name`, and returns how many
// records it read. A record needs `min_fields` to `max_fields` fields, none of the required
// ones empty; check() returns what is wrong with a record, or an empty view. Throws
// frnews::Exception("name:line: problem") on the first malformed line.
template <class Check>
std::size_t read_lexicon(std::string_view name, std::string_view text, std::size_t min_fields,
                         std::size_t max_fields, Check&& check) {
  std::size_t records = 0;
  for_each_tsv_record(text, [&](const std::vector<std::string_view>& fields, std::size_t line) {
    std::string problem;
    if (fields.size() < min_fields || fields.size() > max_fields) {
      problem = "expected " + std::to_string(min_fields) + " to " + std::to_string(max_fields) + " tab-separated fields, found " +
                std::to_string(fields.size());
    } else if (fields[0].empty() || (min_fields > 1 && fields[1].empty())) {
      problem = "empty field";
    } else {
      problem = check(fields);
    }
    if (!problem.empty()) throw Exception(std::string(name) + ':' + std::to_string(line) + ": " + problem);
    ++records;
  });
  return records;
}

// The bytes of a lexicon file compiled into the library; a missing one is an error, never an
// empty lexicon.
inline std::string_view embedded_lexicon(std::string_view name) {
  const auto file = embedded_file(name);
  if (!file) throw Exception("missing lexicon " + std::string(name));
  return *file;
}

}  // namespace frnews::detail
