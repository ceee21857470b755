// Reading the lexicon files of data/lexicon/ strictly: a line that does not parse is an error
// that names the file and the line, never a line silently skipped.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
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

// One piece of a lexicon file: the built-in text, or the lines a user's file adds to it.
struct LexiconPart {
  std::string name;  // for error messages: "cues.tsv", or the path of the user's file
  std::string_view text;
};

// The text of every lexicon file by name ("cues.tsv"), and how many records the lexicons read
// from each. Owns the text of the files it loaded; the views of the built-in ones point into
// the library. The lexicons built from it keep views into the text: it must outlive them.
class LexiconFiles {
 public:
  // Every lexicon file compiled into the library.
  [[nodiscard]] static LexiconFiles builtin();

  [[nodiscard]] bool has(std::string_view name) const noexcept { return files_.contains(name); }
  // Adds `text` to the file `name` (known: has(name)), or puts it in the place of what the file
  // held; `source` names it in error messages.
  void add(std::string_view name, std::string source, std::string text, bool replace);
  // The same with a text that outlives this object: no copy.
  void add_view(std::string_view name, std::string source, std::string_view text, bool replace);

  // Calls check(fields) for each record of the file `name`, part after part (see read_lexicon()).
  template <class Check>
  void read(std::string_view name, std::size_t min_fields, std::size_t max_fields, Check&& check) {
    auto& file = at(name);
    file.records = 0;
    for (const auto& part : file.parts) file.records += read_lexicon(part.name, part.text, min_fields, max_fields, check);
  }
  // How many lines the file `name` has, all its parts together: room to make before reading it.
  [[nodiscard]] std::size_t lines(std::string_view name) {
    std::size_t count = 0;
    for (const auto& part : at(name).parts) {
      count += static_cast<std::size_t>(std::count(part.text.begin(), part.text.end(), '\n'));
    }
    return count;
  }
  // How many records the lexicons read from the file `name`; 0 for a file not read.
  [[nodiscard]] std::size_t records(std::string_view name) const noexcept {
    const auto found = files_.find(name);
    return found == files_.end() ? 0 : found->second.records;
  }

 private:
  struct File {
    std::vector<LexiconPart> parts;
    std::size_t records = 0;
  };
  File& at(std::string_view name);

  std::map<std::string, File, std::less<>> files_;
  std::vector<std::unique_ptr<const std::string>> owned_;  // on the heap: the views stay valid
};

// The bytes of a lexicon file compiled into the library; a missing one is an error, never an
// empty lexicon.
inline std::string_view embedded_lexicon(std::string_view name) {
  const auto file = embedded_file(name);
  if (!file) throw Exception("missing lexicon " + std::string(name));
  return *file;
}

}  // namespace frnews::detail
