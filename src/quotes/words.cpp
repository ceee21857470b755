#include "quotes/words.hpp"

#include <algorithm>

namespace frnews::detail {

namespace {

struct MarkInfo {
  MarkFamily family;
  bool opening;
  bool closing;
};

// The quotation mark a token is, with family none when it is not exactly one.
MarkInfo mark_of(std::string_view token) noexcept {
  if (token == "\"") return {MarkFamily::straight, true, true};
  if (token == "\u00AB") return {MarkFamily::guillemet, true, false};
  if (token == "\u00BB") return {MarkFamily::guillemet, false, true};
  if (token == "\u201C" || token == "\u201E") return {MarkFamily::curly, true, false};  // “ „
  if (token == "\u201D") return {MarkFamily::curly, false, true};                      // ”
  if (token == "\u2039") return {MarkFamily::single, true, false};                     // ‹
  if (token == "\u203A") return {MarkFamily::single, false, true};                     // ›
  return {MarkFamily::none, false, false};
}

bool is_upper_at(std::string_view text, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < text.size()) {
    const auto n = static_cast<unsigned char>(text[i + 1]);
    return n >= 0x80 && n <= 0x9E && n != 0x97;
  }
  return c == 0xC5 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x92;
}

bool is_lexical(WordKind kind) noexcept {
  return kind == WordKind::word || kind == WordKind::elision || kind == WordKind::clitic;
}

// Whether a token is made of sentence punctuation alone: ".", "…", "?!", "..".
bool is_punctuation(std::string_view text) noexcept {
  if (text == "\xE2\x80\xA6") return true;
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::string_view(".,;:!?()[]").find(c) != std::string_view::npos;
  });
}

// What the quote rules call a token: its kind in the token layer, but for a word written with
// a digit first ("1er", "2e"), which counts as a number; a sign that joins words ("emploi/
// formation"), which counts as a word; and an apostrophe that is no quotation mark, which the
// rules do not read.
WordKind word_kind(const Token& token, std::string_view text) noexcept {
  switch (token.kind) {
    case TokenKind::word: return text[0] >= '0' && text[0] <= '9' ? WordKind::number : WordKind::word;
    case TokenKind::elision: return WordKind::elision;
    case TokenKind::clitic: return WordKind::clitic;
    case TokenKind::number: return WordKind::number;
    case TokenKind::dash: return WordKind::dash;
    case TokenKind::punctuation:
      if (text == "-") return WordKind::dash;
      return is_punctuation(text) ? WordKind::punctuation : WordKind::word;
    case TokenKind::quote_mark: return mark_of(text).family != MarkFamily::none ? WordKind::quote_mark : WordKind::other;
    default: return WordKind::other;
  }
}

}  // namespace

bool QuoteWords::takes_period(const Word& word) const noexcept {
  if (word.kind != WordKind::word) return false;
  const std::string_view text = word.span.of(text_);
  return (text.size() == 1 && is_upper_at(text, 0)) || abbreviations_->never_final(text);
}

void QuoteWords::add_token(std::uint32_t token, const WordLexicon& lexicon, LexClasses classes, WordKind kind,
                           bool space_before) {
  const TokenAnnotation& a = doc_->annotations()[token];
  Word& word = words_.emplace_back();
  word.span = doc_->tokens()[token].span;
  word.kind = kind;
  word.sentence = a.sentence;
  word.paragraph = a.paragraph;
  word.space_before = space_before;
  const std::string_view text = word.span.of(text_);
  if (kind == WordKind::quote_mark) {
    const MarkInfo mark = mark_of(text);
    word.family = mark.family;
    word.opening = mark.opening;
    word.closing = mark.closing;
  }
  word.capitalized = (a.flags & token_capitalized) != 0;
  word.key_begin = a.lower_begin;
  word.key_size = a.lower_size;
  word.function_words = lexicon.function_words;
  if (is_lexical(kind)) word.set_lex(lexicon.entries, classes);
}

void QuoteWords::join_period(std::uint32_t token) {
  // The key moves to the end of keys_ to take the dot.
  Word& last = words_.back();
  last.span.end = doc_->tokens()[token].span.end;
  if (last.key_begin + last.key_size != keys_.size()) {
    const auto moved = static_cast<std::uint32_t>(keys_.size());
    keys_.append(keys_, last.key_begin, last.key_size);
    last.key_begin = moved;
  }
  keys_ += '.';
  ++last.key_size;
  const WordLexicon found = lexicon_->word(key(words_.size() - 1));
  last.set_lex(found.entries);
  last.function_words = found.function_words;
}

QuoteWords::QuoteWords(const Document& doc, const Entities& entities, const CueLexicon& lexicon,
                       const SegmentationLexicon& abbreviations)
    : text_(doc.text()), doc_(&doc), lexicon_(&lexicon), abbreviations_(&abbreviations) {
  const auto tokens = doc.tokens();
  const auto annotations = doc.annotations();
  // Each distinct word is looked up once, all of them together.
  struct KnownWord {
    WordLexicon lexicon;
    LexClasses classes;
  };
  std::vector<KnownWord> known(doc.distinct_words());
  const auto first_tokens = doc.first_tokens();
  std::vector<std::string_view> forms(first_tokens.size());
  for (std::size_t w = 0; w < forms.size(); ++w) forms[w] = doc.lower_case(first_tokens[w]);
  lexicon.words(forms, [&](std::size_t w, const WordLexicon& found) { known[w] = {found, lex_classes(found.entries)}; });
  words_.reserve(tokens.size());
  keys_.reserve(doc.lower_cases().size() + 16);
  keys_ = doc.lower_cases();
  std::size_t mention = 0;
  for (std::uint32_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    const std::string_view text = token.span.of(text_);
    const bool space_before = (annotations[t].flags & token_space_before) != 0;
    if (!space_before && !words_.empty() && text == "." && takes_period(words_.back())) {
      join_period(t);
      continue;
    }
    const KnownWord& word = known[annotations[t].word];
    const WordKind kind = word_kind(token, text);
    add_token(t, word.lexicon, word.classes, kind, space_before);
    while (mention < entities.mentions.size() && entities.mentions[mention].end_token <= t) ++mention;
    if (mention < entities.mentions.size() && entities.mentions[mention].first_token <= t &&
        (kind == WordKind::word || kind == WordKind::number)) {
      words_.back().mention = static_cast<std::int32_t>(mention);
    }
  }
}

}  // namespace frnews::detail
