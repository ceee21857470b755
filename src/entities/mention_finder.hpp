// Finding the mentions of a document: the names the knowledge base knows and those the text's
// shape gives, each typed and named after the rule that decided it (docs/entities.md).
#pragma once

#include <memory_resource>
#include <vector>

#include "entities/candidate.hpp"
#include "entities/document_view.hpp"
#include "frnews/knowledge_base.hpp"

namespace frnews::detail::linking {

// The mentions of the document in text order, not overlapping; the list and the finder's tables
// in `memory`.
[[nodiscard]] std::pmr::vector<Candidate> find_mentions(const DocumentView& view, const KnowledgeBase& kb,
                                                        std::pmr::memory_resource* memory);

}  // namespace frnews::detail::linking
