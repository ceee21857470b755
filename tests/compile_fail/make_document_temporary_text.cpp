// A Document views the caller's text: make_document() on a temporary std::string must not
// compile. Without FRNEWS_MISUSE the same code keeps the text in a variable.
#include <frnews/segment.hpp>

#include <string>

int main() {
#if FRNEWS_MISUSE
  const auto document = frnews::make_document(std::string("Le préfet a parlé."));
#else
  const std::string text = "Le préfet a parlé.";
  const auto document = frnews::make_document(text);
  const auto literal = frnews::make_document("Un littéral vit aussi longtemps que le programme.");
  (void)literal;
#endif
  (void)document;
}
