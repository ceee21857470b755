// Letters and the few closed grammatical sets the entity linker reads in code (French word
// lists proper live in data/lexicon/, see entities/lexicon.hpp).
#pragma once

#include <algorithm>
#include <string_view>

#include "segment/characters.hpp"

namespace frnews::detail::linking {

// One character: "A" of "A. Piguet", a list mark.
inline bool is_one_character(std::string_view word) noexcept { return !word.empty() && decode(word, 0).size == word.size(); }

inline bool has_digit(std::string_view word) noexcept {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The preposition "de" in its forms, folded: the complement of a name ("Parti communiste de
// Cuba") and of a title ("le maire de Lyon").
inline bool is_de(std::string_view folded) noexcept {
  return folded == "de" || folded == "du" || folded == "des" || folded == "d'";
}

// "sur", "pour", "contre": prepositions that open the complement of an organisation's name
// ("Centre international de recherche sur le cancer"), as "de" does.
inline bool opens_complement(std::string_view folded) noexcept {
  return folded == "sur" || folded == "pour" || folded == "contre";
}

// The definite articles: "de la recherche", "sur le cancer", "pour les droits".
inline bool is_article(std::string_view folded) noexcept {
  return folded == "le" || folded == "la" || folded == "les" || folded == "l'";
}

// The definite article a word holds, alone or contracted with "de" or "à": "du" and "au" hold
// "le"; empty for any other word.
inline std::string_view article_in(std::string_view folded) noexcept {
  if (folded == "le" || folded == "du" || folded == "au") return "le";
  if (folded == "les" || folded == "des" || folded == "aux") return "les";
  if (folded == "la" || folded == "l'") return folded;
  return {};
}

// The preposition "à" as written: its folded key is "a", the verb's.
inline bool is_written_a(std::string_view written) noexcept { return written == "\u00E0" || written == "\u00C0"; }

// "à", "au", "aux": the preposition of a portfolio after a title ("secrétaire au Trésor").
inline bool is_to(std::string_view folded, std::string_view written) noexcept {
  return folded == "au" || folded == "aux" || is_written_a(written);
}

// "la", "l'": the article between "de" and a complement ("ministre de la Culture").
inline bool is_feminine_article(std::string_view folded) noexcept { return folded == "la" || folded == "l'"; }

// Determiners that tell the gender of a title with one form for both: "la ministre", "le
// porte-parole", "au ministre".
inline bool is_feminine_determiner(std::string_view folded) noexcept {
  return folded == "la" || folded == "une" || folded == "cette";
}
inline bool is_masculine_determiner(std::string_view folded) noexcept {
  return folded == "le" || folded == "un" || folded == "ce" || folded == "du" || folded == "au";
}

// Determiners that may open an apposition after a name: "Durand, le maire de ...", "Durand,
// sa porte-parole".
inline bool opens_apposition(std::string_view folded) noexcept {
  return folded == "le" || folded == "la" || folded == "l'" || folded == "un" || folded == "une" || folded == "son" ||
         folded == "sa";
}

// "et", "ou": between the names of a list.
inline bool is_coordination(std::string_view folded) noexcept { return folded == "et" || folded == "ou"; }

// "elle", "lui": the pronouns that, between commas after a name, say it is a person's.
inline bool is_stressed_pronoun(std::string_view folded) noexcept { return folded == "elle" || folded == "lui"; }

// Words an acronym leaves out: "Parti communiste de Cuba" is "PCC".
inline bool is_small_word(std::string_view folded) noexcept {
  return is_de(folded) || folded == "la" || folded == "le" || folded == "les" || folded == "l'" || folded == "et";
}

// "(PCC)", "(PCC, parti unique)": what may follow an acronym given in parentheses.
inline bool closes_acronym(std::string_view text) noexcept { return text == ")" || text == "," || text == ";"; }

// Whether `word` is one of the space-separated words of `text`.
inline bool has_word(std::string_view text, std::string_view word) noexcept {
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || text[at - 1] == ' ';
    const bool ends = at + word.size() == text.size() || text[at + word.size()] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace frnews::detail::linking
