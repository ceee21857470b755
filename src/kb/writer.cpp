#include "kb/writer.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "frnews/error.hpp"
#include "frnews/normalize.hpp"

namespace frnews::detail::kb {
namespace {

constexpr std::uint64_t max_u32 = std::numeric_limits<std::uint32_t>::max();

std::uint32_t checked_u32(std::uint64_t n, const char* what) {
  if (n >= max_u32) throw Exception(std::string("knowledge base too large: more than 2^32 ") + what);
  return static_cast<std::uint32_t>(n);
}

template <class T>
std::string_view bytes_of(const T& value) noexcept {
  return {reinterpret_cast<const char*>(&value), sizeof(T)};
}

template <class T>
std::string_view bytes_of(const std::vector<T>& values) noexcept {
  return {reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)};
}

// The name a Wikipedia title gives: "Le Monde (journal)" -> "Le Monde".
std::string_view title_without_qualifier(std::string_view title) noexcept {
  if (!title.ends_with(')')) return title;
  const std::size_t open = title.rfind(" (");
  if (open == std::string_view::npos || open == 0) return title;
  return title.substr(0, open);
}

// Words of a folded name, counting an elision as a word of its own: "l'otan" -> 2.
std::uint32_t count_words(std::string_view folded) noexcept {
  std::uint32_t words = 0;
  bool in_word = false;
  for (const char c : folded) {
    if (c == ' ') {
      in_word = false;
    } else {
      if (!in_word) ++words;
      in_word = c != '\'';  // what follows an apostrophe is a word of its own
    }
  }
  return words;
}

}  // namespace

StringRef Writer::store(std::string_view text) {
  const StringRef ref{checked_u32(strings_.size(), "bytes of strings"), checked_u32(text.size(), "bytes in a string")};
  checked_u32(strings_.size() + text.size(), "bytes of strings");
  strings_.append(text);
  return ref;
}

void Writer::add(const EntityInput& input) {
  const auto id = checked_u32(entities_.size(), "entities");
  EntityRecord record{};
  record.wikidata_id = store(input.wikidata_id);
  record.label = store(input.label);
  record.wiki_title = input.wiki_title == input.label ? record.label : store(input.wiki_title);
  record.description = store(input.description);
  record.prior = input.prior;
  record.type = static_cast<std::uint32_t>(input.type);
  record.first_name = checked_u32(names_.size(), "names");
  entity_names_.clear();

  // `stored` is the name's place in the string section when it is there already.
  const auto add_name = [&](std::string_view name, std::optional<StringRef> stored) {
    if (name.empty() || !entity_names_.insert(name).second) return;
    if (!stored) stored = store(name);
    names_.push_back(*stored);
    std::string key = fold_key(name);
    if (key.empty()) return;
    max_name_words_ = std::min<std::uint32_t>(0xFFFF, std::max(max_name_words_, count_words(key)));
    const StringRef key_ref = key == name ? *stored : store(key);
    keys_.push_back({key_hash(key), key_ref, id});
    // "l'otan" is also found as "otan": the linker may have split the elision off.
    if (key.size() > 2 && key.starts_with("l'")) {
      const StringRef bare{key_ref.offset + 2, key_ref.length - 2};
      keys_.push_back({key_hash(view(bare)), bare, id});
    }
  };
  add_name(input.label, record.label);
  const std::string_view title_name = title_without_qualifier(input.wiki_title);
  add_name(title_name, StringRef{record.wiki_title.offset, static_cast<std::uint32_t>(title_name.size())});
  for (const std::string_view alias : input.aliases) add_name(alias, std::nullopt);
  record.name_count = static_cast<std::uint32_t>(names_.size() - record.first_name);
  checked_u32(names_.size(), "names");
  entities_.push_back(record);
}

void Writer::write(const std::function<void(std::string_view)>& sink) {
  // Equal keys next to each other, best prior first, each (key, entity) pair once.
  std::sort(keys_.begin(), keys_.end(), [&](const KeyEntry& a, const KeyEntry& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    if (const auto c = view(a.key).compare(view(b.key)); c != 0) return c < 0;
    const float pa = entities_[a.entity].prior, pb = entities_[b.entity].prior;
    if (pa != pb) return pa > pb;
    return a.entity < b.entity;
  });
  const auto same_key = [&](const KeyEntry& a, const KeyEntry& b) { return a.hash == b.hash && view(a.key) == view(b.key); };

  std::size_t key_count = 0;
  for (std::size_t i = 0; i < keys_.size(); ++i) key_count += i == 0 || !same_key(keys_[i - 1], keys_[i]) ? 1U : 0U;
  // A load factor of 0.8 keeps probe sequences short.
  const auto slot_count = checked_u32(std::max<std::uint64_t>(8, key_count + key_count / 4 + 1), "hash slots");

  std::vector<Slot> slots(slot_count, Slot{0, {}, empty_slot});
  std::vector<std::uint32_t> postings;
  postings.reserve(keys_.size() + key_count);
  for (std::size_t i = 0; i < keys_.size();) {
    const KeyEntry& first = keys_[i];
    const auto at = checked_u32(postings.size(), "postings");
    postings.push_back(0);
    std::uint32_t count = 0;
    for (; i < keys_.size() && same_key(first, keys_[i]); ++i) {
      if (count > 0 && postings.back() == keys_[i].entity) continue;
      postings.push_back(keys_[i].entity);
      ++count;
    }
    postings[at] = count;
    std::uint32_t s = home_slot(first.hash, slot_count);
    while (slots[s].postings != empty_slot) s = s + 1 == slot_count ? 0 : s + 1;
    slots[s] = Slot{static_cast<std::uint32_t>(first.hash >> 32), first.key, at};
  }
  checked_u32(postings.size(), "postings");

  Header header{};
  std::memcpy(header.magic, magic, sizeof magic);
  header.version = format_version;
  header.byte_order = byte_order_mark;
  header.entity_count = static_cast<std::uint32_t>(entities_.size());
  header.name_count = static_cast<std::uint32_t>(names_.size());
  header.slot_count = slot_count;
  header.key_count = static_cast<std::uint32_t>(key_count);
  header.posting_words = static_cast<std::uint32_t>(postings.size());
  header.max_name_words = max_name_words_;
  header.strings_size = strings_.size();
  header.fold_version = fold_key_version;
  const Layout layout = layout_of(header);
  header.file_size = layout.end;

  std::uint64_t written = 0;
  const auto put = [&](std::string_view bytes) {
    sink(bytes);
    written += bytes.size();
  };
  const auto pad_to = [&](std::uint64_t offset) {
    static constexpr char zeros[8] = {};
    put(std::string_view(zeros, offset - written));
  };
  put(bytes_of(header));
  pad_to(layout.entities);
  put(bytes_of(entities_));
  pad_to(layout.names);
  put(bytes_of(names_));
  pad_to(layout.slots);
  put(bytes_of(slots));
  pad_to(layout.postings);
  put(bytes_of(postings));
  pad_to(layout.strings);
  put(strings_);
}

}  // namespace frnews::detail::kb
