// normalize(): checks the input, then runs the normalizer (normalizer.hpp) once, or twice when
// automatic mode finds the text is HTML only in its canonical form.
#include <limits>

#include "core/lexicons.hpp"
#include "frnews/normalize.hpp"
#include "normalize/normalizer.hpp"
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

// The first ill-formed sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const detail::Decoded decoded = detail::decode_utf8(text, i);
    if (!decoded.valid) return i;
    i += decoded.length;
  }
  return std::string_view::npos;
}

}  // namespace

Result<Normalized> normalize(std::string_view original, const NormalizeOptions& options) {
  return normalize(original, options, Lexicons::builtin());
}

Result<Normalized> normalize(std::string_view original, const NormalizeOptions& options, const Lexicons& lexicons) {
  return detail::normalize_with(original, options, detail::widest_scan(), lexicons);
}

Result<Normalized> detail::normalize_with(std::string_view original, const NormalizeOptions& options, ScanWidth width,
                                          const Lexicons& lexicons) {
  if (original.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return Error{ErrorCode::input_too_large, original.size()};
  }
  if (options.invalid_utf8 == InvalidUtf8::reject) {
    if (const std::size_t at = find_invalid_utf8(original); at != std::string_view::npos) {
      return Error{ErrorCode::invalid_utf8, at};
    }
  }
  const detail::NormalizationLexicon& lexicon = lexicons.impl().normalization();
  detail::Normalizer normalizer(original, options, lexicon, false, width);
  auto result = normalizer.run();
  if (normalizer.needs_html()) return detail::Normalizer(original, options, lexicon, true, width).run();
  return result;
}

}  // namespace frnews
