// NFC through ICU, for the stretches of text that hold a character NFC may change.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace frnews::detail {

// A stretch for ICU closes once this many bytes followed its last mark, so that the marks of
// neighbouring words (text in NFD) go to ICU together.
constexpr std::size_t nfc_quiet = 32;
// How far back a stretch looks for its starter, and its longest size: a bound keeps an
// adversarial run of marks linear.
constexpr std::size_t nfc_lookback = 64;
constexpr std::size_t max_nfc_segment = 256;

// `text` in NFC.
[[nodiscard]] std::string to_nfc(std::string_view text);

}  // namespace frnews::detail
