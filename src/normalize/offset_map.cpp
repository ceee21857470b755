#include <algorithm>

#include "frnews/normalize.hpp"

namespace frnews {

OffsetMap OffsetMap::identity(std::uint32_t size) {
  OffsetMap map;
  map.runs_.push_back({0, 0, true});
  map.canonical_size_ = size;
  map.original_size_ = size;
  return map;
}

namespace {

// The run holding offset `at` of the canonical or the original text, as `side` says: the last
// run starting at or before it.
template <class Runs>
auto run_holding(const Runs& runs, std::uint32_t OffsetMap::Run::*side, std::uint32_t at) noexcept {
  auto it = std::upper_bound(runs.begin(), runs.end(), at,
                             [side](std::uint32_t value, const OffsetMap::Run& run) { return value < run.*side; });
  return it == runs.begin() ? it : std::prev(it);
}

}  // namespace

std::uint32_t OffsetMap::to_original_begin(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at >= canonical_size_) return original_size_;
  const auto run = run_holding(runs_, &Run::canonical, at);
  return run->identity ? run->original + (at - run->canonical) : run->original;
}

std::uint32_t OffsetMap::to_original_end(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at == 0) return 0;
  if (at > canonical_size_) return original_size_;
  // The run that produced the byte just before `at`.
  const auto run = run_holding(runs_, &Run::canonical, at - 1);
  if (run->identity) return run->original + (at - run->canonical);
  const auto next = std::next(run);
  return next == runs_.end() ? original_size_ : next->original;
}

Span OffsetMap::to_canonical(Span original) const noexcept {
  if (runs_.empty()) return {std::min(original.begin, original.end), original.end};
  const auto run_end = [&](auto run) {
    const auto next = std::next(run);
    return next == runs_.end() ? canonical_size_ : next->canonical;
  };
  // Where the canonical text stands at original offset `at`, inside the run `run`: one to one in
  // an identity run (bytes dropped after it map to its end), the start of a rewritten sequence,
  // or its end when `past` asks for what follows a byte of it.
  const auto locate = [&](auto run, std::uint32_t at, bool past) {
    if (!run->identity) return past ? run_end(run) : run->canonical;
    return std::min(run->canonical + (at - run->original), run_end(run));
  };
  if (original.begin >= original_size_) return {canonical_size_, canonical_size_};
  const std::uint32_t begin = locate(run_holding(runs_, &Run::original, original.begin), original.begin, false);
  if (original.end <= original.begin) return {begin, begin};
  const std::uint32_t end_at = std::min(original.end, original_size_);
  const std::uint32_t end = locate(run_holding(runs_, &Run::original, end_at - 1), end_at, true);
  return {begin, std::max(begin, end)};
}

Span OffsetMap::to_original(Span canonical) const noexcept {
  if (canonical.empty()) {
    const auto at = to_original_begin(canonical.begin);
    return {at, at};
  }
  return {to_original_begin(canonical.begin), to_original_end(canonical.end)};
}

}  // namespace frnews
