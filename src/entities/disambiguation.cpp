#include "entities/disambiguation.hpp"

#include <algorithm>

namespace frnews::detail::linking {
namespace {

// "Laval (Québec)" is labelled "Laval" for the text: the qualifier only tells homonyms apart.
std::string_view without_qualifier(std::string_view label) noexcept {
  if (label.empty() || label.back() != ')') return label;
  const std::size_t open = label.rfind(" (");
  return open == std::string_view::npos ? label : label.substr(0, open);
}

float type_fit(const Candidate& c, EntityType type, const ScoringWeights& w) noexcept {
  float fit = 0;
  if (c.person_cue) fit += type == EntityType::person ? w.person_cue_fits : w.person_cue_misfits;
  if (c.org_cue) fit += type == EntityType::organization ? w.org_cue_fits : w.org_cue_misfits;
  if (c.loc_cue) {
    fit += type == EntityType::location ? w.place_cue_fits : (type == EntityType::person ? w.place_cue_against_person : 0.0f);
  }
  if (c.typed_by_text) fit += type == c.type ? w.text_type_fits : w.text_type_misfits;
  return fit;
}

}  // namespace

Choice choose(const Candidate& c, std::string_view key, const KnowledgeBase& kb, const DocumentContext& document,
              const ScoringWeights& weights) {
  Choice best;
  float best_score = -1;
  for (std::size_t k = 0; k < c.entries.size() && k < weights.most_entries; ++k) {
    const Entity entity = kb.entity(c.entries[k]);
    float score = entity.prior + type_fit(c, entity.type, weights);
    if (fold_key(without_qualifier(entity.label)) == key) score += weights.label;
    if (std::find(document.types.begin(), document.types.end(), entity.type) != document.types.end()) {
      score += weights.document_type;
    }
    if (c.entries.size() > 1 && std::any_of(document.places.begin(), document.places.end(), [&](std::string_view place) {
          return entity.description.find(place) != std::string_view::npos;
        })) {
      score += weights.document_place;
    }
    if (score > best_score) {
      best_score = score;
      best = {c.entries[k], entity.type, 0};
    }
  }
  if (!best.entry || best_score < weights.least) return {std::nullopt, c.type, weights.nil_confidence};
  best.score = std::clamp(weights.confidence_base + weights.confidence_scale * best_score, 0.0f, 1.0f);
  return best;
}

}  // namespace frnews::detail::linking
