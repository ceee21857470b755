// The word stream the quote extractor reads: the document's tokens with their annotations
// (lower-case form, sentence, paragraph), each distinct word looked up once in the cue lexicon.
// The exception: a token that is not letters alone is split again here, so that quotation
// marks, punctuation, elisions and inverted pronouns the tokenizer left inside it are words of
// their own, and "M" + "." are joined into "M.".
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/segment.hpp"
#include "quotes/lexicon.hpp"

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
  QuoteWords(const Document& doc, const Entities& entities, const CueLexicon& lexicon);

  [[nodiscard]] std::size_t size() const noexcept { return words_.size(); }
  [[nodiscard]] const Word& operator[](std::size_t i) const noexcept { return words_[i]; }
  [[nodiscard]] std::string_view key(std::size_t i) const noexcept {
    return std::string_view(keys_).substr(words_[i].key_begin, words_[i].key_size);
  }
  [[nodiscard]] std::string_view text(std::size_t i) const noexcept { return words_[i].span.of(text_); }

 private:
  [[nodiscard]] bool abbreviation_ends(const Word& word) const noexcept;
  // A word whose folded text is keys_[key_begin, key_begin + key_size).
  Word& push(Span span, WordKind kind, std::uint32_t sentence, std::uint32_t paragraph, bool space_before,
             std::uint32_t key_begin, std::uint32_t key_size);
  // A piece of a token, folded here.
  void add(Span span, WordKind kind, std::uint32_t sentence, std::uint32_t paragraph, bool space_before);
  // What the lexicon says of one distinct word of the document, and whether split_token() would
  // leave its tokens whole (their lower-case form tells as well as their text).
  struct KnownWord {
    WordLexicon lexicon;
    LexClasses classes;
    bool plain = false;
  };
  [[nodiscard]] const KnownWord& known_word(std::uint32_t token) const noexcept {
    return known_words_[doc_->annotations()[token].word];
  }
  // A whole token, with the token layer's lower-case form.
  void add_token(std::uint32_t token, const KnownWord& known, WordKind kind, bool space_before);
  void split_token(const Token& token, std::uint32_t sentence, std::uint32_t paragraph, bool space_before);

  std::string_view text_;
  const Document* doc_;
  const CueLexicon* lexicon_;
  std::vector<KnownWord> known_words_;  // by TokenAnnotation::word
  std::vector<Word> words_;
  std::string keys_;  // the document's lower-case forms (the keys of whole tokens), then those folded here
  std::string scratch_;
};

}  // namespace frnews::detail
