#include "frnews/entities.hpp"

namespace frnews {

EntityLinker::EntityLinker(const KnowledgeBase& kb, LinkerOptions options) : kb_(&kb), options_(options) {}

// Placeholder until entity linking lands: no mentions.
Entities EntityLinker::link(const Document&) const { return {}; }

}  // namespace frnews
