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

std::uint32_t OffsetMap::original_begin(std::size_t run, std::uint32_t at) const noexcept {
  const Run& r = runs_[run];
  return r.identity ? r.original + (at - r.canonical) : r.original;
}

// `run` holds the byte just before `at`.
std::uint32_t OffsetMap::original_end(std::size_t run, std::uint32_t at) const noexcept {
  const Run& r = runs_[run];
  if (r.identity) return r.original + (at - r.canonical);
  return run + 1 == runs_.size() ? original_size_ : runs_[run + 1].original;
}

std::uint32_t OffsetMap::to_original_begin(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at >= canonical_size_) return original_size_;
  return original_begin(static_cast<std::size_t>(run_holding(runs_, &Run::canonical, at) - runs_.begin()), at);
}

std::uint32_t OffsetMap::to_original_end(std::uint32_t at) const noexcept {
  if (runs_.empty()) return at;
  if (at == 0) return 0;
  if (at > canonical_size_) return original_size_;
  // The run that produced the byte just before `at`.
  return original_end(static_cast<std::size_t>(run_holding(runs_, &Run::canonical, at - 1) - runs_.begin()), at);
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

std::size_t OffsetMap::Walker::run_holding(std::uint32_t at) noexcept {
  const std::vector<Run>& runs = map_.runs_;
  if (at < runs[run_].canonical) {
    run_ = static_cast<std::size_t>(frnews::run_holding(runs, &Run::canonical, at) - runs.begin());
  } else {
    while (run_ + 1 < runs.size() && runs[run_ + 1].canonical <= at) ++run_;
  }
  return run_;
}

// The same cases as to_original_begin() and to_original_end(), the runs found by walking.
Span OffsetMap::Walker::to_original(Span canonical) noexcept {
  if (map_.runs_.empty()) return canonical.empty() ? Span{canonical.begin, canonical.begin} : canonical;
  const std::uint32_t begin =
      canonical.begin >= map_.canonical_size_ ? map_.original_size_
                                              : map_.original_begin(run_holding(canonical.begin), canonical.begin);
  if (canonical.empty()) return {begin, begin};
  const std::uint32_t at = canonical.end;
  if (at == 0) return {begin, 0};
  const std::uint32_t end = at > map_.canonical_size_ ? map_.original_size_
                                                      : map_.original_end(run_holding(at - 1), at);
  return {begin, end};
}

}  // namespace frnews
