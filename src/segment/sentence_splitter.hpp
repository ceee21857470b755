// Groups the tokens of one paragraph into sentences.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "frnews/segment.hpp"
#include "segment/tokenizer.hpp"

namespace frnews::detail {

// Appends to `sentences` the sentences of the paragraph made of tokens [first, end) (not empty),
// in one linear pass.
void split_sentences(std::string_view text, std::span<const Token> tokens, std::span<const Gap> gaps,
                     std::uint32_t first, std::uint32_t end, std::uint32_t paragraph,
                     const SegmentationLexicon& lexicon, std::vector<Sentence>& sentences);

}  // namespace frnews::detail
