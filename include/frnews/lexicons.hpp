#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "frnews/export.hpp"

namespace frnews {

// The French word lists frnews reads (data/lexicon/*.tsv): reporting verbs, the words around
// quotations, first names, honorifics, roles, demonyms, entity cues, elisions... as one immutable
// set. Copies share the same tables, so a set passes by value for free; any number of threads
// read it. Give one to Analyzer, EntityLinker, QuoteExtractor, make_document() or normalize()
// (see docs/lexicons.md).
class FRNEWS_API Lexicons {
 public:
  // The set compiled into the library, built on first use.
  Lexicons();
  [[nodiscard]] static const Lexicons& builtin();

  // The built-in set with the files of `directory` over it. A file named like a built-in one
  // ("reporting_verbs.tsv", "honorifics.tsv") adds its lines to that file; one whose first line
  // is "# replace" takes its place. Files whose name starts with "." are skipped. Throws
  // frnews::Exception naming the file, and the line when there is one, on an unknown file name,
  // an unreadable file or a malformed line.
  [[nodiscard]] static Lexicons load(const std::filesystem::path& directory);

  // The names of the lexicon files, sorted: what load() accepts in a directory.
  [[nodiscard]] static std::vector<std::string_view> file_names();

  // The tables, for the library's parts (src/core/lexicons.hpp); opaque to users.
  class Impl;
  [[nodiscard]] const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit Lexicons(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}

  std::shared_ptr<const Impl> impl_;
};

}  // namespace frnews
