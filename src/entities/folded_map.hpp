// Lookup tables keyed by fold_key() text, found by string_view without building a string.
#pragma once

#include <cstddef>
#include <functional>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>

#include "frnews/normalize.hpp"

namespace frnews::detail {

struct TransparentHash {
  using is_transparent = void;
  [[nodiscard]] std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

template <class Value>
using FoldedMap = std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>>;
// The same in an arena, for the tables of one document.
template <class Value>
using ArenaFoldedMap = std::pmr::unordered_map<std::pmr::string, Value, TransparentHash, std::equal_to<>>;

// Appends fold_key(word) to `key`, after a space when `space_before` and the key is not empty.
inline void append_folded(std::string& key, std::string_view word, bool space_before) {
  if (space_before && !key.empty()) key += ' ';
  append_fold_key(key, word);
}

// Finds `key` in `map`, or nullptr.
template <class Value>
[[nodiscard]] const Value* find_folded(const FoldedMap<Value>& map, std::string_view key) noexcept {
  const auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace frnews::detail
