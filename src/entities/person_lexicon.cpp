#include "entities/person_lexicon.hpp"

#include <string>

#include "core/embedded.hpp"
#include "core/tsv.hpp"
#include "entities/folded_map.hpp"

namespace frnews::detail {
namespace {

Gender parse_gender(std::string_view field) noexcept {
  if (field == "M") return Gender::masculine;
  if (field == "F") return Gender::feminine;
  return Gender::unknown;
}

std::string_view lexicon_file(std::string_view name) {
  return embedded_file(name).value_or(std::string_view{});
}

// A role phrase or the beginning of one: role_at() extends its key token by token and stops as
// soon as no phrase starts that way.
struct RoleEntry {
  bool complete = false;
  Gender gender = Gender::unknown;
  bool plural = false;
};

}  // namespace

class PersonLexicon::Impl {
 public:
  FoldedMap<Gender> first_names;
  FoldedMap<Honorific> honorifics;
  FoldedMap<RoleEntry> roles;
  FoldedMap<Demonym> demonyms;

  Impl() {
    for_each_tsv_record(lexicon_file("lexicon/first_names.tsv"), [&](const auto& fields, std::size_t) {
      if (fields.size() >= 2) first_names.emplace(fold_key(fields[0]), parse_gender(fields[1]));
    });
    for_each_tsv_record(lexicon_file("lexicon/honorifics.tsv"), [&](const auto& fields, std::size_t) {
      if (fields.size() < 2) return;
      const bool plural = fields.size() >= 3 && fields[2] == "P";
      // Honorifics are case-sensitive in practice ("Me" is not "me"): keep the written form.
      honorifics.emplace(std::string(fields[0]), Honorific{parse_gender(fields[1]), plural});
    });
    for_each_tsv_record(lexicon_file("lexicon/roles.tsv"), [&](const auto& fields, std::size_t) {
      if (fields.size() < 2) return;
      const std::string key = fold_key(fields[0]);
      // Every word boundary of the phrase is a prefix role_at() may pass through.
      for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == ' ' || (key[i] == '\'' && i + 1 < key.size())) {
          roles.try_emplace(key.substr(0, key[i] == '\'' ? i + 1 : i));
        }
      }
      RoleEntry& entry = roles[key];
      entry = {true, parse_gender(fields[1]), fields.size() >= 3 && fields[2] == "P"};
    });
    const std::string_view demonym_file = lexicon_file("lexicon/demonyms.tsv");
    for_each_tsv_record(demonym_file, [&](const auto& fields, std::size_t) {
      if (fields.size() < 2) return;
      // The place's name is a view into the embedded file, which lives as long as the program.
      demonyms.emplace(fold_key(fields[0]), Demonym{fields[1], fields.size() >= 3 && fields[2] == "country"});
    });
  }
};

PersonLexicon::PersonLexicon() : impl_(std::make_unique<Impl>()) {}
PersonLexicon::~PersonLexicon() = default;

bool PersonLexicon::is_first_name(std::string_view word) const noexcept {
  return find_folded(impl_->first_names, fold_key(word)) != nullptr;
}

Gender PersonLexicon::first_name_gender(std::string_view word) const noexcept {
  const Gender* gender = find_folded(impl_->first_names, fold_key(word));
  return gender ? *gender : Gender::unknown;
}

std::optional<Honorific> PersonLexicon::honorific(std::string_view word) const noexcept {
  const Honorific* found = find_folded(impl_->honorifics, word);
  if (found) return *found;
  return std::nullopt;
}

RoleMatch PersonLexicon::role_at(const Document& doc, std::uint32_t first) const noexcept {
  const auto tokens = doc.tokens();
  if (first >= tokens.size()) return {};
  const Sentence& sentence = doc.sentences()[doc.sentence_of(first)];
  RoleMatch best;
  std::string key;
  for (std::uint32_t i = first; i < sentence.end_token && i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind != TokenKind::word && token.kind != TokenKind::elision) break;
    const bool space_before = i > first && tokens[i - 1].span.end < token.span.begin;
    append_folded(key, doc.text(token), space_before);
    const RoleEntry* entry = find_folded(impl_->roles, key);
    if (!entry) break;
    if (entry->complete) best = {i + 1 - first, entry->gender, entry->plural};
  }
  // "la ministre", "le porte-parole": the article tells the gender of a title that has one form.
  if (best && best.gender == Gender::unknown && first > sentence.first_token) {
    const std::string key_before = fold_key(doc.text(tokens[first - 1]));
    if (key_before == "la" || key_before == "une" || key_before == "cette") best.gender = Gender::feminine;
    if (key_before == "le" || key_before == "un" || key_before == "ce" || key_before == "du" || key_before == "au") {
      best.gender = Gender::masculine;
    }
  }
  return best;
}

std::optional<Demonym> PersonLexicon::demonym(std::string_view word) const noexcept {
  return demonym_of_key(fold_key(word));
}

std::optional<Demonym> PersonLexicon::demonym_of_key(std::string_view key) const noexcept {
  const Demonym* found = find_folded(impl_->demonyms, key);
  if (found) return *found;
  return std::nullopt;
}

const PersonLexicon& person_lexicon() {
  static const PersonLexicon lexicon;
  return lexicon;
}

}  // namespace frnews::detail
