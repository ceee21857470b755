// Speaker rules: for each cue, an ordered list of named rules finds who speaks (an inverted
// subject, the subject before the verb, "selon X", the pronoun of an incise …).
#include <tuple>

#include "quotes/extraction.hpp"

namespace frnews::detail::quoting {

// "la vice-présidente de la Commission, Margrethe Vestager, lors de …", "d'après son avocate,
// Me Claire Petit.": the name in apposition after a speaker phrase [b, e) speaks.
void Extraction::take_apposition(CueHit& cue, std::uint32_t b, std::uint32_t e) {
  // The role may go on with its complement before the comma: "le commissaire aux affaires
  // économiques, Olli Rehn".
  for (const std::uint32_t role_end = e; e < n_ && e - role_end < max_phrase_words && same_sentence(role_end, e) &&
                                         (words_[e].kind == WordKind::word || words_[e].kind == WordKind::elision) &&
                                         !single(e, WordClass::auxiliary) && !single(e, WordClass::verb) &&
                                         !is(e, FunctionWord::relative_subject) && !is(e, FunctionWord::que);
       ++e) {
  }
  if (!is_punct(e, ",") || e + 1 >= n_ || !same_sentence(e, e + 1)) return;
  std::uint32_t k = e + 1;
  if (honorific(k)) ++k;
  if (k >= n_ || !(words_[k].mention >= 0 || words_[k].capitalized)) return;
  while (k < n_ && k - e < max_phrase_words && (is_name_word(k) || words_[k].mention >= 0) && same_sentence(e, k)) ++k;
  if (k < n_ && same_sentence(e, k) && !is_punct(k, ",") && !ends_sentence_mark(k) && !single(k, WordClass::stop)) return;
  // After a role ("le commissaire …, Olli Rehn") the name is a person's even when the linker
  // could not type it.
  Who name = resolve_phrase(e + 1, k, false);
  const bool role = phrase_length(b + phrase_length(b, WordClass::determiner), WordClass::speaker) > 0;
  if (!name.valid || !(name.person || (role && !name.role_noun))) return;
  add_role(b + phrase_length(b, WordClass::determiner), e, name);
  cue.speaker = name;
  cue.speaker_end = k;
}

// The person a sentence is about, for quoted words with no reporting verb: a pronoun subject
// ("Très émue, elle a dédié son prix « … »") or a person named before any verb.
Who Extraction::subject_of_sentence(std::uint32_t word) {
  const std::uint32_t b = sentence_start_[words_[word].sentence];
  for (std::uint32_t i = b; i < word && i - b < max_subject_words; ++i) {
    if (in_region(i)) return {};
    if (is(i, FunctionWord::singular_subject_pronoun) && (i == b || is_punct(i - 1, ","))) {
      Who who = resolve_pronoun(i, is(i, FunctionWord::masculine_subject_pronoun) ? Gender3::masculine : Gender3::feminine);
      if (who.valid) who.mention = words_[i].span;
      return who;
    }
    if (single(i, WordClass::auxiliary)) return {};  // names after the verb are objects
    if (words_[i].mention < 0) continue;
    const auto m = static_cast<std::uint32_t>(words_[i].mention);
    if (entities_.mentions[m].type != EntityType::person) continue;
    if (i > 0 && is(i - 1, FunctionWord::object_preposition)) return {};
    return from_mention(m, i);
  }
  return {};
}

// Speaker rules, in order. Each sees a cue that the rules before it left undecided, and either
// decides (a speaker, or nobody) or passes; the deciding rule names the speaker.
void Extraction::find_speaker(CueHit& cue, const std::vector<CueHit>& earlier) {
  struct SpeakerRule {
    std::string_view name;
    Decision (Extraction::*apply)(CueHit&, const std::vector<CueHit>&);
  };
  static constexpr SpeakerRule rules[] = {
      {"source.pronoun", &Extraction::source_pronoun},      // selon lui
      {"source.phrase", &Extraction::source_phrase},        // selon le ministre
      {"inverted.pronoun", &Extraction::inverted_pronoun},  // a-t-il dit
      {"inverted.on", &Extraction::inverted_on},            // …, explique-t-on
      {"inverted.circle", &Extraction::inverted_circle},    // a-t-on appris auprès de X
      {"inverted.subject", &Extraction::inverted_subject},  // « … », a déclaré X
      {"shared.subject", &Extraction::shared_subject},      // X a dit … et a ajouté
      {"subject.before", &Extraction::subject_before_verb}, // X a déclaré
  };
  for (const SpeakerRule& rule : rules) {
    if ((this->*rule.apply)(cue, earlier) == Decision::decided) {
      if (cue.speaker.valid) cue.speaker_rule = rule.name;
      return;
    }
  }
}

// "selon lui", "d'après elle": like the pronoun of an incise, the last person quoted first.
Decision Extraction::source_pronoun(CueHit& cue, const std::vector<CueHit>& earlier) {
  if (!cue.source) return Decision::pass;
  const LexEntry* pronoun = single(cue.end, WordClass::pronoun);
  if (!pronoun || is(cue.end, FunctionWord::impersonal_pronoun)) return Decision::pass;
  const auto gender = static_cast<Gender3>(pronoun->value & 0x0F);
  cue.speaker = last_speaker(cue.end, gender, earlier);
  if (!cue.speaker.valid) cue.speaker = resolve_pronoun(cue.end, gender);
  cue.speaker.mention = words_[cue.end].span;
  cue.speaker_end = cue.end + 1;
  return Decision::decided;
}

// "selon le ministre", "d'après les propos du ministre", "pour l'économiste X".
Decision Extraction::source_phrase(CueHit& cue, const std::vector<CueHit>&) {
  if (!cue.source) return Decision::pass;
  auto [b, e] = phrase_after(cue.end, false);
  if (b >= e) return Decision::decided;
  std::uint32_t head = b + phrase_length(b, WordClass::determiner);
  // "selon les termes de X", "d'après les premiers éléments de l'enquête de l'IGPN": the author
  // speaks through the words or the document.
  for (std::uint32_t hops = 0; hops < 3; ++hops) {
    const std::uint32_t of = head + phrase_length(head, WordClass::authored);
    if (of == head || of + 1 >= e || !is_de(of)) break;
    b = of + 1;
    head = b + phrase_length(b, WordClass::determiner);
  }
  for (std::uint32_t k = head; k < e && k < head + 3; ++k) {
    if (phrase_length(k, WordClass::nonsource)) return Decision::decided;  // "selon les premiers chiffres"
  }
  if (is(b, FunctionWord::first_person)) return Decision::decided;
  if (cue.also_goal && !plausible_speaker(b, e)) return Decision::decided;
  cue.speaker = resolve_phrase(b, e, true);
  cue.speaker_end = e;
  take_apposition(cue, b, e);
  return Decision::decided;
}

// "a-t-il dit", "estime-t-elle": the pronoun of the verb, resolved to the person it stands for.
// In news the pronoun of an incise goes on with the last person quoted, when there is one a few
// sentences before: "« … », ironise X. Le Premier ministre, Y, … « … », ajoute-t-il." is X.
Decision Extraction::inverted_pronoun(CueHit& cue, const std::vector<CueHit>& earlier) {
  if (!cue.inverted || !cue.speaker.valid) return Decision::pass;
  Who who = last_speaker(cue.begin, cue.speaker.gender, earlier);
  if (!who.valid) who = resolve_pronoun(cue.begin, cue.speaker.gender);
  if (who.valid) {
    who.mention = cue.speaker.mention;
    cue.speaker = who;
  } else {
    cue.speaker.valid = false;
  }
  return Decision::decided;
}

// The speaker of the last cue within a few sentences before `cue`, when a person of the cue's
// pronoun's gender; nobody otherwise.
Who Extraction::last_speaker(std::uint32_t word, Gender3 gender, const std::vector<CueHit>& earlier) const {
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (words_[it->begin].sentence + last_speaker_sentences < words_[word].sentence) break;
    // An organisation or a description that spoke in between ("Le gouvernement propose …, mais
    // selon lui …") is passed over: a singular pronoun that speaks takes up a person.
    if (!it->speaker.valid || (it->speaker.organization && gender != Gender3::plural)) continue;
    const Gender3 g = it->speaker.gender;
    const bool compatible = gender == Gender3::plural
                                ? g == Gender3::plural
                                : g != Gender3::plural && (g == Gender3::unknown || g == gender);
    if (!it->speaker.person || !compatible) return {};
    // "…, a prévenu X. Le sénateur Y n'a eu de cesse de … « … », a-t-il accusé": a person who
    // opens a sentence after the last cue is the one the pronoun takes up.
    for (auto s = salient_before(word); s != salience_.rend() && s->word > it->end; ++s) {
      if (s->subject && s->who.person && s->who.name != it->speaker.name) return {};
    }
    return it->speaker;
  }
  return {};
}

// "…, explique-t-on.": the organisation quoted last, or the one the sentences before are about,
// speaks through "on" ("la Société canadienne du cancer recommande … « … », ajoute-t-on"); "a-t-on
// appris" is the newsroom's own knowledge.
Decision Extraction::inverted_on(CueHit& cue, const std::vector<CueHit>& earlier) {
  if (!cue.inverted || cue.speaker.valid || cue.learnt || doc_.text(cue.speaker.mention) != "on" ||
      circle_after(cue) != no_word) {
    return Decision::pass;
  }
  const Span on = cue.speaker.mention;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (words_[it->begin].sentence + last_speaker_sentences < words_[cue.begin].sentence) break;
    if (!it->speaker.valid) continue;
    if (!it->speaker.organization) break;
    cue.speaker = it->speaker;
    cue.speaker.mention = on;
    return Decision::decided;
  }
  std::uint32_t looked = 0;
  for (auto it = salient_before(cue.begin); it != salience_.rend() && looked < salience_window; ++it, ++looked) {
    if (words_[it->word].sentence + 2 < words_[cue.begin].sentence) break;
    if (!it->subject || !it->who.organization) continue;
    cue.speaker = it->who;
    cue.speaker.mention = on;
    return Decision::decided;
  }
  return Decision::pass;
}

// "a-t-on appris auprès de X", "explique-t-on à Matignon", "indique-t-on dans l'entourage du
// ministre": the place or the circle speaks.
Decision Extraction::inverted_circle(CueHit& cue, const std::vector<CueHit>&) {
  if (!cue.inverted) return Decision::pass;
  const std::uint32_t from = circle_after(cue);
  if (from == no_word) return Decision::decided;
  auto [b, e] = phrase_after(from, false);
  if (b < e && plausible_speaker(b, e)) cue.speaker = resolve_phrase(b, e, true);
  return Decision::decided;
}

// The phrase naming the circle after an inverted verb: "auprès de [X]", "dans [l'entourage]",
// "à [Matignon]"; no_word when none.
std::uint32_t Extraction::circle_after(const CueHit& cue) const {
  if (!same_sentence(cue.begin, cue.end)) return no_word;
  if (is(cue.end, FunctionWord::circle_head) && is(cue.end + 1, FunctionWord::circle_of)) {
    return cue.end + 2;
  }
  if (is(cue.end, FunctionWord::circle_preposition)) return cue.end + 1;
  return no_word;
}

// "« … », a déclaré M. X", "…, a annoncé la ministre": the subject comes after the verb.
Decision Extraction::inverted_subject(CueHit& cue, const std::vector<CueHit>&) {
  if (cue.present_participle) return Decision::pass;
  const std::uint32_t before = cue.begin > 0 ? cue.begin - 1 : no_word;
  const bool after_quote = before != no_word &&
                           (words_[before].kind == WordKind::quote_mark ||
                            (is_punct(before, ",") && before > 0 && words_[before - 1].kind == WordKind::quote_mark) ||
                            ((is_punct(before, ",") || ends_sentence_mark(before)) && in_region(before)));
  const bool after_comma = before != no_word && is_punct(before, ",");
  if (!after_quote && !after_comma) return Decision::pass;
  // "Le secrétaire général, Mark Rutte, a exhorté les Alliés": a name in apposition before the
  // comma is the subject, and what follows the verb its object.
  if (!after_quote && before > 0) {
    std::uint32_t k = before;
    while (k > 0 && same_sentence(k - 1, before) && (is_name_word(k - 1) || words_[k - 1].mention >= 0)) --k;
    if (k < before && k > 0 && is_punct(k - 1, ",")) return Decision::pass;
  }
  auto [b, e] = phrase_after(cue.end, true);
  // Right after a quotation any noun phrase is the inverted subject; elsewhere it must look
  // like a speaker ("…, a annoncé la fermeture" has an object there).
  const bool phrase_start = b < e && (phrase_length(b, WordClass::determiner) || honorific(b) ||
                                      words_[b].capitalized || words_[b].mention >= 0);
  if (!(after_quote && phrase_start) && !plausible_speaker(b, e)) return Decision::pass;
  cue.inverted = true;
  cue.speaker = resolve_phrase(b, e, true);
  cue.speaker_end = e;
  take_apposition(cue, b, e);
  return Decision::decided;
}

// The subject after a clause that opens the sentence: "Estimant que …, il ironise", "Selon
// l'étude, Paul Girard a …": a subject pronoun or a person named right after the comma.
Who Extraction::subject_after_clause(std::uint32_t from) {
  std::uint32_t k = from;
  while (k < n_ && same_sentence(from, k) && !is_punct(k, ",")) ++k;
  ++k;
  if (k >= n_ || !same_sentence(from, k)) return {};
  if (is(k, FunctionWord::singular_subject_pronoun)) {
    Who who = resolve_pronoun(k, is(k, FunctionWord::masculine_subject_pronoun) ? Gender3::masculine : Gender3::feminine);
    if (who.valid) who.mention = words_[k].span;
    return who;
  }
  if (words_[k].mention < 0) return {};
  const auto m = static_cast<std::uint32_t>(words_[k].mention);
  return entities_.mentions[m].type == EntityType::person ? from_mention(m, k) : Who{};
}

// The first word of the verb group of a cue, adverbs before it included ("a aussi dit").
std::uint32_t Extraction::verb_group_start(const CueHit& cue) const {
  std::uint32_t s = cue.begin;
  while (s > 0 && same_sentence(s - 1, cue.begin) && phrase_length(s - 1, WordClass::adverb) == 1) --s;
  return s;
}

// Participles and coordinated verbs share the subject of the verb before them: "X a dit … et a
// ajouté", "X a réagi, estimant que …".
Decision Extraction::shared_subject(CueHit& cue, const std::vector<CueHit>& earlier) {
  const std::uint32_t s = verb_group_start(cue);
  const bool coordinated = s > 0 && same_sentence(s - 1, cue.begin) && is(s - 1, FunctionWord::verb_coordination);
  if (!cue.present_participle && !coordinated) return Decision::pass;
  std::uint32_t looked = 0;
  for (auto it = earlier.rbegin(); it != earlier.rend() && looked < salience_window; ++it, ++looked) {
    if (!same_sentence(it->begin, cue.begin)) break;
    if (it->speaker.valid && !it->source) {
      cue.speaker = it->speaker;
      return Decision::decided;
    }
  }
  if (coordinated) return Decision::decided;
  // "McCain n'a cessé de vanter son expérience, tout en soulignant la « naïveté » de …", and
  // "Estimant que …, il ironise : …".
  Who subject = subject_of_sentence(cue.begin);
  if (!subject.valid && cue.present_participle) subject = subject_after_clause(cue.end);
  if (subject.valid) {
    cue.speaker = std::move(subject);
    return Decision::decided;
  }
  return Decision::pass;
}

// "X a déclaré", "la ministre de la Culture, Jeanne Martin, a dit": the subject before the verb.
Decision Extraction::subject_before_verb(CueHit& cue, const std::vector<CueHit>&) {
  // "…, le sélectionneur X, qui a ensuite évoqué le « mental »": the subject is before "qui".
  const std::uint32_t s = verb_group_start(cue);
  const bool relative = s > 0 && same_sentence(s - 1, cue.begin) && is(s - 1, FunctionWord::relative_subject);
  auto [b, e] = subject_before(relative ? s - 1 : cue.begin);
  if (b >= e) return Decision::decided;
  cue.speaker = resolve_phrase(b, e, true);
  // "Giorgia Meloni, absente de la réunion, a réclamé": a piece that is no speaker is an
  // apposition; the subject is before it.
  for (std::uint32_t tries = 0; !cue.speaker.valid && tries < 2 && b > 1 && is_punct(b - 1, ","); ++tries) {
    std::tie(b, e) = subject_before(b - 1);
    if (b >= e) return Decision::decided;
    cue.speaker = resolve_phrase(b, e, true);
  }
  // An apposition: "La ministre de la Culture, Jeanne Martin, a dit": the name is the speaker,
  // the piece before it the role that introduces her.
  if (b > 1 && is_punct(b - 1, ",") && cue.speaker.valid && cue.speaker.person) record_apposed_role(b, cue.speaker);
  return Decision::decided;
}

// "La ministre de la Culture, [Jeanne Martin]": the role before the comma introduces the name
// at `name_begin`, for later "la ministre" to resolve to her.
void Extraction::record_apposed_role(std::uint32_t name_begin, Who& who) {
  std::uint32_t rb = name_begin - 1;
  while (rb > 0 && same_sentence(rb - 1, name_begin) && !is_punct(rb - 1, ",") &&
         words_[rb - 1].kind != WordKind::punctuation && words_[rb - 1].kind != WordKind::quote_mark &&
         name_begin - rb < max_phrase_words) {
    --rb;
  }
  const std::uint32_t role_begin = rb + phrase_length(rb, WordClass::determiner);
  if (role_begin >= name_begin - 1 || !phrase_length(role_begin, WordClass::speaker)) return;
  add_role(role_begin, name_begin - 1, who);
  if (who.gender == Gender3::unknown) {
    if (const auto [det, length] = phrase(rb, WordClass::determiner); det) {
      who.gender = static_cast<Gender3>(det->value & 0x0F);
    }
  }
}

}  // namespace frnews::detail::quoting
