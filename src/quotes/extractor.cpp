#include <algorithm>

#include "core/lexicons.hpp"
#include "frnews/quotes.hpp"
#include "quotes/extraction.hpp"

namespace frnews {

std::string_view to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::direct: return "direct";
    case QuoteKind::partial: return "partial";
    case QuoteKind::indirect: return "indirect";
  }
  return "direct";
}

namespace detail::quoting {

// --- quotation regions ----------------------------------------------------------------------------

void Extraction::mark_sentences() {
  sentence_start_.clear();
  for (std::uint32_t i = 0; i < n_; ++i) {
    while (sentence_start_.size() <= words_[i].sentence) sentence_start_.push_back(i);
  }
  sentence_start_.push_back(n_);
}

void Extraction::mark_regions() {
  regions_ = pair_quotation_marks(words_);
  region_of_.assign(n_, no_word);
  for (std::uint32_t r = 0; r < regions_.size(); ++r) {
    for (std::uint32_t i = regions_[r].content_begin; i < regions_[r].content_end; ++i) region_of_[i] = r;
    const std::string term = short_term(regions_[r]);
    if (!term.empty()) ++term_count_[term];
  }
}

// The folded words of a quotation of a few words ("système", "gilets jaunes"); empty for a longer one.
std::string Extraction::short_term(const QuotedRegion& r) const {
  std::string term;
  std::uint32_t count = 0;
  for (std::uint32_t i = r.content_begin; i < r.content_end; ++i) {
    if (words_[i].kind != WordKind::word && words_[i].kind != WordKind::number) continue;
    if (++count > label_words) return {};
    if (!term.empty()) term += ' ';
    term += key(i);
  }
  return term;
}

// The same few words in quotation marks twice or more: a term the writer keeps at a distance
// ("un formidable « système »… le « système » de corruption"), not someone's words.
bool Extraction::repeated_term(const QuotedRegion& r) const {
  const std::string term = short_term(r);
  if (term.empty()) return false;
  const auto it = term_count_.find(term);
  return it != term_count_.end() && it->second > 1;
}

// A title, a nickname or a label in quotation marks rather than words someone said.
bool Extraction::is_label(const QuotedRegion& r) const {
  if (r.dialogue) return false;
  const std::uint32_t b = r.content_begin, e = r.content_end;
  std::uint32_t count = 0;
  for (std::uint32_t i = b; i < e; ++i) {
    if (words_[i].kind == WordKind::word || words_[i].kind == WordKind::number) ++count;
  }
  if (count == 0) return true;
  // Named or titled: "baptisé « X »", "surnommé le « X »", "le film « X »", "l'opération « X »".
  if (r.open > 0 && same_sentence(r.open - 1, r.open)) {
    const std::uint32_t p = r.open - 1;
    const bool reflexive_verb = p > 0 && single(p - 1, WordClass::auxiliary);  // "s'est dite « choquée »"
    if (phrase_length(p, WordClass::naming) && !reflexive_verb) return true;
    if (p > 0 && single(p, WordClass::determiner) && phrase_length(p - 1, WordClass::naming)) return true;
    // "le plan « manque d'ambition »" is words said; "le plan « France 2030 »" a name.
    if (single(p, WordClass::title) && (words_[b].capitalized || count <= 2)) return true;
  }
  return false;
}

// "« Barkhane »", "« Paris Plages »": a few capitalised words alone name something, unless a cue
// says someone said them.
bool Extraction::looks_like_name(const QuotedRegion& r) const {
  if (r.dialogue) return false;
  std::uint32_t count = 0, capitalized = 0;
  for (std::uint32_t i = r.content_begin; i < r.content_end; ++i) {
    if (ends_sentence_mark(i)) return false;
    if (words_[i].kind == WordKind::word || words_[i].kind == WordKind::number) {
      ++count;
      // Numbers and short words ("de", "la", "du") count as part of a name.
      if (words_[i].capitalized || words_[i].kind == WordKind::number || key(i).size() <= 3) ++capitalized;
    }
  }
  return count > 0 && count <= label_words && capitalized == count && words_[r.content_begin].capitalized;
}

// « A » et « B »: B goes with A.
bool Extraction::follows_previous(std::size_t index) const {
  if (index == 0) return false;
  const std::uint32_t o = regions_[index].open;
  if (o < 2 || words_[o - 1].paragraph != words_[o].paragraph) return false;
  const std::uint32_t p = o - 1;
  return (is(p, FunctionWord::and_conjunction) || is_punct(p, ",")) && words_[p - 1].kind == WordKind::quote_mark &&
         regions_[index - 1].close == p - 1;
}

bool Extraction::is_direct(std::size_t index) const {
  const QuotedRegion& r = regions_[index];
  if (r.dialogue || r.multi_paragraph) return true;
  const std::uint32_t o = r.open;
  if (o == 0 || words_[o - 1].paragraph != words_[o].paragraph) return true;
  if (is_punct(o - 1, ":") || ends_sentence_mark(o - 1)) return true;
  // A whole sentence quoted inside the journalist's: capital letter and final punctuation.
  return words_[r.content_begin].capitalized && ends_sentence_mark(r.content_end - 1);
}

// --- cues ---------------------------------------------------------------------------------------

std::optional<CueHit> Extraction::verb_group_at(std::uint32_t i) const {
  std::uint32_t j = i;
  if (is(j, FunctionWord::negation)) ++j;
  bool reflexive = false;
  if (is(j, FunctionWord::reflexive)) reflexive = true, ++j;
  if (reflexive && is(j, FunctionWord::adverbial_pronoun)) ++j;  // "s'en est félicité"
  bool auxiliary = false, etre = false;
  std::uint32_t clitic = no_word;
  if (const LexEntry* aux = single(j, WordClass::auxiliary)) {
    auxiliary = true;
    etre = aux->value == 1;
    ++j;
    if (j < n_ && words_[j].kind == WordKind::clitic) clitic = j++;
    // "Obama a, lui, souligné": a stressed pronoun between commas.
    if (is_punct(j, ",") && is(j + 1, FunctionWord::stressed_pronoun) &&
        is_punct(j + 2, ",")) {
      j += 3;
    }
    for (std::uint32_t skipped = 0; skipped < 4 && j < n_; ++skipped) {
      const std::uint32_t length = phrase_length(j, WordClass::adverb);
      if (!length) break;
      j += length;
    }
  } else if (j != i && !reflexive) {
    return std::nullopt;
  }
  if (etre && !reflexive) return std::nullopt;  // passive: "a été annoncé"
  // The verb itself: the longest form starting at j ("fait valoir" over "fait").
  const LexEntry* chosen = nullptr;
  std::uint32_t length = 0;
  if (j >= n_) return std::nullopt;
  for (const auto& e : words_[j].lex) {
    if (e.word_class != WordClass::verb) continue;
    const auto form = static_cast<VerbForm>(e.value);
    if (auxiliary != (form == VerbForm::participle)) continue;
    const ReportingVerb& verb = lex_.verb(e.verb);
    if (verb.pronominal != reflexive && (verb.pronominal || !reflexive)) continue;
    const auto l = static_cast<std::uint32_t>(e.rest.size() + 1);
    bool match = j + l <= n_;
    for (std::uint32_t k = 1; k < l && match; ++k) match = key(j + k) == e.rest[k - 1];
    if (!match) continue;
    // Prefer the longer phrase, then the pronominal reading when "se" is there.
    if (!chosen || l > length || (l == length && verb.pronominal == reflexive && !lex_.verb(chosen->verb).pronominal)) {
      chosen = &e, length = l;
    }
  }
  if (!chosen) return std::nullopt;
  const auto form = static_cast<VerbForm>(chosen->value);
  std::uint32_t end = j + length;
  if (!auxiliary && end < n_ && words_[end].kind == WordKind::clitic) clitic = end++;
  // A finite form after an article is a noun: "l'estime", "le juge", "une annonce"; not after a
  // quantifier standing for people ("Certains disent").
  if (!auxiliary && !reflexive && clitic == no_word && j > 0 && form == VerbForm::finite &&
      same_sentence(j - 1, j) &&
      ((single(j - 1, WordClass::determiner) && !single(j - 1, WordClass::speaker)) || is(j - 1, FunctionWord::noun_marker))) {
    return std::nullopt;
  }
  const ReportingVerb& verb = lex_.verb(chosen->verb);
  CueHit hit;
  hit.begin = i;
  hit.end = end;
  hit.lemma = verb.lemma;
  hit.takes_que = verb.takes_que;
  hit.takes_infinitive = verb.takes_infinitive;
  hit.object_is_speech = verb.object_is_speech;
  hit.incise_only = verb.incise_only;
  hit.learnt = verb.learnt;
  hit.present_participle = form == VerbForm::present_participle;
  if (hit.present_participle && i > 0 && is(i - 1, FunctionWord::gerund)) hit.begin = i - 1;
  hit.inverted = clitic != no_word;
  if (clitic != no_word) {
    // The pronoun of the clitic: "-t-elle" -> "elle".
    std::string_view k = key(clitic);
    if (k.starts_with("-t-")) k.remove_prefix(3);
    else if (k.starts_with("-")) k.remove_prefix(1);
    const bool impersonal = lex_.is(FunctionWord::impersonal_pronoun, k);
    // "-je", "-nous": the speaker is in the quote.
    if (!impersonal && !lex_.is(FunctionWord::subject_pronoun, k)) return std::nullopt;
    Gender3 gender = Gender3::unknown;
    for (const LexEntry& e : lex_.word(k).entries) {
      if (e.word_class == WordClass::pronoun && e.rest.empty()) gender = static_cast<Gender3>(e.value & 0x0F);
    }
    hit.speaker.mention = {words_[clitic].span.end - static_cast<std::uint32_t>(k.size()), words_[clitic].span.end};
    hit.speaker.gender = gender;
    hit.speaker.valid = !impersonal;
  }
  return hit;
}

std::optional<CueHit> Extraction::source_at(std::uint32_t i) const {
  const auto [entry, length] = phrase(i, WordClass::source);
  if (!entry) return std::nullopt;
  CueHit hit;
  hit.begin = i;
  hit.end = i + length;
  hit.source = true;
  hit.lemma = lex_.source_lemma(entry->verb);
  hit.also_goal = lex_.is(FunctionWord::goal_source, hit.lemma);
  return hit;
}

// --- the whole extraction -----------------------------------------------------------------------

// Cues in text order, each with its speaker; people seen before a cue are candidates for its
// pronouns.
void Extraction::find_cues() {
  for (std::uint32_t i = 0; i < n_; ++i) {
    // A cue opens with a reporting verb, an auxiliary, a source ("selon") or "ne", "se" before them.
    const bool may_open = (words_[i].classes & (bit(WordClass::verb) | bit(WordClass::auxiliary) | bit(WordClass::source))) != 0;
    if (!may_open && !is(i, FunctionWord::reflexive) && !is(i, FunctionWord::negation)) continue;
    std::optional<CueHit> hit = verb_group_at(i);
    if (!hit) hit = source_at(i);
    if (!hit) continue;
    hit->in_quote = in_region(i);
    if (hit->in_quote) {
      // Inside a quotation only an incise counts: "…, a-t-il dit, …", "…, a dit Paul, …", or in
      // dialogue "… ! s'écria Paul".
      const QuotedRegion& r = regions_[region_of_[i]];
      // "« Vous avez vu ? interroge X. »": after a question or an exclamation, a verb in lower
      // case is an incise too.
      const bool after_comma = i > 0 && !hit->source &&
                               (is_punct(i - 1, ",") || (r.dialogue && ends_sentence_mark(i - 1)) ||
                                ((is_punct(i - 1, "?") || is_punct(i - 1, "!")) && !words_[i].capitalized));
      if (!after_comma) {
        i = hit->end - 1;
        continue;
      }
    }
    pass_words_until(hit->begin);
    if (!hit->source) hit->que = hit->takes_que ? find_que(hit->end) : no_word;
    find_speaker(*hit, cues_);
    if (hit->in_quote && !hit->inverted) {
      i = hit->end - 1;  // the quoted speaker's own verb
      continue;
    }
    hit->weak = hit->incise_only && !hit->inverted;  // "il a poursuivi :" counts only before a colon
    if (hit->speaker.valid) remember(hit->begin, hit->speaker, true);
    i = hit->end - 1;
    cues_.push_back(std::move(*hit));
  }
}

// The nearest verb ending before `word` in its sentence, outside quotations, else the nearest
// "selon X" ("Pour l'économiste X, « … »").
const CueHit* Extraction::cue_before(std::uint32_t word, bool before_colon) const {
  auto it = std::lower_bound(cues_.begin(), cues_.end(), word, [](const CueHit& c, std::uint32_t w) { return c.end <= w; });
  const CueHit* source = nullptr;
  for (std::uint32_t looked = 0; it != cues_.begin() && looked < salience_window; ++looked) {
    --it;
    if (!same_sentence(it->begin, word) || it->end > word) break;
    if (it->in_quote || (it->weak && !before_colon)) continue;
    // "…, selon lui : « … »": a source right before the colon attributes what follows.
    if (it->source && before_colon && it->speaker.valid && it->speaker_end == word) return &*it;
    if (!it->source) return &*it;
    // "pour X" attributes only at the head of its sentence: "Pour X, « … »".
    const bool head = it->begin == 0 || !same_sentence(it->begin - 1, it->begin);
    if (!source && it->speaker.valid && (!it->also_goal || head)) source = &*it;
  }
  return source;
}

// After the words it attributes, a source is "selon X" with X found; "pour" there is a goal.
bool Extraction::trailing_source(const CueHit& cue) { return cue.source && cue.speaker.valid && !cue.also_goal; }

// "…, a-t-il ajouté, …" inside the marks, or a dialogue line "— Oui, dit-il."
Attribution Extraction::incise_inside(std::uint32_t r, bool) {
  for (std::uint32_t i = regions_[r].content_begin; i < regions_[r].content_end; ++i) {
    if (cue_at_[i] != no_word && cues_[cue_at_[i]].in_quote) return by_cue(&cues_[cue_at_[i]]);
  }
  return {};
}

// "« … », a déclaré M. X", "« … », selon X": the cue right after the closing mark.
Attribution Extraction::cue_after(std::uint32_t r, bool) {
  const QuotedRegion& region = regions_[r];
  if (region.close == no_word) return {};
  std::uint32_t k = region.close + 1;
  if (is_punct(k, ",")) ++k;
  if (k < n_ && words_[k].paragraph == words_[region.close].paragraph && cue_at_[k] != no_word &&
      (cues_[cue_at_[k]].inverted || trailing_source(cues_[cue_at_[k]]))) {
    return by_cue(&cues_[cue_at_[k]]);
  }
  return {};
}

// "X a déclaré : « … »", also at the end of the paragraph before; without a verb, "X n’a pas
// caché : « … »": the person the sentence is about.
Attribution Extraction::cue_before_colon(std::uint32_t r, bool) {
  const QuotedRegion& region = regions_[r];
  if (region.open == 0 || !is_punct(region.open - 1, ":")) return {};
  const CueHit* cue = cue_before(region.open - 1, true);
  if (cue && cue->inverted && cue->speaker_end == no_word && !cue->speaker.valid) cue = nullptr;
  if (cue) return by_cue(cue);
  return {nullptr, subject_of_sentence(region.open - 1), "quote.subject-before-colon"};
}

// "X a salué « … »": a verb of the same sentence before the quotation.
Attribution Extraction::cue_earlier_in_sentence(std::uint32_t r, bool direct) {
  const QuotedRegion& region = regions_[r];
  if (region.dialogue || (direct && (region.open == 0 || !same_sentence(region.open - 1, region.open)))) return {};
  return by_cue(cue_before(region.open, false));
}

// "une prévision jugée « optimiste » par le Haut Conseil": a participle and its agent.
Attribution Extraction::passive_agent(std::uint32_t r, bool) {
  const QuotedRegion& region = regions_[r];
  if (region.close == no_word || region.open == 0 || !is(region.close + 1, FunctionWord::passive_agent) ||
      !same_sentence(region.close, region.close + 1)) {
    return {};
  }
  for (const auto& e : words_[region.open - 1].lex) {
    if (e.word_class != WordClass::verb || static_cast<VerbForm>(e.value) != VerbForm::participle) continue;
    auto [b, e2] = phrase_after(region.close + 2, false);
    if (!plausible_speaker(b, e2)) return {};
    Who agent = resolve_phrase(b, e2, false);
    if (!agent.valid) return {};
    passive_cue_ = CueHit{};
    passive_cue_.begin = region.open - 1;
    passive_cue_.end = region.open;
    passive_cue_.lemma = lex_.verb(e.verb).lemma;
    passive_cue_.speaker = std::move(agent);
    passive_cue_.speaker_rule = "passive.agent";
    return by_cue(&passive_cue_);
  }
  return {};
}

// "« … » dans la région, a annoncé X": an incise later in the sentence.
Attribution Extraction::incise_later(std::uint32_t r, bool) {
  const QuotedRegion& region = regions_[r];
  if (region.close == no_word) return {};
  auto it = std::lower_bound(cues_.begin(), cues_.end(), region.close,
                             [](const CueHit& c, std::uint32_t w) { return c.begin <= w; });
  // Quoted incises and "pour" + a goal ("pour le développement de la ville") are passed over.
  while (it != cues_.end() && same_sentence(it->begin, region.close) &&
         (it->in_quote || (it->source && !trailing_source(*it)))) {
    ++it;
  }
  if (it != cues_.end() && same_sentence(it->begin, region.close) && (it->inverted || trailing_source(*it))) {
    return by_cue(&*it);
  }
  return {};
}

// Quotation rules, in order: the first that finds a cue decides; a rule that finds only the
// person the sentence is about gives way to a cue found by a later rule.
Attribution Extraction::attribute(std::uint32_t r, bool direct) {
  struct QuoteRule {
    std::string_view name;
    Attribution (Extraction::*apply)(std::uint32_t, bool);
  };
  static constexpr QuoteRule rules[] = {
      {"quote.incise-inside", &Extraction::incise_inside},
      {"quote.cue-after", &Extraction::cue_after},
      {"quote.cue-before-colon", &Extraction::cue_before_colon},
      {"quote.cue-earlier-in-sentence", &Extraction::cue_earlier_in_sentence},
      {"quote.passive-agent", &Extraction::passive_agent},
      {"quote.incise-later", &Extraction::incise_later},
  };
  Attribution fallback;
  for (const QuoteRule& rule : rules) {
    Attribution a = (this->*rule.apply)(r, direct);
    if (a.cue) {
      a.rule = rule.name;
      return a;
    }
    if (a.subject.valid && !fallback.subject.valid) fallback = std::move(a);
  }
  return fallback;
}

Speaker Extraction::speaker_of(const Who& who, std::string_view rule) const {
  return Speaker{doc_.to_original(who.mention), std::string(who.name), who.chain, std::string(who.wikidata_id),
                 std::string(who.wiki_title), rule};
}

// Quotations: what kind, and which cue speaks for each.
std::vector<Found> Extraction::quotations() {
  cue_at_.assign(n_, no_word);
  for (std::uint32_t c = 0; c < cues_.size(); ++c) cue_at_[cues_[c].begin] = c;
  std::vector<Found> found;
  emitted_.assign(regions_.size(), false);
  std::vector<bool> direct_region(regions_.size(), false);
  for (std::uint32_t r = 0; r < regions_.size(); ++r) {
    const QuotedRegion& region = regions_[r];
    if (is_label(region)) continue;
    std::uint32_t cb = region.content_begin, ce = region.content_end;
    // « A » et « B », a dit X: B is direct when A is.
    const bool direct = follows_previous(r) ? direct_region[r - 1] : is_direct(r);
    direct_region[r] = direct;
    Attribution attribution = attribute(r, direct);
    const CueHit* cue = attribution.cue;
    if (cue && region.dialogue && cue->in_quote && cue->begin > cb && cue->begin < ce) {
      // "— Oui, dit-il." and "— Non ! s'écria Paul, qui …": the line ends at the incise, unless
      // the speech goes on after it ("— Tiens, dit-il, nous …").
      std::uint32_t after = cue->speaker_end != no_word ? cue->speaker_end : cue->end;
      while (after < ce && words_[after].kind == WordKind::punctuation && !is_punct(after, ",")) ++after;
      if (after >= ce || !is_punct(cue->begin - 1, ",")) ce = is_punct(cue->begin - 1, ",") ? cue->begin - 1 : cue->begin;
    }
    const bool short_quote = [&] {
      std::uint32_t count = 0;
      for (std::uint32_t i = cb; i < ce; ++i) count += words_[i].kind == WordKind::word ? 1u : 0u;
      return count <= label_words;
    }();
    // Without a cue, short quoted words and names are labels: "les « gilets jaunes »"; so is a
    // term quoted again and again, unless a cue is attached to it.
    if (!cue && !attribution.subject.valid && ((!direct && short_quote) || looks_like_name(region))) continue;
    if (!direct && repeated_term(region) && !(cue && cue->inverted)) continue;
    // Longer quoted words inside a sentence about someone are theirs.
    if (!cue && !attribution.subject.valid && !direct) {
      attribution = {nullptr, subject_of_sentence(region.open), "quote.subject-of-sentence"};
    }
    // "« Depuis 2010, souligne-t-il, le ministère a épargné un milliard »": the incise splits
    // the quotation in two, each with the same speaker.
    std::uint32_t resumed = no_word;
    if (cue && !region.dialogue && cue->in_quote && cue->begin > cb && cue->begin < ce) {
      std::uint32_t after = cue->speaker_end != no_word ? cue->speaker_end : cue->end;
      while (after < ce && words_[after].kind == WordKind::punctuation) ++after;
      if (after < ce) resumed = after;
      ce = cue->begin;
    }
    const auto emit = [&](std::uint32_t b, std::uint32_t e) {
      while (e > b && (is_punct(e - 1, ",") || is_punct(e - 1, ";") || words_[e - 1].kind == WordKind::quote_mark)) --e;
      while (b < e && words_[b].kind == WordKind::quote_mark) ++b;
      if (e <= b) return;
      Found f;
      f.region = r;
      f.paragraph = words_[b].paragraph;
      f.first_word = region.open;
      f.last_word = region.close != no_word ? region.close : region.content_end - 1;
      if (region.close != no_word) {
        std::uint32_t k = region.close + 1;
        if (is_punct(k, ",")) ++k;
        f.incise_after = k < n_ && same_sentence(region.close, k) &&
                         (cue_at_[k] != no_word || (k + 1 < n_ && words_[k + 1].kind == WordKind::clitic));
      }
      f.quote.content = doc_.to_original(words_span(b, e));
    f.quote.canonical = std::string(doc_.text(words_span(b, e)));
      f.quote.canonical = std::string(doc_.text(words_span(b, e)));
      f.quote.kind = direct ? QuoteKind::direct : QuoteKind::partial;
      f.quote.rule = "quote.unattributed";
      if (!cue && attribution.subject.valid) {
        f.attributed = true;
        f.quote.rule = attribution.rule;
        f.quote.speaker = speaker_of(attribution.subject, attribution.rule);
      }
      if (cue) {
        f.attributed = true;
        f.quote.rule = attribution.rule;
        f.quote.cue = Cue{doc_.to_original(words_span(cue->begin, cue->end)), std::string(cue->lemma)};
        if (cue->speaker.valid) f.quote.speaker = speaker_of(cue->speaker, cue->speaker_rule);
      }
      emitted_[r] = true;
      found.push_back(std::move(f));
    };
    emit(cb, ce);
    if (resumed != no_word) emit(resumed, region.content_end);
  }
  // « A » et « B », a dit X: A goes with B. Then a quotation without a cue goes on with the
  // speaker of the quotation just before, in its paragraph or the paragraph before.
  for (std::size_t q = found.size(); q-- > 1;) {
    Found& a = found[q - 1];
    const Found& b = found[q];
    const QuotedRegion& ra = regions_[a.region];
    if (a.attributed || ra.close == no_word) continue;
    std::uint32_t k = ra.close + 1;
    if (is(k, FunctionWord::and_conjunction) || is_punct(k, ",")) ++k;
    if (k == regions_[b.region].open && b.attributed) {
      a.quote.speaker = b.quote.speaker;
      a.quote.cue = b.quote.cue;
      a.quote.rule = "quote.shares-next";
      a.attributed = true;
    }
  }
  for (std::size_t q = 1; q < found.size(); ++q) {
    Found& f = found[q];
    const Found& previous = found[q - 1];
    if (f.attributed || f.incise_after || f.quote.kind != QuoteKind::direct || regions_[f.region].dialogue) continue;
    if (!previous.quote.speaker) continue;
    const bool same_paragraph = previous.paragraph == f.paragraph;
    // A paragraph of quotation right after a paragraph ending with the previous quotation.
    const bool next_paragraph = previous.paragraph + 1 == f.paragraph && f.first_word > 0 &&
                                words_[f.first_word - 1].paragraph != words_[f.first_word].paragraph &&
                                same_sentence(previous.last_word, f.first_word - 1);
    if (same_paragraph || next_paragraph) {
      f.quote.speaker = previous.quote.speaker;
      f.quote.speaker->rule = "continuation.previous-speaker";
      f.quote.rule = "quote.continues-previous";
      f.attributed = true;
    }
  }
  return found;
}

std::vector<Quote> Extraction::run() {
  if (n_ == 0) return {};
  mark_sentences();
  mark_regions();
  find_cues();
  pass_words_until(n_);  // every person is a candidate for the pronouns read below
  std::vector<Found> found = quotations();
  add_reported_speech(found);
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.quote.content.begin < b.quote.content.begin;
  });
  std::vector<Quote> quotes;
  quotes.reserve(found.size());
  for (auto& f : found) quotes.push_back(std::move(f.quote));
  return quotes;
}

}  // namespace detail::quoting

class QuoteExtractor::Impl {
 public:
  explicit Impl(Lexicons set)
      : lexicons(std::move(set)),
        cues(lexicons.impl().cues()),
        people(lexicons.impl().entities()),
        segmentation(lexicons.impl().segmentation()) {}

  Lexicons lexicons;  // holds the tables below
  const detail::CueLexicon& cues;
  const detail::PersonLexicon& people;
  const detail::SegmentationLexicon& segmentation;
};

QuoteExtractor::QuoteExtractor() : QuoteExtractor(Lexicons::builtin()) {}
QuoteExtractor::QuoteExtractor(Lexicons lexicons) : impl_(std::make_unique<Impl>(std::move(lexicons))) {}
QuoteExtractor::QuoteExtractor(QuoteExtractor&&) noexcept = default;
QuoteExtractor& QuoteExtractor::operator=(QuoteExtractor&&) noexcept = default;
QuoteExtractor::~QuoteExtractor() = default;

std::vector<Quote> QuoteExtractor::extract(const Document& doc, const Entities& entities) const {
  detail::quoting::Extraction extraction(doc, entities, impl_->cues, impl_->people, impl_->segmentation);
  return extraction.run();
}

}  // namespace frnews
