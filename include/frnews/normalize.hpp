#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/error.hpp"
#include "frnews/export.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/span.hpp"

namespace frnews {

// What to do with French no-break spaces.
enum class Typography : std::uint8_t {
  keep,       // no-break spaces stay as found (default)
  canonical,  // U+202F before ; ! ? and inside « », U+00A0 before :
  ascii,      // every space becomes U+0020
};

enum class HtmlMode : std::uint8_t { automatic, on, off };

enum class InvalidUtf8 : std::uint8_t {
  replace,  // each ill-formed sequence becomes U+FFFD (WHATWG rules)
  reject,   // normalize() returns ErrorCode::invalid_utf8 with the byte position
};

// One switch per repair; the defaults are what a French news pipeline wants.
struct NormalizeOptions {
  InvalidUtf8 invalid_utf8 = InvalidUtf8::replace;
  bool fix_mojibake = true;          // "Ã©" -> "é", "â€™" -> "’", "Â«" -> "«"
  HtmlMode html = HtmlMode::automatic;
  bool remove_invisibles = true;     // C0/C1 controls but tab and newline, BOM, zero-width, soft hyphen
  bool normalize_newlines = true;    // CRLF and CR -> LF
  bool nfc = true;                   // Unicode NFC
  bool collapse_spaces = true;       // runs of spaces -> one; newlines kept
  Typography typography = Typography::keep;
  bool unify_apostrophes = true;     // ' ` ´ ʼ ’ -> apostrophe below
  std::u32string_view apostrophe = U"\u2019";
  bool unify_dashes = false;         // ‐ ‑ ‒ -> "-"; – — ― kept (they carry meaning in French)
  bool expand_ellipsis = false;      // "…" -> "..."
  bool split_ligatures = true;       // ﬁ ﬂ ﬀ ﬃ ﬄ -> fi fl ff ffi ffl; œ æ kept
  bool fold_fullwidth = true;        // ＡＢＣ１２３ -> ABC123
  bool join_ocr_hyphens = true;      // "Poin¬caré" -> "Poincaré": the ¬ OCR leaves at line-end breaks
};

enum class RepairKind : std::uint8_t {
  invalid_utf8,
  mojibake,
  html_entity,
  html_markup,
  invisible,
  newline,
  nfc,
  space,
  typography,
  apostrophe,
  dash,
  ellipsis,
  ligature,
  fullwidth,
  ocr_hyphen,
};

[[nodiscard]] FRNEWS_API std::string_view to_string(RepairKind kind) noexcept;

struct Repair {
  RepairKind kind;
  Span original;  // bytes of the original text that this repair rewrote
};

namespace detail {
class OffsetMapBuilder;
}

// Maps byte offsets of the canonical text back to the original text, and original spans to the
// canonical text. Stored as runs, one per stretch of identical bytes or per rewritten sequence,
// so a clean text costs a single run. Read-only: normalize() builds it.
class FRNEWS_API OffsetMap {
 public:
  struct Run {
    std::uint32_t canonical;  // where the run starts in the canonical text
    std::uint32_t original;   // where it starts in the original text
    bool identity;            // bytes copied unchanged (else one rewritten sequence)
  };

  OffsetMap() = default;
  // The map of a text left unchanged.
  [[nodiscard]] static OffsetMap identity(std::uint32_t size);

  // The original offset where the character at canonical offset `at` comes from: the start of
  // the rewritten sequence when `at` falls inside one.
  [[nodiscard]] std::uint32_t to_original_begin(std::uint32_t at) const noexcept;
  // The original offset just past what produced the canonical bytes before `at`: the end of the
  // rewritten sequence when `at` falls inside one.
  [[nodiscard]] std::uint32_t to_original_end(std::uint32_t at) const noexcept;
  // A canonical span as the smallest original span that produced it.
  [[nodiscard]] Span to_original(Span canonical) const noexcept;
  // An original span as the smallest canonical span produced from it: a rewritten sequence it
  // touches comes whole, bytes normalization dropped come to nothing. It inverts to_original()
  // on the spans frnews reports; clamped to the canonical text.
  [[nodiscard]] Span to_canonical(Span original) const noexcept;

  // Maps the canonical spans of a walk through the text (sentences, tokens), in increasing
  // order, as to_original() does, stepping over the runs from the last span's instead of
  // searching them all: spans in any order are mapped right, only slower.
  class FRNEWS_API Walker {
   public:
    explicit Walker(const OffsetMap& map) noexcept : map_(map) {}
    [[nodiscard]] Span to_original(Span canonical) noexcept;

   private:
    [[nodiscard]] std::size_t run_holding(std::uint32_t at) noexcept;
    const OffsetMap& map_;
    std::size_t run_ = 0;  // the run of the last offset looked up
  };

  [[nodiscard]] std::uint32_t canonical_size() const noexcept { return canonical_size_; }
  [[nodiscard]] std::uint32_t original_size() const noexcept { return original_size_; }
  [[nodiscard]] const std::vector<Run>& runs() const noexcept { return runs_; }

 private:
  friend class detail::OffsetMapBuilder;

  // to_original_begin() and to_original_end() of an offset inside the text, from its run.
  [[nodiscard]] std::uint32_t original_begin(std::size_t run, std::uint32_t at) const noexcept;
  [[nodiscard]] std::uint32_t original_end(std::size_t run, std::uint32_t at) const noexcept;

  std::vector<Run> runs_;
  std::uint32_t canonical_size_ = 0;
  std::uint32_t original_size_ = 0;
};

struct Normalized {
  std::string text;              // canonical UTF-8
  OffsetMap map;                 // canonical -> original
  std::vector<Repair> repairs;   // what was changed, in original order
};

// Repairs and canonicalizes real-world French text. Fails only on a text of 4 GiB or more, or
// on ill-formed UTF-8 when options.invalid_utf8 is reject.
[[nodiscard]] FRNEWS_API Result<Normalized> normalize(std::string_view original,
                                                      const NormalizeOptions& options = {});
// The same reading the elisions and French words of `lexicons` (elisions.tsv, french_words.tsv).
[[nodiscard]] FRNEWS_API Result<Normalized> normalize(std::string_view original, const NormalizeOptions& options,
                                                      const Lexicons& lexicons);

// A key for dictionary lookups: lower case, accents removed, apostrophes and hyphens unified
// ("L’État-Major" -> "l'etat-major"). Expects canonical text.
[[nodiscard]] FRNEWS_API std::string fold_key(std::string_view text);
// Appends fold_key(text) to `out`, without allocating when `out` has the room: for hot loops.
FRNEWS_API void append_fold_key(std::string& out, std::string_view text);
// Bumped whenever fold_key() gives another key for some text: binary knowledge bases record the
// version their keys were made with, and one made with another version is refused.
inline constexpr std::uint32_t fold_key_version = 1;

}  // namespace frnews
