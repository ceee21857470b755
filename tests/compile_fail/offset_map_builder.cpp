// An OffsetMap is read-only outside the normalizer: appending runs must not compile. Without
// FRNEWS_MISUSE the same code only reads the map.
#include <frnews/normalize.hpp>

int main() {
  auto map = frnews::OffsetMap::identity(12);
#if FRNEWS_MISUSE
  map.append_copy(12, 12);  // the normalizer alone writes runs
#endif
  return map.to_original(frnews::Span{0, 4}) == frnews::Span{0, 4} && map.runs().size() == 1 ? 0 : 1;
}
