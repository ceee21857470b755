#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "frnews/analyzer.hpp"
#include "frnews/report.hpp"

namespace {

bool is_void_element(std::string_view name) { return name == "meta" || name == "input" || name == "br"; }

std::string_view tag_name(std::string_view html, std::size_t at) {
  const std::size_t begin = at + (html[at + 1] == '/' ? 2 : 1);
  const std::size_t end = html.find_first_of(" >", begin);
  return html.substr(begin, end - begin);
}

// True when every element is closed, in order, and every '<' starts a tag.
bool balanced(std::string_view html) {
  std::vector<std::string_view> open;
  for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (html.substr(at, 9) == "<!DOCTYPE") continue;
    const std::string_view name = tag_name(html, at);
    if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string_view::npos) return false;
    if (html[at + 1] == '/') {
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
    } else if (!is_void_element(name)) {
      open.push_back(name);
    }
  }
  return open.empty();
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t end = text.find(';', i);
    const std::string_view entity = text.substr(i, end + 1 - i);
    out += entity == "&amp;" ? "&" : entity == "&lt;" ? "<" : entity == "&gt;" ? ">" : entity == "&quot;" ? "\"" : "'";
    i = end;
  }
  return out;
}

// The text of some markup, tags removed and characters unescaped.
std::string text_of(std::string_view html) {
  std::string stripped;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      i = html.find('>', i);
    } else {
      stripped += html[i];
    }
  }
  return unescape(stripped);
}

// The markup of the element that starts at `at`, its tags included.
std::string_view element_at(std::string_view html, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i < html.size(); i = html.find('<', i + 1)) {
    if (is_void_element(tag_name(html, i))) continue;
    depth += html[i + 1] == '/' ? -1 : 1;
    if (depth == 0) return html.substr(at, html.find('>', i) + 1 - at);
  }
  return {};
}

// The elements whose opening tag holds `attribute`, in document order.
std::vector<std::string_view> elements_with(std::string_view html, std::string_view attribute) {
  std::vector<std::string_view> found;
  for (std::size_t at = html.find(attribute); at != std::string_view::npos; at = html.find(attribute, at + 1)) {
    found.push_back(element_at(html, html.rfind('<', at)));
  }
  return found;
}

// The markup of the article, without the panels and legend around it.
std::string_view article_of(std::string_view html) {
  const std::size_t begin = html.find("<article");
  return element_at(html, begin);
}

// The article as the page shows it: paragraphs joined by a blank line.
std::string article_text(std::string_view html) {
  const std::string_view article = article_of(html);
  std::string joined;
  for (std::size_t at = article.find("<p>"); at != std::string_view::npos; at = article.find("<p>", at + 1)) {
    if (!joined.empty()) joined += "\n\n";
    joined += text_of(element_at(article, at));
  }
  return joined;
}

std::size_t count(std::string_view text, std::string_view part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The values of the href attributes. (No std::regex: GCC 12 warns inside it under sanitizers.)
std::vector<std::string> hrefs(std::string_view html) {
  std::vector<std::string> found;
  constexpr std::string_view attribute = "href=\"";
  for (std::size_t at = html.find(attribute); at != std::string_view::npos; at = html.find(attribute, at + 1)) {
    const std::size_t begin = at + attribute.size();
    found.emplace_back(html.substr(begin, html.find('"', begin) - begin));
  }
  return found;
}

// A link the page may hold: a Wikidata item or a percent-encoded French Wikipedia title.
bool allowed_link(std::string_view href) {
  const auto all_of = [](std::string_view text, auto&& allowed) {
    return !text.empty() && std::all_of(text.begin(), text.end(), allowed);
  };
  constexpr std::string_view wikidata = "https://www.wikidata.org/wiki/Q", wikipedia = "https://fr.wikipedia.org/wiki/";
  if (href.starts_with(wikidata)) {
    return all_of(href.substr(wikidata.size()), [](char c) { return c >= '0' && c <= '9'; });
  }
  return href.starts_with(wikipedia) && all_of(href.substr(wikipedia.size()), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  std::string_view("_.~(),%-").find(c) != std::string_view::npos;
         });
}

// Whether an element of the page has a src attribute (loads something).
bool loads_anything(std::string_view html) {
  for (std::size_t open = html.find('<'); open != std::string_view::npos; open = html.find('<', open + 1)) {
    const std::string_view tag = html.substr(open, html.find('>', open) - open);
    for (const char* space : {" src=", "\tsrc=", "\nsrc="}) {
      if (tag.find(space) != std::string_view::npos) return true;
    }
  }
  return false;
}

frnews::Span span_of(std::string_view text, std::string_view words, std::size_t from = 0) {
  const auto begin = static_cast<std::uint32_t>(text.find(words, from));
  return {begin, begin + static_cast<std::uint32_t>(words.size())};
}

const frnews::Analyzer& analyzer() {
  static const frnews::Analyzer instance;
  return instance;
}

}  // namespace

TEST_CASE("The report shows the article exactly as written, with each quote and speaker") {
  const std::string text =
      "« Le président Emmanuel Macron a trahi les agriculteurs », a déclaré Jean-Luc Mélenchon.\n\n"
      "François Bayrou a reçu les syndicats à Matignon. « Nous avons entendu la colère », a-t-il affirmé.";
  const auto analysis = analyzer().analyze(text);
  REQUIRE(analysis->quotes.size() == 2);
  const std::string html = frnews::to_html(*analysis, {.title = "dépêche"});

  CHECK(balanced(html));
  CHECK(article_text(html) == text);
  const auto quotes = elements_with(article_of(html), "class=\"citation c");
  REQUIRE(quotes.size() == 2);
  CHECK(text_of(quotes[0]) == "Le président Emmanuel Macron a trahi les agriculteurs");
  CHECK(text_of(quotes[1]) == "Nous avons entendu la colère");
  CHECK(quotes[0].find("data-locuteur=\"Jean-Luc Mélenchon\"") != std::string_view::npos);
  CHECK(quotes[1].find("data-locuteur=\"François Bayrou\"") != std::string_view::npos);
  CHECK(quotes[1].find("data-indice=\"affirmer\"") != std::string_view::npos);
  // One colour per speaker.
  CHECK(quotes[0].substr(0, 30).find("c0") != std::string_view::npos);
  CHECK(quotes[1].substr(0, 30).find("c1") != std::string_view::npos);

  SECTION("an entity inside a quote is nested in it and linked") {
    const auto macron = elements_with(quotes[0], "data-type=\"PER\"");
    REQUIRE(macron.size() == 1);
    CHECK(text_of(macron[0]) == "Emmanuel Macron");
    CHECK(macron[0].starts_with("<a class=\"entite per\" href=\"https://fr.wikipedia.org/wiki/Emmanuel_Macron\""));
    CHECK(count(html, "href=\"https://www.wikidata.org/wiki/Q3052772\"") >= 2);  // beside the mention, in the panel
    CHECK(count(article_text(html), "Emmanuel Macron") == 1);
  }
  SECTION("a speaker pronoun inside its cue nests in the cue") {
    const auto cues = elements_with(article_of(html), "class=\"indice\"");
    REQUIRE(cues.size() == 2);
    CHECK(text_of(cues[1]) == "a-t-il affirmé");
    CHECK(cues[1].find("<span class=\"locuteur c1\" title=\"Locuteur : François Bayrou\">il</span>") !=
          std::string_view::npos);
  }
  SECTION("the speakers panel counts quotes and quoted words") {
    const std::string_view panel = elements_with(html, "id=\"locuteurs\"").front();
    CHECK(text_of(panel).find("Jean-Luc Mélenchonpersonne18") != std::string::npos);
    CHECK(text_of(panel).find("François Bayroupersonne15") != std::string::npos);
  }
}

TEST_CASE("A quote across paragraphs is split at the break and labelled once") {
  frnews::Analysis analysis;
  analysis.original = "Il a prévenu : « Nous ne reculerons pas.\n\nPas d'un centimètre. » Fin.";
  frnews::Quote quote;
  quote.content = {span_of(analysis.original, "Nous").begin, span_of(analysis.original, "centimètre.").end};
  quote.speaker = frnews::Speaker{span_of(analysis.original, "Il"), "Paul Martin", std::nullopt, "", "", "inverted.pronoun"};
  quote.cue = frnews::Cue{span_of(analysis.original, "a prévenu"), "prévenir"};
  quote.rule = "quote.cue-before-colon";
  analysis.quotes.push_back(quote);
  const std::string html = frnews::to_html(analysis);

  CHECK(balanced(html));
  CHECK(article_text(html) == analysis.original);
  const auto pieces = elements_with(article_of(html), "class=\"citation c0");
  REQUIRE(pieces.size() == 2);
  CHECK(text_of(pieces[0]) == "Nous ne reculerons pas.");
  CHECK(text_of(pieces[1]) == "Pas d'un centimètre.");
  CHECK(pieces[1].starts_with("<span class=\"citation c0 suite\">"));
  CHECK(count(html, "data-etiquette=\"Paul Martin · prévenir\"") == 1);
  CHECK(count(html, "id=\"citation-1\"") == 1);
  CHECK(count(html, "data-regle=\"quote.cue-before-colon / inverted.pronoun\"") == 1);

  SECTION("a span that starts in the blank line keeps its label") {
    analysis.quotes[0].content = {span_of(analysis.original, "\n\nPas").begin, span_of(analysis.original, "centimètre.").end};
    const std::string late = frnews::to_html(analysis);
    CHECK(balanced(late));
    CHECK(count(late, "data-etiquette=\"Paul Martin · prévenir\"") == 1);
    CHECK(text_of(elements_with(article_of(late), "id=\"citation-1\"").front()) == "Pas d'un centimètre.");
  }
}

TEST_CASE("An entity that crosses a quote's edge is split, its Wikidata link written once") {
  frnews::Analysis analysis;
  analysis.original = "Selon Marie Curie « Curie est morte en 1934 ».";
  frnews::Quote quote;
  quote.content = span_of(analysis.original, "Curie est morte en 1934");
  analysis.quotes.push_back(quote);
  analysis.entities.chains.push_back(
      {"Marie Curie", frnews::EntityType::person, frnews::Gender::feminine, 0u, "Q7186", "Marie Curie"});
  // A deliberately wrong span running from outside the quote into it.
  analysis.entities.mentions.push_back(
      {{span_of(analysis.original, "Curie").begin, span_of(analysis.original, "Curie est").end}, 0, 1,
       frnews::EntityType::person, 0, 1.0f, "kb.name"});
  const std::string html = frnews::to_html(analysis);

  CHECK(balanced(html));
  CHECK(article_text(html) == analysis.original);
  const auto parts = elements_with(html, "class=\"entite per\"");
  REQUIRE(parts.size() == 2);
  CHECK(text_of(parts[0]) + text_of(parts[1]) == "Curie « Curie est");
  CHECK(count(html, "class=\"wd\" href=\"https://www.wikidata.org/wiki/Q7186\"") == 2);  // mention and panel
  CHECK(elements_with(article_of(html), "class=\"citation anonyme\"").size() == 1);
}

TEST_CASE("Spans past the end of a hand-built analysis are cut, not a crash") {
  frnews::Analysis analysis;
  analysis.original = "« Oui », a dit Léa.";
  frnews::Quote quote;
  quote.content = {3, 400};
  quote.speaker = frnews::Speaker{{500, 600}, "Léa Roux", 7u, "Q1", "Léa Roux", "subject.before"};
  analysis.quotes.push_back(quote);
  analysis.repairs.push_back({frnews::RepairKind::invisible, {300, 310}});
  analysis.entities.mentions.push_back({{0, 2}, 0, 1, frnews::EntityType::person, 3, 1.0f, "kb.name"});  // no chain 3

  const std::string html = frnews::to_html(analysis);
  CHECK(balanced(html));
  CHECK(article_text(html) == analysis.original);
  CHECK(text_of(elements_with(article_of(html), "id=\"citation-1\"").front()) == "Oui », a dit Léa.");
  CHECK(frnews::report_counts(analysis).speakers == 1);
}

TEST_CASE("A repair inside an entity nests in it and keeps the original bytes") {
  const std::string text = "FranÃ§ois Bayrou a reçu les syndicats.";
  const auto analysis = analyzer().analyze(text);
  REQUIRE(!analysis->repairs.empty());
  const std::string html = frnews::to_html(*analysis);

  CHECK(balanced(html));
  CHECK(article_text(html) == text);
  const auto bayrou = elements_with(html, "data-type=\"PER\"");
  REQUIRE(bayrou.size() == 1);
  CHECK(text_of(bayrou[0]) == "FranÃ§ois Bayrou");
  const auto repairs = elements_with(bayrou[0], "class=\"reparation\"");
  REQUIRE(repairs.size() == 1);
  CHECK(text_of(repairs[0]) == "Ã§");
  CHECK(repairs[0].find("data-genre=\"mojibake\"") != std::string_view::npos);
  // The toggle shows them with CSS alone.
  CHECK(html.find("<input type=\"checkbox\" id=\"voir-reparations\" class=\"bascule\">") != std::string::npos);
  CHECK(html.find(".bascule:checked~main .reparation") != std::string::npos);
}

TEST_CASE("Hostile article text is escaped and runs nothing") {
  const std::string text =
      "Il a écrit <script>document.title='pirate'</script> puis \"><img src=x onerror=alert(1)> et "
      "<a href=\"javascript:alert(2)\">ici</a>, a déclaré Emmanuel Macron.\x01\xFF";
  const auto analysis = analyzer().analyze(text);
  const std::string html = frnews::to_html(*analysis, {.title = "<script>alert(3)</script>", .index_href = "javascript:alert(4)"});

  CHECK(balanced(html));
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.title=&#39;pirate&#39;&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<title>&lt;script&gt;alert(3)&lt;/script&gt; — frnews</title>") != std::string::npos);
  CHECK(html.find("\x01") == std::string::npos);  // a control character becomes its picture
  CHECK(html.find("\u2401") != std::string::npos);
  CHECK(html.find("\uFFFD") != std::string::npos);
  for (const std::string& href : hrefs(html)) {
    CAPTURE(href);
    CHECK(allowed_link(href));
  }
  CHECK(html.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'") != std::string::npos);
  CHECK_FALSE(loads_anything(html));
  CHECK(html.find("url(") == std::string::npos);
}

TEST_CASE("Links come only from valid Wikidata ids and percent-encoded titles") {
  frnews::Analysis analysis;
  analysis.original = "Le Piège a parlé.";
  analysis.entities.chains.push_back({"Le Piège", frnews::EntityType::organization, frnews::Gender::unknown, 0u,
                                      "javascript:alert(1)", "\"><script>x</script> été"});
  analysis.entities.mentions.push_back(
      {span_of(analysis.original, "Le Piège"), 0, 2, frnews::EntityType::organization, 0, 1.0f, "kb.name"});
  const std::string html = frnews::to_html(analysis);

  CHECK(balanced(html));
  const auto links = hrefs(html);
  REQUIRE(!links.empty());
  for (const std::string& href : links) {
    CHECK(href == "https://fr.wikipedia.org/wiki/%22%3E%3Cscript%3Ex%3C%2Fscript%3E_%C3%A9t%C3%A9");
  }
  CHECK(html.find("javascript:") == std::string::npos);

  SECTION("an entity without a link is marked as unlinked") {
    analysis.entities.chains[0].wikidata_id = "Q12 ";
    analysis.entities.chains[0].wiki_title = "";
    const std::string unlinked = frnews::to_html(analysis);
    CHECK(hrefs(unlinked).empty());
    CHECK(unlinked.find("<span class=\"entite org nil\"") != std::string::npos);
    CHECK(text_of(elements_with(unlinked, "class=\"entite org nil\"").front()) == "Le Piège");
  }
}

TEST_CASE("The index links each page with its counts and escapes what it shows") {
  const auto analysis = analyzer().analyze("« Non », a répondu Emmanuel Macron. « Jamais », a ajouté Élisabeth Borne.");
  const frnews::ReportCounts counts = frnews::report_counts(*analysis);
  CHECK(counts.quotes == 2);
  CHECK(counts.speakers == 2);
  const std::vector<frnews::ReportIndexEntry> entries{
      {"a<b>.txt", "0001-a_b_.html", "", counts},
      {"piège", "javascript:alert(1)", "", counts},
      {"vide.jsonl:3", "", "no \"text\" field", {}},
  };
  const std::string html = frnews::to_html_index(entries, "Revue de presse");

  CHECK(balanced(html));
  CHECK(html.find("<a href=\"0001-a_b_.html\">a&lt;b&gt;.txt</a></td><td class=\"n\">2</td><td class=\"n\">2</td>") !=
        std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("no &quot;text&quot; field") != std::string::npos);
  CHECK(html.find("<h1>Revue de presse</h1>") != std::string::npos);
}
