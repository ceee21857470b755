#include <limits>

#include "frnews/normalize.hpp"

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
  }
  return "unknown";
}

// Placeholder until the normalization pipeline lands: the text unchanged.
Result<Normalized> normalize(std::string_view original, const NormalizeOptions&) {
  if (original.size() >= std::numeric_limits<std::uint32_t>::max()) {
    return Error{ErrorCode::input_too_large, original.size()};
  }
  const auto size = static_cast<std::uint32_t>(original.size());
  return Normalized{std::string(original), OffsetMap::identity(size), {}};
}

}  // namespace frnews
