#include "corpus.hpp"

#include <array>
#include <string_view>

namespace frnews::bench {
namespace {

// Paragraphs in the style of French wire copy, written for these benchmarks.
constexpr std::array<std::string_view, 8> paragraphs = {
    "Le Premier ministre a présenté mardi à Matignon un plan de 2,5 milliards d'euros pour la "
    "rénovation des écoles, a annoncé le gouvernement dans un communiqué.",
    "« Nous devons agir vite et sans attendre le prochain budget », a déclaré M. Bernard Lefèvre, "
    "le ministre de l'Éducation, lors d'un déplacement à Marseille.",
    "Selon l'Insee, le taux de chômage a reculé à 7,3 % au troisième trimestre, son plus bas niveau "
    "depuis 2008.",
    "La présidente de la Commission européenne s'est dite « préoccupée » par la situation en Ukraine, "
    "où les combats se poursuivent autour de Kharkiv.",
    "Interrogé sur RTL, le maire de Bordeaux, Pierre Hurmic, a jugé que la réforme « manque "
    "d'ambition » et a appelé l'État à « revoir sa copie ».",
    "« C'est une victoire pour tous les salariés », a-t-elle ajouté, saluant l'accord conclu avec la "
    "direction de Renault après dix heures de négociations.",
    "Le Kremlin a démenti jeudi toute implication dans l'incident, a rapporté l'agence Reuters, tandis "
    "que l'OTAN a convoqué une réunion d'urgence à Bruxelles.",
    "D'après la CGT, plus de 10 000 personnes ont manifesté à Paris et 3 500 à Lyon contre la réforme "
    "des retraites, des chiffres contestés par la préfecture de police.",
};

}  // namespace

std::string news_text(std::size_t bytes) {
  std::string text;
  text.reserve(bytes + 512);
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    text += paragraphs[i % paragraphs.size()];
    text += "\n\n";
  }
  return text;
}

std::string mojibake_text(std::size_t bytes) {
  // Each UTF-8 byte of the clean text read as one Windows-1252 (here: Latin-1) character.
  const std::string clean = news_text(bytes / 2 + 1);
  std::string text;
  text.reserve(clean.size() * 2);
  for (const char c : clean) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80) {
      text += c;
    } else {
      text += static_cast<char>(0xC0 | (byte >> 6));
      text += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return text;
}

std::string html_text(std::size_t bytes) {
  std::string text;
  text.reserve(bytes + 512);
  for (std::size_t i = 0; text.size() < bytes; ++i) {
    text += "<p>";
    for (const char c : paragraphs[i % paragraphs.size()]) {
      if (c == '\'') {
        text += "&#8217;";
      } else {
        text += c;
      }
    }
    text += "</p>\n";
  }
  return text;
}

}  // namespace frnews::bench
