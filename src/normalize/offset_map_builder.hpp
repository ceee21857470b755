// The offset map under construction, written by the normalizer: the only writer of OffsetMap.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "frnews/normalize.hpp"

namespace frnews::detail {

// Offset-map runs under construction. Unlike OffsetMap, it can take back its tail when a
// repair reaches back into text already written (mojibake, NFC, "..." -> "…").
class OffsetMapBuilder {
 public:
  void copy(std::uint32_t canonical, std::uint32_t original) {
    if (!runs_.empty()) {
      const auto& back = runs_.back();
      if (back.identity && canonical - back.canonical == original - back.original) return;
      if (back.canonical == canonical) runs_.pop_back();
    }
    runs_.push_back({canonical, original, true});
  }
  void rewrite(std::uint32_t canonical, std::uint32_t original) {
    if (!runs_.empty()) {
      const auto& back = runs_.back();
      // Bytes rewritten from the same original place extend the same run.
      if (!back.identity && back.original == original) return;
      if (back.canonical == canonical) runs_.pop_back();
    }
    runs_.push_back({canonical, original, false});
  }
  // The original offset of canonical offset `at`; `at` is near the end, so search from there.
  [[nodiscard]] std::uint32_t original_at(std::uint32_t at) const noexcept {
    auto run = runs_.rbegin();
    while (run != runs_.rend() && run->canonical > at) ++run;
    if (run == runs_.rend()) return at;
    return run->identity ? run->original + (at - run->canonical) : run->original;
  }
  // True when canonical [begin, end) lies in one identity run.
  [[nodiscard]] bool identity_through(std::uint32_t begin, std::uint32_t end) const noexcept {
    auto run = runs_.rbegin();
    std::uint32_t run_end = std::numeric_limits<std::uint32_t>::max();
    while (run != runs_.rend() && run->canonical > begin) {
      run_end = run->canonical;
      ++run;
    }
    return run != runs_.rend() && run->identity && end <= run_end;
  }
  // Forgets the runs that start at or after canonical offset `at`.
  void truncate(std::uint32_t at) {
    while (!runs_.empty() && runs_.back().canonical >= at) runs_.pop_back();
  }
  // The finished map. Runs that taking back text left side by side are merged on the way.
  [[nodiscard]] OffsetMap build(std::uint32_t canonical_size, std::uint32_t original_end,
                                std::uint32_t original_size) const {
    OffsetMapBuilder merged;
    for (const auto& run : runs_) {
      if (run.identity) {
        merged.copy(run.canonical, run.original);
      } else {
        merged.rewrite(run.canonical, run.original);
      }
    }
    // Closes the last rewrite where its original bytes end, so dropped trailing bytes are not
    // counted in it.
    if (!runs_.empty() && !runs_.back().identity && runs_.back().canonical < canonical_size) {
      merged.copy(canonical_size, original_end);
    }
    OffsetMap map;
    map.runs_ = std::move(merged.runs_);
    map.canonical_size_ = canonical_size;
    map.original_size_ = original_size;
    return map;
  }

 private:
  std::vector<OffsetMap::Run> runs_;
};

}  // namespace frnews::detail
