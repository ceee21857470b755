#include "quotes/words.hpp"

#include <algorithm>
#include <array>

namespace frnews::detail {

namespace {

struct MarkInfo {
  MarkFamily family;
  bool opening;
  bool closing;
};

// The quotation mark starting at text[i], with its length in bytes; length 0 when none.
std::pair<MarkInfo, std::size_t> mark_at(std::string_view text, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (b(0) == '"') return {{MarkFamily::straight, true, true}, 1};
  if (b(0) == 0xC2 && b(1) == 0xAB) return {{MarkFamily::guillemet, true, false}, 2};
  if (b(0) == 0xC2 && b(1) == 0xBB) return {{MarkFamily::guillemet, false, true}, 2};
  if (b(0) == 0xE2 && b(1) == 0x80) {
    switch (b(2)) {
      case 0x9C: return {{MarkFamily::curly, true, false}, 3};   // “
      case 0x9D: return {{MarkFamily::curly, false, true}, 3};   // ”
      case 0x9E: return {{MarkFamily::curly, true, false}, 3};   // „
      case 0xB9: return {{MarkFamily::single, true, false}, 3};  // ‹
      case 0xBA: return {{MarkFamily::single, false, true}, 3};  // ›
      default: break;
    }
  }
  return {{MarkFamily::none, false, false}, 0};
}

// No-break, narrow no-break and thin spaces inside a token separate words.
std::size_t space_at(std::string_view text, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (b(0) == ' ' || b(0) == '\t' || b(0) == '\n') return 1;
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xAF || b(2) == 0x89 || b(2) == 0x8A)) return 3;
  return 0;
}

std::size_t punctuation_at(std::string_view text, std::size_t i) noexcept {
  const char c = text[i];
  if (std::string_view(".,;:!?()[]").find(c) != std::string_view::npos) return 1;
  if (text.substr(i, 3) == "\xE2\x80\xA6") return 3;  // …
  return 0;
}

std::size_t dash_length(std::string_view word) noexcept {
  if (word == "-" || word == "--" || word == "\xE2\x80\x94" || word == "\xE2\x80\x93" || word == "\xE2\x80\x95") {
    return word.size();
  }
  return 0;
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

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

constexpr std::array<std::string_view, 13> clitics = {"-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il",
                                                      "-elle", "-on", "-ils", "-elles", "-je", "-nous", "-vous"};
constexpr std::array<std::string_view, 9> dotted_abbreviations = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr",
                                                                  "mgr", "st"};

bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != b[i]) return false;
  }
  return true;
}

bool is_lexical(WordKind kind) noexcept {
  return kind == WordKind::word || kind == WordKind::elision || kind == WordKind::clitic;
}

// Whether split_token() would leave a word token whole: letters only (any byte of a multi-byte
// character but the lead bytes of spaces, marks, apostrophes and dashes).
constexpr std::array<bool, 256> plain_word_bytes = [] {
  std::array<bool, 256> bytes{};
  for (std::size_t b = 0; b < bytes.size(); ++b) {
    bytes[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= 0x80 && b != 0xC2 && b != 0xE2);
  }
  return bytes;
}();

bool is_plain_word(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(), [](char c) { return plain_word_bytes[static_cast<unsigned char>(c)]; });
}

// What split_token() would make of a token that is one sign and nothing else, one word of the
// token's own lower-case form: a punctuation mark, a quotation mark or a dash; `other` for any
// other token.
WordKind whole_sign(const Token& token, std::string_view text) noexcept {
  switch (token.kind) {
    case TokenKind::punctuation:
      return text.size() == 1 && std::string_view(".,;:!?()[]").find(text[0]) != std::string_view::npos
                 ? WordKind::punctuation
                 : WordKind::other;
    case TokenKind::quote_mark: return mark_at(text, 0).second == text.size() ? WordKind::quote_mark : WordKind::other;
    case TokenKind::dash: return dash_length(text) == text.size() && !text.empty() ? WordKind::dash : WordKind::other;
    default: return WordKind::other;
  }
}

}  // namespace

bool QuoteWords::abbreviation_ends(const Word& word) const noexcept {
  if (word.kind != WordKind::word) return false;
  const std::string_view text = word.span.of(text_);
  if (text.size() == 1 && is_upper_at(text, 0)) return true;
  for (auto a : dotted_abbreviations) {
    if (ascii_iequals(text, a)) return true;
  }
  return false;
}

Word& QuoteWords::push(Span span, WordKind kind, std::uint32_t sentence, std::uint32_t paragraph, bool space_before,
                       std::uint32_t key_begin, std::uint32_t key_size) {
  Word& word = words_.emplace_back();
  word.span = span;
  word.kind = kind;
  word.sentence = sentence;
  word.paragraph = paragraph;
  word.space_before = space_before;
  const std::string_view text = span.of(text_);
  if (kind == WordKind::quote_mark) {
    const auto [info, length] = mark_at(text, 0);
    word.family = info.family;
    word.opening = info.opening;
    word.closing = info.closing;
    (void)length;
  }
  word.capitalized = !text.empty() && is_upper_at(text, 0);
  word.key_begin = key_begin;
  word.key_size = key_size;
  return word;
}

void QuoteWords::add(Span span, WordKind kind, std::uint32_t sentence, std::uint32_t paragraph, bool space_before) {
  fold_word(span.of(text_), scratch_);
  const auto key_begin = static_cast<std::uint32_t>(keys_.size());
  keys_ += scratch_;
  Word& word = push(span, kind, sentence, paragraph, space_before, key_begin, static_cast<std::uint32_t>(scratch_.size()));
  const WordLexicon found = lexicon_->word(scratch_);
  word.function_words = found.function_words;
  if (is_lexical(kind)) word.set_lex(found.entries);
}

void QuoteWords::add_token(std::uint32_t token, const KnownWord& known, WordKind kind, bool space_before) {
  const TokenAnnotation& a = doc_->annotations()[token];
  Word& word = push(doc_->tokens()[token].span, kind, a.sentence, a.paragraph, space_before, a.lower_begin, a.lower_size);
  word.function_words = known.lexicon.function_words;
  if (is_lexical(kind)) word.set_lex(known.lexicon.entries, known.classes);
}

void QuoteWords::split_token(const Token& token, std::uint32_t sentence, std::uint32_t paragraph,
                             bool space_before) {
  const std::string_view text = token.span.of(text_);
  const std::uint32_t base = token.span.begin;
  const auto at = [&](std::size_t i) { return static_cast<std::uint32_t>(base + i); };
  switch (token.kind) {
    case TokenKind::word:
    case TokenKind::punctuation:
    case TokenKind::quote_mark:
    case TokenKind::dash:
    case TokenKind::elision:
    case TokenKind::clitic:
      break;
    case TokenKind::number:
      add(token.span, WordKind::number, sentence, paragraph, space_before);
      return;
    default:
      add(token.span, WordKind::other, sentence, paragraph, space_before);
      return;
  }
  // Emits one word [from, to) of the token, splitting an elision before and an inverted pronoun after.
  const auto emit_word = [&](std::size_t from, std::size_t to, bool space) {
    while (from < to) {
      const std::string_view piece = text.substr(from, to - from);
      if (dash_length(piece)) {
        add({at(from), at(to)}, WordKind::dash, sentence, paragraph, space);
        return;
      }
      if (is_digit(piece[0])) {
        add({at(from), at(to)}, WordKind::number, sentence, paragraph, space);
        return;
      }
      // An elision: "l'", "qu’".
      std::size_t apostrophe = piece.find('\'');
      std::size_t apostrophe_size = 1;
      if (const std::size_t curly = piece.find("\xE2\x80\x99"); curly < apostrophe) {
        apostrophe = curly;
        apostrophe_size = 3;
      }
      if (apostrophe != std::string_view::npos && apostrophe + apostrophe_size < piece.size()) {
        const std::string_view head = piece.substr(0, apostrophe);
        if (lexicon_->is_elision(head)) {
          const std::size_t end = from + apostrophe + apostrophe_size;
          add({at(from), at(end)}, WordKind::elision, sentence, paragraph, space);
          from = end;
          space = false;
          continue;
        }
      }
      // An inverted pronoun: "a-t-il", "estime-t-elle".
      for (auto clitic : clitics) {
        if (piece.size() > clitic.size() && ascii_iequals(piece.substr(piece.size() - clitic.size()), clitic)) {
          const std::size_t split = to - clitic.size();
          add({at(from), at(split)}, WordKind::word, sentence, paragraph, space);
          add({at(split), at(to)}, WordKind::clitic, sentence, paragraph, false);
          return;
        }
      }
      add({at(from), at(to)}, WordKind::word, sentence, paragraph, space);
      return;
    }
  };

  std::size_t start = 0;  // of the word being read
  bool space = space_before;
  std::size_t i = 0;
  const auto flush = [&](std::size_t end) {
    if (end > start) {
      emit_word(start, end, space);
      space = false;
    }
  };
  // Ends the word being read and adds the mark or punctuation of n bytes at i.
  const auto add_sign = [&](std::size_t n, WordKind kind) {
    flush(i);
    add({at(i), at(i + n)}, kind, sentence, paragraph, space);
    space = false;
    i += n;
    start = i;
  };
  while (i < text.size()) {
    // Most bytes are letters: only these can start a space, a mark or punctuation.
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= 0x80 && byte != 0xC2 && byte != 0xE2)) {
      ++i;
      continue;
    }
    if (const std::size_t n = space_at(text, i)) {
      flush(i);
      i += n;
      start = i;
      space = true;
      continue;
    }
    if (const auto [info, n] = mark_at(text, i); n) {
      add_sign(n, WordKind::quote_mark);
      continue;
    }
    if (const std::size_t n = punctuation_at(text, i)) {
      const char c = text[i];
      const std::string_view current = text.substr(start, i - start);
      // "M." keeps its dot; "3,5" and "1.5" stay numbers.
      bool keep = false;
      if (c == '.' && !current.empty()) {
        for (auto a : dotted_abbreviations) keep = keep || ascii_iequals(current, a);
        keep = keep || (current.size() == 1 && is_upper_at(current, 0));
      }
      if ((c == '.' || c == ',') && !current.empty() && is_digit(current.back()) && i + 1 < text.size() &&
          is_digit(text[i + 1])) {
        keep = true;
      }
      if (keep) {
        i += n;
        if (c == '.' && !(i < text.size() && is_digit(text[i]))) flush(i), start = i;
        continue;
      }
      add_sign(n, WordKind::punctuation);
      continue;
    }
    ++i;
  }
  flush(text.size());
}

QuoteWords::QuoteWords(const Document& doc, const Entities& entities, const CueLexicon& lexicon)
    : text_(doc.text()),
      doc_(&doc),
      lexicon_(&lexicon),
      known_words_(doc.distinct_words()) {
  const auto tokens = doc.tokens();
  const auto annotations = doc.annotations();
  // Each distinct word is looked up once, all of them together.
  const auto first_tokens = doc.first_tokens();
  std::vector<std::string_view> forms(first_tokens.size());
  for (std::size_t w = 0; w < forms.size(); ++w) forms[w] = doc.lower_case(first_tokens[w]);
  lexicon.words(forms, [&](std::size_t w, const WordLexicon& found) {
    known_words_[w] = {found, lex_classes(found.entries), is_plain_word(forms[w])};
  });
  words_.reserve(tokens.size() + tokens.size() / 4);
  keys_.reserve(doc.lower_cases().size() + text_.size() / 4);
  keys_ = doc.lower_cases();
  std::size_t mention = 0;
  for (std::uint32_t t = 0; t < tokens.size(); ++t) {
    const Token& token = tokens[t];
    const bool space_before = (annotations[t].flags & token_space_before) != 0;
    const std::size_t first = words_.size();
    if (!space_before && !words_.empty() && token.span.of(text_) == "." && abbreviation_ends(words_.back())) {
      // "M" + "." from the tokenizer: one word "M.", its key moved to the end of keys_ to take the dot.
      Word& last = words_.back();
      last.span.end = token.span.end;
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
      continue;
    }
    if (token.kind == TokenKind::elision || token.kind == TokenKind::clitic) {
      add_token(t, known_word(t), token.kind == TokenKind::clitic ? WordKind::clitic : WordKind::elision, space_before);
    } else if (token.kind == TokenKind::word && known_word(t).plain) {
      add_token(t, known_word(t), WordKind::word, space_before);
    } else if (const WordKind kind = whole_sign(token, token.span.of(text_)); kind != WordKind::other) {
      add_token(t, known_word(t), kind, space_before);
    } else {
      split_token(token, annotations[t].sentence, annotations[t].paragraph, space_before);
    }
    while (mention < entities.mentions.size() && entities.mentions[mention].end_token <= t) ++mention;
    if (mention < entities.mentions.size() && entities.mentions[mention].first_token <= t) {
      for (std::size_t w = first; w < words_.size(); ++w) {
        if (words_[w].kind == WordKind::word || words_[w].kind == WordKind::number) {
          words_[w].mention = static_cast<std::int32_t>(mention);
        }
      }
    }
  }
}

}  // namespace frnews::detail
