// The lower-case form of a word that the French word lists are written in: Latin letters with
// their accents and Œ lowered, the typographic apostrophes as "'"; other bytes unchanged.
#pragma once

#include <string>
#include <string_view>

namespace frnews::detail {

inline void append_lower_case(std::string& out, std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < word.size()) {
      auto next = static_cast<unsigned char>(word[i + 1]);
      // À..Þ but × are the upper-case letters of Latin-1; lower case is 0x20 above.
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(next);
      ++i;
    } else if (c == 0xC5 && i + 1 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x92) {
      out += "\xC5\x93";  // Œ -> œ
      ++i;
    } else if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(word[i + 2]) == 0x99 || static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      out += '\'';  // ’ and ‘ used as apostrophes
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace frnews::detail
