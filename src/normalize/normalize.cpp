// normalize(): one pass over the original bytes. Bytes that need nothing (letters, digits,
// common accented letters, single spaces) are found by a fast scan and copied in blocks; every
// other character goes through Normalizer::put(), which repairs it in context and keeps the
// offset map exact.
#include <algorithm>
#include <bit>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>
#include <boost/locale/conversion.hpp>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "frnews/normalize.hpp"
#include "core/embedded.hpp"
#include "core/tsv.hpp"
#include "normalize/characters.hpp"
#include "normalize/html.hpp"
#include "normalize/offset_map_builder.hpp"
#include "normalize/utf8.hpp"

namespace frnews {

std::string_view to_string(RepairKind kind) noexcept {
  switch (kind) {
    case RepairKind::invalid_utf8: return "invalid_utf8";
    case RepairKind::mojibake: return "mojibake";
    case RepairKind::html_entity: return "html_entity";
    case RepairKind::html_markup: return "html_markup";
    case RepairKind::invisible: return "invisible";
    case RepairKind::newline: return "newline";
    case RepairKind::nfc: return "nfc";
    case RepairKind::space: return "space";
    case RepairKind::typography: return "typography";
    case RepairKind::apostrophe: return "apostrophe";
    case RepairKind::dash: return "dash";
    case RepairKind::ellipsis: return "ellipsis";
    case RepairKind::ligature: return "ligature";
    case RepairKind::fullwidth: return "fullwidth";
    case RepairKind::ocr_hyphen: return "ocr_hyphen";
  }
  return "unknown";
}

namespace {

using detail::append_utf8;
using detail::decode_utf8;
using detail::previous_boundary;

// The ICU locale for NFC, built on first use.
const std::locale& nfc_locale() {
  static const std::locale locale = [] {
    boost::locale::localization_backend_manager manager = boost::locale::localization_backend_manager::global();
    manager.select("icu");
    boost::locale::generator generator(manager);
    return generator("en_US.UTF-8");
  }();
  return locale;
}

std::string to_nfc(std::string_view text) {
  return boost::locale::normalize(text.data(), text.data() + text.size(), boost::locale::norm_nfc, nfc_locale());
}

constexpr bool is_ascii_alnum(unsigned char byte) noexcept {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

// The words normalization reads in data/lexicon: what comes before an apostrophe
// (elisions.tsv) and words that show a text is French (french_words.tsv).
struct NormalizationLexicon {
  std::vector<std::string> elisions;   // "l", "qu", "jusqu": ASCII, lower case
  std::vector<std::string> compounds;  // "aujourd", "prud": first parts of words with an apostrophe
  std::size_t longest = 0;             // the longest of both, in bytes
  std::vector<std::string> french_words;  // by fold_key(), sorted

  NormalizationLexicon() {
    const auto file = [](std::string_view name) { return detail::embedded_file(name).value_or(std::string_view{}); };
    detail::for_each_tsv_record(file("lexicon/elisions.tsv"), [&](const auto& fields, std::size_t) {
      if (fields.size() < 2 || fields[0].empty()) return;
      std::string form(fields[0]);
      for (auto& c : form) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      longest = std::max(longest, form.size());
      (fields[1] == "compound" ? compounds : elisions).push_back(std::move(form));
    });
    detail::for_each_tsv_record(file("lexicon/french_words.tsv"), [&](const auto& fields, std::size_t) {
      if (!fields[0].empty()) french_words.push_back(fold_key(fields[0]));
    });
    std::sort(french_words.begin(), french_words.end());
  }

  [[nodiscard]] bool is_french_word(std::string_view word) const {
    return std::binary_search(french_words.begin(), french_words.end(), fold_key(word));
  }
};

const NormalizationLexicon& normalization_lexicon() {
  static const NormalizationLexicon lexicon;
  return lexicon;
}

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

// True when the "Ã" at `at` in canonical text `text` is the "à" of UTF-8 read as Windows-1252:
// it stands alone (at the start of a line or after a space), spaces and a word follow, and either
// the text is `garbled` or the word after it is French or capitalised ("Ã la fin", "Ã Paris")
// with a French word among the four words on either side. "la lettre Ã seule" stays.
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

// True when `next` written after `previous` would read as a two-byte UTF-8 sequence seen
// through Windows-1252 ("Ã" then a no-break space reads as "à"): such a pair is never written.
bool reads_as_mojibake(char32_t previous, char32_t next) noexcept {
  const int image = detail::continuation_image(next);
  if (detail::lead_image_continuations(previous) != 1 || image < 0) return false;
  const char32_t decoded = ((previous & 0x1FU) << 6) | (static_cast<char32_t>(image) & 0x3FU);
  return detail::plausible_unmangled(decoded);
}

// A UTF-8 sequence read as Windows-1252 that a character completes at the end of a text.
struct MojibakeSequence {
  std::size_t start;      // where its lead image starts in the text
  char32_t code_point;    // the character it stood for
};

// The sequence that `next` completes when written after `text` ("Ã" then "©", "â€" then "™"),
// if any. A rule that writes characters of its own (an ellipsis) checks it so that the next
// pass never takes them for mojibake.
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

// A stretch for ICU closes once this many bytes followed its last mark, so that the marks of
// neighbouring words (text in NFD) go to ICU together.
constexpr std::size_t nfc_quiet = 32;
// How far back a stretch looks for its starter, and its longest size: a bound keeps an
// adversarial run of marks linear.
constexpr std::size_t nfc_lookback = 64;
constexpr std::size_t max_nfc_segment = 256;

class Normalizer {
 public:
  // `html` forces HTML on: automatic mode found a reference only in the canonical text.
  Normalizer(std::string_view original, const NormalizeOptions& options, bool html)
      : in_(original), options_(options), lexicon_(normalization_lexicon()) {
    for (const char32_t cp : options.apostrophe) append_utf8(apostrophe_, cp);
    straight_apostrophe_ = apostrophe_ == "'";
    curly_apostrophe_ = apostrophe_ == "\u2019";
    html_ = html || options.html == HtmlMode::on ||
            (options.html == HtmlMode::automatic && detail::looks_like_html(original));
    watch_references_ = options.html != HtmlMode::off;
    build_ascii_classes();
  }

  Result<Normalized> run() {
    out_.reserve(in_.size() + in_.size() / 8 + 16);
    std::size_t at = 0;
    while (at < in_.size() && !needs_html_) {
      if (nfc_open_ && nfc_quiet_for() >= nfc_quiet) close_nfc();
      if (idle()) {
        // While a stretch for ICU is open, copy only up to where it closes.
        const std::size_t limit = nfc_open_ ? std::min(in_.size(), at + (nfc_quiet - nfc_quiet_for())) : in_.size();
        bool apostrophe = false;
        const std::size_t end = fast_scan(at, limit, apostrophe);
        const bool progressed = end > at || apostrophe;
        if (end > at) {
          map_.copy(size32(out_.size()), size32(at));
          out_.append(in_, at, end - at);
          last_end_ = size32(end);
          at = end;
        }
        if (apostrophe) {
          record(RepairKind::apostrophe, size32(at), size32(at + 1));
          emit_text(apostrophe_, size32(at), size32(at + 1));
          ++at;
        }
        if (progressed) continue;
      }
      at = slow_item(at);
    }
    finish();
    if (out_.size() >= std::numeric_limits<std::uint32_t>::max()) {
      return Error{ErrorCode::input_too_large, in_.size()};
    }
    const auto by_begin = [](const Repair& a, const Repair& b) { return a.original.begin < b.original.begin; };
    if (!std::is_sorted(repairs_.begin(), repairs_.end(), by_begin)) {
      std::stable_sort(repairs_.begin(), repairs_.end(), by_begin);
    }
    OffsetMap map = map_.build(size32(out_.size()), last_end_, size32(in_.size()));
    return Normalized{std::move(out_), std::move(map), std::move(repairs_)};
  }

  // True when automatic mode, HTML off, met a reference that formed in the canonical text: the
  // text is HTML after all, and run() stopped early.
  [[nodiscard]] bool needs_html() const noexcept { return needs_html_; }

 private:
  enum class AsciiClass : std::uint8_t { plain, space, dot, stop };

  static std::uint32_t size32(std::size_t size) noexcept { return static_cast<std::uint32_t>(size); }

  void build_ascii_classes() {
    for (std::size_t b = 0; b < 128; ++b) {
      ascii_classes_[b] = b > 0x20 && b < 0x7F ? AsciiClass::plain : AsciiClass::stop;
    }
    set_ascii_class(' ', AsciiClass::space);
    if (!options_.expand_ellipsis) set_ascii_class('.', AsciiClass::dot);
    if (html_) {
      set_ascii_class('&', AsciiClass::stop);
      set_ascii_class('<', AsciiClass::stop);
    }
    if (watch_references_) set_ascii_class(';', AsciiClass::stop);
    if (options_.unify_apostrophes) {
      set_ascii_class('\'', AsciiClass::stop);
      set_ascii_class('`', AsciiClass::stop);
      set_ascii_class('"', AsciiClass::stop);  // may stand for an apostrophe: d"être
    }
  }
  void set_ascii_class(char byte, AsciiClass ascii_class) noexcept {
    ascii_classes_[static_cast<unsigned char>(byte)] = ascii_class;
  }

  [[nodiscard]] bool idle() const noexcept { return !space_.active && !apostrophe_pending_.active; }

  // Bytes written since the last character that NFC may change.
  [[nodiscard]] std::size_t nfc_quiet_for() const noexcept { return out_.size() - nfc_last_mark_; }

  [[nodiscard]] char32_t last_cp() const noexcept {
    if (out_.empty()) return 0;
    return decode_utf8(out_, previous_boundary(out_, out_.size())).code_point;
  }

  // A byte that may start a word after a single space copied as is.
  static bool starts_word(unsigned char byte) noexcept { return is_ascii_alnum(byte) || byte == 0xC3 || byte == 0xC5; }
  // What may follow a space or a line break copied as is: a word, or with Typography::keep
  // a guillemet.
  [[nodiscard]] bool may_follow_blank(std::size_t at) const noexcept {
    if (at >= in_.size()) return false;
    const auto byte = static_cast<unsigned char>(in_[at]);
    if (starts_word(byte)) return true;
    return byte == 0xC2 && options_.typography == Typography::keep && at + 1 < in_.size() &&
           (in_[at + 1] == '\xAB' || in_[at + 1] == '\xBB');
  }
  // A byte that may start a Windows-1252 image of a continuation byte.
  static bool may_start_continuation_image(unsigned char byte) noexcept {
    return byte == 0xC2 || byte == 0xC5 || byte == 0xC6 || byte == 0xCB || byte == 0xE2;
  }

  // Non-ASCII characters that need nothing on their own.
  [[nodiscard]] bool plain_character(char32_t cp) const noexcept {
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

  // The end of the stretch from `at` that can be copied unchanged.
  // `apostrophe` tells that the stretch ends on a straight apostrophe between two letters, which
  // the caller writes as options.apostrophe at once.
  [[nodiscard]] std::size_t fast_scan(std::size_t at, std::size_t limit, bool& apostrophe) const noexcept {
    apostrophe = false;
    const char32_t previous = last_cp();
    bool after_blank = out_.empty() || detail::is_space(previous) || previous == '\n' ||
                       (options_.typography == Typography::canonical && previous == 0xAB);
    const auto first = static_cast<unsigned char>(in_[at]);
    // A sequence being taken apart for mojibake continues through put().
    if (options_.fix_mojibake && first >= 0x80 &&
        (detail::lead_image_continuations(previous) > 0 || detail::continuation_image(previous) >= 0)) {
      return at;
    }
    if (first == '.' && previous == '.') return at;
    // A letter after a ¬ may join a broken word.
    if (previous == 0xAC && options_.join_ocr_hyphens) return at;
    if (options_.typography == Typography::canonical && previous == 0xAB) return at;
    const bool spaces_as_found = options_.collapse_spaces && options_.typography == Typography::keep;
    std::size_t i = at;
    while (i < limit) {
      // Sixteen bytes at a time where they need nothing, then one character at a time.
      const std::size_t block_end = skip_plain_blocks(i, after_blank, limit);
      if (block_end > i) {
        i = block_end;
        after_blank = in_[i - 1] == ' ';
        continue;
      }
      // One character at a time until the next block.
      const std::size_t chunk_end = std::min(limit, i + 1);
      while (i < chunk_end) {
        const auto byte = static_cast<unsigned char>(in_[i]);
        if (byte < 0x80) {
          switch (ascii_classes_[byte]) {
            case AsciiClass::plain:
              ++i;
              after_blank = false;
              continue;
            case AsciiClass::dot:
              if (i + 1 < in_.size() && in_[i + 1] == '.') return i;
              ++i;
              after_blank = false;
              continue;
            case AsciiClass::space:
              if (after_blank || !options_.collapse_spaces || !may_follow_blank(i + 1)) return i;
              ++i;
              after_blank = true;
              continue;
            case AsciiClass::stop:
              if (byte == '\n' && !after_blank && options_.collapse_spaces) {
                // One line break or one blank line between words stays as it is.
                const std::size_t newlines = i + 1 < in_.size() && in_[i + 1] == '\n' ? 2 : 1;
                if (!may_follow_blank(i + newlines)) return i;
                i += newlines;
                after_blank = true;
                continue;
              }
              if (byte == '\'' && between_letters(i, at, previous)) {
                if (!straight_apostrophe_) {
                  apostrophe = true;
                  return i;
                }
                ++i;
                after_blank = false;
                continue;
              }
              return i;
          }
        }
        // Non-ASCII text waits until the stretch for ICU is composed: it may continue a sequence.
        if (nfc_open_) return i;
        const detail::Decoded decoded = decode_utf8(in_, i);
        if (!decoded.valid) return i;
        const std::size_t next = i + decoded.length;
        if (spaces_as_found && (decoded.code_point == 0xA0 || decoded.code_point == 0x202F)) {
          if (after_blank || !may_follow_blank(next)) return i;
          i = next;
          after_blank = true;
          continue;
        }
        if (!plain_character(decoded.code_point)) return i;
        if (options_.fix_mojibake && detail::lead_image_continuations(decoded.code_point) > 0 && next < in_.size() &&
            may_start_continuation_image(static_cast<unsigned char>(in_[next]))) {
          return i;
        }
        i = next;
        after_blank = false;
      }
    }
    return i;
  }

  // True when the straight quote at in_[i] sits between two letters and may be rewritten
  // without a look at anything else: ASCII or Latin-1 letters on both sides.
  [[nodiscard]] bool between_letters(std::size_t i, std::size_t stretch_begin, char32_t before_stretch) const noexcept {
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

  // Skips whole blocks of sixteen bytes made only of plain ASCII, single spaces before a word,
  // and two-byte Latin-1 letters (lead byte 0xC3). Returns where the first other block starts.
  [[nodiscard]] std::size_t skip_plain_blocks(std::size_t at, bool after_blank, std::size_t limit) const noexcept {
#if defined(__SSE2__)
    if (after_blank && in_[at] == ' ') return at;
    const auto byte = [](char c) { return _mm_set1_epi8(c); };
    const __m128i zero = _mm_setzero_si128();
    const __m128i lead_c3 = byte(static_cast<char>(0xC3));
    const __m128i continuation_bits = byte(static_cast<char>(0xC0));
    const __m128i continuation_value = byte(static_cast<char>(0x80));
    const char never = 0x7F;  // already refused as a control
    const __m128i special_1 = byte(html_ ? '&' : never);
    const __m128i special_2 = byte(html_ ? '<' : never);
    const __m128i special_3 = byte(options_.unify_apostrophes ? '\'' : never);
    const __m128i special_4 = byte(options_.unify_apostrophes ? '`' : never);
    const __m128i special_5 = byte(options_.unify_apostrophes ? '"' : never);
    const __m128i dot = byte(options_.expand_ellipsis ? never : '.');
    const __m128i semicolon = byte(watch_references_ ? ';' : never);
    std::size_t i = at;
    // The block and the block one byte later: each byte and the byte after it.
    while (i + 17 <= in_.size() && i + 16 <= limit) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in_.data() + i));
      const __m128i n = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in_.data() + i + 1));
      const __m128i high = _mm_cmplt_epi8(v, zero);
      const __m128i space = _mm_cmpeq_epi8(v, byte(' '));
      __m128i bad = _mm_andnot_si128(_mm_or_si128(high, space), _mm_cmplt_epi8(v, byte(0x21)));
      bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, byte(0x7F)));
      bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, special_1), _mm_cmpeq_epi8(v, special_2)));
      bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, special_3), _mm_cmpeq_epi8(v, special_4)));
      bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, semicolon), _mm_cmpeq_epi8(v, special_5)));
      bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(n, dot)));
      // A space must be single and start a word.
      const __m128i lower = _mm_or_si128(n, byte(0x20));
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, byte('a' - 1)), _mm_cmplt_epi8(lower, byte('z' + 1)));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(n, byte('0' - 1)), _mm_cmplt_epi8(n, byte('9' + 1)));
      const __m128i word = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(n, lead_c3));
      bad = _mm_or_si128(bad, options_.collapse_spaces ? _mm_andnot_si128(word, space) : space);
      auto bad_mask = static_cast<unsigned>(_mm_movemask_epi8(bad));
      // Non-ASCII bytes: only 0xC3 followed by a continuation byte, and no mojibake lead
      // followed by what may start a continuation image.
      const auto high_mask = static_cast<unsigned>(_mm_movemask_epi8(high));
      unsigned leads = 0;
      if (high_mask != 0) {
        leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lead_c3)));
        const auto continuations = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, continuation_bits), continuation_value)));
        const auto continued = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(n, continuation_bits), continuation_value)));
        bad_mask |= nfc_open_ ? high_mask
                              : (high_mask & ~(leads | continuations)) | (leads & ~continued) |
                                    (continuations & ~(leads << 1));
        if (options_.fix_mojibake) {
          const __m128i image_start = _mm_or_si128(
              _mm_or_si128(_mm_cmpeq_epi8(n, byte(static_cast<char>(0xC2))), _mm_cmpeq_epi8(n, byte(static_cast<char>(0xC5)))),
              _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(n, byte(static_cast<char>(0xC6))),
                                        _mm_cmpeq_epi8(n, byte(static_cast<char>(0xCB)))),
                           _mm_cmpeq_epi8(n, byte(static_cast<char>(0xE2)))));
          bad_mask |= (continuations & static_cast<unsigned>(_mm_movemask_epi8(image_start))) >> 1;
        }
      }
      if (bad_mask != 0) {
        // Up to the first character that needs a closer look, never inside a character.
        auto good = static_cast<std::size_t>(std::countr_zero(bad_mask));
        if (good > 0 && (leads & (1U << (good - 1))) != 0) --good;
        return i + good;
      }
      i += (leads & 0x8000U) != 0 ? 15 : 16;
    }
    return i;
#else
    (void)after_blank;
    (void)limit;
    return at;
#endif
  }

  // One item from `at`: markup, a character reference, a newline, a character, or an
  // ill-formed sequence. Returns where the next item starts.
  std::size_t slow_item(std::size_t at) {
    const char byte = in_[at];
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

  // The length of the line feed at in_[at] that completes a carriage return before it: "\n", or
  // in HTML "&#10;" and its kin; 0 when none.
  [[nodiscard]] std::size_t line_feed_length(std::size_t at) const noexcept {
    if (at >= in_.size()) return 0;
    if (in_[at] == '\n') return 1;
    if (html_ && in_[at] == '&') {
      const detail::DecodedReference reference = detail::decode_reference(in_, at);
      if (reference.code_point == '\n') return reference.length;
    }
    return 0;
  }

  // Takes one character that came from original bytes [begin, end); `verbatim` when those bytes
  // are exactly its UTF-8.
  void put(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
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

  // Takes back a ¬ written between a letter and the letter `next` from original `begin` on:
  // "Poin¬caré", where OCR kept the mark of a word broken at a line end. It is decided on the
  // canonical text, whatever was removed or repaired around the ¬, so the next pass finds none.
  void join_broken_word(char32_t next, std::uint32_t begin) {
    if (!options_.join_ocr_hyphens || !detail::is_letter(next) || !out_.ends_with("\u00AC")) return;
    close_nfc();  // decide on the composed letter
    const std::size_t sign = out_.size() - 2;
    if (sign == 0 || !detail::is_letter(decode_utf8(out_, previous_boundary(out_, sign)).code_point)) return;
    const std::uint32_t original = rewind(size32(sign));
    record(RepairKind::ocr_hyphen, original, std::max(original, begin));
  }

  struct FormedReference {
    char32_t code_point;
    std::uint32_t begin;  // original offset of its '&'
  };

  // When the canonical text ends with the start of a character reference ("&eacute", "&#233")
  // that a ';' would complete, takes it back and returns its character.
  std::optional<FormedReference> formed_reference() {
    const auto reference_byte = [](char c) { return is_ascii_alnum(static_cast<unsigned char>(c)) || c == '#'; };
    std::size_t amp = out_.size();
    while (amp > 0 && reference_byte(out_[amp - 1])) --amp;
    if (amp == 0 || amp == out_.size() || out_[amp - 1] != '&') return {};
    // ASCII is never composed, but the text before it may be: decide on the composed text.
    close_nfc();
    amp = out_.size();
    while (amp > 0 && reference_byte(out_[amp - 1])) --amp;
    --amp;
    out_ += ';';
    const detail::DecodedReference reference = detail::decode_reference(out_, amp);
    out_.pop_back();
    if (reference.length != out_.size() + 1 - amp) return {};
    if (!html_) return FormedReference{reference.code_point, 0};
    const std::uint32_t original = rewind(size32(amp));
    reopen_whitespace(original);
    reopen_apostrophe(original);
    return FormedReference{reference.code_point, original};
  }

  // The apostrophe-like character now ending the text goes back to pending: it was decided on
  // the '&' of a reference that formed later, and must be decided on its character.
  void reopen_apostrophe(std::uint32_t original_end) {
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

  // Typography::canonical puts a narrow no-break space inside « » where none was.
  void space_guillemets(char32_t next, std::uint32_t at) {
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

  struct Unmangled {
    char32_t code_point;
    std::uint32_t begin;
  };

  // When `cp` completes a UTF-8 sequence read as Windows-1252 at the end of the text written
  // ("Ã" then "©"), takes the sequence back and returns the character it stood for.
  std::optional<Unmangled> undo_mojibake(char32_t cp, std::uint32_t end) {
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

  // The spaces and newlines now ending the text go back to pending: what follows them changed.
  void reopen_whitespace(std::uint32_t original_end) {
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

  // Takes back the canonical text from `from` on; returns the original offset it came from.
  std::uint32_t rewind(std::uint32_t from) {
    const std::uint32_t original = map_.original_at(from);
    map_.truncate(from);
    out_.resize(from);
    return original;
  }

  void put_whitespace(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
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

  // The one space a run of spaces becomes before `next`.
  [[nodiscard]] char32_t chosen_space(char32_t next) const noexcept {
    const char32_t space = chosen_space_kind(next);
    return options_.fix_mojibake && reads_as_mojibake(last_cp(), space) ? U' ' : space;
  }
  [[nodiscard]] char32_t chosen_space_kind(char32_t next) const noexcept {
    if (options_.typography == Typography::ascii) return ' ';
    if (options_.typography == Typography::canonical) {
      // After « the space is the narrow one, as space_guillemets() inserts it, even before ':'.
      if (last_cp() == 0xAB) return 0x202F;
      if (next == ';' || next == '!' || next == '?' || next == 0xBB) return 0x202F;
      if (next == ':') return 0xA0;
    }
    return space_.no_break != 0 ? space_.no_break : U' ';
  }

  // Writes the pending run of spaces and newlines, now that `next` follows (0 at the end).
  void flush_whitespace(char32_t next) {
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

  // Writes the pending apostrophe-like character, now that `next` follows (0 at the end).
  void resolve_apostrophe(char32_t next) {
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

  // A straight double quote right after a letter, which a bad conversion of ’ may have left.
  [[nodiscard]] bool may_stand_for_apostrophe(char32_t cp) const noexcept {
    return cp == '"' && !space_.active && !apostrophe_pending_.active && detail::is_letter(last_cp());
  }

  void flush_pending(char32_t next) {
    if (apostrophe_pending_.active) resolve_apostrophe(next);
    flush_whitespace(next);
  }

  // Writes one character; opens or closes the stretch that ICU must see.
  void emit(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim) {
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

  // Writes replacement text for original bytes [begin, end).
  void emit_text(std::string_view text, std::uint32_t begin, std::uint32_t end) {
    if (nfc_open_ && nfc_quiet_for() >= nfc_quiet) close_nfc();
    map_.rewrite(size32(out_.size()), begin);
    out_ += text;
    last_end_ = std::max(last_end_, end);
  }

  // Composes the open stretch. ICU sees only its clusters that hold a mark, all in one call,
  // so that the words between them keep their identity runs in the map.
  void close_nfc() {
    if (!nfc_open_) return;
    nfc_open_ = false;
    // Clusters: a marked one is a starter and its marks; an unmarked one is the text between.
    auto& clusters = nfc_clusters_;
    clusters.clear();
    std::size_t previous_start = nfc_begin_;
    for (std::size_t at = nfc_begin_; at < out_.size();) {
      const detail::Decoded decoded = decode_utf8(out_, at);
      const bool inert = detail::is_nfc_inert(decoded.code_point);
      if (clusters.empty()) {
        clusters.push_back({at, at, !inert});
      } else if (inert && clusters.back().marked) {
        clusters.push_back({at, at, false});
      } else if (!inert && !clusters.back().marked) {
        // The starter before the first mark leaves the unmarked text for the marked cluster.
        if (previous_start > clusters.back().begin) {
          clusters.back().end = previous_start;
          clusters.push_back({previous_start, previous_start, true});
        }
        clusters.back().marked = true;
      }
      clusters.back().end = at + decoded.length;
      previous_start = at;
      at += decoded.length;
    }
    auto& batch = nfc_batch_;
    batch.clear();
    // Each marked cluster, then a newline: NFC never composes across a newline.
    for (const auto& cluster : clusters) {
      if (!cluster.marked) continue;
      batch.append(out_, cluster.begin, cluster.end - cluster.begin);
      batch += '\n';
    }
    const std::string composed = to_nfc(batch);
    if (composed == batch) return;
    for (auto& cluster : clusters) {
      cluster.original_begin = map_.original_at(size32(cluster.begin));
      cluster.identity = map_.identity_through(size32(cluster.begin), size32(cluster.end));
    }
    const std::string segment = out_.substr(nfc_begin_);
    map_.truncate(size32(nfc_begin_));
    out_.resize(nfc_begin_);
    std::size_t from = 0;  // in `composed`
    for (std::size_t k = 0; k < clusters.size(); ++k) {
      const Cluster& cluster = clusters[k];
      const std::string_view before(segment.data() + (cluster.begin - nfc_begin_), cluster.end - cluster.begin);
      std::string_view after = before;
      if (cluster.marked) {
        // A cluster may start with a newline of its own; the separator comes after it.
        const std::size_t separator = composed.find('\n', before.front() == '\n' ? from + 1 : from);
        after = std::string_view(composed).substr(from, separator - from);
        from = separator + 1;
      }
      const std::uint32_t original_end = k + 1 < clusters.size() ? clusters[k + 1].original_begin : last_end_;
      if (after == before && cluster.identity) {
        map_.copy(size32(out_.size()), cluster.original_begin);
      } else {
        map_.rewrite(size32(out_.size()), cluster.original_begin);
        if (after != before) record(RepairKind::nfc, cluster.original_begin, original_end);
      }
      out_ += after;
    }
  }

  void finish() {
    if (apostrophe_pending_.active) resolve_apostrophe(0);
    flush_whitespace(0);
    close_nfc();
    repair_isolated_a_tilde();
  }

  // "à" in UTF-8 read as Windows-1252 is "Ã" and a no-break space, which copy and paste or HTML
  // often turns into an ordinary space: "arrivé Ã Paris". Such an "Ã" standing alone before a
  // word becomes "à" where the text shows it is garbled (another mojibake repair) or French (see
  // isolated_a_grave()). Decided on the finished canonical text, so a second pass decides alike;
  // "Ã" and "à" have the same length, so the text is patched in place.
  void repair_isolated_a_tilde() {
    if (!options_.fix_mojibake) return;
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

  void record(RepairKind kind, std::uint32_t begin, std::uint32_t end) { repairs_.push_back({kind, {begin, end}}); }

  std::string_view in_;
  const NormalizeOptions& options_;
  const NormalizationLexicon& lexicon_;
  std::string apostrophe_;
  bool straight_apostrophe_ = false;  // options.apostrophe is "'"
  bool curly_apostrophe_ = false;     // options.apostrophe is "’"
  bool html_ = false;
  bool watch_references_ = false;  // references may form in the canonical text
  bool needs_html_ = false;
  AsciiClass ascii_classes_[128] = {};

  std::string out_;
  detail::OffsetMapBuilder map_;
  std::vector<Repair> repairs_;
  std::uint32_t last_end_ = 0;  // original end of what was written last

  struct PendingSpace {
    bool active;
    std::uint32_t begin;
    std::uint32_t end;
    std::uint32_t newlines;
    std::uint32_t characters;
    char32_t no_break;  // the first no-break space of the run, kept by Typography::keep
    bool literal_newline;  // a newline character, not one made from markup
  } space_{};
  struct PendingApostrophe {
    bool active;
    char32_t code_point;
    std::uint32_t begin;
    std::uint32_t end;
    bool verbatim;
  } apostrophe_pending_{};
  struct Cluster {
    std::size_t begin;  // canonical
    std::size_t end;
    bool marked;        // holds a character NFC may change
    std::uint32_t original_begin = 0;
    bool identity = false;
  };
  std::vector<Cluster> nfc_clusters_;  // reused by close_nfc()
  std::string nfc_batch_;
  bool nfc_open_ = false;
  std::size_t nfc_begin_ = 0;      // where the stretch for ICU starts in the canonical text
  std::size_t nfc_last_mark_ = 0;  // just after its last character that NFC may change
};

// The first ill-formed sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const detail::Decoded decoded = decode_utf8(text, i);
    if (!decoded.valid) return i;
    i += decoded.length;
  }
  return std::string_view::npos;
}

}  // namespace

Result<Normalized> normalize(std::string_view original, const NormalizeOptions& options) {
  if (original.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return Error{ErrorCode::input_too_large, original.size()};
  }
  if (options.invalid_utf8 == InvalidUtf8::reject) {
    if (const std::size_t at = find_invalid_utf8(original); at != std::string_view::npos) {
      return Error{ErrorCode::invalid_utf8, at};
    }
  }
  Normalizer normalizer(original, options, false);
  auto result = normalizer.run();
  if (normalizer.needs_html()) return Normalizer(original, options, true).run();
  return result;
}

}  // namespace frnews
