// The binary form of a knowledge base: one image, used in place whether it lives in memory (built
// from TSV) or in a memory-mapped file. Every integer is a little-endian uint32 unless noted;
// every section starts at a multiple of 8 bytes. See docs/knowledge_base.md.
//
//   Header
//   EntityRecord[entity_count]
//   StringRef[name_count]          the names of all entities, entity by entity
//   Slot[slot_count]               open-addressing hash table: folded name -> postings
//   uint32[posting_words]          for each key: count, then that many EntityIds, best prior first
//   char[strings_size]             every string, referenced by (offset, length)
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace frnews::detail::kb {

// The first byte is not text, so a TSV file never looks like a binary one.
inline constexpr char magic[8] = {'\x89', 'F', 'R', 'N', 'W', 'S', 'K', 'B'};
inline constexpr std::uint32_t format_version = 2;  // 2: the header records fold_key_version
inline constexpr std::uint32_t byte_order_mark = 0x01020304;  // reads differently on a big-endian host
inline constexpr std::uint32_t empty_slot = 0xFFFFFFFF;

struct StringRef {
  std::uint32_t offset = 0;  // into the string section
  std::uint32_t length = 0;
};

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint64_t file_size;
  std::uint32_t entity_count;
  std::uint32_t name_count;
  std::uint32_t slot_count;  // larger than key_count
  std::uint32_t key_count;
  std::uint32_t posting_words;
  std::uint32_t max_name_words;
  std::uint64_t strings_size;
  std::uint32_t fold_version;  // the fold_key_version the keys of the hash table were made with
  std::uint32_t reserved;      // zero
};
static_assert(sizeof(Header) == 64);

struct EntityRecord {
  StringRef wikidata_id;
  StringRef wiki_title;
  StringRef label;
  StringRef description;
  std::uint32_t first_name;  // names [first_name, first_name + name_count)
  std::uint32_t name_count;
  float prior;
  std::uint32_t type;  // EntityType
};
static_assert(sizeof(EntityRecord) == 48);

struct Slot {
  std::uint32_t hash;      // the high half of key_hash()
  StringRef key;
  std::uint32_t postings;  // index into the postings section, or empty_slot
};
static_assert(sizeof(Slot) == 16);

// Where each section lives, computed from the counts in the header.
struct Layout {
  std::uint64_t entities, names, slots, postings, strings, end;
};

constexpr std::uint64_t align8(std::uint64_t n) noexcept { return (n + 7) & ~std::uint64_t{7}; }

constexpr Layout layout_of(const Header& h) noexcept {
  Layout l{};
  l.entities = align8(sizeof(Header));
  l.names = align8(l.entities + std::uint64_t{h.entity_count} * sizeof(EntityRecord));
  l.slots = align8(l.names + std::uint64_t{h.name_count} * sizeof(StringRef));
  l.postings = align8(l.slots + std::uint64_t{h.slot_count} * sizeof(Slot));
  l.strings = align8(l.postings + std::uint64_t{h.posting_words} * sizeof(std::uint32_t));
  l.end = l.strings + h.strings_size;
  return l;
}

// A 64-bit hash of a folded name; part of the file format, so it must never change.
inline std::uint64_t key_hash(std::string_view key) noexcept {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ key.size();
  while (key.size() >= 8) {
    std::uint64_t word;
    std::memcpy(&word, key.data(), 8);
    h = (h ^ word) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 32;
    key.remove_prefix(8);
  }
  std::uint64_t tail = 0;
  if (!key.empty()) std::memcpy(&tail, key.data(), key.size());
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 29;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 32;
  return h;
}

// The slot where the search for a key starts: the low half of its hash scaled to the table.
constexpr std::uint32_t home_slot(std::uint64_t hash, std::uint32_t slot_count) noexcept {
  return static_cast<std::uint32_t>((std::uint64_t{static_cast<std::uint32_t>(hash)} * slot_count) >> 32);
}

}  // namespace frnews::detail::kb
