// The state of one extraction: the words of a document, its quoted regions, the cues found in
// it and the people and roles a pronoun or a description may refer to. Internal to src/quotes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "entities/person_lexicon.hpp"
#include "frnews/entities.hpp"
#include "frnews/quotes.hpp"
#include "frnews/segment.hpp"
#include "quotes/lexicon.hpp"
#include "quotes/marks.hpp"
#include "quotes/words.hpp"

namespace frnews::detail {

// Names of the extraction's own, kept apart from other parts' internals.
namespace quoting {

inline constexpr std::uint32_t max_subject_words = 24;  // how far back a subject is looked for
inline constexpr std::uint32_t max_phrase_words = 10;   // the longest descriptive speaker
inline constexpr std::uint32_t salience_window = 48;    // candidates looked at for a pronoun
inline constexpr std::uint32_t label_words = 3;         // quoted words this short need a cue to count
inline constexpr std::uint32_t last_speaker_sentences = 4;  // how far back an incise's pronoun finds the last speaker

// A speaker as found in the text, resolved as far as the document allows.
struct Who {
  Span mention;  // canonical
  std::string_view name;  // in the document's text or its entities, which outlive the extraction
  std::optional<std::uint32_t> chain;
  std::string_view wikidata_id;
  std::string_view wiki_title;
  Gender3 gender = Gender3::unknown;
  bool person = false;
  bool organization = false;
  bool role_noun = false;  // a description headed by a noun of people who speak: "le ministre", "des experts"
  bool valid = false;
};

// What a rule makes of the case it is given: it decides (with a speaker or without one), or
// leaves it to the rules after it.
enum class Decision : std::uint8_t { pass, decided };

struct CueHit {
  std::uint32_t begin = 0, end = 0;  // words
  std::string_view lemma;
  bool source = false;       // "selon X"
  bool also_goal = false;    // a source that names a goal too ("pour X" ... "pour le bien de X")
  bool takes_que = false;
  bool takes_infinitive = false;
  bool object_is_speech = false;
  bool incise_only = false;
  bool learnt = false;       // ReportingVerb::learnt
  bool present_participle = false;
  bool inverted = false;     // the speaker comes after the cue ("a déclaré M. X", "a-t-il dit")
  bool in_quote = false;     // inside a quotation (an incise "…, a-t-il dit, …")
  bool weak = false;         // a verb that reports speech only inverted or before a colon
  std::uint32_t que = no_word;  // the "que" of a reported clause
  std::uint32_t speaker_end = no_word;  // last word of an inverted speaker + 1
  Who speaker;
  std::string_view speaker_rule;  // the speaker rule that found it
};

struct Salient {
  std::uint32_t word;
  Who who;
  bool subject;  // the subject of its clause, preferred by pronouns over people named after a verb
};

struct RoleIntro {
  std::vector<std::string_view> words;  // folded role words ("ministre", "culture")
  Who who;
};

// Which cue speaks for a quotation, or without a cue the person its sentence is about, and the
// rule that said so.
struct Attribution {
  const CueHit* cue = nullptr;
  Who subject;
  std::string_view rule;
};

inline Attribution by_cue(const CueHit* cue) { return {cue, {}, {}}; }

struct Found {
  Quote quote;
  std::uint32_t region = no_word;
  std::uint32_t paragraph = 0;
  std::uint32_t first_word = 0;
  std::uint32_t last_word = 0;
  bool attributed = false;  // a cue or a speaker was found in the text around it
  bool incise_after = false;  // "« … », peut-on lire": someone else's words, even unattributed
};

class Extraction {
 public:
  Extraction(const Document& doc, const Entities& entities, const CueLexicon& lexicon, const PersonLexicon& people,
             const SegmentationLexicon& abbreviations)
      : doc_(doc), entities_(entities), lex_(lexicon), people_(people), words_(doc, entities, lexicon, abbreviations),
        n_(static_cast<std::uint32_t>(words_.size())) {}

  std::vector<Quote> run();

 private:
  // --- word classes ---------------------------------------------------------------------------
  [[nodiscard]] std::string_view key(std::uint32_t i) const { return words_.key(i); }
  // Whether word i is one of the function words of a class (data/lexicon/function_words.tsv).
  [[nodiscard]] bool is(std::uint32_t i, FunctionWord c) const noexcept {
    return i < n_ && ((words_[i].function_words >> static_cast<unsigned>(c)) & 1U) != 0;
  }
  [[nodiscard]] static std::uint16_t bit(WordClass c) noexcept {
    return static_cast<std::uint16_t>(1U << static_cast<unsigned>(c));
  }
  [[nodiscard]] const LexEntry* single(std::uint32_t i, WordClass c) const {
    if (i >= n_ || !(words_[i].single_classes & bit(c))) return nullptr;
    for (const auto& e : words_[i].lex) {
      if (e.word_class == c && e.rest.empty()) return &e;
    }
    return nullptr;
  }
  // The longest phrase of class c starting at word i: its entry and length in words.
  [[nodiscard]] std::pair<const LexEntry*, std::uint32_t> phrase(std::uint32_t i, WordClass c) const {
    const LexEntry* best = nullptr;
    std::uint32_t best_length = 0;
    if (i >= n_ || !(words_[i].classes & bit(c))) return {nullptr, 0};
    for (const auto& e : words_[i].lex) {
      if (e.word_class != c) continue;
      const auto length = static_cast<std::uint32_t>(e.rest.size() + 1);
      if (length <= best_length || i + length > n_) continue;
      bool match = true;
      for (std::uint32_t k = 1; k < length && match; ++k) {
        match = words_[i + k].sentence == words_[i].sentence && key(i + k) == e.rest[k - 1];
      }
      if (match) best = &e, best_length = length;
    }
    return {best, best_length};
  }
  [[nodiscard]] std::uint32_t phrase_length(std::uint32_t i, WordClass c) const { return phrase(i, c).second; }
  [[nodiscard]] bool same_sentence(std::uint32_t a, std::uint32_t b) const {
    return a < n_ && b < n_ && words_[a].sentence == words_[b].sentence;
  }
  // "de" and its forms: "d'", and "du", "des" with the article in them.
  [[nodiscard]] bool is_de(std::uint32_t i) const { return is(i, FunctionWord::de_forms); }
  template <std::size_t N>
  [[nodiscard]] bool is_punct(std::uint32_t i, const char (&p)[N]) const noexcept {
    if (i >= n_ || words_[i].kind != WordKind::punctuation || words_[i].span.size() != N - 1) return false;
    return std::memcmp(doc_.text().data() + words_[i].span.begin, p, N - 1) == 0;
  }
  [[nodiscard]] bool ends_sentence_mark(std::uint32_t i) const {
    if (i >= n_ || words_[i].kind != WordKind::punctuation) return false;
    const auto t = words_.text(i);
    return t == "." || t == "!" || t == "?" || t == "\xE2\x80\xA6";
  }
  [[nodiscard]] bool in_region(std::uint32_t i) const { return i < n_ && region_of_[i] != no_word; }
  // "sèchement", "doucement": adverbs of manner stand between a verb and its inverted subject.
  [[nodiscard]] bool is_manner_adverb(std::uint32_t i) const {
    if (i >= n_ || words_[i].kind != WordKind::word || words_[i].capitalized || words_[i].mention >= 0) return false;
    const std::string_view k = key(i);
    return k.size() > 6 && k.ends_with("ment");
  }
  // "à l'AFP Jean Dupont": a first name or another entity after a name starts a new name.
  [[nodiscard]] bool starts_new_name(std::uint32_t i) const {
    if (i == 0 || i >= n_ || !words_[i].capitalized) return false;
    if (words_[i].mention >= 0 && words_[i].mention != words_[i - 1].mention) return true;
    return people_.is_first_name(words_.text(i)) && !people_.is_first_name(words_.text(i - 1));
  }
  // "M.", "Mme", "Me": capitalised, so that the pronoun "me" is none.
  [[nodiscard]] const LexEntry* honorific(std::uint32_t i) const {
    return i < n_ && words_[i].capitalized ? single(i, WordClass::honorific) : nullptr;
  }
  // Someone who can speak: a person, an organisation, or "le ministre", "des experts"; not "le
  // conflit" nor "son alliance avec X".
  [[nodiscard]] static bool can_speak(const Who& who) { return who.person || who.organization || who.role_noun; }
  // Words that can open a clause of their own: an article, a subject pronoun, a name ("…,
  // calcule la Commission, le déficit …"); not an apposition ("…, directeur de l'agence, …") nor
  // a relative ("…, qui …").
  [[nodiscard]] bool opens_clause(std::uint32_t i) const {
    return i < n_ && (phrase_length(i, WordClass::determiner) || (single(i, WordClass::pronoun) && !is(i, FunctionWord::dative_or_stressed)) ||
                      words_[i].capitalized || words_[i].kind == WordKind::elision);
  }
  [[nodiscard]] bool is_name_word(std::uint32_t i) const {
    return i < n_ && words_[i].kind == WordKind::word && words_[i].capitalized;
  }

  // --- parts of the analysis ----------------------------------------------------------------
  void mark_sentences();
  void mark_regions();
  void find_cues();
  std::vector<Found> quotations();
  Attribution attribute(std::uint32_t region, bool direct);
  // The quotation rules, in the order attribute() tries them.
  Attribution incise_inside(std::uint32_t region, bool direct);
  Attribution cue_after(std::uint32_t region, bool direct);
  Attribution cue_before_colon(std::uint32_t region, bool direct);
  Attribution cue_earlier_in_sentence(std::uint32_t region, bool direct);
  Attribution passive_agent(std::uint32_t region, bool direct);
  Attribution incise_later(std::uint32_t region, bool direct);
  const CueHit* cue_before(std::uint32_t word, bool before_colon) const;
  static bool trailing_source(const CueHit& cue);
  Speaker speaker_of(const Who& who, std::string_view rule) const;
  void add_reported_speech(std::vector<Found>& found);
  std::optional<CueHit> verb_group_at(std::uint32_t i) const;
  std::optional<CueHit> source_at(std::uint32_t i) const;
  void find_speaker(CueHit& cue, const std::vector<CueHit>& earlier);
  // The speaker rules, in the order find_speaker tries them.
  Decision source_pronoun(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision source_phrase(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision inverted_pronoun(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision inverted_on(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision inverted_circle(CueHit& cue, const std::vector<CueHit>& earlier);
  std::uint32_t circle_after(const CueHit& cue) const;
  Decision inverted_subject(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision shared_subject(CueHit& cue, const std::vector<CueHit>& earlier);
  Decision subject_before_verb(CueHit& cue, const std::vector<CueHit>& earlier);
  std::uint32_t verb_group_start(const CueHit& cue) const;
  Who last_speaker(std::uint32_t word, Gender3 gender, const std::vector<CueHit>& earlier) const;
  void record_apposed_role(std::uint32_t name_begin, Who& who);
  void add_role(std::uint32_t b, std::uint32_t e, const Who& who);
  Who subject_of_sentence(std::uint32_t word);
  Who subject_after_clause(std::uint32_t from);
  void take_apposition(CueHit& cue, std::uint32_t b, std::uint32_t e);
  std::uint32_t find_que(std::uint32_t from) const;
  std::uint32_t find_infinitive(std::uint32_t from) const;
  std::uint32_t find_object(std::uint32_t from) const;
  std::uint32_t clause_end(std::uint32_t from, std::uint32_t sentence_end) const;
  std::uint32_t colon_after(std::uint32_t from, std::uint32_t sentence_end) const;
  bool is_infinitive(std::uint32_t i) const;
  std::pair<std::uint32_t, std::uint32_t> phrase_after(std::uint32_t from, bool skip_adverbials) const;
  std::pair<std::uint32_t, std::uint32_t> subject_before(std::uint32_t verb) const;
  Who resolve_phrase(std::uint32_t b, std::uint32_t e, bool record_role);
  Who resolve_pronoun(std::uint32_t word, Gender3 gender) const;
  std::vector<Salient>::const_reverse_iterator salient_before(std::uint32_t word) const;
  Who from_mention(std::uint32_t mention, std::uint32_t mention_begin) const;
  Who from_name_run(std::uint32_t b, std::uint32_t e) const;
  bool plausible_speaker(std::uint32_t b, std::uint32_t e) const;
  void remember(std::uint32_t word, const Who& who, bool subject);
  void pass_words_until(std::uint32_t word);
  void record_role_before(std::uint32_t name_begin, const Who& who);
  void record_role_after(std::uint32_t name_end, const Who& who);
  [[nodiscard]] bool same_affiliation(const std::vector<std::string_view>& role,
                                      const std::vector<std::string_view>& intro) const;
  bool is_label(const QuotedRegion& r) const;
  std::string short_term(const QuotedRegion& r) const;
  bool repeated_term(const QuotedRegion& r) const;
  bool looks_like_name(const QuotedRegion& r) const;
  bool is_direct(std::size_t region_index) const;
  bool follows_previous(std::size_t region_index) const;
  // The text of the words [b, e); an empty range is the empty span where word b starts.
  Span words_span(std::uint32_t b, std::uint32_t e) const {
    if (b < e && e <= n_) return {words_[b].span.begin, words_[e - 1].span.end};
    const std::uint32_t at = b < n_ ? words_[b].span.begin : n_ > 0 ? words_[n_ - 1].span.end : 0;
    return {at, at};
  }

  const Document& doc_;
  const Entities& entities_;
  const CueLexicon& lex_;
  const PersonLexicon& people_;
  QuoteWords words_;
  std::uint32_t n_;
  std::vector<QuotedRegion> regions_;
  std::vector<std::uint32_t> region_of_;  // the region whose content holds a word
  std::vector<std::uint32_t> sentence_start_;  // the first word of each sentence, and n_ last
  std::vector<CueHit> cues_;
  CueHit passive_cue_;                 // the cue passive_agent() makes of a participle and its agent
  std::vector<std::uint32_t> cue_at_;  // the cue starting at a word
  std::vector<bool> emitted_;          // regions reported as quotations
  std::vector<Salient> salience_;
  std::vector<RoleIntro> roles_;
  std::unordered_map<std::string_view, std::string_view> full_names_;  // surname key -> fullest name
  std::unordered_map<std::string, std::uint32_t> term_count_;  // short quoted terms -> how often quoted
  std::uint32_t passed_ = 0;  // words before this one are in the salience list
  bool verb_seen_ = false;    // a verb was passed in the current sentence: names after it are no subjects
};

}  // namespace quoting
}  // namespace frnews::detail
