#include <algorithm>
#include <bit>
#include <span>

#include "core/flat_table.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/segment.hpp"
#include "segment/characters.hpp"
#include "segment/lower_case.hpp"

namespace frnews {
namespace {

bool starts_upper(std::string_view word) noexcept { return !word.empty() && detail::is_upper(detail::decode(word, 0).code); }

bool is_all_caps(std::string_view word) noexcept {
  std::size_t letters = 0;
  for (std::size_t at = 0; at < word.size();) {
    const detail::Decoded c = detail::decode(word, at);
    if (detail::is_lower(c.code)) return false;
    if (detail::is_upper(c.code)) ++letters;
    at += c.size;
  }
  return letters >= 2;
}

// Most tokens are ASCII letters and digits, whose folded key and lower-case form are the same.
bool is_ascii_alphanumeric(std::string_view word) noexcept {
  for (const char c : word) {
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alphanumeric) return false;
  }
  return true;
}

// Numbers the distinct lower-case forms of one document in the order they first appear: an
// open-addressing table of token indices that grows with the distinct forms (not the tokens), so
// that it stays in the cache even for a long text.
class WordNumbering {
 public:
  // The number of `lower`, the lower-case form of token `token`; `lower_of` gives the form of an
  // earlier token, `word_of` its number.
  template <class LowerOf, class WordOf>
  std::uint32_t number(std::string_view lower, std::uint32_t token, const LowerOf& lower_of, const WordOf& word_of) {
    const auto hash = static_cast<std::uint32_t>(detail::hash_word(lower));
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot slot = slots_[at];
      if (slot.token == empty) {
        slots_[at] = {token, hash};
        if (++count_ * 2 > slots_.size()) grow();
        return count_ - 1;
      }
      if (slot.hash == hash && lower_of(slot.token) == lower) return word_of(slot.token);
    }
  }
  [[nodiscard]] std::uint32_t count() const noexcept { return count_; }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint32_t token = empty;
    std::uint32_t hash = 0;
  };

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.token == empty) continue;
      std::size_t at = slot.hash & mask_;
      while (slots_[at].token != empty) at = (at + 1) & mask_;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(256);
  std::size_t mask_ = 255;
  std::uint32_t count_ = 0;
};

}  // namespace

Document::Document(std::string_view original, Normalized normalized, std::vector<Paragraph> paragraphs,
                   std::vector<Sentence> sentences, std::vector<Token> tokens)
    : original_(original),
      normalized_(std::move(normalized)),
      paragraphs_(std::move(paragraphs)),
      sentences_(std::move(sentences)),
      tokens_(std::move(tokens)) {
  const auto count = static_cast<std::uint32_t>(tokens_.size());
  annotations_.reserve(count);
  keys_.reserve(text().size() + count);
  lower_case_.reserve(text().size());
  WordNumbering numbering;
  const auto lower_of = [&](std::uint32_t token) { return lower_case(token); };
  const auto word_of = [&](std::uint32_t token) { return annotations_[token].word; };
  std::uint32_t sentence = 0, paragraph = 0, previous_end = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    while (sentence + 1 < sentences_.size() && i >= sentences_[sentence].end_token) ++sentence;
    while (paragraph + 1 < paragraphs_.size() && sentence >= paragraphs_[paragraph].end_sentence) ++paragraph;
    const Span span = tokens_[i].span;
    const std::string_view word = text(span);
    TokenAnnotation& a = annotations_.emplace_back();
    std::uint8_t flags = span.begin > previous_end ? token_space_before : 0;
    if (i > 0 && (flags & token_space_before)) keys_ += ' ';
    a.key_begin = static_cast<std::uint32_t>(keys_.size());
    a.lower_begin = static_cast<std::uint32_t>(lower_case_.size());
    if (is_ascii_alphanumeric(word)) {
      keys_.resize(a.key_begin + word.size());
      std::uint32_t upper = 0;
      for (std::size_t k = 0; k < word.size(); ++k) {
        const bool is_upper = word[k] >= 'A' && word[k] <= 'Z';
        upper += is_upper ? 1 : 0;
        keys_[a.key_begin + k] = is_upper ? static_cast<char>(word[k] + ('a' - 'A')) : word[k];
      }
      lower_case_.append(keys_, a.key_begin, word.size());
      if (word[0] >= 'A' && word[0] <= 'Z') flags |= token_capitalized;
      const bool has_lower = std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (upper >= 2 && !has_lower) flags |= token_all_capitals;
    } else {
      append_fold_key(keys_, word);
      detail::append_lower_case(lower_case_, word);
      if (starts_upper(word)) flags |= token_capitalized;
      if (is_all_caps(word)) flags |= token_all_capitals;
    }
    a.key_size = static_cast<std::uint32_t>(keys_.size()) - a.key_begin;
    a.lower_size = static_cast<std::uint32_t>(lower_case_.size()) - a.lower_begin;
    a.word = numbering.number(lower_case(i), i, lower_of, word_of);
    a.sentence = sentence;
    a.paragraph = paragraph;
    if (!sentences_.empty() && sentences_[sentence].first_token == i) flags |= token_sentence_start;
    if (!paragraphs_.empty() && paragraphs_[paragraph].first_sentence < sentences_.size() &&
        sentences_[paragraphs_[paragraph].first_sentence].first_token == i) {
      flags |= token_paragraph_start;
    }
    a.flags = flags;
    previous_end = span.end;
  }
  distinct_words_ = numbering.count();
}

std::uint32_t Document::sentence_of(std::uint32_t token) const noexcept {
  const auto it = std::upper_bound(sentences_.begin(), sentences_.end(), token,
                                   [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
  return it == sentences_.begin() ? 0 : static_cast<std::uint32_t>(it - sentences_.begin() - 1);
}

Result<Document> make_document(std::string_view original, const NormalizeOptions& options) {
  return make_document(original, options, Lexicons::builtin());
}

Result<Document> make_document(std::string_view original, const NormalizeOptions& options, const Lexicons& lexicons) {
  auto normalized = normalize(original, options, lexicons);
  if (!normalized) return normalized.error();
  return segment(original, std::move(*normalized));
}

}  // namespace frnews
