#include "normalize/lexicon.hpp"

#include <algorithm>

#include "core/lexicon_file.hpp"
#include "frnews/normalize.hpp"

namespace frnews::detail {

NormalizationLexicon::NormalizationLexicon(LexiconFiles& files) {
  files.read("elisions.tsv", 2, 2, [&](const auto& fields) -> std::string {
    if (fields[1] != "elision" && fields[1] != "compound") return "unknown kind " + std::string(fields[1]);
    std::string form(fields[0]);
    for (auto& c : form) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    longest = std::max(longest, form.size());
    (fields[1] == "compound" ? compounds : elisions).push_back(std::move(form));
    return {};
  });
  files.read("french_words.tsv", 1, 1, [&](const auto& fields) {
    french_words.push_back(fold_key(fields[0]));
    return std::string();
  });
  std::sort(french_words.begin(), french_words.end());
}

bool NormalizationLexicon::is_french_word(std::string_view word) const {
  return std::binary_search(french_words.begin(), french_words.end(), fold_key(word));
}

}  // namespace frnews::detail
