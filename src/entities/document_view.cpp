#include "entities/document_view.hpp"

namespace frnews::detail::linking {
namespace {

bool is_wordlike(TokenKind kind) noexcept { return kind == TokenKind::word || kind == TokenKind::number; }

}  // namespace

DocumentView::DocumentView(const Document& doc, const EntityLexicon& lexicon)
    : doc_(doc), entity_lexicon_(lexicon), tokens_(doc.tokens()), annotations_(doc.annotations()) {
  const std::size_t n = tokens_.size();
  const auto annotations = doc.annotations();
  bounds_.resize(n + 1);
  ends_.resize(n);
  flags_.assign(n, 0);
  // "Allema¬gne": a word the printer cut at the end of a line is one word again, which only
  // this view's own keys can say; other documents use the keys of the token layer.
  const bool has_cut_words = doc.text().find("\u00AC") != std::string_view::npos;
  if (has_cut_words) own_keys_.reserve(doc.text().size() + n);
  for (std::uint32_t i = 0; i < n; ++i) {
    const TokenAnnotation& a = annotations[i];
    const Token& token = tokens_[i];
    bool glued = false;
    if (has_cut_words) {
      const bool cut = doc.text(token) == "\u00AC" && i > 0 && i + 1 < n && is_wordlike(tokens_[i - 1].kind) &&
                       is_wordlike(tokens_[i + 1].kind) && tokens_[i - 1].span.end == token.span.begin;
      glued = cut || (i > 0 && (flags_[i - 1] & is_glued) && doc.text(tokens_[i - 1]) == "\u00AC");
      if (i > 0 && (a.flags & token_space_before) && !glued) own_keys_ += ' ';
      bounds_[i] = static_cast<std::uint32_t>(own_keys_.size());
      if (!cut) own_keys_ += doc.key(i);
      ends_[i] = static_cast<std::uint32_t>(own_keys_.size());
    } else {
      bounds_[i] = a.key_begin;
      ends_[i] = a.key_begin + a.key_size;
    }
    // Without a branch on the token's kind or case (as good as random: mispredicted).
    const bool elision = token.kind == TokenKind::elision;
    const bool word = (token.kind == TokenKind::word) | elision;
    const auto shape = static_cast<std::uint16_t>(is_word | ((a.flags & token_capitalized) ? is_cap : 0) |
                                                  ((a.flags & token_all_capitals) ? is_caps : 0) |
                                                  (elision ? is_elision : 0));
    flags_[i] = glued ? std::uint16_t{is_glued} : (word ? shape : std::uint16_t{0});
  }
  keys_ = has_cut_words ? std::string_view(own_keys_) : doc.keys();
  bounds_[n] = n == 0 ? 0 : ends_[n - 1];
  mark_initials_and_titles();
  // What the lexicons say depends on the word alone: asked once per distinct word, all together.
  const auto first_of_word = doc.first_tokens();
  std::vector<std::string_view> word_keys(first_of_word.size());
  for (std::size_t w = 0; w < first_of_word.size(); ++w) word_keys[w] = key(first_of_word[w]);
  std::vector<const LexiconEntry*> word_entries(doc.distinct_words());
  lexicon.words(word_keys, word_entries);
  std::vector<TokenLexicon> by_word(word_entries.size());
  for (std::size_t w = 0; w < by_word.size(); ++w) {
    by_word[w].word = word_entries[w];
    by_word[w].kinds = word_entries[w]->kinds;
  }
  // Each token copies its word's entry, with no branch on whether it is the word's first.
  lexicon_.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    TokenLexicon& entry = lexicon_[i];
    entry = by_word[annotations[i].word];
    // Honorifics are told by their written form ("Me" is one, "me" is not).
    entry.is_honorific = false;
    if (entry.kinds & word_honorific) {
      const auto honorific = lexicon.honorific(text(i));
      entry.is_honorific = honorific.has_value();
      if (honorific) entry.honorific = *honorific;
    }
  }
  note_lower_case_words();
}

// Only the words that written_in_lower_case() may be asked about (capitalised, or a lower-case
// head) need their lower-case twins in the set: a filter of their keys spares hashing the
// others, most of the text. Both passes test every token without a branch on what it is (a word
// in lower case or not, capitalised or not: as good as random), which would be mispredicted.
void DocumentView::note_lower_case_words() {
  constexpr std::uint32_t filter_bits = 1U << 16;
  // The filter's slot for the key of token i, from its size and its first and last bytes; some
  // slot for an empty key (the byte at its place is then the next key's, or the buffer's end).
  const char* keys = keys_.data();
  const auto slot = [&](std::uint32_t i) {
    const std::uint32_t begin = bounds_[i], end = ends_[i];
    const auto front = static_cast<unsigned char>(keys[begin]);
    const auto back = static_cast<unsigned char>(keys[end - (end > begin ? 1 : 0)]);
    return ((end - begin) * 131 + front * 31U + back) % filter_bits;
  };
  std::vector<std::uint64_t> asked(filter_bits / 64, 0);
  for (std::uint32_t i = 0; i < size(); ++i) {
    const bool ask = (ends_[i] > bounds_[i]) & (has(i, is_cap) | is(i, cue_place_head | cue_institution_head));
    const std::uint32_t at = slot(i);
    asked[at / 64] |= std::uint64_t{ask} << (at % 64);
  }
  std::vector<std::string_view> twins;
  for (std::uint32_t i = 0; i < size(); ++i) {
    const bool plain = (flags_[i] == is_word) & (ends_[i] - bounds_[i] >= 4);
    const std::uint32_t at = slot(i);
    if (plain & ((asked[at / 64] >> (at % 64)) & 1)) twins.push_back(key(i));
  }
  lower_words_ = WordSet(twins.size());  // a table for the few twins, not for every token
  for (const std::string_view twin : twins) lower_words_.insert(twin);
}

void DocumentView::mark_initials_and_titles() {
  const auto sentences = doc_.sentences();
  for (const Sentence& sentence : sentences) {
    std::uint32_t words = 0, caps = 0;
    bool expect_initial = true;
    for (std::uint32_t i = sentence.first_token; i < sentence.end_token && i < size(); ++i) {
      const TokenKind k = tokens_[i].kind;
      if (k == TokenKind::quote_mark || k == TokenKind::dash ||
          (k == TokenKind::punctuation && (text(i) == ":" || text(i) == "(" || text(i) == "["))) {
        expect_initial = true;
        continue;
      }
      if (!has(i, is_word)) {
        expect_initial = false;
        continue;
      }
      ++words;
      if (has(i, is_caps)) ++caps;
      if (expect_initial) flags_[i] |= is_initial;
      // After a sentence-initial "L'", "D'", the next word's capital is its own.
      expect_initial = false;
    }
    if (words >= 3 && caps * 10 >= words * 7) {
      for (std::uint32_t i = sentence.first_token; i < sentence.end_token && i < size(); ++i) flags_[i] |= in_title;
    }
  }
}

}  // namespace frnews::detail::linking
