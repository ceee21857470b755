// Finding the mentions of a document: the names the knowledge base knows and those the text's
// shape gives, each typed and named after the rule that decided it (docs/entities.md).
#pragma once

#include <vector>

#include "entities/candidate.hpp"
#include "entities/document_view.hpp"
#include "frnews/knowledge_base.hpp"

namespace frnews::detail::linking {

// The mentions of the document in text order, not overlapping.
[[nodiscard]] std::vector<Candidate> find_mentions(const DocumentView& view, const KnowledgeBase& kb);

}  // namespace frnews::detail::linking
