#include "entities/chains.hpp"

#include <algorithm>

namespace frnews::detail::linking {

std::pmr::vector<Chain> ChainBuilder::build() {
  // Full names first, so that a surname met before its full name still finds it.
  for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
    if (!is_full_name(m)) continue;
    assign(m, own_chain(m));
    const Candidate& c = mentions_[m].c;
    // The last words of a full name may stand for it ("Lopez Miera", "Choïgou"); no more than
    // four, so that the index stays linear in the text.
    constexpr std::uint32_t longest_tail = 4;
    for (std::uint32_t from = std::max(c.begin + 1, c.end > longest_tail ? c.end - longest_tail : 0); from < c.end;
         ++from) {
      if (view_.has(from, is_word)) tails_[view_.key(from, c.end)].push_back(m);
    }
  }
  for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
    if (mentions_[m].chain == ~0u) assign(m, find_chain(m));
  }
  return std::move(chains_);
}

std::uint32_t ChainBuilder::words(std::uint32_t m) const noexcept {
  std::uint32_t count = 0;
  for (std::uint32_t i = mentions_[m].c.begin; i < mentions_[m].c.end; ++i) count += view_.has(i, is_word) ? 1u : 0u;
  return count;
}

bool ChainBuilder::is_full_name(std::uint32_t m) const noexcept {
  const Mention& mention = mentions_[m];
  return mention.choice.type == EntityType::person && words(m) >= 2 && !mention.c.tentative;
}

// The initials of a name of several words, small words and English connectors left out: "pcc"
// for "Parti communiste cubain", "rbs" for "Royal Bank of Scotland". Empty when the name has fewer than two words.
std::string ChainBuilder::initials(const Candidate& c) const {
  std::string letters;
  for (std::uint32_t i = c.begin; i < c.end; ++i) {
    if (!view_.has(i, is_word) || view_.is_small_word(i) || view_.is(i, word_name_connector)) continue;
    letters += view_.key(i).front();
  }
  return letters.size() >= 2 ? letters : std::string();
}

// "le Parti socialiste (PS)": the acronym in parentheses right after the name.
bool ChainBuilder::defines_acronym(std::uint32_t name, std::uint32_t acronym) const noexcept {
  const Candidate& a = mentions_[acronym].c;
  const Candidate& n = mentions_[name].c;
  return a.end == a.begin + 1 && view_.has(a.begin, is_caps) && a.begin == n.end + 1 && view_.text(n.end) == "(" &&
         a.end < view_.size() && closes_acronym(view_.text(a.end));
}

// "le PNF (parquet national financier)": the name spelt out after its acronym.
bool ChainBuilder::spells_out(std::uint32_t acronym, std::uint32_t name) const {
  const Candidate& a = mentions_[acronym].c;
  const Candidate& n = mentions_[name].c;
  return a.end == a.begin + 1 && view_.has(a.begin, is_caps) && n.begin == a.end + 1 && view_.text(a.end) == "(" &&
         initials(n) == view_.key(a.begin);
}

std::uint32_t ChainBuilder::own_chain(std::uint32_t m) {
  const Mention& mention = mentions_[m];
  const auto next = static_cast<std::uint32_t>(chains_.size());
  std::uint32_t chain = next;
  if (mention.choice.entry) {
    chain = by_entry_.try_emplace(*mention.choice.entry, next).first->second;
  } else {
    chain = by_name_.try_emplace(view_.key(mention.c.begin, mention.c.end), next).first->second;
  }
  if (chain == next) {
    chains_.push_back({mention.choice.entry, mention.choice.type, Gender::unknown, m, m, mention.c.typed_by_text});
  }
  return chain;
}

std::uint32_t ChainBuilder::join(std::uint32_t m, std::uint32_t chain, std::string_view rule) {
  mentions_[m].chain_rule = rule;
  return chain;
}

std::uint32_t ChainBuilder::find_chain(std::uint32_t m) {
  const Mention& mention = mentions_[m];
  const std::string_view key = view_.key(mention.c.begin, mention.c.end);
  const bool one_word = mention.c.end == mention.c.begin + 1;
  // A part of a person's full name met elsewhere in the text, the last one before if any; not a
  // known place that no title or honorific makes a person's ("Gaston Paris" ... "à Paris").
  const bool known_place = mention.choice.entry && mention.choice.type == EntityType::location && !mention.c.person_cue;
  if (const auto tail = tails_.find(key); tail != tails_.end() && !known_place) {
    const auto& wholes = tail->second;
    const auto after = std::lower_bound(wholes.begin(), wholes.end(), m);
    return join(m, mentions_[after == wholes.begin() ? wholes.front() : *(after - 1)].chain, "coref.surname");
  }
  // "le PNF (parquet national financier)": the name spelt out after its acronym.
  if (m > 0 && !one_word && !mention.choice.entry && spells_out(m - 1, m)) {
    return join(m, mentions_[m - 1].chain, "acronym.spelled-out");
  }
  if (m > 0 && defines_acronym(m - 1, m)) {
    acronyms_[key] = mentions_[m - 1].chain;
    return join(m, mentions_[m - 1].chain, "acronym.defined");
  }
  if (one_word) {
    if (const auto acronym = acronyms_.find(key); acronym != acronyms_.end()) {
      return join(m, acronym->second, "coref.acronym");
    }
    // An acronym of a name met before that the knowledge base does not know.
    if (!mention.choice.entry && view_.has(mention.c.begin, is_caps)) {
      if (const auto name = by_initials_.find(key); name != by_initials_.end()) {
        return join(m, name->second, "coref.initials");
      }
    }
    // "la Commission" after "la Commission européenne".
    if (!mention.choice.entry && view_.is(mention.c.begin, cue_org_head | cue_misc_head)) {
      if (const auto head = by_head_.find(key); head != by_head_.end()) return join(m, head->second, "coref.head");
    }
  }
  return own_chain(m);
}

void ChainBuilder::assign(std::uint32_t m, std::uint32_t chain) {
  Mention& mention = mentions_[m];
  mention.chain = chain;
  Chain& c = chains_[chain];
  if (words(m) > words(c.fullest)) c.fullest = m;
  if (!c.typed && mention.c.typed_by_text && !c.entry) {
    c.type = mention.choice.type;
    c.typed = true;
  }
  if (c.gender == Gender::unknown) c.gender = mention.c.gender;
  if (mention.c.end > mention.c.begin + 1 && mention.choice.type != EntityType::person) {
    if (const std::string letters = initials(mention.c); !letters.empty()) {
      by_initials_.try_emplace(std::pmr::string(letters, by_initials_.get_allocator()), chain);
    }
    by_head_.try_emplace(view_.key(mention.c.begin), chain);
  }
}

}  // namespace frnews::detail::linking
