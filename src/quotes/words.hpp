// The word stream the quote extractor reads: one word per token of the document's token layer,
// with its annotations (lower-case form, sentence, paragraph) and what the cue lexicon says of
// it, each distinct word looked up once. The one change to the tokens: an abbreviation and its
// period ("M" + ".", abbreviations.tsv) are one word "M.", as a title before a name reads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/segment.hpp"
#include "quotes/lexicon.hpp"
#include "segment/lexicon.hpp"

namespace frnews::detail {

enum class WordKind : std::uint8_t { word, number, punctuation, quote_mark, dash, clitic, elision, other };

// Which quotation mark: the family pairs an opening with its closing mark.
enum class MarkFamily : std::uint8_t { none, guillemet, curly, straight, single };

static_assert(static_cast<unsigned>(WordClass::subordinator) < 16, "Word keeps a 16-bit set of classes");

// The classes of a word's entries, a bit (1 << WordClass) for each: of all its entries, and of
// those of the word alone.
struct LexClasses {
  std::uint16_t all = 0;
  std::uint16_t single = 0;
};
[[nodiscard]] inline LexClasses lex_classes(std::span<const LexEntry> entries) noexcept {
  LexClasses classes;
  for (const LexEntry& e : entries) {
    const auto bit = static_cast<std::uint16_t>(1U << static_cast<unsigned>(e.word_class));
    classes.all |= bit;
    if (e.rest.empty()) classes.single |= bit;
  }
  return classes;
}

struct Word {
  Span span;                  // canonical text
  std::uint32_t key_begin;    // folded text: QuoteWords::key()
  std::uint32_t key_size;
  std::uint32_t sentence;     // counted by the extractor: a new one at each sentence or paragraph
  std::uint32_t paragraph;
  std::int32_t mention = -1;  // the entity mention covering the word
  WordKind kind = WordKind::word;
  MarkFamily family = MarkFamily::none;
  bool opening = false;       // for quotation marks: opens (« “ „ ‹), closes (» ” ›), or either (")
  bool closing = false;
  bool capitalized = false;
  bool space_before = false;  // white space between this word and the previous one
  std::uint16_t classes = 0;         // a bit (1 << WordClass) for each class in lex
  std::uint16_t single_classes = 0;  // the same for the entries of this word alone
  std::uint64_t function_words = 0;  // a bit (1 << FunctionWord) for each class of function words of the key
  std::span<const LexEntry> lex;

  void set_lex(std::span<const LexEntry> entries, LexClasses of) noexcept {
    lex = entries;
    classes = of.all;
    single_classes = of.single;
  }
  void set_lex(std::span<const LexEntry> entries) noexcept { set_lex(entries, lex_classes(entries)); }
};

class QuoteWords {
 public:
  QuoteWords(const Document& doc, const Entities& entities, const CueLexicon& lexicon,
             const SegmentationLexicon& abbreviations);

  [[nodiscard]] std::size_t size() const noexcept { return words_.size(); }
  [[nodiscard]] const Word& operator[](std::size_t i) const noexcept { return words_[i]; }
  [[nodiscard]] std::string_view key(std::size_t i) const noexcept {
    return std::string_view(keys_).substr(words_[i].key_begin, words_[i].key_size);
  }
  [[nodiscard]] std::string_view text(std::size_t i) const noexcept { return words_[i].span.of(text_); }

 private:
  // Whether a period right after `word` belongs to it: "M.", "Mme.", the initial "J.".
  [[nodiscard]] bool takes_period(const Word& word) const noexcept;
  // The word of token `token`, of kind `kind`.
  void add_token(std::uint32_t token, const WordLexicon& lexicon, LexClasses classes, WordKind kind, bool space_before);
  // Token `token`'s period joined to the word before it.
  void join_period(std::uint32_t token);

  std::string_view text_;
  const Document* doc_;
  const CueLexicon* lexicon_;
  const SegmentationLexicon* abbreviations_;
  std::vector<Word> words_;
  std::string keys_;  // the document's lower-case forms, then the keys of joined abbreviations
};

}  // namespace frnews::detail
