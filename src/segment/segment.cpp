#include "frnews/segment.hpp"

#include "core/lexicons.hpp"
#include "segment/sentence_splitter.hpp"
#include "segment/tokenizer.hpp"

namespace frnews {

Document segment(std::string_view original, Normalized normalized) {
  return segment(original, std::move(normalized), Lexicons::builtin());
}

Document segment(std::string_view original, Normalized normalized, const Lexicons& lexicons) {
  const detail::SegmentationLexicon& lexicon = lexicons.impl().segmentation();
  detail::TokenList list = detail::tokenize(normalized.text, lexicon);
  const std::string_view text = normalized.text;
  const auto count = static_cast<std::uint32_t>(list.tokens.size());

  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  sentences.reserve(count / 16 + 1);
  std::uint32_t first = 0;
  while (first < count) {
    std::uint32_t end = first + 1;
    while (end < count && list.gaps[end] != detail::Gap::line) ++end;
    const auto index = static_cast<std::uint32_t>(paragraphs.size());
    const auto first_sentence = static_cast<std::uint32_t>(sentences.size());
    detail::split_sentences(text, list.tokens, list.gaps, first, end, index, lexicon, sentences);
    paragraphs.push_back({{list.tokens[first].span.begin, list.tokens[end - 1].span.end},
                          first_sentence,
                          static_cast<std::uint32_t>(sentences.size())});
    first = end;
  }
  return Document(original, std::move(normalized), std::move(paragraphs), std::move(sentences),
                  std::move(list.tokens));
}

}  // namespace frnews
