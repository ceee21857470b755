#include "entities/lexicon.hpp"

#include <algorithm>
#include <array>

#include "core/lexicon_file.hpp"
#include "segment/lower_case.hpp"

namespace frnews::detail {
namespace {

// "M", "F" or "X" (either); an empty view when the field is something else.
std::optional<Gender> parse_gender(std::string_view field) noexcept {
  if (field == "M") return Gender::masculine;
  if (field == "F") return Gender::feminine;
  if (field == "X") return Gender::unknown;
  return std::nullopt;
}

// The number column of honorifics.tsv and roles.tsv: "S" or "P", singular when absent.
std::optional<bool> parse_plural(const std::vector<std::string_view>& fields) noexcept {
  if (fields.size() < 3 || fields[2] == "S") return false;
  if (fields[2] == "P") return true;
  return std::nullopt;
}

constexpr std::array<std::pair<std::string_view, std::uint32_t>, 16> cue_kinds = {{
    {"stop", cue_stop},
    {"common_capital", cue_common_capital},
    {"org_head", cue_org_head},
    {"org_cue", cue_org},
    {"place_head", cue_place_head},
    {"institution_head", cue_institution_head},
    {"loc_cue", cue_loc},
    {"misc_head", cue_misc_head},
    {"name_particle", word_name_particle},
    {"not_adjective", word_not_adjective},
    {"ministry", word_ministry},
    {"football", word_football},
    {"org_form", word_org_form},
    {"event_form", word_event_form},
    {"name_connector", word_name_connector},
    {"age", word_age},
}};

// The classes of function_words.tsv the linker reads; the quote extractor's lexicon checks the
// names of all the file's classes.
constexpr std::array<std::pair<std::string_view, Grammar>, 11> function_word_classes = {{
    {"de", Grammar::de},
    {"de_forms", Grammar::de_forms},
    {"definite_article", Grammar::definite_article},
    {"feminine_article", Grammar::feminine_article},
    {"contracted_le", Grammar::contracted_le},
    {"contracted_les", Grammar::contracted_les},
    {"complement_preposition", Grammar::complement_preposition},
    {"portfolio_preposition", Grammar::portfolio_preposition},
    {"list_conjunction", Grammar::list_conjunction},
    {"and_conjunction", Grammar::and_conjunction},
    {"stressed_pronoun", Grammar::stressed_pronoun},
}};

bool starts_with_any(std::string_view key, const std::vector<std::string>& starts) noexcept {
  return std::any_of(starts.begin(), starts.end(), [&](const std::string& start) { return key.starts_with(start); });
}

}  // namespace

EntityLexicon::EntityLexicon(LexiconFiles& files) {
  FoldedMap<LexiconEntry> words;  // frozen into words_ once every file is read
  // Room for the words of the built-in files at once (common nouns, first names…): growing
  // the map step by step rehashed it a dozen times.
  words.reserve(files.lines("common_nouns.tsv") + files.lines("first_names.tsv") + 4096);
  files.read("first_names.tsv", 2, 2, [&](const auto& fields) -> std::string {
    const auto gender = parse_gender(fields[1]);
    if (!gender) return "gender must be M, F or X";
    LexiconEntry& word = words[fold_key(fields[0])];
    if (!(word.kinds & word_first_name)) word.first_name_gender = *gender;
    word.kinds |= word_first_name;
    return {};
  });
  files.read("honorifics.tsv", 2, 3, [&](const auto& fields) -> std::string {
    const auto gender = parse_gender(fields[1]);
    const auto plural = parse_plural(fields);
    if (!gender || !plural) return "gender must be M, F or X and number S or P";
    honorifics_.emplace(std::string(fields[0]), Honorific{*gender, *plural});
    words[fold_key(fields[0])].kinds |= word_honorific;
    return {};
  });
  // The words of a role as the quote extractor reads them: lower case, elisions left out.
  const auto office_words = [&](std::string_view phrase) {
    std::string lower;
    append_lower_case(lower, phrase);
    std::vector<std::string_view> split;
    std::string_view rest = office_words_.emplace_back(std::move(lower));
    while (!rest.empty()) {
      std::string_view word = rest.substr(0, rest.find(' '));
      rest.remove_prefix(std::min(rest.size(), word.size() + 1));
      if (const std::size_t apostrophe = word.find('\''); apostrophe != std::string_view::npos) {
        word.remove_prefix(apostrophe + 1);
      }
      if (!word.empty()) split.push_back(word);
    }
    return split;
  };
  files.read("roles.tsv", 2, 4, [&](const auto& fields) -> std::string {
    if (fields.size() > 3) offices_.push_back({office_words(fields[0]), office_words(fields[3])});
    const auto gender = parse_gender(fields[1]);
    const auto plural = parse_plural(fields);
    if (!gender || !plural) return "gender must be M, F or X and number S or P";
    const std::string key = fold_key(fields[0]);
    // Every word boundary of the phrase is a prefix role_at() may pass through.
    for (std::size_t i = 0; i < key.size(); ++i) {
      if (key[i] == ' ' || (key[i] == '\'' && i + 1 < key.size())) {
        roles_.try_emplace(key.substr(0, key[i] == '\'' ? i + 1 : i));
      }
    }
    roles_[key] = {true, *gender, *plural};
    return {};
  });
  // role_at() looks up the first token's word first: a word that opens no phrase is no role.
  for (const auto& [key, entry] : roles_) {
    if (key.find(' ') == std::string::npos) words[key].kinds |= word_role_start;
  }
  files.read("demonyms.tsv", 3, 3, [&](const auto& fields) -> std::string {
    if (fields[2] != "country" && fields[2] != "city" && fields[2] != "region") {
      return "kind must be country, city or region";
    }
    LexiconEntry& word = words[fold_key(fields[0])];
    if (word.kinds & word_demonym) return {};
    // The place's name is a view into the file, which outlives the lexicon.
    word.demonym_place = fields[1];
    word.kinds |= word_demonym | (fields[2] == "country" ? word_country_demonym : 0U);
    return {};
  });
  files.read("entity_cues.tsv", 2, 2, [&](const auto& fields) -> std::string {
    const auto kind = std::find_if(cue_kinds.begin(), cue_kinds.end(), [&](const auto& k) { return k.first == fields[1]; });
    if (kind == cue_kinds.end()) return "unknown kind " + std::string(fields[1]);
    words[fold_key(fields[0])].kinds |= kind->second;
    return {};
  });
  files.read("entity_affixes.tsv", 2, 2, [&](const auto& fields) -> std::string {
    if (fields[1] == "adjective_ending") {
      adjective_endings_.add(fold_key(fields[0]));
    } else if (fields[1] == "common_noun_ending") {
      common_noun_endings_.add(fold_key(fields[0]));
    } else if (fields[1] == "place_title_start") {
      place_title_starts_.push_back(fold_key(fields[0]));
    } else if (fields[1] == "portfolio_title_start") {
      portfolio_title_starts_.push_back(fold_key(fields[0]));
    } else if (fields[1] == "particle_title_start") {
      particle_title_starts_.push_back(fold_key(fields[0]));
    } else {
      return "unknown kind " + std::string(fields[1]);
    }
    return {};
  });
  // Adds the folded `word` to a class; longer words than the rules ask about are an error.
  const auto add_grammar = [&](Grammar word_class, std::string_view word) -> std::string {
    const std::string key = fold_key(word);
    if (key.size() > max_grammar_word) return "a grammatical word of the entity linker has at most 7 bytes";
    grammar_[static_cast<std::size_t>(word_class)].push_back(packed(key));
    return {};
  };
  files.read("function_words.tsv", 2, 2, [&](const auto& fields) -> std::string {
    for (const auto& [name, word_class] : function_word_classes) {
      if (fields[0] != name) continue;
      if (std::string error = add_grammar(word_class, fields[1]); !error.empty()) return error;
    }
    return {};
  });
  // The determiners of one word, by the gender and number of cues.tsv (m, f, p, or none).
  files.read("cues.tsv", 2, 3, [&](const auto& fields) -> std::string {
    if (fields[0] != "determiner" || fields[1].find(' ') != std::string_view::npos) return {};
    const std::string_view value = fields.size() > 2 ? fields[2] : std::string_view{};
    std::string error;
    if (value == "f") error += add_grammar(Grammar::feminine_determiner, fields[1]);
    if (value == "m") error += add_grammar(Grammar::masculine_determiner, fields[1]);
    if (value != "p") error += add_grammar(Grammar::singular_determiner, fields[1]);
    return error;
  });
  files.read("common_nouns.tsv", 1, 1, [&](const auto& fields) -> std::string {
    words[fold_key(fields[0])].kinds |= word_common_noun;
    return {};
  });
  words_ = FlatTable<LexiconEntry>(std::move(words));
}

namespace {
constexpr LexiconEntry no_entry;
}  // namespace

const LexiconEntry& EntityLexicon::word(std::string_view key) const noexcept {
  const LexiconEntry* found = words_.find(key);
  return found ? *found : no_entry;
}

void EntityLexicon::words(std::span<const std::string_view> keys, std::span<const LexiconEntry*> found) const noexcept {
  // In the same pass, and without a branch: known and unknown words alternate at random.
  words_.find_each(keys, [found](std::size_t k, const LexiconEntry* entry) { found[k] = entry ? entry : &no_entry; });
}

bool EntityLexicon::looks_adjective(std::string_view key, const LexiconEntry& word) const noexcept {
  if (key.size() < 4 || (word.kinds & word_not_adjective)) return false;
  return adjective_endings_.ends(key) || (word.kinds & word_demonym);
}

bool EntityLexicon::has_common_noun_ending(std::string_view key) const noexcept {
  return common_noun_endings_.ends(key);
}

bool EntityLexicon::holds_a_place(std::string_view title_key) const noexcept {
  return starts_with_any(title_key, place_title_starts_);
}

bool EntityLexicon::has_portfolio(std::string_view title_key) const noexcept {
  return starts_with_any(title_key, portfolio_title_starts_);
}

bool EntityLexicon::takes_particle(std::string_view title_key) const noexcept {
  return starts_with_any(title_key, particle_title_starts_);
}

bool EntityLexicon::is_first_name(std::string_view word_text) const noexcept {
  return (word(fold_key(word_text)).kinds & word_first_name) != 0;
}

Gender EntityLexicon::first_name_gender(std::string_view word_text) const noexcept {
  return word(fold_key(word_text)).first_name_gender;
}

std::optional<Honorific> EntityLexicon::honorific(std::string_view written) const noexcept {
  const Honorific* found = find_folded(honorifics_, written);
  if (found) return *found;
  return std::nullopt;
}

RoleMatch EntityLexicon::role_at(const Document& doc, std::uint32_t first) const noexcept {
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
    const RoleEntry* entry = find_folded(roles_, key);
    if (!entry) break;
    if (entry->complete) best = {i + 1 - first, entry->gender, entry->plural};
  }
  // "la ministre", "le porte-parole": the article tells the gender of a title that has one form.
  if (best && best.gender == Gender::unknown && first > sentence.first_token) {
    const std::string key_before = fold_key(doc.text(tokens[first - 1]));
    if (is(Grammar::feminine_determiner, key_before)) best.gender = Gender::feminine;
    if (is(Grammar::masculine_determiner, key_before) || is(Grammar::contracted_le, key_before)) {
      best.gender = Gender::masculine;
    }
  }
  return best;
}

std::optional<Demonym> EntityLexicon::demonym(std::string_view word_text) const noexcept {
  return demonym_of_key(fold_key(word_text));
}

std::optional<Demonym> EntityLexicon::demonym_of_key(std::string_view key) const noexcept {
  const LexiconEntry& found = word(key);
  if (!(found.kinds & word_demonym)) return std::nullopt;
  return Demonym{found.demonym_place, (found.kinds & word_country_demonym) != 0};
}

}  // namespace frnews::detail
