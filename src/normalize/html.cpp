#include "normalize/html.hpp"

#include <algorithm>
#include <array>

namespace frnews::detail {
namespace {

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

// The HTML 4 character references (Latin-1, symbols, Greek, special) and &apos;, sorted by name.
constexpr NamedReference named_references[] = {
    {"AElig", 0xC6}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Agrave", 0xC0}, {"Alpha", 0x391},
    {"Aring", 0xC5}, {"Atilde", 0xC3}, {"Auml", 0xC4}, {"Beta", 0x392}, {"Ccedil", 0xC7},
    {"Chi", 0x3A7}, {"Dagger", 0x2021}, {"Delta", 0x394}, {"ETH", 0xD0}, {"Eacute", 0xC9},
    {"Ecirc", 0xCA}, {"Egrave", 0xC8}, {"Epsilon", 0x395}, {"Eta", 0x397}, {"Euml", 0xCB},
    {"Gamma", 0x393}, {"Iacute", 0xCD}, {"Icirc", 0xCE}, {"Igrave", 0xCC}, {"Iota", 0x399},
    {"Iuml", 0xCF}, {"Kappa", 0x39A}, {"Lambda", 0x39B}, {"Mu", 0x39C}, {"Ntilde", 0xD1},
    {"Nu", 0x39D}, {"OElig", 0x152}, {"Oacute", 0xD3}, {"Ocirc", 0xD4}, {"Ograve", 0xD2},
    {"Omega", 0x3A9}, {"Omicron", 0x39F}, {"Oslash", 0xD8}, {"Otilde", 0xD5}, {"Ouml", 0xD6},
    {"Phi", 0x3A6}, {"Pi", 0x3A0}, {"Prime", 0x2033}, {"Psi", 0x3A8}, {"Rho", 0x3A1},
    {"Scaron", 0x160}, {"Sigma", 0x3A3}, {"THORN", 0xDE}, {"Tau", 0x3A4}, {"Theta", 0x398},
    {"Uacute", 0xDA}, {"Ucirc", 0xDB}, {"Ugrave", 0xD9}, {"Upsilon", 0x3A5}, {"Uuml", 0xDC},
    {"Xi", 0x39E}, {"Yacute", 0xDD}, {"Yuml", 0x178}, {"Zeta", 0x396}, {"aacute", 0xE1},
    {"acirc", 0xE2}, {"acute", 0xB4}, {"aelig", 0xE6}, {"agrave", 0xE0}, {"alefsym", 0x2135},
    {"alpha", 0x3B1}, {"amp", 0x26}, {"and", 0x2227}, {"ang", 0x2220}, {"apos", 0x27},
    {"aring", 0xE5}, {"asymp", 0x2248}, {"atilde", 0xE3}, {"auml", 0xE4}, {"bdquo", 0x201E},
    {"beta", 0x3B2}, {"brvbar", 0xA6}, {"bull", 0x2022}, {"cap", 0x2229}, {"ccedil", 0xE7},
    {"cedil", 0xB8}, {"cent", 0xA2}, {"chi", 0x3C7}, {"circ", 0x2C6}, {"clubs", 0x2663},
    {"cong", 0x2245}, {"copy", 0xA9}, {"crarr", 0x21B5}, {"cup", 0x222A}, {"curren", 0xA4},
    {"dArr", 0x21D3}, {"dagger", 0x2020}, {"darr", 0x2193}, {"deg", 0xB0}, {"delta", 0x3B4},
    {"diams", 0x2666}, {"divide", 0xF7}, {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8},
    {"empty", 0x2205}, {"emsp", 0x2003}, {"ensp", 0x2002}, {"epsilon", 0x3B5}, {"equiv", 0x2261},
    {"eta", 0x3B7}, {"eth", 0xF0}, {"euml", 0xEB}, {"euro", 0x20AC}, {"exist", 0x2203},
    {"fnof", 0x192}, {"forall", 0x2200}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"frasl", 0x2044}, {"gamma", 0x3B3}, {"ge", 0x2265}, {"gt", 0x3E}, {"hArr", 0x21D4},
    {"harr", 0x2194}, {"hearts", 0x2665}, {"hellip", 0x2026}, {"iacute", 0xED}, {"icirc", 0xEE},
    {"iexcl", 0xA1}, {"igrave", 0xEC}, {"image", 0x2111}, {"infin", 0x221E}, {"int", 0x222B},
    {"iota", 0x3B9}, {"iquest", 0xBF}, {"isin", 0x2208}, {"iuml", 0xEF}, {"kappa", 0x3BA},
    {"lArr", 0x21D0}, {"lambda", 0x3BB}, {"lang", 0x2329}, {"laquo", 0xAB}, {"larr", 0x2190},
    {"lceil", 0x2308}, {"ldquo", 0x201C}, {"le", 0x2264}, {"lfloor", 0x230A}, {"lowast", 0x2217},
    {"loz", 0x25CA}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x3C},
    {"macr", 0xAF}, {"mdash", 0x2014}, {"micro", 0xB5}, {"middot", 0xB7}, {"minus", 0x2212},
    {"mu", 0x3BC}, {"nabla", 0x2207}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ne", 0x2260},
    {"ni", 0x220B}, {"not", 0xAC}, {"notin", 0x2209}, {"nsub", 0x2284}, {"ntilde", 0xF1},
    {"nu", 0x3BD}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"oelig", 0x153}, {"ograve", 0xF2},
    {"oline", 0x203E}, {"omega", 0x3C9}, {"omicron", 0x3BF}, {"oplus", 0x2295}, {"or", 0x2228},
    {"ordf", 0xAA}, {"ordm", 0xBA}, {"oslash", 0xF8}, {"otilde", 0xF5}, {"otimes", 0x2297},
    {"ouml", 0xF6}, {"para", 0xB6}, {"part", 0x2202}, {"permil", 0x2030}, {"perp", 0x22A5},
    {"phi", 0x3C6}, {"pi", 0x3C0}, {"piv", 0x3D6}, {"plusmn", 0xB1}, {"pound", 0xA3},
    {"prime", 0x2032}, {"prod", 0x220F}, {"prop", 0x221D}, {"psi", 0x3C8}, {"quot", 0x22},
    {"rArr", 0x21D2}, {"radic", 0x221A}, {"rang", 0x232A}, {"raquo", 0xBB}, {"rarr", 0x2192},
    {"rceil", 0x2309}, {"rdquo", 0x201D}, {"real", 0x211C}, {"reg", 0xAE}, {"rfloor", 0x230B},
    {"rho", 0x3C1}, {"rlm", 0x200F}, {"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"scaron", 0x161}, {"sdot", 0x22C5}, {"sect", 0xA7}, {"shy", 0xAD}, {"sigma", 0x3C3},
    {"sigmaf", 0x3C2}, {"sim", 0x223C}, {"spades", 0x2660}, {"sub", 0x2282}, {"sube", 0x2286},
    {"sum", 0x2211}, {"sup", 0x2283}, {"sup1", 0xB9}, {"sup2", 0xB2}, {"sup3", 0xB3},
    {"supe", 0x2287}, {"szlig", 0xDF}, {"tau", 0x3C4}, {"there4", 0x2234}, {"theta", 0x3B8},
    {"thetasym", 0x3D1}, {"thinsp", 0x2009}, {"thorn", 0xFE}, {"tilde", 0x2DC}, {"times", 0xD7},
    {"trade", 0x2122}, {"uArr", 0x21D1}, {"uacute", 0xFA}, {"uarr", 0x2191}, {"ucirc", 0xFB},
    {"ugrave", 0xF9}, {"uml", 0xA8}, {"upsih", 0x3D2}, {"upsilon", 0x3C5}, {"uuml", 0xFC},
    {"weierp", 0x2118}, {"xi", 0x3BE}, {"yacute", 0xFD}, {"yen", 0xA5}, {"yuml", 0xFF},
    {"zeta", 0x3B6}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

// Windows-1252 meaning of 0x80-0x9F, which HTML applies to numeric references in that range.
constexpr std::array<char16_t, 32> windows_1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

constexpr bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_alnum(char c) noexcept { return is_ascii_letter(c) || is_ascii_digit(c); }
constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr int hex_value(char c) noexcept {
  if (is_ascii_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One reference, without following double escapes.
DecodedReference decode_one(std::string_view text, std::size_t at) noexcept {
  std::size_t i = at + 1;
  if (i < text.size() && text[i] == '#') {
    ++i;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_begin = i;
    std::uint32_t value = 0;
    for (; i < text.size(); ++i) {
      const int digit = hex ? hex_value(text[i]) : (is_ascii_digit(text[i]) ? text[i] - '0' : -1);
      if (digit < 0) break;
      value = std::min<std::uint32_t>(value * (hex ? 16U : 10U) + static_cast<std::uint32_t>(digit), 0x110000);
    }
    if (i == digits_begin) return {};
    // The ';' is required: "&#2,5" in plain text is no reference.
    if (i >= text.size() || text[i] != ';') return {};
    ++i;
    char32_t code_point = value;
    if (value == 0 || value >= 0x110000 || (value >= 0xD800 && value <= 0xDFFF)) {
      code_point = 0xFFFD;
    } else if (value >= 0x80 && value <= 0x9F) {
      code_point = windows_1252_high[value - 0x80];
    }
    return {code_point, i - at};
  }
  const std::size_t name_begin = i;
  while (i < text.size() && i - name_begin <= 32 && is_ascii_alnum(text[i])) ++i;
  if (i == name_begin || i >= text.size() || text[i] != ';') return {};
  const std::string_view name = text.substr(name_begin, i - name_begin);
  const auto* found = std::lower_bound(std::begin(named_references), std::end(named_references), name,
                                       [](const NamedReference& entry, std::string_view key) { return entry.name < key; });
  if (found == std::end(named_references) || found->name != name) return {};
  return {found->code_point, i + 1 - at};
}

constexpr std::string_view paragraph_tags[] = {"address", "article", "aside", "blockquote", "div", "footer",
                                               "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
                                               "main", "nav", "ol", "p", "pre", "section", "table", "ul"};
constexpr std::string_view line_tags[] = {"br", "dd", "dt", "figcaption", "li", "tr"};
constexpr std::string_view space_tags[] = {"td", "th"};
constexpr std::string_view inline_tags[] = {
    "a", "abbr", "b", "body", "caption", "cite", "code", "del", "em", "figure", "font", "head", "html",
    "i", "iframe", "img", "ins", "label", "link", "mark", "meta", "q", "s", "script", "small", "span",
    "strong", "style", "sub", "sup", "tbody", "thead", "time", "title", "u"};

template <std::size_t N>
bool among(const std::string_view (&names)[N], std::string_view name) noexcept {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Finds `needle` ("</script", lower-case ASCII) in text from `from`, ignoring ASCII case.
std::size_t find_ignoring_case(std::string_view text, std::string_view needle, std::size_t from) noexcept {
  for (std::size_t i = text.find(needle[0], from); i != std::string_view::npos; i = text.find(needle[0], i + 1)) {
    if (text.size() - i < needle.size()) return std::string_view::npos;
    std::size_t k = 1;
    while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// Longest tag we accept: a '<' with no '>' within reach is a plain less-than sign.
constexpr std::size_t max_tag_length = 4096;

}  // namespace

DecodedReference decode_reference(std::string_view text, std::size_t at) noexcept {
  DecodedReference reference = decode_one(text, at);
  // "&amp;eacute;" is an escaped "&eacute;": decode to the fixed point.
  while (reference.code_point == '&' && reference.length > 0) {
    const std::size_t next = at + reference.length;
    // Decode the rest as if it followed a bare '&': decode_one reads from `next` on.
    if (next >= text.size()) break;
    const DecodedReference inner = decode_one(text.substr(next - 1), 0);
    if (inner.length <= 1) break;
    reference = {inner.code_point, reference.length + inner.length - 1};
  }
  return reference;
}

ParsedMarkup parse_markup(std::string_view text, std::size_t at, bool known_only) noexcept {
  const std::string_view rest = text.substr(at);
  if (rest.substr(0, 4) == "<!--") {
    const std::size_t end = text.find("-->", at + 4);
    return {end == std::string_view::npos ? rest.size() : end + 3 - at, TagEffect::none};
  }
  std::size_t i = 1;
  const bool declaration = rest.size() > 1 && (rest[1] == '!' || rest[1] == '?');
  const bool closing = rest.size() > 1 && rest[1] == '/';
  if (declaration || closing) ++i;
  if (i >= rest.size() || !is_ascii_letter(rest[i])) return {};
  const std::size_t name_begin = i;
  while (i < rest.size() && i - name_begin < 16 && is_ascii_alnum(rest[i])) ++i;
  char name_buffer[16];
  const std::size_t name_size = i - name_begin;
  for (std::size_t k = 0; k < name_size && k < sizeof name_buffer; ++k) name_buffer[k] = lower(rest[name_begin + k]);
  const std::string_view name(name_buffer, std::min(name_size, sizeof name_buffer));
  if (i < rest.size() && !(rest[i] == '>' || rest[i] == '/' || rest[i] == ' ' || rest[i] == '\t' ||
                           rest[i] == '\n' || rest[i] == '\r')) {
    return {};
  }
  const bool known = declaration || among(paragraph_tags, name) || among(line_tags, name) ||
                     among(space_tags, name) || among(inline_tags, name);
  if (known_only && !known) return {};
  // Up to the closing '>', skipping quoted attribute values.
  char quote = 0;
  for (; i < rest.size() && i < max_tag_length; ++i) {
    const char c = rest[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    } else if (c == '<') {
      return {};
    }
  }
  if (i >= rest.size() || rest[i] != '>') return {};
  std::size_t length = i + 1;
  if (!closing && !declaration && (name == "script" || name == "style")) {
    const std::size_t close = find_ignoring_case(text, name == "script" ? "</script" : "</style", at + length);
    const std::size_t close_end = close == std::string_view::npos ? std::string_view::npos : text.find('>', close);
    length = close_end == std::string_view::npos ? rest.size() : close_end + 1 - at;
  }
  TagEffect effect = TagEffect::none;
  if (among(paragraph_tags, name)) {
    effect = TagEffect::paragraph_break;
  } else if (among(line_tags, name) && (name == "br" || !closing)) {
    // A list item or a table row starts a line; its end adds nothing more.
    effect = TagEffect::line_break;
  } else if (among(space_tags, name)) {
    effect = TagEffect::space;
  }
  return {length, effect};
}

bool starts_html(std::string_view text, std::size_t at) noexcept {
  if (text[at] == '&') return decode_one(text, at).length > 0;
  return text[at] == '<' && parse_markup(text, at, true).length > 0;
}

}  // namespace frnews::detail
