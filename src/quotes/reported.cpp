// Reported speech without quotation marks: que-clauses, infinitive complements, objects that
// are statements, "selon X", inverted verbs and colons, each a named rule.
#include "quotes/extraction.hpp"

namespace frnews::detail::quoting {

// The "que" that opens the reported clause after a verb: "a annoncé vendredi que",
// "a dit à la presse qu'". Only adverbs and prepositional phrases may stand between.
std::uint32_t Extraction::find_que(std::uint32_t from) const {
  bool in_prepositional = false;
  for (std::uint32_t i = from, seen = 0; i < n_ && seen < 10 && same_sentence(from - 1, i); ++seen) {
    if (is(i, FunctionWord::que)) return i;
    if (const std::uint32_t length = phrase_length(i, WordClass::adverb)) {
      i += length;
      continue;
    }
    const Word& w = words_[i];
    if (is_punct(i, ",")) {
      in_prepositional = false;
    } else if (w.kind == WordKind::word && single(i, WordClass::stop) && !is(i, FunctionWord::and_conjunction)) {
      in_prepositional = true;
    } else if (w.kind == WordKind::punctuation || w.kind == WordKind::quote_mark || w.kind == WordKind::dash) {
      return no_word;
    } else if (!in_prepositional && !is(i, FunctionWord::dative_pronoun)) {
      return no_word;
    }
    ++i;
  }
  return no_word;
}

// A noun phrase read after a cue ("a déclaré M. X lors de", "a annoncé mercredi la presse
// officielle cubaine, alors que"): adverbs and prepositional phrases first are skipped.
// A verb in the infinitive: "avoir", "être", or an unknown word ending as French infinitives do.
bool Extraction::is_infinitive(std::uint32_t i) const {
  if (i >= n_ || words_[i].kind != WordKind::word || words_[i].capitalized) return false;
  const std::string_view k = key(i);
  if (is(i, FunctionWord::auxiliary_infinitive)) return true;
  if (!words_[i].lex.empty() || k.size() < 4) return false;  // "hier", "notre", "contre"
  return k.ends_with("er") || k.ends_with("ir") || (k.size() >= 5 && k.ends_with("re"));
}

// The reported clause an infinitive opens after a verb: "a reconnu avoir menti", "avouent
// n'avoir pas voté", "a promis de revenir", "accuse M. X d'avoir menti", "reproche à ces États de
// violer la loi". Returns its first word, or no_word.
std::uint32_t Extraction::find_infinitive(std::uint32_t from) const {
  // Adverbs between the verb and its complement ("a aussi reconnu"); a negation belongs to the
  // reported words ("avouent n'avoir jamais voté").
  std::uint32_t i = from, negation = no_word;
  for (std::uint32_t skipped = 0; skipped < 4 && i < n_ && same_sentence(from - 1, i); ++skipped) {
    const std::uint32_t length = phrase_length(i, WordClass::adverb);
    if (!length) break;
    if (negation == no_word && is(i, FunctionWord::negation)) negation = i;
    i += length;
  }
  if (!same_sentence(from - 1, i)) return no_word;
  const std::uint32_t start = negation != no_word ? negation : i;
  const std::uint32_t after_adverbs = i;
  if (is(i, FunctionWord::reflexive)) ++i;
  if (is_infinitive(i)) return start;
  if (i != after_adverbs || negation != no_word) return no_word;
  // "de" or "à" + infinitive, after the object when there is one: "accuse M. X d'avoir",
  // "reproche à ces États de violer", "invite ceux qui en rient à regarder".
  for (std::uint32_t k = i; k < n_ && k - i < max_phrase_words && same_sentence(from - 1, k); ++k) {
    if (words_[k].kind == WordKind::punctuation || words_[k].kind == WordKind::quote_mark) break;
    if (!is(k, FunctionWord::de) && !(is(k, FunctionWord::dative_preposition) && k > i)) continue;
    std::uint32_t v = k + 1;
    if (is(v, FunctionWord::negation)) v += 2;
    if (is(v, FunctionWord::reflexive)) ++v;
    if (is_infinitive(v)) return k + 1;
  }
  return no_word;
}

// The object a verb reports as speech: "a salué le rôle de la BCE", "ne nie pas l'existence
// de …", "faisait état de la présence de …", "insiste sur l'importance de …". Returns the first
// word of its noun phrase, or no_word.
std::uint32_t Extraction::find_object(std::uint32_t from) const {
  std::uint32_t i = from;
  for (std::uint32_t skipped = 0; skipped < 4 && i < n_ && same_sentence(from - 1, i); ++skipped) {
    const std::uint32_t length = phrase_length(i, WordClass::adverb);
    if (!length) break;
    i += length;
  }
  if (is(i, FunctionWord::topic_preposition)) ++i;
  return i < n_ && same_sentence(from - 1, i) && phrase_length(i, WordClass::determiner) ? i : no_word;
}

// Where the clause starting at `from` ends: at a comma, a colon or a semicolon, else with its
// sentence.
std::uint32_t Extraction::clause_end(std::uint32_t from, std::uint32_t sentence_end) const {
  for (std::uint32_t k = from; k < sentence_end; ++k) {
    if (is_punct(k, ",") || is_punct(k, ":") || is_punct(k, ";")) return k;
  }
  return sentence_end;
}

// The colon after a verb and a few words, outside quotations: "l'a détaillé devant la
// commission : …". Returns it, or no_word.
std::uint32_t Extraction::colon_after(std::uint32_t from, std::uint32_t sentence_end) const {
  for (std::uint32_t k = from; k < sentence_end && k < from + max_phrase_words; ++k) {
    if (is_punct(k, ":")) return k;
    if (words_[k].kind == WordKind::quote_mark || ends_sentence_mark(k)) break;
  }
  return no_word;
}

// Reported speech without quotation marks, added to `found`.
void Extraction::add_reported_speech(std::vector<Found>& found) {
  // Prefix counts keep every test below constant-time: words inside emitted quotations (marks
  // included), plain words, and where each sentence starts.
  std::vector<std::uint32_t> quoted(n_ + 1, 0), plain(n_ + 1, 0);
  for (std::uint32_t i = 0; i < n_; ++i) {
    const bool in_emitted = (in_region(i) && emitted_[region_of_[i]]) ||
                            (words_[i].kind == WordKind::quote_mark &&
                             ((i + 1 < n_ && in_region(i + 1) && emitted_[region_of_[i + 1]]) ||
                              (i > 0 && in_region(i - 1) && emitted_[region_of_[i - 1]])));
    quoted[i + 1] = quoted[i] + (in_emitted ? 1u : 0u);
    plain[i + 1] = plain[i] + (words_[i].kind == WordKind::word ? 1u : 0u);
  }
  const auto has_quote = [&](std::uint32_t b, std::uint32_t e) { return quoted[e] > quoted[b]; };
  const auto sentence_bounds = [&](std::uint32_t word) {
    const std::uint32_t sentence = words_[word].sentence;
    return std::pair{sentence_start_[sentence], sentence_start_[sentence + 1]};
  };
  std::uint32_t reported_end = 0;  // the end of the last reported clause: a cue inside it reports nothing more
  // Reported words are three words or more, or an article and its noun for an object ("se
  // félicitent de leur succès").
  const auto add_indirect = [&](std::uint32_t b, std::uint32_t e, const CueHit& cue, std::string_view rule,
                                std::uint32_t min_words = 3) {
    while (e > b && words_[e - 1].kind == WordKind::punctuation) --e;
    while (b < e && words_[b].kind == WordKind::punctuation) ++b;
    if (b >= e || plain[e] - plain[b] < min_words || has_quote(b, e) || !cue.speaker.valid) return;
    reported_end = e;
    Found f;
    f.quote.content = doc_.to_original(words_span(b, e));
    f.quote.canonical = std::string(doc_.text(words_span(b, e)));
    f.quote.kind = QuoteKind::indirect;
    f.quote.rule = rule;
    f.quote.cue = Cue{doc_.to_original(words_span(cue.begin, cue.end)), std::string(cue.lemma)};
    f.quote.speaker = speaker_of(cue.speaker, cue.speaker_rule);
    f.first_word = b;
    found.push_back(std::move(f));
  };
  for (const CueHit& cue : cues_) {
    if (cue.in_quote || cue.weak || in_region(cue.begin)) continue;
    const auto [sb, se] = sentence_bounds(cue.begin);
    if (cue.begin < reported_end) continue;
    if (cue.source) {
      if (cue.speaker_end == no_word) continue;
      // "Selon X, …" at the head of the sentence, or "…, selon X." at its end.
      std::uint32_t head = sb;
      if (is(head, FunctionWord::sentence_conjunction)) ++head;
      // "Selon une enquête financée par l'Union européenne, …": the source's phrase may go on
      // with a participle and its complement up to the comma.
      std::uint32_t comma = cue.speaker_end;
      while (comma < se && comma - cue.speaker_end < max_phrase_words && words_[comma].kind == WordKind::word &&
             !single(comma, WordClass::auxiliary) && !is(comma, FunctionWord::que)) {
        ++comma;
      }
      if (cue.begin == head && is_punct(comma, ",")) {
        // "Selon Le Monde, qui cite des diplomates, …": the clause starts after the relative.
        std::uint32_t clause = comma + 1;
        if (is(clause, FunctionWord::relative_subject)) {
          while (clause < se && !is_punct(clause, ",")) ++clause;
          ++clause;
        }
        if (clause < se) add_indirect(clause, se, cue, "reported.source-first");
      } else if (cue.begin > sb && !cue.also_goal && (cue.speaker_end >= se || ends_sentence_mark(cue.speaker_end)) &&
                 (is_punct(cue.begin - 1, ",") || (cue.begin > sb + 3 && can_speak(cue.speaker)))) {
        // "…, selon X." and, for someone who speaks, "Elles ne l'ont pas été selon l'opposition."
        add_indirect(sb, cue.begin - 1, cue, "reported.source-last");
      }
      continue;
    }
    // "Son alliance avec X confirme que …" is the writer's statement: only someone who can
    // speak reports a que-clause.
    if (cue.que != no_word && can_speak(cue.speaker)) {
      // "Si X estime que A, Y, elle, dit B", "Estimant que A, il réclame B": a sentence opened
      // by a subordinate or participle clause goes on after the comma that closes it.
      const bool opening_clause = phrase_length(sb, WordClass::subordinator) || (cue.present_participle && cue.begin == sb);
      add_indirect(cue.que + 1, opening_clause ? clause_end(cue.que + 1, se) : se, cue, "reported.que");
    } else if (const std::uint32_t infinitive =
                   cue.takes_infinitive && can_speak(cue.speaker) ? find_infinitive(cue.end) : no_word;
               infinitive != no_word) {
      add_indirect(infinitive, se, cue, "reported.infinitive");
    } else if (const std::uint32_t object =
                   cue.object_is_speech && !cue.inverted && can_speak(cue.speaker) ? find_object(cue.end) : no_word;
               object != no_word) {
      add_indirect(object, clause_end(object, se), cue, "reported.object", 2);
    } else if (cue.inverted && cue.begin > sb + 1 && is_punct(cue.begin - 1, ",") && !cue.present_participle) {
      const std::uint32_t after = cue.speaker_end != no_word ? cue.speaker_end : cue.end;
      // "Dans ces conditions, calcule la Commission, le déficit atteindra 4 %": an incise after
      // a few words opens what was said.
      if (after + 1 < se && is_punct(after, ",") && opens_clause(after + 1) &&
          plain[se] - plain[after + 1] > 2 * (plain[cue.begin] - plain[sb])) {
        add_indirect(after + 1, se, cue, "reported.incise-middle");
        continue;
      }
      // "…, a prévenu la direction.", "…, estime-t-il.", "…, a annoncé le gouvernement dans un
      // communiqué": the speaker may be followed by circumstances, not by what was said.
      const bool circumstance = after < se && (single(after, WordClass::stop) || is_punct(after, ",") ||
                                               phrase_length(after, WordClass::adverb)) &&
                                !is(after, FunctionWord::que);
      if (cue.begin > sb + 3 && (after >= se || ends_sentence_mark(after) || circumstance)) {
        add_indirect(sb, cue.begin - 1, cue, "reported.inverted");
      }
    } else if (const std::uint32_t colon = !cue.inverted && can_speak(cue.speaker) ? colon_after(cue.end, se) : no_word;
               colon != no_word) {
      // "X l'a détaillé devant la commission : en dix ans, il a reçu …"
      add_indirect(colon + 1, se, cue, "reported.colon");
    }
  }
}

}  // namespace frnews::detail::quoting
