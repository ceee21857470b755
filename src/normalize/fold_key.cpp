// fold_key(): the key under which names are looked up. Table-driven for ASCII, Latin-1
// Supplement and Latin Extended-A (every letter French writes, and the names of its neighbours),
// plus the Latin letters of Romanian, Vietnamese and Pinyin names; a few explicit cases for
// apostrophes, hyphens, spaces and combining accents; Greek and Cyrillic capitals lowered; other
// characters copied unchanged.
#include <algorithm>
#include <array>
#include <iterator>
#include <cstdint>
#include <string>

#include "frnews/normalize.hpp"

namespace frnews {
namespace {

// What a Latin code point folds to: up to two ASCII bytes, nothing, or itself.
struct Folding {
  enum Kind : std::uint8_t { keep, replace, drop, space };
  Kind kind = keep;
  std::uint8_t length = 0;
  std::array<char, 2> bytes{};
};

constexpr Folding to(const char* ascii) {
  Folding f{Folding::replace, 0, {}};
  while (ascii[f.length] != '\0') {
    f.bytes[f.length] = ascii[f.length];
    ++f.length;
  }
  return f;
}

// Latin Extended-A (U+0100..U+017F), by runs of the same base letter.
struct Run {
  char32_t first, last;
  const char* ascii;
};
constexpr Run latin_extended_a[] = {
    {0x100, 0x105, "a"},  {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"},  {0x124, 0x127, "h"}, {0x128, 0x131, "i"},  {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"},  {0x143, 0x148, "n"},
    {0x149, 0x149, "'n"}, {0x14A, 0x14B, "n"}, {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"},  {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},  {0x168, 0x173, "u"},
    {0x174, 0x175, "w"},  {0x176, 0x178, "y"}, {0x179, 0x17E, "z"},  {0x17F, 0x17F, "s"},
    // from Latin Extended-B: Vietnamese horned o and u, Pinyin tones, Romanian comma below
    {0x1A0, 0x1A1, "o"},  {0x1AF, 0x1B0, "u"}, {0x1CD, 0x1CE, "a"},  {0x1CF, 0x1D0, "i"},
    {0x1D1, 0x1D2, "o"},  {0x1D3, 0x1DC, "u"}, {0x218, 0x219, "s"},  {0x21A, 0x21B, "t"},
};

// Vietnamese letters of Latin Extended Additional (U+1EA0..U+1EF9).
constexpr Run vietnamese[] = {
    {0x1EA0, 0x1EB7, "a"}, {0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"},
    {0x1ECC, 0x1EE3, "o"}, {0x1EE4, 0x1EF1, "u"}, {0x1EF2, 0x1EF9, "y"},
};
constexpr char32_t table_end = 0x250;  // the tables cover U+0080..U+024F

// Indexed by code point - 0x80, for U+0080..U+024F.
constexpr std::array<Folding, table_end - 0x80> make_table() {
  std::array<Folding, table_end - 0x80> table{};
  for (char32_t c = 0x80; c < 0xA0; ++c) table[c - 0x80].kind = Folding::drop;  // C1 controls
  table[0xA0 - 0x80].kind = Folding::space;                                     // no-break space
  table[0xAD - 0x80].kind = Folding::drop;                                      // soft hyphen
  table[0xB4 - 0x80] = to("'");                                                 // acute accent ´
  // U+00C0..U+00FF: capitals then small letters, the same base letters in the same order.
  constexpr const char* latin1_letters[32] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "",  "ss"};
  for (char32_t i = 0; i < 32; ++i) {
    const char* ascii = latin1_letters[i];
    if (ascii[0] == '\0') continue;  // × ÷ þ stay (Þ is lowered below)
    table[0xC0 + i - 0x80] = to(ascii);
    table[0xE0 + i - 0x80] = to(ascii);
  }
  table[0xFF - 0x80] = to("y");
  for (const Run& run : latin_extended_a) {
    for (char32_t c = run.first; c <= run.last; ++c) table[c - 0x80] = to(run.ascii);
  }
  return table;
}
constexpr std::array<Folding, table_end - 0x80> latin_table = make_table();

constexpr std::array<char, 128> make_ascii_table() {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  for (char c : {'\t', '\n', '\v', '\f', '\r'}) table[static_cast<std::size_t>(c)] = ' ';
  table[static_cast<std::size_t>('`')] = '\'';
  return table;
}
constexpr std::array<char, 128> ascii_table = make_ascii_table();

bool is_word_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z');
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Appends a space unless the key is empty or already ends with one: runs collapse, edges trim.
// A space, unless the key so far (from `start`) is empty or already ends with one.
void append_space(std::string& out, std::size_t start) {
  if (out.size() > start && out.back() != ' ') out += ' ';
}

}  // namespace

std::string fold_key(std::string_view text) {
  std::string out;
  append_fold_key(out, text);
  return out;
}

void append_fold_key(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  out.reserve(start + text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      const char c = ascii_table[b0];
      if (c == ' ') {
        append_space(out, start);
      } else {
        out += c;
      }
      ++i;
      continue;
    }
    const auto byte = [&](std::size_t k) { return i + k < n ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const bool continuation1 = (byte(1) & 0xC0) == 0x80;
    if (b0 >= 0xC2 && b0 < 0xE0 && continuation1) {
      const char32_t c = (char32_t{b0} & 0x1F) << 6 | (byte(1) & 0x3F);
      if (c < table_end) {
        const Folding& f = latin_table[c - 0x80];
        switch (f.kind) {
          case Folding::replace: out.append(f.bytes.data(), f.length); break;
          case Folding::drop: break;
          case Folding::space: append_space(out, start); break;
          case Folding::keep: append_utf8(out, c == 0xDE ? char32_t{0xFE} : c); break;
        }
      } else if (c >= 0x300 && c < 0x370) {
        // combining accents of decomposed text: dropped like the precomposed ones
      } else if (c == 0x2BC) {
        out += '\'';
      } else if ((c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) {
        append_utf8(out, c + 0x20);  // Greek and Cyrillic capitals
      } else if (c >= 0x400 && c <= 0x40F) {
        append_utf8(out, c + 0x50);
      } else {
        out.append(text.substr(i, 2));
      }
      i += 2;
      continue;
    }
    if (b0 == 0xE2 && continuation1 && (byte(2) & 0xC0) == 0x80) {
      const char32_t c = (char32_t{b0} & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
      const bool next_is_word = i + 3 < n && (is_word_byte(text[i + 3]) || (text[i + 3] >= 'A' && text[i + 3] <= 'Z'));
      if (c == 0x2018 || c == 0x2019 || c == 0x2032) {
        out += '\'';
      } else if (c == 0x2010 || c == 0x2011) {
        out += '-';
      } else if (c == 0x2013 && !out.empty() && is_word_byte(out.back()) && next_is_word) {
        out += '-';  // an en dash joining two words ("Paris–Berlin")
      } else if ((c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F) {
        append_space(out, start);
      } else if ((c >= 0x200B && c <= 0x200D) || c == 0x2060) {
        // zero-width characters
      } else {
        out.append(text.substr(i, 3));
      }
      i += 3;
      continue;
    }
    if (b0 == 0xE1 && (byte(1) == 0xBA || byte(1) == 0xBB) && (byte(2) & 0xC0) == 0x80) {
      const char32_t c = 0x1000 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
      const Run* run = std::find_if(std::begin(vietnamese), std::end(vietnamese),
                                    [c](const Run& r) { return c >= r.first && c <= r.last; });
      if (run != std::end(vietnamese)) {
        out += run->ascii;
      } else if (c == 0x1E9E) {  // capital sharp s
        out += "ss";
      } else {
        out.append(text.substr(i, 3));
      }
      i += 3;
      continue;
    }
    if (b0 == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {  // byte order mark / zero-width no-break space
      i += 3;
      continue;
    }
    if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) {  // ideographic space
      append_space(out, start);
      i += 3;
      continue;
    }
    // Any other sequence (or a stray byte) is copied as it is, one byte at a time.
    out += text[i];
    ++i;
  }
  if (out.size() > start && out.back() == ' ') out.pop_back();
}

}  // namespace frnews
