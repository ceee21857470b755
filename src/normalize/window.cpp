// The classes of 64 bytes at a time for the fast scan (skip_plain_blocks() in fast_scan.cpp):
// sixteen bytes at a time with SSE2, which every x86-64 processor has, or 32 with AVX2 where the
// processor has it, which also lets through a blank before punctuation and the double quotes that
// stay as they are. Both give the same result; tests compare them.
#include "normalize/normalizer.hpp"

#include <initializer_list>

#if defined(FRNEWS_WIDE_WINDOWS)
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace frnews::detail {

namespace {

#if defined(FRNEWS_WIDE_WINDOWS)
// The classes of a byte, two sets of eight bits each found as the AND of a lookup by its low
// nibble and one by its high nibble, so that AVX2 classifies 32 bytes in four shuffles. Each bit
// is a set of high nibbles times a set of low ones.
enum StopBits : std::uint8_t {
  stop_control = 0x01,        // 0x00-0x1F
  stop_delete = 0x02,         // 0x7F
  stop_backquote = 0x04,      // ` (apostrophes)
  stop_quote = 0x08,          // " ' (apostrophes)
  stop_semicolon_lt = 0x10,   // ; (references), < (HTML)
  class_dot = 0x20,           // . (unless ellipses are expanded)
  class_space = 0x40,
  stop_amp = 0x80,            // & (HTML)
};
constexpr unsigned stop_bits = stop_control | stop_delete | stop_backquote | stop_quote | stop_semicolon_lt | stop_amp;
// What no blank copied as is may come before (but non-ASCII bytes): see may_follow_blank().
constexpr unsigned no_punctuation_bits = stop_control | stop_delete | stop_semicolon_lt | stop_amp | class_space;
enum NextBits : std::uint8_t {
  word_a_to_o = 0x01,         // A-O a-o
  word_p_to_z = 0x02,         // P-Z p-z
  word_digit = 0x04,
  word_lead = 0x08,           // 0xC3
  image_two_byte = 0x10,      // 0xC2 0xC5 0xC6 0xCB: what may start a continuation image
  image_three_byte = 0x20,    // 0xE2
  class_x83 = 0x40,           // the second byte of "Ã"
  class_newline = 0x80,
};

struct NibbleBit {
  std::uint8_t bit;
  std::uint16_t high_nibbles;  // one bit a nibble
  std::uint16_t low_nibbles;
};

constexpr std::uint16_t nibbles(std::uint8_t from, std::uint8_t to) noexcept {
  return static_cast<std::uint16_t>(((1U << (to + 1U)) - 1U) & ~((1U << from) - 1U));
}
constexpr std::uint16_t nibble(std::uint8_t value) noexcept { return static_cast<std::uint16_t>(1U << value); }

void fill(std::uint8_t (&low)[16], std::uint8_t (&high)[16], std::initializer_list<NibbleBit> bits) noexcept {
  for (const NibbleBit& b : bits) {
    for (unsigned n = 0; n < 16; ++n) {
      if ((b.low_nibbles >> n) & 1U) low[n] = static_cast<std::uint8_t>(low[n] | b.bit);
      if ((b.high_nibbles >> n) & 1U) high[n] = static_cast<std::uint8_t>(high[n] | b.bit);
    }
  }
}

// AVX2 code, called only where the processor has it; lambdas would not inherit the target.
#define FRNEWS_AVX2 __attribute__((target("avx2")))

FRNEWS_AVX2 __m256i nibble_table(const std::uint8_t (&table)[16]) noexcept {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(table)));
}

// The top bit of each of 32 bytes.
FRNEWS_AVX2 std::uint64_t top_bits(__m256i v) noexcept {
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(v));
}

// The bytes that have any of the bits `of` among their classes.
FRNEWS_AVX2 std::uint64_t any_of(__m256i classes, std::uint8_t of) noexcept {
  const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(classes, _mm256_set1_epi8(static_cast<char>(of))),
                                         _mm256_setzero_si256());
  return ~top_bits(none) & 0xFFFFFFFFU;
}

// Asked on first use with two cpuid instructions: __builtin_cpu_supports() would link libgcc's
// detection of every feature, run at the start of every process (each cpuid traps in a virtual
// machine).
[[nodiscard]] bool processor_has_avx2() noexcept {
  static const bool has = [] {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (__get_cpuid(1, &a, &b, &c, &d) == 0 || (c & bit_OSXSAVE) == 0 || (c & bit_AVX) == 0) return false;
    // The system saves the AVX registers on a context switch.
    unsigned low = 0, high = 0;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    if ((low & 6U) != 6U) return false;
    return __get_cpuid_count(7, 0, &a, &b, &c, &d) != 0 && (b & bit_AVX2) != 0;
  }();
  return has;
}
#endif

}  // namespace

ScanWidth widest_scan() noexcept {
#if defined(FRNEWS_WIDE_WINDOWS)
  if (processor_has_avx2()) return ScanWidth::wide;
#endif
  return ScanWidth::narrow;
}

void Normalizer::build_window_tables() {
#if defined(__SSE2__)
  const char never = 0x7F;  // a control, refused anyway
  const bool html = html_ || detect_html_;
  const bool apostrophes = options_.unify_apostrophes;
  const char stops[] = {html ? '&' : never,        html ? '<' : never, apostrophes ? '\'' : never,
                        apostrophes ? '`' : never, apostrophes ? '"' : never, watch_references_ ? ';' : never};
  for (std::size_t k = 0; k < std::size(stops); ++k) block_stops_[k] = _mm_set1_epi8(stops[k]);
  block_dot_ = _mm_set1_epi8(options_.expand_ellipsis ? never : '.');
#endif
#if defined(FRNEWS_WIDE_WINDOWS)
  const auto when = [](bool condition, std::uint16_t low) { return condition ? low : std::uint16_t{0}; };
  fill(nibble_tables_.stop_low, nibble_tables_.stop_high,
       {{stop_control, nibbles(0, 1), nibbles(0, 15)},
        {stop_delete, nibble(7), nibble(15)},
        {stop_backquote, nibble(6), when(apostrophes, nibble(0))},
        {stop_quote, nibble(2), when(apostrophes, nibble(2) | nibble(7))},
        {stop_semicolon_lt, nibble(3),
         static_cast<std::uint16_t>(when(watch_references_, nibble(11)) | when(html, nibble(12)))},
        {class_dot, nibble(2), when(!options_.expand_ellipsis, nibble(14))},
        {class_space, nibble(2), nibble(0)},
        {stop_amp, nibble(2), when(html, nibble(6))}});
  fill(nibble_tables_.next_low, nibble_tables_.next_high,
       {{word_a_to_o, nibble(4) | nibble(6), nibbles(1, 15)},
        {word_p_to_z, nibble(5) | nibble(7), nibbles(0, 10)},
        {word_digit, nibble(3), nibbles(0, 9)},
        {word_lead, nibble(12), nibble(3)},
        {image_two_byte, nibble(12), nibble(2) | nibble(5) | nibble(6) | nibble(11)},
        {image_three_byte, nibble(14), nibble(2)},
        {class_x83, nibble(8), nibble(3)},
        {class_newline, nibble(0), nibble(10)}});
#endif
}

void Normalizer::classify_window(std::size_t begin) const noexcept {
#if defined(FRNEWS_WIDE_WINDOWS)
  if (width_ == ScanWidth::wide) {
    classify_wide_window(begin);
    return;
  }
#endif
#if defined(__SSE2__)
  classify_narrow_window(begin);
#else
  (void)begin;
#endif
}

#if defined(__SSE2__)
void Normalizer::classify_narrow_window(std::size_t begin) const noexcept {
  const auto byte = [](char c) { return _mm_set1_epi8(c); };
  const __m128i zero = _mm_setzero_si128();
  const __m128i lead_c3 = byte(static_cast<char>(0xC3));
  const __m128i continuation_bits = byte(static_cast<char>(0xC0));
  const __m128i continuation_value = byte(static_cast<char>(0x80));
  const __m128i newline = byte('\n');
  const auto load = [&](std::size_t from) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(in_.data() + from)); };
  const auto mask = [](__m128i v) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(v))); };
  // Letters, digits and the lead byte of Latin-1 letters: what may start a word.
  const auto word_start = [&](__m128i v) {
    const __m128i lower = _mm_or_si128(v, byte(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, byte('a' - 1)), _mm_cmplt_epi8(lower, byte('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, byte('0' - 1)), _mm_cmplt_epi8(v, byte('9' + 1)));
    return _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(v, lead_c3));
  };
  window_ = {begin, 0, 0, 0, 0, 0};
  std::uint64_t continuations = 0;  // continuation bytes
  std::uint64_t continued = 0;      // bytes a continuation byte follows
  std::uint64_t before_image = 0;   // bytes what may start a continuation image follows
  // Sixteen bytes at a time, each with the two bytes after it and, for newlines, the two before.
  for (std::size_t shift = 0; shift < window_size; shift += 16) {
    const std::size_t i = begin + shift;
    const __m128i v = load(i);
    const __m128i n = load(i + 1);
    const __m128i high = _mm_cmplt_epi8(v, zero);
    const __m128i space = _mm_cmpeq_epi8(v, byte(' '));
    __m128i bad = _mm_andnot_si128(_mm_or_si128(high, space), _mm_cmplt_epi8(v, byte(0x21)));
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(v, byte(0x7F)));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, block_stops_[0]), _mm_cmpeq_epi8(v, block_stops_[1])));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, block_stops_[2]), _mm_cmpeq_epi8(v, block_stops_[3])));
    bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpeq_epi8(v, block_stops_[4]), _mm_cmpeq_epi8(v, block_stops_[5])));
    bad = _mm_or_si128(bad, _mm_and_si128(_mm_cmpeq_epi8(v, block_dot_), _mm_cmpeq_epi8(n, block_dot_)));
    // A space must be single and start a word.
    const __m128i word = word_start(n);
    bad = _mm_or_si128(bad, options_.collapse_spaces ? _mm_andnot_si128(word, space) : space);
    window_.bad |= mask(bad) << shift;
    const __m128i line_break = _mm_cmpeq_epi8(v, newline);
    if (i >= 2 && _mm_movemask_epi8(line_break) != 0) {
      // One line break or one blank line between words stays as it is, as in copy_plain(): a
      // newline after no newline, or after one newline after none, that a word or a second
      // newline and a word follow.
      const __m128i after_break = _mm_cmpeq_epi8(load(i - 1), newline);
      const __m128i after_two = _mm_and_si128(after_break, _mm_cmpeq_epi8(load(i - 2), newline));
      const __m128i before_word = _mm_or_si128(word, _mm_and_si128(_mm_cmpeq_epi8(n, newline), word_start(load(i + 2))));
      const __m128i kept = _mm_or_si128(_mm_andnot_si128(after_break, before_word),
                                        _mm_andnot_si128(after_two, _mm_and_si128(after_break, word)));
      window_.kept_newlines |= mask(_mm_and_si128(line_break, kept)) << shift;
    }
    const std::uint64_t high_mask = mask(high);
    if (high_mask != 0) {
      window_.open_stops |= high_mask << shift;
      window_.leads |= mask(_mm_cmpeq_epi8(v, lead_c3)) << shift;
      continuations |= mask(_mm_cmpeq_epi8(_mm_and_si128(v, continuation_bits), continuation_value)) << shift;
      continued |= mask(_mm_cmpeq_epi8(_mm_and_si128(n, continuation_bits), continuation_value)) << shift;
      if (options_.fix_mojibake) {
        const __m128i image_start = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(n, byte(static_cast<char>(0xC2))), _mm_cmpeq_epi8(n, byte(static_cast<char>(0xC5)))),
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(n, byte(static_cast<char>(0xC6))),
                                      _mm_cmpeq_epi8(n, byte(static_cast<char>(0xCB)))),
                         _mm_cmpeq_epi8(n, byte(static_cast<char>(0xE2)))));
        before_image |= mask(image_start) << shift;
        // "Ã" goes through put(): see a_tilde_written_.
        const __m128i a_tilde = _mm_and_si128(_mm_cmpeq_epi8(v, lead_c3), _mm_cmpeq_epi8(n, byte(static_cast<char>(0x83))));
        window_.bad |= mask(a_tilde) << shift;
      }
    }
  }
  // Non-ASCII bytes: only 0xC3 followed by a continuation byte, and no mojibake lead followed by
  // what may start a continuation image.
  const std::uint64_t leads = window_.leads;
  window_.bad |= (window_.open_stops & ~(leads | continuations)) | (leads & ~continued) | (continuations & ~(leads << 1)) |
                 ((continuations & before_image) >> 1);
}
#endif

#if defined(FRNEWS_WIDE_WINDOWS)
FRNEWS_AVX2 void Normalizer::classify_wide_window(std::size_t begin) const noexcept {
  const __m256i stop_low = nibble_table(nibble_tables_.stop_low);
  const __m256i stop_high = nibble_table(nibble_tables_.stop_high);
  const __m256i next_low = nibble_table(nibble_tables_.next_low);
  const __m256i next_high = nibble_table(nibble_tables_.next_high);
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i double_quote = _mm256_set1_epi8('"');
  // One bit a byte for each class, 32 bytes at a time.
  std::uint64_t stop = 0, punctuation = 0, apostrophe = 0, quote = 0, dot = 0, space = 0, lead = 0, word = 0,
                letter = 0, image = 0, x83 = 0, newline = 0, high = 0, continuation = 0;
  for (unsigned shift = 0; shift < window_size; shift += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in_.data() + begin + shift));
    const __m256i low = _mm256_and_si256(v, low_nibble);
    const __m256i upper = _mm256_and_si256(_mm256_srli_epi16(v, 4), low_nibble);
    const __m256i stops = _mm256_and_si256(_mm256_shuffle_epi8(stop_low, low), _mm256_shuffle_epi8(stop_high, upper));
    const __m256i nexts = _mm256_and_si256(_mm256_shuffle_epi8(next_low, low), _mm256_shuffle_epi8(next_high, upper));
    const std::uint64_t high_bits = top_bits(v);
    stop |= any_of(stops, stop_bits) << shift;
    punctuation |= (~(any_of(stops, no_punctuation_bits) | high_bits) & 0xFFFFFFFFU) << shift;
    apostrophe |= any_of(stops, stop_quote | stop_backquote) << shift;
    quote |= top_bits(_mm256_cmpeq_epi8(v, double_quote)) << shift;
    // movemask reads the top bit of each byte: a shift by 7 - k brings bit k there.
    dot |= top_bits(_mm256_slli_epi16(stops, 2)) << shift;
    space |= top_bits(_mm256_slli_epi16(stops, 1)) << shift;
    lead |= top_bits(_mm256_slli_epi16(nexts, 4)) << shift;
    word |= any_of(nexts, word_a_to_o | word_p_to_z | word_digit | word_lead) << shift;
    letter |= any_of(nexts, word_a_to_o | word_p_to_z) << shift;
    image |= any_of(nexts, image_two_byte | image_three_byte) << shift;
    x83 |= top_bits(_mm256_slli_epi16(nexts, 1)) << shift;
    newline |= top_bits(nexts) << shift;
    high |= high_bits << shift;
    // 0x80-0xBF, as signed bytes below -64.
    continuation |= top_bits(_mm256_cmpgt_epi8(_mm256_set1_epi8(-64), v)) << shift;
  }
  // The classes of the two bytes after the window and the two before it, one at a time.
  const auto byte_at = [&](std::size_t at) -> unsigned { return static_cast<unsigned char>(in_[at]); };
  const auto nexts_of = [&](std::size_t at) -> unsigned {
    return nibble_tables_.next_low[byte_at(at) & 0x0FU] & nibble_tables_.next_high[byte_at(at) >> 4U];
  };
  const auto stops_of = [&](std::size_t at) -> unsigned {
    return nibble_tables_.stop_low[byte_at(at) & 0x0FU] & nibble_tables_.stop_high[byte_at(at) >> 4U];
  };
  const auto is = [](unsigned classes, unsigned of) { return std::uint64_t{(classes & of) != 0}; };
  constexpr unsigned word_bits = word_a_to_o | word_p_to_z | word_digit | word_lead;
  constexpr unsigned letter_bits = word_a_to_o | word_p_to_z;
  const auto punctuation_at = [&](std::size_t at) {
    return std::uint64_t{byte_at(at) < 0x80U && (stops_of(at) & no_punctuation_bits) == 0};
  };
  // After a letter, a double quote stays before a blank or punctuation: see stays_after_letter().
  const auto stays_at = [&](std::size_t at) {
    return std::uint64_t{byte_at(at) == ' ' || byte_at(at) == '\n' ||
                         (punctuation_at(at) != 0 && (nexts_of(at) & letter_bits) == 0 &&
                          (stops_of(at) & (stop_quote | stop_backquote)) == 0)};
  };
  const std::size_t end = begin + window_size;
  const unsigned after = nexts_of(end);
  const unsigned after_two = nexts_of(end + 1);
  // Each class of the byte after each byte, and of the one after that.
  const std::uint64_t next_word = (word >> 1U) | (is(after, word_bits) << 63U);
  const std::uint64_t next_next_word = (word >> 2U) | (is(after, word_bits) << 62U) | (is(after_two, word_bits) << 63U);
  const std::uint64_t next_punctuation = (punctuation >> 1U) | (punctuation_at(end) << 63U);
  const std::uint64_t next_next_punctuation =
      (punctuation >> 2U) | (punctuation_at(end) << 62U) | (punctuation_at(end + 1) << 63U);
  const std::uint64_t stays = space | newline | (punctuation & ~letter & ~apostrophe);
  const std::uint64_t next_stays = (stays >> 1U) | (stays_at(end) << 63U);
  const std::uint64_t next_dot = (dot >> 1U) | (std::uint64_t{byte_at(end) == '.' && !options_.expand_ellipsis} << 63U);
  const std::uint64_t next_newline = (newline >> 1U) | (is(after, class_newline) << 63U);
  const std::uint64_t next_continuation = (continuation >> 1U) | (std::uint64_t{(byte_at(end) & 0xC0U) == 0x80U} << 63U);
  const std::uint64_t next_image = (image >> 1U) | (is(after, image_two_byte | image_three_byte) << 63U);
  const std::uint64_t next_x83 = (x83 >> 1U) | (is(after, class_x83) << 63U);
  const std::uint64_t previous_letter =
      ((letter | high) << 1U) | (begin == 0 || (nexts_of(begin - 1) & letter_bits) != 0 || byte_at(begin - 1) >= 0x80U);

  // A space or a line break before punctuation is copied as is, as in copy_plain(), but not while a
  // stretch for ICU is open, nor a space with Typography::canonical.
  const bool spaces_before_punctuation = options_.collapse_spaces && options_.typography != Typography::canonical;
  const std::uint64_t space_before_punctuation = spaces_before_punctuation ? space & next_punctuation & ~next_word : 0;
  std::uint64_t bad = stop | (dot & next_dot) |
                      (options_.collapse_spaces ? space & ~next_word & ~space_before_punctuation : space);
  // A double quote before a blank or punctuation stays as it is, whatever comes before.
  const std::uint64_t staying_quotes = quote & next_stays;
  bad &= ~staying_quotes;
  std::uint64_t kept_newlines = 0;
  std::uint64_t kept_before_punctuation = 0;
  if (newline != 0) {
    // One line break or one blank line between words stays as it is, as in
    // classify_narrow_window(), which leaves the first sixteen bytes of the text alone; so before
    // punctuation.
    const std::uint64_t before = begin >= 2 ? is(nexts_of(begin - 1), class_newline) : 0;
    const std::uint64_t before_two = begin >= 2 ? is(nexts_of(begin - 2), class_newline) : 0;
    const std::uint64_t previous_newline = (newline << 1U) | before;
    const std::uint64_t second_newline = (newline << 2U) | (before << 1U) | before_two;
    const auto kept = [&](std::uint64_t next, std::uint64_t next_next) {
      const std::uint64_t before_word = next | (next_newline & next_next);
      std::uint64_t lines = newline & ((~previous_newline & before_word) | (previous_newline & ~second_newline & next));
      if (begin < 2) lines &= ~std::uint64_t{0xFFFF};
      return lines;
    };
    kept_newlines = kept(next_word, next_next_word);
    kept_before_punctuation = kept(next_word | next_punctuation, next_next_word | next_next_punctuation) & ~kept_newlines;
  }
  bad |= (high & ~(lead | continuation)) | (lead & ~next_continuation) | (continuation & ~(lead << 1U));
  if (options_.fix_mojibake) bad |= ((continuation & next_image) >> 1U) | (lead & next_x83);
  // A double quote after what is no letter stays as it is too: see may_stand_for_apostrophe_at().
  const std::uint64_t plain_quotes = quote & ~previous_letter;
  window_ = {begin,
             bad,
             kept_newlines | kept_before_punctuation,
             plain_quotes,
             high | space_before_punctuation | kept_before_punctuation | staying_quotes | plain_quotes,
             lead};
}
#endif

}  // namespace frnews::detail
