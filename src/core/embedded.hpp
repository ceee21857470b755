// Data files compiled into the library (see cmake/FrnewsEmbed.cmake).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace frnews::detail {

struct EmbeddedFile {
  std::string_view name;  // "kb/countries.tsv"
  std::string_view bytes;
};

extern const EmbeddedFile embedded_files[];  // ends with an entry whose name is empty
extern const std::size_t embedded_file_count;

// The bytes of one embedded file, by name ("lexicon/verbs.tsv").
[[nodiscard]] std::optional<std::string_view> embedded_file(std::string_view name) noexcept;

// Calls f(name, bytes) for each embedded file whose name starts with prefix ("kb/"), in name order.
template <class F>
void for_each_embedded_file(std::string_view prefix, F&& f) {
  for (std::size_t i = 0; i < embedded_file_count; ++i) {
    if (embedded_files[i].name.starts_with(prefix)) f(embedded_files[i].name, embedded_files[i].bytes);
  }
}

}  // namespace frnews::detail
