#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

#include "frnews/export.hpp"

namespace frnews {

enum class ErrorCode : std::uint8_t {
  invalid_utf8,    // strict UTF-8 mode met an ill-formed sequence at `position`
  input_too_large, // spans are 32-bit: a text must be smaller than 4 GiB
};

// An error a caller must handle, returned as a value.
struct Error {
  ErrorCode code;
  std::uint64_t position = 0;  // byte offset in the input where it applies

  [[nodiscard]] FRNEWS_API std::string message() const;
  friend bool operator==(const Error&, const Error&) = default;
};

// Thrown only by Result::value() on an error, and for I/O and construction failures.
class FRNEWS_API Exception : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A value or an Error, in the spirit of C++23 std::expected.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design

  [[nodiscard]] bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  [[nodiscard]] T& operator*() & noexcept { return std::get<0>(state_); }
  [[nodiscard]] const T& operator*() const& noexcept { return std::get<0>(state_); }
  [[nodiscard]] T&& operator*() && noexcept { return std::get<0>(std::move(state_)); }
  [[nodiscard]] T* operator->() noexcept { return &std::get<0>(state_); }
  [[nodiscard]] const T* operator->() const noexcept { return &std::get<0>(state_); }

  // The value, or frnews::Exception carrying the error's message.
  [[nodiscard]] T& value() & { check(); return std::get<0>(state_); }
  [[nodiscard]] const T& value() const& { check(); return std::get<0>(state_); }
  [[nodiscard]] T&& value() && { check(); return std::get<0>(std::move(state_)); }

  [[nodiscard]] const Error& error() const noexcept { return std::get<1>(state_); }

 private:
  void check() const {
    if (!has_value()) throw Exception(error().message());
  }
  std::variant<T, Error> state_;
};

}  // namespace frnews
