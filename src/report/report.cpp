#include "frnews/report.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "normalize/utf8.hpp"
#include "report/style.hpp"

namespace frnews {
namespace {

constexpr std::size_t speaker_colours = 8;  // c0..c7 in style.hpp

// Appends text as HTML character data or attribute value. Ill-formed UTF-8 becomes U+FFFD and
// control characters their visible pictures (U+2400..), which HTML does not allow raw.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) {
      const auto decoded = detail::decode_utf8(text, i);
      if (decoded.valid) {
        out.append(text.substr(i, decoded.length));
      } else {
        detail::append_utf8(out, U'\uFFFD');
      }
      i += decoded.length;
      continue;
    }
    switch (byte) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n':
      case '\r': out += static_cast<char>(byte); break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          detail::append_utf8(out, byte == 0x7F ? U'\u2421' : U'\u2400' + byte);
        } else {
          out += static_cast<char>(byte);
        }
    }
    ++i;
  }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_escaped(out, value);
  out += '"';
}

// https://www.wikidata.org/wiki/Q… for an id of the form Q[0-9]+, else nothing.
std::string wikidata_url(std::string_view id) {
  const bool valid = id.size() >= 2 && id.size() <= 12 && id[0] == 'Q' &&
                     std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; });
  return valid ? "https://www.wikidata.org/wiki/" + std::string(id) : std::string();
}

// https://fr.wikipedia.org/wiki/… with the title percent-encoded (spaces as underscores), or
// nothing for an empty title or one that is not valid UTF-8 text.
std::string wikipedia_url(std::string_view title) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string url = "https://fr.wikipedia.org/wiki/";
  if (title.empty()) return {};
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto byte = static_cast<unsigned char>(title[i]);
    if (byte < 0x20 || byte == 0x7F) return {};
    if (byte >= 0x80 && !detail::is_continuation(byte)) {
      const auto decoded = detail::decode_utf8(title, i);
      if (!decoded.valid) return {};
    }
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') || (byte >= '0' && byte <= '9') ||
                       std::string_view("-._~(),").find(static_cast<char>(byte)) != std::string_view::npos;
    if (byte == ' ') {
      url += '_';
    } else if (plain) {
      url += static_cast<char>(byte);
    } else {
      url += '%';
      url += hex[byte >> 4];
      url += hex[byte & 0xF];
    }
  }
  return url;
}

// The links of a knowledge-base entry: the Wikipedia article first, else the Wikidata item.
struct Links {
  std::string wikidata;
  std::string wikipedia;

  Links(std::string_view wikidata_id, std::string_view wiki_title)
      : wikidata(wikidata_url(wikidata_id)), wikipedia(wikipedia_url(wiki_title)) {}
  [[nodiscard]] const std::string& main() const noexcept { return wikipedia.empty() ? wikidata : wikipedia; }
  // A second, small link to Wikidata beside the Wikipedia one.
  [[nodiscard]] bool both() const noexcept { return !wikipedia.empty() && !wikidata.empty(); }
};

void append_wikidata_badge(std::string& out, const Links& links) {
  out += "<a class=\"wd\"";
  append_attribute(out, "href", links.wikidata);
  append_attribute(out, "title", "Wikidata " + links.wikidata.substr(links.wikidata.rfind('/') + 1));
  out += "></a>";
}

std::string_view french_name(EntityType type) noexcept {
  switch (type) {
    case EntityType::person: return "personne";
    case EntityType::location: return "lieu";
    case EntityType::organization: return "organisation";
    case EntityType::misc: return "divers";
  }
  return "divers";
}

// "per", "loc", "org", "misc": the CSS class of a type.
std::string type_class(EntityType type) {
  std::string name(to_string(type));
  for (char& c : name) c = static_cast<char>(c - 'A' + 'a');
  return name;
}

std::string_view french_name(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::direct: return "citation directe";
    case QuoteKind::partial: return "citation partielle";
    case QuoteKind::indirect: return "discours indirect";
  }
  return "citation";
}

std::string_view french_name(RepairKind kind) noexcept {
  switch (kind) {
    case RepairKind::invalid_utf8: return "UTF-8 invalide";
    case RepairKind::mojibake: return "mojibake";
    case RepairKind::html_entity: return "entité HTML";
    case RepairKind::html_markup: return "balise HTML";
    case RepairKind::invisible: return "caractère invisible";
    case RepairKind::newline: return "fin de ligne";
    case RepairKind::nfc: return "composition Unicode";
    case RepairKind::space: return "espace";
    case RepairKind::typography: return "typographie";
    case RepairKind::apostrophe: return "apostrophe";
    case RepairKind::dash: return "tiret";
    case RepairKind::ellipsis: return "points de suspension";
    case RepairKind::ligature: return "ligature";
    case RepairKind::fullwidth: return "pleine chasse";
    case RepairKind::ocr_hyphen: return "césure OCR";
  }
  return "réparation";
}

// The text of a span, cut to the text: an analysis built by hand may hold spans past its end.
std::string_view clamped(std::string_view text, Span span) noexcept {
  const std::size_t begin = std::min<std::size_t>(span.begin, text.size());
  const std::size_t end = std::clamp<std::size_t>(span.end, begin, text.size());
  return text.substr(begin, end - begin);
}

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Words of a quote: runs between spaces that hold at least one letter or digit (or any
// non-ASCII character, which French letters are).
std::size_t count_words(std::string_view text) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  bool counted = false;
  for (const char c : text) {
    if (is_space(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) counted = false;
    in_word = true;
    const auto byte = static_cast<unsigned char>(c);
    const bool letter = byte >= 0x80 || (byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
    if (letter && !counted) {
      ++words;
      counted = true;
    }
  }
  return words;
}

// The people and bodies the quotes are attributed to, in order of first quote.
struct SpeakerRow {
  const Speaker* speaker;  // as given with the first quote
  std::size_t quotes = 0;
  std::size_t words = 0;
};

struct Speakers {
  std::vector<SpeakerRow> rows;
  std::vector<std::optional<std::size_t>> of_quote;  // row of each quote, none when unattributed

  explicit Speakers(const Analysis& analysis) {
    std::map<std::string, std::size_t> by_key;
    for (const Quote& quote : analysis.quotes) {
      if (!quote.speaker) {
        of_quote.emplace_back();
        continue;
      }
      // One speaker per entity chain; speakers outside the chains are told apart by name.
      std::string key = quote.speaker->name;
      if (quote.speaker->chain) key = std::to_string(*quote.speaker->chain).insert(0, 1, '#');
      const auto [it, added] = by_key.try_emplace(key, rows.size());
      if (added) rows.push_back({&*quote.speaker});
      SpeakerRow& row = rows[it->second];
      ++row.quotes;
      row.words += count_words(clamped(analysis.original, quote.content));
      of_quote.emplace_back(it->second);
    }
  }
};

std::string colour_class(std::size_t row) {
  std::string name(1, 'c');
  name += static_cast<char>('0' + row % speaker_colours);
  return name;
}

std::optional<EntityType> speaker_type(const Analysis& analysis, const Speaker& speaker) {
  if (!speaker.chain || *speaker.chain >= analysis.entities.chains.size()) return std::nullopt;
  return analysis.entities.chains[*speaker.chain].type;
}

// A name linked to Wikipedia (else Wikidata), with a small Wikidata link beside it when both
// are known; plain text when neither is.
void append_linked_name(std::string& out, std::string_view name, std::string_view wikidata_id,
                        std::string_view wiki_title) {
  const Links links(wikidata_id, wiki_title);
  if (links.main().empty()) {
    out += "<span class=\"non-lie\" title=\"non lié\">";
    append_escaped(out, name);
    out += "</span>";
    return;
  }
  out += "<a";
  append_attribute(out, "href", links.main());
  out += '>';
  append_escaped(out, name);
  out += "</a>";
  if (links.both()) append_wikidata_badge(out, links);
}

// --- The article: the original text with nested marks -----------------------------------------

// What a stretch of the text is marked as, outermost first: HTML elements must nest, so a mark
// that crosses an outer one's boundary is closed and reopened there.
enum class Layer : std::uint8_t { quote, cue, speaker, entity, repair };

struct Mark {
  Span span;
  Layer layer;
  std::uint32_t item;  // index of the quote, entity mention or repair
};

bool nests_before(const Mark& a, const Mark& b) noexcept {
  if (a.layer != b.layer) return a.layer < b.layer;
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  if (a.span.end != b.span.end) return a.span.end > b.span.end;
  return a.item < b.item;
}

class ArticleWriter {
 public:
  ArticleWriter(const Analysis& analysis, const Speakers& speakers, std::string& out)
      : analysis_(analysis), text_(analysis.original), speakers_(speakers), out_(out) {}

  void write() {
    const std::vector<Mark> marks = collect_marks();
    const std::vector<Span> breaks = paragraph_breaks();
    std::vector<std::uint32_t> cuts{0, static_cast<std::uint32_t>(text_.size())};
    for (const Mark& mark : marks) {
      cuts.push_back(mark.span.begin);
      cuts.push_back(mark.span.end);
    }
    for (const Span& gap : breaks) {
      cuts.push_back(gap.begin);
      cuts.push_back(gap.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    out_ += "<article class=\"texte\" lang=\"fr\">\n<p>";
    std::vector<const Mark*> active;
    std::size_t next_mark = 0;
    std::size_t next_break = 0;
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      const Span piece{cuts[c], cuts[c + 1]};
      std::erase_if(active, [&](const Mark* mark) { return mark->span.end <= piece.begin; });
      while (next_mark < marks.size() && marks[next_mark].span.begin <= piece.begin) active.push_back(&marks[next_mark++]);
      while (next_break < breaks.size() && breaks[next_break].end <= piece.begin) ++next_break;
      if (next_break < breaks.size() && breaks[next_break].contains(piece)) {
        close_down_to(0, breaks[next_break].end);  // the text resumes after the break
        out_ += "</p>\n<p>";
        continue;
      }
      std::sort(active.begin(), active.end(), [](const Mark* a, const Mark* b) { return nests_before(*a, *b); });
      std::size_t common = 0;
      while (common < open_.size() && common < active.size() && open_[common] == active[common]) ++common;
      close_down_to(common, piece.begin);
      for (std::size_t i = common; i < active.size(); ++i) open(*active[i]);
      append_escaped(out_, piece.of(text_));
    }
    close_down_to(0, static_cast<std::uint32_t>(text_.size()));
    out_ += "</p>\n</article>\n";
  }

 private:
  // The start of the character holding byte `at`, so that no mark splits a character.
  [[nodiscard]] std::uint32_t snap(std::uint32_t at) const noexcept {
    std::uint32_t snapped = std::min<std::uint32_t>(at, static_cast<std::uint32_t>(text_.size()));
    while (snapped > 0 && snapped < text_.size() && detail::is_continuation(static_cast<unsigned char>(text_[snapped])))
      --snapped;
    return snapped;
  }

  void add(std::vector<Mark>& marks, Span span, Layer layer, std::uint32_t item) const {
    const Span snapped{snap(span.begin), snap(span.end)};
    if (snapped.begin < snapped.end) marks.push_back({snapped, layer, item});
  }

  [[nodiscard]] std::vector<Mark> collect_marks() const {
    std::vector<Mark> marks;
    for (std::uint32_t i = 0; i < analysis_.quotes.size(); ++i) {
      const Quote& quote = analysis_.quotes[i];
      add(marks, quote.content, Layer::quote, i);
      if (quote.speaker) add(marks, quote.speaker->mention, Layer::speaker, i);
      if (quote.cue) add(marks, quote.cue->span, Layer::cue, i);
    }
    const auto& mentions = analysis_.entities.mentions;
    std::uint32_t linked_end = 0;  // links cannot nest: a mention overlapping the previous one stays unmarked
    for (std::uint32_t i = 0; i < mentions.size(); ++i) {
      if (mentions[i].chain >= analysis_.entities.chains.size() || mentions[i].span.begin < linked_end) continue;
      add(marks, mentions[i].span, Layer::entity, i);
      linked_end = std::max(linked_end, mentions[i].span.end);
    }
    for (std::uint32_t i = 0; i < analysis_.repairs.size(); ++i) add(marks, analysis_.repairs[i].original, Layer::repair, i);
    // Several quotes of one speaker may rest on the same words: mark them once.
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : nests_before(a, b);
    });
    marks.erase(std::unique(marks.begin(), marks.end(),
                            [](const Mark& a, const Mark& b) {
                              return a.layer == b.layer && a.span == b.span &&
                                     (a.layer == Layer::speaker || a.layer == Layer::cue);
                            }),
                marks.end());
    return marks;
  }

  // Blank lines between paragraphs: a line break followed by white space holding another one.
  [[nodiscard]] std::vector<Span> paragraph_breaks() const {
    std::vector<Span> breaks;
    std::size_t i = 0;
    while ((i = text_.find('\n', i)) != std::string_view::npos) {
      std::size_t end = i + 1;
      std::size_t newlines = 1;
      while (end < text_.size() && is_space(text_[end])) newlines += text_[end++] == '\n';
      if (newlines >= 2 && end < text_.size()) breaks.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)});
      i = end;
    }
    return breaks;
  }

  void open(const Mark& mark) {
    open_.push_back(&mark);
    const bool first = opened_.insert(&mark).second;  // later pieces of a split mark carry no label
    switch (mark.layer) {
      case Layer::quote: open_quote(analysis_.quotes[mark.item], mark.item, first); break;
      case Layer::speaker: {
        out_ += "<span class=\"locuteur ";
        out_ += colour_class(*speakers_.of_quote[mark.item]);
        out_ += '"';
        append_attribute(out_, "title", "Locuteur : " + analysis_.quotes[mark.item].speaker->name);
        out_ += '>';
        break;
      }
      case Layer::cue:
        out_ += "<span class=\"indice\"";
        append_attribute(out_, "title", "Verbe introducteur : " + analysis_.quotes[mark.item].cue->lemma);
        out_ += '>';
        break;
      case Layer::entity: open_entity(analysis_.entities.mentions[mark.item]); break;
      case Layer::repair: {
        const std::string_view kind = french_name(analysis_.repairs[mark.item].kind);
        out_ += "<span class=\"reparation\"";
        append_attribute(out_, "data-genre", kind);
        append_attribute(out_, "title", "Réparation : " + std::string(kind));
        out_ += '>';
        break;
      }
    }
  }

  void open_quote(const Quote& quote, std::uint32_t index, bool first) {
    const auto row = speakers_.of_quote[index];
    out_ += "<span class=\"citation ";
    out_ += row ? colour_class(*row) : "anonyme";
    if (!first) {
      out_ += " suite\">";
      return;
    }
    out_ += '"';
    append_attribute(out_, "id", "citation-" + std::to_string(index + 1));
    append_attribute(out_, "data-genre", to_string(quote.kind));
    // The label shown at the quote: who, then the cue's verb; one push_back per further field.
    std::vector<std::string_view> label;
    label.push_back(quote.speaker ? std::string_view(quote.speaker->name) : "locuteur inconnu");
    if (quote.speaker) append_attribute(out_, "data-locuteur", quote.speaker->name);
    if (quote.cue) {
      append_attribute(out_, "data-indice", quote.cue->lemma);
      label.push_back(quote.cue->lemma);
    }
    std::string joined;
    for (const std::string_view part : label) {
      if (!joined.empty()) joined += " · ";
      joined += part;
    }
    append_attribute(out_, "data-etiquette", joined);
    // The rules that decided, for a reader checking why: in the tooltip, not in the label.
    std::string rules(quote.rule);
    if (quote.speaker && !quote.speaker->rule.empty()) rules += " / " + std::string(quote.speaker->rule);
    append_attribute(out_, "data-regle", rules);
    append_attribute(out_, "title", std::string(french_name(quote.kind)) + " — " + joined + " — règle : " + rules);
    out_ += '>';
  }

  void open_entity(const EntityMention& mention) {
    const EntityChain& chain = analysis_.entities.chains[mention.chain];
    const Links links(chain.wikidata_id, chain.wiki_title);
    const bool linked = !links.main().empty();
    std::string title = chain.name + " · " + std::string(french_name(mention.type));
    if (!links.wikidata.empty()) title += " · " + chain.wikidata_id;
    out_ += linked ? "<a" : "<span";
    append_attribute(out_, "class", "entite " + type_class(mention.type) + (linked ? "" : " nil"));
    if (linked) append_attribute(out_, "href", links.main());
    append_attribute(out_, "data-type", to_string(mention.type));
    append_attribute(out_, "data-regle", mention.rule);
    if (!linked) title += " · non lié";
    if (!mention.rule.empty()) title += " · règle : " + std::string(mention.rule);
    append_attribute(out_, "title", title);
    out_ += '>';
  }

  // Closes the open marks above depth `depth`; those that end by `at`, where the text resumes,
  // are finished, the others continue in a new element.
  void close_down_to(std::size_t depth, std::uint32_t at) {
    while (open_.size() > depth) {
      const Mark& mark = *open_.back();
      open_.pop_back();
      if (mark.layer != Layer::entity) {
        out_ += "</span>";
        continue;
      }
      const EntityChain& chain = analysis_.entities.chains[analysis_.entities.mentions[mark.item].chain];
      const Links links(chain.wikidata_id, chain.wiki_title);
      out_ += links.main().empty() ? "</span>" : "</a>";
      // The Wikidata link goes after the mention's last piece, outside its link (links cannot nest).
      if (mark.span.end <= at && links.both()) append_wikidata_badge(out_, links);
    }
  }

  const Analysis& analysis_;
  std::string_view text_;
  const Speakers& speakers_;
  std::string& out_;
  std::vector<const Mark*> open_;
  std::set<const Mark*> opened_;
};

// --- Panels and page -----------------------------------------------------------------------------

void append_page_start(std::string& out, std::string_view title) {
  out += "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"frnews\">\n<title>";
  append_escaped(out, title);
  out += " — frnews</title>\n<style>";
  out += detail::report_style;
  out += "</style>\n</head>\n<body>\n";
}

void append_page_end(std::string& out) {
  out += "<footer>Page produite par frnews. Liens vers Wikidata et Wikipédia français ; aucune ressource "
         "externe n’est chargée.</footer>\n</body>\n</html>\n";
}

void append_count(std::string& out, std::size_t count, std::string_view one, std::string_view many) {
  out += std::to_string(count);
  out += ' ';
  out += count == 1 ? one : many;
}

void append_speakers_panel(std::string& out, const Analysis& analysis, const Speakers& speakers) {
  out += "<section id=\"locuteurs\">\n<h2>Locuteurs</h2>\n";
  if (speakers.rows.empty()) {
    out += "<p class=\"non-lie\">Aucune citation attribuée.</p>\n</section>\n";
    return;
  }
  out += "<table>\n<thead><tr><th>Locuteur</th><th>Type</th><th class=\"n\">Citations</th>"
         "<th class=\"n\">Mots cités</th></tr></thead>\n<tbody>\n";
  for (std::size_t row = 0; row < speakers.rows.size(); ++row) {
    const SpeakerRow& entry = speakers.rows[row];
    const Speaker& speaker = *entry.speaker;
    out += "<tr class=\"" + colour_class(row) + "\"><td><span class=\"pastille\"></span>";
    append_linked_name(out, speaker.name, speaker.wikidata_id, speaker.wiki_title);
    out += "</td><td>";
    const auto type = speaker_type(analysis, speaker);
    out += type ? french_name(*type) : "—";
    out += "</td><td class=\"n\">" + std::to_string(entry.quotes) + "</td><td class=\"n\">" +
           std::to_string(entry.words) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

void append_entities_panel(std::string& out, const Analysis& analysis) {
  const Entities& entities = analysis.entities;
  std::vector<std::size_t> counts(entities.chains.size(), 0);
  std::vector<std::size_t> order;  // chains by first mention
  for (const EntityMention& mention : entities.mentions) {
    if (mention.chain >= entities.chains.size()) continue;
    if (counts[mention.chain]++ == 0) order.push_back(mention.chain);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return counts[a] > counts[b]; });
  out += "<section id=\"entites\">\n<h2>Entités</h2>\n";
  if (order.empty()) {
    out += "<p class=\"non-lie\">Aucune entité.</p>\n</section>\n";
    return;
  }
  out += "<table>\n<thead><tr><th>Entité</th><th>Type</th><th class=\"n\">Mentions</th></tr></thead>\n<tbody>\n";
  for (const std::size_t index : order) {
    const EntityChain& chain = entities.chains[index];
    const bool linked = !Links(chain.wikidata_id, chain.wiki_title).main().empty();
    out += "<tr><td><span class=\"type " + type_class(chain.type) + (linked ? "" : " nil") + "\"></span>";
    append_linked_name(out, chain.name, chain.wikidata_id, chain.wiki_title);
    out += "</td><td>";
    out += french_name(chain.type);
    out += "</td><td class=\"n\">" + std::to_string(counts[index]) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";
}

// Each repair with its kind and the original bytes, invisible characters spelt out.
void append_repairs_panel(std::string& out, const Analysis& analysis) {
  out += "<section id=\"reparations\">\n<details>\n<summary>Réparations de la normalisation (" +
         std::to_string(analysis.repairs.size()) + ")</summary>\n";
  if (!analysis.repairs.empty()) {
    out += "<table>\n<thead><tr><th>Genre</th><th class=\"n\">Octets</th><th>Texte d’origine</th></tr></thead>\n<tbody>\n";
  }
  for (const Repair& repair : analysis.repairs) {
    out += "<tr><td>";
    out += french_name(repair.kind);
    out += "</td><td class=\"n\">" + std::to_string(repair.original.begin) + "–" + std::to_string(repair.original.end) +
           "</td><td><code>";
    const std::string_view bytes = clamped(analysis.original, repair.original);
    for (std::size_t i = 0; i < bytes.size();) {
      const auto decoded = detail::decode_utf8(bytes, i);
      const bool visible = decoded.valid && decoded.code_point > 0x20 && decoded.code_point != 0x7F &&
                           !(decoded.code_point >= 0x80 && decoded.code_point <= 0xA0) && decoded.code_point != 0xAD &&
                           !(decoded.code_point >= 0x200B && decoded.code_point <= 0x200F) &&
                           !(decoded.code_point >= 0x2028 && decoded.code_point <= 0x202F) && decoded.code_point != 0xFEFF;
      if (visible) {
        append_escaped(out, bytes.substr(i, decoded.length));
      } else {
        char code[16];
        std::snprintf(code, sizeof code, decoded.valid ? "U+%04X" : "0x%02X",
                      decoded.valid ? static_cast<unsigned>(decoded.code_point) : static_cast<unsigned char>(bytes[i]));
        out += "<abbr>";
        out += code;
        out += "</abbr>";
      }
      i += decoded.length;
    }
    out += "</code></td></tr>\n";
  }
  if (!analysis.repairs.empty()) out += "</tbody>\n</table>\n";
  out += "</details>\n</section>\n";
}

void append_legend(std::string& out) {
  out += "<ul class=\"legende\" aria-label=\"Légende\">\n"
         "<li><span class=\"citation c0\">citation</span> une couleur par locuteur</li>\n"
         "<li><span class=\"citation anonyme\">citation</span> locuteur inconnu</li>\n"
         "<li><span class=\"locuteur c0\">locuteur</span></li>\n"
         "<li><span class=\"indice\">verbe introducteur</span></li>\n";
  for (const EntityType type : {EntityType::person, EntityType::location, EntityType::organization, EntityType::misc}) {
    out += "<li><span class=\"type " + type_class(type) + "\"></span>";
    out += french_name(type);
    out += "</li>\n";
  }
  out += "<li><span class=\"type misc nil\"></span>non lié</li>\n<li><span class=\"wd\"></span> Wikidata</li>\n</ul>\n";
}

ReportCounts counts_of(const Analysis& analysis, const Speakers& speakers) {
  return {analysis.quotes.size(), speakers.rows.size(), analysis.entities.mentions.size(), analysis.repairs.size()};
}

}  // namespace

ReportCounts report_counts(const Analysis& analysis) { return counts_of(analysis, Speakers(analysis)); }

std::string to_html(const Analysis& analysis, const ReportOptions& options) {
  const std::string_view title = options.title.empty() ? std::string_view("Article") : options.title;
  const Speakers speakers(analysis);
  const ReportCounts counts = counts_of(analysis, speakers);
  std::string out;
  out.reserve(analysis.original.size() * 3 + 16384);
  append_page_start(out, title);
  // The toggle comes first so that CSS alone can show the repairs (.bascule:checked ~ main).
  out += "<input type=\"checkbox\" id=\"voir-reparations\" class=\"bascule\">\n<header>\n";
  if (!options.index_href.empty() && options.index_href.find(':') == std::string_view::npos) {
    out += "<p class=\"retour\"><a";
    append_attribute(out, "href", options.index_href);
    out += ">← Tous les documents</a></p>\n";
  }
  out += "<h1>";
  append_escaped(out, title);
  out += "</h1>\n<p class=\"resume\">";
  append_count(out, counts.quotes, "citation", "citations");
  out += ", ";
  append_count(out, counts.speakers, "locuteur", "locuteurs");
  out += ", ";
  append_count(out, counts.mentions, "mention d’entité", "mentions d’entités");
  out += "</p>\n<div class=\"commandes\"><label for=\"voir-reparations\">Montrer les réparations de la "
         "normalisation (" + std::to_string(counts.repairs) + ")</label>\n";
  append_legend(out);
  out += "</div>\n</header>\n<main>\n";
  ArticleWriter(analysis, speakers, out).write();
  out += "<aside>\n";
  append_speakers_panel(out, analysis, speakers);
  append_entities_panel(out, analysis);
  append_repairs_panel(out, analysis);
  out += "</aside>\n</main>\n";
  append_page_end(out);
  return out;
}

std::string to_html_index(std::span<const ReportIndexEntry> entries, std::string_view title) {
  if (title.empty()) title = "Documents";
  std::string out;
  append_page_start(out, title);
  out += "<header>\n<h1>";
  append_escaped(out, title);
  out += "</h1>\n<p class=\"resume\">";
  append_count(out, entries.size(), "document", "documents");
  out += "</p>\n</header>\n<main>\n<section>\n<table>\n<thead><tr><th>Document</th><th class=\"n\">Citations</th>"
         "<th class=\"n\">Locuteurs</th><th class=\"n\">Entités</th><th class=\"n\">Réparations</th></tr></thead>\n"
         "<tbody>\n";
  for (const ReportIndexEntry& entry : entries) {
    out += "<tr><td>";
    // Only relative links: an href with a scheme (javascript:, https:) is not written.
    const bool linked = !entry.href.empty() && entry.href.find(':') == std::string::npos;
    if (linked) {
      out += "<a";
      append_attribute(out, "href", entry.href);
      out += '>';
    }
    append_escaped(out, entry.title);
    if (linked) out += "</a>";
    if (!entry.error.empty()) {
      out += " <span class=\"erreur\">";
      append_escaped(out, entry.error);
      out += "</span></td><td colspan=\"4\"></td></tr>\n";
      continue;
    }
    const ReportCounts& counts = entry.counts;
    for (const std::size_t count : {counts.quotes, counts.speakers, counts.mentions, counts.repairs}) {
      out += "</td><td class=\"n\">" + std::to_string(count);
    }
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n</main>\n";
  append_page_end(out);
  return out;
}

}  // namespace frnews
