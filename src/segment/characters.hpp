// Character classes for the segmenter: a table for ASCII, a few ranges for the rest of Unicode.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace frnews::detail {

// 32 bits wide, not 8: the tokenizer's characters (code, size, class) then have no padding, which
// GCC copied through the stack, a byte stored and four loaded back, a stall at each word's end.
enum class CharClass : std::uint32_t {
  space,       // spaces, no-break spaces, controls, zero-width spaces
  newline,     // \n \r U+0085 U+2028 U+2029: paragraph breaks
  letter,      // letters of any script
  digit,       // 0-9
  extend,      // combining marks, joiners, variation selectors: continue what precedes
  apostrophe,  // ' ’ ‘ ʼ: an apostrophe between letters, else a quotation mark
  quote,       // « » “ ” „ ‹ › ‟ ‚ ‛ "
  hyphen,      // - U+2010 U+2011
  dash,        // ‒ – — ―
  joiner,      // · inside words: "salarié·e·s"
  period,      // .
  ellipsis,    // …
  terminator,  // ! ?
  at,          // @
  hash,        // #
  punctuation,
  symbol,
};

struct Decoded {
  char32_t code;
  std::uint32_t size;  // bytes; 1 for an ill-formed byte, decoded as U+FFFD
};

// Decodes the character at `at` (< text.size()); an ill-formed byte decodes alone as U+FFFD so
// that scanning always advances and never splits a well-formed sequence.
[[nodiscard]] inline Decoded decode(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char b0 = byte(at);
  if (b0 < 0x80) return {b0, 1};
  const std::size_t left = text.size() - at;
  const auto continuation = [&](std::size_t i) { return (byte(at + i) & 0xC0U) == 0x80U; };
  if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && continuation(1)) {
    return {static_cast<char32_t>(((b0 & 0x1FU) << 6) | (byte(at + 1) & 0x3FU)), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3 && continuation(1) && continuation(2)) {
    const unsigned char b1 = byte(at + 1);
    if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F)) return {0xFFFD, 1};
    return {static_cast<char32_t>(((b0 & 0x0FU) << 12) | ((b1 & 0x3FU) << 6) | (byte(at + 2) & 0x3FU)), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4 && continuation(1) && continuation(2) && continuation(3)) {
    const unsigned char b1 = byte(at + 1);
    if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) return {0xFFFD, 1};
    return {static_cast<char32_t>(((b0 & 0x07U) << 18) | ((b1 & 0x3FU) << 12) | ((byte(at + 2) & 0x3FU) << 6) |
                                  (byte(at + 3) & 0x3FU)),
            4};
  }
  return {0xFFFD, 1};
}

namespace chars {

constexpr std::array<CharClass, 128> ascii_classes = [] {
  std::array<CharClass, 128> table{};
  for (auto& c : table) c = CharClass::space;  // C0 controls, tab, DEL
  for (char c = '!'; c <= '~'; ++c) table[static_cast<std::size_t>(c)] = CharClass::symbol;
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = CharClass::letter;
  for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = CharClass::letter;
  for (char c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = CharClass::digit;
  for (const char c : std::string_view(",;:()[]{}/_")) table[static_cast<std::size_t>(c)] = CharClass::punctuation;
  table['\n'] = CharClass::newline;
  table['\r'] = CharClass::newline;
  table['\''] = CharClass::apostrophe;
  table['"'] = CharClass::quote;
  table['-'] = CharClass::hyphen;
  table['.'] = CharClass::period;
  table['!'] = CharClass::terminator;
  table['?'] = CharClass::terminator;
  table['@'] = CharClass::at;
  table['#'] = CharClass::hash;
  return table;
}();

}  // namespace chars

[[nodiscard]] constexpr CharClass classify_latin1(char32_t c) noexcept {
  switch (c) {
    case 0x85: return CharClass::newline;  // NEL
    case 0xA0: return CharClass::space;
    case 0xA1: case 0xBF: return CharClass::punctuation;
    case 0xAA: case 0xB2: case 0xB3: case 0xB5: case 0xB9: case 0xBA: return CharClass::letter;
    case 0xAB: case 0xBB: return CharClass::quote;
    case 0xAD: return CharClass::extend;  // soft hyphen
    case 0xB7: return CharClass::joiner;
    case 0xD7: case 0xF7: return CharClass::symbol;
    default: break;
  }
  if (c < 0xA0) return CharClass::space;  // C1 controls
  return c >= 0xC0 ? CharClass::letter : CharClass::symbol;
}

[[nodiscard]] constexpr CharClass classify_general_punctuation(char32_t c) noexcept {
  if (c <= 0x200B) return CharClass::space;
  if (c <= 0x200F) return CharClass::extend;
  if (c <= 0x2011) return CharClass::hyphen;
  if (c <= 0x2015) return CharClass::dash;
  switch (c) {
    case 0x2018: case 0x2019: return CharClass::apostrophe;
    case 0x201A: case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
      return CharClass::quote;
    case 0x2026: return CharClass::ellipsis;
    case 0x2028: case 0x2029: return CharClass::newline;
    case 0x202F: case 0x205F: return CharClass::space;
    default: break;
  }
  if (c >= 0x202A && c <= 0x202E) return CharClass::extend;
  if (c >= 0x2060) return CharClass::extend;
  return CharClass::punctuation;
}

// The class of any code point; ASCII goes through the table.
[[nodiscard]] constexpr CharClass classify(char32_t c) noexcept {
  if (c < 0x80) return chars::ascii_classes[c];
  if (c < 0x100) return classify_latin1(c);
  if (c == 0x2BC) return CharClass::apostrophe;
  if (c < 0x300) return CharClass::letter;
  if (c < 0x370) return CharClass::extend;
  if (c == 0x1680) return CharClass::space;
  if ((c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF)) return CharClass::extend;
  if (c < 0x2000) return CharClass::letter;
  if (c < 0x2070) return classify_general_punctuation(c);
  if (c < 0x20A0) return CharClass::letter;  // superscripts and subscripts
  if (c < 0x20D0) return CharClass::symbol;  // currencies
  if (c < 0x2100) return CharClass::extend;
  if (c < 0x2C00) return CharClass::symbol;
  if (c < 0x2E00) return CharClass::letter;
  if (c < 0x2E80) return CharClass::punctuation;
  if (c == 0x3000) return CharClass::space;
  if (c >= 0x3001 && c <= 0x303F) return CharClass::punctuation;
  if (c < 0xD800) return CharClass::letter;
  if (c < 0xF900) return CharClass::symbol;  // surrogates (never decoded) and private use
  if (c < 0xFE00) return CharClass::letter;
  if (c < 0xFE10) return CharClass::extend;
  if (c < 0xFE20) return CharClass::punctuation;
  if (c < 0xFE30) return CharClass::extend;
  if (c < 0xFE70) return CharClass::punctuation;
  if (c == 0xFEFF) return CharClass::space;
  if (c < 0xFF00) return CharClass::letter;
  if ((c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65)) {
    return CharClass::punctuation;
  }
  if (c < 0xFFF0) return CharClass::letter;
  if (c < 0x10000) return CharClass::symbol;
  if (c >= 0x1F3FB && c <= 0x1F3FF) return CharClass::extend;  // skin tones
  if (c >= 0x1F000 && c < 0x20000) return CharClass::symbol;
  if (c < 0xE0000) return CharClass::letter;
  return CharClass::extend;  // tags and variation selectors supplement
}

// Case of a letter, for the scripts French news meets: Latin, Greek, Cyrillic, full-width Latin.
[[nodiscard]] constexpr bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7;
  if (c < 0x138) return c % 2 == 0;
  if (c < 0x149) return c % 2 == 1;
  if (c < 0x178) return c % 2 == 0;
  if (c < 0x17F) return c == 0x178 || c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return c >= 0xFF21 && c <= 0xFF3A;
}

[[nodiscard]] constexpr bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c < 0x100) return c >= 0xDF && c != 0xF7;
  if (c < 0x17F) return !is_upper(c) && c != 0x149;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return c >= 0xFF41 && c <= 0xFF5A;
}

}  // namespace frnews::detail
