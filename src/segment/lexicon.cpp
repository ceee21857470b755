#include "segment/lexicon.hpp"

#include <algorithm>

#include "core/lexicon_file.hpp"

namespace frnews::detail {
namespace {

// Lower case for the letters of an elision or a pronoun: ASCII and "Ç" ("Ç’a été").
std::string lower_elision(std::string_view word) {
  std::string lower(word);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::size_t at = lower.find("\xC3\x87"); at != std::string::npos; at = lower.find("\xC3\x87", at + 2)) {
    lower[at + 1] = '\xA7';
  }
  return lower;
}

}  // namespace

SegmentationLexicon::SegmentationLexicon(LexiconFiles& files) {
  files.read("abbreviations.tsv", 2, 2, [&](const auto& fields) -> std::string {
    std::string word(fields[0]);
    if (fields[1] == "never_final") {
      never_final_.push_back(std::move(word));
    } else if (fields[1] == "final_unless_number") {
      final_unless_number_.push_back(std::move(word));
    } else if (fields[1] == "sentence_opener") {
      sentence_openers_.push_back(std::move(word));
    } else if (fields[1] == "before_era") {
      before_era_.push_back(std::move(word));
    } else {
      return "unknown kind " + std::string(fields[1]);
    }
    return {};
  });
  files.read("elisions.tsv", 2, 2, [&](const auto& fields) -> std::string {
    if (fields[1] == "elision") elisions_.push_back(lower_elision(fields[0]));
    return {};
  });
  files.read("inverted_pronouns.tsv", 2, 2, [&](const auto& fields) -> std::string {
    std::string form = lower_elision(fields[0]);
    if (fields[1] == "after_t" || fields[1] == "direct") {
      inverted_pronouns_.push_back({std::move(form), fields[1] == "after_t"});
    } else if (fields[1] == "not_a_verb") {
      not_verbs_.push_back(std::move(form));
    } else {
      return "unknown kind " + std::string(fields[1]);
    }
    return {};
  });
}

bool SegmentationLexicon::listed(const std::vector<std::string>& list, std::string_view word) noexcept {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool SegmentationLexicon::is_elision(std::string_view word) const noexcept {
  if (word.size() > 8) return false;
  return listed(elisions_, lower_elision(word));
}

}  // namespace frnews::detail
