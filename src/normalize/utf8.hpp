// UTF-8 decoding and encoding for normalization.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace frnews::detail {

struct Decoded {
  char32_t code_point;  // U+FFFD when ill-formed
  std::uint32_t length; // bytes read: the maximal subpart when ill-formed
  bool valid;
};

[[nodiscard]] constexpr bool is_continuation(unsigned char byte) noexcept { return (byte & 0xC0U) == 0x80U; }

// Decodes the character at text[at], replacing an ill-formed sequence by its maximal subpart
// (Unicode 3.9, table 3-7; the rule WHATWG encoders follow).
[[nodiscard]] inline Decoded decode_utf8(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80U) return {lead, 1, true};
  const std::size_t available = text.size() - at;
  std::uint32_t needed = 0;
  unsigned char low = 0x80U;
  unsigned char high = 0xBFU;
  char32_t value = 0;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    needed = 1;
    value = lead & 0x1FU;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    needed = 2;
    value = lead & 0x0FU;
    if (lead == 0xE0U) low = 0xA0U;
    if (lead == 0xEDU) high = 0x9FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    needed = 3;
    value = lead & 0x07U;
    if (lead == 0xF0U) low = 0x90U;
    if (lead == 0xF4U) high = 0x8FU;
  } else {
    return {0xFFFD, 1, false};
  }
  for (std::uint32_t k = 1; k <= needed; ++k) {
    if (k >= available) return {0xFFFD, k, false};
    const unsigned char next = byte(at + k);
    if (k == 1 ? (next < low || next > high) : !is_continuation(next)) return {0xFFFD, k, false};
    value = (value << 6) | (next & 0x3FU);
  }
  return {value, needed + 1, true};
}

// The code point that ends just before `end` in valid UTF-8, and where it starts.
[[nodiscard]] inline std::size_t previous_boundary(std::string_view text, std::size_t end) noexcept {
  std::size_t begin = end;
  while (begin > 0) {
    --begin;
    if (!is_continuation(static_cast<unsigned char>(text[begin]))) break;
  }
  return begin;
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12));
    out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18));
    out += static_cast<char>(0x80U | ((cp >> 12) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
}

}  // namespace frnews::detail
