// Links against a knowledge base of one's own, in the TSV form of data/kb/, layered over the
// built-in one: its entries win, the built-in ones stay.
// Usage: custom_kb [KB.tsv]   (without a .tsv argument, a two-entry knowledge base from memory)
#include <frnews/frnews.hpp>

#include <iostream>

int main(int argc, char** argv) {
  try {
    const frnews::KnowledgeBase mine =
        argc > 1 && std::string_view(argv[1]).ends_with(".tsv") ? frnews::KnowledgeBase::load(argv[1])
                 : frnews::KnowledgeBase::from_tsv(
                       "\tLa Gazette du Val\tLa Gazette du Val\tORG\tGazette\t0.9\tquotidien régional\n"
                       "\t\tMarc Lenoir\tPER\tLenoir\t0.8\tdirecteur de La Gazette du Val\n");
    const auto kb = frnews::KnowledgeBase::layered({mine, frnews::KnowledgeBase::builtin()});
    const frnews::Analyzer analyzer(kb);  // the knowledge base must outlive the analyzer
    const std::string_view text =
        "Marc Lenoir dirige La Gazette du Val depuis 2019. M. Lenoir a démenti à Lyon.";
    const auto analysis = analyzer.analyze(text);
    if (!analysis) return 1;
    for (const auto& mention : analysis->entities.mentions) {
      // A Wikidata id, else a French Wikipedia title, else an entry known by neither or NIL.
      const auto& entity = analysis->entities.chains[mention.chain];
      std::cout << mention.span.of(text) << " -> " << entity.name << " ("
                << (!entity.wikidata_id.empty() ? entity.wikidata_id
                    : !entity.wiki_title.empty() ? "wiki:" + entity.wiki_title
                                                 : std::string("NIL"))
                << ")\n";
    }
  } catch (const frnews::Exception& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
