// Builds the binary image of a knowledge base from entities added one by one.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "frnews/knowledge_base.hpp"
#include "kb/binary_format.hpp"

namespace frnews::detail::kb {

struct EntityInput {
  std::string_view wikidata_id;
  std::string_view wiki_title;
  std::string_view label;
  EntityType type = EntityType::misc;
  float prior = 0.5f;
  std::string_view description;
  std::span<const std::string_view> aliases;
};

// Collects entities and their names (the label, then the wiki title without its parenthesised
// suffix, then the aliases, each once), then writes the image.
class Writer {
 public:
  // Copies the entity's strings. Throws frnews::Exception when the knowledge base outgrows the
  // format (more than 4 GiB of strings or 2^32 entries).
  void add(const EntityInput& entity);

  // Writes the image in order, in pieces, through `sink`.
  void write(const std::function<void(std::string_view)>& sink);

 private:
  struct KeyEntry {
    std::uint64_t hash;
    StringRef key;
    std::uint32_t entity;
  };

  StringRef store(std::string_view text);
  [[nodiscard]] std::string_view view(StringRef ref) const noexcept { return {strings_.data() + ref.offset, ref.length}; }

  std::string strings_;
  std::vector<EntityRecord> entities_;
  std::vector<StringRef> names_;
  std::vector<KeyEntry> keys_;
  std::unordered_set<std::string_view> entity_names_;  // the names of the entity being added
  std::uint32_t max_name_words_ = 0;
};

}  // namespace frnews::detail::kb
