#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "frnews/error.hpp"
#include "frnews/knowledge_base.hpp"

namespace frnews {

std::string_view to_string(EntityType type) noexcept {
  switch (type) {
    case EntityType::person: return "PER";
    case EntityType::location: return "LOC";
    case EntityType::organization: return "ORG";
    case EntityType::misc: return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> parse_entity_type(std::string_view text) noexcept {
  if (text == "PER") return EntityType::person;
  if (text == "LOC") return EntityType::location;
  if (text == "ORG") return EntityType::organization;
  if (text == "MISC") return EntityType::misc;
  return std::nullopt;
}

// Placeholder until the knowledge base lands: no entries.
class KnowledgeBase::Impl {
 public:
  std::vector<Entity> entities;
};

KnowledgeBase::KnowledgeBase(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;
KnowledgeBase::~KnowledgeBase() = default;

const KnowledgeBase& KnowledgeBase::builtin() {
  static const KnowledgeBase kb(std::make_unique<Impl>());
  return kb;
}

KnowledgeBase KnowledgeBase::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Exception("cannot read knowledge base " + path.string());
  const std::string tsv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return from_tsv(tsv, path.string());
}

KnowledgeBase KnowledgeBase::from_tsv(std::string_view, std::string_view) {
  return KnowledgeBase(std::make_unique<Impl>());
}

std::size_t KnowledgeBase::size() const noexcept { return impl_->entities.size(); }
Entity KnowledgeBase::entity(EntityId id) const noexcept { return impl_->entities[id]; }
std::span<const std::string_view> KnowledgeBase::names(EntityId) const noexcept { return {}; }
std::span<const EntityId> KnowledgeBase::lookup(std::string_view) const noexcept { return {}; }
std::uint32_t KnowledgeBase::max_name_words() const noexcept { return 0; }

}  // namespace frnews
