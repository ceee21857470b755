// People, organisations and places of a sentence, linked to Wikidata and French Wikipedia.
#include <frnews/frnews.hpp>

#include <iostream>
#include <string>

// What an entity is linked to: its Wikidata id, else its French Wikipedia title for an entry
// Wikidata does not know, else NIL (no knowledge-base entry).
std::string link_of(const frnews::EntityChain& entity) {
  if (!entity.wikidata_id.empty()) return entity.wikidata_id;
  if (!entity.wiki_title.empty()) return "wiki:" + entity.wiki_title;
  return "NIL";
}

int main() {
  const std::string_view text =
      "Le président ukrainien Volodymyr Zelensky a rencontré à Bruxelles le secrétaire général de "
      "l'OTAN. M. Zelensky a ensuite rejoint Varsovie.";

  const auto document = frnews::make_document(text);
  if (!document) return 1;
  const frnews::EntityLinker linker;  // the built-in knowledge base
  const frnews::Entities entities = linker.link(*document);
  for (const auto& mention : entities.mentions) {
    const auto& entity = entities.chains[mention.chain];
    std::cout << mention.span.of(text) << " [" << frnews::to_string(mention.type) << "] -> " << entity.name << " ("
              << link_of(entity) << ")\n";
  }
  return 0;
}
