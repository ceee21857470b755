// Character classes used by normalization.
#pragma once

namespace frnews::detail {

// The byte 0x80-0xBF that `cp` shows when a UTF-8 continuation byte was read as Windows-1252
// or Latin-1, or -1.
[[nodiscard]] constexpr int continuation_image(char32_t cp) noexcept {
  if (cp >= 0x80 && cp <= 0xBF) return static_cast<int>(cp);
  switch (cp) {
    case 0x20AC: return 0x80;
    case 0x201A: return 0x82;
    case 0x0192: return 0x83;
    case 0x201E: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02C6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8A;
    case 0x2039: return 0x8B;
    case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02DC: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9A;
    case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;
    case 0x017E: return 0x9E;
    case 0x0178: return 0x9F;
    default: return -1;
  }
}

// How many continuation bytes follow when `cp` is the Latin-1 image of a UTF-8 lead byte
// ("Ã" is 0xC3, "â" is 0xE2), else 0.
[[nodiscard]] constexpr int lead_image_continuations(char32_t cp) noexcept {
  if (cp >= 0xC2 && cp <= 0xDF) return 1;
  if (cp >= 0xE0 && cp <= 0xEF) return 2;
  if (cp >= 0xF0 && cp <= 0xF4) return 3;
  return 0;
}

// Characters a French news text plausibly held before it was garbled: Latin letters and
// punctuation, Greek and Russian names, typographic signs, symbols, emoji.
[[nodiscard]] constexpr bool plausible_unmangled(char32_t cp) noexcept {
  return (cp >= 0xA0 && cp <= 0x17F) || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x370 && cp <= 0x3FF) ||
         (cp >= 0x400 && cp <= 0x45F) || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2100 && cp <= 0x215F) || (cp >= 0x2190 && cp <= 0x22FF) || (cp >= 0x25A0 && cp <= 0x27BF) ||
         (cp >= 0xFB00 && cp <= 0xFB06) || cp == 0xFEFF || cp == 0xFFFD || (cp >= 0x1F300 && cp <= 0x1FAFF);
}

[[nodiscard]] constexpr bool is_no_break_space(char32_t cp) noexcept {
  return cp == 0xA0 || cp == 0x202F || cp == 0x2007;
}

// Horizontal spaces (newlines are apart).
[[nodiscard]] constexpr bool is_space(char32_t cp) noexcept {
  return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

[[nodiscard]] constexpr bool is_newline(char32_t cp) noexcept {
  return cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// Controls and format characters that only hide in text: C0 and C1 controls but tab, newline
// and carriage return, soft hyphen, zero-width spaces and joiners, direction marks, BOM.
[[nodiscard]] constexpr bool is_invisible(char32_t cp) noexcept {
  return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F && cp != 0x85) ||
         cp == 0xAD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

// Combining marks of Latin, Greek and Cyrillic text, and of symbols.
[[nodiscard]] constexpr bool is_combining_mark(char32_t cp) noexcept {
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x483 && cp <= 0x489) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

[[nodiscard]] constexpr bool is_apostrophe_like(char32_t cp) noexcept {
  return cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2BC || cp == 0x2019;
}

[[nodiscard]] constexpr bool is_letter(char32_t cp) noexcept {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

// Characters that are NFC whatever surrounds them: no canonical decomposition, combining class
// 0, and never the second half of a composition. Anything else goes through ICU.
[[nodiscard]] constexpr bool is_nfc_inert(char32_t cp) noexcept {
  if (cp < 0x300) return true;
  if (cp >= 0x370 && cp <= 0x482) return cp != 0x374 && cp != 0x37E && cp != 0x387;
  if (cp >= 0x48A && cp <= 0x52F) return true;
  if (cp >= 0x5D0 && cp <= 0x5EA) return true;   // Hebrew letters
  if (cp >= 0x620 && cp <= 0x64A) return true;   // Arabic letters
  if (cp >= 0x2002 && cp <= 0x20CF) return true;
  if (cp >= 0x2100 && cp <= 0x2328) return cp != 0x2126 && cp != 0x212A && cp != 0x212B;
  if (cp >= 0x232B && cp <= 0x2ADB) return true;
  if (cp >= 0x2ADD && cp <= 0x2BFF) return true;
  if (cp >= 0x3000 && cp <= 0x3029) return true;
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
  if (cp >= 0xFB00 && cp <= 0xFB1C) return true;
  if (cp >= 0xFF00 && cp <= 0xFFFD) return true;
  return cp >= 0x1F000 && cp <= 0x1FAFF;
}

}  // namespace frnews::detail
