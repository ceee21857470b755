// The words normalization reads in data/lexicon: what comes before an apostrophe
// (elisions.tsv) and words that show a text is French (french_words.tsv).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace frnews::detail {

[[nodiscard]] constexpr bool is_ascii_alnum(unsigned char byte) noexcept {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

class LexiconFiles;

struct NormalizationLexicon {
  std::vector<std::string> elisions;   // "l", "qu", "jusqu": ASCII, lower case
  std::vector<std::string> compounds;  // "aujourd", "prud": first parts of words with an apostrophe
  std::size_t longest = 0;             // the longest of both, in bytes
  std::vector<std::string> french_words;  // by fold_key(), sorted

  explicit NormalizationLexicon(LexiconFiles& files);

  [[nodiscard]] bool is_french_word(std::string_view word) const;
};

}  // namespace frnews::detail
