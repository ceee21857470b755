// Apostrophe-like characters, held back until the character after them decides whether they
// are an apostrophe.
#include "normalize/normalizer.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "normalize/characters.hpp"
#include "normalize/lexicon.hpp"
#include "normalize/mojibake.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

namespace {

// Where the whole word ending `text` starts when it is written before an apostrophe: an elided
// word (l', d', qu', jusqu'…), or with `compounds` also the first part of a word like aujourd'hui.
std::optional<std::size_t> elision_ending(std::string_view text, const NormalizationLexicon& lexicon, bool compounds) {
  std::size_t begin = text.size();
  while (begin > 0 && begin + lexicon.longest > text.size() && is_ascii_alnum(static_cast<unsigned char>(text[begin - 1]))) {
    --begin;
  }
  if (begin > 0 && detail::is_letter(decode_utf8(text, previous_boundary(text, begin)).code_point)) return {};
  std::string word(text.substr(begin));
  for (auto& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  const auto listed = [&](const std::vector<std::string>& words) {
    return std::find(words.begin(), words.end(), word) != words.end();
  };
  if (listed(lexicon.elisions) || (compounds && listed(lexicon.compounds))) return begin;
  return {};
}

// A letter an elided word is written before: a vowel or h, in either case, with or without an
// accent.
constexpr bool takes_elision(char32_t cp) noexcept {
  if (cp < 0x80) {
    const auto lower = static_cast<char32_t>(cp | 0x20U);
    return cp >= 'A' && (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u' ||
                         lower == 'y' || lower == 'h');
  }
  const char32_t lower = cp >= 0xC0 && cp <= 0xDE ? cp + 0x20 : cp;
  return (lower >= 0xE0 && lower <= 0xE6) || (lower >= 0xE8 && lower <= 0xEF) || (lower >= 0xF2 && lower <= 0xF6) ||
         (lower >= 0xF9 && lower <= 0xFD) || lower == 0xFF || cp == 0x152 || cp == 0x153;
}

}  // namespace

void Normalizer::resolve_apostrophe(char32_t next) {
  const PendingApostrophe pending = apostrophe_pending_;
  apostrophe_pending_.active = false;
  close_nfc();  // decide on the composed letter
  const char32_t last = last_cp();
  // A letter that ends in a combining mark is still a letter.
  const char32_t previous = last >= 0x300 && last <= 0x36F ? U'a' : last;
  bool apostrophe = false;
  if (pending.code_point == '"') {
    // A straight double quote is an apostrophe only where it makes a French elision or a word
    // like aujourd'hui: d"être, qu"il, aujourd"hui. "Bonjour", dit "non", le mot "d" stay, and
    // so does "s"affirme, where the elided word follows a quotation mark: a quoted letter.
    const auto word = detail::is_letter(previous) && takes_elision(next) ? elision_ending(out_, lexicon_, true)
                                                                         : std::nullopt;
    apostrophe = word && (*word == 0 || out_[*word - 1] != '"');
  } else {
    const bool elided = detail::is_letter(previous) && next != 0 && !detail::is_space(next) && !detail::is_newline(next) &&
                        !detail::is_apostrophe_like(next) && elision_ending(out_, lexicon_, false);
    apostrophe = (detail::is_letter(previous) && detail::is_letter(next)) || elided;
  }
  std::string as_found;
  append_utf8(as_found, pending.code_point);
  const bool mangles = options_.fix_mojibake && !options_.apostrophe.empty() &&
                       reads_as_mojibake(previous, options_.apostrophe.front());
  if (!apostrophe || as_found == apostrophe_ || mangles) {
    emit(pending.code_point, pending.begin, pending.end, pending.verbatim);
    return;
  }
  record(RepairKind::apostrophe, pending.begin, pending.end);
  emit_text(apostrophe_, pending.begin, pending.end);
}

bool Normalizer::may_stand_for_apostrophe(char32_t cp) const noexcept {
  return cp == '"' && !space_.active && !apostrophe_pending_.active && detail::is_letter(last_cp());
}

void Normalizer::reopen_apostrophe(std::uint32_t original_end) {
  if (!options_.unify_apostrophes || space_.active || out_.empty()) return;
  const auto start = size32(previous_boundary(out_, out_.size()));
  const char32_t cp = decode_utf8(out_, start).code_point;
  if (!detail::is_apostrophe_like(cp) && cp != '"') return;
  std::string as_written;
  append_utf8(as_written, cp);
  const std::uint32_t original_begin = rewind(start);
  const bool verbatim = in_.substr(original_begin, original_end - original_begin) == as_written;
  apostrophe_pending_ = {true, cp, original_begin, original_end, verbatim};
}

}  // namespace frnews::detail
