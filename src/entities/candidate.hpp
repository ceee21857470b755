// A mention as the linker finds it, before its entry is chosen and its chain built.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "frnews/entities.hpp"

namespace frnews::detail::linking {

struct Candidate {
  std::uint32_t begin = 0, end = 0;  // tokens
  EntityType type = EntityType::misc;
  std::span<const EntityId> entries;  // knowledge-base candidates, best prior first
  std::string_view rule;              // the rule that found and typed it (docs/entities.md)
  bool typed_by_text = false;         // the type comes from a cue, not from a guess
  bool tentative = false;             // kept only if the document confirms it
  bool default_type = false;          // no evidence of its type: the default one
  Gender gender = Gender::unknown;
  // Cues seen just before the mention.
  bool person_cue = false;
  bool org_cue = false;
  bool loc_cue = false;
  bool role_complement = false;  // "le maire de X": where a person holds office
  bool club = false;             // a city's name standing for its football club
};

}  // namespace frnews::detail::linking
