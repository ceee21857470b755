// The cue lexicon of the quote extractor: reporting verbs with all their forms, cue
// prepositions ("selon"), and the small word classes read around quotations. Built from
// data/lexicon/reporting_verbs.tsv and data/lexicon/cues.tsv, part of a frnews::Lexicons.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/flat_table.hpp"

namespace frnews::detail {

enum class WordClass : std::uint8_t {
  verb,        // a form of a reporting verb; value: VerbForm, verb: index into verbs()
  auxiliary,   // a, ont, avait, est, s'est ...; value: 1 for forms of "être"
  source,      // selon, d'après ...
  adverb,
  stop,
  determiner,
  honorific,
  pronoun,
  title,
  naming,
  nonsource,
  speaker,     // value: 1 for an institution or a document rather than people ("le gouvernement")
  company,
  authored,    // words or a document whose author speaks: "selon les termes de X", "selon un rapport de X"
  subordinator,  // opens a subordinate clause at the head of a sentence: "si", "alors que"
};

// The classes of data/lexicon/function_words.tsv: the rules name a class, the file lists its
// words (see the file's header). Same names, same order as the file's header.
enum class FunctionWord : std::uint8_t {
  que,
  relative_subject,
  relative,
  relative_complement,
  clause_boundary,
  and_conjunction,
  sentence_conjunction,
  verb_coordination,
  negation,
  reflexive,
  adverbial_pronoun,
  gerund,
  object_pronoun,
  dative_or_stressed,
  dative_pronoun,
  stressed_pronoun,
  subject_pronoun,
  singular_subject_pronoun,
  masculine_subject_pronoun,
  impersonal_pronoun,
  first_person,
  de,
  de_forms,
  role_complement,
  affiliation,
  noun_marker,
  dative_preposition,
  topic_preposition,
  circle_head,
  circle_of,
  circle_preposition,
  passive_agent,
  object_preposition,
  agent_preposition,
  auxiliary_avoir,  // read into the cue lexicon as WordClass::auxiliary
  auxiliary_etre,
  auxiliary_infinitive,
  goal_source,
  // Read by the entity linker (EntityLexicon::Grammar), kept here so that the file is checked whole.
  definite_article,
  feminine_article,
  contracted_le,
  contracted_les,
  complement_preposition,
  portfolio_preposition,
  list_conjunction,
};
inline constexpr std::size_t function_word_classes = static_cast<std::size_t>(FunctionWord::list_conjunction) + 1;

static_assert(function_word_classes <= 64, "a word keeps its classes of function words in 64 bits");

enum class VerbForm : std::uint8_t { finite, participle, present_participle };

enum class Gender3 : std::uint8_t { unknown, masculine, feminine, plural };

struct ReportingVerb {
  std::string lemma;     // "déclarer", "se réjouir", "faire valoir"
  bool pronominal = false;
  bool takes_que = true;    // introduces reported speech with "que"
  bool incise_only = false; // a cue only inverted or in an incise
  bool takes_infinitive = false;  // an infinitive complement is reported speech
  bool object_is_speech = false;  // its object is what was said: "a salué le rôle de la BCE"
  bool learnt = false;  // with "on": what the newsroom learnt ("a-t-on appris")
};

// One lexicon entry: a phrase of one or more words (folded, space separated) and what it is.
struct LexEntry {
  std::vector<std::string> rest;  // the words after the first
  WordClass word_class;
  std::uint8_t value = 0;         // VerbForm, Gender3, or a class-specific flag
  std::uint16_t verb = 0;         // for verbs and sources: index into verbs() / source lemmas
};

// What the cue lexicon says of one folded word: the entries of the phrases it opens, and the
// classes of function words it is one of (a bit 1 << FunctionWord for each).
struct WordLexicon {
  std::span<const LexEntry> entries;
  std::uint64_t function_words = 0;
};

class LexiconFiles;

class CueLexicon {
 public:
  // Reads function_words.tsv, elisions.tsv, reporting_verbs.tsv and cues.tsv.
  explicit CueLexicon(LexiconFiles& files);

  // The entries whose phrase starts with this folded word; empty when none.
  [[nodiscard]] std::span<const LexEntry> entries(std::string_view folded_word) const noexcept;
  // entries() and the classes of function words of one folded word, in one lookup.
  [[nodiscard]] WordLexicon word(std::string_view folded_word) const noexcept;
  // word() of each folded word, all together so that the reads of a large table overlap:
  // each(k, word(folded_words[k])).
  template <class Each>
  void words(std::span<const std::string_view> folded_words, Each&& each) const noexcept {
    entries_.find_each(folded_words, [&each](std::size_t k, const WordEntries* found) {
      each(k, found ? WordLexicon{found->entries, found->function_words} : WordLexicon{});
    });
  }
  [[nodiscard]] const ReportingVerb& verb(std::uint16_t index) const noexcept { return verbs_[index]; }
  [[nodiscard]] std::size_t verb_count() const noexcept { return verbs_.size(); }
  [[nodiscard]] std::string_view source_lemma(std::uint16_t index) const noexcept { return sources_[index]; }
  // Whether a folded word is one of the class's. The rules ask it of most words: their first
  // byte turns most away before the class's few words are compared.
  [[nodiscard]] bool is(FunctionWord word_class, std::string_view folded_word) const noexcept {
    const FunctionWords& words = function_words_[static_cast<std::size_t>(word_class)];
    if (folded_word.empty()) return false;
    const auto first = static_cast<unsigned char>(folded_word.front());
    if (!((words.first_bytes[first >> 6] >> (first & 63)) & 1)) return false;
    return std::find(words.words.begin(), words.words.end(), folded_word) != words.words.end();
  }

 private:
  // The entries by first word while the lexicon is read, then frozen into entries_; and the
  // elided words that a phrase's word may start with ("d'après").
  struct Phrases {
    std::unordered_map<std::string, std::vector<LexEntry>> by_first_word;
    std::vector<std::string> elisions;  // "d", "qu", "jusqu"
  };
  static void add(Phrases& phrases, std::string_view phrase, LexEntry entry);
  static void add_verb_forms(Phrases& phrases, std::uint16_t verb, std::string_view lemma,
                             std::string_view conjugation, std::string_view finite, std::string_view participles,
                             std::string_view present_participle);

  struct WordEntries {
    std::vector<LexEntry> entries;
    std::uint64_t function_words = 0;  // as in WordLexicon
  };
  FlatTable<WordEntries> entries_;
  std::vector<ReportingVerb> verbs_;
  std::vector<std::string> sources_;
  struct FunctionWords {
    std::vector<std::string> words;
    std::array<std::uint64_t, 4> first_bytes{};  // a bit for each byte a word starts with
  };
  std::array<FunctionWords, function_word_classes> function_words_;
};

// Lower case (Latin letters with their accents, Œ) and the typographic apostrophe as "'".
void fold_word(std::string_view word, std::string& out);

}  // namespace frnews::detail
