// Character references that form in the canonical text once what stood between their pieces
// went ("&eac<b></b>ute;"): decoded when their ';' comes, not on a second pass.
#include "normalize/normalizer.hpp"

#include <optional>

#include "frnews/normalize.hpp"
#include "normalize/html.hpp"
#include "normalize/lexicon.hpp"

namespace frnews::detail {

std::optional<Normalizer::FormedReference> Normalizer::formed_reference() {
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

}  // namespace frnews::detail
