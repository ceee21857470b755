#include "frnews/analyzer.hpp"

#include <algorithm>
#include <string_view>

#include "frnews/segment.hpp"

namespace frnews {
namespace {

// A speaker is a person or an organisation. A name the knowledge base lacks, which only the
// word before it made a place ("les proches de Teheiura" ... "a raconté Teheiura"), is a
// person's when it speaks (rule type.speaker).
void type_speakers(const std::vector<Quote>& quotes, Entities& entities) {
  constexpr std::string_view weak_place_rules[] = {"type.after-de", "coref.chain-type"};
  const auto weak = [&](const EntityMention& m) {
    return std::find(std::begin(weak_place_rules), std::end(weak_place_rules), m.rule) != std::end(weak_place_rules);
  };
  for (const Quote& quote : quotes) {
    if (!quote.speaker || !quote.speaker->chain) continue;
    const std::uint32_t index = *quote.speaker->chain;
    EntityChain& chain = entities.chains[index];
    if (chain.entry || chain.type != EntityType::location) continue;
    const bool only_weak = std::all_of(entities.mentions.begin(), entities.mentions.end(),
                                       [&](const EntityMention& m) { return m.chain != index || weak(m); });
    if (!only_weak) continue;
    chain.type = EntityType::person;
    for (EntityMention& m : entities.mentions) {
      if (m.chain != index) continue;
      m.type = EntityType::person;
      m.rule = "type.speaker";
    }
  }
}

}  // namespace

Analyzer::Analyzer(const KnowledgeBase& kb, AnalyzerOptions options)
    : options_(options), linker_(kb, options.linker, options.lexicons), quotes_(options.lexicons) {}

Analyzer::Analyzer(KnowledgeBase&& kb, AnalyzerOptions options)
    : owned_kb_(std::make_unique<const KnowledgeBase>(std::move(kb))),
      options_(options),
      linker_(*owned_kb_, options.linker, options.lexicons),
      quotes_(options.lexicons) {}

Result<Analysis> Analyzer::analyze(std::string_view text) const {
  auto document = make_document(text, options_.normalize, options_.lexicons);
  if (!document) return document.error();
  const Document& doc = *document;

  Analysis analysis;
  analysis.original = std::string(text);
  analysis.normalized = std::string(doc.text());
  analysis.repairs = doc.normalized().repairs;
  analysis.map = doc.normalized().map;
  analysis.sentences.reserve(doc.sentences().size());
  OffsetMap::Walker walker(doc.normalized().map);  // the sentences come in order
  for (const auto& sentence : doc.sentences()) analysis.sentences.push_back(walker.to_original(sentence.span));
  analysis.entities = linker_.link(doc);
  analysis.quotes = quotes_.extract(doc, analysis.entities);
  type_speakers(analysis.quotes, analysis.entities);
  return analysis;
}

}  // namespace frnews
