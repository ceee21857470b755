#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/entities.hpp"
#include "frnews/export.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/segment.hpp"
#include "frnews/span.hpp"

namespace frnews {

enum class QuoteKind : std::uint8_t {
  direct,    // a sentence or more between quotation marks
  partial,   // a few quoted words inside the journalist's sentence
  indirect,  // reported speech without quotation marks: "X a estimé que ..."
};

[[nodiscard]] FRNEWS_API std::string_view to_string(QuoteKind kind) noexcept;

struct Speaker {
  Span mention;                        // the words the attribution rests on, original text
  std::string name;                    // resolved: the fullest name in the document
  std::optional<std::uint32_t> chain;  // index into Entities::chains when the speaker is an entity
  std::string wikidata_id;
  std::string wiki_title;
  std::string_view rule;               // the attribution rule that chose it (docs/quotes.md); static
};

struct Cue {
  Span span;           // "a-t-il ajouté", original text
  std::string lemma;   // "ajouter", "selon"
};

struct Quote {
  Span content;        // the quoted words without the marks, original text
  std::string canonical;  // the same words as normalized: no HTML entity, no mojibake, French spacing
  QuoteKind kind = QuoteKind::direct;
  std::optional<Speaker> speaker;  // none when the text names no speaker
  std::optional<Cue> cue;
  std::string_view rule;           // the detection rule that found it (docs/quotes.md); static
};

// Finds quotations and who said them. Const and thread-safe.
class FRNEWS_API QuoteExtractor {
 public:
  QuoteExtractor();  // with the lexicons built into the library
  explicit QuoteExtractor(Lexicons lexicons);
  QuoteExtractor(QuoteExtractor&&) noexcept;
  QuoteExtractor& operator=(QuoteExtractor&&) noexcept;
  ~QuoteExtractor();

  // Quotes in text order; speakers resolve through the entity chains of the same document.
  [[nodiscard]] std::vector<Quote> extract(const Document& doc, const Entities& entities) const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace frnews
