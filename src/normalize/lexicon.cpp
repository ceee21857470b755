#include "normalize/lexicon.hpp"

#include <algorithm>

#include "core/embedded.hpp"
#include "core/tsv.hpp"
#include "frnews/normalize.hpp"

namespace frnews::detail {

NormalizationLexicon::NormalizationLexicon() {
  const auto file = [](std::string_view name) { return detail::embedded_file(name).value_or(std::string_view{}); };
  detail::for_each_tsv_record(file("lexicon/elisions.tsv"), [&](const auto& fields, std::size_t) {
    if (fields.size() < 2 || fields[0].empty()) return;
    std::string form(fields[0]);
    for (auto& c : form) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    longest = std::max(longest, form.size());
    (fields[1] == "compound" ? compounds : elisions).push_back(std::move(form));
  });
  detail::for_each_tsv_record(file("lexicon/french_words.tsv"), [&](const auto& fields, std::size_t) {
    if (!fields[0].empty()) french_words.push_back(fold_key(fields[0]));
  });
  std::sort(french_words.begin(), french_words.end());
}

bool NormalizationLexicon::is_french_word(std::string_view word) const {
  return std::binary_search(french_words.begin(), french_words.end(), fold_key(word));
}

const NormalizationLexicon& normalization_lexicon() {
  static const NormalizationLexicon lexicon;
  return lexicon;
}

}  // namespace frnews::detail
