// Letters and signs the entity linker's rules read (its words, grammatical ones included, are
// those of data/lexicon/: see entities/lexicon.hpp).
#pragma once

#include <algorithm>
#include <string_view>

#include "segment/characters.hpp"

namespace frnews::detail::linking {

// One character: "A" of "A. Piguet", a list mark.
inline bool is_one_character(std::string_view word) noexcept { return !word.empty() && decode(word, 0).size == word.size(); }

inline bool has_digit(std::string_view word) noexcept {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The preposition "à" as written: its folded key is "a", the verb's.
inline bool is_written_a(std::string_view written) noexcept { return written == "\u00E0" || written == "\u00C0"; }

// "(PCC)", "(PCC, parti unique)": what may follow an acronym given in parentheses.
inline bool closes_acronym(std::string_view text) noexcept { return text == ")" || text == "," || text == ";"; }

// Whether `word` is one of the space-separated words of `text`.
inline bool has_word(std::string_view text, std::string_view word) noexcept {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace frnews::detail::linking
