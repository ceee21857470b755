// Links against a knowledge base of one's own, in the TSV form of data/kb/.
// Usage: custom_kb [KB.tsv]   (without a .tsv argument, a two-entry knowledge base from memory)
#include <frnews/frnews.hpp>

#include <iostream>

int main(int argc, char** argv) {
  try {
    const frnews::KnowledgeBase kb =
        argc > 1 && std::string_view(argv[1]).ends_with(".tsv") ? frnews::KnowledgeBase::load(argv[1])
                 : frnews::KnowledgeBase::from_tsv(
                       "\tLa Gazette du Val\tLa Gazette du Val\tORG\tGazette\t0.9\tquotidien régional\n"
                       "\t\tMarc Lenoir\tPER\tLenoir\t0.8\tdirecteur de La Gazette du Val\n");
    const frnews::Analyzer analyzer(kb);  // the knowledge base must outlive the analyzer
    const std::string_view text = "Marc Lenoir dirige La Gazette du Val depuis 2019. M. Lenoir a démenti.";
    const auto analysis = analyzer.analyze(text);
    if (!analysis) return 1;
    for (const auto& mention : analysis->entities.mentions) {
      std::cout << mention.span.of(text) << " -> " << analysis->entities.chains[mention.chain].name << '\n';
    }
  } catch (const frnews::Exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
