#include "frnews/json.hpp"

#include <charconv>
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

void append_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

// A string field, or null when empty.
void append_optional_string(std::string& out, std::string_view value) {
  if (value.empty()) {
    out += "null";
  } else {
    append_json_string(out, value);
  }
}

void append_span_fields(std::string& out, Span span, std::string_view original) {
  append_key(out, "start");
  append_uint(out, span.begin);
  out += ',';
  append_key(out, "end");
  append_uint(out, span.end);
  out += ',';
  append_key(out, "text");
  append_json_string(out, span.of(original));
}

void append_quote(std::string& out, const Quote& quote, std::string_view original) {
  out += '{';
  append_span_fields(out, quote.content, original);
  out += ',';
  append_key(out, "kind");
  append_json_string(out, to_string(quote.kind));
  out += ',';
  append_key(out, "speaker");
  if (quote.speaker) {
    const Speaker& speaker = *quote.speaker;
    out += '{';
    append_span_fields(out, speaker.mention, original);
    out += ',';
    append_key(out, "name");
    append_json_string(out, speaker.name);
    out += ',';
    append_key(out, "id");
    append_optional_string(out, speaker.wikidata_id);
    out += ',';
    append_key(out, "wiki");
    append_optional_string(out, speaker.wiki_title);
    out += '}';
  } else {
    out += "null";
  }
  out += ',';
  append_key(out, "cue");
  if (quote.cue) {
    out += '{';
    append_span_fields(out, quote.cue->span, original);
    out += ',';
    append_key(out, "lemma");
    append_json_string(out, quote.cue->lemma);
    out += '}';
  } else {
    out += "null";
  }
  out += '}';
}

void append_entity(std::string& out, const EntityMention& mention, const EntityChain& chain,
                   std::string_view original) {
  out += '{';
  append_span_fields(out, mention.span, original);
  out += ',';
  append_key(out, "type");
  append_json_string(out, to_string(mention.type));
  out += ',';
  append_key(out, "id");
  append_optional_string(out, chain.wikidata_id);
  out += ',';
  append_key(out, "wiki");
  append_optional_string(out, chain.wiki_title);
  out += ',';
  append_key(out, "name");
  append_json_string(out, chain.name);
  out += ',';
  append_key(out, "score");
  append_score(out, mention.score);
  out += '}';
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy the longest stretch that needs no escaping in one go.
    std::size_t j = i;
    while (j < text.size()) {
      const auto c = static_cast<unsigned char>(text[j]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++j;
    }
    out.append(text.data() + i, j - i);
    i = j;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for an ill-formed byte
        ++i;
      } else {
        out.append(text.data() + i, length);
        i += length;
      }
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
  out += "{\"id\":";
  out += id_json;
  if (options.quotes) {
    out += ",\"quotes\":[";
    for (std::size_t i = 0; i < analysis.quotes.size(); ++i) {
      if (i) out += ',';
      append_quote(out, analysis.quotes[i], original);
    }
    out += ']';
  }
  if (options.entities) {
    out += ",\"entities\":[";
    const auto& entities = analysis.entities;
    for (std::size_t i = 0; i < entities.mentions.size(); ++i) {
      if (i) out += ',';
      append_entity(out, entities.mentions[i], entities.chains[entities.mentions[i].chain], original);
    }
    out += ']';
  }
  out += '}';
}

std::string to_json(const Analysis& analysis, std::string_view id_json, JsonOptions options) {
  std::string out;
  append_json(out, analysis, id_json, options);
  return out;
}

}  // namespace frnews
