// The normalizer's main loop: stretches that need nothing are found by the fast scan
// (fast_scan.cpp) and copied in blocks; every other character goes through put(), which
// repairs it in context and keeps the offset map exact.
#include "normalize/normalizer.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "normalize/characters.hpp"
#include "normalize/html.hpp"
#include "normalize/mojibake.hpp"
#include "normalize/nfc.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

namespace {

// Ligatures split into their letters.
std::string_view ligature_letters(char32_t cp) noexcept {
  switch (cp) {
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: return "st";
    case 0xFB06: return "st";
    default: return {};
  }
}

// Asks for huge pages for a large buffer about to be written: one page fault every 2 MB instead of
// every 4 KB, where the system leaves that to the program (transparent huge pages in "madvise"
// mode). The pages of 20 MB of text cost more system time than normalizing it.
void prefer_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge_page = std::uintptr_t{1} << 21;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge_page - 1) & ~(huge_page - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge_page - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

Normalizer::Normalizer(std::string_view original, const NormalizeOptions& options,
                       const NormalizationLexicon& lexicon, bool html, ScanWidth width)
    : in_(original), options_(options), lexicon_(lexicon) {
  width_ = width == ScanWidth::wide ? widest_scan() : ScanWidth::narrow;
  for (const char32_t cp : options.apostrophe) append_utf8(apostrophe_, cp);
  straight_apostrophe_ = apostrophe_ == "'";
  curly_apostrophe_ = apostrophe_ == "\u2019";
  html_ = html || options.html == HtmlMode::on;
  detect_html_ = !html_ && options.html == HtmlMode::automatic;
  watch_references_ = options.html != HtmlMode::off;
  build_ascii_classes();
  note_a_tilde(apostrophe_);  // copy_plain() writes it without a look
}

Result<Normalized> Normalizer::run() {
  out_.reserve(in_.size() + in_.size() / 8 + 16);
  // News text has an apostrophe rewritten every hundred bytes or so, each a repair and two runs:
  // room for them at once, so that millions are never moved as the vectors grow.
  map_.reserve(in_.size() / 32 + 16);
  repairs_.reserve(in_.size() / 64 + 16);
  prefer_huge_pages(out_.data(), out_.capacity());
  prefer_huge_pages(repairs_.data(), repairs_.capacity() * sizeof(Repair));
  prefer_huge_pages(map_.data(), map_.capacity_bytes());
  std::size_t at = 0;
  while (at < in_.size() && !needs_html_) {
    if (nfc_open_ && nfc_quiet_for() >= nfc_quiet) close_nfc();
    if (idle()) {
      // While a stretch for ICU is open, copy only up to where it closes.
      const std::size_t limit = nfc_open_ ? std::min(in_.size(), at + (nfc_quiet - nfc_quiet_for())) : in_.size();
      const std::size_t end = copy_plain(at, limit);
      if (end > at) {
        at = end;
        continue;
      }
    }
    at = slow_item(at);
  }
  if (needs_html_) return Normalized{};  // run again as HTML
  finish();
  if (out_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return Error{ErrorCode::input_too_large, in_.size()};
  }
  const auto by_begin = [](const Repair& a, const Repair& b) { return a.original.begin < b.original.begin; };
  if (!std::is_sorted(repairs_.begin(), repairs_.end(), by_begin)) {
    std::stable_sort(repairs_.begin(), repairs_.end(), by_begin);
  }
  OffsetMap map = std::move(map_).build(size32(out_.size()), last_end_, size32(in_.size()));
  return Normalized{std::move(out_), std::move(map), std::move(repairs_)};
}

std::size_t Normalizer::slow_item(std::size_t at) {
  const char byte = in_[at];
  // Automatic mode reads the text as plain until its first tag or reference, then as HTML from
  // the start: one pass over a plain text, where a search first would read it all again.
  if (detect_html_ && (byte == '<' || byte == '&') && detail::starts_html(in_, at)) {
    needs_html_ = true;
    return at + 1;
  }
  if (html_ && byte == '<') {
    const detail::ParsedMarkup markup = detail::parse_markup(in_, at, false);
    if (markup.length > 0) {
      const auto begin = size32(at);
      const auto end = size32(at + markup.length);
      record(RepairKind::html_markup, begin, end);
      switch (markup.effect) {
        case detail::TagEffect::paragraph_break:
          put('\n', begin, end, false);
          put('\n', begin, end, false);
          break;
        case detail::TagEffect::line_break: put('\n', begin, end, false); break;
        case detail::TagEffect::space: put(' ', begin, end, false); break;
        case detail::TagEffect::none: break;
      }
      return at + markup.length;
    }
  }
  if (html_ && byte == '&') {
    const detail::DecodedReference reference = detail::decode_reference(in_, at);
    if (reference.length > 0) {
      std::size_t end = at + reference.length;
      record(RepairKind::html_entity, size32(at), size32(end));
      if (reference.code_point == '\r' && options_.normalize_newlines) {
        // A carriage return is one whether written or referenced ("&#13;&#10;" is CRLF).
        end += line_feed_length(end);
        record(RepairKind::newline, size32(at), size32(end));
        put('\n', size32(at), size32(end), false);
        return end;
      }
      put(reference.code_point, size32(at), size32(end), false);
      return end;
    }
  }
  if (byte == '\r' && options_.normalize_newlines) {
    const std::size_t end = at + 1 + line_feed_length(at + 1);
    record(RepairKind::newline, size32(at), size32(end));
    put('\n', size32(at), size32(end), false);
    return end;
  }
  const detail::Decoded decoded = decode_utf8(in_, at);
  const auto end = size32(at + decoded.length);
  if (!decoded.valid) record(RepairKind::invalid_utf8, size32(at), end);
  put(decoded.code_point, size32(at), end, decoded.valid);
  return end;
}

std::size_t Normalizer::line_feed_length(std::size_t at) const noexcept {
  if (at >= in_.size()) return 0;
  if (in_[at] == '\n') return 1;
  if (html_ && in_[at] == '&') {
    const detail::DecodedReference reference = detail::decode_reference(in_, at);
    if (reference.code_point == '\n') return reference.length;
  }
  return 0;
}

void Normalizer::put(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
  if (options_.nfc && !detail::is_nfc_inert(cp) && !detail::is_combining_mark(cp)) {
    // A rare character that NFC may replace on its own (Å from U+212B, ";" from U+037E) is
    // replaced now, so that what follows is decided on the final character.
    std::string alone;
    append_utf8(alone, cp);
    const std::string composed = to_nfc(alone);
    const detail::Decoded decoded = decode_utf8(composed, 0);
    if (composed != alone && decoded.valid && decoded.length == composed.size()) {
      record(RepairKind::nfc, begin, end);
      cp = decoded.code_point;
      verbatim = false;
    }
  }
  // A ';' may end a reference that formed in the canonical text once something between its
  // pieces went (a control, a tag, mojibake): it is decoded now, not on the next pass.
  while (watch_references_ && idle() && (cp == ';' || (cp == 0xFF1B && options_.fold_fullwidth))) {
    const auto formed = formed_reference();
    if (!formed) break;
    if (!html_) {
      needs_html_ = true;
      return;
    }
    record(RepairKind::html_entity, formed->begin, end);
    cp = formed->code_point;
    begin = formed->begin;
    verbatim = false;
    if (cp == '\r' && options_.normalize_newlines) {
      record(RepairKind::newline, begin, end);
      cp = '\n';
    }
  }
  // The text before a character that NFC leaves alone is composed before anything looks at it.
  if (nfc_open_ && detail::is_nfc_inert(cp)) close_nfc();
  if (options_.fix_mojibake && !space_.active && !apostrophe_pending_.active) {
    // A fixed character may itself complete an older sequence: double encoding.
    while (!space_.active && detail::continuation_image(cp) >= 0) {
      const auto fixed = undo_mojibake(cp, end);
      if (!fixed) break;
      cp = fixed->code_point;
      begin = fixed->begin;
      verbatim = false;
    }
  }
  if (detail::is_newline(cp)) {
    put_whitespace(cp, begin, end, verbatim);
    return;
  }
  if (options_.remove_invisibles && detail::is_invisible(cp)) {
    record(RepairKind::invisible, begin, end);
    return;
  }
  if (detail::is_space(cp)) {
    put_whitespace(cp, begin, end, verbatim);
    return;
  }
  if (options_.split_ligatures) {
    if (const std::string_view letters = ligature_letters(cp); !letters.empty()) {
      flush_pending(static_cast<char32_t>(letters[0]));
      join_broken_word(static_cast<char32_t>(letters[0]), begin);
      space_guillemets(static_cast<char32_t>(letters[0]), begin);
      emit_text(letters, begin, end);
      record(RepairKind::ligature, begin, end);
      return;
    }
  }
  if (options_.fold_fullwidth && cp >= 0xFF01 && cp <= 0xFF5E) {
    cp -= 0xFEE0;
    verbatim = false;
    record(RepairKind::fullwidth, begin, end);
  }
  if (options_.unify_dashes && cp >= 0x2010 && cp <= 0x2012) {
    cp = '-';
    verbatim = false;
    record(RepairKind::dash, begin, end);
  }
  if (options_.expand_ellipsis && cp == 0x2026) {
    flush_pending('.');
    space_guillemets('.', begin);
    emit_text("...", begin, end);
    record(RepairKind::ellipsis, begin, end);
    return;
  }
  if (options_.unify_apostrophes && (detail::is_apostrophe_like(cp) || may_stand_for_apostrophe(cp))) {
    if (apostrophe_pending_.active) resolve_apostrophe(cp);
    flush_whitespace(cp);
    apostrophe_pending_ = {true, cp, begin, end, verbatim};
    return;
  }
  flush_pending(cp);
  if (cp == '.' && !options_.expand_ellipsis && out_.size() >= 2 && out_.ends_with("..") &&
      !(options_.fix_mojibake &&
        mojibake_completed_by(std::string_view(out_).substr(0, out_.size() - 2), 0x2026).has_value())) {
    const auto from = size32(out_.size() - 2);
    const std::uint32_t original = rewind(from);
    emit_text("\u2026", original, end);
    record(RepairKind::ellipsis, original, end);
    return;
  }
  join_broken_word(cp, begin);
  space_guillemets(cp, begin);
  emit(cp, begin, end, verbatim);
}

void Normalizer::join_broken_word(char32_t next, std::uint32_t begin) {
  if (!options_.join_ocr_hyphens || !detail::is_letter(next) || !out_.ends_with("\u00AC")) return;
  close_nfc();  // decide on the composed letter
  const std::size_t sign = out_.size() - 2;
  if (sign == 0 || !detail::is_letter(decode_utf8(out_, previous_boundary(out_, sign)).code_point)) return;
  const std::uint32_t original = rewind(size32(sign));
  record(RepairKind::ocr_hyphen, original, std::max(original, begin));
}

void Normalizer::space_guillemets(char32_t next, std::uint32_t at) {
  if (options_.typography != Typography::canonical) return;
  const char32_t previous = last_cp();
  const bool after_opening = previous == 0xAB;
  const bool before_closing = next == 0xBB && previous != 0 && previous != '\n' && !detail::is_space(previous) &&
                              !(options_.fix_mojibake && detail::lead_image_continuations(previous) > 0);
  if (after_opening || before_closing) {
    emit_text("\u202F", at, at);
    record(RepairKind::typography, at, at);
  }
}

std::uint32_t Normalizer::rewind(std::uint32_t from) {
  const std::uint32_t original = map_.original_at(from);
  map_.truncate(from);
  out_.resize(from);
  return original;
}

void Normalizer::emit(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
  const bool inert = !options_.nfc || detail::is_nfc_inert(cp);
  if (nfc_open_ && (inert ? nfc_quiet_for() >= nfc_quiet : out_.size() - nfc_begin_ > max_nfc_segment)) close_nfc();
  if (!inert && !nfc_open_) {
    // From the last starter, which the marks may compose with or reorder against.
    nfc_open_ = true;
    nfc_begin_ = out_.size();
    while (nfc_begin_ > 0 && out_.size() - nfc_begin_ < nfc_lookback) {
      nfc_begin_ = previous_boundary(out_, nfc_begin_);
      if (detail::is_nfc_inert(decode_utf8(out_, nfc_begin_).code_point)) break;
    }
  }
  if (cp == 0xC3) a_tilde_written_ = true;
  if (verbatim) {
    map_.copy(size32(out_.size()), begin);
    out_.append(in_, begin, end - begin);
  } else {
    map_.rewrite(size32(out_.size()), begin);
    append_utf8(out_, cp);
  }
  if (!inert) nfc_last_mark_ = out_.size();
  last_end_ = end;
}

void Normalizer::emit_text(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  if (nfc_open_ && nfc_quiet_for() >= nfc_quiet) close_nfc();
  map_.rewrite(size32(out_.size()), begin);
  out_ += text;
  note_a_tilde(text);
  last_end_ = std::max(last_end_, end);
}

void Normalizer::finish() {
  if (apostrophe_pending_.active) resolve_apostrophe(0);
  flush_whitespace(0);
  close_nfc();
  repair_isolated_a_tilde();
}

}  // namespace frnews::detail
