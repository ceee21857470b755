#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace frnews {

// A range of UTF-8 bytes, end exclusive. Spans that leave the library (in an Analysis, a Quote,
// an EntityMention) always point into the caller's original text; spans inside a Document's
// tokens and sentences point into its canonical text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] constexpr std::uint32_t size() const noexcept { return end - begin; }
  [[nodiscard]] constexpr bool empty() const noexcept { return begin == end; }
  [[nodiscard]] constexpr bool contains(Span other) const noexcept {
    return begin <= other.begin && other.end <= end;
  }
  // The bytes of `text` it covers, clamped to the text: a span past the end gives what lies
  // inside, an empty view when it starts at or after the end (or ends before it starts).
  [[nodiscard]] constexpr std::string_view of(std::string_view text) const noexcept {
    if (begin >= text.size() || end <= begin) return {};
    return {text.data() + begin, std::min<std::size_t>(end, text.size()) - begin};
  }
  friend constexpr bool operator==(Span, Span) noexcept = default;
};

}  // namespace frnews
