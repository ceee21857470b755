#include "frnews/normalize.hpp"

namespace frnews {

// Placeholder until the knowledge-base lookups land: the text unchanged.
std::string fold_key(std::string_view text) { return std::string(text); }

}  // namespace frnews
