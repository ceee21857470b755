// The names the text's own shape gives, known to the knowledge base or not: capitalised words,
// a first name before a surname, initials, particles inside people's names, the head of an
// organisation, an institution or a place with its adjectives and complement, a name spelt out
// beside its acronym.
#pragma once

#include <cstdint>
#include <string_view>

#include "entities/document_view.hpp"

namespace frnews::detail::linking {

struct Shape {
  std::uint32_t end = 0;  // the token after the name; its start when there is none
  EntityType type = EntityType::misc;
  bool typed = false;     // the shape says the type
  std::string_view rule;  // the rule that gave the type, when typed
};

class NameShapes {
 public:
  explicit NameShapes(const DocumentView& view) : view_(view) {}

  // The longest name the text's shape gives from token i, within the sentence ending at `end`.
  [[nodiscard]] Shape at(std::uint32_t i, std::uint32_t end) const;
  // "les perturbateurs endocriniens (PE)": an acronym in parentheses right after the lower-case
  // words it abbreviates stands for a common noun, not a name.
  [[nodiscard]] bool abbreviates_common_words(std::uint32_t acronym) const noexcept;
  // After a person's name at token j, a particle and the capitalised word that goes on with it
  // ("de Givry"); not an affiliation ("de FHN Financial"). The token after them, or j.
  [[nodiscard]] std::uint32_t after_particle(std::uint32_t j, std::uint32_t end) const noexcept;

 private:
  [[nodiscard]] bool starts_person_name(std::uint32_t j, std::uint32_t end) const noexcept;
  [[nodiscard]] bool spells(std::uint32_t begin, std::uint32_t end, std::string_view letters) const noexcept;
  [[nodiscard]] std::uint32_t name_before_acronym(std::uint32_t i, std::uint32_t end) const noexcept;
  [[nodiscard]] std::uint32_t name_after_acronym(std::uint32_t i, std::uint32_t end) const noexcept;
  [[nodiscard]] std::uint32_t adjectives_end(std::uint32_t j, std::uint32_t end, std::uint32_t most) const noexcept;
  [[nodiscard]] std::uint32_t common_complements(std::uint32_t j, std::uint32_t end) const noexcept;

  const DocumentView& view_;
};

}  // namespace frnews::detail::linking
