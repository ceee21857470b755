// An EntityLinker keeps a pointer to its knowledge base: built from a temporary one, it must
// not compile. Without FRNEWS_MISUSE the same code keeps the knowledge base in a variable.
#include <frnews/entities.hpp>

int main() {
#if FRNEWS_MISUSE
  const frnews::EntityLinker linker(frnews::KnowledgeBase::from_tsv("\t\tMarc Lenoir\tPER\tLenoir\t0.8\t\n"));
#else
  const auto kb = frnews::KnowledgeBase::from_tsv("\t\tMarc Lenoir\tPER\tLenoir\t0.8\t\n");
  const frnews::EntityLinker linker(kb);
#endif
  (void)linker;
}
