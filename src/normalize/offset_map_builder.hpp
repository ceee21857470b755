// The offset map under construction, written by the normalizer: the only writer of OffsetMap.
#pragma once

#include <cstddef>
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
  // Makes canonical [at, at + length) one rewritten sequence for each `at` of `starts`
  // (increasing, each inside one run of the text written): a repair made in place once the pass
  // is over. Returns the original span of each; `original_end` is where the original text written
  // ends. One pass over the runs, however many repairs.
  std::vector<Span> rewrite_in_place(const std::vector<std::uint32_t>& starts, std::uint32_t length,
                                     std::uint32_t canonical_size, std::uint32_t original_end) {
    std::vector<OffsetMap::Run> runs;
    runs.reserve(runs_.size() + 2 * starts.size());
    std::vector<Span> originals;
    std::size_t next = 0;  // the first run of runs_ not yet taken
    for (const std::uint32_t at : starts) {
      while (next < runs_.size() && runs_[next].canonical <= at) runs.push_back(runs_[next++]);
      OffsetMap::Run& run = runs.back();
      const bool last = next == runs_.size();
      if (!run.identity) {
        originals.push_back({run.original, last ? original_end : runs_[next].original});
        continue;
      }
      const std::uint32_t original = run.original + (at - run.canonical);
      originals.push_back({original, original + length});
      if (at == run.canonical) {
        run.identity = false;
      } else {
        runs.push_back({at, original, false});
      }
      if (at + length < (last ? canonical_size : runs_[next].canonical)) {
        runs.push_back({at + length, original + length, true});
      }
    }
    runs.insert(runs.end(), runs_.begin() + static_cast<std::ptrdiff_t>(next), runs_.end());
    runs_ = std::move(runs);
    return originals;
  }

  // The finished map. Runs that taking back text left side by side are merged on the way.
  [[nodiscard]] OffsetMap build(std::uint32_t canonical_size, std::uint32_t original_end,
                                std::uint32_t original_size) const {
    OffsetMapBuilder merged;
    merged.runs_.reserve(runs_.size() + 1);  // no copy on the way: a text can have millions of runs
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
