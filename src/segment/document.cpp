#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <span>

#include "core/flat_table.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/segment.hpp"
#include "segment/characters.hpp"
#include "segment/eight_bytes.hpp"
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

// What the token layer's fast path needs of a byte: its lower case, and whether it is printable
// ASCII that fold_key() keeps as it is (all but white space, "`" and bytes >= 0x80), a capital or
// a small letter.
enum ByteBits : std::uint8_t { byte_not_plain = 1, byte_capital = 2, byte_small = 4 };
struct ByteInfo {
  char lower;
  std::uint8_t bits;
};
constexpr std::array<ByteInfo, 256> byte_info = [] {
  std::array<ByteInfo, 256> table{};
  for (std::size_t b = 0; b < table.size(); ++b) {
    const bool capital = b >= 'A' && b <= 'Z';
    table[b].lower = static_cast<char>(capital ? b + ('a' - 'A') : b);
    table[b].bits = static_cast<std::uint8_t>((b <= ' ' || b > '~' || b == '`' ? byte_not_plain : 0) |
                                              (capital ? byte_capital : 0) | (b >= 'a' && b <= 'z' ? byte_small : 0));
  }
  return table;
}();

// A token of one to eight bytes of printable ASCII (most tokens of news), read as what the
// byte_info loop computes, all bytes at once: each test sets the high bit of the bytes it finds,
// and no carry crosses into the token's bytes since they are below 0x80 and come first.
struct AsciiChunk {
  std::uint64_t lower;  // the token's bytes lowered, then whatever follows it in the text
  std::uint32_t capitals;
  bool plain, first_capital, has_small;
};
AsciiChunk read_ascii(std::uint64_t chunk, std::size_t size) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
  const std::uint64_t lanes = detail::first_bytes(size) & highs;
  const std::uint64_t space_or_control = ~(chunk + ones * (0x80 - 0x21));  // <= ' '
  const std::uint64_t del = chunk + ones;                                  // 0x7F
  const std::uint64_t backtick = ~((chunk ^ (ones * '`')) + ones * 0x7F);
  const std::uint64_t capital = (chunk + ones * (0x80 - 'A')) & ~(chunk + ones * (0x80 - 'Z' - 1)) & lanes;
  const std::uint64_t small = (chunk + ones * (0x80 - 'a')) & ~(chunk + ones * (0x80 - 'z' - 1)) & lanes;
  // The capitals counted by summing their bits into the top byte (std::popcount() is a call
  // without the popcnt instruction, which the baseline x86-64 lacks).
  return {chunk | (capital >> 2), static_cast<std::uint32_t>(((capital >> 7) * ones) >> 56),
          ((chunk | space_or_control | del | backtick) & lanes) == 0, (capital & 0x80) != 0, small != 0};
}

// read_ascii() of a token of any length, byte by byte, its lower case written to `key` and
// `lower` whether it is plain or not; `lower` must have eight bytes of room.
AsciiChunk lower_ascii(std::string_view word, char* key, char* lower) noexcept {
  std::uint32_t capitals = 0;
  std::uint8_t seen = 0;
  for (std::size_t k = 0; k < word.size(); ++k) {
    const ByteInfo info = byte_info[static_cast<unsigned char>(word[k])];
    key[k] = lower[k] = info.lower;
    seen |= info.bits;
    capitals += info.bits & byte_capital;
  }
  return {detail::load8(lower), capitals / byte_capital, !(seen & byte_not_plain),
          (byte_info[static_cast<unsigned char>(word[0])].bits & byte_capital) != 0, (seen & byte_small) != 0};
}

// The Latin-1 letters U+00C0..U+00FF (0xC3 then 0x80..0xBF), by their second byte: their key
// (fold_key(): the base letter, "ae", "ss", or the letter itself), the second byte of their lower
// case, and whether they are a capital or a small letter. Read from fold_key() and
// append_lower_case() themselves, so that the fast path cannot disagree with them.
struct Latin1Letter {
  std::array<char, 2> key;
  std::uint8_t key_size;
  char lower;
  std::uint8_t bits;  // byte_capital, byte_small
};
const std::array<Latin1Letter, 64> latin1_letters = [] {
  std::array<Latin1Letter, 64> table{};
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::string letter = {'\xC3', static_cast<char>(0x80 + i)};
    const std::string key = fold_key(letter);
    std::string lower;
    detail::append_lower_case(lower, letter);
    const char32_t code = detail::decode(letter, 0).code;
    table[i] = {{key[0], key.size() > 1 ? key[1] : '\0'},
                static_cast<std::uint8_t>(key.size()),
                lower[1],
                static_cast<std::uint8_t>((detail::is_upper(code) ? byte_capital : 0) |
                                          (detail::is_lower(code) ? byte_small : 0))};
  }
  return table;
}();

// The key and the lower-case form of a token made of printable ASCII, Latin-1 letters, œ, Œ and
// the apostrophes ’ ‘ (a fifth of the tokens of French news), written to `key` and `lower` as
// fold_key() and append_lower_case() would; none is longer than the token. Nothing (sizes 0)
// for any other token, which takes the general path.
struct LatinFolding {
  std::uint32_t key_size = 0, lower_size = 0, capitals = 0;
  bool first_capital = false, has_small = false;
};
LatinFolding fold_latin(std::string_view word, char* key, char* lower) noexcept {
  LatinFolding out;
  std::uint8_t seen = 0;
  std::size_t k = 0, l = 0;
  for (std::size_t i = 0; i < word.size();) {
    const auto b = static_cast<unsigned char>(word[i]);
    const std::size_t left = word.size() - i;
    const bool first = i == 0;
    std::uint8_t bits = 0;
    if (b < 0x80) {
      const ByteInfo info = byte_info[b];
      if (info.bits & byte_not_plain) return {};
      key[k++] = lower[l++] = info.lower;
      bits = info.bits;
      i += 1;
    } else if (b == 0xC3 && left >= 2 && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) {
      const Latin1Letter& letter = latin1_letters[static_cast<unsigned char>(word[i + 1]) - 0x80];
      key[k] = letter.key[0];
      key[k + 1] = letter.key[1];
      k += letter.key_size;
      lower[l++] = '\xC3';
      lower[l++] = letter.lower;
      bits = letter.bits;
      i += 2;
    } else if (b == 0xC5 && left >= 2 && (word[i + 1] == '\x92' || word[i + 1] == '\x93')) {
      key[k++] = 'o';
      key[k++] = 'e';
      lower[l++] = '\xC5';
      lower[l++] = '\x93';
      bits = word[i + 1] == '\x92' ? byte_capital : byte_small;
      i += 2;
    } else if (b == 0xE2 && left >= 3 && word[i + 1] == '\x80' && (word[i + 2] == '\x98' || word[i + 2] == '\x99')) {
      key[k++] = lower[l++] = '\'';
      i += 3;
    } else {
      return {};
    }
    if (first) out.first_capital = (bits & byte_capital) != 0;
    seen |= bits;
    out.capitals += (bits & byte_capital) != 0;
  }
  out.key_size = static_cast<std::uint32_t>(k);
  out.lower_size = static_cast<std::uint32_t>(l);
  out.has_small = (seen & byte_small) != 0;
  return out;
}

// Numbers the distinct lower-case forms of one document in the order they first appear: an
// open-addressing table that grows with the distinct forms (not the tokens), so that it stays in
// the cache even for a long text. A slot holds only a hash and a number, eight bytes, so that the
// table of a news article is small to clear and to probe; where each form lies in the lower-case
// buffer is kept by number, so that a lookup reads no token's annotation, far back in a long text.
class WordNumbering {
 public:
  // Sized for a text of `tokens` tokens, so that a news article's table never grows (a token
  // brings at most one new form, and there are twice as many slots as tokens); capped, so that
  // a very long text starts smaller and grows with its forms instead.
  explicit WordNumbering(std::size_t tokens)
      : slots_(std::bit_ceil(std::clamp<std::size_t>(tokens, 128, std::size_t{1} << 15)) * 2),
        mask_(slots_.size() - 1) {
    forms_.reserve(tokens);
  }

  // The number of the form lower_case[begin, begin + size), whose first eight bytes (the rest
  // zero when it is shorter) are `head`. `lower_case` has eight bytes of room after each form.
  std::uint32_t number(std::string_view lower_case, std::uint32_t begin, std::uint32_t size, std::uint64_t head) {
    const std::string_view lower = lower_case.substr(begin, size);
    const auto hash = static_cast<std::uint32_t>(size <= 8 ? hash_head(head, size) : detail::hash_word(lower));
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      Slot& slot = slots_[at];
      if (slot.word == empty) {
        slot = {hash, static_cast<std::uint32_t>(forms_.size())};
        forms_.push_back({begin, size});
        if (forms_.size() * 2 > slots_.size()) grow();
        return static_cast<std::uint32_t>(forms_.size() - 1);
      }
      if (slot.hash != hash) continue;
      const Form form = forms_[slot.word];
      if (form.size != size) continue;
      if (size <= 8 ? (detail::load8(lower_case.data() + form.begin) & detail::first_bytes(size)) == head
                    : lower_case.substr(form.begin, size) == lower) {
        return slot.word;
      }
    }
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t word = empty;
  };
  struct Form {
    std::uint32_t begin;  // in the lower-case buffer
    std::uint32_t size;
  };

  // The hash of a form of eight bytes or less (hash_word() hashes the longer ones), from its
  // bytes already in a register: the finalizer of SplitMix64, which mixes every bit into the low
  // ones that pick the slot.
  static std::uint64_t hash_head(std::uint64_t head, std::uint32_t size) noexcept {
    std::uint64_t hash = head ^ (std::uint64_t{size} << 59);
    hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9ULL;
    hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBULL;
    return hash ^ (hash >> 31);
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.word == empty) continue;
      std::size_t at = slot.hash & mask_;
      while (slots_[at].word != empty) at = (at + 1) & mask_;
      slots_[at] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_;
  std::vector<Form> forms_;  // by number
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
  annotations_.resize(count);
  // Keys and lower-case forms are written through pointers into buffers sized for the whole
  // text and a space between each two tokens; a folding longer than its token makes room for
  // the difference, so that what is left always holds the tokens still to come.
  // Eight bytes more let a token be written, or its lower case read, eight bytes at a time.
  keys_.resize(text().size() + count + 1 + 8);
  lower_case_.resize(text().size() + 1 + 8);
  std::size_t key_end = 0, lower_end = 0;
  std::string folded;  // the slow path's key, after the last byte of the keys so far
  WordNumbering numbering(count);
  first_tokens_.reserve(count);
  std::uint32_t sentence = 0, paragraph = 0, previous_end = 0;
  // The token from which the sentence may change, and the first tokens of the current sentence
  // and paragraph (UINT32_MAX: none), read again only there.
  std::uint32_t next_boundary = 0, sentence_first = UINT32_MAX, paragraph_first = UINT32_MAX;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (i >= next_boundary) {
      while (sentence + 1 < sentences_.size() && i >= sentences_[sentence].end_token) ++sentence;
      while (paragraph + 1 < paragraphs_.size() && sentence >= paragraphs_[paragraph].end_sentence) ++paragraph;
      next_boundary = sentence + 1 < sentences_.size() ? sentences_[sentence].end_token : UINT32_MAX;
      sentence_first = sentences_.empty() ? UINT32_MAX : sentences_[sentence].first_token;
      paragraph_first = !paragraphs_.empty() && paragraphs_[paragraph].first_sentence < sentences_.size()
                            ? sentences_[paragraphs_[paragraph].first_sentence].first_token
                            : UINT32_MAX;
    }
    const Span span = tokens_[i].span;
    const std::string_view word = text(span);
    TokenAnnotation& a = annotations_[i];
    std::uint8_t flags = span.begin > previous_end ? token_space_before : 0;
    if (i > 0 && (flags & token_space_before)) keys_[key_end++] = ' ';
    a.key_begin = static_cast<std::uint32_t>(key_end);
    a.lower_begin = static_cast<std::uint32_t>(lower_end);
    // Most tokens are printable ASCII (words, numbers, punctuation), whose folded key and
    // lower-case form are the same: fold_key() changes no other ASCII byte than capitals, white
    // space and "`". The token is lowered into both buffers in one pass, and folded again otherwise.
    char* key = keys_.data() + key_end;
    char* lower = lower_case_.data() + lower_end;
    AsciiChunk ascii;
    if (word.size() <= 8 && span.begin + 8 <= text().size()) {
      ascii = read_ascii(detail::load8(word.data()), word.size());
      detail::store8(key, ascii.lower);
      detail::store8(lower, ascii.lower);
    } else {
      ascii = lower_ascii(word, key, lower);
    }
    std::uint64_t head = 0;  // the first eight bytes of the lower-case form, the rest zero
    if (ascii.plain) {
      key_end += word.size();
      lower_end += word.size();
      head = ascii.lower & detail::first_bytes(word.size());
      if (ascii.first_capital) flags |= token_capitalized;
      if (ascii.capitals >= 2 && !ascii.has_small) flags |= token_all_capitals;
    } else if (const LatinFolding latin = fold_latin(word, key, lower); latin.lower_size > 0) {
      key_end += latin.key_size;
      lower_end += latin.lower_size;
      if (latin.first_capital) flags |= token_capitalized;
      if (latin.capitals >= 2 && !latin.has_small) flags |= token_all_capitals;
    } else {
      // fold_key() may read the byte before the token's key ("Paris–Berlin"): it comes first.
      folded.clear();
      if (key_end > 0) folded += keys_[key_end - 1];
      const std::size_t before = folded.size();
      append_fold_key(folded, word);
      const std::size_t key_size = folded.size() - before;
      if (key_size > word.size()) keys_.resize(keys_.size() + key_size - word.size());
      std::memcpy(keys_.data() + key_end, folded.data() + before, key_size);
      key_end += key_size;
      folded.clear();
      detail::append_lower_case(folded, word);
      if (folded.size() > word.size()) lower_case_.resize(lower_case_.size() + folded.size() - word.size());
      std::memcpy(lower_case_.data() + lower_end, folded.data(), folded.size());
      lower_end += folded.size();
      if (starts_upper(word)) flags |= token_capitalized;
      if (is_all_caps(word)) flags |= token_all_capitals;
    }
    a.key_size = static_cast<std::uint32_t>(key_end) - a.key_begin;
    a.lower_size = static_cast<std::uint32_t>(lower_end) - a.lower_begin;
    if (!ascii.plain) head = detail::load8(lower_case_.data() + a.lower_begin) & detail::first_bytes(a.lower_size);
    a.word = numbering.number(lower_case_, a.lower_begin, a.lower_size, head);
    if (a.word == first_tokens_.size()) first_tokens_.push_back(i);
    a.sentence = sentence;
    a.paragraph = paragraph;
    if (i == sentence_first) flags |= token_sentence_start;
    if (i == paragraph_first) flags |= token_paragraph_start;
    a.flags = flags;
    previous_end = span.end;
  }
  keys_.resize(key_end);
  lower_case_.resize(lower_end);
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
  return segment(original, std::move(*normalized), lexicons);
}

}  // namespace frnews
