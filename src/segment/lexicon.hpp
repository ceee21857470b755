// The words segmentation reads in data/lexicon: the abbreviations and sentence openers around a
// period (abbreviations.tsv), the elided words that take an apostrophe (elisions.tsv) and the
// subject pronouns written after their verb (inverted_pronouns.tsv); part of a frnews::Lexicons.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace frnews::detail {

class LexiconFiles;

class SegmentationLexicon {
 public:
  explicit SegmentationLexicon(LexiconFiles& files);

  // A period after it never ends a sentence: "M.", "cf.". Case matters.
  [[nodiscard]] bool never_final(std::string_view word) const noexcept { return listed(never_final_, word); }
  // A period after it ends a sentence, but not before a number: "janv. 2024", "etc. Le".
  [[nodiscard]] bool final_unless_number(std::string_view word) const noexcept {
    return listed(final_unless_number_, word);
  }
  // It opens sentences and seldom names: "Le", "Mais", "L’".
  [[nodiscard]] bool opens_sentences(std::string_view word) const noexcept { return listed(sentence_openers_, word); }
  // Before "J.-C.", it makes an era: "av.", "apr.".
  [[nodiscard]] bool before_era(std::string_view word) const noexcept { return listed(before_era_, word); }
  // "l", "qu", "jusqu", "ç": a word that drops its vowel before an apostrophe, compared without
  // regard to case.
  [[nodiscard]] bool is_elision(std::string_view word) const noexcept;

  // A subject pronoun written after its verb with a hyphen ("dit-il", "suis-je"), lower case.
  struct InvertedPronoun {
    std::string form;
    bool after_t;  // also after "-t-": "a-t-il", "va-t-on"
  };
  [[nodiscard]] std::span<const InvertedPronoun> inverted_pronouns() const noexcept { return inverted_pronouns_; }
  // Words that are no verb before such a pronoun ("rendez" of "rendez-vous"), lower case.
  [[nodiscard]] std::span<const std::string> not_verbs() const noexcept { return not_verbs_; }

 private:
  static bool listed(const std::vector<std::string>& list, std::string_view word) noexcept;

  std::vector<std::string> never_final_, final_unless_number_, sentence_openers_, before_era_;
  std::vector<std::string> elisions_;  // lower case
  std::vector<InvertedPronoun> inverted_pronouns_;
  std::vector<std::string> not_verbs_;
};

}  // namespace frnews::detail
