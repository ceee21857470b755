#include "entities/mention_finder.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_set>

#include "entities/name_shape.hpp"
#include "entities/typing_rules.hpp"

namespace frnews::detail::linking {
namespace {

// Capitals that open a word or follow an apostrophe: 2 in "Val-d'Oise", 2 in "L'Équipe".
std::uint32_t word_capitals(std::string_view name) noexcept {
  std::uint32_t caps = 0;
  bool word_start = true;
  for (std::size_t p = 0; p < name.size();) {
    const Decoded c = decode(name, p);
    if (word_start && is_upper(c.code)) ++caps;
    word_start = c.code == ' ' || c.code == '\'' || c.code == 0x2019;
    p += c.size;
  }
  return caps;
}

// Left to right: titles and honorifics are noted as cues and skipped, then at each token that
// can start a name the longest knowledge-base name is compared with the longest name the
// text's shape gives; the longer one wins.
class MentionFinder {
 public:
  MentionFinder(const DocumentView& view, const KnowledgeBase& kb, std::pmr::memory_resource* memory)
      : view_(view),
        kb_(kb),
        shapes_(view),
        max_words_(std::max<std::uint32_t>(kb.max_name_words(), 1)),
        found_(memory),
        common_acronyms_(memory),
        name_ends_(memory) {}

  std::pmr::vector<Candidate> run() {
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
      // Tested first: most tokens have no cue to end, and their text need not be read.
      if (cue_applies(i) && (view_.kind(i) != TokenKind::punctuation || view_.text(i) != ",")) pending_ = {};
      return i + 1;
    }
    if (const auto honorific = view_.honorific(i)) {
      // "M." may come as "M" and "."
      std::uint32_t next = i + 1;
      if (next < view_.size() && view_.text(next) == "." && !view_.space_before(next)) ++next;
      const bool particle = next + 1 < view_.size() && view_.is(next, word_name_particle) && view_.has(next + 1, is_cap);
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
    if (const auto role = view_.role_at(i)) {
      return after_role(i, role);
    }
    if (view_.is(i, word_ministry)) {
      const std::uint32_t after = skip_portfolio(i + 1, view_.sentence_end(i));
      if (after > i + 1) return after;
    }
    if (const std::uint32_t end = try_mention(i); end > i) return end;
    const std::uint32_t cues = view_.kinds(i);
    if (cues & cue_org) {
      pending_ = {};
      pending_.org = true;
      pending_.from = i + 1;
    } else if ((cues & cue_loc) && !opens_portfolio(i)) {
      pending_ = {};
      pending_.loc = true;
      pending_.from = i + 1;
    } else if ((pending_.plural && view_.is(i, Grammar::and_conjunction)) || (pending_.list && view_.is(i, Grammar::list_conjunction))) {
      // the list goes on
    } else if (cue_applies(i) && !view_.is(i, Grammar::de_forms) && !view_.is(i, Grammar::feminine_article) &&
               !view_.looks_adjective(i)) {
      pending_ = {};  // tested first: without a cue to end, the word is not asked about
    }
    return i + 1;
  }

  // "au Hudson Institute", "au Fonds monétaire international": after the article, an
  // organisation's head or two capitalised words that open no person's name.
  bool names_organisation(std::uint32_t k, std::uint32_t end) const noexcept {
    if (k < end && view_.is(k, Grammar::feminine_article)) ++k;
    if (k >= end) return false;
    if (view_.is(k, cue_org_head)) return true;
    if (view_.has(k, is_cap) && kb_match(k, end).end > k) return true;  // "à la Maison Blanche"
    return view_.has(k, is_cap) && k + 1 < end && view_.has(k + 1, is_cap) && view_.has(k + 1, is_word) &&
           !view_.is_first_name(k + 1);
  }

  // "le commissaire aux affaires économiques": "à" right after a title opens a portfolio, no
  // place.
  bool opens_portfolio(std::uint32_t i) const noexcept {
    return pending_.role_complement && pending_.from == i && !pending_.role_of_place && view_.is_to(i);
  }

  // Whether a cue met before applies to token i (and so may end there).
  [[nodiscard]] bool cue_applies(std::uint32_t i) const noexcept { return pending_.from <= i; }

  // A title: a person's name may follow ("le chancelier allemand Friedrich Merz", "la ministre
  // de la Culture, Rachida Dati"); the portfolio of a minister is no entity.
  std::uint32_t after_role(std::uint32_t i, RoleMatch role) {
    std::uint32_t j = i + role.tokens;
    const std::uint32_t end = view_.sentence_end(i);
    const EntityLexicon& lexicon = view_.lexicon();
    const bool minister = lexicon.has_portfolio(view_.key(i)) || lexicon.has_portfolio(view_.key(i + role.tokens - 1));
    while (j < end && view_.has(j, is_word) && !view_.has(j, is_cap) && view_.looks_adjective(j)) ++j;
    const bool place_title = lexicon.holds_a_place(view_.key(i + role.tokens - 1));
    // "le secrétaire au Trésor", "la commissaire à l'Énergie": "à" after a title opens its
    // portfolio, unless the title holds a place ("l'ambassadeur à Paris") or an organisation
    // follows ("l'économiste au Hudson Institute").
    if (minister || (j < end && view_.is_to(j) && !place_title && !names_organisation(j + 1, end))) {
      j = skip_portfolio(j, end);
    }
    pending_ = {};
    pending_.person = true;
    pending_.gender = role.gender;
    // "le général de Castelnau": after a rank or a title of nobility, "de" opens the name.
    // Not after a noun it qualifies: "le quartier général de Vérone".
    pending_.particle = lexicon.takes_particle(view_.key(i)) && !(i > 0 && view_.is(i - 1, word_common_noun)) &&
                        j + 1 < end && view_.is(j, word_name_particle) && view_.has(j + 1, is_cap) &&
                        !view_.has(j + 1, is_caps);
    pending_.role_complement = !pending_.particle;
    pending_.role_of_place = place_title;
    pending_.from = j;
    return j;
  }

  // "de la Transition écologique", "des Affaires étrangères et de l'Europe": the portfolio of a
  // minister or a ministry names no entity. Returns the token after it, or j.
  std::uint32_t skip_portfolio(std::uint32_t j, std::uint32_t end) const noexcept {
    if (j >= end || !(view_.is(j, Grammar::de_forms) || view_.is_to(j))) return j;
    std::uint32_t k = j;
    while (k < end && view_.has(k, is_word)) {
      // "le ministre à New York": "à" and a capital, without an article, is where, not what.
      if (is_written_a(view_.text(k)) && k + 1 < end && view_.has(k + 1, is_cap)) break;
      if (view_.is(k, Grammar::de_forms) || view_.is_to(k) || view_.is(k, Grammar::feminine_article) ||
          view_.is(k, Grammar::and_conjunction)) {
        ++k;
        continue;
      }
      // "l'ancien ministre de l'Intérieur Gérald Darmanin": the person's first name ends it.
      if (view_.has(k, is_cap) && view_.is_first_name(k) && k + 1 < end &&
          view_.has(k + 1, is_cap)) {
        break;
      }
      if (view_.has(k, is_cap) || (k > j && view_.looks_adjective(k))) {
        ++k;
        j = k;
        continue;
      }
      break;
    }
    return j;
  }

  // The longest knowledge-base name starting at token i whose capitals agree with the text. After
  // a lower-case article or contraction, a name that starts with the article is tried too: "au
  // Parisien", "du Figaro", "la Poste", "au Havre" are "Le Parisien", "Le Figaro", "La Poste",
  // "Le Havre" (rule kb.name-after-article).
  struct KbMatch {
    std::uint32_t end;
    std::span<const EntityId> entries;
    std::string_view rule = "kb.longest-name";
  };
  KbMatch kb_match(std::uint32_t i, std::uint32_t end) const {
    KbMatch match = kb_match(i, end, {}, 0);
    if (match.end == i && i > 0 && view_.has(i - 1, is_word) && !view_.has(i - 1, is_cap) && !is_portfolio_like(i)) {
      const std::string_view before = view_.key(i - 1);
      if (const std::string_view article = view_.lexicon().article_in(before); !article.empty()) {
        match = kb_match(i, end, article, 1);
        match.rule = "kb.name-after-article";
      } else if (view_.is(i - 1, Grammar::de)) {
        // "le général de Gaulle": a name known with its particle takes it in.
        match = kb_match(i, end, before, 0);
        match.rule = "kb.name-with-particle";
      }
    }
    return match;
  }

  // "le département de la Défense", "le secrétaire à la Santé": a noun, then "de la" or "à la",
  // then a capital reads as a portfolio or a complement, not as "La Défense" or "la Santé".
  bool is_portfolio_like(std::uint32_t i) const noexcept {
    if (i < 3 || !view_.is(i - 1, Grammar::definite_article)) return false;
    if (!view_.is(i - 2, Grammar::de_forms) && !view_.is_to(i - 2)) return false;
    if (view_.is(i - 3, word_common_noun | word_ministry)) return true;
    // a title of one or more words ends right before the preposition: "secrétaire d'État à la"
    for (std::uint32_t k = i - 3, last = i >= 6 ? i - 6 : 0;; --k) {
      if (const RoleMatch role = view_.role_at(k); role && k + role.tokens == i - 2) return true;
      if (k == last) return false;
    }
  }

  // `prefix`: an article or a particle the text writes in lower case before token i, which the
  // name starts with; `prefix_caps`: its capitals in the name.
  KbMatch kb_match(std::uint32_t i, std::uint32_t end, std::string_view prefix, std::uint32_t prefix_caps) const {
    std::uint32_t best = i;
    std::span<const EntityId> entries;
    std::string key;
    // The folded words of tokens [i, j), after the prefix if any.
    const auto name_of = [&](std::uint32_t j) {
      std::string_view name = view_.key(i, j);
      if (prefix.empty()) return name;
      key.assign(prefix);
      if (prefix.back() != '\'') key += ' ';
      key += name;
      return std::string_view(key);
    };
    for (std::uint32_t j = i + 1; j <= end && j - i <= max_words_ + 2; ++j) {
      const TokenKind k = view_.kind(j - 1);
      if (k == TokenKind::quote_mark || (k == TokenKind::punctuation && view_.text(j - 1) != "." &&
                                         view_.text(j - 1) != "&")) {
        break;
      }
      // Past a space, the words read so far must open some name of several words.
      if (j > i + 1) {
        const std::string_view before = view_.key(i, j - 1);
        const std::string_view now = view_.key(i, j);
        if (now.size() > before.size() && now[before.size()] == ' ' && !kb_.may_continue(name_of(j - 1))) break;
      }
      // A name ends with a word or a number: no lookup for the runs that end otherwise.
      if (!view_.has(j - 1, is_word | is_glued) && view_.kind(j - 1) != TokenKind::number) continue;
      const std::string_view name = name_of(j);
      const auto found = kb_.lookup(name);
      if (!found.empty() && capitals_agree(i, j, found.front(), name, prefix_caps)) {
        best = j;
        entries = found;
      }
    }
    return {best, entries};
  }

  // Every capital of the entry's name is a capital in the text ("Le Monde" is not "Le monde"),
  // unless the text is in capitals. Both sides count the capitals that open a word or follow an
  // apostrophe, so "Val-d'Oise", one token, has the two capitals of its entry.
  // `prefix_caps` counts the capitals of an article the text writes in lower case before the name.
  bool capitals_agree(std::uint32_t begin, std::uint32_t end, EntityId id, std::string_view key,
                      std::uint32_t prefix_caps) const {
    std::uint32_t text_caps = prefix_caps;
    bool all_caps = true;
    for (std::uint32_t i = begin; i < end; ++i) {
      if (!view_.has(i, is_word)) continue;
      if (view_.has(i, is_cap)) text_caps += word_capitals(view_.text(i));
      if (!view_.has(i, is_caps)) all_caps = false;
    }
    if (all_caps && text_caps > 0) return true;
    std::uint32_t fewest = ~0u;
    for (const std::string_view name : kb_.names(id)) {
      folded_name_.clear();
      append_fold_key(folded_name_, name);
      if (folded_name_ == key) fewest = std::min(fewest, word_capitals(name));
    }
    if (fewest == ~0u) fewest = 1;  // found through an alias form the entry does not list
    // "le tribunal de commerce de Paris" names the "Tribunal de commerce de Paris": the head of
    // an institution or a place is written either way.
    const bool lower_head = !view_.has(begin, is_cap) &&
                            view_.is(begin, cue_place_head | cue_institution_head);
    // A name of four words or more is its own evidence: "l'Inspection générale de la police
    // nationale" is the entry written "de la Police nationale"; its first capital is enough.
    if (std::count(key.begin(), key.end(), ' ') >= 3) fewest = 1;
    return text_caps + (lower_head ? 1u : 0u) >= std::max<std::uint32_t>(fewest, 1);
  }

  // A mention starting at token i (or at the token after an elision); returns its end, or i.
  std::uint32_t try_mention(std::uint32_t i) {
    // Most words open no name: in lower case, no elision, no head, no particle after an honorific
    // or a rank.
    if (!view_.has(i, is_cap | is_elision) && !view_.is(i, cue_place_head | cue_institution_head) &&
        !pending_.honorific && !pending_.particle) {
      return i;
    }
    const std::uint32_t end = view_.sentence_end(i);
    std::uint32_t start = i;
    // "M. de Villepin", "le général de Castelnau": after an honorific or a rank, the particle
    // opens the name.
    if ((pending_.honorific || pending_.particle) && pending_.from == i && view_.is(i, word_name_particle) && i + 1 < end &&
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
    const std::uint32_t cues = view_.kinds(start);
    const bool initial = view_.has(start, is_initial);
    const bool capital = view_.has(start, is_cap);
    const bool lower_head = !capital && (cues & (cue_place_head | cue_institution_head));
    if (!capital && !lower_head) return i;

    auto [kb_end, entries, kb_rule] = kb_match(start, end);
    Shape shape = shapes_.at(start, end);
    // "la députée LFI Mathilde Panot", "le patron de Renault Luca de Meo": a known name, then a
    // person's first name, are two names.
    if (kb_end > start && kb_end < shape.end && !(shape.typed && shape.type != EntityType::person) &&
        view_.is_first_name(kb_end)) {
      shape.end = kb_end;
      shape.typed = false;
    }
    if ((cues & cue_stop) && capital && !view_.is_initial_at(start)) {
      // "Le", "Selon", "Dans": a name only when a longer known name starts with it ("La Haye").
      if (kb_end < start + 2) kb_end = start, entries = {};
      // An article with a capital in mid-sentence may open a name the knowledge base lacks
      // ("à La Haye", "Marine Le Pen").
      const bool article_in_name = !initial && view_.is(start, Grammar::definite_article) && shape.end >= start + 2;
      if (!article_in_name) shape.end = start;
      if (kb_end == start && shape.end == start) return i + 1;
    }
    if ((cues & cue_common_capital) && kb_end == start && shape.end <= start + 1) return i + 1;
    // "les Français", "des Parisiens": people, not places.
    if (capital && kb_end == start && shape.end <= start + 1 && view_.is(start, word_demonym)) return i + 1;
    if (kb_end == start && shape.end == start) return i;
    // An acronym of common words ("perturbateurs endocriniens (PE)"), there and after.
    if (view_.has(start, is_caps) && std::max(kb_end, shape.end) == start + 1) {
      if (shapes_.abbreviates_common_words(start)) common_acronyms_.emplace(view_.key(start));
      if (common_acronyms_.contains(view_.key(start))) return i + 1;
    }
    // A lone capital letter is an initial or a list mark, never a name by itself.
    if (kb_end == start && shape.end == start + 1 && is_one_character(view_.text(start))) {
      return i + 1;
    }

    const bool cued = pending_.from <= i;
    const bool known = kb_end >= shape.end && kb_end > start;
    if (!known && !shape.typed && !(cued && (pending_.person || pending_.org)) && looks_common(start, shape.end)) {
      return shape.end;
    }

    if (!known && !shape.typed && !cued && shape.end == start + 1 && is_common_noun(start)) return shape.end;

    Candidate c;
    // A name right before another ("la députée LFI Mathilde Panot") leaves the title to the next.
    const std::uint32_t name_end = std::max(kb_end, shape.end);
    const bool name_follows = name_end < end && view_.has(name_end, is_cap) && view_.has(name_end, is_word) &&
                              view_.is_first_name(name_end);
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
      c.rule = kb_rule;
      if (kb_rule == "kb.name-with-particle") c.begin = start - 1;
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
          c.rule = "kb.surname";
        }
      }
      c.type = shape.type;
      c.typed_by_text = shape.typed;
      if (c.rule.empty()) c.rule = shape.rule;
      if (!shape.typed) {
        const TypingRule& typing = guess_type(c, start, kb_end > start ? kb_.entity(entries.front()).type : EntityType::misc);
        c.type = typing.type;
        c.rule = typing.name;
        c.default_type = &typing == &default_typing_rule;
        // A lone capitalised word opening a sentence: kept only if the document confirms it
        // (another mention, an apposition: "Lemaire, 54 ans, ...", a list: "Claude et Laurent").
        c.tentative = initial && shape.end == start + 1 && !view_.has(start, is_caps) &&
                      !apposition_type(shape.end) && !list_goes_on(shape.end, end);
      }
    }
    // "la procureure, Marie-Thérèse de Givry": a person's name the cues typed goes on after a
    // particle, unless the word after it is a name the knowledge base knows ("Dupont de Lyon").
    if (c.type == EntityType::person && c.entries.empty()) {
      const std::uint32_t after = shapes_.after_particle(c.end, end);
      if (after > c.end && kb_.lookup(view_.key(after - 1)).empty()) c.end = after;
    }
    // "L'Équipe", "L'Express": a capital elision in mid-sentence belongs to the name, unless the
    // name is an institution's ("L'Assemblée fédérale") or the entry is known without it.
    if (elision && view_.has(i, is_cap) && !view_.has(i, is_initial) && elision_in_name(c)) c.begin = i;
    if (c.type == EntityType::person && c.gender == Gender::unknown) {
      c.gender = view_.word(c.begin).first_name_gender;
    }
    // The person may still follow the complement: "la présidente du groupe X, Rachida Dati"; a
    // place cue goes down a list of names ("à Sherbrooke, Orford et Stoke").
    const bool place_list = cued && pending_.loc && list_goes_on(c.end, end);
    if (!complement && !pass_on && !(pending_.plural && cued) && !place_list) pending_ = {};
    pending_.list = place_list;
    if (c.end > c.begin + 1) name_ends_.emplace(view_.key(c.end - 1));
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
    return view_.lexicon().has_common_noun_ending(view_.key(begin));
  }

  // Whether another name of a list follows token `after`: "et Stoke", "ou Stoke", ", Orford et
  // Stoke" (a comma alone may end a clause: "à Paris, Durand a dit" is no list). Looks a few
  // names ahead at most, so that a long run of names stays linear.
  bool list_goes_on(std::uint32_t after, std::uint32_t end) const noexcept {
    const auto joins = [&](std::uint32_t k) {
      return k + 1 < end && view_.is(k, Grammar::list_conjunction) && view_.has(k + 1, is_cap);
    };
    constexpr int names_ahead = 8;
    constexpr std::uint32_t longest_listed_name = 4;
    std::uint32_t k = after;
    for (int listed = 0; listed < names_ahead; ++listed) {
      if (joins(k)) return true;
      if (k >= end || view_.text(k) != ",") return false;
      const std::uint32_t name = ++k;
      while (k < end && k < name + longest_listed_name && view_.has(k, is_cap | is_glued)) ++k;
      if (k == name) return false;
    }
    return false;
  }

  // "la Vertu", "les Affaires": a capitalised word that is a common noun (common_nouns.tsv),
  // singular or plural, and nothing else: no first name, not the end of a name met before
  // ("Jean Berger ... Berger"), no apposition ("Berger, 54 ans,").
  bool is_common_noun(std::uint32_t k) const {
    if (view_.has(k, is_caps) || view_.is_first_name(k) || name_ends_.contains(view_.key(k))) return false;
    const std::string_view key = view_.key(k);
    const bool plural = key.size() > 3 && (key.back() == 's' || key.back() == 'x');
    const bool noun = view_.is(k, word_common_noun) ||
                      (plural && (view_.lexicon().word(key.substr(0, key.size() - 1)).kinds & word_common_noun));
    return noun && !apposition_type(k + 1);
  }

  bool elision_in_name(const Candidate& c) const {
    if (c.entries.empty()) {
      return !view_.is(c.begin, cue_org_head | cue_misc_head | cue_common_capital);
    }
    for (const std::string_view name : kb_.names(c.entries.front())) {
      const std::string key = fold_key(name.substr(0, 3));
      if (key.starts_with("l'") || key.starts_with("d'")) return true;
    }
    return false;
  }

  bool is_de_before(std::uint32_t i) const noexcept {
    for (std::uint32_t back = 1; back <= 2 && back <= i; ++back) {
      if (view_.is(i - back, Grammar::de_forms)) return true;
      if (!view_.is(i - back, Grammar::feminine_article)) return false;
    }
    return false;
  }

  // What follows the comma after a name says what it names: "Durand, 45 ans,", "Durand, le maire
  // de ...", "Durand, ancienne ministre" a person; "Murat, une commune de ..." a place;
  // "Arvalis, une société ..." an organisation. None when nothing after it says so.
  std::optional<EntityType> apposition_type(std::uint32_t after) const {
    const std::uint32_t end = view_.sentence_end(after > 0 ? after - 1 : 0);
    if (after + 1 >= end || view_.text(after) != ",") return std::nullopt;
    std::uint32_t k = after + 1;
    if (view_.kind(k) == TokenKind::number) {
      if (k + 1 < end && view_.is(k + 1, word_age)) return EntityType::person;
      return std::nullopt;
    }
    // "Coumba, elle, ne nie pas": a stressed pronoun in apposition.
    if (view_.is(k, Grammar::stressed_pronoun) && k + 1 < end && view_.text(k + 1) == ",") return EntityType::person;
    const bool determiner = view_.is(k, Grammar::singular_determiner);
    if (determiner) ++k;
    if (k >= end || !view_.has(k, is_word)) return std::nullopt;
    if (view_.role_at(k)) return EntityType::person;
    // A place or an organisation noun, after a determiner or before its complement ("Murat,
    // commune du Cantal"): a word that introduces a place is no preposition there.
    const bool noun = determiner || (k + 1 < end && view_.is(k + 1, Grammar::de_forms));
    if (noun && !view_.has(k, is_cap) && view_.is(k, cue_loc)) return EntityType::location;
    if (noun && !view_.has(k, is_cap) && view_.is(k, cue_org)) return EntityType::organization;
    return std::nullopt;
  }

  // The type of a name the text gives no clear sign of (typing_rules.hpp).
  const TypingRule& guess_type(const Candidate& c, std::uint32_t start, EntityType known_part) const {
    TypingFacts facts;
    facts.honorific_cue = c.person_cue && pending_.honorific;
    facts.title_cue = c.person_cue && !pending_.honorific;
    const std::optional<EntityType> apposition = apposition_type(c.end);
    facts.apposition = apposition == EntityType::person;
    facts.place_apposition = apposition == EntityType::location;
    facts.org_apposition = apposition == EntityType::organization;
    facts.org_cue = c.org_cue;
    facts.known_org_part = known_part == EntityType::organization;
    facts.one_word = c.end == start + 1;
    facts.has_digit = has_digit(view_.text(start));
    facts.in_capitals = view_.has(start, is_caps);
    // "Nouveau Centre": an organisation's head ends it as well as a form does, unless an article
    // opens it ("Le Conseil").
    facts.org_form = view_.is(c.end - 1, word_org_form) ||
                     (view_.is(c.end - 1, cue_org_head) && !view_.is(start, cue_stop));
    // "Bank of America": a form before an English connector does as well.
    for (std::uint32_t k = start + 1; k + 1 < c.end && !facts.org_form; ++k) {
      facts.org_form = view_.is(k, word_name_connector) && view_.is(k - 1, word_org_form | cue_org_head);
    }
    facts.event_form = view_.is(c.end - 1, word_event_form);
    facts.first_name = facts.one_word && view_.is_first_name(start);
    facts.place_cue = c.loc_cue;
    facts.title_complement = c.role_complement;
    // "originaire de Trifouillis"; not "du Trésor", "des Ehpad", where the article says a noun.
    facts.after_de = start > 0 && view_.is(start - 1, Grammar::de);
    return first_typing_rule(facts);
  }

  struct Pending {
    bool person = false, org = false, loc = false, role_complement = false, honorific = false;
    bool particle = false;       // after a rank: "le général de ..." opens a name
    bool role_of_place = false;  // "le maire de", "l'ambassadeur de": a place follows
    bool plural = false;         // "MM. Dupont, Durand et Martin": the cue goes down the list
    bool list = false;           // "à Sherbrooke, Orford et Stoke": the same for a place
    Gender gender = Gender::unknown;
    std::uint32_t from = ~0u;  // the first token the cue applies to; none when unset
  };

  const DocumentView& view_;
  const KnowledgeBase& kb_;
  NameShapes shapes_;
  std::uint32_t max_words_;
  Pending pending_;
  std::pmr::vector<Candidate> found_;
  mutable std::string folded_name_;  // capitals_agree()'s buffer, kept from one name to the next
  std::pmr::unordered_set<std::string_view> common_acronyms_;  // folded
  std::pmr::unordered_set<std::string_view> name_ends_;        // the last words of names of several words
};

}  // namespace

std::pmr::vector<Candidate> find_mentions(const DocumentView& view, const KnowledgeBase& kb,
                                          std::pmr::memory_resource* memory) {
  return MentionFinder(view, kb, memory).run();
}

}  // namespace frnews::detail::linking
