// Links the installed frnews through find_package and analyses one sentence.
#include <frnews/frnews.hpp>

#include <iostream>

int main() {
  const frnews::Analyzer analyzer;
  const auto analysis = analyzer.analyze("« Nous tiendrons nos engagements », a déclaré mardi la ministre.");
  if (!analysis) {
    std::cerr << analysis.error().message() << '\n';
    return 1;
  }
  std::cout << "frnews " << FRNEWS_VERSION_STRING << ": " << frnews::to_json(*analysis, "\"consumer\"") << '\n';
  return 0;
}
