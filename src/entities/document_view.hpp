// The document as the entity linker sees it, built once per document: each token folded once
// into one buffer, so that the key of any run of tokens is a slice of it and lookups allocate
// nothing; its shape (word, capital, capitals, sentence-initial, heading, cut word); and what
// the lexicons say about it, looked up once.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/flat_table.hpp"
#include "entities/lexicon.hpp"
#include "entities/words.hpp"
#include "frnews/segment.hpp"

namespace frnews::detail::linking {

enum TokenFlag : std::uint16_t {
  is_word = 1 << 0,         // a word or an elision
  is_cap = 1 << 1,          // starts with a capital
  is_caps = 1 << 2,         // all in capitals
  is_initial = 1 << 3,      // first word of a sentence (or of a quotation, a line)
  is_elision = 1 << 4,
  in_title = 1 << 5,        // a sentence written in capitals: capitals say nothing there
  is_glued = 1 << 6,        // "¬" and the rest of a word cut at the end of a line
};

class DocumentView {
 public:
  // `lexicon` must outlive the view.
  DocumentView(const Document& doc, const EntityLexicon& lexicon);
  DocumentView(const DocumentView&) = delete;  // keys_ may view own_keys_
  DocumentView& operator=(const DocumentView&) = delete;

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(tokens_.size()); }
  [[nodiscard]] bool has(std::uint32_t i, std::uint16_t flag) const noexcept { return (flags_[i] & flag) != 0; }
  [[nodiscard]] std::string_view text(std::uint32_t i) const noexcept { return doc_.text(tokens_[i]); }
  [[nodiscard]] std::string_view key(std::uint32_t i) const noexcept {
    return keys_.substr(bounds_[i], ends_[i] - bounds_[i]);
  }
  // The folded text of tokens [begin, end).
  [[nodiscard]] std::string_view key(std::uint32_t begin, std::uint32_t end) const noexcept {
    return keys_.substr(bounds_[begin], ends_[end - 1] - bounds_[begin]);
  }
  [[nodiscard]] std::uint32_t sentence(std::uint32_t i) const noexcept { return annotations_[i].sentence; }
  [[nodiscard]] std::uint32_t sentence_end(std::uint32_t i) const noexcept {
    return doc_.sentences().empty() ? size() : std::min(size(), doc_.sentences()[sentence(i)].end_token);
  }
  [[nodiscard]] TokenKind kind(std::uint32_t i) const noexcept { return tokens_[i].kind; }
  [[nodiscard]] const Document& doc() const noexcept { return doc_; }
  // Whether a space separates token i from the one before.
  [[nodiscard]] bool space_before(std::uint32_t i) const noexcept {
    return i > 0 && tokens_[i - 1].span.end < tokens_[i].span.begin;
  }
  // "A." of "A. Piguet": one capital letter and a period.
  [[nodiscard]] bool is_initial_at(std::uint32_t i) const noexcept {
    if (!has(i, is_cap) || i + 1 >= size() || text(i + 1) != "." || space_before(i + 1)) return false;
    return is_one_character(text(i));
  }
  [[nodiscard]] Span span(std::uint32_t begin, std::uint32_t end) const noexcept {
    return {tokens_[begin].span.begin, tokens_[end - 1].span.end};
  }
  // Whether the word also appears in lower case in the document ("la Révolution" and "une
  // révolution"): then its capital is emphasis, not a name.
  [[nodiscard]] bool written_in_lower_case(std::uint32_t i) const noexcept { return lower_words_.contains(key(i)); }

  // What the lexicons say about token i (its kinds: cue words, first name, demonym, ...).
  [[nodiscard]] const LexiconEntry& word(std::uint32_t i) const noexcept { return *lexicon_[i].word; }
  [[nodiscard]] std::uint32_t kinds(std::uint32_t i) const noexcept { return lexicon_[i].kinds; }
  [[nodiscard]] bool is(std::uint32_t i, std::uint32_t kinds) const noexcept { return (lexicon_[i].kinds & kinds) != 0; }
  [[nodiscard]] bool is_first_name(std::uint32_t i) const noexcept { return is(i, word_first_name); }
  // Asked of few tokens (after a cue or a name): told then, not for every word.
  [[nodiscard]] bool looks_adjective(std::uint32_t i) const noexcept {
    return entity_lexicon_.looks_adjective(key(i), word(i));
  }
  [[nodiscard]] std::optional<Honorific> honorific(std::uint32_t i) const noexcept {
    return lexicon_[i].is_honorific ? std::optional(lexicon_[i].honorific) : std::nullopt;
  }
  // The role phrase starting at token i ("la ministre", "le Premier ministre"), if any.
  [[nodiscard]] RoleMatch role_at(std::uint32_t i) const noexcept {
    return is(i, word_role_start) ? entity_lexicon_.role_at(doc_, i) : RoleMatch{};
  }
  // Whether token i is one of a class of grammatical words ("de", "la", "et").
  [[nodiscard]] bool is(std::uint32_t i, Grammar word_class) const noexcept {
    return entity_lexicon_.is(word_class, key(i));
  }
  // "à", "au", "aux": the preposition of a portfolio after a title ("secrétaire au Trésor").
  [[nodiscard]] bool is_to(std::uint32_t i) const noexcept {
    return is(i, Grammar::portfolio_preposition) || is_written_a(text(i));
  }
  // The words an acronym leaves out: "Parti communiste de Cuba" is "PCC".
  [[nodiscard]] bool is_small_word(std::uint32_t i) const noexcept {
    return is(i, Grammar::de_forms) || is(i, Grammar::definite_article) || is(i, Grammar::and_conjunction);
  }
  // The lexicon the view was built with, for what depends on more than one token.
  [[nodiscard]] const EntityLexicon& lexicon() const noexcept { return entity_lexicon_; }

 private:
  struct TokenLexicon {
    const LexiconEntry* word = nullptr;
    std::uint32_t kinds = 0;  // word->kinds, read here without going back to the lexicon's table
    Honorific honorific;
    bool is_honorific = false;
  };

  void mark_initials_and_titles();
  void note_lower_case_words();

  const Document& doc_;
  const EntityLexicon& entity_lexicon_;
  std::span<const Token> tokens_;
  std::span<const TokenAnnotation> annotations_;
  std::string own_keys_;    // only for a document with cut words
  std::string_view keys_;   // the token layer's keys, or own_keys_
  std::vector<std::uint32_t> bounds_, ends_;
  std::vector<std::uint16_t> flags_;
  std::vector<TokenLexicon> lexicon_;
  WordSet lower_words_;
};

}  // namespace frnews::detail::linking
