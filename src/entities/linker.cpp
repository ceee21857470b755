// Entity linking in one pass over the tokens, then one over the mentions:
//  1. each token is folded once (fold_key) into one buffer, so the key of any run of tokens is a
//     slice of it and knowledge-base lookups allocate nothing;
//  2. left to right, titles and honorifics are noted as cues and skipped, then at each token
//     that can start a name the longest knowledge-base name is compared with the longest name
//     the text's own shape gives (capitalised words, "Parti communiste de ...", "tribunal
//     correctionnel de ...", first name + surname); the longer one wins;
//  3. mentions are grouped into chains: same knowledge-base entry, a surname or a head word met
//     before in a fuller name, an acronym defined in parentheses or matching initials;
//  4. each chain gets its name, type and gender.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/cues.hpp"
#include "entities/person_lexicon.hpp"
#include "frnews/entities.hpp"

namespace frnews {
namespace {

using detail::entity_cues;
using detail::person_lexicon;

// ---------------------------------------------------------------------------------------------
// Letters

// The first code point of `word` and its length in bytes (0 for an empty word).
std::pair<char32_t, std::size_t> first_code_point(std::string_view word) noexcept {
  if (word.empty()) return {0, 0};
  const auto b0 = static_cast<unsigned char>(word[0]);
  if (b0 < 0x80) return {b0, 1};
  if (b0 >= 0xC0 && b0 < 0xE0 && word.size() >= 2) {
    return {(char32_t{b0} & 0x1F) << 6 | (char32_t{static_cast<unsigned char>(word[1])} & 0x3F), 2};
  }
  if (b0 >= 0xE0 && b0 < 0xF0 && word.size() >= 3) {
    return {(char32_t{b0} & 0x0F) << 12 | (char32_t{static_cast<unsigned char>(word[1])} & 0x3F) << 6 |
                (char32_t{static_cast<unsigned char>(word[2])} & 0x3F),
            3};
  }
  return {b0, 1};
}

bool is_upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  return c >= 0x400 && c <= 0x42F;
}

bool is_lower(char32_t c) noexcept {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return !is_upper(c);
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  return c >= 0x430 && c <= 0x45F;
}

bool starts_upper(std::string_view word) noexcept { return is_upper(first_code_point(word).first); }

// "OTAN", "SNCF", "SUD-RAIL": two letters or more, none in lower case.
bool is_all_caps(std::string_view word) noexcept {
  std::size_t letters = 0;
  while (!word.empty()) {
    const auto [c, length] = first_code_point(word);
    if (is_lower(c)) return false;
    if (is_upper(c)) ++letters;
    word.remove_prefix(length);
  }
  return letters >= 2;
}

bool has_digit(std::string_view word) noexcept {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Verbs that end like adjectives and follow a name's head: "la Commission indique", "le Parti
// insiste", "l'Agence signale", "l'Union arrive".
bool is_verb_like_adjective(std::string_view folded) noexcept {
  static constexpr std::array<std::string_view, 44> verbs = {
      "indique",   "explique", "applique",  "communique", "revendique", "fabrique",  "implique",  "replique",
      "complique", "dedique",  "abdique",   "critique",   "pratique",   "insiste",   "existe",    "persiste",
      "resiste",   "assiste",  "subsiste",  "consiste",   "signale",    "egale",     "avale",     "etale",
      "regale",    "appelle",  "rappelle",  "interpelle", "renouvelle", "arrive",    "suive",     "vive",
      "ecrive",    "prive",    "derive",    "ravive",     "faire",      "taire",     "plaire",    "extraire",
      "eclaire",   "declare",  "demain",    "soutien"};
  return std::find(verbs.begin(), verbs.end(), folded) != verbs.end();
}

// Lower-case words that qualify a name's head: "communiste", "européenne", "météorologique".
bool looks_adjective(std::string_view folded) noexcept {
  if (folded.size() < 4 || is_verb_like_adjective(folded)) return false;
  static constexpr std::array<std::string_view, 36> endings = {
      "ique", "iques", "ien",  "ienne", "iens",  "iennes", "ais",  "aise",  "aises", "ois",  "oise",  "oises",
      "al",   "ale",   "ales", "aux",   "el",    "elle",   "els",  "elles", "aire",  "aires", "if",    "tive",
      "sive", "ain",   "aine", "aines", "ains",  "een",    "eenne", "iste", "istes", "ifs", "tives", "sives"};
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return folded.ends_with(e); }) ||
         person_lexicon().demonym_of_key(folded).has_value();
}

bool is_de(std::string_view folded) noexcept {
  return folded == "de" || folded == "du" || folded == "des" || folded == "d'";
}

// Whether `word` is one of the space-separated words of `text`.
bool has_word(std::string_view text, std::string_view word) noexcept {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// "(PCC)", "(PCC, parti unique)": what may follow an acronym given in parentheses.
bool closes_acronym(std::string_view text) noexcept { return text == ")" || text == "," || text == ";"; }

// Words an acronym leaves out: "Parti communiste de Cuba" is "PCC".
bool is_small_word(std::string_view folded) noexcept {
  return is_de(folded) || folded == "la" || folded == "le" || folded == "les" || folded == "l'" || folded == "et";
}

// Particles inside people's names: "Charles de Gaulle", "Ursula von der Leyen".
bool is_name_particle(std::string_view folded) noexcept {
  static constexpr std::array<std::string_view, 17> particles = {
      "de", "du", "des", "d'", "van", "von", "der", "den", "di", "da", "dos", "del", "della", "ben", "bin", "ibn", "al"};
  return std::find(particles.begin(), particles.end(), folded) != particles.end();
}

// ---------------------------------------------------------------------------------------------
// The document as the linker sees it

enum TokenFlag : std::uint16_t {
  is_word = 1 << 0,         // a word or an elision
  is_cap = 1 << 1,          // starts with a capital
  is_caps = 1 << 2,         // all in capitals
  is_initial = 1 << 3,      // first word of a sentence (or of a quotation, a line)
  is_elision = 1 << 4,
  in_title = 1 << 5,        // a sentence written in capitals: capitals say nothing there
  is_glued = 1 << 6,        // "¬" and the rest of a word cut at the end of a line
};

bool is_wordlike(TokenKind kind) noexcept { return kind == TokenKind::word || kind == TokenKind::number; }

struct Candidate {
  std::uint32_t begin = 0, end = 0;  // tokens
  EntityType type = EntityType::misc;
  std::span<const EntityId> entries;  // knowledge-base candidates, best prior first
  bool typed_by_text = false;         // the type comes from a cue, not from a guess
  bool tentative = false;             // kept only if the document confirms it
  Gender gender = Gender::unknown;
  // Cues seen just before the mention.
  bool person_cue = false;
  bool org_cue = false;
  bool loc_cue = false;
  bool role_complement = false;  // "le maire de X": where a person holds office
  bool club = false;             // a city's name standing for its football club
};

class DocumentView {
 public:
  explicit DocumentView(const Document& doc) : doc_(doc), tokens_(doc.tokens()) {
    const std::size_t n = tokens_.size();
    bounds_.resize(n + 1);
    ends_.reserve(n);
    flags_.assign(n, 0);
    sentence_.resize(n);
    keys_.reserve(doc.text().size() + n);
    std::uint32_t s = 0;
    const auto sentences = doc.sentences();
    for (std::uint32_t i = 0; i < n; ++i) {
      while (s + 1 < sentences.size() && i >= sentences[s].end_token) ++s;
      sentence_[i] = s;
      const Token& token = tokens_[i];
      const std::string_view text = doc.text(token);
      // "Allema¬gne": a word the printer cut at the end of a line is one word again.
      const bool cut = text == "\u00AC" && i > 0 && i + 1 < n && is_wordlike(tokens_[i - 1].kind) &&
                       is_wordlike(tokens_[i + 1].kind) && tokens_[i - 1].span.end == token.span.begin;
      const bool glued = cut || (i > 0 && (flags_[i - 1] & is_glued) && doc.text(tokens_[i - 1]) == "\u00AC");
      if (i > 0 && tokens_[i - 1].span.end < token.span.begin && !glued) keys_ += ' ';
      bounds_[i] = static_cast<std::uint32_t>(keys_.size());
      if (!cut) append_fold_key(keys_, text);
      ends_.push_back(static_cast<std::uint32_t>(keys_.size()));
      std::uint16_t f = glued ? is_glued : 0;
      if ((token.kind == TokenKind::word || token.kind == TokenKind::elision) && !glued) {
        f |= is_word;
        if (starts_upper(text)) f |= is_cap;
        if (is_all_caps(text)) f |= is_caps;
        if (token.kind == TokenKind::elision) f |= is_elision;
      }
      flags_[i] = f;
    }
    bounds_[n] = static_cast<std::uint32_t>(keys_.size());
    mark_initials_and_titles();
    // The keys are complete: views into them stay valid from here on.
    for (std::uint32_t i = 0; i < n; ++i) {
      if (flags_[i] == is_word && ends_[i] - bounds_[i] >= 4) lower_words_.insert(key(i));
    }
  }

  // Whether the word also appears in lower case in the document ("la Révolution" and "une
  // révolution"): then its capital is emphasis, not a name.
  [[nodiscard]] bool written_in_lower_case(std::uint32_t i) const noexcept { return lower_words_.contains(key(i)); }

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(tokens_.size()); }
  [[nodiscard]] bool has(std::uint32_t i, std::uint16_t flag) const noexcept { return (flags_[i] & flag) != 0; }
  [[nodiscard]] std::string_view text(std::uint32_t i) const noexcept { return doc_.text(tokens_[i]); }
  [[nodiscard]] std::string_view key(std::uint32_t i) const noexcept {
    return std::string_view(keys_).substr(bounds_[i], ends_[i] - bounds_[i]);
  }
  // The folded text of tokens [begin, end).
  [[nodiscard]] std::string_view key(std::uint32_t begin, std::uint32_t end) const noexcept {
    return std::string_view(keys_).substr(bounds_[begin], ends_[end - 1] - bounds_[begin]);
  }
  [[nodiscard]] std::uint32_t sentence(std::uint32_t i) const noexcept { return sentence_[i]; }
  [[nodiscard]] std::uint32_t sentence_end(std::uint32_t i) const noexcept {
    return doc_.sentences().empty() ? size() : std::min(size(), doc_.sentences()[sentence_[i]].end_token);
  }
  [[nodiscard]] TokenKind kind(std::uint32_t i) const noexcept { return tokens_[i].kind; }
  [[nodiscard]] const Document& doc() const noexcept { return doc_; }
  // Whether a space separates token i from the one before.
  [[nodiscard]] bool space_before(std::uint32_t i) const noexcept {
    return i > 0 && tokens_[i - 1].span.end < tokens_[i].span.begin;
  }
  [[nodiscard]] std::uint16_t cues(std::uint32_t i) const noexcept { return entity_cues().kinds(key(i)); }
  // "A." of "A. Piguet": one capital letter and a period.
  [[nodiscard]] bool is_initial_at(std::uint32_t i) const noexcept {
    if (!has(i, is_cap) || i + 1 >= size() || text(i + 1) != "." || space_before(i + 1)) return false;
    return first_code_point(text(i)).second == text(i).size();
  }
  [[nodiscard]] Span span(std::uint32_t begin, std::uint32_t end) const noexcept {
    return {tokens_[begin].span.begin, tokens_[end - 1].span.end};
  }

 private:
  void mark_initials_and_titles() {
    const auto sentences = doc_.sentences();
    for (const Sentence& sentence : sentences) {
      std::uint32_t words = 0, caps = 0;
      bool expect_initial = true;
      for (std::uint32_t i = sentence.first_token; i < sentence.end_token && i < size(); ++i) {
        const TokenKind k = tokens_[i].kind;
        if (k == TokenKind::quote_mark || k == TokenKind::dash ||
            (k == TokenKind::punctuation && (text(i) == ":" || text(i) == "(" || text(i) == "["))) {
          expect_initial = true;
          continue;
        }
        if (!has(i, is_word)) {
          expect_initial = false;
          continue;
        }
        ++words;
        if (has(i, is_caps)) ++caps;
        if (expect_initial) flags_[i] |= is_initial;
        // After a sentence-initial "L'", "D'", the next word's capital is its own.
        expect_initial = false;
      }
      if (words >= 3 && caps * 10 >= words * 7) {
        for (std::uint32_t i = sentence.first_token; i < sentence.end_token && i < size(); ++i) flags_[i] |= in_title;
      }
    }
  }

  const Document& doc_;
  std::span<const Token> tokens_;
  std::string keys_;
  std::vector<std::uint32_t> bounds_, ends_;
  std::vector<std::uint16_t> flags_;
  std::vector<std::uint32_t> sentence_;
  std::unordered_set<std::string_view> lower_words_;
};

// Titles whose complement is a place: "le maire de ...", "l'ambassadrice de ...".
bool holds_a_place(std::string_view folded_title) noexcept {
  static constexpr std::array<std::string_view, 10> stems = {"maire", "prefet", "gouverneur", "ambassad", "consul",
                                                             "eveque", "archeveque", "bourgmestre", "depute", "senat"};
  return std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) { return folded_title.starts_with(stem); });
}

// Words whose presence makes a city's name a football club ("Lyon a battu Lille").
bool is_football_word(std::string_view folded) noexcept {
  // Not "stade" nor "milieu": "à ce stade", "au milieu de".
  static constexpr std::array<std::string_view, 15> words = {
      "club",        "match",     "matchs",    "joueur", "joueurs",   "entraineur", "ligue",      "mercato",
      "footballeur", "recrue",    "championnat", "attaquant", "transfert", "buteur",     "defenseur"};
  return std::find(words.begin(), words.end(), folded) != words.end();
}

// ---------------------------------------------------------------------------------------------
// Finding mentions

class MentionFinder {
 public:
  MentionFinder(const DocumentView& view, const KnowledgeBase& kb)
      : view_(view), kb_(kb), max_words_(std::max<std::uint32_t>(kb.max_name_words(), 1)) {}

  std::vector<Candidate> run() {
    const std::uint32_t n = view_.size();
    for (std::uint32_t i = 0; i < n;) {
      i = step(i);
    }
    return std::move(found_);
  }

 private:
  // Looks at token i; returns the next token to look at.
  std::uint32_t step(std::uint32_t i) {
    if (!view_.has(i, is_word)) {
      if (view_.kind(i) != TokenKind::punctuation || view_.text(i) != ",") clear_cues(i);
      return i + 1;
    }
    const auto& lexicon = person_lexicon();
    if (const auto honorific = lexicon.honorific(view_.text(i))) {
      // "M." may come as "M" and "."
      std::uint32_t next = i + 1;
      if (next < view_.size() && view_.text(next) == "." && !view_.space_before(next)) ++next;
      const bool particle = next + 1 < view_.size() && is_name_particle(view_.key(next)) && view_.has(next + 1, is_cap);
      if (next < view_.size() && (view_.has(next, is_cap) || particle)) {
        pending_ = {};
        pending_.person = true;
        pending_.gender = honorific->gender;
        pending_.honorific = true;
        pending_.plural = honorific->plural;
        pending_.from = next;
        return next;
      }
    }
    if (const auto role = lexicon.role_at(view_.doc(), i)) {
      return after_role(i, role);
    }
    if (view_.key(i) == "ministere" || view_.key(i) == "ministeres") {
      const std::uint32_t after = skip_portfolio(i + 1, view_.sentence_end(i));
      if (after > i + 1) return after;
    }
    if (const std::uint32_t end = try_mention(i); end > i) return end;
    const std::uint16_t cues = view_.cues(i);
    if (cues & detail::cue_org) {
      pending_ = {};
      pending_.org = true;
      pending_.from = i + 1;
    } else if (cues & detail::cue_loc) {
      pending_ = {};
      pending_.loc = true;
      pending_.from = i + 1;
    } else if (pending_.plural && view_.key(i) == "et") {
      // the list goes on
    } else if (!is_de(view_.key(i)) && view_.key(i) != "la" && view_.key(i) != "l'" && !looks_adjective(view_.key(i))) {
      clear_cues(i);
    }
    return i + 1;
  }

  void clear_cues(std::uint32_t i) {
    if (pending_.from <= i) pending_ = {};
  }

  // A title: a person's name may follow ("le chancelier allemand Friedrich Merz", "la ministre
  // de la Culture, Rachida Dati"); the portfolio of a minister is no entity.
  std::uint32_t after_role(std::uint32_t i, detail::RoleMatch role) {
    std::uint32_t j = i + role.tokens;
    const std::uint32_t end = view_.sentence_end(i);
    const bool minister = view_.key(i).starts_with("ministre") || view_.key(i).starts_with("ex-ministre") ||
                          view_.key(i + role.tokens - 1).starts_with("ministre") ||
                          view_.key(i).starts_with("secretaire d'");
    while (j < end && view_.has(j, is_word) && !view_.has(j, is_cap) && looks_adjective(view_.key(j))) ++j;
    if (minister) j = skip_portfolio(j, end);
    pending_ = {};
    pending_.person = true;
    pending_.gender = role.gender;
    pending_.role_complement = true;
    pending_.role_of_place = holds_a_place(view_.key(i + role.tokens - 1));
    pending_.from = j;
    return j;
  }

  // "de la Transition écologique", "des Affaires étrangères et de l'Europe": the portfolio of a
  // minister or a ministry names no entity. Returns the token after it, or j.
  std::uint32_t skip_portfolio(std::uint32_t j, std::uint32_t end) const noexcept {
    if (j >= end || !is_de(view_.key(j))) return j;
    std::uint32_t k = j;
    while (k < end && view_.has(k, is_word)) {
      const std::string_view key = view_.key(k);
      if (is_de(key) || key == "la" || key == "l'" || key == "et") {
        ++k;
        continue;
      }
      // "l'ancien ministre de l'Intérieur Gérald Darmanin": the person's first name ends it.
      if (view_.has(k, is_cap) && person_lexicon().is_first_name(view_.text(k)) && k + 1 < end &&
          view_.has(k + 1, is_cap)) {
        break;
      }
      if (view_.has(k, is_cap) || (k > j && looks_adjective(key))) {
        ++k;
        j = k;
        continue;
      }
      break;
    }
    return j;
  }

  // The longest knowledge-base name starting at token i whose capitals agree with the text.
  std::pair<std::uint32_t, std::span<const EntityId>> kb_match(std::uint32_t i, std::uint32_t end) const {
    std::uint32_t best = i;
    std::span<const EntityId> entries;
    for (std::uint32_t j = i + 1; j <= end && j - i <= max_words_ + 2; ++j) {
      const TokenKind k = view_.kind(j - 1);
      if (k == TokenKind::quote_mark || (k == TokenKind::punctuation && view_.text(j - 1) != "." &&
                                         view_.text(j - 1) != "&")) {
        break;
      }
      const auto found = kb_.lookup(view_.key(i, j));
      if (!found.empty() && (view_.has(j - 1, is_word | is_glued) || view_.kind(j - 1) == TokenKind::number) &&
          capitals_agree(i, j, found.front())) {
        best = j;
        entries = found;
      }
    }
    return {best, entries};
  }

  // Every capital of the entry's name is a capital in the text ("Le Monde" is not "Le monde"),
  // unless the text is in capitals.
  bool capitals_agree(std::uint32_t begin, std::uint32_t end, EntityId id) const {
    std::uint32_t text_caps = 0;
    bool all_caps = true;
    for (std::uint32_t i = begin; i < end; ++i) {
      if (!view_.has(i, is_word)) continue;
      if (view_.has(i, is_cap)) ++text_caps;
      if (!view_.has(i, is_caps)) all_caps = false;
    }
    if (all_caps && text_caps > 0) return true;
    const std::string_view key = view_.key(begin, end);
    std::uint32_t fewest = ~0u;
    for (const std::string_view name : kb_.names(id)) {
      if (fold_key(name) != key) continue;
      std::uint32_t caps = 0;
      bool word_start = true;
      for (std::size_t p = 0; p < name.size();) {
        const auto [c, length] = first_code_point(name.substr(p));
        if (word_start && is_upper(c)) ++caps;
        word_start = c == ' ' || c == '\'' || c == 0x2019;
        p += length;
      }
      fewest = std::min(fewest, caps);
    }
    if (fewest == ~0u) fewest = 1;  // found through an alias form the entry does not list
    // "le tribunal de commerce de Paris" names the "Tribunal de commerce de Paris": the head of
    // an institution or a place is written either way.
    const bool lower_head = !view_.has(begin, is_cap) &&
                            (view_.cues(begin) & (detail::cue_place_head | detail::cue_institution_head));
    return text_caps + (lower_head ? 1u : 0u) >= std::max<std::uint32_t>(fewest, 1);
  }

  // A first name and a capitalised word: a person's name starts at token j.
  bool starts_person_name(std::uint32_t j, std::uint32_t end) const {
    return j + 1 < end && view_.has(j + 1, is_cap) && person_lexicon().is_first_name(view_.text(j));
  }

  // The end of a name spelled out before its acronym in parentheses, when the acronym's letters
  // are the initials of the words from token i (small words left out); i when there is none.
  std::uint32_t name_before_acronym(std::uint32_t i, std::uint32_t end) const noexcept {
    for (std::uint32_t open = i + 1; open + 2 < end && open <= i + 8; ++open) {
      if (view_.text(open) != "(") {
        if (!view_.has(open, is_word)) return i;
        continue;
      }
      if (!view_.has(open + 1, is_caps) || !closes_acronym(view_.text(open + 2))) return i;
      const std::string_view letters = view_.key(open + 1);
      std::size_t k = 0;
      for (std::uint32_t w = i; w < open; ++w) {
        const std::string_view key = view_.key(w);
        if (is_small_word(key)) continue;
        if (k >= letters.size() || key.front() != letters[k]) return i;
        ++k;
      }
      return k == letters.size() ? open : i;
    }
    return i;
  }

  // The end of a name spelled out in parentheses after its acronym ("le PNF (parquet national
  // financier)"), when its initials are the acronym's letters; i when there is none.
  std::uint32_t name_after_acronym(std::uint32_t i, std::uint32_t end) const noexcept {
    if (i < 2 || view_.text(i - 1) != "(" || !view_.has(i - 2, is_caps)) return i;
    const std::string_view letters = view_.key(i - 2);
    std::size_t k = 0;
    for (std::uint32_t w = i; w < end && w <= i + 10; ++w) {
      if (view_.text(w) == ")") return k == letters.size() ? w : i;
      if (!view_.has(w, is_word)) return i;
      const std::string_view key = view_.key(w);
      if (is_small_word(key)) continue;
      if (k >= letters.size() || key.front() != letters[k]) return i;
      ++k;
    }
    return i;
  }

  // The longest name the text's shape gives from token i: capitalised words, with particles
  // inside people's names, and an organisation's head with its adjectives and complement.
  struct Shape {
    std::uint32_t end = 0;
    EntityType type = EntityType::misc;
    bool typed = false;  // the shape says the type
  };

  Shape shape_at(std::uint32_t i, std::uint32_t end) const {
    Shape shape{i, EntityType::misc, false};
    const std::uint16_t head = view_.cues(i);
    const bool lower_head = !view_.has(i, is_cap) && (head & (detail::cue_place_head | detail::cue_institution_head));
    if (!view_.has(i, is_cap) && !lower_head) return shape;
    if (view_.has(i, in_title)) return shape;
    std::uint32_t j = i + 1;
    if (lower_head || (head & (detail::cue_org_head | detail::cue_misc_head))) {
      // "Rassemblement des travailleurs unis (RTU)": the acronym says where the name ends.
      std::uint32_t defined = name_before_acronym(i, end);
      if (defined == i) defined = name_after_acronym(i, end);
      if (defined > i) {
        return {defined, (head & detail::cue_misc_head) ? EntityType::misc : EntityType::organization, true};
      }
      // "Parti communiste de Cuba", "Agence spatiale européenne", "tribunal administratif de Lyon"
      std::uint32_t adjectives = 0;
      while (j < end && view_.has(j, is_word) && !view_.has(j, is_cap) && adjectives < 3 &&
             looks_adjective(view_.key(j))) {
        ++j;
        ++adjectives;
      }
      // "cour d'appel de Paris", "tribunal de grande instance de Lyon": a common-noun complement
      // inside an institution's name, when a proper name's complement follows it.
      if (j < end && is_de(view_.key(j)) && !(head & detail::cue_place_head)) {
        std::uint32_t m = j + 1;
        while (m < end && m <= j + 2 && view_.has(m, is_word) && !view_.has(m, is_cap) &&
               !(view_.cues(m) & detail::cue_stop)) {
          ++m;
        }
        if (m > j + 1 && m + 1 < end && is_de(view_.key(m)) && view_.has(m + 1, is_cap)) j = m;
      }
      std::uint32_t k = j;
      if (k < end && is_de(view_.key(k))) {
        ++k;
        if (k < end && (view_.key(k) == "la" || view_.key(k) == "l'")) ++k;
      }
      const bool complement = k > j && k < end && view_.has(k, is_cap) && !(view_.cues(k) & detail::cue_stop);
      // "Bureau politique du Parti communiste": the body inside the party is the party's.
      if (complement && !lower_head && (view_.cues(k) & detail::cue_org_head)) return shape;
      if (lower_head && !complement && !(k == j && j < end && view_.has(j, is_cap))) return shape;
      if (complement || (k == j && j < end && view_.has(j, is_cap) && lower_head)) {
        j = k;
        // "le conseil de Bâle-Campagne Rudolf Keller": a person's name ends the complement.
        while (j < end && view_.has(j, is_cap) && !(view_.cues(j) & detail::cue_stop) &&
               !(j > k && starts_person_name(j, end))) {
          ++j;
        }
      } else if (!lower_head) {
        while (j < end && view_.has(j, is_cap) && !(view_.cues(j) & detail::cue_stop) && adjectives == 0) ++j;
      }
      shape.end = j;
      shape.typed = true;
      shape.type = (head & detail::cue_place_head)   ? EntityType::location
                   : (head & detail::cue_misc_head) ? EntityType::misc
                                                    : EntityType::organization;
      return shape;
    }
    // Capitalised words, "Le"/"La" inside ("Marine Le Pen", "à La Haye"), particles before a
    // capital in people's names.
    std::uint32_t word_end = i + 1;
    while (word_end < end && view_.has(word_end, is_glued)) ++word_end;
    bool first_name = person_lexicon().is_first_name(view_.key(i, word_end));
    // "A. Piguet", "J.-L. Dumas", "John F. Kennedy": initials belong to the name that follows.
    const auto skip_initials = [&](std::uint32_t k) {
      while (k + 2 < end && view_.is_initial_at(k)) {
        k += 2;
        if (k + 1 < end && view_.text(k) == "-" && !view_.space_before(k) && view_.is_initial_at(k + 1)) ++k;
      }
      return k;
    };
    if (view_.is_initial_at(i)) {
      const std::uint32_t after = skip_initials(i);
      if (after == i || after >= end || !view_.has(after, is_cap) || !view_.has(after, is_word)) return shape;
      j = after + 1;
      first_name = true;
    }
    // A name of more words is a list or a heading in capitals: bounding it keeps the work linear.
    constexpr std::uint32_t longest_name = 12;
    const std::uint32_t stop = std::min(end, i + longest_name);
    while (j < stop) {
      if (view_.has(j, is_glued)) {
        ++j;
        continue;
      }
      if (first_name && view_.is_initial_at(j)) {
        const std::uint32_t after = skip_initials(j);
        if (after < end && view_.has(after, is_cap) && view_.has(after, is_word)) {
          j = after + 1;
          continue;
        }
      }
      if (view_.has(j, is_cap) && view_.has(j, is_word) && !view_.has(j, is_elision) &&
          !(view_.cues(j) & (detail::cue_stop | detail::cue_common_capital)) &&
          !person_lexicon().honorific(view_.text(j))) {
        if (person_lexicon().demonym_of_key(view_.key(j)) && !first_name) break;
        ++j;
        continue;
      }
      if (view_.has(j, is_cap) && (view_.key(j) == "le" || view_.key(j) == "la") && j + 1 < end &&
          view_.has(j + 1, is_cap)) {
        j += 2;
        continue;
      }
      if (first_name && j + 1 < end && is_name_particle(view_.key(j)) && view_.has(j + 1, is_cap) &&
          view_.has(j + 1, is_word)) {
        j += 2;
        continue;
      }
      if (view_.kind(j) == TokenKind::number && j > i && view_.space_before(j) && has_digit(view_.text(j)) &&
          (view_.cues(i) & detail::cue_misc_head)) {
        ++j;
        continue;
      }
      break;
    }
    shape.end = j;
    if (first_name && j > i + 1) {
      shape.typed = true;
      shape.type = EntityType::person;
    }
    return shape;
  }

  // A mention starting at token i (or at the token after an elision); returns its end, or i.
  std::uint32_t try_mention(std::uint32_t i) {
    const std::uint32_t end = view_.sentence_end(i);
    std::uint32_t start = i;
    // "M. de Villepin": after an honorific, the particle opens the name.
    if (pending_.honorific && pending_.from == i && is_name_particle(view_.key(i)) && i + 1 < end &&
        view_.has(i + 1, is_cap) && !view_.has(i, is_cap)) {
      const std::uint32_t name_end = try_mention(i + 1);
      if (name_end > i + 1 && !found_.empty() && found_.back().begin == i + 1) found_.back().begin = i;
      return std::max(name_end, i + 1);
    }
    // "l'OTAN", "d'Orange": the elision stays out, unless a capital says it belongs to the name
    // ("Selon L'Équipe", below).
    const bool elision = view_.has(i, is_elision);
    if (elision) {
      if (i + 1 >= end || !view_.has(i + 1, is_cap)) return i;
      start = i + 1;
    }
    const std::uint16_t cues = view_.cues(start);
    const bool initial = view_.has(start, is_initial);
    const bool capital = view_.has(start, is_cap);
    const bool lower_head = !capital && (cues & (detail::cue_place_head | detail::cue_institution_head));
    if (!capital && !lower_head) return i;

    auto [kb_end, entries] = kb_match(start, end);
    Shape shape = shape_at(start, end);
    // "la députée LFI Mathilde Panot", "le patron de Renault Luca de Meo": a known name, then a
    // person's first name, are two names.
    if (kb_end > start && kb_end < shape.end && !(shape.typed && shape.type != EntityType::person) &&
        person_lexicon().is_first_name(view_.text(kb_end))) {
      shape.end = kb_end;
      shape.typed = false;
    }
    if ((cues & detail::cue_stop) && capital && !view_.is_initial_at(start)) {
      // "Le", "Selon", "Dans": a name only when a longer known name starts with it ("La Haye").
      if (kb_end < start + 2) kb_end = start, entries = {};
      // An article with a capital in mid-sentence may open a name the knowledge base lacks
      // ("à La Haye", "Marine Le Pen").
      const std::string_view key = view_.key(start);
      const bool article_in_name = !initial && (key == "le" || key == "la" || key == "les") && shape.end >= start + 2;
      if (!article_in_name) shape.end = start;
      if (kb_end == start && shape.end == start) return i + 1;
    }
    if ((cues & detail::cue_common_capital) && kb_end == start && shape.end <= start + 1) return i + 1;
    // "les Français", "des Parisiens": people, not places.
    if (capital && kb_end == start && shape.end <= start + 1 && person_lexicon().demonym_of_key(view_.key(start))) return i + 1;
    if (kb_end == start && shape.end == start) return i;
    // A lone capital letter is an initial or a list mark, never a name by itself.
    if (kb_end == start && shape.end == start + 1 && first_code_point(view_.text(start)).second == view_.text(start).size()) {
      return i + 1;
    }

    const bool cued = pending_.from <= i;
    const bool known = kb_end >= shape.end && kb_end > start;
    if (!known && !shape.typed && !(cued && (pending_.person || pending_.org)) && looks_common(start, shape.end)) {
      return shape.end;
    }

    Candidate c;
    // A name right before another ("la députée LFI Mathilde Panot") leaves the title to the next.
    const std::uint32_t name_end = std::max(kb_end, shape.end);
    const bool name_follows = name_end < end && view_.has(name_end, is_cap) && view_.has(name_end, is_word) &&
                              person_lexicon().is_first_name(view_.text(name_end));
    const bool pass_on = cued && pending_.person && name_follows;
    c.person_cue = cued && pending_.person && !pass_on;
    c.org_cue = cued && pending_.org;
    c.loc_cue = cued && pending_.loc;
    c.gender = c.person_cue ? pending_.gender : Gender::unknown;
    const bool role_complement = cued && pending_.role_complement;
    // After "le président de", the name is where the person works, not the person.
    const bool complement = role_complement && is_de_before(i);
    if (complement) {
      c.person_cue = false;
      c.gender = Gender::unknown;
      c.role_complement = true;
      c.loc_cue = c.loc_cue || pending_.role_of_place;
    }

    if (kb_end >= shape.end && kb_end > start) {
      c.begin = start;
      c.end = kb_end;
      c.entries = entries;
      c.type = kb_.entity(entries.front()).type;
    } else {
      c.begin = start;
      c.end = shape.end;
      // "Vladimir Poutine" where the knowledge base knows "Poutine" as "Vladimir Vladimirovitch
      // Poutine": the person it names, if the first name is in the entry's label.
      if (shape.typed && shape.type == EntityType::person && shape.end > start + 1) {
        const auto tail = kb_.lookup(view_.key(start + 1, shape.end));
        if (!tail.empty() && kb_.entity(tail.front()).type == EntityType::person &&
            has_word(fold_key(kb_.entity(tail.front()).label), view_.key(start))) {
          c.entries = tail.subspan(0, 1);
        }
      }
      c.type = shape.type;
      c.typed_by_text = shape.typed;
      if (!shape.typed) {
        c.type = guess_type(c, start, kb_end > start ? kb_.entity(entries.front()).type : EntityType::misc);
        // A lone capitalised word opening a sentence: kept only if the document confirms it
        // (another mention, an apposition: "Lemaire, 54 ans, ...").
        c.tentative = initial && shape.end == start + 1 && !view_.has(start, is_caps) &&
                      !has_person_apposition(shape.end);
      }
    }
    // "L'Équipe", "L'Express": a capital elision in mid-sentence belongs to the name, unless the
    // name is an institution's ("L'Assemblée fédérale") or the entry is known without it.
    if (elision && view_.has(i, is_cap) && !view_.has(i, is_initial) && elision_in_name(c)) c.begin = i;
    if (c.type == EntityType::person && c.gender == Gender::unknown) {
      c.gender = person_lexicon().first_name_gender(view_.text(c.begin));
    }
    // The person may still follow the complement: "la présidente du groupe X, Rachida Dati".
    if (!complement && !pass_on && !(pending_.plural && cued)) pending_ = {};
    found_.push_back(c);
    return c.end;
  }

  // Capitals that make no name: a heading in capitals ("VIE POLITIQUE", "CHRONIQUE"), a common
  // noun written with a capital ("la Révolution", "l'Administration") that the text also
  // writes in lower case or whose ending only common nouns have.
  bool looks_common(std::uint32_t begin, std::uint32_t end) const noexcept {
    bool all_caps = true;
    std::size_t letters = 0;
    for (std::uint32_t i = begin; i < end; ++i) {
      if (!view_.has(i, is_word)) continue;
      if (!view_.has(i, is_caps)) all_caps = false;
      letters += view_.key(i).size();
    }
    if (all_caps) {
      const std::string_view word = view_.key(begin);
      // "II", "XIV": a number in Roman figures.
      if (end == begin + 1 && word.find_first_not_of("ivx") == std::string_view::npos) return true;
      const bool acronym_like = end == begin + 1 && (letters <= 5 || word.find('-') != std::string_view::npos);
      return !acronym_like && !has_digit(word);
    }
    if (end != begin + 1) return false;
    if (view_.written_in_lower_case(begin)) return true;
    static constexpr std::array<std::string_view, 8> endings = {"tion", "tions", "ment", "ments", "ite", "ites", "isme", "ismes"};
    const std::string_view key = view_.key(begin);
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return key.ends_with(e); });
  }

  bool elision_in_name(const Candidate& c) const {
    if (c.entries.empty()) {
      return !(view_.cues(c.begin) & (detail::cue_org_head | detail::cue_misc_head | detail::cue_common_capital));
    }
    for (const std::string_view name : kb_.names(c.entries.front())) {
      const std::string key = fold_key(name.substr(0, 3));
      if (key.starts_with("l'") || key.starts_with("d'")) return true;
    }
    return false;
  }

  bool is_de_before(std::uint32_t i) const noexcept {
    for (std::uint32_t back = 1; back <= 2 && back <= i; ++back) {
      const std::string_view key = view_.key(i - back);
      if (is_de(key)) return true;
      if (key != "la" && key != "l'") return false;
    }
    return false;
  }

  // "Durand, 45 ans,", "Durand, le maire de ...", "Durand, ancienne ministre": what follows the
  // comma after a name says it is a person's.
  bool has_person_apposition(std::uint32_t after) const {
    const std::uint32_t end = view_.sentence_end(after > 0 ? after - 1 : 0);
    if (after + 1 >= end || view_.text(after) != ",") return false;
    std::uint32_t k = after + 1;
    if (view_.kind(k) == TokenKind::number) return k + 1 < end && view_.key(k + 1) == "ans";
    const std::string_view key = view_.key(k);
    if (key == "le" || key == "la" || key == "l'" || key == "un" || key == "une" || key == "son" || key == "sa") ++k;
    return k < end && view_.has(k, is_word) && static_cast<bool>(person_lexicon().role_at(view_.doc(), k));
  }

  // The type of a name the text gives no clear sign of.
  EntityType guess_type(const Candidate& c, std::uint32_t start, EntityType known_part) const {
    const std::uint32_t words = c.end - start;
    if (c.person_cue || has_person_apposition(c.end)) return EntityType::person;
    if (c.org_cue) return EntityType::organization;
    if (known_part == EntityType::organization) return EntityType::organization;
    if (words == 1 && has_digit(view_.text(start))) return EntityType::misc;
    if (words == 1 && view_.has(start, is_caps)) return EntityType::organization;
    if (c.loc_cue) return EntityType::location;
    if (words >= 2 && !view_.has(start, is_caps)) return EntityType::person;
    if (c.role_complement) return c.loc_cue ? EntityType::location : EntityType::organization;
    if (start > 0 && is_de(view_.key(start - 1))) return EntityType::location;
    return EntityType::organization;
  }

  struct Pending {
    bool person = false, org = false, loc = false, role_complement = false, honorific = false;
    bool role_of_place = false;  // "le maire de", "l'ambassadeur de": a place follows
    bool plural = false;         // "MM. Dupont, Durand et Martin": the cue goes down the list
    Gender gender = Gender::unknown;
    std::uint32_t from = ~0u;  // the first token the cue applies to; none when unset
  };

  const DocumentView& view_;
  const KnowledgeBase& kb_;
  std::uint32_t max_words_;
  Pending pending_;
  std::vector<Candidate> found_;
};

// ---------------------------------------------------------------------------------------------
// Choosing among the knowledge base's candidates

struct Choice {
  std::optional<EntityId> entry;
  EntityType type = EntityType::misc;
  float score = 0;
};

float type_fit(const Candidate& c, EntityType type) noexcept {
  float fit = 0;
  if (c.person_cue) fit += type == EntityType::person ? 0.5f : -0.6f;
  if (c.org_cue) fit += type == EntityType::organization ? 0.5f : -0.4f;
  if (c.loc_cue) fit += type == EntityType::location ? 0.3f : (type == EntityType::person ? -0.3f : 0.0f);
  if (c.typed_by_text) fit += type == c.type ? 0.3f : -0.3f;
  return fit;
}

// The entry whose prior and type fit best; none when the cues rule every entry out.
Choice choose(const Candidate& c, std::string_view key, const KnowledgeBase& kb,
              std::span<const EntityType> document_types, std::span<const std::string_view> document_places) {
  Choice best;
  float best_score = -1;
  for (std::size_t k = 0; k < c.entries.size() && k < 16; ++k) {
    const Entity entity = kb.entity(c.entries[k]);
    float score = entity.prior + type_fit(c, entity.type);
    // The entry the name is the label of comes before those it is only an alias of:
    // "Bruxelles" is the city before it is the Commission.
    if (fold_key(entity.label) == key) score += 0.25f;
    // Coherence: a type the document already uses for other names weighs a little.
    if (std::find(document_types.begin(), document_types.end(), entity.type) != document_types.end()) score += 0.05f;
    // An entry described as being in a place the text names ("Valence, ville d'Espagne" in a
    // text about Spain).
    if (c.entries.size() > 1 && std::any_of(document_places.begin(), document_places.end(), [&](std::string_view place) {
          return entity.description.find(place) != std::string_view::npos;
        })) {
      score += 0.2f;
    }
    if (score > best_score) {
      best_score = score;
      best = {c.entries[k], entity.type, 0};
    }
  }
  if (!best.entry || best_score < 0.05f) return {std::nullopt, c.type, 0.4f};
  best.score = std::clamp(0.5f + 0.5f * best_score, 0.0f, 1.0f);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Chains

struct Mention {
  Candidate c;
  Choice choice;
  std::uint32_t chain = ~0u;
};

struct Chain {
  std::optional<EntityId> entry;
  EntityType type = EntityType::misc;
  Gender gender = Gender::unknown;
  std::uint32_t fullest = 0;  // the mention with the most tokens
  std::uint32_t first = 0;
  bool typed = false;
};

class ChainBuilder {
 public:
  ChainBuilder(const DocumentView& view, std::vector<Mention>& mentions) : view_(view), mentions_(mentions) {}

  std::vector<Chain> build() {
    // Full names first, so that a surname met before its full name still finds it.
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      if (!is_full_name(m)) continue;
      assign(m, own_chain(m));
      const Candidate& c = mentions_[m].c;
      // The last words of a full name may stand for it ("Lopez Miera", "Choïgou"); no more than
      // four, so that the index stays linear in the text.
      constexpr std::uint32_t longest_tail = 4;
      for (std::uint32_t from = std::max(c.begin + 1, c.end > longest_tail ? c.end - longest_tail : 0); from < c.end;
           ++from) {
        if (view_.has(from, is_word)) tails_[view_.key(from, c.end)].push_back(m);
      }
    }
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      if (mentions_[m].chain == ~0u) assign(m, find_chain(m));
    }
    return std::move(chains_);
  }

 private:
  [[nodiscard]] std::uint32_t words(std::uint32_t m) const noexcept {
    std::uint32_t count = 0;
    for (std::uint32_t i = mentions_[m].c.begin; i < mentions_[m].c.end; ++i) count += view_.has(i, is_word) ? 1u : 0u;
    return count;
  }

  [[nodiscard]] bool is_full_name(std::uint32_t m) const noexcept {
    const Mention& mention = mentions_[m];
    return mention.choice.type == EntityType::person && words(m) >= 2 && !mention.c.tentative;
  }

  // The initials of a name of several words, small words left out: "pcc" for "Parti communiste
  // cubain". Empty when the name has fewer than two words.
  [[nodiscard]] std::string initials(const Candidate& c) const {
    std::string letters;
    for (std::uint32_t i = c.begin; i < c.end; ++i) {
      if (!view_.has(i, is_word) || is_small_word(view_.key(i))) continue;
      letters += view_.key(i).front();
    }
    return letters.size() >= 2 ? letters : std::string();
  }

  // "le Parti socialiste (PS)": the acronym in parentheses right after the name.
  [[nodiscard]] bool defines_acronym(std::uint32_t name, std::uint32_t acronym) const noexcept {
    const Candidate& a = mentions_[acronym].c;
    const Candidate& n = mentions_[name].c;
    return a.end == a.begin + 1 && view_.has(a.begin, is_caps) && a.begin == n.end + 1 &&
           view_.text(n.end) == "(" && a.end < view_.size() && closes_acronym(view_.text(a.end));
  }

  [[nodiscard]] bool spells_out(std::uint32_t acronym, std::uint32_t name) const {
    const Candidate& a = mentions_[acronym].c;
    const Candidate& n = mentions_[name].c;
    return a.end == a.begin + 1 && view_.has(a.begin, is_caps) && n.begin == a.end + 1 && view_.text(a.end) == "(" &&
           initials(n) == view_.key(a.begin);
  }

  std::uint32_t own_chain(std::uint32_t m) {
    const Mention& mention = mentions_[m];
    const auto next = static_cast<std::uint32_t>(chains_.size());
    std::uint32_t chain = next;
    if (mention.choice.entry) {
      chain = by_entry_.try_emplace(*mention.choice.entry, next).first->second;
    } else {
      chain = by_name_.try_emplace(view_.key(mention.c.begin, mention.c.end), next).first->second;
    }
    if (chain == next) {
      chains_.push_back({mention.choice.entry, mention.choice.type, Gender::unknown, m, m, mention.c.typed_by_text});
    }
    return chain;
  }

  std::uint32_t find_chain(std::uint32_t m) {
    const Mention& mention = mentions_[m];
    const std::string_view key = view_.key(mention.c.begin, mention.c.end);
    const bool one_word = mention.c.end == mention.c.begin + 1;
    // A part of a person's full name met elsewhere in the text, the last one before if any.
    if (const auto tail = tails_.find(key); tail != tails_.end()) {
      const auto& wholes = tail->second;
      const auto after = std::lower_bound(wholes.begin(), wholes.end(), m);
      return mentions_[after == wholes.begin() ? wholes.front() : *(after - 1)].chain;
    }
    // "le PNF (parquet national financier)": the name spelt out after its acronym.
    if (m > 0 && !one_word && !mention.choice.entry && spells_out(m - 1, m)) return mentions_[m - 1].chain;
    if (m > 0 && defines_acronym(m - 1, m)) {
      acronyms_[key] = mentions_[m - 1].chain;
      return mentions_[m - 1].chain;
    }
    if (one_word) {
      if (const auto acronym = acronyms_.find(key); acronym != acronyms_.end()) return acronym->second;
      // An acronym of a name met before that the knowledge base does not know.
      if (!mention.choice.entry && view_.has(mention.c.begin, is_caps)) {
        if (const auto name = by_initials_.find(key); name != by_initials_.end()) return name->second;
      }
      // "la Commission" after "la Commission européenne".
      if (!mention.choice.entry && (view_.cues(mention.c.begin) & (detail::cue_org_head | detail::cue_misc_head))) {
        if (const auto head = by_head_.find(key); head != by_head_.end()) return head->second;
      }
    }
    return own_chain(m);
  }

  void assign(std::uint32_t m, std::uint32_t chain) {
    Mention& mention = mentions_[m];
    mention.chain = chain;
    Chain& c = chains_[chain];
    if (words(m) > words(c.fullest)) c.fullest = m;
    if (!c.typed && mention.c.typed_by_text && !c.entry) {
      c.type = mention.choice.type;
      c.typed = true;
    }
    if (c.gender == Gender::unknown) c.gender = mention.c.gender;
    if (mention.c.end > mention.c.begin + 1 && mention.choice.type != EntityType::person) {
      if (const std::string letters = initials(mention.c); !letters.empty()) by_initials_.try_emplace(letters, chain);
      by_head_.try_emplace(std::string(view_.key(mention.c.begin)), chain);
    }
  }

  const DocumentView& view_;
  std::vector<Mention>& mentions_;
  std::vector<Chain> chains_;
  std::unordered_map<EntityId, std::uint32_t> by_entry_;
  std::unordered_map<std::string_view, std::uint32_t> by_name_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> tails_;  // surname -> full names
  std::unordered_map<std::string_view, std::uint32_t> acronyms_;            // defined in the text
  detail::FoldedMap<std::uint32_t> by_initials_;
  detail::FoldedMap<std::uint32_t> by_head_;
};

// Whether a city's name stands for its football club here: football words in the sentence and
// in the rest of the text, and no "à" before it.
bool is_club_context(const DocumentView& view, const Candidate& c, std::uint32_t document_football_words) {
  if (document_football_words < 2 || c.loc_cue) return false;
  const std::uint32_t s = view.sentence(c.begin);
  for (std::uint32_t i = c.begin; i > 0 && view.sentence(i - 1) == s; --i) {
    if (is_football_word(view.key(i - 1))) return true;
  }
  for (std::uint32_t i = c.end; i < view.size() && view.sentence(i) == s; ++i) {
    if (is_football_word(view.key(i))) return true;
  }
  return false;
}

}  // namespace

EntityLinker::EntityLinker(const KnowledgeBase& kb, LinkerOptions options) : kb_(&kb), options_(options) {}

Entities EntityLinker::link(const Document& doc) const {
  Entities result;
  if (doc.tokens().empty()) return result;
  const DocumentView view(doc);
  std::vector<Candidate> candidates = MentionFinder(view, *kb_).run();

  if (options_.link_demonyms) {
    std::size_t next = 0;
    std::vector<Candidate> with_demonyms;
    for (std::uint32_t i = 0; i < view.size(); ++i) {
      while (next < candidates.size() && candidates[next].end <= i) with_demonyms.push_back(candidates[next++]);
      if (next < candidates.size() && candidates[next].begin <= i) continue;
      if (!view.has(i, is_word)) continue;
      const auto demonym = person_lexicon().demonym(view.text(i));
      if (!demonym || !demonym->country) continue;
      const auto entries = kb_->lookup(fold_key(demonym->place));
      if (entries.empty()) continue;
      Candidate c;
      c.begin = i;
      c.end = i + 1;
      c.entries = entries.subspan(0, 1);
      c.type = EntityType::location;
      c.typed_by_text = true;
      with_demonyms.push_back(c);
    }
    while (next < candidates.size()) with_demonyms.push_back(candidates[next++]);
    candidates = std::move(with_demonyms);
  }

  std::uint32_t football_words = 0;
  for (std::uint32_t i = 0; i < view.size(); ++i) football_words += is_football_word(view.key(i)) ? 1u : 0u;

  // What the unambiguous names say about the document, to choose among the others' entries.
  std::vector<EntityType> document_types;
  std::vector<std::string_view> document_places;
  std::unordered_set<EntityId> seen;
  for (const Candidate& c : candidates) {
    if (c.entries.size() != 1 || !seen.insert(c.entries.front()).second) continue;
    const Entity entity = kb_->entity(c.entries.front());
    if (std::find(document_types.begin(), document_types.end(), entity.type) == document_types.end()) {
      document_types.push_back(entity.type);
    }
    // The first places are enough to tell what the text is about, and keep this linear.
    if (entity.type == EntityType::location && entity.label.size() >= 4 && document_places.size() < 32) {
      document_places.push_back(entity.label);
    }
  }

  std::vector<Mention> mentions;
  mentions.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    Mention m{c, {std::nullopt, c.type, c.typed_by_text ? 0.7f : 0.5f}};
    if (!c.entries.empty()) m.choice = choose(c, view.key(c.begin, c.end), *kb_, document_types, document_places);
    if (m.choice.entry && m.choice.score < options_.min_score) m.choice = {std::nullopt, m.choice.type, m.choice.score};
    if (m.choice.type == EntityType::location && is_club_context(view, c, football_words)) {
      m.choice = {std::nullopt, EntityType::organization, 0.5f};
      m.c.typed_by_text = true;
      m.c.type = EntityType::organization;
      m.c.club = true;
    }
    mentions.push_back(m);
  }

  std::vector<Chain> chains = ChainBuilder(view, mentions).build();

  // A city standing for its club joins the club's chain when the text names it in full
  // ("Olympique lyonnais" ... "Lyon").
  std::unordered_map<std::string, std::uint32_t> club_by_city;  // "lyon" -> "Olympique lyonnais"
  for (std::uint32_t k = 0; k < chains.size(); ++k) {
    const Candidate& full = mentions[chains[k].fullest].c;
    if (chains[k].type != EntityType::organization || full.end == full.begin + 1) continue;
    for (std::uint32_t i = full.begin; i < full.end; ++i) {
      const auto demonym = person_lexicon().demonym(view.text(i));
      club_by_city.try_emplace(demonym ? fold_key(demonym->place) : std::string(view.key(i)), k);
    }
  }
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    Mention& mention = mentions[m];
    if (!mention.c.club || chains[mention.chain].first != m) {
      continue;
    }
    const auto club = club_by_city.find(std::string(view.key(mention.c.begin)));
    if (club != club_by_city.end() && club->second != mention.chain) mention.chain = club->second;
  }

  // Keep what the document confirms, number chains in text order.
  std::vector<std::uint32_t> members(chains.size(), 0);
  for (const Mention& m : mentions) ++members[m.chain];
  std::vector<std::uint32_t> renumber(chains.size(), ~0u);
  for (const Mention& m : mentions) {
    const Chain& chain = chains[m.chain];
    if (m.c.tentative && !chain.entry && members[m.chain] < 2) continue;
    if (renumber[m.chain] == ~0u) {
      renumber[m.chain] = static_cast<std::uint32_t>(result.chains.size());
      EntityChain out;
      out.type = chain.type;
      out.entry = chain.entry;
      if (chain.entry) {
        const Entity entity = kb_->entity(*chain.entry);
        out.type = entity.type;
        out.wikidata_id = std::string(entity.wikidata_id);
        out.wiki_title = std::string(entity.wiki_title);
        out.name = std::string(entity.label);
      }
      const Candidate& fullest = mentions[chain.fullest].c;
      // The canonical text: clean of the original's entities and mojibake.
      const std::string_view written = doc.text(view.span(fullest.begin, fullest.end));
      // People keep the document's fullest form when it says at least as much as the label
      // ("Viktor Orban" for "Viktor Orbán"), so that the name reads as the text wrote it.
      const auto word_count = [](std::string_view name) {
        return static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
      };
      if (!chain.entry || (out.type == EntityType::person && word_count(written) >= word_count(out.name))) {
        out.name = std::string(written);
      }
      if (out.type == EntityType::person) out.gender = chain.gender;
      result.chains.push_back(std::move(out));
    }
    EntityMention out;
    out.span = doc.to_original(view.span(m.c.begin, m.c.end));
    out.first_token = m.c.begin;
    out.end_token = m.c.end;
    out.chain = renumber[m.chain];
    out.type = result.chains[out.chain].type;
    out.score = m.choice.score;
    result.mentions.push_back(out);
  }
  return result;
}

}  // namespace frnews
