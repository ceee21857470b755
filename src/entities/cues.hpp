// The cue words of data/lexicon/entity_cues.tsv, by fold_key(): what a word around or inside a
// name says about it (see the file's header for each kind).
#pragma once

#include <cstdint>
#include <string_view>

#include "entities/folded_map.hpp"

namespace frnews::detail {

enum CueKind : std::uint16_t {
  cue_stop = 1 << 0,
  cue_common_capital = 1 << 1,
  cue_org_head = 1 << 2,
  cue_org = 1 << 3,
  cue_place_head = 1 << 4,
  cue_institution_head = 1 << 5,
  cue_loc = 1 << 6,
  cue_misc_head = 1 << 7,
};

class EntityCues {
 public:
  EntityCues();
  // The kinds of a folded word, ORed; 0 when it is no cue.
  [[nodiscard]] std::uint16_t kinds(std::string_view folded) const noexcept {
    const std::uint16_t* found = find_folded(kinds_, folded);
    return found ? *found : std::uint16_t{0};
  }

 private:
  FoldedMap<std::uint16_t> kinds_;
};

[[nodiscard]] const EntityCues& entity_cues();

}  // namespace frnews::detail
