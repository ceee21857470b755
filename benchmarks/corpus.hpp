// Realistic French news text for benchmarks, generated from sentences written for frnews.
#pragma once

#include <cstddef>
#include <string>

namespace frnews::bench {

// Clean French news text of about `bytes` bytes (paragraphs of quotes, names, numbers).
[[nodiscard]] std::string news_text(std::size_t bytes);
// The same text as it arrives from a badly configured pipeline: UTF-8 read as Windows-1252.
[[nodiscard]] std::string mojibake_text(std::size_t bytes);
// The same text as HTML, with entities and markup.
[[nodiscard]] std::string html_text(std::size_t bytes);

}  // namespace frnews::bench
