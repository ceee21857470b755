#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "frnews/error.hpp"
#include "frnews/export.hpp"
#include "frnews/normalize.hpp"
#include "frnews/span.hpp"

namespace frnews {

enum class TokenKind : std::uint8_t {
  word,          // "Choïgou", "Jean-Luc", "aujourd'hui", "a" of "a-t-il"
  elision,       // "l’", "qu’", "jusqu’": the elided word with its apostrophe
  clitic,        // the inverted pronoun of "a-t-il", "dit-elle", "va-t-on": "-t-il", "-elle", "-t-on"
  number,        // "2022", "3,5", "10 000", "12h30"
  punctuation,   // . , ; : ! ? … ( ) [ ] and the like
  quote_mark,    // « » “ ” „ ‹ › ‘ ’ " used as quotation marks
  dash,          // - – — standing alone
  url,
  email,
  handle,        // @frnews
  hashtag,       // #JO2024
  symbol,        // % € $ § & and other symbols
};

struct Token {
  Span span;  // in the canonical text
  TokenKind kind;
};

// What segmentation says of a token besides its span (TokenAnnotation::flags).
enum TokenFlag : std::uint8_t {
  token_capitalized = 1 << 0,      // starts with a capital letter: "Choïgou", "L’", "É"
  token_all_capitals = 1 << 1,     // "OTAN", "SUD-RAIL": two letters or more, none in lower case
  token_sentence_start = 1 << 2,   // the first token of its sentence
  token_paragraph_start = 1 << 3,  // the first token of its paragraph
  token_space_before = 1 << 4,     // white space (or the start of the text) before it
};

// The annotation of one token, computed once per document so that the entity linker, the quote
// extractor and a caller's own rules read the same words.
struct TokenAnnotation {
  std::uint32_t key_begin;    // Document::key(): fold_key() of the token, to look names up
  std::uint32_t key_size;
  std::uint32_t lower_begin;  // Document::lower_case(): lower case with accents, ’ as ', for word lists
  std::uint32_t lower_size;
  std::uint32_t word;         // one number per distinct lower-case form, 0 .. Document::distinct_words() - 1
  std::uint32_t sentence;
  std::uint32_t paragraph;
  std::uint8_t flags;         // TokenFlag
};

struct Sentence {
  Span span;                  // in the canonical text
  std::uint32_t first_token;  // tokens [first_token, end_token)
  std::uint32_t end_token;
  std::uint32_t paragraph;
};

struct Paragraph {
  Span span;                     // in the canonical text
  std::uint32_t first_sentence;  // sentences [first_sentence, end_sentence)
  std::uint32_t end_sentence;
};

// A std::string about to be destroyed: a Document views its text, so building one from such a
// string does not compile (keep the text in a variable that outlives the Document).
template <class Text>
concept TemporaryString = std::is_same_v<std::remove_const_t<Text>, std::string>;

// One text, normalized and segmented once, shared by the entity linker and the quote extractor.
// It refers to the caller's original text, which must outlive it.
class FRNEWS_API Document {
 public:
  Document(std::string_view original, Normalized normalized, std::vector<Paragraph> paragraphs,
           std::vector<Sentence> sentences, std::vector<Token> tokens);
  template <TemporaryString Text>
  Document(Text&& original, Normalized normalized, std::vector<Paragraph> paragraphs,
           std::vector<Sentence> sentences, std::vector<Token> tokens) = delete;

  [[nodiscard]] std::string_view original() const noexcept { return original_; }
  [[nodiscard]] std::string_view text() const noexcept { return normalized_.text; }
  [[nodiscard]] const Normalized& normalized() const noexcept { return normalized_; }
  [[nodiscard]] std::span<const Paragraph> paragraphs() const noexcept { return paragraphs_; }
  [[nodiscard]] std::span<const Sentence> sentences() const noexcept { return sentences_; }
  [[nodiscard]] std::span<const Token> tokens() const noexcept { return tokens_; }
  [[nodiscard]] std::span<const TokenAnnotation> annotations() const noexcept { return annotations_; }

  // The canonical text of a token, or of a canonical span.
  [[nodiscard]] std::string_view text(const Token& token) const noexcept { return token.span.of(text()); }
  [[nodiscard]] std::string_view text(Span canonical) const noexcept { return canonical.of(text()); }
  // A canonical span as a span of the original text.
  [[nodiscard]] Span to_original(Span canonical) const noexcept { return normalized_.map.to_original(canonical); }
  // fold_key() of a token: "etats-unis" for "États-Unis".
  [[nodiscard]] std::string_view key(std::uint32_t token) const noexcept {
    return std::string_view(keys_).substr(annotations_[token].key_begin, annotations_[token].key_size);
  }
  // fold_key() of the tokens [first, end), one space where white space separates two of them:
  // "parti communiste" for "Parti communiste".
  [[nodiscard]] std::string_view key(std::uint32_t first, std::uint32_t end) const noexcept {
    const std::uint32_t begin = annotations_[first].key_begin;
    return std::string_view(keys_).substr(begin, annotations_[end - 1].key_begin + annotations_[end - 1].key_size - begin);
  }
  // The folded text of every token, what key() slices.
  [[nodiscard]] std::string_view keys() const noexcept { return keys_; }
  // The token in lower case, accents kept and ’ as ': "état" for "État", "l'" for "L’".
  [[nodiscard]] std::string_view lower_case(std::uint32_t token) const noexcept {
    return std::string_view(lower_case_).substr(annotations_[token].lower_begin, annotations_[token].lower_size);
  }
  // The lower-case form of every token, what lower_case() slices.
  [[nodiscard]] std::string_view lower_cases() const noexcept { return lower_case_; }
  // How many distinct lower-case forms the tokens have: a word list is asked once about each.
  [[nodiscard]] std::uint32_t distinct_words() const noexcept { return static_cast<std::uint32_t>(first_tokens_.size()); }
  // The first token of each distinct lower-case form, by its number (TokenAnnotation::word): where
  // a word list is asked about it.
  [[nodiscard]] std::span<const std::uint32_t> first_tokens() const noexcept { return first_tokens_; }
  // The index of the sentence holding token `token`.
  [[nodiscard]] std::uint32_t sentence_of(std::uint32_t token) const noexcept;

 private:
  std::string_view original_;
  Normalized normalized_;
  std::vector<Paragraph> paragraphs_;
  std::vector<Sentence> sentences_;
  std::vector<Token> tokens_;
  std::vector<TokenAnnotation> annotations_;
  std::string keys_;
  std::string lower_case_;
  std::vector<std::uint32_t> first_tokens_;
};

// Splits canonical text into paragraphs (at blank lines and line breaks), sentences and tokens.
[[nodiscard]] FRNEWS_API Document segment(std::string_view original, Normalized normalized);
template <TemporaryString Text>
Document segment(Text&& original, Normalized normalized) = delete;
// The same reading the abbreviations and elisions of `lexicons`.
[[nodiscard]] FRNEWS_API Document segment(std::string_view original, Normalized normalized, const Lexicons& lexicons);
template <TemporaryString Text>
Document segment(Text&& original, Normalized normalized, const Lexicons& lexicons) = delete;

// normalize() then segment().
[[nodiscard]] FRNEWS_API Result<Document> make_document(std::string_view original,
                                                        const NormalizeOptions& options = {});
template <TemporaryString Text>
Result<Document> make_document(Text&& original, const NormalizeOptions& options = {}) = delete;
// The same normalizing with `lexicons`.
[[nodiscard]] FRNEWS_API Result<Document> make_document(std::string_view original, const NormalizeOptions& options,
                                                        const Lexicons& lexicons);
template <TemporaryString Text>
Result<Document> make_document(Text&& original, const NormalizeOptions& options, const Lexicons& lexicons) = delete;

}  // namespace frnews
