#include <algorithm>

#include "frnews/segment.hpp"

namespace frnews {

Document::Document(std::string_view original, Normalized normalized, std::vector<Paragraph> paragraphs,
                   std::vector<Sentence> sentences, std::vector<Token> tokens)
    : original_(original),
      normalized_(std::move(normalized)),
      paragraphs_(std::move(paragraphs)),
      sentences_(std::move(sentences)),
      tokens_(std::move(tokens)) {}

std::uint32_t Document::sentence_of(std::uint32_t token) const noexcept {
  const auto it = std::upper_bound(sentences_.begin(), sentences_.end(), token,
                                   [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
  return it == sentences_.begin() ? 0 : static_cast<std::uint32_t>(it - sentences_.begin() - 1);
}

Result<Document> make_document(std::string_view original, const NormalizeOptions& options) {
  auto normalized = normalize(original, options);
  if (!normalized) return normalized.error();
  return segment(original, std::move(*normalized));
}

}  // namespace frnews
