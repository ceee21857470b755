// Choosing among the knowledge-base entries that share a mention's name.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "entities/candidate.hpp"
#include "frnews/knowledge_base.hpp"

namespace frnews::detail::linking {

// The weights of an entry's score: its prior (0..1, from the knowledge base) plus what the
// text says. Tuned on the development sets; docs/entities.md says what each one is for.
struct ScoringWeights {
  // The type a cue before the mention asks for: a title or an honorific a person ("M.", "la
  // ministre"), "le groupe", "le club" an organisation, "à", "la ville de" a place.
  float person_cue_fits = 0.5f, person_cue_misfits = -0.6f;
  float org_cue_fits = 0.5f, org_cue_misfits = -0.4f;
  float place_cue_fits = 0.3f, place_cue_against_person = -0.3f;
  // The type the text's shape gives ("Parti ...", a first name).
  float text_type_fits = 0.3f, text_type_misfits = -0.3f;
  // The name is the entry's label rather than an alias: "Bruxelles" is the city before it is
  // the Commission.
  float label = 0.25f;
  // A type the document already uses for unambiguous names.
  float document_type = 0.05f;
  // The entry's description names a place the text names ("Valence, ville d'Espagne").
  float document_place = 0.3f;
  // Below this, every entry is ruled out and the mention is NIL.
  float least = 0.05f;
  // The confidence reported: base + scale * score, within 0..1; and that of a NIL mention.
  float confidence_base = 0.5f, confidence_scale = 0.5f, nil_confidence = 0.4f;
  // The confidence of a name the knowledge base lacks: typed by the text, guessed from some
  // evidence, or typed by default for want of any.
  float typed_name_confidence = 0.7f, guessed_name_confidence = 0.5f, default_type_confidence = 0.3f;
  // Only the first entries, best prior first, are scored.
  std::size_t most_entries = 16;
};

inline constexpr ScoringWeights scoring_weights{};

struct Choice {
  std::optional<EntityId> entry;
  EntityType type = EntityType::misc;
  float score = 0;
};

// What the unambiguous names of the document say about it.
struct DocumentContext {
  std::span<const EntityType> types;        // the types of its unambiguous names
  std::span<const std::string_view> places; // the labels of the first places it names
};

// The entry whose prior and type fit best; none when the cues rule every entry out. `key` is
// the mention's folded text.
[[nodiscard]] Choice choose(const Candidate& c, std::string_view key, const KnowledgeBase& kb,
                            const DocumentContext& document, const ScoringWeights& weights = scoring_weights);

}  // namespace frnews::detail::linking
