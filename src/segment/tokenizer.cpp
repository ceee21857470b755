#include "segment/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <limits>

#include "segment/characters.hpp"
#include "segment/eight_bytes.hpp"

namespace frnews::detail {
namespace {

struct Char {
  char32_t code;
  std::uint32_t size;  // 0 past the end of the text
  CharClass cls;
};

constexpr bool is_word_class(CharClass cls) noexcept {
  return cls == CharClass::letter || cls == CharClass::digit || cls == CharClass::extend;
}

constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) noexcept {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Case-insensitive (ASCII) equality.
bool equals_folded(std::string_view text, std::string_view lower) noexcept {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (ascii_lower(text[i]) != lower[i]) return false;
  }
  return true;
}

// Top-level domains accepted for addresses written without "http" or "www" ("lemonde.fr").
constexpr auto known_domains = std::to_array<std::string_view>(
    {"fr", "com", "org", "net", "eu", "info", "io", "be", "ch", "ca", "lu", "de", "uk", "es", "it",
     "int", "tv", "fm", "me", "co", "news", "app", "re", "ma", "tn", "dz", "sn", "ci", "gouv", "gov"});

constexpr bool is_email_char(char c) noexcept {
  return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
constexpr bool is_domain_char(char c) noexcept { return is_ascii_alnum(c) || c == '.' || c == '-'; }

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const SegmentationLexicon& lexicon) : text_(text), lexicon_(lexicon) {
    list_.tokens.reserve(text.size() / 5 + 1);
    list_.gaps.reserve(text.size() / 5 + 1);
  }

  TokenList run() && {
    while (pos_ < text_.size()) {
      const Char c = peek(pos_);
      switch (c.cls) {
        case CharClass::space:
          if (gap_ == Gap::none) gap_ = Gap::space;
          pos_ += c.size;
          break;
        case CharClass::newline:
          gap_ = Gap::line;
          pos_ += c.size;
          break;
        case CharClass::letter:
        case CharClass::extend: scan_word(pos_); break;
        case CharClass::digit: scan_number(pos_, pos_); break;
        case CharClass::apostrophe:
        case CharClass::quote: single(c, TokenKind::quote_mark); break;
        case CharClass::hyphen: scan_hyphen(c); break;
        case CharClass::dash: single(c, TokenKind::dash); break;
        case CharClass::period: scan_periods(); break;
        case CharClass::at: scan_handle(c); break;
        case CharClass::hash: scan_hashtag(c); break;
        case CharClass::symbol:
          if (c.code == U'\u2212' && starts_signed_number(c)) {
            scan_number(pos_, pos_ + c.size);
          } else {
            single(c, TokenKind::symbol);
          }
          break;
        case CharClass::joiner:
        case CharClass::ellipsis:
        case CharClass::terminator:
        case CharClass::punctuation: single(c, TokenKind::punctuation); break;
      }
    }
    return std::move(list_);
  }

 private:
  [[nodiscard]] Char peek(std::size_t at) const noexcept {
    if (at >= text_.size()) return {0, 0, CharClass::space};
    const auto byte = static_cast<unsigned char>(text_[at]);
    if (byte < 0x80) return {byte, 1, chars::ascii_classes[byte]};
    const Decoded d = decode(text_, at);
    return {d.code, d.size, classify(d.code)};
  }

  [[nodiscard]] char byte_at(std::size_t at) const noexcept { return at < text_.size() ? text_[at] : '\0'; }

  void emit(std::size_t begin, std::size_t end, TokenKind kind) {
    list_.tokens.push_back({{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)}, kind});
    list_.gaps.push_back(list_.tokens.size() == 1 ? Gap::line : gap_);
    gap_ = Gap::none;
    pos_ = end;
  }

  // One character, with the combining marks or variation selectors that follow it; for emoji, the
  // whole sequence: a flag is two regional indicators, a family joins symbols with U+200D.
  void single(Char c, TokenKind kind) {
    std::size_t end = pos_ + c.size;
    const auto regional_indicator = [](char32_t code) { return code >= 0x1F1E6 && code <= 0x1F1FF; };
    if (regional_indicator(c.code) && regional_indicator(peek(end).code)) end += peek(end).size;
    for (Char next = peek(end); next.size != 0 && next.cls == CharClass::extend; next = peek(end)) {
      end += next.size;
      if (next.code == U'\u200D' && peek(end).cls == CharClass::symbol) end += peek(end).size;
    }
    emit(pos_, end, kind);
  }

  // The previous token touches `pos_` and is a word or a number: "3-5", "x-1" have no sign.
  [[nodiscard]] bool follows_word() const noexcept {
    if (list_.tokens.empty() || gap_ != Gap::none) return false;
    const Token& last = list_.tokens.back();
    return last.span.end == pos_ && (last.kind == TokenKind::word || last.kind == TokenKind::number);
  }

  [[nodiscard]] bool starts_signed_number(Char sign) const noexcept {
    return is_ascii_digit(byte_at(pos_ + sign.size)) && !follows_word();
  }

  void scan_hyphen(Char c) {
    if (starts_signed_number(c)) {
      scan_number(pos_, pos_ + c.size);
      return;
    }
    if (c.code == '-' && byte_at(pos_ + 1) == '-') {  // "--" written for a dash
      std::size_t end = pos_;
      while (byte_at(end) == '-') ++end;
      emit(pos_, end, TokenKind::dash);
      return;
    }
    const bool space_before = list_.tokens.empty() || gap_ != Gap::none;
    const CharClass after = peek(pos_ + c.size).cls;
    const bool space_after = after == CharClass::space || after == CharClass::newline;
    single(c, space_before && space_after ? TokenKind::dash : TokenKind::punctuation);
  }

  void scan_periods() {
    std::size_t end = pos_;
    while (byte_at(end) == '.') ++end;
    emit(pos_, end, TokenKind::punctuation);  // "." or "..." as one token
  }

  // "@frnews"; a lone "@", or one stuck to a word, is a symbol.
  void scan_handle(Char at_sign) {
    std::size_t end = pos_ + at_sign.size;
    while (!follows_word() && (is_ascii_alnum(byte_at(end)) || byte_at(end) == '_')) ++end;
    if (end == pos_ + at_sign.size) {
      single(at_sign, TokenKind::symbol);
    } else {
      emit(pos_, end, TokenKind::handle);
    }
  }

  // "#JO2024", "#Élysée"; a lone "#", or one stuck to a word ("C#"), is a symbol.
  void scan_hashtag(Char hash) {
    std::size_t end = pos_ + hash.size;
    for (Char c = peek(end); !follows_word() && c.size != 0 && (is_word_class(c.cls) || c.code == '_'); c = peek(end)) {
      end += c.size;
    }
    if (end == pos_ + hash.size) {
      single(hash, TokenKind::symbol);
    } else {
      emit(pos_, end, TokenKind::hashtag);
    }
  }

  // A thousands separator followed by a group of exactly three digits: "10 000", "3 500".
  [[nodiscard]] std::size_t thousands_group(std::size_t at) const noexcept {
    std::size_t separator = 0;
    const std::string_view rest = text_.substr(at, 3);
    if (rest.starts_with(' ')) {
      separator = 1;
    } else if (rest.starts_with("\xC2\xA0")) {
      separator = 2;
    } else if (rest == "\xE2\x80\xAF" || rest == "\xE2\x80\x89") {
      separator = 3;
    }
    if (separator == 0) return 0;
    const std::size_t group = at + separator;
    if (is_ascii_digit(byte_at(group)) && is_ascii_digit(byte_at(group + 1)) && is_ascii_digit(byte_at(group + 2)) &&
        !is_ascii_digit(byte_at(group + 3))) {
      return separator + 3;
    }
    return 0;
  }

  [[nodiscard]] bool word_char_at(std::size_t at) const noexcept {
    const Char c = peek(at);
    return c.size != 0 && is_word_class(c.cls);
  }

  // "2022", "-5", "3,5", "3.5", "10 000", "12h30", "18h"; digits followed by letters make a word
  // ("1er", "5G", "11-Septembre").
  void scan_number(std::size_t begin, std::size_t digits) {
    std::size_t end = digits;
    while (is_ascii_digit(byte_at(end))) ++end;
    const std::size_t integer_digits = end - digits;
    bool plain = true;
    if (integer_digits <= 3) {
      for (std::size_t group = thousands_group(end); group != 0; group = thousands_group(end)) {
        end += group;
        plain = false;
      }
    }
    while ((byte_at(end) == ',' || byte_at(end) == '.') && is_ascii_digit(byte_at(end + 1))) {
      end += 1;
      while (is_ascii_digit(byte_at(end))) ++end;
      plain = false;
    }
    if (plain && integer_digits <= 2 && (byte_at(end) == 'h' || byte_at(end) == 'H')) {
      if (is_ascii_digit(byte_at(end + 1)) && is_ascii_digit(byte_at(end + 2)) && !word_char_at(end + 3)) {
        emit(begin, end + 3, TokenKind::number);
        return;
      }
      if (!word_char_at(end + 1)) {
        emit(begin, end + 1, TokenKind::number);
        return;
      }
    }
    const std::size_t hyphen = hyphen_size(end);
    if (plain && begin == digits &&
        (word_char_at(end) || (hyphen != 0 && peek(end + hyphen).cls == CharClass::letter))) {
      scan_word(begin);
      return;
    }
    emit(begin, end, TokenKind::number);
  }

  [[nodiscard]] std::size_t hyphen_size(std::size_t at) const noexcept {
    const Char c = peek(at);
    return c.cls == CharClass::hyphen ? c.size : 0;
  }

  // The length of an inverted pronoun (inverted_pronouns.tsv) starting with the hyphen at `at`
  // ("-t-il", "-elle", "-ce"), or 0.
  [[nodiscard]] std::size_t clitic_size(std::size_t at) const noexcept {
    std::size_t start = at + hyphen_size(at);
    bool after_t = false;
    if (ascii_lower(byte_at(start)) == 't') {
      if (const std::size_t second = hyphen_size(start + 1); second != 0) {
        start += 1 + second;
        after_t = true;
      }
    }
    for (const auto& pronoun : lexicon_.inverted_pronouns()) {
      if (after_t && !pronoun.after_t) continue;
      if (!equals_folded(text_.substr(start, pronoun.form.size()), pronoun.form)) continue;
      const std::size_t end = start + pronoun.form.size();
      if (word_char_at(end)) continue;
      if (const std::size_t hyphen = hyphen_size(end); hyphen != 0 && word_char_at(end + hyphen)) return 0;
      return end - at;
    }
    return 0;
  }

  // Whether the word [begin, end) before an inverted pronoun is a verb: not "rendez" of
  // "rendez-vous", nor the capitalised second name of "Kim Jong-il".
  [[nodiscard]] bool is_inversion(std::size_t begin, std::size_t end) const noexcept {
    const std::string_view word = text_.substr(begin, end - begin);
    const auto not_verbs = lexicon_.not_verbs();
    if (std::any_of(not_verbs.begin(), not_verbs.end(), [&](const std::string& w) { return equals_folded(word, w); })) {
      return false;
    }
    if (!is_upper(peek(begin).code) || list_.tokens.empty() || gap_ != Gap::space) return true;
    const Token& last = list_.tokens.back();
    return last.kind != TokenKind::word || !is_upper(peek(last.span.begin).code);
  }

  // Whether the apostrophe at `at`, after the letters of `word`, ends an elision.
  [[nodiscard]] bool ends_elision(std::string_view word, std::size_t at, Char apostrophe) const noexcept {
    // "l’", "qu’", "jusqu’": elisions.tsv. Words like "aujourd’hui", "quelqu’un" or
    // "prud’homme" keep their apostrophe because their first part is no elision.
    if (word.size() > 6 || !lexicon_.is_elision(word)) return false;
    const std::size_t after = at + apostrophe.size;
    if (equals_folded(word, "presqu")) {
      const std::string_view rest = text_.substr(after, 4);
      if (equals_folded(rest.substr(0, 3), "ile") || rest == "\xC3\xAEle" || rest == "\xC3\x8Ele") return false;
    }
    const Char next = peek(after);
    if (next.size == 0) return false;
    // "N’Golo", "N’Djamena", "M’Bala": a capital then a small letter after n’ or m’ makes a name.
    if ((equals_folded(word, "n") || equals_folded(word, "m")) && is_upper(next.code) &&
        is_lower(peek(after + next.size).code)) {
      return false;
    }
    if (next.cls == CharClass::letter || next.cls == CharClass::digit || next.cls == CharClass::quote) return true;
    // "jusqu’ à", written with a space, still elides; a lone "l’ " does not.
    return word.size() >= 2 && next.cls == CharClass::space;
  }

  // Words, with their elisions and inverted pronouns split off, and the URLs and e-mail addresses
  // that start like a word.
  void scan_word(std::size_t begin) {
    std::size_t word_begin = begin;
    std::size_t end = begin;
    bool letters_only = true;  // since word_begin: candidates for an elision
    for (;;) {
      for (;;) {
        // Eight ASCII letters at a time while the text has eight bytes more, up to the first byte
        // that is none, which the tests below read.
        if (end + 8 <= text_.size()) {
          const std::uint64_t stop = non_letters(load8(text_.data() + end));
          end += static_cast<std::size_t>(std::countr_zero(stop)) / 8;
          if (stop == 0) continue;
        }
        if (end < text_.size() && static_cast<unsigned char>(text_[end]) < 0x80) {
          const CharClass cls = chars::ascii_classes[static_cast<unsigned char>(text_[end])];
          if (cls == CharClass::letter) {
            ++end;
            continue;
          }
          if (cls != CharClass::digit) break;
          letters_only = false;
          ++end;
          continue;
        }
        // "é", "à", "ç": the Latin-1 letters U+00C0..U+00FF but × and ÷, without decoding them.
        if (end + 1 < text_.size() && static_cast<unsigned char>(text_[end]) == 0xC3) {
          const auto next = static_cast<unsigned char>(text_[end + 1]);
          if (next >= 0x80 && next <= 0xBF && next != 0x97 && next != 0xB7) {
            end += 2;
            continue;
          }
        }
        const Char c = peek(end);
        if (c.size == 0 || !is_word_class(c.cls)) break;
        end += c.size;
      }
      const Char c = peek(end);
      if (c.cls == CharClass::hyphen && word_char_at(end + c.size)) {
        if (const std::size_t clitic = clitic_size(end); clitic != 0 && is_inversion(word_begin, end)) {
          emit(word_begin, end, TokenKind::word);
          emit(end, end + clitic, TokenKind::clitic);
          return;
        }
        end += c.size;
        letters_only = false;
        continue;
      }
      if (c.cls == CharClass::joiner && peek(end + c.size).cls == CharClass::letter) {
        end += c.size;
        letters_only = false;
        continue;
      }
      if (c.cls == CharClass::apostrophe) {
        const std::string_view word = text_.substr(word_begin, end - word_begin);
        if (letters_only && ends_elision(word, end, c)) {
          emit(word_begin, end + c.size, TokenKind::elision);
          word_begin = end = pos_;
          if (!word_char_at(end)) return;
          continue;
        }
        if (peek(end + c.size).cls == CharClass::letter) {  // "aujourd’hui", "quelqu’un"
          end += c.size;
          letters_only = false;
          continue;
        }
      }
      if (c.code == '.' || c.code == '@' || c.code == '_' || c.code == '+' || c.code == '-') {
        if (scan_email(word_begin)) return;
      }
      if (c.code == '.' && is_ascii_alnum(byte_at(end + 1))) {
        if (equals_folded(text_.substr(word_begin, end - word_begin), "www") || is_domain(word_begin)) {
          scan_url(word_begin);
          return;
        }
      }
      if (c.code == ':' && text_.substr(end + 1, 2) == "//") {
        const std::string_view scheme = text_.substr(word_begin, end - word_begin);
        if (equals_folded(scheme, "http") || equals_folded(scheme, "https") || equals_folded(scheme, "ftp")) {
          scan_url(word_begin);
          return;
        }
      }
      break;
    }
    emit(word_begin, end, TokenKind::word);
  }

  // "prenom.nom@exemple.fr" starting at `begin`. A run of address characters that held no address
  // is remembered, so that a text like "a.a.a.a…" is read once.
  bool scan_email(std::size_t begin) {
    if (begin < no_email_before_) return false;
    std::size_t at = begin;
    while (is_email_char(byte_at(at))) ++at;
    if (at > begin && byte_at(at) == '@' && is_ascii_alnum(byte_at(at + 1))) {
      std::size_t end = at + 1;
      while (is_domain_char(byte_at(end))) ++end;
      while (byte_at(end - 1) == '.' || byte_at(end - 1) == '-') --end;
      const std::string_view domain = text_.substr(at + 1, end - at - 1);
      const std::size_t dot = domain.rfind('.');
      if (dot != std::string_view::npos && domain.size() - dot > 2) {
        emit(begin, end, TokenKind::email);
        return true;
      }
    }
    no_email_before_ = at;
    return false;
  }

  // "lemonde.fr", "service-public.gouv.fr/particuliers": a host ending in a known domain.
  bool is_domain(std::size_t begin) {
    if (begin < no_domain_before_) return false;
    std::size_t end = begin;
    while (is_domain_char(byte_at(end))) ++end;
    std::size_t host_end = end;
    while (host_end > begin && (byte_at(host_end - 1) == '.' || byte_at(host_end - 1) == '-')) --host_end;
    const std::string_view host = text_.substr(begin, host_end - begin);
    const std::size_t dot = host.rfind('.');
    const std::string_view top = dot == std::string_view::npos ? std::string_view{} : host.substr(dot + 1);
    const bool found = !word_char_at(end) &&
                       std::find(known_domains.begin(), known_domains.end(), top) != known_domains.end();
    if (!found) no_domain_before_ = end;
    return found;
  }

  // A URL runs to the next space or quotation mark, less the punctuation that ends the sentence.
  void scan_url(std::size_t begin) {
    std::size_t end = begin;
    int open_parentheses = 0;  // "…/Paris_(France))": only the last one closes the text's
    for (Char c = peek(end); c.size != 0; c = peek(end)) {
      if (c.cls == CharClass::space || c.cls == CharClass::newline || c.cls == CharClass::quote ||
          (c.cls == CharClass::apostrophe && c.code != '\'') || c.code == '<' || c.code == '>') {
        break;
      }
      open_parentheses += c.code == '(' ? 1 : (c.code == ')' ? -1 : 0);
      end += c.size;
    }
    while (end > begin + 1) {
      const char last = byte_at(end - 1);
      if (std::string_view(".,;:!?'").find(last) != std::string_view::npos || (last == ')' && open_parentheses < 0)) {
        open_parentheses += last == ')' ? 1 : 0;
        --end;
      } else if (text_.substr(begin, end - begin).ends_with("\xE2\x80\xA6")) {
        end -= 3;
      } else {
        break;
      }
    }
    emit(begin, end, TokenKind::url);
  }

  std::string_view text_;
  const SegmentationLexicon& lexicon_;
  TokenList list_;
  std::size_t pos_ = 0;
  Gap gap_ = Gap::line;
  std::size_t no_email_before_ = 0;
  std::size_t no_domain_before_ = 0;
};

}  // namespace

TokenList tokenize(std::string_view text, const SegmentationLexicon& lexicon) {
  constexpr std::size_t limit = std::numeric_limits<std::uint32_t>::max() - 1;
  return Tokenizer(text.substr(0, std::min(text.size(), limit)), lexicon).run();
}

}  // namespace frnews::detail
