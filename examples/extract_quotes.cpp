// Quotes, speakers and cues of a short dispatch.
#include <frnews/frnews.hpp>

#include <iostream>

int main() {
  const std::string_view text =
      "La ministre des Sports, Hélène Garnier, a salué une « saison historique ». "
      "« Nos athlètes ont été exemplaires », a-t-elle ajouté lundi.";

  const frnews::Analyzer analyzer;
  const auto analysis = analyzer.analyze(text);
  if (!analysis) return 1;
  for (const auto& quote : analysis->quotes) {
    std::cout << frnews::to_string(quote.kind) << ": " << quote.content.of(text) << '\n'
              << "  said by " << (quote.speaker ? quote.speaker->name : "(nobody named)")
              << (quote.cue ? " — " + quote.cue->lemma : std::string()) << '\n';
  }
  return 0;
}
