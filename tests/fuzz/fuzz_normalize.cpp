// normalize() on any bytes: valid UTF-8 out, an offset map that stays inside the original and
// never goes backwards, repairs inside the original, and idempotence. Each input runs with the
// default options and with an option set derived from its bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frnews/normalize.hpp"
#include "invariants.hpp"

namespace {

using namespace frnews;

// An option set picked by a hash of the input, so that a finding reproduces from its file.
NormalizeOptions options_for(std::string_view input) {
  std::uint32_t h = 2166136261u;
  for (const char c : input) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  NormalizeOptions o;
  o.fix_mojibake = (h & 1u) != 0;
  o.html = static_cast<HtmlMode>((h >> 1) % 3);
  o.remove_invisibles = (h & 8u) != 0;
  o.normalize_newlines = (h & 16u) != 0;
  o.nfc = (h & 32u) != 0;
  o.collapse_spaces = (h & 64u) != 0;
  o.typography = static_cast<Typography>((h >> 7) % 3);
  o.unify_apostrophes = (h & 512u) != 0;
  o.apostrophe = (h & 1024u) != 0 ? std::u32string_view(U"'") : std::u32string_view(U"\u2019");
  o.unify_dashes = (h & 2048u) != 0;
  o.expand_ellipsis = (h & 4096u) != 0;
  o.split_ligatures = (h & 8192u) != 0;
  o.fold_fullwidth = (h & 16384u) != 0;
  return o;
}

void check(std::string_view input, const NormalizeOptions& options) {
  auto first = normalize(input, options);
  fuzz::expect(first.has_value(), "normalize failed on a small text in replace mode");
  fuzz::check_normalized(*first, input);

  auto second = normalize(first->text, options);
  fuzz::expect(second.has_value(), "normalize failed on its own output");
  // Documented exception: markup that only appears once HTML is decoded or an invisible
  // character removed ("&lt;p&gt;", "<\x01b>") is text for the first pass only.
  const bool html_may_appear = options.html != HtmlMode::off && first->text.find('<') != std::string::npos;
  if (!html_may_appear) {
    fuzz::expect(second->text == first->text, "normalize is not idempotent", first->text.size(), second->text.size());
  }

  // Canonical text is valid UTF-8, so strict mode accepts it.
  NormalizeOptions strict = options;
  strict.invalid_utf8 = InvalidUtf8::reject;
  fuzz::expect(normalize(first->text, strict).has_value(), "strict mode rejects canonical text");
  // Strict mode fails exactly on ill-formed input, at an offset inside it.
  auto strict_result = normalize(input, strict);
  fuzz::expect(strict_result.has_value() == fuzz::is_valid_utf8(input), "strict mode disagrees on validity");
  if (!strict_result) {
    fuzz::expect(strict_result.error().code == ErrorCode::invalid_utf8, "strict mode: wrong error code");
    fuzz::expect(strict_result.error().position < input.size(), "strict mode: error position past the input");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return frnews::fuzz::run_checked([&] {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check(input, NormalizeOptions{});
    check(input, options_for(input));
    // fold_key expects canonical text and must give valid UTF-8 back.
    auto canonical = normalize(input);
    fuzz::expect(fuzz::is_valid_utf8(fold_key(canonical->text)), "fold_key output is not valid UTF-8");
  });
}
