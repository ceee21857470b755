// Runs of spaces and newlines, held back until the character after them decides what they become.
#include "normalize/normalizer.hpp"

#include <algorithm>
#include <string>

#include "normalize/characters.hpp"
#include "normalize/mojibake.hpp"
#include "normalize/nfc.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

void Normalizer::put_whitespace(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
  const bool newline = detail::is_newline(cp);
  if (apostrophe_pending_.active) resolve_apostrophe(cp);
  if (!options_.collapse_spaces) {
    char32_t result = newline ? U'\n' : cp;
    if (!newline && (options_.typography == Typography::ascii || !detail::is_no_break_space(cp))) result = ' ';
    if (result != cp) record(newline ? RepairKind::newline : RepairKind::space, begin, end);
    emit(result, begin, end, verbatim && result == cp);
    return;
  }
  if (!space_.active) space_ = {true, begin, end, 0, 0, 0, false};
  space_.end = end;
  ++space_.characters;
  if (newline) {
    ++space_.newlines;
    if (verbatim) space_.literal_newline = true;
  } else if (space_.no_break == 0 && detail::is_no_break_space(cp)) {
    space_.no_break = cp;
  }
}

char32_t Normalizer::chosen_space(char32_t next) const noexcept {
  const char32_t space = chosen_space_kind(next);
  return options_.fix_mojibake && reads_as_mojibake(last_cp(), space) ? U' ' : space;
}

char32_t Normalizer::chosen_space_kind(char32_t next) const noexcept {
  if (options_.typography == Typography::ascii) return ' ';
  if (options_.typography == Typography::canonical) {
    // After « the space is the narrow one, as space_guillemets() inserts it, even before ':'.
    if (last_cp() == 0xAB) return 0x202F;
    if (next == ';' || next == '!' || next == '?' || next == 0xBB) return 0x202F;
    if (next == ':') return 0xA0;
  }
  return space_.no_break != 0 ? space_.no_break : U' ';
}

void Normalizer::flush_whitespace(char32_t next) {
  if (!space_.active) return;
  space_.active = false;
  std::string text;
  if (!out_.empty()) {
    if (space_.newlines > 0) {
      // At the end, one newline stays if the text had one; markup adds none.
      const std::size_t newlines = next != 0 ? std::min<std::uint32_t>(space_.newlines, 2) : space_.literal_newline ? 1 : 0;
      text.assign(newlines, '\n');
    } else if (next != 0 && last_cp() != '\n') {
      append_utf8(text, chosen_space(next));
    }
  }
  const std::string_view original = in_.substr(space_.begin, space_.end - space_.begin);
  if (text == original) {
    if (nfc_open_ && nfc_quiet_for() >= nfc_quiet) close_nfc();
    map_.copy(size32(out_.size()), space_.begin);
    out_ += text;
    last_end_ = space_.end;
    return;
  }
  const bool kind_only = space_.characters == 1 && space_.newlines == 0 && !text.empty();
  record(kind_only ? RepairKind::typography : RepairKind::space, space_.begin, space_.end);
  if (!text.empty()) emit_text(text, space_.begin, space_.end);
}

void Normalizer::reopen_whitespace(std::uint32_t original_end) {
  if (!options_.collapse_spaces) return;
  std::size_t from = out_.size();
  std::uint32_t newlines = 0;
  std::uint32_t characters = 0;
  char32_t no_break = 0;
  while (from > 0) {
    const std::size_t start = previous_boundary(out_, from);
    const char32_t cp = decode_utf8(out_, start).code_point;
    if (!detail::is_space(cp) && cp != '\n') break;
    if (cp == '\n') ++newlines;
    if (detail::is_no_break_space(cp)) no_break = cp;
    ++characters;
    from = start;
  }
  if (characters == 0) return;
  const std::uint32_t original_begin = rewind(size32(from));
  space_ = {true, original_begin, original_end, newlines, characters, no_break, newlines > 0};
}

void Normalizer::flush_pending(char32_t next) {
  if (apostrophe_pending_.active) resolve_apostrophe(next);
  flush_whitespace(next);
}

}  // namespace frnews::detail
