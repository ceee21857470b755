#include "frnews/analyzer.hpp"

#include "frnews/segment.hpp"

namespace frnews {

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
  for (const auto& sentence : doc.sentences()) analysis.sentences.push_back(doc.to_original(sentence.span));
  analysis.entities = linker_.link(doc);
  analysis.quotes = quotes_.extract(doc, analysis.entities);
  return analysis;
}

}  // namespace frnews
