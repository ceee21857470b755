// The type of a name the knowledge base does not know and whose shape says nothing of it: an
// ordered list of named rules, the first that applies decides (each sees what the ones before
// left undecided).
#pragma once

#include <cstdint>
#include <string_view>

#include "frnews/knowledge_base.hpp"

namespace frnews::detail::linking {

// What the text says around and inside the name.
struct TypingFacts {
  bool honorific_cue = false;    // "M. Lemaire"
  bool title_cue = false;        // "le ministre Lemaire"
  bool apposition = false;       // "Lemaire, 54 ans,", "Lemaire, ancien ministre"
  bool org_cue = false;          // "le groupe Arvalis"
  bool known_org_part = false;   // a known organisation's name starts it
  bool one_word = false;
  bool has_digit = false;        // "COP28"
  bool in_capitals = false;      // "CGT"
  bool place_cue = false;        // "à Trifouillis", "le maire de Trifouillis"
  bool title_complement = false; // "le président de Brocéliande"
  bool after_de = false;         // "originaire de Trifouillis"
};

struct TypingRule {
  std::string_view name;
  EntityType type;
  bool (*applies)(const TypingFacts&) noexcept;
};

inline constexpr TypingRule typing_rules[] = {
    {"cue.honorific", EntityType::person, [](const TypingFacts& f) noexcept { return f.honorific_cue; }},
    {"cue.title", EntityType::person, [](const TypingFacts& f) noexcept { return f.title_cue; }},
    {"shape.apposition", EntityType::person, [](const TypingFacts& f) noexcept { return f.apposition; }},
    {"cue.organisation", EntityType::organization, [](const TypingFacts& f) noexcept { return f.org_cue; }},
    {"type.known-part", EntityType::organization, [](const TypingFacts& f) noexcept { return f.known_org_part; }},
    {"type.number", EntityType::misc, [](const TypingFacts& f) noexcept { return f.one_word && f.has_digit; }},
    {"type.acronym", EntityType::organization, [](const TypingFacts& f) noexcept { return f.one_word && f.in_capitals; }},
    {"cue.place", EntityType::location, [](const TypingFacts& f) noexcept { return f.place_cue; }},
    {"type.several-words", EntityType::person, [](const TypingFacts& f) noexcept { return !f.one_word && !f.in_capitals; }},
    {"cue.title-complement", EntityType::organization, [](const TypingFacts& f) noexcept { return f.title_complement; }},
    {"type.after-de", EntityType::location, [](const TypingFacts& f) noexcept { return f.after_de; }},
    {"type.default", EntityType::organization, [](const TypingFacts&) noexcept { return true; }},
};

// The first rule of typing_rules that applies.
[[nodiscard]] inline const TypingRule& first_typing_rule(const TypingFacts& facts) noexcept {
  for (const TypingRule& rule : typing_rules) {
    if (rule.applies(facts)) return rule;
  }
  return typing_rules[std::size(typing_rules) - 1];
}

}  // namespace frnews::detail::linking
