// An Analyzer keeps a knowledge base given by value, but a const temporary can be neither kept
// nor moved from: it must not compile. Without FRNEWS_MISUSE the analyzer takes a movable one.
#include <frnews/analyzer.hpp>

#include <utility>

int main() {
  const auto kb = frnews::KnowledgeBase::from_tsv("\t\tMarc Lenoir\tPER\tLenoir\t0.8\t\n");
#if FRNEWS_MISUSE
  const frnews::Analyzer analyzer(std::move(kb));
#else
  auto movable = frnews::KnowledgeBase::from_tsv("\t\tMarc Lenoir\tPER\tLenoir\t0.8\t\n");
  const frnews::Analyzer analyzer(std::move(movable));
  const frnews::Analyzer borrowing(kb);
  (void)borrowing;
#endif
  (void)analyzer;
}
