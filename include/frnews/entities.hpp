#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/export.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/segment.hpp"
#include "frnews/span.hpp"

namespace frnews {

enum class Gender : std::uint8_t { unknown, masculine, feminine };

// All the mentions of one entity in a document ("Sergueï Choïgou", "M. Choïgou", "Choïgou").
struct EntityChain {
  std::string name;                // the fullest name the document gives, or the KB label
  EntityType type = EntityType::misc;
  Gender gender = Gender::unknown;  // for people: from honorifics, first names, agreement
  std::optional<EntityId> entry;   // the knowledge-base entry, or none (NIL)
  std::string wikidata_id;         // copied from the entry so results outlive the knowledge base
  std::string wiki_title;
};

struct EntityMention {
  Span span;                   // in the original text
  std::uint32_t first_token;   // the document tokens [first_token, end_token)
  std::uint32_t end_token;
  EntityType type = EntityType::misc;
  std::uint32_t chain = 0;     // index into Entities::chains
  float score = 0;             // confidence of the link, 0..1
  std::string_view rule;       // the rule that found and typed it (docs/entities.md); static
};

struct Entities {
  std::vector<EntityMention> mentions;  // in text order
  std::vector<EntityChain> chains;
};

struct LinkerOptions {
  bool link_demonyms = false;   // "russe" -> Russia as a mention
  float min_score = 0.0f;       // links below this score become NIL
};

namespace detail {
class EntityLexicon;
}

// Finds people, organisations and places and links them to a knowledge base, reading the
// lexicons given (a copy of the set, which shares its tables). Const and thread-safe; the
// knowledge base must outlive it.
class FRNEWS_API EntityLinker {
 public:
  explicit EntityLinker(const KnowledgeBase& kb = KnowledgeBase::builtin(), LinkerOptions options = {},
                        Lexicons lexicons = Lexicons::builtin());
  // A temporary knowledge base would be gone before the first link(): keep it in a variable.
  EntityLinker(const KnowledgeBase&& kb, LinkerOptions options = {}, Lexicons lexicons = Lexicons::builtin()) = delete;
  [[nodiscard]] Entities link(const Document& doc) const;

 private:
  const KnowledgeBase* kb_;
  LinkerOptions options_;
  Lexicons lexicons_;
  const detail::EntityLexicon* lexicon_;  // the table of lexicons_ the linker reads
};

}  // namespace frnews
