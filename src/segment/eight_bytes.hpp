// Eight bytes of text read, or written, at once: the token layer's loops over short ASCII words.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

namespace frnews::detail {

// The eight bytes at `p`, the first in the lowest byte.
[[nodiscard]] inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, p, sizeof chunk);
  if constexpr (std::endian::native == std::endian::big) chunk = __builtin_bswap64(chunk);
  return chunk;
}

// Writes a load8() chunk back to `p`.
inline void store8(char* p, std::uint64_t chunk) noexcept {
  if constexpr (std::endian::native == std::endian::big) chunk = __builtin_bswap64(chunk);
  std::memcpy(p, &chunk, sizeof chunk);
}

// A mask of the first `size` bytes (up to 8) of a load8() chunk.
[[nodiscard]] constexpr std::uint64_t first_bytes(std::size_t size) noexcept {
  return size >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
}

// The high bit of each byte of a load8() chunk that is not an ASCII letter, up to the first one
// at least: a byte from 0x80 up may carry into the bytes after it, never into those before.
[[nodiscard]] constexpr std::uint64_t non_letters(std::uint64_t chunk) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  const std::uint64_t folded = chunk | (ones * 0x20);  // 'A'..'Z' as 'a'..'z'
  const std::uint64_t letters = (folded + ones * (0x80 - 'a')) & ~(folded + ones * (0x80 - 'z' - 1)) & ~chunk;
  return ~letters & highs;
}

}  // namespace frnews::detail
