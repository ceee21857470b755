// Every French word list the entity linker reads, from the lexicon files of a frnews::Lexicons
// (data/lexicon/): first names, honorifics, roles, demonyms, the cue words of
// entity_cues.tsv, the word beginnings and endings of entity_affixes.tsv, the common nouns of
// common_nouns.tsv, and its grammatical words (function_words.tsv, the determiners of cues.tsv).
// What the lexicons
// say about one word comes from one lookup (word()), so that a document's tokens are classified
// once each. Immutable; shared by the entity linker and the quote extractor from any thread.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/flat_table.hpp"
#include "entities/folded_map.hpp"
#include "frnews/entities.hpp"
#include "frnews/segment.hpp"

namespace frnews::detail {

// What a folded word is, ORed (see the headers of the lexicon files).
enum LexiconKind : std::uint32_t {
  // entity_cues.tsv
  cue_stop = 1U << 0,
  cue_common_capital = 1U << 1,
  cue_org_head = 1U << 2,
  cue_org = 1U << 3,
  cue_place_head = 1U << 4,
  cue_institution_head = 1U << 5,
  cue_loc = 1U << 6,
  cue_misc_head = 1U << 7,
  word_name_particle = 1U << 8,
  word_not_adjective = 1U << 9,
  word_ministry = 1U << 10,
  word_football = 1U << 11,
  word_org_form = 1U << 17,
  word_event_form = 1U << 18,
  word_name_connector = 1U << 20,  // "of" in "Royal Bank of Scotland"
  word_age = 1U << 21,             // "ans" of "Durand, 45 ans,"
  // common_nouns.tsv
  word_common_noun = 1U << 19,
  // the people lexicons
  word_first_name = 1U << 12,
  word_demonym = 1U << 13,
  word_country_demonym = 1U << 14,
  word_role_start = 1U << 15,  // a role phrase of roles.tsv starts with this word
  word_honorific = 1U << 16,   // some honorific folds to this word (the written form decides)
};

struct LexiconEntry {
  std::uint32_t kinds = 0;
  Gender first_name_gender = Gender::unknown;  // when word_first_name
  std::string_view demonym_place;               // when word_demonym: "Russie", "Lyon"
};

struct Honorific {
  Gender gender = Gender::unknown;  // "Me", "Dr" say nothing of it
  bool plural = false;              // "MM.", "Mmes"
};

struct RoleMatch {
  std::uint32_t tokens = 0;  // how many tokens the role takes; 0 when there is none
  Gender gender = Gender::unknown;
  bool plural = false;
  [[nodiscard]] explicit operator bool() const noexcept { return tokens != 0; }
};

struct Demonym {
  std::string_view place;  // "Russie", "Lyon": the name as written in the lexicon
  bool country = false;    // false for cities and regions ("lyonnais", "breton")
};

// Word endings, grouped by their last byte so that a word is compared with few of them; an
// ending of up to eight bytes is compared in one masked 64-bit comparison of the word's last bytes.
class Endings {
 public:
  void add(std::string ending) {
    if (ending.empty()) return;
    const auto last = static_cast<unsigned char>(ending.back());
    if (ending.size() > sizeof(std::uint64_t)) {
      long_by_last_byte_[last].push_back(std::move(ending));
      return;
    }
    const std::string ones(ending.size(), '\xFF');
    by_last_byte_[last].push_back({last_bytes(ending), last_bytes(ones), ending.size()});
  }
  [[nodiscard]] bool ends(std::string_view key) const noexcept {
    if (key.empty()) return false;
    const auto last = static_cast<unsigned char>(key.back());
    const std::uint64_t tail = last_bytes(key);
    for (const Short& e : by_last_byte_[last]) {
      if (key.size() >= e.size && (tail & e.mask) == e.bytes) return true;
    }
    const auto& candidates = long_by_last_byte_[last];
    return std::any_of(candidates.begin(), candidates.end(), [&](const std::string& e) { return key.ends_with(e); });
  }

 private:
  struct Short {
    std::uint64_t bytes;  // last_bytes() of the ending
    std::uint64_t mask;   // its bytes
    std::size_t size;
  };
  // The last eight bytes of `text`, its last byte last in memory; zeros before a shorter text.
  [[nodiscard]] static std::uint64_t last_bytes(std::string_view text) noexcept {
    std::uint64_t bytes = 0;
    const std::size_t n = std::min(text.size(), sizeof bytes);
    std::memcpy(reinterpret_cast<char*>(&bytes) + (sizeof bytes - n), text.data() + text.size() - n, n);
    return bytes;
  }

  std::array<std::vector<Short>, 256> by_last_byte_;
  std::array<std::vector<std::string>, 256> long_by_last_byte_;
};

class LexiconFiles;

// The closed classes of grammatical words the linker's rules read, folded with fold_key(): the
// classes of function_words.tsv of the same names, and the determiners of cues.tsv by gender
// and number.
enum class Grammar : std::uint8_t {
  de,                      // "de", "d'"
  de_forms,                // "de", "d'", "du", "des"
  definite_article,        // "le", "la", "les", "l'"
  feminine_article,        // "la", "l'"
  contracted_le,           // "du", "au"
  contracted_les,          // "des", "aux"
  complement_preposition,  // "sur", "pour", "contre"
  portfolio_preposition,   // "au", "aux"
  list_conjunction,        // "et", "ou"
  and_conjunction,         // "et"
  stressed_pronoun,        // "elle", "lui"
  feminine_determiner,     // "la", "une", "cette"
  masculine_determiner,    // "le", "un", "ce"
  singular_determiner,     // "le", "l'", "un", "son", "cette"
};
inline constexpr std::size_t grammar_classes = static_cast<std::size_t>(Grammar::singular_determiner) + 1;

class EntityLexicon {
 public:
  // Reads the files of the entity linker (first_names.tsv, honorifics.tsv, roles.tsv,
  // demonyms.tsv, entity_cues.tsv, entity_affixes.tsv, common_nouns.tsv); throws
  // frnews::Exception naming the file and the line of the first malformed record. `files` must
  // outlive the lexicon.
  explicit EntityLexicon(LexiconFiles& files);

  // What the lexicons say about a word folded with fold_key(); an empty class when nothing.
  [[nodiscard]] const LexiconEntry& word(std::string_view key) const noexcept;
  // word() of each key into `found`, of the same size: faster than one after another.
  void words(std::span<const std::string_view> keys, std::span<const LexiconEntry*> found) const noexcept;
  // Whether a lower-case folded word qualifies a name's head ("communiste", "européenne").
  [[nodiscard]] bool looks_adjective(std::string_view key, const LexiconEntry& word) const noexcept;
  [[nodiscard]] bool looks_adjective(std::string_view key) const noexcept { return looks_adjective(key, word(key)); }
  // Whether a folded word is one of a class of grammatical words: a few short words each, which
  // the rules ask about the words next to a name.
  [[nodiscard]] bool is(Grammar word_class, std::string_view key) const noexcept {
    const auto& words = grammar_[static_cast<std::size_t>(word_class)];
    return key.size() <= max_grammar_word && std::find(words.begin(), words.end(), packed(key)) != words.end();
  }
  // The definite article a folded word holds, alone or contracted with "de" or "à": "le" for
  // "le", "du" and "au", "la" for "la"; empty for any other word.
  [[nodiscard]] std::string_view article_in(std::string_view key) const noexcept {
    if (is(Grammar::contracted_le, key)) return "le";
    if (is(Grammar::contracted_les, key)) return "les";
    return is(Grammar::definite_article, key) ? key : std::string_view{};
  }
  // Whether a lone capitalised word with this folded form is a common noun ("révolution").
  [[nodiscard]] bool has_common_noun_ending(std::string_view key) const noexcept;
  // Whether the complement of a title with this last folded word is a place ("maire").
  [[nodiscard]] bool holds_a_place(std::string_view title_key) const noexcept;
  // Whether a title with this folded word has a portfolio for complement, no entity
  // ("ministre de la Culture").
  [[nodiscard]] bool has_portfolio(std::string_view title_key) const noexcept;
  // Whether "de" after a title with this folded word opens the person's name ("le général de
  // Castelnau"), not where the person works.
  [[nodiscard]] bool takes_particle(std::string_view title_key) const noexcept;

  // All lookups below ignore case and accents (fold_key()); words are canonical text.

  // Whether `word` is a known first name ("Sergueï", "Anne-Sophie").
  [[nodiscard]] bool is_first_name(std::string_view word) const noexcept;
  // The usual gender of a first name; unknown for names given to both ("Camille") or unknown.
  [[nodiscard]] Gender first_name_gender(std::string_view word) const noexcept;
  // Whether the token is an honorific ("M.", "Mme", "Me", "Dr"), and what it says; honorifics
  // are case-sensitive in practice ("Me" is not "me").
  [[nodiscard]] std::optional<Honorific> honorific(std::string_view word) const noexcept;
  // The longest role noun phrase starting at token `first` of `doc` ("Premier ministre",
  // "chef de l'État", "secrétaire générale"), without the article before it. Stops at the end
  // of the sentence. Adjectives after the role ("allemand") are not part of it. A title with one
  // form for both ("ministre") takes its gender from the article before it ("la ministre").
  [[nodiscard]] RoleMatch role_at(const Document& doc, std::uint32_t first) const noexcept;
  // Two ways of writing one office (roles.tsv, fourth column): "chef du gouvernement" for
  // "premier ministre", as the quote extractor's words (lower case, elisions left out: "chef de
  // l'État" is chef, de, état).
  struct Office {
    std::vector<std::string_view> written;
    std::vector<std::string_view> office;
  };
  [[nodiscard]] std::span<const Office> offices() const noexcept { return offices_; }
  // The place a demonym adjective or noun refers to ("russes" -> Russie, "Lyonnais" -> Lyon).
  [[nodiscard]] std::optional<Demonym> demonym(std::string_view word) const noexcept;
  // The same for a word already folded with fold_key().
  [[nodiscard]] std::optional<Demonym> demonym_of_key(std::string_view key) const noexcept;

 private:
  // A role phrase or the beginning of one: role_at() extends its key token by token and stops
  // as soon as no phrase starts that way.
  struct RoleEntry {
    bool complete = false;
    Gender gender = Gender::unknown;
    bool plural = false;
  };

  FlatTable<LexiconEntry> words_;
  FoldedMap<Honorific> honorifics_;  // by written form
  FoldedMap<RoleEntry> roles_;
  std::deque<std::string> office_words_;  // what offices_ views; a deque never moves its strings
  std::vector<Office> offices_;
  Endings adjective_endings_, common_noun_endings_;
  std::vector<std::string> place_title_starts_, portfolio_title_starts_, particle_title_starts_;
  // A grammatical word of up to seven bytes in one integer, its size in the top byte: the rules
  // ask about most tokens, and comparing integers costs less than comparing strings.
  static constexpr std::size_t max_grammar_word = 7;
  [[nodiscard]] static std::uint64_t packed(std::string_view key) noexcept {
    std::uint64_t word = std::uint64_t{key.size()} << 56;
    std::memcpy(&word, key.data(), key.size());
    return word;
  }
  std::array<std::vector<std::uint64_t>, grammar_classes> grammar_;
};

}  // namespace frnews::detail
