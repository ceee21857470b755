#include "segment/sentence_splitter.hpp"

#include <algorithm>
#include <array>

#include "segment/characters.hpp"

namespace frnews::detail {
namespace {

enum class Role : std::uint8_t { opening, closing };

class Splitter {
 public:
  Splitter(std::string_view text, std::span<const Token> tokens, std::span<const Gap> gaps, std::uint32_t first,
           std::uint32_t end, std::uint32_t paragraph, const SegmentationLexicon& lexicon,
           std::vector<Sentence>& sentences)
      : text_(text), tokens_(tokens), gaps_(gaps), first_(first), end_(end), paragraph_(paragraph),
        lexicon_(lexicon), sentences_(sentences), start_(first) {}

  void run() {
    std::uint32_t at = first_;
    while (at < end_) {
      if (tokens_[at].kind == TokenKind::quote_mark) {
        const Role role = role_of(at);
        note_quote(at, role);
        ++at;
        // « Nous partirons demain » Le ministre…: a whole quoted sentence without final punctuation.
        if (role == Role::closing && depth_ == 0 && sentence_in_quotation_ && at < end_ && starts_upper_word(at)) {
          close(at);
        }
        continue;
      }
      if (!is_terminator(at)) {
        ++at;
        continue;
      }
      // The terminator with what belongs to it: "?!", "… »", ".)". The last one decides: "… ?".
      std::uint32_t last = at;
      std::uint32_t next = at + 1;
      while (next < end_) {
        if (is_terminator(next)) {
          last = next++;
        } else if (is_closing_bracket(next)) {
          ++next;
        } else if (tokens_[next].kind == TokenKind::quote_mark && role_of(next) == Role::closing) {
          note_quote(next, Role::closing);
          ++next;
        } else {
          break;
        }
      }
      if (next < end_ && breaks_after(last, next)) close(next);
      at = next;
    }
    close(end_);
  }

 private:
  [[nodiscard]] std::string_view text_of(std::uint32_t at) const noexcept { return tokens_[at].span.of(text_); }
  [[nodiscard]] char32_t first_code(std::uint32_t at) const noexcept {
    return decode(text_, tokens_[at].span.begin).code;
  }

  [[nodiscard]] bool is_terminator(std::uint32_t at) const noexcept {
    if (tokens_[at].kind != TokenKind::punctuation) return false;
    const char c = text_[tokens_[at].span.begin];
    return c == '.' || c == '!' || c == '?' || first_code(at) == U'\u2026';
  }

  [[nodiscard]] bool is_punctuation(std::uint32_t at, std::string_view chars) const noexcept {
    return tokens_[at].kind == TokenKind::punctuation &&
           chars.find(text_[tokens_[at].span.begin]) != std::string_view::npos;
  }
  [[nodiscard]] bool is_closing_bracket(std::uint32_t at) const noexcept { return is_punctuation(at, ")]"); }

  // « “ „ ‹ ‘ open and » ” › ’ close; a straight quote opens when it touches the next word only.
  [[nodiscard]] Role role_of(std::uint32_t at) const noexcept {
    switch (first_code(at)) {
      case U'\u00AB': case U'\u201C': case U'\u201E': case U'\u2039': case U'\u201F': case U'\u201A': case U'\u2018':
        return Role::opening;
      case U'\u00BB': case U'\u201D': case U'\u203A': case U'\u2019': return Role::closing;
      default: break;
    }
    const bool space_before = at == first_ || gaps_[at] != Gap::none;
    const bool space_after = at + 1 == end_ || gaps_[at + 1] != Gap::none ||
                             tokens_[at + 1].kind == TokenKind::punctuation;
    if (space_before != space_after) return space_before ? Role::opening : Role::closing;
    return straight_open_ ? Role::closing : Role::opening;
  }

  void note_quote(std::uint32_t at, Role role) noexcept {
    const bool straight = text_[tokens_[at].span.begin] == '"' || text_[tokens_[at].span.begin] == '\'';
    if (role == Role::opening) {
      if (depth_ == 0) sentence_in_quotation_ = opens_sentence(at);
      ++depth_;
      straight_open_ = straight_open_ || straight;
    } else {
      if (depth_ > 0) --depth_;
      if (straight) straight_open_ = false;
    }
  }

  // The quotation mark at `at` opens the sentence being read (after a dialogue dash at most).
  [[nodiscard]] bool opens_sentence(std::uint32_t at) const noexcept {
    return at == start_ || (at == start_ + 1 && tokens_[start_].kind == TokenKind::dash);
  }

  [[nodiscard]] bool starts_upper_word(std::uint32_t at) const noexcept {
    const TokenKind kind = tokens_[at].kind;
    return (kind == TokenKind::word || kind == TokenKind::elision) && is_upper(first_code(at));
  }

  // What may stand between a sentence end and the first word of the next: « — ( [ ¿ ¡
  [[nodiscard]] bool opens(std::uint32_t at) const noexcept {
    const TokenKind kind = tokens_[at].kind;
    if (kind == TokenKind::dash) return true;
    if (kind == TokenKind::quote_mark) return role_of(at) == Role::opening;
    return is_punctuation(at, "([") || first_code(at) == U'\u00BF' || first_code(at) == U'\u00A1';
  }

  // A single capital letter: "A. Dupont", "George W. Bush", "J.-C. Juncker".
  [[nodiscard]] bool is_initial(std::uint32_t at) const noexcept {
    const Decoded first = decode(text_, tokens_[at].span.begin);
    return first.size == tokens_[at].span.size() && is_upper(first.code);
  }

  // The second letter of "J.-M." or "J.-C.".
  [[nodiscard]] bool is_compound_initial(std::uint32_t at) const noexcept {
    return at >= first_ + 3 && text_of(at - 1) == "-" && text_of(at - 2) == "." && is_initial(at - 3);
  }

  // "52 av. J.-C.", "en 1500 apr. J.-C." end like any word; "J.-C. Juncker" is a name.
  [[nodiscard]] bool is_era(std::uint32_t c) const noexcept {
    if (c < first_ + 4 || text_of(c) != "C" || text_of(c - 1) != "-" || text_of(c - 2) != "." ||
        text_of(c - 3) != "J") {
      return false;
    }
    std::uint32_t before = c - 4;
    if (tokens_[before].kind == TokenKind::number) return true;
    if (text_of(before) == "." && before > first_) --before;
    return lexicon_.before_era(text_of(before));
  }

  // Whether the terminator at `at`, the last of a group ending before `next`, ends the sentence.
  [[nodiscard]] bool breaks_after(std::uint32_t at, std::uint32_t next) const noexcept {
    std::uint32_t content = next;
    while (content < end_ && opens(content)) ++content;
    if (content == end_) return true;
    const TokenKind kind = tokens_[content].kind;
    if (kind == TokenKind::punctuation) return false;  // "?, a-t-il dit", "…)", "etc.;"
    const bool wordlike = kind == TokenKind::word || kind == TokenKind::elision || kind == TokenKind::clitic;
    const char32_t code = first_code(content);
    if (wordlike && is_lower(code)) return false;
    const bool upper = wordlike && is_upper(code);
    const bool number = kind == TokenKind::number;
    const std::string_view terminator = text_of(at);
    if (terminator.size() > 1) return upper;  // "..." and "…" end a sentence before a capital only
    if (terminator != ".") return true;
    if (at > first_ && tokens_[at - 1].kind == TokenKind::word && tokens_[at - 1].span.end == tokens_[at].span.begin) {
      const std::string_view word = text_of(at - 1);
      if (lexicon_.never_final(word)) return false;
      if (number && lexicon_.final_unless_number(word)) return false;
      if (is_initial(at - 1)) {
        if (is_era(at - 1)) return upper || number;
        return !is_compound_initial(at - 1) && lexicon_.opens_sentences(text_of(content));
      }
    }
    return true;
  }

  void close(std::uint32_t end) {
    if (end <= start_) return;
    sentences_.push_back({{tokens_[start_].span.begin, tokens_[end - 1].span.end}, start_, end, paragraph_});
    start_ = end;
    sentence_in_quotation_ = depth_ > 0;
  }

  std::string_view text_;
  std::span<const Token> tokens_;
  std::span<const Gap> gaps_;
  std::uint32_t first_;
  std::uint32_t end_;
  std::uint32_t paragraph_;
  const SegmentationLexicon& lexicon_;  // abbreviations and sentence openers (abbreviations.tsv)
  std::vector<Sentence>& sentences_;
  std::uint32_t start_;                   // first token of the sentence being read
  std::uint32_t depth_ = 0;  // quotation marks open
  // The sentence being read lies inside the outermost quotation: it opened the sentence, or an
  // earlier sentence of the quotation ended.
  bool sentence_in_quotation_ = false;
  bool straight_open_ = false;
};

}  // namespace

void split_sentences(std::string_view text, std::span<const Token> tokens, std::span<const Gap> gaps,
                     std::uint32_t first, std::uint32_t end, std::uint32_t paragraph,
                     const SegmentationLexicon& lexicon, std::vector<Sentence>& sentences) {
  Splitter(text, tokens, gaps, first, end, paragraph, lexicon, sentences).run();
}

}  // namespace frnews::detail
