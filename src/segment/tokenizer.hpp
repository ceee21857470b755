// Splits canonical text into tokens (words, elisions, clitics, numbers, punctuation, ...).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "frnews/segment.hpp"
#include "segment/lexicon.hpp"

namespace frnews::detail {

// What separates a token from the one before it.
enum class Gap : std::uint8_t {
  none,   // adjacent: "l’" then "État"
  space,  // spaces, tabs, no-break spaces
  line,   // at least one line break: a new paragraph starts here
};

struct TokenList {
  std::vector<Token> tokens;
  std::vector<Gap> gaps;  // gaps[i] precedes tokens[i]; the first token's gap is line
};

// Tokenizes `text` in one linear pass. Safe on any bytes: an ill-formed byte becomes a symbol
// token of its own. Only the first 4 GiB - 1 bytes are read (offsets are 32-bit).
[[nodiscard]] TokenList tokenize(std::string_view text, const SegmentationLexicon& lexicon);

}  // namespace frnews::detail
