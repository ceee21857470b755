#include "entities/name_shape.hpp"

#include <algorithm>

namespace frnews::detail::linking {

// A first name and a capitalised word: a person's name starts at token j.
bool NameShapes::starts_person_name(std::uint32_t j, std::uint32_t end) const noexcept {
  return j + 1 < end && view_.has(j + 1, is_cap) && view_.is_first_name(j);
}

// Whether the words from token begin to token end, small words left out, have the letters of
// `letters` for initials.
bool NameShapes::spells(std::uint32_t begin, std::uint32_t end, std::string_view letters) const noexcept {
  std::size_t k = 0;
  for (std::uint32_t w = begin; w < end; ++w) {
    if (view_.is_small_word(w)) continue;
    const std::string_view key = view_.key(w);
    if (k >= letters.size() || key.empty() || key.front() != letters[k]) return false;
    ++k;
  }
  return k == letters.size();
}

bool NameShapes::abbreviates_common_words(std::uint32_t acronym) const noexcept {
  if (acronym < 3 || view_.text(acronym - 1) != "(" || acronym + 1 >= view_.size() ||
      !closes_acronym(view_.text(acronym + 1))) {
    return false;
  }
  const std::string_view letters = view_.key(acronym);
  // Back from the parenthesis over lower-case words, as many as the acronym has letters.
  std::uint32_t begin = acronym - 1;
  std::size_t words = 0;
  while (begin > 0 && words < letters.size() && acronym - begin <= 10) {
    const std::uint32_t w = begin - 1;
    if (!view_.has(w, is_word) || view_.has(w, is_cap)) return false;
    --begin;
    if (!view_.is_small_word(w)) ++words;
  }
  return words == letters.size() && spells(begin, acronym - 1, letters);
}

// The end of a name spelled out before its acronym in parentheses, when the acronym's letters
// are the initials of the words from token i (small words left out); i when there is none.
std::uint32_t NameShapes::name_before_acronym(std::uint32_t i, std::uint32_t end) const noexcept {
  for (std::uint32_t open = i + 1; open + 2 < end && open <= i + 8; ++open) {
    if (view_.text(open) != "(") {
      if (!view_.has(open, is_word)) return i;
      continue;
    }
    if (!view_.has(open + 1, is_caps) || !closes_acronym(view_.text(open + 2))) return i;
    return spells(i, open, view_.key(open + 1)) ? open : i;
  }
  return i;
}

// The end of a name spelled out in parentheses after its acronym ("le PNF (parquet national
// financier)"), when its initials are the acronym's letters; i when there is none.
std::uint32_t NameShapes::name_after_acronym(std::uint32_t i, std::uint32_t end) const noexcept {
  if (i < 2 || view_.text(i - 1) != "(" || !view_.has(i - 2, is_caps)) return i;
  const std::string_view letters = view_.key(i - 2);
  std::size_t k = 0;
  for (std::uint32_t w = i; w < end && w <= i + 10; ++w) {
    if (view_.text(w) == ")") return k == letters.size() ? w : i;
    if (!view_.has(w, is_word)) return i;
    if (view_.is_small_word(w)) continue;
    const std::string_view key = view_.key(w);
    if (k >= letters.size() || key.front() != letters[k]) return i;
    ++k;
  }
  return i;
}

// "de Givry", "d'Estaing": a particle and a capitalised word. An acronym, an organisation's head
// or a name ending in an organisation's form after "de" say where the person works ("Christopher
// Low de FHN Financial").
std::uint32_t NameShapes::after_particle(std::uint32_t j, std::uint32_t end) const noexcept {
  if (j + 1 >= end || !view_.is(j, word_name_particle) || !view_.has(j + 1, is_cap) ||
      !view_.has(j + 1, is_word)) {
    return j;
  }
  const bool affiliation = view_.has(j + 1, is_caps) || view_.is(j + 1, cue_org_head) ||
                           (j + 2 < end && view_.has(j + 2, is_cap) && view_.is(j + 2, word_org_form));
  return affiliation ? j : j + 2;
}

// The token after the lower-case adjectives from token j, `most` of them at most.
std::uint32_t NameShapes::adjectives_end(std::uint32_t j, std::uint32_t end, std::uint32_t most) const noexcept {
  const std::uint32_t last = std::min(end, j + most);
  while (j < last && view_.has(j, is_word) && !view_.has(j, is_cap) && view_.looks_adjective(j)) ++j;
  return j;
}

// "Société canadienne du cancer", "Centre international de recherche sur le cancer", "Conseil
// des ministres": the lower-case complements of an organisation's head, each a preposition, an
// article, a common noun and its adjectives; three at most, and only the first with "de" ("la
// Chambre des représentants du plan de sauvetage" names the Chambre des représentants). The
// token after the last, or j.
std::uint32_t NameShapes::common_complements(std::uint32_t j, std::uint32_t end) const noexcept {
  std::uint32_t last = j;
  for (int complements = 0; complements < 3 && last < end; ++complements) {
    std::uint32_t k = last;
    const bool de = view_.is(k, Grammar::de_forms);
    if (!(de && complements == 0) && !view_.is(k, Grammar::complement_preposition)) break;
    ++k;
    // "de la recherche", "sur le cancer", "pour les droits": the article after "de" may be
    // left out, not after the others.
    if (k < end && view_.is(k, Grammar::definite_article)) {
      ++k;
    } else if (!de) {
      break;
    }
    if (k >= end || !view_.has(k, is_word) || view_.has(k, is_cap) || view_.is(k, cue_stop) ||
        view_.has(k, is_elision) || view_.kind(k) == TokenKind::number) {
      break;
    }
    last = adjectives_end(k + 1, end, 2);
  }
  return last;
}

Shape NameShapes::at(std::uint32_t i, std::uint32_t end) const {
  Shape shape{i, EntityType::misc, false, {}};
  const std::uint32_t head = view_.kinds(i);
  const bool lower_head = !view_.has(i, is_cap) && (head & (cue_place_head | cue_institution_head));
  if (!view_.has(i, is_cap) && !lower_head) return shape;
  if (view_.has(i, in_title)) return shape;
  std::uint32_t j = i + 1;
  if (lower_head || (head & (cue_org_head | cue_misc_head))) {
    // "Rassemblement des travailleurs unis (RTU)": the acronym says where the name ends.
    std::uint32_t defined = name_before_acronym(i, end);
    if (defined == i) defined = name_after_acronym(i, end);
    if (defined > i) {
      return {defined, (head & cue_misc_head) ? EntityType::misc : EntityType::organization, true, "shape.acronym-expansion"};
    }
    // "Parti communiste de Cuba", "Agence spatiale européenne", "tribunal administratif de Lyon"
    const std::uint32_t adjectives = adjectives_end(j, end, 3) - j;
    j += adjectives;
    // "cour d'appel de Paris", "tribunal de grande instance de Lyon": a common-noun complement
    // inside an institution's name, when a proper name's complement follows it.
    if (j < end && view_.is(j, Grammar::de_forms) && !(head & cue_place_head)) {
      std::uint32_t m = j + 1;
      while (m < end && m <= j + 2 && view_.has(m, is_word) && !view_.has(m, is_cap) &&
             !view_.is(m, cue_stop)) {
        ++m;
      }
      if (m > j + 1 && m + 1 < end && view_.is(m, Grammar::de_forms) && view_.has(m + 1, is_cap)) j = m;
    }
    std::uint32_t k = j;
    if (k < end && view_.is(k, Grammar::de_forms)) {
      ++k;
      if (k < end && view_.is(k, Grammar::feminine_article)) ++k;
    }
    const bool complement = k > j && k < end && view_.has(k, is_cap) && !view_.is(k, cue_stop);
    // "Bureau politique du Parti communiste": the body inside the party is the party's; not
    // "Union des Forces démocratiques", a head with no adjective of its own.
    if (complement && !lower_head && adjectives > 0 && view_.is(k, cue_org_head)) return shape;
    if (lower_head && !complement && !(k == j && j < end && view_.has(j, is_cap))) return shape;
    if (complement || (k == j && j < end && view_.has(j, is_cap) && lower_head)) {
      j = k;
      // "le conseil de Bâle-Campagne Rudolf Keller": a person's name ends the complement.
      while (j < end && view_.has(j, is_cap) && !view_.is(j, cue_stop) &&
             !(j > k && starts_person_name(j, end))) {
        ++j;
      }
      // "Association du Barreau canadien": the complement's adjectives.
      if (!lower_head) j = adjectives_end(j, end, 2);
    } else if (!lower_head) {
      if (const std::uint32_t complemented = common_complements(j, end); complemented > j) {
        j = complemented;
        // "Régie de police Memphrémagog": a proper name may end it, not a person's.
        while (j < end && view_.has(j, is_cap) && view_.has(j, is_word) && !view_.is(j, cue_stop) &&
               !starts_person_name(j, end)) {
          ++j;
        }
      } else {
        while (j < end && view_.has(j, is_cap) && !view_.is(j, cue_stop) && adjectives == 0) ++j;
      }
    }
    shape.end = j;
    shape.typed = true;
    shape.type = (head & cue_place_head)  ? EntityType::location
                 : (head & cue_misc_head) ? EntityType::misc
                                          : EntityType::organization;
    shape.rule = (head & cue_place_head)  ? "shape.place-head"
                 : (head & cue_misc_head) ? "shape.event-head"
                 : lower_head             ? "shape.institution-head"
                                          : "shape.organisation-head";
    return shape;
  }
  // Capitalised words, "Le"/"La" inside ("Marine Le Pen", "à La Haye"), particles before a
  // capital in people's names.
  std::uint32_t word_end = i + 1;
  while (word_end < end && view_.has(word_end, is_glued)) ++word_end;
  bool first_name = word_end == i + 1 ? view_.is_first_name(i) : view_.lexicon().is_first_name(view_.key(i, word_end));
  // "A. Piguet", "J.-L. Dumas", "John F. Kennedy": initials belong to the name that follows.
  const auto skip_initials = [&](std::uint32_t k) {
    while (k + 2 < end && view_.is_initial_at(k)) {
      k += 2;
      if (k + 1 < end && view_.text(k) == "-" && !view_.space_before(k) && view_.is_initial_at(k + 1)) ++k;
    }
    return k;
  };
  const bool initials = view_.is_initial_at(i);
  if (initials) {
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
        !view_.is(j, cue_stop | cue_common_capital) &&
        !view_.honorific(j)) {
      // "les Russes", "Paris Français": a demonym noun after a name is no part of it; written
      // with a capital after two words of a name, it is ("La Presse Canadienne").
      if (view_.is(j, word_demonym) && !first_name && j < i + 2) break;
      ++j;
      continue;
    }
    if (view_.has(j, is_cap) && view_.is(j, Grammar::definite_article) && j + 1 < end &&
        view_.has(j + 1, is_cap)) {
      j += 2;
      continue;
    }
    if (const std::uint32_t after = first_name ? after_particle(j, end) : j; after > j) {
      j = after;
      continue;
    }
    // "Royal Bank of Scotland": an English connector between capitalised words.
    if (j > i && !view_.has(j, is_cap) && view_.is(j, word_name_connector) && j + 1 < stop &&
        view_.has(j + 1, is_cap) && view_.has(j + 1, is_word) && !view_.is(j + 1, cue_stop)) {
      ++j;
      continue;
    }
    if (view_.kind(j) == TokenKind::number && j > i && view_.space_before(j) && has_digit(view_.text(j)) &&
        view_.is(i, cue_misc_head)) {
      ++j;
      continue;
    }
    break;
  }
  shape.end = j;
  // "John Templeton Foundation": a first name opens it, the last word makes it an organisation's.
  if (first_name && j > i + 1 && !view_.is(j - 1, word_org_form | word_event_form)) {
    shape.typed = true;
    shape.type = EntityType::person;
    shape.rule = initials ? "shape.initials" : "shape.first-name";
  }
  return shape;
}


}  // namespace frnews::detail::linking
