// Grouping a document's mentions into chains, one per entity: the same knowledge-base entry, a
// surname met before in a full name, an acronym defined in parentheses or matching initials, a
// head word repeating a longer name.
#pragma once

#include <cstdint>
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
  ChainBuilder(const DocumentView& view, std::vector<Mention>& mentions) : view_(view), mentions_(mentions) {}

  // Sets the chain of every mention.
  std::vector<Chain> build();

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
  std::vector<Mention>& mentions_;
  std::vector<Chain> chains_;
  std::unordered_map<EntityId, std::uint32_t> by_entry_;
  std::unordered_map<std::string_view, std::uint32_t> by_name_;
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> tails_;  // surname -> full names
  std::unordered_map<std::string_view, std::uint32_t> acronyms_;            // defined in the text
  FoldedMap<std::uint32_t> by_initials_;
  FoldedMap<std::uint32_t> by_head_;
};

}  // namespace frnews::detail::linking
