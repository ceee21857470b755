// An immutable table from strings to values, built once from a map and then only read: open
// addressing in one array, the keys in one buffer and a cheap hash, so that a lookup costs a hash
// of a few bytes and one or two cache lines, and allocates nothing. For the word lists that
// every token of every document is looked up in.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace frnews::detail {

// A multiply-xorshift hash of 8 bytes at a time: words are short, and the table's keys are not
// chosen by an adversary (they are the library's own word lists).
[[nodiscard]] inline std::uint64_t hash_word(std::string_view text) noexcept {
  std::uint64_t hash = 0x9E3779B97F4A7C15ULL ^ text.size();
  std::size_t at = 0;
  for (; at + 8 <= text.size(); at += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + at, 8);
    hash = (hash ^ chunk) * 0xBF58476D1CE4E5B9ULL;
    hash ^= hash >> 31;
  }
  // The last bytes, read with fixed-size loads (a copy of a variable length is a call, and a
  // stall when the 8 bytes are read back); loads may overlap, the length is in the hash.
  const char* rest = text.data() + at;
  const std::size_t left = text.size() - at;
  std::uint64_t tail = 0;
  if (left != 0 && text.size() >= 8) {
    std::memcpy(&tail, text.data() + text.size() - 8, 8);
  } else if (left >= 4) {
    std::uint32_t low = 0, high = 0;
    std::memcpy(&low, rest, 4);
    std::memcpy(&high, rest + left - 4, 4);
    tail = std::uint64_t{high} << 32 | low;
  } else if (left != 0) {
    tail = static_cast<unsigned char>(rest[0]) | static_cast<std::uint64_t>(static_cast<unsigned char>(rest[left / 2])) << 8 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(rest[left - 1])) << 16;
  }
  hash = (hash ^ tail) * 0x94D049BB133111EBULL;
  return hash ^ (hash >> 29);
}

template <class Value>
class FlatTable {
 public:
  FlatTable() = default;

  // From any map of std::string to Value (its values are moved).
  template <class Map>
  explicit FlatTable(Map&& map) {
    const std::size_t capacity = std::bit_ceil(map.size() * 2 + 2);  // at most half full
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    entries_.reserve(map.size());
    for (auto& [key, value] : map) {
      const std::uint64_t hash = hash_word(key);
      std::size_t at = hash & mask_;
      while (slots_[at].value != empty) at = (at + 1) & mask_;
      slots_[at] = {tag_of(hash), static_cast<std::uint32_t>(entries_.size())};
      entries_.push_back({static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), std::move(value)});
      keys_ += key;
    }
  }

  // The value of `key`, or nullptr.
  [[nodiscard]] const Value* find(std::string_view key) const noexcept {
    return slots_.empty() ? nullptr : find(key, hash_word(key));
  }

  // find() of each key into `found`, of the same size. A large table is mostly out of the cache:
  // the reads of several keys are started together, where one find() after another would wait
  // for each in turn.
  void find_each(std::span<const std::string_view> keys, std::span<const Value*> found) const noexcept {
    find_each(keys, [found](std::size_t k, const Value* value) { found[k] = value; });
  }
  // The same, handing each(k, find(keys[k])) the value of each key in turn.
  template <class Each>
  void find_each(std::span<const std::string_view> keys, Each&& each) const noexcept {
    if (slots_.empty()) {
      for (std::size_t k = 0; k < keys.size(); ++k) each(k, static_cast<const Value*>(nullptr));
      return;
    }
    constexpr std::size_t batch = 16;
    std::array<std::uint64_t, batch> hashes{};
    for (std::size_t first = 0; first < keys.size(); first += batch) {
      const std::size_t count = std::min(batch, keys.size() - first);
      for (std::size_t k = 0; k < count; ++k) {
        hashes[k] = hash_word(keys[first + k]);
        __builtin_prefetch(&slots_[hashes[k] & mask_]);
      }
      for (std::size_t k = 0; k < count; ++k) {
        const Slot& slot = slots_[hashes[k] & mask_];
        if (slot.value != empty && slot.tag == tag_of(hashes[k])) {
          __builtin_prefetch(&entries_[slot.value]);
          __builtin_prefetch(keys_.data() + entries_[slot.value].key_begin);
        }
      }
      for (std::size_t k = 0; k < count; ++k) each(first + k, find(keys[first + k], hashes[k]));
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

 private:
  [[nodiscard]] const Value* find(std::string_view key, std::uint64_t hash) const noexcept {
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.value == empty) return nullptr;
      if (slot.tag != tag_of(hash)) continue;
      const Entry& stored = entries_[slot.value];
      if (stored.key_size == key.size() && std::memcmp(keys_.data() + stored.key_begin, key.data(), key.size()) == 0) {
        return &stored.value;
      }
    }
  }

  static constexpr std::uint32_t empty = UINT32_MAX;
  // Eight bytes a slot, so that the slots of a word list of tens of thousands of words stay in
  // the cache; the key is read only when the upper half of the hash matches.
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t value = empty;  // index into entries_
  };
  // A key's place in keys_ beside its value: a lookup that hits reads one line less.
  struct Entry {
    std::uint32_t key_begin;
    std::uint32_t key_size;
    Value value;
  };
  [[nodiscard]] static std::uint32_t tag_of(std::uint64_t hash) noexcept { return static_cast<std::uint32_t>(hash >> 32); }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<Entry> entries_;  // index: Slot::value
  std::string keys_;
};

// A set of words seen in one document, for at most `capacity` insertions; it views the words,
// which must outlive it. Open addressing like FlatTable, without copying the keys.
class WordSet {
 public:
  explicit WordSet(std::size_t capacity = 0) : slots_(std::bit_ceil(capacity * 2 + 2)), mask_(slots_.size() - 1) {}

  void insert(std::string_view word) {
    std::size_t at = hash_word(word) & mask_;
    while (slots_[at].data() != nullptr) {
      if (slots_[at] == word) return;
      at = (at + 1) & mask_;
    }
    slots_[at] = word.data() == nullptr ? std::string_view("") : word;
  }
  [[nodiscard]] bool contains(std::string_view word) const noexcept {
    for (std::size_t at = hash_word(word) & mask_; slots_[at].data() != nullptr; at = (at + 1) & mask_) {
      if (slots_[at] == word) return true;
    }
    return false;
  }

 private:
  std::vector<std::string_view> slots_;  // a view without data is an empty slot
  std::size_t mask_;
};

}  // namespace frnews::detail
