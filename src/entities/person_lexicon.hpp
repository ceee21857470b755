// What French news text says about people around their names: first names and their gender,
// honorifics ("M.", "Mme"), function titles and role nouns ("la ministre", "le Premier
// ministre", "secrétaire générale"), demonyms ("russe" -> Russie). Built once from the
// embedded lexicons (data/lexicon/first_names.tsv, honorifics.tsv, roles.tsv, demonyms.tsv),
// immutable, shared by the entity linker and the quote extractor from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "frnews/entities.hpp"
#include "frnews/segment.hpp"

namespace frnews::detail {

struct Honorific {
  Gender gender = Gender::unknown;  // "Me", "Dr" say nothing of it
  bool plural = false;              // "MM.", "Mmes"
};

struct RoleMatch {
  std::uint32_t tokens = 0;  // how many tokens the role takes; 0 when there is none
  Gender gender = Gender::unknown;
  bool plural = false;
  [[nodiscard]] explicit operator bool() const noexcept { return tokens != 0; }
};

struct Demonym {
  std::string_view place;  // "Russie", "Lyon": the name as written in the lexicon
  bool country = false;    // false for cities and regions ("lyonnais", "breton")
};

class PersonLexicon {
 public:
  PersonLexicon();
  ~PersonLexicon();
  PersonLexicon(const PersonLexicon&) = delete;
  PersonLexicon& operator=(const PersonLexicon&) = delete;

  // All lookups ignore case and accents (fold_key()); words are canonical text.

  // Whether `word` is a known first name ("Sergueï", "Anne-Sophie").
  [[nodiscard]] bool is_first_name(std::string_view word) const noexcept;
  // The usual gender of a first name; unknown for names given to both ("Camille") or unknown.
  [[nodiscard]] Gender first_name_gender(std::string_view word) const noexcept;
  // Whether the token is an honorific ("M.", "Mme", "Me", "Dr"), and what it says.
  [[nodiscard]] std::optional<Honorific> honorific(std::string_view word) const noexcept;
  // The longest role noun phrase starting at token `first` of `doc` ("Premier ministre",
  // "chef de l'État", "secrétaire générale"), without the article before it. Stops at the end
  // of the sentence. Adjectives after the role ("allemand") are not part of it. A title with one
  // form for both ("ministre") takes its gender from the article before it ("la ministre").
  [[nodiscard]] RoleMatch role_at(const Document& doc, std::uint32_t first) const noexcept;
  // The place a demonym adjective or noun refers to ("russes" -> Russie, "Lyonnais" -> Lyon).
  [[nodiscard]] std::optional<Demonym> demonym(std::string_view word) const noexcept;
  // The same for a word already folded with fold_key(): no folding again on hot paths.
  [[nodiscard]] std::optional<Demonym> demonym_of_key(std::string_view key) const noexcept;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The lexicon built from the embedded data, on first use.
[[nodiscard]] const PersonLexicon& person_lexicon();

}  // namespace frnews::detail
