// Mojibake found at the end of the canonical text as it is written, undone as its last
// character comes; the isolated "Ã" decided once the text is written.
#include "normalize/mojibake.hpp"

#include <algorithm>
#include <vector>

#include "normalize/normalizer.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

namespace {

constexpr bool is_word_character(char32_t cp) noexcept { return detail::is_letter(cp) || detail::is_combining_mark(cp); }

// Up to `count` words of `text` on the line before byte `at`, nearest first.
std::vector<std::string_view> words_before(std::string_view text, std::size_t at, std::size_t count) {
  std::vector<std::string_view> words;
  std::size_t word_end = std::string_view::npos;
  while (at > 0 && words.size() < count) {
    const std::size_t start = previous_boundary(text, at);
    const char32_t cp = decode_utf8(text, start).code_point;
    if (detail::is_newline(cp)) break;
    if (is_word_character(cp) && word_end == std::string_view::npos) word_end = at;
    if (!is_word_character(cp) && word_end != std::string_view::npos) {
      words.push_back(text.substr(at, word_end - at));
      word_end = std::string_view::npos;
    }
    at = start;
  }
  if (word_end != std::string_view::npos && words.size() < count) words.push_back(text.substr(at, word_end - at));
  return words;
}

// Up to `count` words of `text` on the line from byte `at` on.
std::vector<std::string_view> words_after(std::string_view text, std::size_t at, std::size_t count) {
  std::vector<std::string_view> words;
  std::size_t word_begin = std::string_view::npos;
  while (at < text.size() && words.size() < count) {
    const detail::Decoded decoded = decode_utf8(text, at);
    if (detail::is_newline(decoded.code_point)) break;
    if (is_word_character(decoded.code_point) && word_begin == std::string_view::npos) word_begin = at;
    if (!is_word_character(decoded.code_point) && word_begin != std::string_view::npos) {
      words.push_back(text.substr(word_begin, at - word_begin));
      word_begin = std::string_view::npos;
    }
    at += decoded.length;
  }
  if (word_begin != std::string_view::npos && words.size() < count) words.push_back(text.substr(word_begin, at - word_begin));
  return words;
}

}  // namespace

std::optional<MojibakeSequence> mojibake_completed_by(std::string_view text, char32_t next) noexcept {
  constexpr int max_tail = 3;
  std::size_t starts[max_tail] = {};
  char32_t tail[max_tail] = {};
  int count = 0;
  for (std::size_t stop = text.size(); count < max_tail && stop > 0; ++count) {
    starts[count] = previous_boundary(text, stop);
    tail[count] = decode_utf8(text, starts[count]).code_point;
    stop = starts[count];
  }
  for (int m = 0; m < count; ++m) {
    if (detail::lead_image_continuations(tail[m]) == m + 1) {
      char bytes[4];
      bytes[0] = static_cast<char>(tail[m]);
      for (int k = 1; k <= m; ++k) bytes[k] = static_cast<char>(detail::continuation_image(tail[m - k]));
      bytes[m + 1] = static_cast<char>(detail::continuation_image(next));
      const auto length = static_cast<std::size_t>(m + 2);
      const detail::Decoded decoded = decode_utf8(std::string_view(bytes, length), 0);
      if (!decoded.valid || decoded.length != length || !detail::plausible_unmangled(decoded.code_point)) return {};
      return MojibakeSequence{starts[m], decoded.code_point};
    }
    if (detail::continuation_image(tail[m]) < 0) return {};
  }
  return {};
}

bool isolated_a_grave(std::string_view text, std::size_t at, bool garbled, const NormalizationLexicon& lexicon) {
  if (at > 0) {
    const char32_t before = decode_utf8(text, previous_boundary(text, at)).code_point;
    if (!detail::is_space(before) && !detail::is_newline(before)) return false;
  }
  std::size_t next = at + 2;
  while (next < text.size() && detail::is_space(decode_utf8(text, next).code_point)) next += decode_utf8(text, next).length;
  if (next == at + 2 || next >= text.size() || !detail::is_letter(decode_utf8(text, next).code_point)) return false;
  if (garbled) return true;
  constexpr std::size_t window = 4;
  const std::vector<std::string_view> after = words_after(text, next, window);
  const char32_t initial = decode_utf8(after.front(), 0).code_point;
  const bool capital = (initial >= 'A' && initial <= 'Z') || (initial >= 0xC0 && initial <= 0xDE && initial != 0xD7);
  if (!capital && !lexicon.is_french_word(after.front())) return false;
  const auto french = [&](std::string_view word) { return lexicon.is_french_word(word); };
  const std::vector<std::string_view> before = words_before(text, at, window);
  return std::any_of(after.begin(), after.end(), french) || std::any_of(before.begin(), before.end(), french);
}

std::optional<Normalizer::Unmangled> Normalizer::undo_mojibake(char32_t cp, std::uint32_t end) {
  if (nfc_open_) close_nfc();
  const auto sequence = mojibake_completed_by(out_, cp);
  if (!sequence) return {};
  const std::uint32_t original = rewind(size32(sequence->start));
  reopen_whitespace(original);
  while (!repairs_.empty() && repairs_.back().kind == RepairKind::mojibake &&
         repairs_.back().original.begin >= original) {
    repairs_.pop_back();
  }
  record(RepairKind::mojibake, original, end);
  return Unmangled{sequence->code_point, original};
}

void Normalizer::repair_isolated_a_tilde() {
  if (!options_.fix_mojibake || !a_tilde_written_) return;
  const bool garbled = std::any_of(repairs_.begin(), repairs_.end(),
                                   [](const Repair& repair) { return repair.kind == RepairKind::mojibake; });
  std::vector<std::uint32_t> starts;
  // 0x83 is rare in French text, unlike 0xC3: search for the second byte of "Ã".
  for (std::size_t at = out_.find('\x83'); at != std::string::npos; at = out_.find('\x83', at + 1)) {
    if (at > 0 && out_[at - 1] == '\xC3' && isolated_a_grave(out_, at - 1, garbled, lexicon_)) {
      starts.push_back(size32(at - 1));
    }
  }
  if (starts.empty()) return;
  const std::vector<Span> originals = map_.rewrite_in_place(starts, 2, size32(out_.size()), last_end_);
  for (std::size_t k = 0; k < starts.size(); ++k) {
    out_[starts[k] + 1] = '\xA0';  // "Ã" C3 83 -> "à" C3 A0
    record(RepairKind::mojibake, originals[k].begin, originals[k].end);
  }
}

}  // namespace frnews::detail
