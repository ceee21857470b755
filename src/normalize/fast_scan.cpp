// The fast scan: how far from a byte the original text can be copied unchanged, sixteen bytes
// at a time where it can.
#include "normalize/normalizer.hpp"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "normalize/characters.hpp"
#include "normalize/lexicon.hpp"
#include "normalize/mojibake.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

void Normalizer::build_ascii_classes() {
  for (std::size_t b = 0; b < 128; ++b) {
    ascii_classes_[b] = b > 0x20 && b < 0x7F ? AsciiClass::plain : AsciiClass::stop;
  }
  set_ascii_class(' ', AsciiClass::space);
  if (!options_.expand_ellipsis) set_ascii_class('.', AsciiClass::dot);
  if (html_ || detect_html_) {
    set_ascii_class('&', AsciiClass::stop);
    set_ascii_class('<', AsciiClass::stop);
  }
  if (watch_references_) set_ascii_class(';', AsciiClass::stop);
  if (options_.unify_apostrophes) {
    set_ascii_class('\'', AsciiClass::stop);
    set_ascii_class('`', AsciiClass::stop);
    set_ascii_class('"', AsciiClass::stop);  // may stand for an apostrophe: d"être
  }
  for (std::size_t b = 0x21; b < 0x7F; ++b) punctuation_[b] = true;
  if (html_ || detect_html_) punctuation_[static_cast<unsigned char>('&')] = punctuation_[static_cast<unsigned char>('<')] = false;
  if (watch_references_) punctuation_[static_cast<unsigned char>(';')] = false;
  build_window_tables();
}

void Normalizer::set_ascii_class(char byte, AsciiClass ascii_class) noexcept {
  ascii_classes_[static_cast<unsigned char>(byte)] = ascii_class;
}

bool Normalizer::starts_word(unsigned char byte) noexcept {
  return is_ascii_alnum(byte) || byte == 0xC3 || byte == 0xC5;
}

bool Normalizer::may_follow_blank(std::size_t at, bool space) const noexcept {
  if (at >= in_.size()) return false;
  const auto byte = static_cast<unsigned char>(in_[at]);
  if (starts_word(byte)) return true;
  if (byte >= 0x80) {
    return byte == 0xC2 && options_.typography == Typography::keep && at + 1 < in_.size() &&
           (in_[at + 1] == '\xAB' || in_[at + 1] == '\xBB');
  }
  // Punctuation: put() writes the blank held before it as it is, then takes it as usual; but
  // Typography::canonical may make a space before punctuation a no-break one.
  return !nfc_open_ && !(space && options_.typography == Typography::canonical) && punctuation_[byte];
}

bool Normalizer::stays_after_letter(std::size_t at) const noexcept {
  if (at >= in_.size()) return false;
  const auto byte = static_cast<unsigned char>(in_[at]);
  if (byte == ' ' || byte == '\n') return true;
  return byte < 0x80 && punctuation_[byte] && !detail::is_letter(byte) && ascii_classes_[byte] != AsciiClass::stop;
}

bool Normalizer::may_start_continuation_image(unsigned char byte) noexcept {
  return byte == 0xC2 || byte == 0xC5 || byte == 0xC6 || byte == 0xCB || byte == 0xE2;
}

bool Normalizer::plain_character(char32_t cp) const noexcept {
  if (cp == 0xC3) return !options_.fix_mojibake;  // "Ã", which may stand for "à": see a_tilde_written_
  if (cp >= 0xC0 && cp <= 0x17F) return true;
  if (cp > 0xA0 && cp < 0xC0) {
    if (cp == 0xAD) return false;
    if (cp == 0xAC) return !options_.join_ocr_hyphens;
    if (cp == 0xB4) return !options_.unify_apostrophes;
    if (cp == 0xAB || cp == 0xBB) return options_.typography != Typography::canonical;
    return true;
  }
  switch (cp) {
    case 0x2013: case 0x2014: case 0x2018: case 0x201C: case 0x201D: case 0x201E: case 0x2020:
    case 0x2021: case 0x2022: case 0x20AC: case 0x2122:
      return true;
    case 0x2019: return !options_.unify_apostrophes || curly_apostrophe_;
    case 0x2026: return !options_.expand_ellipsis;
    default: return false;
  }
}

bool Normalizer::follows_blank(char32_t previous) const noexcept {
  return out_.empty() || detail::is_space(previous) || previous == '\n' ||
         (options_.typography == Typography::canonical && previous == 0xAB);
}

bool Normalizer::may_start_stretch(std::size_t at, char32_t previous) const noexcept {
  const auto first = static_cast<unsigned char>(in_[at]);
  // A sequence being taken apart for mojibake continues through put().
  if (options_.fix_mojibake && first >= 0x80 &&
      (detail::lead_image_continuations(previous) > 0 || detail::continuation_image(previous) >= 0)) {
    return false;
  }
  if (first == '.' && previous == '.') return false;
  // A letter after a ¬ may join a broken word.
  if (previous == 0xAC && options_.join_ocr_hyphens) return false;
  return !(options_.typography == Typography::canonical && previous == 0xAB);
}

std::size_t Normalizer::copy_plain(std::size_t at, std::size_t limit) {
  std::size_t copied = at;  // where the bytes not written yet start
  const auto written_to = [&](std::size_t end) {
    if (end > copied) {
      map_.copy(size32(out_.size()), size32(copied));
      out_.append(in_, copied, end - copied);
      last_end_ = size32(end);
    }
    return end;
  };
  // The stretch starts at `at`, after `previous`.
  char32_t previous = last_cp();
  if (at >= limit || !may_start_stretch(at, previous)) return at;
  bool after_blank = follows_blank(previous);
  const bool spaces_as_found = options_.collapse_spaces && options_.typography == Typography::keep;
  std::size_t i = at;
  while (i < limit) {
    // Whole blocks where they need nothing, then the character that stopped them.
    const std::size_t block_end = skip_plain_blocks(i, at, after_blank, limit);
    if (block_end > i) {
      i = block_end;
      if (i >= limit) break;
      after_blank = in_[i - 1] == ' ' || in_[i - 1] == '\n';
    }
    const auto byte = static_cast<unsigned char>(in_[i]);
    if (byte < 0x80) {
      switch (ascii_classes_[byte]) {
        case AsciiClass::plain:
          ++i;
          after_blank = false;
          continue;
        case AsciiClass::dot:
          if (i + 1 < in_.size() && in_[i + 1] == '.') return written_to(i);
          ++i;
          after_blank = false;
          continue;
        case AsciiClass::space:
          if (after_blank || !options_.collapse_spaces || !may_follow_blank(i + 1, true)) return written_to(i);
          ++i;
          after_blank = true;
          continue;
        case AsciiClass::stop:
          if (byte == '\n' && !after_blank && options_.collapse_spaces) {
            // One line break or one blank line between words stays as it is.
            const std::size_t newlines = i + 1 < in_.size() && in_[i + 1] == '\n' ? 2 : 1;
            if (!may_follow_blank(i + newlines, false)) return written_to(i);
            i += newlines;
            after_blank = true;
            continue;
          }
          if (byte == '"' && !nfc_open_ &&
              (!may_stand_for_apostrophe_at(i, at, previous) || stays_after_letter(i + 1))) {
            ++i;
            after_blank = false;
            continue;
          }
          if (byte == '\'' && between_letters(i, at, previous)) {
            if (!straight_apostrophe_) {
              // Written here rather than through put(): news text has one every hundred bytes
              // or so. A new stretch starts after it.
              written_to(i);
              record(RepairKind::apostrophe, size32(i), size32(i + 1));
              map_.rewrite(size32(out_.size()), size32(i));
              out_ += apostrophe_;
              last_end_ = size32(i + 1);
              copied = at = ++i;
              previous = options_.apostrophe.empty() ? last_cp() : options_.apostrophe.back();
              if (at >= limit || !may_start_stretch(at, previous)) return at;
              after_blank = follows_blank(previous);
              continue;
            }
            ++i;
            after_blank = false;
            continue;
          }
          return written_to(i);
      }
    }
    // Non-ASCII text waits until the stretch for ICU is composed: it may continue a sequence.
    if (nfc_open_) return written_to(i);
    const detail::Decoded decoded = decode_utf8(in_, i);
    if (!decoded.valid) return written_to(i);
    const std::size_t next = i + decoded.length;
    if (spaces_as_found && (decoded.code_point == 0xA0 || decoded.code_point == 0x202F)) {
      if (after_blank || !may_follow_blank(next, true)) return written_to(i);
      i = next;
      after_blank = true;
      continue;
    }
    if (!plain_character(decoded.code_point)) return written_to(i);
    if (options_.fix_mojibake && detail::lead_image_continuations(decoded.code_point) > 0 && next < in_.size() &&
        may_start_continuation_image(static_cast<unsigned char>(in_[next]))) {
      return written_to(i);
    }
    i = next;
    after_blank = false;
  }
  return written_to(i);
}

bool Normalizer::between_letters(std::size_t i, std::size_t stretch_begin, char32_t before_stretch) const noexcept {
  if (nfc_open_ || i + 2 >= in_.size()) return false;
  char32_t previous = before_stretch;
  if (i > stretch_begin) {
    const auto byte = static_cast<unsigned char>(in_[i - 1]);
    if (byte < 0x80) {
      previous = byte;
    } else if (i - stretch_begin >= 2 && static_cast<unsigned char>(in_[i - 2]) == 0xC3) {
      previous = 0xC0 | (byte & 0x3FU);
    } else {
      return false;
    }
  }
  const auto next = static_cast<unsigned char>(in_[i + 1]);
  const auto after_next = static_cast<unsigned char>(in_[i + 2]);
  const bool next_letter = (next < 0x80 && detail::is_letter(next)) ||
                           (next == 0xC3 && detail::is_continuation(after_next) && after_next != 0x97 && after_next != 0xB7);
  if (!detail::is_letter(previous) || !next_letter) return false;
  return !(options_.fix_mojibake && !options_.apostrophe.empty() && reads_as_mojibake(previous, options_.apostrophe.front()));
}

bool Normalizer::may_stand_for_apostrophe_at(std::size_t i, std::size_t stretch_begin, char32_t before_stretch) const noexcept {
  if (i == stretch_begin) return detail::is_letter(before_stretch);
  const auto byte = static_cast<unsigned char>(in_[i - 1]);
  return byte >= 0x80 || detail::is_letter(byte);
}

std::size_t Normalizer::skip_plain_blocks(std::size_t at, std::size_t stretch_begin, bool after_blank,
                                          std::size_t limit) const noexcept {
#if defined(__SSE2__)
  if (after_blank && in_[at] == ' ') return at;
  std::size_t i = at;
  while (true) {
    if (i < window_.begin || i >= window_.begin + window_size) {
      // The window reads two bytes past its end.
      if (i + window_size + 2 > in_.size()) return i;
      classify_window(i);
    }
    const std::size_t offset = i - window_.begin;
    // The bytes of the window from `at` on.
    const auto from = [&](std::size_t at_least) {
      return at_least <= window_.begin                 ? ~std::uint64_t{0}
             : at_least >= window_.begin + window_size ? 0
                                                       : ~std::uint64_t{0} << (at_least - window_.begin);
    };
    std::uint64_t bad = window_.bad;
    // The two bytes before a newline kept, and the byte before a double quote, must be of this
    // stretch.
    if (options_.collapse_spaces) bad &= ~(window_.kept_newlines & from(stretch_begin + 2));
    bad &= ~(window_.plain_quotes & from(stretch_begin + 1));
    if (nfc_open_) bad |= window_.open_stops;
    bad >>= offset;
    if (bad != 0) {
      // Up to the first character that needs a closer look, never inside a character.
      auto good = static_cast<std::size_t>(std::countr_zero(bad));
      if (good > 0 && ((window_.leads >> (offset + good - 1)) & 1U) != 0) --good;
      return i + good <= limit ? i + good : i;
    }
    // The last lead byte of the window goes with the next one, with its continuation.
    const std::size_t next = window_.begin + window_size - ((window_.leads >> (window_size - 1)) & 1U);
    if (next > limit) return i;
    if (next == i) window_.begin = std::string_view::npos;  // the window starts again at that lead
    i = next;
  }
#else
  (void)stretch_begin;
  (void)after_blank;
  (void)limit;
  return at;
#endif
}

}  // namespace frnews::detail
