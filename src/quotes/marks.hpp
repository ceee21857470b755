// Pairs quotation marks into quoted regions, in one pass over the words and without recursion.
#pragma once

#include <cstdint>
#include <vector>

#include "quotes/words.hpp"

namespace frnews::detail {

inline constexpr std::uint32_t no_word = 0xFFFFFFFFu;

struct QuotedRegion {
  std::uint32_t open;           // the opening mark (or the dialogue dash)
  std::uint32_t close;          // the closing mark, or no_word when the paragraph ended first
  std::uint32_t content_begin;  // words [content_begin, content_end) between the marks
  std::uint32_t content_end;
  bool dialogue = false;        // a line of dialogue opened by a dash: "— Oui, dit-il."
  bool multi_paragraph = false; // goes on over a paragraph break
};

// Rules: « » pair, “ ” (and „ “) pair, straight " toggles; marks of another family inside an open
// quotation nest in it and are part of its content. A quotation ends at the end of its paragraph
// unless the next paragraph opens with a mark of the same family (the French convention for a
// quotation over several paragraphs) or the first mark of its family in the next paragraph
// closes it (text laid out one sentence a line); a second « while one is open starts a new
// quotation.
// Paragraphs opened by a dash, outside any quotation, are lines of dialogue.
[[nodiscard]] std::vector<QuotedRegion> pair_quotation_marks(const QuoteWords& words);

}  // namespace frnews::detail
