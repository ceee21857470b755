// HTML pieces of normalization: character references, tags, and the automatic detection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace frnews::detail {

// A character reference decoded: the code point and the bytes it spans.
struct DecodedReference {
  char32_t code_point = 0;
  std::size_t length = 0;  // 0 when no reference starts here
};

// Decodes the reference at text[at] == '&': "&eacute;", "&#233;", "&#xE9;", each with its ';'. A double-escaped reference ("&amp;eacute;") decodes to its character.
[[nodiscard]] DecodedReference decode_reference(std::string_view text, std::size_t at) noexcept;

// What a tag turns into in plain text.
enum class TagEffect : std::uint8_t { none, space, line_break, paragraph_break };

struct ParsedMarkup {
  std::size_t length = 0;  // 0 when text[at] does not start markup
  TagEffect effect = TagEffect::none;
};

// Parses the tag, comment or declaration at text[at] == '<'. The content of <script> and
// <style> belongs to the tag. `known_only` accepts only the names of real HTML elements.
[[nodiscard]] ParsedMarkup parse_markup(std::string_view text, std::size_t at, bool known_only) noexcept;

// True when text[at], a '<' or a '&', starts a real HTML tag or character reference: what makes
// automatic mode take a text for HTML. "a < b" and "AT&T" do not.
[[nodiscard]] bool starts_html(std::string_view text, std::size_t at) noexcept;

}  // namespace frnews::detail
