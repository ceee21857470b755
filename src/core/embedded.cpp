#include "core/embedded.hpp"

namespace frnews::detail {

std::optional<std::string_view> embedded_file(std::string_view name) noexcept {
  for (std::size_t i = 0; i < embedded_file_count; ++i) {
    if (embedded_files[i].name == name) return embedded_files[i].bytes;
  }
  return std::nullopt;
}

}  // namespace frnews::detail
