// Repairs a text as it arrives from a badly configured feed, and maps a word back to the
// caller's bytes.
#include <frnews/frnews.hpp>

#include <iostream>

int main() {
  // UTF-8 read as Windows-1252 ("Ã©"), an HTML entity and a no-break space before "?".
  const std::string_view raw = "Le minist\xC3\x83\xC2\xA8re a r&eacute;pondu\xC2\xA0? Non.";

  const auto normalized = frnews::normalize(raw);
  if (!normalized) {
    std::cerr << normalized.error().message() << '\n';
    return 1;
  }
  std::cout << "canonical: " << normalized->text << '\n';
  for (const auto& repair : normalized->repairs) {
    std::cout << "  " << frnews::to_string(repair.kind) << ": \"" << repair.original.of(raw) << "\"\n";
  }

  // A span of the canonical text, mapped back to the original bytes.
  const auto at = static_cast<std::uint32_t>(normalized->text.find("répondu"));
  const frnews::Span word{at, at + static_cast<std::uint32_t>(std::string_view("répondu").size())};
  std::cout << "\"répondu\" was \"" << normalized->map.to_original(word).of(raw) << "\" in the input\n";
  return 0;
}
