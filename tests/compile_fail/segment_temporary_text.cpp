// segment() builds a Document that views the caller's text: on a temporary std::string it must
// not compile. Without FRNEWS_MISUSE the same code keeps the text in a variable.
#include <frnews/segment.hpp>

#include <string>

int main() {
  const std::string text = "Le préfet a parlé.";
  auto normalized = frnews::normalize(text);
#if FRNEWS_MISUSE
  const auto document = frnews::segment(std::string(text), std::move(*normalized));
#else
  const auto document = frnews::segment(text, std::move(*normalized));
#endif
  (void)document;
}
