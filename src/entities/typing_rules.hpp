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
  bool place_apposition = false; // "Murat, une commune de 1 800 habitants"
  bool org_apposition = false;   // "Arvalis, une société lyonnaise"
  bool org_cue = false;          // "le groupe Arvalis"
  bool known_org_part = false;   // a known organisation's name starts it
  bool one_word = false;
  bool has_digit = false;        // "COP28"
  bool in_capitals = false;      // "CGT"
  bool org_form = false;         // its last word names a kind of organisation: "FHN Financial"
  bool event_form = false;       // its last word names a kind of event: "Mill Valley Film Festival"
  bool first_name = false;       // one word, a known first name: "Coumba"
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
    {"shape.place-apposition", EntityType::location, [](const TypingFacts& f) noexcept { return f.place_apposition; }},
    {"shape.organisation-apposition", EntityType::organization, [](const TypingFacts& f) noexcept { return f.org_apposition; }},
    {"cue.organisation", EntityType::organization, [](const TypingFacts& f) noexcept { return f.org_cue; }},
    {"type.known-part", EntityType::organization, [](const TypingFacts& f) noexcept { return f.known_org_part; }},
    {"type.number", EntityType::misc, [](const TypingFacts& f) noexcept { return f.one_word && f.has_digit; }},
    {"type.acronym", EntityType::organization, [](const TypingFacts& f) noexcept { return f.one_word && f.in_capitals; }},
    {"type.organisation-form", EntityType::organization, [](const TypingFacts& f) noexcept { return !f.one_word && f.org_form; }},
    {"type.event-form", EntityType::misc, [](const TypingFacts& f) noexcept { return !f.one_word && f.event_form; }},
    {"cue.place", EntityType::location, [](const TypingFacts& f) noexcept { return f.place_cue; }},
    {"type.first-name", EntityType::person, [](const TypingFacts& f) noexcept { return f.first_name; }},
    {"type.several-words", EntityType::person, [](const TypingFacts& f) noexcept { return !f.one_word && !f.in_capitals; }},
    {"cue.title-complement", EntityType::organization, [](const TypingFacts& f) noexcept { return f.title_complement; }},
    {"type.after-de", EntityType::location, [](const TypingFacts& f) noexcept { return f.after_de; }},
    {"type.default", EntityType::organization, [](const TypingFacts&) noexcept { return true; }},
};

// The last rule, which applies when nothing says what the name is.
inline constexpr const TypingRule& default_typing_rule = typing_rules[std::size(typing_rules) - 1];

// The first rule of typing_rules that applies.
[[nodiscard]] inline const TypingRule& first_typing_rule(const TypingFacts& facts) noexcept {
  for (const TypingRule& rule : typing_rules) {
    if (rule.applies(facts)) return rule;
  }
  return default_typing_rule;
}

}  // namespace frnews::detail::linking
