#include <algorithm>

#include "frnews/normalize.hpp"

namespace frnews {

OffsetMap OffsetMap::identity(std::uint32_t size) {
  OffsetMap map;
  map.append_copy(0, 0);
  map.finish(size, size);
  return map;
}

void OffsetMap::append_copy(std::uint32_t canonical, std::uint32_t original) {
  // A copy that continues a copy in step is the same run.
  if (!runs_.empty() && runs_.back().identity &&
      canonical - runs_.back().canonical == original - runs_.back().original) {
    return;
  }
  if (!runs_.empty() && runs_.back().canonical == canonical) runs_.pop_back();  // empty run
  runs_.push_back({canonical, original, true});
}

void OffsetMap::append_rewrite(std::uint32_t canonical, std::uint32_t original) {
  if (!runs_.empty() && runs_.back().canonical == canonical && runs_.back().identity) runs_.pop_back();
  runs_.push_back({canonical, original, false});
}

void OffsetMap::finish(std::uint32_t canonical_size, std::uint32_t original_size) {
  canonical_size_ = canonical_size;
  original_size_ = original_size;
}

namespace {

// The run holding canonical offset `at` (the last run starting at or before it).
template <class Runs>
auto run_at(const Runs& runs, std::uint32_t at) noexcept {
  auto it = std::upper_bound(runs.begin(), runs.end(), at,
                             [](std::uint32_t value, const OffsetMap::Run& run) { return value < run.canonical; });
  return it == runs.begin() ? it : std::prev(it);
}

}  // namespace

std::uint32_t OffsetMap::to_original_begin(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at >= canonical_size_) return original_size_;
  const auto run = run_at(runs_, at);
  return run->identity ? run->original + (at - run->canonical) : run->original;
}

std::uint32_t OffsetMap::to_original_end(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at == 0) return 0;
  if (at > canonical_size_) return original_size_;
  // The run that produced the byte just before `at`.
  const auto run = run_at(runs_, at - 1);
  if (run->identity) return run->original + (at - run->canonical);
  const auto next = std::next(run);
  return next == runs_.end() ? original_size_ : next->original;
}

Span OffsetMap::to_original(Span canonical) const noexcept {
  if (canonical.empty()) {
    const auto at = to_original_begin(canonical.begin);
    return {at, at};
  }
  return {to_original_begin(canonical.begin), to_original_end(canonical.end)};
}

}  // namespace frnews
