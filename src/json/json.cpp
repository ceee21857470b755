#include "frnews/json.hpp"

#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <cstdio>

namespace frnews {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 when it is ill-formed.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto continuation = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    if (i + k >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return continuation(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    return continuation(1, lo, hi) && continuation(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return continuation(1, lo, hi) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

// The high bit of each of the eight bytes at `p` (the first in the lowest byte) that a JSON
// string does not keep as it is: a control character, '"', '\\' or a byte of a multi-byte
// sequence; exact up to the first one, which is all that is read (the tests of "Bit Twiddling
// Hacks" for a byte below, or equal to, a value in a word).
std::uint64_t special_bytes8(const char* p) noexcept {
  std::uint64_t v = 0;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const auto zeros = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  const std::uint64_t control = (v - ones * 0x20) & ~v & highs;  // a byte below 0x20
  return (v & highs) | control | zeros(v ^ (ones * '"')) | zeros(v ^ (ones * '\\'));
}

void append_uint(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

void append_score(std::string& out, float value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<double>(value),
                                    std::chars_format::fixed, 3);
  out.append(buffer, result.ptr);
}

// Writes the fields of one JSON object, with the commas between them.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
  ~ObjectWriter() { out_ += '}'; }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // Starts a field; the caller appends its value to the returned string.
  std::string& key(std::string_view name) {
    // One append of ,"name": (the names are short literals): a few per field of every output line.
    std::array<char, 32> field{};
    std::size_t size = 0;
    if (!first_) field[size++] = ',';
    first_ = false;
    if (name.size() + 4 > field.size()) {
      out_.append(field.data(), size);
      out_ += '"';
      out_ += name;
      out_ += "\":";
      return out_;
    }
    field[size++] = '"';
    std::memcpy(field.data() + size, name.data(), name.size());
    size += name.size();
    field[size++] = '"';
    field[size++] = ':';
    out_.append(field.data(), size);
    return out_;
  }
  void string(std::string_view name, std::string_view value) { append_json_string(key(name), value); }
  // A string, or null when empty.
  void optional_string(std::string_view name, std::string_view value) {
    if (value.empty()) {
      key(name) += "null";
    } else {
      string(name, value);
    }
  }
  void number(std::string_view name, std::uint64_t value) { append_uint(key(name), value); }
  // "start", "end" and "text" of a span of the original text.
  void span(Span span, std::string_view original) {
    number("start", span.begin);
    number("end", span.end);
    string("text", span.of(original));
  }

 private:
  std::string& out_;
  bool first_ = true;
};

void append_quote(std::string& out, const Quote& quote, std::string_view original) {
  ObjectWriter object(out);
  object.span(quote.content, original);
  object.string("canonical", quote.canonical);
  object.string("kind", to_string(quote.kind));
  object.string("rule", quote.rule);
  if (quote.speaker) {
    const Speaker& speaker = *quote.speaker;
    ObjectWriter field(object.key("speaker"));
    field.span(speaker.mention, original);
    field.string("name", speaker.name);
    field.optional_string("id", speaker.wikidata_id);
    field.optional_string("wiki", speaker.wiki_title);
    field.string("rule", speaker.rule);
  } else {
    object.key("speaker") += "null";
  }
  if (quote.cue) {
    ObjectWriter field(object.key("cue"));
    field.span(quote.cue->span, original);
    field.string("lemma", quote.cue->lemma);
  } else {
    object.key("cue") += "null";
  }
}

void append_entity(std::string& out, const EntityMention& mention, const EntityChain& chain,
                   std::string_view original) {
  ObjectWriter object(out);
  object.span(mention.span, original);
  object.string("type", to_string(mention.type));
  object.optional_string("id", chain.wikidata_id);
  object.optional_string("wiki", chain.wiki_title);
  object.string("name", chain.name);
  append_score(object.key("score"), mention.score);
  object.string("rule", mention.rule);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest stretch that needs no escaping, well-formed UTF-8 included, in one go;
    // eight bytes at a time while they are plain ASCII.
    std::size_t j = i;
    while (j < text.size()) {
      if (j + 8 <= text.size()) {  // up to the first byte of the next eight that is not plain ASCII
        const std::uint64_t special = special_bytes8(text.data() + j);
        j += static_cast<std::size_t>(std::countr_zero(special)) / 8;
        if (special == 0) continue;
      }
      const auto c = static_cast<unsigned char>(text[j]);
      if (c >= 0x80) {
        const std::size_t length = utf8_sequence_length(text, j);
        if (length == 0) break;
        j += length;
        continue;
      }
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++j;
    }
    out.append(text.data() + i, j - i);
    i = j;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      out += "\xEF\xBF\xBD";  // U+FFFD for an ill-formed byte
      ++i;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
    }
    ++i;
  }
  out += '"';
}

void append_json(std::string& out, const Analysis& analysis, std::string_view id_json, JsonOptions options) {
  const std::string_view original = analysis.original;
  ObjectWriter object(out);
  object.key("id") += id_json;
  if (options.quotes) {
    object.key("quotes") += '[';
    for (std::size_t i = 0; i < analysis.quotes.size(); ++i) {
      if (i) out += ',';
      append_quote(out, analysis.quotes[i], original);
    }
    out += ']';
  }
  if (options.entities) {
    object.key("entities") += '[';
    const auto& entities = analysis.entities;
    for (std::size_t i = 0; i < entities.mentions.size(); ++i) {
      if (i) out += ',';
      append_entity(out, entities.mentions[i], entities.chains[entities.mentions[i].chain], original);
    }
    out += ']';
  }
}

std::string to_json(const Analysis& analysis, std::string_view id_json, JsonOptions options) {
  std::string out;
  append_json(out, analysis, id_json, options);
  return out;
}

}  // namespace frnews
