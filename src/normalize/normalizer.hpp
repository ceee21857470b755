// The normalizer: one pass over the original bytes that writes the canonical text and its
// offset map. One class, its parts in one file each:
//   normalizer.cpp       the main loop, put() and the writers (emit, rewind)
//   fast_scan.cpp        how far the text can be copied unchanged
//   whitespace.cpp       runs of spaces and newlines held back until the next character
//   apostrophes.cpp      apostrophe-like characters held back until the next character
//   nfc_stretch.cpp      stretches that hold a character NFC may change, composed by ICU
//   mojibake.cpp         UTF-8 read as Windows-1252, undone as it completes and once at the end
//   late_references.cpp  character references that form in the canonical text
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// AVX2 windows, chosen at run time where the processor has AVX2 (window.cpp).
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#define FRNEWS_WIDE_WINDOWS 1
#endif

#include "frnews/lexicons.hpp"
#include "frnews/normalize.hpp"
#include "normalize/lexicon.hpp"
#include "normalize/offset_map_builder.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

// How the fast scan classifies the text: sixteen bytes at a time (SSE2), or 32 (AVX2). Both give
// the same result; normalize() takes the widest the processor has.
enum class ScanWidth : std::uint8_t { narrow, wide };
[[nodiscard]] ScanWidth widest_scan() noexcept;

// normalize() with the fast scan of the given width (narrow where the processor has no AVX2).
[[nodiscard]] Result<Normalized> normalize_with(std::string_view original, const NormalizeOptions& options,
                                                ScanWidth width, const Lexicons& lexicons = Lexicons::builtin());

class Normalizer {
 public:
  // `html` forces HTML on: automatic mode found a reference only in the canonical text.
  Normalizer(std::string_view original, const NormalizeOptions& options, const NormalizationLexicon& lexicon,
             bool html, ScanWidth width);

  Result<Normalized> run();

  // True when automatic mode, HTML off, met a tag or a reference, or a reference that formed in
  // the canonical text: the text is HTML after all, and run() stopped early.
  [[nodiscard]] bool needs_html() const noexcept { return needs_html_; }

 private:
  enum class AsciiClass : std::uint8_t { plain, space, dot, stop };

  static std::uint32_t size32(std::size_t size) noexcept { return static_cast<std::uint32_t>(size); }

  [[nodiscard]] bool idle() const noexcept { return !space_.active && !apostrophe_pending_.active; }

  // Bytes written since the last character that NFC may change.
  [[nodiscard]] std::size_t nfc_quiet_for() const noexcept { return out_.size() - nfc_last_mark_; }

  [[nodiscard]] char32_t last_cp() const noexcept {
    if (out_.empty()) return 0;
    return decode_utf8(out_, previous_boundary(out_, out_.size())).code_point;
  }

  void record(RepairKind kind, std::uint32_t begin, std::uint32_t end) { repairs_.push_back({kind, {begin, end}}); }

  // normalizer.cpp
  // One item from `at`: markup, a character reference, a newline, a character, or an
  // ill-formed sequence. Returns where the next item starts.
  std::size_t slow_item(std::size_t at);
  // The length of the line feed at in_[at] that completes a carriage return before it: "\n", or
  // in HTML "&#10;" and its kin; 0 when none.
  [[nodiscard]] std::size_t line_feed_length(std::size_t at) const noexcept;
  // Takes one character that came from original bytes [begin, end); `verbatim` when those bytes
  // are exactly its UTF-8.
  void put(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim);
  // Takes back a ¬ written between a letter and the letter `next` from original `begin` on:
  // "Poin¬caré", where OCR kept the mark of a word broken at a line end. It is decided on the
  // canonical text, whatever was removed or repaired around the ¬, so the next pass finds none.
  void join_broken_word(char32_t next, std::uint32_t begin);
  // Typography::canonical puts a narrow no-break space inside « » where none was.
  void space_guillemets(char32_t next, std::uint32_t at);
  // Takes back the canonical text from `from` on; returns the original offset it came from.
  std::uint32_t rewind(std::uint32_t from);
  // Writes one character; opens or closes the stretch that ICU must see.
  void emit(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim);
  // Writes replacement text for original bytes [begin, end).
  void emit_text(std::string_view text, std::uint32_t begin, std::uint32_t end);
  void finish();

  // fast_scan.cpp
  void build_ascii_classes();
  void set_ascii_class(char byte, AsciiClass ascii_class) noexcept;
  // A byte that may start a word after a single space copied as is.
  static bool starts_word(unsigned char byte) noexcept;
  // What may follow a space (`space`) or a line break copied as is: a word, with
  // Typography::keep a guillemet, or ASCII punctuation.
  [[nodiscard]] bool may_follow_blank(std::size_t at, bool space) const noexcept;
  // True when what follows a straight double quote after a letter shows that it stays as it is,
  // whatever the letter: a blank or punctuation, never a letter that takes an elision (d"être).
  [[nodiscard]] bool stays_after_letter(std::size_t at) const noexcept;
  // A byte that may start a Windows-1252 image of a continuation byte.
  static bool may_start_continuation_image(unsigned char byte) noexcept;
  // Non-ASCII characters that need nothing on their own.
  [[nodiscard]] bool plain_character(char32_t cp) const noexcept;
  // Copies the text from `at` as far as it needs nothing, writing the straight apostrophes
  // between letters on the way; returns where it stopped.
  std::size_t copy_plain(std::size_t at, std::size_t limit);
  // False when the byte at `at` must go through put() after `previous`, the last character
  // written, so that no stretch copied as is starts there.
  [[nodiscard]] bool may_start_stretch(std::size_t at, char32_t previous) const noexcept;
  // True when what is written after `previous`, the last character written, starts after a blank.
  [[nodiscard]] bool follows_blank(char32_t previous) const noexcept;
  // True when the straight quote at in_[i] sits between two letters and may be rewritten
  // without a look at anything else: ASCII or Latin-1 letters on both sides.
  [[nodiscard]] bool between_letters(std::size_t i, std::size_t stretch_begin, char32_t before_stretch) const noexcept;
  // False when the straight double quote at in_[i] follows no letter, so that it cannot stand for
  // an apostrophe (see may_stand_for_apostrophe()) and is copied as it is.
  [[nodiscard]] bool may_stand_for_apostrophe_at(std::size_t i, std::size_t stretch_begin,
                                                 char32_t before_stretch) const noexcept;
  // Skips the bytes that need nothing (plain ASCII, single spaces before a word, two-byte Latin-1
  // letters...) and returns where the first other one is, never inside a character. The bytes
  // two before a newline, and the one before a double quote, must be of the stretch that began
  // at `stretch_begin`. Reads the classes of 64 bytes at a time from window_, computed once for
  // all the stops in them.
  [[nodiscard]] std::size_t skip_plain_blocks(std::size_t at, std::size_t stretch_begin, bool after_blank,
                                              std::size_t limit) const noexcept;

  // window.cpp
  void build_window_tables();
  // Classifies the 64 bytes from `begin` into window_.
  void classify_window(std::size_t begin) const noexcept;
#if defined(__SSE2__)
  void classify_narrow_window(std::size_t begin) const noexcept;
#endif
#if defined(FRNEWS_WIDE_WINDOWS)
  void classify_wide_window(std::size_t begin) const noexcept;
#endif

  // whitespace.cpp
  void put_whitespace(char32_t cp, std::uint32_t begin, std::uint32_t end, bool verbatim);
  // The one space a run of spaces becomes before `next`.
  [[nodiscard]] char32_t chosen_space(char32_t next) const noexcept;
  [[nodiscard]] char32_t chosen_space_kind(char32_t next) const noexcept;
  // Writes the pending run of spaces and newlines, now that `next` follows (0 at the end).
  void flush_whitespace(char32_t next);
  // The spaces and newlines now ending the text go back to pending: what follows them changed.
  void reopen_whitespace(std::uint32_t original_end);
  void flush_pending(char32_t next);

  // apostrophes.cpp
  // Writes the pending apostrophe-like character, now that `next` follows (0 at the end).
  void resolve_apostrophe(char32_t next);
  // A straight double quote right after a letter, which a bad conversion of ’ may have left.
  [[nodiscard]] bool may_stand_for_apostrophe(char32_t cp) const noexcept;
  // The apostrophe-like character now ending the text goes back to pending: it was decided on
  // the '&' of a reference that formed later, and must be decided on its character.
  void reopen_apostrophe(std::uint32_t original_end);

  // nfc_stretch.cpp
  // Composes the open stretch. ICU sees only its clusters that hold a mark, all in one call,
  // so that the words between them keep their identity runs in the map.
  void close_nfc();

  // late_references.cpp
  struct FormedReference {
    char32_t code_point;
    std::uint32_t begin;  // original offset of its '&'
  };
  // When the canonical text ends with the start of a character reference ("&eacute", "&#233")
  // that a ';' would complete, takes it back and returns its character.
  std::optional<FormedReference> formed_reference();

  // mojibake.cpp
  struct Unmangled {
    char32_t code_point;
    std::uint32_t begin;
  };
  // When `cp` completes a UTF-8 sequence read as Windows-1252 at the end of the text written
  // ("Ã" then "©"), takes the sequence back and returns the character it stood for.
  std::optional<Unmangled> undo_mojibake(char32_t cp, std::uint32_t end);
  // "à" in UTF-8 read as Windows-1252 is "Ã" and a no-break space, which copy and paste or HTML
  // often turns into an ordinary space: "arrivé Ã Paris". Such an "Ã" standing alone before a
  // word becomes "à" where the text shows it is garbled (another mojibake repair) or French (see
  // isolated_a_grave()). Decided on the finished canonical text, so a second pass decides alike;
  // "Ã" and "à" have the same length, so the text is patched in place.
  void repair_isolated_a_tilde();
  void note_a_tilde(std::string_view written) noexcept {
    if (written.find("\xC3\x83") != std::string_view::npos) a_tilde_written_ = true;
  }

  std::string_view in_;
  const NormalizeOptions& options_;
  const NormalizationLexicon& lexicon_;
  std::string apostrophe_;
  bool straight_apostrophe_ = false;  // options.apostrophe is "'"
  bool curly_apostrophe_ = false;     // options.apostrophe is "’"
  bool html_ = false;
  bool watch_references_ = false;  // references may form in the canonical text
  bool needs_html_ = false;
  bool detect_html_ = false;  // automatic mode, HTML not forced: the first tag or reference sets needs_html_
  // An "Ã" may have been written: repair_isolated_a_tilde() searches the text only then. The fast
  // scan leaves every "Ã" to put().
  bool a_tilde_written_ = false;
  AsciiClass ascii_classes_[128] = {};
  bool punctuation_[128] = {};  // ASCII punctuation for may_follow_blank(): printable, none a reference may start with
#if defined(__SSE2__)
  // The bytes skip_plain_blocks() stops at by the options, each in every lane: HTML, apostrophes,
  // references; and the dot, which stops it when doubled.
  __m128i block_stops_[6] = {};
  __m128i block_dot_ = {};
#endif
  ScanWidth width_ = ScanWidth::narrow;
#if defined(FRNEWS_WIDE_WINDOWS)
  // The byte classes of classify_wide_window(), by low and high nibble (see window.cpp).
  struct NibbleTables {
    std::uint8_t stop_low[16];
    std::uint8_t stop_high[16];
    std::uint8_t next_low[16];
    std::uint8_t next_high[16];
  } nibble_tables_ = {};
#endif
  // The classes of 64 bytes of the original text, one bit a byte, for skip_plain_blocks().
  static constexpr std::size_t window_size = 64;
  struct Window {
    std::size_t begin;
    std::uint64_t bad;            // bytes that need a closer look, but for the two below
    std::uint64_t kept_newlines;  // newlines copied as they are when their stretch holds the two bytes before
    std::uint64_t plain_quotes;   // double quotes copied as they are when their stretch holds the byte before
    std::uint64_t open_stops;     // bytes that need a closer look while a stretch for ICU is open
    std::uint64_t leads;          // 0xC3 lead bytes
  };
  mutable Window window_ = {std::string_view::npos, 0, 0, 0, 0, 0};  // a cache: filled by a const scan

  std::string out_;
  OffsetMapBuilder map_;
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

}  // namespace frnews::detail
