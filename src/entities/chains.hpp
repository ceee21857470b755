// Grouping a document's mentions into chains, one per entity: the same knowledge-base entry, a
// surname met before in a full name, an acronym defined in parentheses or matching initials, a
// head word repeating a longer name.
#pragma once

#include <cstdint>
#include <memory_resource>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/candidate.hpp"
#include "entities/disambiguation.hpp"
#include "entities/document_view.hpp"

namespace frnews::detail::linking {

struct Mention {
  Candidate c;
  Choice choice;
  std::uint32_t chain = ~0u;
  std::string_view chain_rule;  // the rule that put it in another mention's chain, if any
};

struct Chain {
  std::optional<EntityId> entry;
  EntityType type = EntityType::misc;
  Gender gender = Gender::unknown;
  std::uint32_t fullest = 0;  // the mention with the most tokens
  std::uint32_t first = 0;
  bool typed = false;
};

class ChainBuilder {
 public:
  // The chains and the builder's tables are in the mentions' arena.
  ChainBuilder(const DocumentView& view, std::pmr::vector<Mention>& mentions)
      : view_(view),
        mentions_(mentions),
        chains_(mentions.get_allocator()),
        by_entry_(mentions.get_allocator()),
        by_name_(mentions.get_allocator()),
        tails_(mentions.get_allocator()),
        acronyms_(mentions.get_allocator()),
        by_initials_(mentions.get_allocator()),
        by_head_(mentions.get_allocator()) {}

  // Sets the chain of every mention.
  std::pmr::vector<Chain> build();

 private:
  [[nodiscard]] std::uint32_t words(std::uint32_t m) const noexcept;
  [[nodiscard]] bool is_full_name(std::uint32_t m) const noexcept;
  [[nodiscard]] std::string initials(const Candidate& c) const;
  [[nodiscard]] bool defines_acronym(std::uint32_t name, std::uint32_t acronym) const noexcept;
  [[nodiscard]] bool spells_out(std::uint32_t acronym, std::uint32_t name) const;
  std::uint32_t own_chain(std::uint32_t m);
  // The chain of mention m, another's when a coreference rule joins it to one (and then its
  // chain_rule), else its own.
  std::uint32_t find_chain(std::uint32_t m);
  std::uint32_t join(std::uint32_t m, std::uint32_t chain, std::string_view rule);
  void assign(std::uint32_t m, std::uint32_t chain);

  const DocumentView& view_;
  std::pmr::vector<Mention>& mentions_;
  std::pmr::vector<Chain> chains_;
  std::pmr::unordered_map<EntityId, std::uint32_t> by_entry_;
  std::pmr::unordered_map<std::string_view, std::uint32_t> by_name_;
  std::pmr::unordered_map<std::string_view, std::pmr::vector<std::uint32_t>> tails_;  // surname -> full names
  std::pmr::unordered_map<std::string_view, std::uint32_t> acronyms_;                 // defined in the text
  ArenaFoldedMap<std::uint32_t> by_initials_;
  std::pmr::unordered_map<std::string_view, std::uint32_t> by_head_;  // the first word of names of several
};

}  // namespace frnews::detail::linking
