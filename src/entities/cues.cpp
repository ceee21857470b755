#include "entities/cues.hpp"

#include "core/embedded.hpp"
#include "core/tsv.hpp"

namespace frnews::detail {
namespace {

std::uint16_t parse_kind(std::string_view kind) noexcept {
  if (kind == "stop") return cue_stop;
  if (kind == "common_capital") return cue_common_capital;
  if (kind == "org_head") return cue_org_head;
  if (kind == "org_cue") return cue_org;
  if (kind == "place_head") return cue_place_head;
  if (kind == "institution_head") return cue_institution_head;
  if (kind == "loc_cue") return cue_loc;
  if (kind == "misc_head") return cue_misc_head;
  return 0;
}

}  // namespace

EntityCues::EntityCues() {
  const std::string_view file = embedded_file("lexicon/entity_cues.tsv").value_or(std::string_view{});
  for_each_tsv_record(file, [&](const auto& fields, std::size_t) {
    if (fields.size() >= 2) kinds_[fold_key(fields[0])] |= parse_kind(fields[1]);
  });
}

const EntityCues& entity_cues() {
  static const EntityCues cues;
  return cues;
}

}  // namespace frnews::detail
