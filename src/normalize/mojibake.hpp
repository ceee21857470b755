// Mojibake: UTF-8 read as Windows-1252 ("Ã©" for "é", "â€™" for "’"), found at the end of the
// canonical text as it is written, and the isolated "Ã" that stands for "à".
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "normalize/characters.hpp"
#include "normalize/lexicon.hpp"

namespace frnews::detail {

// True when `next` written after `previous` would read as a two-byte UTF-8 sequence seen
// through Windows-1252 ("Ã" then a no-break space reads as "à"): such a pair is never written.
inline bool reads_as_mojibake(char32_t previous, char32_t next) noexcept {
  const int image = detail::continuation_image(next);
  if (detail::lead_image_continuations(previous) != 1 || image < 0) return false;
  const char32_t decoded = ((previous & 0x1FU) << 6) | (static_cast<char32_t>(image) & 0x3FU);
  return detail::plausible_unmangled(decoded);
}

// A UTF-8 sequence read as Windows-1252 that a character completes at the end of a text.
struct MojibakeSequence {
  std::size_t start;      // where its lead image starts in the text
  char32_t code_point;    // the character it stood for
};

// The sequence that `next` completes when written after `text` ("Ã" then "©", "â€" then "™"),
// if any. A rule that writes characters of its own (an ellipsis) checks it so that the next
// pass never takes them for mojibake.
[[nodiscard]] std::optional<MojibakeSequence> mojibake_completed_by(std::string_view text, char32_t next) noexcept;

// True when the "Ã" at `at` in canonical text `text` is the "à" of UTF-8 read as Windows-1252:
// it stands alone (at the start of a line or after a space), spaces and a word follow, and either
// the text is `garbled` or the word after it is French or capitalised ("Ã la fin", "Ã Paris")
// with a French word among the four words on either side. "la lettre Ã seule" stays.
[[nodiscard]] bool isolated_a_grave(std::string_view text, std::size_t at, bool garbled, const NormalizationLexicon& lexicon);

}  // namespace frnews::detail
