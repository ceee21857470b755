#include "frnews/segment.hpp"

namespace frnews {

// Placeholder until the segmenter lands: one paragraph, one sentence, tokens split at spaces.
Document segment(std::string_view original, Normalized normalized) {
  std::vector<Token> tokens;
  const std::string_view text = normalized.text;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
      if (i > start) tokens.push_back({{start, i}, TokenKind::word});
      start = i + 1;
    }
  }
  const auto size = static_cast<std::uint32_t>(text.size());
  const auto count = static_cast<std::uint32_t>(tokens.size());
  std::vector<Sentence> sentences{{{0, size}, 0, count, 0}};
  std::vector<Paragraph> paragraphs{{{0, size}, 0, 1}};
  return Document(original, std::move(normalized), std::move(paragraphs), std::move(sentences), std::move(tokens));
}

}  // namespace frnews
