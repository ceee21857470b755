// Speakers: the noun phrases around a cue, and what they resolve to (entity chains, pronouns,
// roles, descriptions).
#include <algorithm>
#include <tuple>

#include "entities/person_lexicon.hpp"
#include "quotes/extraction.hpp"

namespace frnews::detail::quoting {

// The "que" that opens the reported clause after a verb: "a annoncé vendredi que",
// "a dit à la presse qu'". Only adverbs and prepositional phrases may stand between.
std::uint32_t Extraction::find_que(std::uint32_t from) const {
  bool in_prepositional = false;
  for (std::uint32_t i = from, seen = 0; i < n_ && seen < 10 && same_sentence(from - 1, i); ++seen) {
    if (is(i, "que") || is(i, "qu'")) return i;
    if (const std::uint32_t length = phrase_length(i, WordClass::adverb)) {
      i += length;
      continue;
    }
    const Word& w = words_[i];
    if (is_punct(i, ",")) {
      in_prepositional = false;
    } else if (w.kind == WordKind::word && single(i, WordClass::stop) && !is(i, "et")) {
      in_prepositional = true;
    } else if (w.kind == WordKind::punctuation || w.kind == WordKind::quote_mark || w.kind == WordKind::dash) {
      return no_word;
    } else if (!in_prepositional && !is(i, "lui") && !is(i, "leur")) {
      return no_word;
    }
    ++i;
  }
  return no_word;
}

// A noun phrase read after a cue ("a déclaré M. X lors de", "a annoncé mercredi la presse
// officielle cubaine, alors que"): adverbs and prepositional phrases first are skipped.
// A verb in the infinitive: "avoir", "être", or a word ending as French infinitives do.
bool Extraction::is_infinitive(std::uint32_t i) const {
  if (i >= n_ || words_[i].kind != WordKind::word || words_[i].capitalized) return false;
  const std::string_view k = key(i);
  if (k == "avoir" || k == "être") return true;
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
    if (negation == no_word && (is(i, "ne") || is(i, "n'"))) negation = i;
    i += length;
  }
  if (!same_sentence(from - 1, i)) return no_word;
  const std::uint32_t start = negation != no_word ? negation : i;
  const std::uint32_t after_adverbs = i;
  if (is(i, "s'") || is(i, "se")) ++i;
  if (is_infinitive(i)) return start;
  if (i != after_adverbs || negation != no_word) return no_word;
  // "de" or "à" + infinitive, after the object when there is one: "accuse M. X d'avoir",
  // "reproche à ces États de violer", "invite ceux qui en rient à regarder".
  for (std::uint32_t k = i; k < n_ && k - i < max_phrase_words && same_sentence(from - 1, k); ++k) {
    if (words_[k].kind == WordKind::punctuation || words_[k].kind == WordKind::quote_mark) break;
    if (!is(k, "de") && !is(k, "d'") && !(is(k, "à") && k > i)) continue;
    std::uint32_t v = k + 1;
    if (is(v, "ne") || is(v, "n'")) v += 2;
    if (is(v, "s'") || is(v, "se")) ++v;
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
  if (is(i, "de") || is(i, "d'") || is(i, "sur")) ++i;
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

std::pair<std::uint32_t, std::uint32_t> Extraction::phrase_after(std::uint32_t from, bool skip_adverbials) const {
  std::uint32_t i = from;
  const std::uint32_t sentence = from < n_ ? words_[from].sentence : 0;
  const auto here = [&](std::uint32_t k) { return k < n_ && words_[k].sentence == sentence; };
  for (std::uint32_t guard = 0; skip_adverbials && guard < 12 && here(i); ++guard) {
    if (const std::uint32_t length = phrase_length(i, WordClass::adverb)) {
      i += length;
      continue;
    }
    if (is_manner_adverb(i)) {
      ++i;
      continue;
    }
    if (words_[i].kind == WordKind::word && single(i, WordClass::stop) && !is(i, "que") && !is(i, "qu'") &&
        !is(i, "qui") && !is(i, "et") && !single(i, WordClass::determiner)) {
      // A prepositional phrase: "à l'AFP", "sur RTL", "dans un entretien au Figaro".
      ++i;
      if (here(i) && phrase_length(i, WordClass::determiner)) i += phrase_length(i, WordClass::determiner);
      const std::uint32_t object = i;
      const auto complement = [&](std::uint32_t k) {  // "de l'audience": an article after "de"
        return k > 0 && (is(k - 1, "de") || is(k - 1, "d'")) && phrase_length(k, WordClass::determiner);
      };
      while (here(i) && i - object < max_phrase_words &&
             (words_[i].kind == WordKind::word || words_[i].kind == WordKind::elision) &&
             (!phrase_length(i, WordClass::determiner) || complement(i)) &&
             !(i > object && starts_new_name(i)) &&
             !honorific(i) && !(single(i, WordClass::stop) && !is(i, "de") && !is(i, "du") && !is(i, "des") && !is(i, "d'")) &&
             !phrase_length(i, WordClass::adverb)) {
        ++i;
      }
      continue;
    }
    // ", hier, l'influent sénateur X": a comma opens or closes the adverbials.
    if (is_punct(i, ",") && here(i + 1) &&
        (i > from || phrase_length(i + 1, WordClass::adverb) || single(i + 1, WordClass::stop))) {
      ++i;
      continue;
    }
    break;
  }
  const std::uint32_t b = i;
  while (here(i) && i - b < max_phrase_words) {
    const Word& w = words_[i];
    if (w.kind != WordKind::word && w.kind != WordKind::elision && w.kind != WordKind::number) break;
    if (i > b && single(i, WordClass::stop) && !is(i, "de") && !is(i, "d'") && !is(i, "du") && !is(i, "des")) break;
    if (i > b && phrase_length(i, WordClass::adverb) && !w.capitalized) break;
    if (i > b && !w.capitalized && single(i, WordClass::verb)) break;  // "un spot démocrate reprochant au …"
    if (i == b && (single(i, WordClass::stop) || is(i, "que") || is(i, "qu'") || single(i, WordClass::pronoun))) break;
    ++i;
  }
  std::uint32_t e = i;
  // "de", "d'" cannot end a phrase.
  while (e > b && (is(e - 1, "de") || is(e - 1, "d'") || is(e - 1, "du") || is(e - 1, "des"))) --e;
  return {b, e};
}

// The subject before a verb group: the comma-separated piece nearest the verb that is a noun
// phrase, skipping adverbials ("Dans l'opposition, la présidente …, Rachida Dati, a raillé").
std::pair<std::uint32_t, std::uint32_t> Extraction::subject_before(std::uint32_t verb) const {
  if (verb == 0) return {0, 0};
  std::uint32_t s = verb;
  // Object pronouns before the verb ("lui a dit") are skipped; "Lui" opening the sentence is its
  // stressed subject ("Lui prône une révision").
  while (s > 0 && same_sentence(s - 1, verb) &&
         ((is(s - 1, "lui") && !(s - 1 == sentence_start_[words_[verb].sentence])) || is(s - 1, "leur") || is(s - 1, "l'") || is(s - 1, "y") || is(s - 1, "nous") ||
          is(s - 1, "vous") || is(s - 1, "ne") || is(s - 1, "n'") || is(s - 1, "se") || is(s - 1, "s'") ||
          is(s - 1, "me") || is(s - 1, "m'") || is(s - 1, "te") || is(s - 1, "t'") || is(s - 1, "le") ||
          is(s - 1, "la") || is(s - 1, "les") ||
          phrase_length(s - 1, WordClass::adverb) == 1)) {
    --s;
  }
  // ", qui s'exprimait devant les députés,": a relative clause between commas is skipped whole.
  const auto relative_start = [&](std::uint32_t k) -> std::uint32_t {
    for (std::uint32_t j = k + 1, seen = 0; j-- > 1 && seen < max_subject_words && same_sentence(j, verb); ++seen) {
      if (is_punct(j, ",")) return no_word;
      if ((is(j, "qui") || is(j, "dont")) && is_punct(j - 1, ",")) return j;
    }
    return no_word;
  };
  std::uint32_t b = s;
  while (b > 0 && same_sentence(b - 1, verb) && s - b < max_subject_words && !in_region(b - 1)) {
    const std::uint32_t k = b - 1;
    const Word& w = words_[k];
    // "L'institut X, dont une enquête (49 % contre 44 %) accorde …, juge que": a parenthesis is
    // passed over whole.
    if (is_punct(k, ")")) {
      std::uint32_t open = k;
      while (open > 0 && k - open < max_subject_words && same_sentence(open - 1, verb) && !is_punct(open, "(")) --open;
      if (is_punct(open, "(")) {
        b = open;
        continue;
      }
    }
    if (w.kind == WordKind::punctuation && !is_punct(k, ",")) break;
    if (w.kind == WordKind::quote_mark || w.kind == WordKind::dash) break;
    const bool verb_here = single(k, WordClass::auxiliary) ||
                           (single(k, WordClass::verb) && !w.capitalized && !(k > 0 && single(k - 1, WordClass::determiner)));
    if ((verb_here || is(k, "qui") || is(k, "dont")) && k + 1 < s) {
      if (const std::uint32_t relative = relative_start(k); relative != no_word) {
        b = relative;
        continue;
      }
    }
    if (is(k, "que") || is(k, "qu'") || is(k, "qui") || is(k, "dont") || is(k, "où") || is(k, "mais") ||
        is(k, "car") || is(k, "et") || is(k, "lorsque") || is(k, "quand") || is(k, "si") || is(k, "puis") ||
        is(k, "comme") || is(k, "ou")) {
      break;
    }
    // A verb ends the subject, unless an article makes it a noun: "le communiqué de l'ONU".
    if (verb_here) break;
    // A subject pronoun is the subject of this clause: "il rendit le papier en disant"; after a
    // name and a comma it only stresses the name: "Coumba, elle, ne nie pas".
    if ((is(k, "il") || is(k, "elle") || is(k, "ils") || is(k, "elles")) &&
        !(k >= 2 && is_punct(k - 1, ",") && (is_name_word(k - 2) || words_[k - 2].mention >= 0))) {
      return {k, k + 1};
    }
    if (is(k, "on")) break;
    --b;
  }
  // Split at commas and take the piece nearest the verb that can be a subject.
  std::uint32_t end = s;
  while (end > b) {
    while (end > b && is_punct(end - 1, ",")) --end;
    std::uint32_t start = end;
    while (start > b && !is_punct(start - 1, ",")) --start;
    if (start == end) break;
    // "X, lui, a dit": a stressed pronoun between commas; right before the verb it is the subject.
    const bool emphasis = end - start == 1 && end < s &&
                          (is(start, "lui") || is(start, "eux") || is(start, "elle") || is(start, "elles"));
    const bool adverbial = emphasis || is(start, "dont") ||
                           (single(start, WordClass::stop) && !phrase_length(start, WordClass::determiner)) ||
                           phrase_length(start, WordClass::adverb) >= end - start ||
                           (phrase_length(start, WordClass::adverb) && !words_[start].capitalized);
    if (!adverbial) return {start, end};
    end = start;
  }
  return {s, s};
}

// Whether the phrase can say something: a name, a person, or a noun of the speaker list.
bool Extraction::plausible_speaker(std::uint32_t b, std::uint32_t e) const {
  if (b >= e) return false;
  std::uint32_t p = b + phrase_length(b, WordClass::determiner);
  if (p >= e) return false;
  if (words_[p].mention >= 0 || honorific(p) || words_[p].capitalized) return true;
  for (std::uint32_t i = p; i < e && i < p + 3; ++i) {
    if (phrase_length(i, WordClass::speaker)) return true;
  }
  return false;
}

Who Extraction::from_mention(std::uint32_t m, std::uint32_t mention_begin) const {
  const EntityMention& mention = entities_.mentions[m];
  const EntityChain& chain = entities_.chains[mention.chain];
  Who who;
  who.valid = true;
  who.chain = mention.chain;
  who.name = chain.name;
  who.wikidata_id = chain.wikidata_id;
  who.wiki_title = chain.wiki_title;
  who.person = chain.type == EntityType::person;
  who.organization = chain.type == EntityType::organization;
  who.gender = chain.gender == Gender::masculine ? Gender3::masculine
               : chain.gender == Gender::feminine ? Gender3::feminine : Gender3::unknown;
  std::uint32_t last = mention_begin;
  while (last + 1 < n_ && words_[last + 1].mention == static_cast<std::int32_t>(m)) ++last;
  who.mention = words_span(mention_begin, last + 1);
  return who;
}

Who Extraction::from_name_run(std::uint32_t b, std::uint32_t e) const {
  Who who;
  if (b >= e) return who;  // no words, no name
  who.valid = true;
  who.person = true;
  who.mention = words_span(b, e);
  who.name = std::string(doc_.text(who.mention));
  const auto found = full_names_.find(std::string(key(e - 1)));
  if (found != full_names_.end() && found->second.size() > who.name.size()) who.name = found->second;
  const Gender g = person_lexicon().first_name_gender(words_.text(b));
  if (g == Gender::masculine) who.gender = Gender3::masculine;
  if (g == Gender::feminine) who.gender = Gender3::feminine;
  return who;
}

// Resolves a noun phrase [b, e) to a speaker: a name (through the entity chain), a pronoun, or a
// description, itself resolved to the person introduced with that role when there is one.
Who Extraction::resolve_phrase(std::uint32_t b, std::uint32_t e, bool record_role) {
  while (b < e && (is_punct(b, ",") || words_[b].kind == WordKind::punctuation)) ++b;
  while (e > b && words_[e - 1].kind == WordKind::punctuation) --e;
  if (b >= e) return {};
  if (e - b == 1) {
    if (const LexEntry* pronoun = single(b, WordClass::pronoun)) {
      if (is(b, "on")) return {};
      Gender3 g = static_cast<Gender3>(pronoun->value & 0x0F);
      Who who = resolve_pronoun(b, g);
      who.mention = words_[b].span;
      return who;
    }
  }
  Gender3 gender = Gender3::unknown;
  std::uint32_t p = b;
  if (const auto [det, length] = phrase(p, WordClass::determiner); det) {
    gender = static_cast<Gender3>(det->value & 0x0F);
    p += length;
  }
  if (const LexEntry* h = honorific(p); h && p + 1 < e) {
    if (h->value != 0) gender = static_cast<Gender3>(h->value & 0x0F);
    ++p;
  }
  // "une étude de l'agence européenne X faisait état de …": the author speaks through it.
  if (const std::uint32_t of = p + phrase_length(p, WordClass::authored);
      of > p && of + 1 < e && (is(of, "de") || is(of, "d'") || is(of, "du") || is(of, "des"))) {
    std::uint32_t end = of + 1;
    while (end < e && !is_punct(end, "(")) ++end;
    Who author = resolve_phrase(of + 1, end, record_role);
    if (author.valid) return author;
  }
  // "Certains avouent …": a quantifier standing alone for people.
  if (p >= e && e - b == 1 && phrase_length(b, WordClass::speaker)) {
    Who who;
    who.valid = true;
    who.role_noun = true;
    who.gender = Gender3::plural;
    who.mention = words_span(b, e);
    who.name = std::string(doc_.text(who.mention));
    return who;
  }
  if (p >= e) return {};
  // A name at the head: "M. Choïgou", "La Hongrie de Viktor Orban", "Anne Hidalgo".
  const auto name_at = [&](std::uint32_t k, std::uint32_t from) -> std::optional<Who> {
    // from: where the mention starts (an article or an honorific before the name)
    // A speaker starting inside a longer mention ("AFP Jean Dupont" read as one name) is the
    // name from here on, not the whole mention's entity.
    const bool inside_mention = words_[k].mention >= 0 && k > 0 && words_[k - 1].mention == words_[k].mention;
    // A first name read alone as an entity while the surname follows ("Philippe" + "Martin").
    const bool split_name = words_[k].mention >= 0 && k + 1 < e && words_[k + 1].mention != words_[k].mention &&
                            is_name_word(k + 1) && person_lexicon().is_first_name(words_.text(k));
    if (inside_mention || split_name) {
      std::uint32_t end = k + 1;
      while (end < e && (split_name ? is_name_word(end) : words_[end].mention == words_[k].mention)) ++end;
      Who who = from_name_run(k, end);
      who.mention.begin = words_[from].span.begin;
      if (who.gender == Gender3::unknown) who.gender = gender;
      return who;
    }
    if (words_[k].mention >= 0) {
      Who who = from_mention(static_cast<std::uint32_t>(words_[k].mention), k);
      who.mention.begin = words_[from].span.begin;
      if (who.gender == Gender3::unknown) who.gender = gender;
      // An organisation unknown to the knowledge base keeps its complement: "la Cour des comptes".
      std::uint32_t end = k;
      while (end < e && words_[end].mention == words_[k].mention) ++end;
      if (!who.person && who.wikidata_id.empty() && who.wiki_title.empty() && from < k && end < e &&
          (is(end, "de") || is(end, "des") || is(end, "du") || is(end, "d'"))) {
        who.mention.end = words_[e - 1].span.end;
        who.name = std::string(doc_.text(Span{words_[k].span.begin, who.mention.end}));
      }
      return who;
    }
    if (words_[k].kind == WordKind::elision) {
      // "N’Diaye", "D’Alembert": an elided capital names someone only with the word written
      // against it, and opening a sentence ("D’autres", "S’il") only when that word is a capital.
      const bool opens_sentence = k == 0 || !same_sentence(k - 1, k);
      if (!words_[k].capitalized || k + 1 >= e || words_[k + 1].space_before || words_[k + 1].kind != WordKind::word ||
          (opens_sentence && !words_[k + 1].capitalized)) {
        return std::nullopt;
      }
      std::uint32_t end = k + 2;
      while (end < e && is_name_word(end) && words_[end].mention < 0) ++end;
      Who who = from_name_run(k, end);
      who.mention.begin = words_[from].span.begin;
      if (gender != Gender3::unknown) who.gender = gender;
      return who;
    }
    if (!words_[k].capitalized || phrase_length(k, WordClass::speaker) || single(k, WordClass::determiner)) return std::nullopt;
    std::uint32_t end = k;
    while (end < e && words_[end].capitalized && words_[end].kind == WordKind::word) ++end;
    if (end == k) return std::nullopt;  // a capitalised token that is no word
    // An organisation with an article keeps its complement: "la Cour des comptes".
    if (from < k && end < e && (is(end, "de") || is(end, "des") || is(end, "du") || is(end, "d'"))) end = e;
    for (std::uint32_t m = k + 1; m < end; ++m) {
      // "Quelquefois Bouvard": a capitalised word opening the sentence before a known name.
      if (words_[m].mention >= 0) return from_mention(static_cast<std::uint32_t>(words_[m].mention), m);
    }
    if ((k == 0 || !same_sentence(k - 1, k)) && end - k >= 2 && !person_lexicon().is_first_name(words_.text(k))) {
      ++k;  // capitalised because it opens the sentence
      if (from < k) from = k;
    }
    Who who = from_name_run(k, end);
    who.mention.begin = words_[from].span.begin;
    if (gender != Gender3::unknown) who.gender = gender;
    return who;
  };
  // "L'Espagnol s'est félicité": a nationality names the person just spoken of.
  if (p > b && p + 1 == e && words_[p].capitalized && words_[p].mention < 0 &&
      person_lexicon().demonym(words_.text(p))) {
    Who who = resolve_pronoun(b, gender == Gender3::plural ? Gender3::plural : gender);
    if (who.valid && (who.person || gender == Gender3::plural)) {
      who.mention = words_span(b, e);
      return who;
    }
  }
  if (auto who = name_at(p, b)) return *who;
  // A role: "le chancelier allemand Friedrich Merz", "le ministre des Transports".
  std::uint32_t k = p + phrase_length(p, WordClass::speaker);
  while (k < e && words_[k].kind == WordKind::word && !words_[k].capitalized && !is(k, "de") && !is(k, "du") &&
         !is(k, "des") && !single(k, WordClass::determiner)) {
    ++k;
  }
  if ((phrase_length(p, WordClass::speaker) || (k > p && k - p <= 3)) && k < e && words_[k].capitalized &&
      !single(k, WordClass::speaker)) {
    std::uint32_t name_begin = k;
    if (auto who = name_at(k, name_begin)) {
      if (record_role) {
        RoleIntro intro;
        for (std::uint32_t r = p; r < k; ++r) intro.words.push_back(key(r));
        intro.who = *who;
        roles_.push_back(std::move(intro));
      }
      who->mention.begin = words_[b].span.begin;
      return *who;
    }
  }
  // A role with its complement, then the name: "le ministre de l'Économie Antoine Armand".
  for (std::uint32_t m = e; m-- > p + 1;) {
    if (words_[m].mention < 0) {
      if (m + 1 == e && is_name_word(m) && m > p && is_name_word(m - 1) &&
          person_lexicon().is_first_name(words_.text(m - 1))) {
        Who who = from_name_run(m - 1, e);
        if (record_role) {
          RoleIntro intro;
          for (std::uint32_t r = p; r + 1 < m; ++r) intro.words.push_back(key(r));
          intro.who = who;
          roles_.push_back(std::move(intro));
        }
        who.mention.begin = words_[b].span.begin;
        return who;
      }
      break;
    }
    const auto mention = static_cast<std::uint32_t>(words_[m].mention);
    if (m > 0 && words_[m - 1].mention == words_[m].mention) continue;
    if (entities_.mentions[mention].type != EntityType::person) break;
    // "Philippe" + "Martin" read as two entities: the first name belongs to the name.
    const bool split_name = m > p && is_name_word(m - 1) && person_lexicon().is_first_name(words_.text(m - 1));
    Who who = split_name ? from_name_run(m - 1, e) : from_mention(mention, m);
    if (record_role) {
      RoleIntro intro;
      for (std::uint32_t r = p; r < m; ++r) intro.words.push_back(key(r));
      intro.who = who;
      roles_.push_back(std::move(intro));
    }
    who.mention.begin = words_[b].span.begin;
    return who;
  }
  // A description: resolved to the person introduced with the same role words, or itself. It
  // needs an article or a speaker noun: "aspira sur son balcon" is none.
  if (p == b && !phrase_length(p, WordClass::speaker)) return {};
  Who who;
  who.valid = true;
  who.mention = words_span(b, e);
  who.name = std::string(doc_.text(who.mention));
  who.gender = gender;
  who.role_noun = phrase_length(p, WordClass::speaker) > 0 || phrase_length(p, WordClass::company) > 0;
  std::vector<std::string_view> role;
  for (std::uint32_t r = p; r < e; ++r) {
    if (words_[r].kind == WordKind::word) role.push_back(key(r));
  }
  std::uint32_t looked = 0;
  for (auto it = roles_.rbegin(); it != roles_.rend() && !role.empty() && looked < salience_window; ++it, ++looked) {
    const bool covered = std::all_of(role.begin(), role.end(), [&](std::string_view w) {
      return std::find(it->words.begin(), it->words.end(), w) != it->words.end();
    });
    const bool same_gender = gender == Gender3::unknown || it->who.gender == Gender3::unknown || gender == it->who.gender;
    if (covered && same_gender && !it->words.empty() && it->words.front() == role.front()) {
      Who introduced = it->who;
      introduced.mention = who.mention;
      return introduced;
    }
  }
  // "Renault a annoncé … Le constructeur justifie …": a company noun goes to the organisation that
  // spoke in this sentence or the one before, when there is one.
  if (phrase_length(p, WordClass::company)) {
    looked = 0;
    for (auto it = salient_before(b); it != salience_.rend() && looked < salience_window; ++it, ++looked) {
      if (words_[it->word].sentence + 1 < words_[b].sentence) break;
      if (it->subject && it->who.organization) {
        Who named = it->who;
        named.mention = who.mention;
        return named;
      }
    }
  }
  return who;
}

// The candidates named before `word`, most recent first (the list is in text order).
std::vector<Salient>::const_reverse_iterator Extraction::salient_before(std::uint32_t word) const {
  const auto first_after = std::lower_bound(salience_.begin(), salience_.end(), word,
                                            [](const Salient& s, std::uint32_t w) { return s.word < w; });
  return std::vector<Salient>::const_reverse_iterator(first_after);
}

// The most recent compatible subject of the last sentences, else the most recent compatible
// person: "X a reçu Y. « … », a-t-il dit." is X speaking.
Who Extraction::resolve_pronoun(std::uint32_t word, Gender3 gender) const {
  const auto compatible = [&](Gender3 g) {
    if (gender == Gender3::plural || g == Gender3::plural) return g == gender;
    return g == Gender3::unknown || gender == Gender3::unknown || g == gender;
  };
  // A singular pronoun that speaks is a person more often than an organisation: "Le gouvernement
  // a démenti. X, lui, … Il prône …" is X when X is a recent subject too.
  const Salient* fallback = nullptr;
  const Salient* organisation = nullptr;
  std::uint32_t looked = 0;
  for (auto it = salient_before(word); it != salience_.rend() && looked < salience_window; ++it, ++looked) {
    if (words_[it->word].paragraph + 3 < words_[word].paragraph) break;
    if (!compatible(it->who.gender)) continue;
    if (it->subject && words_[it->word].sentence + 2 >= words_[word].sentence) {
      if (!it->who.organization || gender == Gender3::plural) return it->who;
      if (!organisation) organisation = &*it;
      continue;
    }
    if (!fallback && !it->who.organization) fallback = &*it;
  }
  if (fallback) return fallback->who;
  return organisation ? organisation->who : Who{};
}

void Extraction::remember(std::uint32_t word, const Who& who, bool subject) {
  if (who.valid) salience_.push_back({word, who, subject});
}

// "Le président américain Joe Biden", "son homologue russe Sergueï Choïgou", "La ministre de la
// Culture, Jeanne Martin": the role that introduces a person, for descriptions later on.
void Extraction::record_role_before(std::uint32_t name_begin, const Who& who) {
  std::uint32_t k = name_begin;
  if (k > 0 && honorific(k - 1)) --k;
  if (k == 0 || !same_sentence(k - 1, k)) return;
  const std::uint32_t end = is_punct(k - 1, ",") ? k - 1 : k;
  std::uint32_t b = end;
  while (true) {
    if (b == 0 || !same_sentence(b - 1, k) || end - b >= max_phrase_words) return;
    const std::uint32_t w = b - 1;
    if (words_[w].kind != WordKind::word && words_[w].kind != WordKind::elision) return;
    if (single(w, WordClass::auxiliary) || single(w, WordClass::verb)) return;
    b = w;
    // The article of the role, not of a complement ("de la Culture").
    if (single(w, WordClass::determiner) && !(w > 0 && (is(w - 1, "de") || is(w - 1, "d'")))) break;
  }
  const std::uint32_t role = b + phrase_length(b, WordClass::determiner);
  if (role < end && phrase_length(role, WordClass::speaker)) add_role(role, end, who);
}

// "Michael Schubert, économiste de la Commerzbank": the role in apposition after a name, for
// "l'économiste de la Commerzbank" later on.
void Extraction::record_role_after(std::uint32_t name_end, const Who& who) {
  if (!is_punct(name_end, ",")) return;
  const std::uint32_t role = name_end + 1 + phrase_length(name_end + 1, WordClass::determiner);
  if (role >= n_ || !same_sentence(name_end, role) || !phrase_length(role, WordClass::speaker)) return;
  std::uint32_t end = role + 1;
  while (end < n_ && end - role < max_phrase_words && same_sentence(role, end) &&
         (words_[end].kind == WordKind::word || words_[end].kind == WordKind::elision) &&
         !single(end, WordClass::auxiliary) && !single(end, WordClass::verb) && !is(end, "qui")) {
    ++end;
  }
  add_role(role, end, who);
}

// The words [b, e) name the role of `who`: "la ministre de la Culture" stands for her later on.
void Extraction::add_role(std::uint32_t b, std::uint32_t e, const Who& who) {
  RoleIntro intro;
  for (std::uint32_t r = b; r < e; ++r) {
    if (words_[r].kind == WordKind::word) intro.words.push_back(key(r));
  }
  intro.who = who;
  roles_.push_back(std::move(intro));
}

// Adds the people named before `word` (outside quotations) to the candidates for pronouns.
void Extraction::pass_words_until(std::uint32_t word) {
  for (; passed_ < word && passed_ < n_; ++passed_) {
    const std::uint32_t i = passed_;
    if (in_region(i) || words_[i].kind != WordKind::word) continue;
    // The subject opening a sentence is a candidate too: "Les agriculteurs ont bloqué l'A7.
    // « … », répètent-ils."
    if ((i == 0 || !same_sentence(i - 1, i)) && phrase_length(i, WordClass::determiner)) {
      const std::uint32_t head = i + phrase_length(i, WordClass::determiner);
      if (head < n_ && phrase_length(head, WordClass::speaker) && words_[head].mention < 0) {
        std::uint32_t end = head + 1;
        while (end < n_ && end - i < 6 && same_sentence(i, end) && words_[end].kind == WordKind::word &&
               !single(end, WordClass::auxiliary) && !single(end, WordClass::verb) &&
               !(single(end, WordClass::stop) && !is(end, "de") && !is(end, "du") && !is(end, "des")) &&
               !phrase_length(end, WordClass::adverb)) {
          ++end;
        }
        if (end < n_ && single(end, WordClass::auxiliary)) {
          const Who who = resolve_phrase(i, end, false);
          if (!who.person) remember(i, who, true);
        }
      }
    }
    if (i == 0 || !same_sentence(i - 1, i)) verb_seen_ = false;
    if (single(i, WordClass::auxiliary) || single(i, WordClass::verb)) verb_seen_ = true;
    const bool after_agent = i > 0 && (is(i - 1, "par") || is(i - 1, "à") || is(i - 1, "avec") || is(i - 1, "contre"));
    const std::int32_t m = words_[i].mention;
    if (m >= 0) {
      if (i > 0 && words_[i - 1].mention == m) continue;
      const EntityMention& mention = entities_.mentions[static_cast<std::uint32_t>(m)];
      if (mention.type == EntityType::organization) {
        // "l'association Générations Futures": the description stands for it later on.
        const Who organisation = from_mention(static_cast<std::uint32_t>(m), i);
        record_role_before(i, organisation);
        continue;
      }
      if (mention.type != EntityType::person || after_agent) continue;
      Who who = from_mention(static_cast<std::uint32_t>(m), i);
      if (i > 0) {
        if (const LexEntry* h = honorific(i - 1); h && who.gender == Gender3::unknown) {
          who.gender = static_cast<Gender3>(h->value & 0x0F);
        }
      }
      remember(i, who, !verb_seen_);
      record_role_before(i, who);
      std::uint32_t end = i + 1;
      while (end < n_ && words_[end].mention == m) ++end;
      record_role_after(end, who);
      continue;
    }
    // Without entity mentions: a run of two or more capitalised words not opening the sentence.
    if (!words_[i].capitalized || (i > 0 && is_name_word(i - 1) && same_sentence(i - 1, i))) continue;
    std::uint32_t end = i;
    while (end < n_ && is_name_word(end) && same_sentence(i, end) && words_[end].mention < 0) ++end;
    const bool opens_sentence = i == 0 || !same_sentence(i - 1, i);
    const LexEntry* h = i > 0 ? honorific(i - 1) : nullptr;
    std::uint32_t first = i;  // "l'Économie Antoine Armand": the name starts at the first name
    for (std::uint32_t k = i + 1; k + 1 < end; ++k) {
      if (person_lexicon().is_first_name(words_.text(k))) {
        first = k;
        break;
      }
    }
    const bool full_name = end - first >= 2 && (!opens_sentence || first > i || person_lexicon().is_first_name(words_.text(i)));
    if (full_name || h) {
      Who who = from_name_run(first, end);
      if (h && h->value) who.gender = static_cast<Gender3>(h->value & 0x0F);
      if (full_name) full_names_[std::string(key(end - 1))] = who.name;
      if (!after_agent && entities_.mentions.empty()) remember(i, who, !verb_seen_);
      if (full_name) record_role_before(first, who);
    }
  }
}

// "la vice-présidente de la Commission, Margrethe Vestager, lors de …", "d'après son avocate,
// Me Claire Petit.": the name in apposition after a speaker phrase [b, e) speaks.
void Extraction::take_apposition(CueHit& cue, std::uint32_t b, std::uint32_t e) {
  // The role may go on with its complement before the comma: "le commissaire aux affaires
  // économiques, Olli Rehn".
  for (const std::uint32_t role_end = e; e < n_ && e - role_end < max_phrase_words && same_sentence(role_end, e) &&
                                         (words_[e].kind == WordKind::word || words_[e].kind == WordKind::elision) &&
                                         !single(e, WordClass::auxiliary) && !single(e, WordClass::verb) &&
                                         !is(e, "qui") && !is(e, "que") && !is(e, "qu'");
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
    if ((is(i, "il") || is(i, "elle")) && (i == b || is_punct(i - 1, ","))) {
      Who who = resolve_pronoun(i, is(i, "il") ? Gender3::masculine : Gender3::feminine);
      if (who.valid) who.mention = words_[i].span;
      return who;
    }
    if (single(i, WordClass::auxiliary)) return {};  // names after the verb are objects
    if (words_[i].mention < 0) continue;
    const auto m = static_cast<std::uint32_t>(words_[i].mention);
    if (entities_.mentions[m].type != EntityType::person) continue;
    if (i > 0 && (is(i - 1, "par") || is(i - 1, "à") || is(i - 1, "avec") || is(i - 1, "de"))) return {};
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
  if (!pronoun || is(cue.end, "on")) return Decision::pass;
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
    if (of == head || of + 1 >= e || !(is(of, "de") || is(of, "d'") || is(of, "du") || is(of, "des"))) break;
    b = of + 1;
    head = b + phrase_length(b, WordClass::determiner);
  }
  for (std::uint32_t k = head; k < e && k < head + 3; ++k) {
    if (phrase_length(k, WordClass::nonsource)) return Decision::decided;  // "selon les premiers chiffres"
  }
  if (is(b, "nous") || is(b, "moi")) return Decision::decided;
  if (cue.lemma == "pour" && !plausible_speaker(b, e)) return Decision::decided;
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
    if (!it->speaker.valid) continue;
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
  if (!cue.inverted || cue.speaker.valid || cue.lemma == "apprendre" || doc_.text(cue.speaker.mention) != "on" ||
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
  if (is(cue.end, "auprès") && (is(cue.end + 1, "de") || is(cue.end + 1, "d'") || is(cue.end + 1, "du"))) {
    return cue.end + 2;
  }
  if (is(cue.end, "dans") || is(cue.end, "chez") || is(cue.end, "à") || is(cue.end, "au")) return cue.end + 1;
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
  if (is(k, "il") || is(k, "elle")) {
    Who who = resolve_pronoun(k, is(k, "il") ? Gender3::masculine : Gender3::feminine);
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
  const bool coordinated = s > 0 && same_sentence(s - 1, cue.begin) && (is(s - 1, "et") || is(s - 1, "puis") || is(s - 1, "tout"));
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
  const bool relative = s > 0 && same_sentence(s - 1, cue.begin) && is(s - 1, "qui");
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
