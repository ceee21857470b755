#include <fmt/format.h>

#include "frnews/error.hpp"

namespace frnews {

std::string Error::message() const {
  switch (code) {
    case ErrorCode::invalid_utf8:
      return fmt::format("invalid UTF-8 at byte {}", position);
    case ErrorCode::input_too_large:
      return fmt::format("text of {} bytes is too large: frnews takes texts under 4 GiB", position);
  }
  return "unknown error";
}

}  // namespace frnews
