// A whole article to a readable report: each quote with its speaker, each entity with its link.
// Usage: analyze_file ARTICLE.txt
#include <frnews/frnews.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: analyze_file ARTICLE.txt\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.eof() && !in) {
    std::cerr << "cannot read " << argv[1] << '\n';
    return 1;
  }

  const frnews::Analyzer analyzer;  // built-in knowledge base and lexicons
  const auto analysis = analyzer.analyze(text);
  if (!analysis) {
    std::cerr << analysis.error().message() << '\n';
    return 1;
  }
  auto words = [&](frnews::Span span) { return span.of(text); };

  std::cout << "Quotes\n";
  for (const auto& quote : analysis->quotes) {
    std::cout << "  [" << frnews::to_string(quote.kind) << "] « " << words(quote.content) << " »\n";
    std::cout << "    speaker: " << (quote.speaker ? quote.speaker->name : std::string("(none)"));
    if (quote.speaker && !quote.speaker->wikidata_id.empty()) std::cout << " (" << quote.speaker->wikidata_id << ")";
    if (quote.cue) std::cout << ", cue: " << words(quote.cue->span) << " -> " << quote.cue->lemma;
    std::cout << '\n';
  }
  std::cout << "Entities\n";
  for (const auto& mention : analysis->entities.mentions) {
    const auto& chain = analysis->entities.chains[mention.chain];
    std::cout << "  " << words(mention.span) << " [" << frnews::to_string(mention.type) << "] -> " << chain.name;
    if (!chain.wikidata_id.empty()) std::cout << " (" << chain.wikidata_id << ")";
    std::cout << '\n';
  }
  return 0;
}
