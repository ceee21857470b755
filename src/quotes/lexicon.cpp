#include "quotes/lexicon.hpp"

#include <stdexcept>

#include "core/lexicon_file.hpp"
#include "segment/lower_case.hpp"

namespace frnews::detail {

void fold_word(std::string_view word, std::string& out) {
  out.clear();
  append_lower_case(out, word);
}

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t at = text.find(separator);
    const std::string_view part = text.substr(0, at);
    if (!part.empty()) parts.push_back(part);
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

bool is_vowel_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (std::string_view("aeiouy").find(c) != std::string_view::npos) return true;
  // é è ê ë â à î ï ô û ù ü: all start with 0xC3 in UTF-8
  return static_cast<unsigned char>(c) == 0xC3;
}

// The stem of the singular présent of verbs like "répéter": the last é becomes è.
std::string grave_stem(std::string_view stem) {
  const std::size_t at = stem.rfind("\xC3\xA9");
  if (at == std::string_view::npos || at + 2 >= stem.size()) return std::string(stem);
  for (std::size_t i = at + 2; i < stem.size(); ++i) {
    if (is_vowel_at(stem, i)) return std::string(stem);
  }
  std::string out(stem);
  out.replace(at, 2, "\xC3\xA8");
  return out;
}

// The stem before an ending that starts with a or o: "annonç", "jugea".
std::string soft_stem(std::string_view stem) {
  if (stem.ends_with('c')) return std::string(stem.substr(0, stem.size() - 1)) + "\xC3\xA7";
  if (stem.ends_with('g')) return std::string(stem) + "e";
  return std::string(stem);
}

// The classes of function_words.tsv, in the order of FunctionWord.
constexpr std::array<std::string_view, function_word_classes> function_word_names = {
    "que",  "relative_subject", "relative", "relative_complement", "clause_boundary", "and_conjunction",
    "sentence_conjunction", "verb_coordination", "negation", "reflexive", "adverbial_pronoun", "gerund",
    "object_pronoun", "dative_or_stressed", "dative_pronoun", "stressed_pronoun", "subject_pronoun",
    "singular_subject_pronoun", "masculine_subject_pronoun", "impersonal_pronoun", "first_person", "de", "de_forms",
    "role_complement", "affiliation", "noun_marker", "dative_preposition", "topic_preposition", "circle_head",
    "circle_of", "circle_preposition", "passive_agent", "object_preposition", "agent_preposition",
    "auxiliary_avoir", "auxiliary_etre", "auxiliary_infinitive", "goal_source", "definite_article", "feminine_article", "contracted_le",
    "contracted_les", "complement_preposition", "portfolio_preposition", "list_conjunction"};

}  // namespace

void CueLexicon::add(Phrases& phrases, std::string_view phrase, LexEntry entry) {
  std::string folded;
  // Elisions are words of their own in the text: "d'après" is read as "d'" "après".
  std::vector<std::string_view> words;
  for (auto word : split(phrase, ' ')) {
    const std::size_t apostrophe = word.find('\'');
    const std::string_view head = word.substr(0, apostrophe);
    const bool elision = apostrophe != std::string_view::npos && apostrophe + 1 < word.size() &&
                         std::find(phrases.elisions.begin(), phrases.elisions.end(), head) != phrases.elisions.end();
    if (elision) {
      words.push_back(word.substr(0, apostrophe + 1));
      words.push_back(word.substr(apostrophe + 1));
    } else {
      words.push_back(word);
    }
  }
  if (words.empty()) return;
  fold_word(words[0], folded);
  std::string first = folded;
  for (std::size_t i = 1; i < words.size(); ++i) {
    fold_word(words[i], folded);
    entry.rest.push_back(folded);
  }
  phrases.by_first_word[first].push_back(std::move(entry));
}

void CueLexicon::add_verb_forms(Phrases& phrases, std::uint16_t verb, std::string_view lemma,
                                std::string_view conjugation, std::string_view finite, std::string_view participles,
                                std::string_view present_participle) {
  // "se réjouir" -> "réjouir"; "faire valoir" -> base "faire", particle " valoir".
  std::string_view base = lemma;
  if (base.starts_with("se ")) base.remove_prefix(3);
  else if (base.starts_with("s'")) base.remove_prefix(2);
  std::string particle;
  if (const std::size_t space = base.find(' '); space != std::string_view::npos) {
    particle = std::string(base.substr(space));
    base = base.substr(0, space);
  }
  const auto add_form = [&](std::string_view form, VerbForm kind, bool with_particle) {
    LexEntry entry{{}, WordClass::verb, static_cast<std::uint8_t>(kind), verb};
    add(phrases, with_particle ? std::string(form) + particle : std::string(form), std::move(entry));
  };
  for (auto form : split(finite, ',')) add_form(form, VerbForm::finite, conjugation != "irr");
  for (auto form : split(participles, ',')) add_form(form, VerbForm::participle, conjugation != "irr");
  for (auto form : split(present_participle, ',')) add_form(form, VerbForm::present_participle, conjugation != "irr");
  if (conjugation == "er" && base.ends_with("er")) {
    const std::string_view stem = base.substr(0, base.size() - 2);
    const std::string s(stem), grave = grave_stem(stem), soft = soft_stem(stem);
    for (const auto& f : {grave + "e", grave + "es", grave + "ent", soft + "ons", s + "ez", soft + "ait",
                          soft + "ais", soft + "aient", soft + "a", s + "\xC3\xA8rent", s + "era", s + "eront",
                          s + "erait", s + "eraient"}) {
      add_form(f, VerbForm::finite, true);
    }
    for (const auto& f : {s + "\xC3\xA9", s + "\xC3\xA9" "e", s + "\xC3\xA9s", s + "\xC3\xA9" "es"}) {
      add_form(f, VerbForm::participle, true);
    }
    add_form(soft + "ant", VerbForm::present_participle, true);
  } else if (conjugation == "ir" && base.ends_with("ir")) {
    const std::string s(base.substr(0, base.size() - 2));
    for (const auto& f : {s + "it", s + "is", s + "issent", s + "issait", s + "issaient", s + "irent", s + "ira",
                          s + "iront", s + "irait", s + "iraient"}) {
      add_form(f, VerbForm::finite, true);
    }
    for (const auto& f : {s + "i", s + "ie", s + "is", s + "ies"}) add_form(f, VerbForm::participle, true);
    add_form(s + "issant", VerbForm::present_participle, true);
  } else if (conjugation != "irr") {
    throw std::runtime_error("reporting_verbs.tsv: unknown conjugation class for " + std::string(lemma));
  }
}

CueLexicon::CueLexicon(LexiconFiles& files) {
  Phrases phrases;
  files.read("elisions.tsv", 2, 2, [&](const std::vector<std::string_view>& f) {
    if (f[1] == "elision") phrases.elisions.emplace_back(f[0]);
    return std::string();  // NormalizationLexicon checks the kinds
  });
  files.read("function_words.tsv", 2, 2, [&](const std::vector<std::string_view>& f) -> std::string {
    const auto name = std::find(function_word_names.begin(), function_word_names.end(), f[0]);
    if (name == function_word_names.end()) return "unknown class " + std::string(f[0]);
    const auto word_class = static_cast<FunctionWord>(name - function_word_names.begin());
    if (word_class == FunctionWord::auxiliary_avoir || word_class == FunctionWord::auxiliary_etre) {
      add(phrases, f[1], {{}, WordClass::auxiliary, word_class == FunctionWord::auxiliary_etre ? std::uint8_t{1} : std::uint8_t{0}, 0});
    }
    FunctionWords& words = function_words_[static_cast<std::size_t>(word_class)];
    std::string folded;
    fold_word(f[1], folded);
    const auto first = static_cast<unsigned char>(folded.front());
    words.first_bytes[first >> 6] |= std::uint64_t{1} << (first & 63);
    words.words.push_back(std::move(folded));
    return {};
  });

  // The honorifics are the entity linker's (honorifics.tsv): gender M, F or X, number S or P,
  // which that lexicon checks.
  files.read("honorifics.tsv", 2, 3, [&](const std::vector<std::string_view>& f) {
    const bool plural = f.size() > 2 && f[2] == "P";
    const Gender3 gender = plural ? Gender3::plural
                           : f[1] == "M" ? Gender3::masculine
                           : f[1] == "F" ? Gender3::feminine : Gender3::unknown;
    LexEntry entry{{}, WordClass::honorific, static_cast<std::uint8_t>(gender), 0};
    if (plural && f[1] == "F") entry.value |= 0x10;
    add(phrases, f[0], std::move(entry));
    return std::string();
  });

  files.read("reporting_verbs.tsv", 2, 6, [&](const std::vector<std::string_view>& f) -> std::string {
    const auto field = [&](std::size_t i) { return i < f.size() ? f[i] : std::string_view{}; };
    if (field(1) != "er" && field(1) != "ir" && field(1) != "irr") return "unknown conjugation class " + std::string(field(1));
    if (field(1) == "irr" && field(3).empty()) return "an irregular verb lists its finite forms";
    ReportingVerb verb;
    verb.lemma = std::string(field(0));
    verb.pronominal = verb.lemma.starts_with("se ") || verb.lemma.starts_with("s'");
    const std::string_view flags = field(2);
    verb.takes_que = flags.find("noque") == std::string_view::npos;
    verb.incise_only = flags.find("inv") != std::string_view::npos;
    verb.takes_infinitive = flags.find("inf") != std::string_view::npos;
    verb.object_is_speech = flags.find("obj") != std::string_view::npos;
    verb.learnt = flags.find("learnt") != std::string_view::npos;
    const auto index = static_cast<std::uint16_t>(verbs_.size());
    verbs_.push_back(verb);
    add_verb_forms(phrases, index, field(0), field(1), field(3), field(4), field(5));
    return {};
  });

  files.read("cues.tsv", 2, 3, [&](const std::vector<std::string_view>& f) -> std::string {
    const std::string_view type = f[0], text = f[1], value = f.size() > 2 ? f[2] : std::string_view{};
    const auto gender = [&] {
      if (value == "m") return Gender3::masculine;
      if (value == "f") return Gender3::feminine;
      if (value == "p" || value == "mp" || value == "fp") return Gender3::plural;
      return Gender3::unknown;
    };
    LexEntry entry{{}, WordClass::stop, 0, 0};
    if (type == "source") {
      entry.word_class = WordClass::source;
      entry.verb = static_cast<std::uint16_t>(sources_.size());
      sources_.emplace_back(value.empty() ? text : value);
    } else if (type == "adverb") {
      entry.word_class = WordClass::adverb;
    } else if (type == "stop") {
      entry.word_class = WordClass::stop;
    } else if (type == "determiner" || type == "pronoun") {
      entry.word_class = type == "determiner" ? WordClass::determiner : WordClass::pronoun;
      entry.value = static_cast<std::uint8_t>(gender());
      // "elles" is plural and feminine: keep the feminine in bit 4.
      if (value == "fp") entry.value |= 0x10;
    } else if (type == "title") {
      entry.word_class = WordClass::title;
    } else if (type == "naming") {
      entry.word_class = WordClass::naming;
    } else if (type == "nonsource") {
      entry.word_class = WordClass::nonsource;
    } else if (type == "speaker") {
      if (!value.empty() && value != "org") return "unknown speaker value " + std::string(value);
      entry.word_class = WordClass::speaker;
      entry.value = value == "org" ? 1 : 0;
    } else if (type == "company") {
      entry.word_class = WordClass::company;
    } else if (type == "authored") {
      entry.word_class = WordClass::authored;
    } else if (type == "subordinator") {
      entry.word_class = WordClass::subordinator;
    } else {
      return "unknown type " + std::string(type);
    }
    add(phrases, text, std::move(entry));
    return {};
  });
  // One table for both, so that a word of a document is looked up once.
  std::unordered_map<std::string, WordEntries> words;
  for (auto& [first, entries] : phrases.by_first_word) words[first].entries = std::move(entries);
  for (std::size_t word_class = 0; word_class < function_word_classes; ++word_class) {
    for (const std::string& word : function_words_[word_class].words) {
      words[word].function_words |= std::uint64_t{1} << word_class;
    }
  }
  entries_ = FlatTable<WordEntries>(std::move(words));
}

std::span<const LexEntry> CueLexicon::entries(std::string_view folded_word) const noexcept {
  return word(folded_word).entries;
}

WordLexicon CueLexicon::word(std::string_view folded_word) const noexcept {
  const WordEntries* found = entries_.find(folded_word);
  if (!found) return {};
  return {found->entries, found->function_words};
}

}  // namespace frnews::detail
