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
  // Room for `runs` runs without moving them.
  void reserve(std::size_t runs) { runs_.reserve(runs); }
  [[nodiscard]] const void* data() const noexcept { return runs_.data(); }
  [[nodiscard]] std::size_t capacity_bytes() const noexcept { return runs_.capacity() * sizeof(OffsetMap::Run); }
  void copy(std::uint32_t canonical, std::uint32_t original) { append({canonical, original, true}); }
  void rewrite(std::uint32_t canonical, std::uint32_t original) { append({canonical, original, false}); }
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

  // The finished map. Runs that taking back text left side by side are merged on the way, in
  // place: a text can have millions of runs.
  [[nodiscard]] OffsetMap build(std::uint32_t canonical_size, std::uint32_t original_end,
                                std::uint32_t original_size) && {
    std::size_t kept = 0;
    for (const OffsetMap::Run& run : runs_) {
      if (kept > 0) {
        const OffsetMap::Run& back = runs_[kept - 1];
        if (extends(back, run)) continue;
        if (back.canonical == run.canonical) --kept;
      }
      runs_[kept++] = run;
    }
    runs_.resize(kept);
    // Closes the last rewrite where its original bytes end, so dropped trailing bytes are not
    // counted in it.
    if (!runs_.empty() && !runs_.back().identity && runs_.back().canonical < canonical_size) {
      copy(canonical_size, original_end);
    }
    OffsetMap map;
    map.runs_ = std::move(runs_);
    map.canonical_size_ = canonical_size;
    map.original_size_ = original_size;
    return map;
  }

 private:
  // True when `run` goes on the run `back` that ends the map: the same offset on both sides, or
  // bytes rewritten from the same original place.
  static bool extends(const OffsetMap::Run& back, const OffsetMap::Run& run) noexcept {
    if (run.identity) return back.identity && run.canonical - back.canonical == run.original - back.original;
    return !back.identity && back.original == run.original;
  }
  // Adds a run; one that starts where the last one starts takes its place.
  void append(const OffsetMap::Run& run) {
    if (!runs_.empty()) {
      if (extends(runs_.back(), run)) return;
      if (runs_.back().canonical == run.canonical) runs_.pop_back();
    }
    runs_.push_back(run);
  }

  std::vector<OffsetMap::Run> runs_;
};

}  // namespace frnews::detail
