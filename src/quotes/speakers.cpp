// Speakers: the noun phrases around a cue, and what they resolve to (entity chains, pronouns,
// roles, descriptions).
#include <algorithm>

#include "entities/person_lexicon.hpp"
#include "quotes/extraction.hpp"

namespace frnews::detail::quoting {

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
    if (words_[i].kind == WordKind::word && single(i, WordClass::stop) && !is(i, FunctionWord::que) &&
        !is(i, FunctionWord::relative_subject) && !is(i, FunctionWord::and_conjunction) && !single(i, WordClass::determiner)) {
      // A prepositional phrase: "à l'AFP", "sur RTL", "dans un entretien au Figaro".
      ++i;
      if (here(i) && phrase_length(i, WordClass::determiner)) i += phrase_length(i, WordClass::determiner);
      const std::uint32_t object = i;
      const auto complement = [&](std::uint32_t k) {  // "de l'audience": an article after "de"
        return k > 0 && is(k - 1, FunctionWord::de) && phrase_length(k, WordClass::determiner);
      };
      while (here(i) && i - object < max_phrase_words &&
             (words_[i].kind == WordKind::word || words_[i].kind == WordKind::elision) &&
             (!phrase_length(i, WordClass::determiner) || complement(i)) &&
             !(i > object && starts_new_name(i)) &&
             !honorific(i) && !(single(i, WordClass::stop) && !is_de(i)) &&
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
    if (i > b && single(i, WordClass::stop) && !is_de(i)) break;
    if (i > b && phrase_length(i, WordClass::adverb) && !w.capitalized) break;
    if (i > b && !w.capitalized && single(i, WordClass::verb)) break;  // "un spot démocrate reprochant au …"
    if (i == b && (single(i, WordClass::stop) || is(i, FunctionWord::que) || single(i, WordClass::pronoun))) break;
    ++i;
  }
  std::uint32_t e = i;
  // "de", "d'" cannot end a phrase.
  while (e > b && is_de(e - 1)) --e;
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
         ((is(s - 1, FunctionWord::dative_or_stressed) && !(s - 1 == sentence_start_[words_[verb].sentence])) ||
          is(s - 1, FunctionWord::object_pronoun) ||
          phrase_length(s - 1, WordClass::adverb) == 1)) {
    --s;
  }
  // ", qui s'exprimait devant les députés,": a relative clause between commas is skipped whole.
  const auto relative_start = [&](std::uint32_t k) -> std::uint32_t {
    for (std::uint32_t j = k + 1, seen = 0; j-- > 1 && seen < max_subject_words && same_sentence(j, verb); ++seen) {
      if (is_punct(j, ",")) return no_word;
      if (is(j, FunctionWord::relative) && is_punct(j - 1, ",")) return j;
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
    if ((verb_here || is(k, FunctionWord::relative)) && k + 1 < s) {
      if (const std::uint32_t relative = relative_start(k); relative != no_word) {
        b = relative;
        continue;
      }
    }
    if (is(k, FunctionWord::clause_boundary)) break;
    // A verb ends the subject, unless an article makes it a noun: "le communiqué de l'ONU".
    if (verb_here) break;
    // A subject pronoun is the subject of this clause: "il rendit le papier en disant"; after a
    // name and a comma it only stresses the name: "Coumba, elle, ne nie pas".
    if (is(k, FunctionWord::subject_pronoun) &&
        !(k >= 2 && is_punct(k - 1, ",") && (is_name_word(k - 2) || words_[k - 2].mention >= 0))) {
      return {k, k + 1};
    }
    if (is(k, FunctionWord::impersonal_pronoun)) break;
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
                          is(start, FunctionWord::stressed_pronoun);
    const bool adverbial = emphasis || is(start, FunctionWord::relative_complement) ||
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
  who.name = doc_.text(who.mention);
  const auto found = full_names_.find(key(e - 1));
  if (found != full_names_.end() && found->second.size() > who.name.size()) who.name = found->second;
  const Gender g = people_.first_name_gender(words_.text(b));
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
      if (is(b, FunctionWord::impersonal_pronoun)) return {};
      // A subject pronoun in news takes up the person quoted just before, like an incise's.
      Gender3 g = static_cast<Gender3>(pronoun->value & 0x0F);
      Who who = last_speaker(b, g, cues_);
      if (!who.valid) who = resolve_pronoun(b, g);
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
      of > p && of + 1 < e && is_de(of)) {
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
    who.name = doc_.text(who.mention);
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
                            is_name_word(k + 1) && people_.is_first_name(words_.text(k));
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
          is_de(end)) {
        who.mention.end = words_[e - 1].span.end;
        who.name = doc_.text(Span{words_[k].span.begin, who.mention.end});
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
    if (from < k && end < e && is_de(end)) end = e;
    for (std::uint32_t m = k + 1; m < end; ++m) {
      // "Quelquefois Bouvard": a capitalised word opening the sentence before a known name.
      if (words_[m].mention >= 0) return from_mention(static_cast<std::uint32_t>(words_[m].mention), m);
    }
    if ((k == 0 || !same_sentence(k - 1, k)) && end - k >= 2 && !people_.is_first_name(words_.text(k))) {
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
      people_.demonym(words_.text(p))) {
    Who who = resolve_pronoun(b, gender == Gender3::plural ? Gender3::plural : gender);
    if (who.valid && (who.person || gender == Gender3::plural)) {
      who.mention = words_span(b, e);
      return who;
    }
  }
  if (auto who = name_at(p, b)) return *who;
  // A role: "le chancelier allemand Friedrich Merz", "le ministre des Transports".
  std::uint32_t k = p + phrase_length(p, WordClass::speaker);
  while (k < e && words_[k].kind == WordKind::word && !words_[k].capitalized && !is(k, FunctionWord::role_complement) &&
         !single(k, WordClass::determiner)) {
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
          people_.is_first_name(words_.text(m - 1))) {
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
    const bool split_name = m > p && is_name_word(m - 1) && people_.is_first_name(words_.text(m - 1));
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
  who.name = doc_.text(who.mention);
  who.gender = gender;
  const auto [head, head_length] = phrase(p, WordClass::speaker);
  who.role_noun = head != nullptr || phrase_length(p, WordClass::company) > 0;
  who.organization = (head != nullptr && head->value == 1) || phrase_length(p, WordClass::company) > 0;
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
    const bool same_role = covered && !it->words.empty() && it->words.front() == role.front();
    if ((same_role || same_affiliation(role, it->words)) && same_gender) {
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
    if (single(w, WordClass::determiner) && !(w > 0 && is(w - 1, FunctionWord::de))) break;
  }
  const std::uint32_t role = b + phrase_length(b, WordClass::determiner);
  if (role < end && phrase_length(role, WordClass::speaker)) add_role(role, end, who);
}

// "Michael Schubert, économiste de la Commerzbank": the role in apposition after a name, for
// "l'économiste de la Commerzbank" later on.
void Extraction::record_role_after(std::uint32_t name_end, const Who& who) {
  if (!is_punct(name_end, ",")) return;
  const std::uint32_t role = name_end + 1 + phrase_length(name_end + 1, WordClass::determiner);
  // "Lindsey Piegza, de FTN Financial": an affiliation, for "l'analyste de FTN Financial".
  const std::uint32_t organisation = role + 1 + phrase_length(role + 1, WordClass::determiner);
  const bool affiliation = is(role, FunctionWord::affiliation) &&
                           organisation < n_ && words_[organisation].capitalized;
  if (role >= n_ || !same_sentence(name_end, role) || !(affiliation || phrase_length(role, WordClass::speaker))) return;
  std::uint32_t end = role + 1;
  while (end < n_ && end - role < max_phrase_words && same_sentence(role, end) &&
         (words_[end].kind == WordKind::word || words_[end].kind == WordKind::elision) &&
         !single(end, WordClass::auxiliary) && !single(end, WordClass::verb) && !is(end, FunctionWord::relative_subject)) {
    ++end;
  }
  add_role(role, end, who);
}

// "l'analyste de FTN Financial" and an affiliation recorded as "de FTN Financial": the same
// organisation after "de" (or "chez": FunctionWord::affiliation).
bool Extraction::same_affiliation(const std::vector<std::string_view>& role,
                                  const std::vector<std::string_view>& intro) const {
  const auto is_of = [this](std::string_view w) { return lex_.is(FunctionWord::affiliation, w); };
  if (intro.size() < 2 || !is_of(intro.front())) return false;
  const auto of = std::find_if(role.begin(), role.end(), is_of);
  if (of == role.begin() || of == role.end()) return false;
  return std::equal(of + 1, role.end(), intro.begin() + 1, intro.end());
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
               !(single(end, WordClass::stop) && !is(end, FunctionWord::role_complement)) &&
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
    const bool after_agent = i > 0 && is(i - 1, FunctionWord::agent_preposition);
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
      if (people_.is_first_name(words_.text(k))) {
        first = k;
        break;
      }
    }
    const bool full_name = end - first >= 2 && (!opens_sentence || first > i || people_.is_first_name(words_.text(i)));
    if (full_name || h) {
      Who who = from_name_run(first, end);
      if (h && h->value) who.gender = static_cast<Gender3>(h->value & 0x0F);
      if (full_name) full_names_[key(end - 1)] = who.name;
      if (!after_agent && entities_.mentions.empty()) remember(i, who, !verb_seen_);
      if (full_name) record_role_before(first, who);
    }
  }
}

}  // namespace frnews::detail::quoting
