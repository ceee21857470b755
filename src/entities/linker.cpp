// Entity linking: the document is seen once (document_view), its mentions found and typed by
// named rules (mention_finder, name_shape, typing_rules), each known name's entry chosen
// (disambiguation), the mentions grouped into chains (chains); then the passes below: demonyms
// as countries, cities standing for their football club, and the output, each chain with its
// name, type and gender and each mention with the rule that decided it.
#include <algorithm>
#include <array>
#include <cstddef>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/lexicons.hpp"
#include "entities/chains.hpp"
#include "entities/disambiguation.hpp"
#include "entities/document_view.hpp"
#include "entities/folded_map.hpp"
#include "entities/mention_finder.hpp"
#include "frnews/entities.hpp"

namespace frnews {
namespace {

using namespace detail::linking;

// With LinkerOptions::link_demonyms, "russe" and "les Russes" become mentions of their country,
// between the names found.
std::pmr::vector<Candidate> with_demonyms(const DocumentView& view, const KnowledgeBase& kb,
                                          std::pmr::vector<Candidate> candidates) {
  std::size_t next = 0;
  std::pmr::vector<Candidate> merged(candidates.get_allocator());
  for (std::uint32_t i = 0; i < view.size(); ++i) {
    while (next < candidates.size() && candidates[next].end <= i) merged.push_back(candidates[next++]);
    if (next < candidates.size() && candidates[next].begin <= i) continue;
    if (!view.has(i, is_word) || !view.is(i, detail::word_country_demonym)) continue;
    const auto entries = kb.lookup(fold_key(view.word(i).demonym_place));
    if (entries.empty()) continue;
    Candidate c;
    c.begin = i;
    c.end = i + 1;
    c.entries = entries.subspan(0, 1);
    c.type = EntityType::location;
    c.typed_by_text = true;
    c.rule = "demonym.country";
    merged.push_back(c);
  }
  while (next < candidates.size()) merged.push_back(candidates[next++]);
  return merged;
}

// Whether a city's name stands for its football club here: football words in the sentence and
// in the rest of the text, and no "à" before it.
bool is_club_context(const DocumentView& view, const Candidate& c, std::uint32_t document_football_words) {
  if (document_football_words < 2 || c.loc_cue) return false;
  const std::uint32_t s = view.sentence(c.begin);
  for (std::uint32_t i = c.begin; i > 0 && view.sentence(i - 1) == s; --i) {
    if (view.is(i - 1, detail::word_football)) return true;
  }
  for (std::uint32_t i = c.end; i < view.size() && view.sentence(i) == s; ++i) {
    if (view.is(i, detail::word_football)) return true;
  }
  return false;
}

// A city standing for its club joins the club's chain when the text names it in full
// ("Olympique lyonnais" ... "Lyon").
void join_clubs(const DocumentView& view, std::pmr::vector<Mention>& mentions, const std::pmr::vector<Chain>& chains) {
  detail::ArenaFoldedMap<std::uint32_t> club_by_city(mentions.get_allocator());  // "lyon" -> "Olympique lyonnais"
  for (std::uint32_t k = 0; k < chains.size(); ++k) {
    const Candidate& full = mentions[chains[k].fullest].c;
    if (chains[k].type != EntityType::organization || full.end == full.begin + 1) continue;
    for (std::uint32_t i = full.begin; i < full.end; ++i) {
      const detail::LexiconEntry& word = view.word(i);
      if (word.kinds & detail::word_demonym) {
        club_by_city.try_emplace(std::pmr::string(fold_key(word.demonym_place), club_by_city.get_allocator()), k);
      } else {
        club_by_city.try_emplace(std::pmr::string(view.key(i), club_by_city.get_allocator()), k);
      }
    }
  }
  for (std::uint32_t m = 0; m < mentions.size(); ++m) {
    Mention& mention = mentions[m];
    if (!mention.c.club || chains[mention.chain].first != m) continue;
    const auto club = club_by_city.find(view.key(mention.c.begin));
    if (club != club_by_city.end() && club->second != mention.chain) {
      mention.chain = club->second;
      mention.chain_rule = "coref.club";
    }
  }
}

// The rule named in the output: the one that put the mention in another's chain, else the one
// that found and typed it, unless its chain took the type from another mention.
std::string_view decisive_rule(const Mention& m, EntityType output_type) noexcept {
  if (!m.chain_rule.empty()) return m.chain_rule;
  if (output_type != m.choice.type) return "coref.chain-type";
  return m.c.rule;
}

}  // namespace

EntityLinker::EntityLinker(const KnowledgeBase& kb, LinkerOptions options, Lexicons lexicons)
    : kb_(&kb), options_(options), lexicons_(std::move(lexicons)), lexicon_(&lexicons_.impl().entities()) {}

Entities EntityLinker::link(const Document& doc) const {
  Entities result;
  if (doc.tokens().empty()) return result;
  const DocumentView view(doc, *lexicon_);
  // The lists and tables of this document come from one arena, given back at once: a usual
  // document asks nothing of the heap for them.
  std::array<std::byte, 32 * 1024> arena_bytes;
  std::pmr::monotonic_buffer_resource arena(arena_bytes.data(), arena_bytes.size());
  std::pmr::vector<Candidate> candidates = find_mentions(view, *kb_, &arena);
  if (options_.link_demonyms) candidates = with_demonyms(view, *kb_, std::move(candidates));

  std::uint32_t football_words = 0;
  for (std::uint32_t i = 0; i < view.size(); ++i) football_words += view.is(i, detail::word_football) ? 1u : 0u;
  // What the unambiguous names say about the document, to choose among the others' entries.
  std::pmr::vector<EntityType> document_types(&arena);
  std::pmr::vector<std::string_view> document_places(&arena);
  std::pmr::unordered_set<EntityId> seen(&arena);
  for (const Candidate& c : candidates) {
    if (c.entries.size() != 1 || !seen.insert(c.entries.front()).second) continue;
    const Entity entity = kb_->entity(c.entries.front());
    if (std::find(document_types.begin(), document_types.end(), entity.type) == document_types.end()) {
      document_types.push_back(entity.type);
    }
    // The first places are enough to tell what the text is about, and keep this linear.
    if (entity.type == EntityType::location && entity.label.size() >= 4 && document_places.size() < 32) {
      document_places.push_back(entity.label);
    }
  }
  // "le gouvernement italien", "la police canadienne": a country's adjective names it too.
  for (std::uint32_t i = 0; i < view.size() && document_places.size() < 48; ++i) {
    if (!view.is(i, detail::word_country_demonym)) continue;  // before reading the word's entry
    const std::string_view place = view.word(i).demonym_place;
    if (std::find(document_places.begin(), document_places.end(), place) == document_places.end()) {
      document_places.push_back(place);
    }
  }

  std::pmr::vector<Mention> mentions(&arena);
  mentions.reserve(candidates.size());
  for (const Candidate& c : candidates) {
    const ScoringWeights& weights = scoring_weights;
    const float unknown_name_confidence = c.typed_by_text  ? weights.typed_name_confidence
                                          : c.default_type ? weights.default_type_confidence
                                                           : weights.guessed_name_confidence;
    Mention m{c, {std::nullopt, c.type, unknown_name_confidence}, ~0u, {}};
    if (!c.entries.empty()) m.choice = choose(c, view.key(c.begin, c.end), *kb_, {document_types, document_places});
    if (m.choice.entry && m.choice.score < options_.min_score) m.choice = {std::nullopt, m.choice.type, m.choice.score};
    if (m.choice.type == EntityType::location && is_club_context(view, c, football_words)) {
      m.choice = {std::nullopt, EntityType::organization, weights.guessed_name_confidence};
      m.c.typed_by_text = true;
      m.c.type = EntityType::organization;
      m.c.club = true;
      m.c.rule = "type.football-club";
    }
    mentions.push_back(m);
  }

  const std::pmr::vector<Chain> chains = ChainBuilder(view, mentions).build();

  join_clubs(view, mentions, chains);

  // Keep what the document confirms, number chains in text order.
  std::pmr::vector<std::uint32_t> members(chains.size(), 0, &arena);
  for (const Mention& m : mentions) ++members[m.chain];
  std::pmr::vector<std::uint32_t> renumber(chains.size(), ~0u, &arena);
  result.mentions.reserve(mentions.size());
  result.chains.reserve(chains.size());
  OffsetMap::Walker original(doc.normalized().map);  // the mentions come in the text's order
  for (const Mention& m : mentions) {
    const Chain& chain = chains[m.chain];
    if (m.c.tentative && !chain.entry && members[m.chain] < 2) continue;
    if (renumber[m.chain] == ~0u) {
      renumber[m.chain] = static_cast<std::uint32_t>(result.chains.size());
      EntityChain out;
      out.type = chain.type;
      out.entry = chain.entry;
      if (chain.entry) {
        const Entity entity = kb_->entity(*chain.entry);
        out.type = entity.type;
        out.wikidata_id = std::string(entity.wikidata_id);
        out.wiki_title = std::string(entity.wiki_title);
        out.name = std::string(entity.label);
      }
      const Candidate& fullest = mentions[chain.fullest].c;
      // The canonical text: clean of the original's entities and mojibake.
      const std::string_view written = doc.text(view.span(fullest.begin, fullest.end));
      // People keep the document's fullest form when it says at least as much as the label
      // ("Viktor Orban" for "Viktor Orbán"), so that the name reads as the text wrote it.
      const auto word_count = [](std::string_view name) {
        return static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1;
      };
      if (!chain.entry || (out.type == EntityType::person && word_count(written) >= word_count(out.name))) {
        out.name = std::string(written);
      }
      if (out.type == EntityType::person) out.gender = chain.gender;
      result.chains.push_back(std::move(out));
    }
    EntityMention out;
    out.span = original.to_original(view.span(m.c.begin, m.c.end));
    out.first_token = m.c.begin;
    out.end_token = m.c.end;
    out.chain = renumber[m.chain];
    out.type = result.chains[out.chain].type;
    out.score = m.choice.score;
    out.rule = decisive_rule(m, out.type);
    result.mentions.push_back(out);
  }
  return result;
}

}  // namespace frnews