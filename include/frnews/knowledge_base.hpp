#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "frnews/export.hpp"

namespace frnews {

enum class EntityType : std::uint8_t { person, location, organization, misc };

// "PER", "LOC", "ORG", "MISC"
[[nodiscard]] FRNEWS_API std::string_view to_string(EntityType type) noexcept;
[[nodiscard]] FRNEWS_API std::optional<EntityType> parse_entity_type(std::string_view text) noexcept;

using EntityId = std::uint32_t;  // index of an entry in its KnowledgeBase

// One knowledge-base entry. Its views point into the KnowledgeBase, which must outlive them.
struct Entity {
  std::string_view wikidata_id;  // "Q7747", or empty when unknown
  std::string_view wiki_title;   // French Wikipedia title: "Vladimir Poutine"
  std::string_view label;        // the name to show: "Vladimir Poutine"
  EntityType type = EntityType::misc;
  float prior = 0;               // how often a name means this entity, 0..1
  std::string_view description;
};

// An immutable set of entities and the names they go by, shared by any number of threads.
// Copies share the same data.
class FRNEWS_API KnowledgeBase {
 public:
  // The knowledge base compiled into the library: countries, cities, people, organisations that
  // French news names most. Ready on first use, no file needed.
  [[nodiscard]] static const KnowledgeBase& builtin();

  // Reads a knowledge base in the TSV form of data/kb/ or in the binary form of save_binary()
  // (see docs/knowledge_base.md). Throws frnews::Exception naming the file and line on a
  // malformed TSV file, or the problem in a truncated or corrupted binary file.
  [[nodiscard]] static KnowledgeBase load(const std::filesystem::path& path);
  // Parses the TSV form from memory; `source` names it in error messages.
  [[nodiscard]] static KnowledgeBase from_tsv(std::string_view tsv, std::string_view source = "<memory>");
  // The layers as one knowledge base, first layer first: a name is looked up in every layer, and
  // an entry replaces the entries of later layers with the same Wikidata id or French Wikipedia
  // title ({mine, builtin()}: my entries win, the built-in ones stay). Shares the layers' data.
  [[nodiscard]] static KnowledgeBase layered(const std::vector<KnowledgeBase>& layers);
  // Writes the binary form, which load() memory-maps instead of parsing. A layered knowledge base
  // is written as one, without the replaced entries.
  void save_binary(const std::filesystem::path& path) const;

  KnowledgeBase(const KnowledgeBase&) noexcept;
  KnowledgeBase& operator=(const KnowledgeBase&) noexcept;
  KnowledgeBase(KnowledgeBase&&) noexcept;
  KnowledgeBase& operator=(KnowledgeBase&&) noexcept;
  ~KnowledgeBase();

  // The number of entries, replaced ones included: every id below it is valid.
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] Entity entity(EntityId id) const noexcept;
  // The aliases of an entity, its label included.
  [[nodiscard]] std::span<const std::string_view> names(EntityId id) const noexcept;
  // Entities that go by a name, by its fold_key() ("etats-unis"), best prior first. Empty when
  // none. A name written with a leading "l'" is found with and without it ("l'otan", "otan").
  [[nodiscard]] std::span<const EntityId> lookup(std::string_view folded_name) const noexcept;
  // False when no name starts with these folded words followed by a space ("parti" may go on to
  // "parti socialiste"), so that a longest-match scan stops early; may be true when none does.
  [[nodiscard]] bool may_continue(std::string_view folded_words) const noexcept;
  // The longest number of words of any name, to bound longest-match scans.
  [[nodiscard]] std::uint32_t max_name_words() const noexcept;

  class Impl;

 private:
  explicit KnowledgeBase(std::shared_ptr<const Impl> impl) noexcept;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace frnews
