// KnowledgeBase: a view over one binary image (src/kb/binary_format.hpp). The TSV form is turned
// into an image in memory; the binary form is memory-mapped, checked once and used in place.
#include "frnews/knowledge_base.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/flat_table.hpp"
#include "core/tsv.hpp"
#include "frnews/error.hpp"
#include "frnews/normalize.hpp"
#include "kb/binary_format.hpp"
#include "kb/writer.hpp"
#include "normalize/utf8.hpp"

namespace frnews {

std::string_view to_string(EntityType type) noexcept {
  switch (type) {
    case EntityType::person: return "PER";
    case EntityType::location: return "LOC";
    case EntityType::organization: return "ORG";
    case EntityType::misc: return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> parse_entity_type(std::string_view text) noexcept {
  if (text == "PER") return EntityType::person;
  if (text == "LOC") return EntityType::location;
  if (text == "ORG") return EntityType::organization;
  if (text == "MISC") return EntityType::misc;
  return std::nullopt;
}

namespace detail::kb {
namespace {

// A read-only memory mapping of a whole file.
class MappedFile {
 public:
  MappedFile(void* data, std::size_t size) noexcept : data_(data), size_(size) {}
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile() { ::munmap(data_, size_); }
  [[nodiscard]] const char* data() const noexcept { return static_cast<const char*>(data_); }

 private:
  void* data_;
  std::size_t size_;
};

// Closes a file descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const noexcept { return fd_; }

 private:
  int fd_;
};

constexpr std::size_t tsv_fields = 7;

bool is_wikidata_id(std::string_view id) noexcept {
  if (id.size() < 2 || id.front() != 'Q') return false;
  for (const char c : id.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<float> parse_prior(std::string_view text) noexcept {
  if (text.empty()) return 0.5f;
  float value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc{} || end != text.data() + text.size() || !(value >= 0.0f && value <= 1.0f)) return std::nullopt;
  return value;
}

// Where the first ill-formed UTF-8 sequence of `text` starts, or npos.
std::size_t find_ill_formed_utf8(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80U) {
      ++i;
      continue;
    }
    const Decoded decoded = decode_utf8(text, i);
    if (!decoded.valid) return i;
    i += decoded.length;
  }
  return std::string_view::npos;
}

std::string_view trim_spaces(std::string_view s) noexcept {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Reads TSV records into `writer`; `seen_ids` holds the Wikidata ids met so far (views into
// texts that outlive the reading) to reject duplicates across files.
void read_tsv(Writer& writer, std::unordered_set<std::string_view>& seen_ids, std::string_view tsv,
              std::string_view source) {
  std::vector<std::string_view> aliases;
  for_each_tsv_record(
      tsv,
      [&](const std::vector<std::string_view>& fields, std::size_t line) {
        const auto fail = [&](std::string_view problem) {
          throw Exception(fmt::format("{}:{}: {}", source, line, problem));
        };
        if (fields.size() != tsv_fields) {
          fail(fmt::format("expected {} tab-separated fields (wikidata_id, wiki_title, label, type, aliases, "
                           "prior, description), found {}",
                           tsv_fields, fields.size()));
        }
        // Labels and names reach analyses and JSON output as they are: they must be text.
        static constexpr std::array<std::string_view, tsv_fields> field_names = {
            "Wikidata id", "wiki title", "label", "type", "aliases", "prior", "description"};
        for (std::size_t f = 0; f < tsv_fields; ++f) {
          if (const std::size_t at = find_ill_formed_utf8(fields[f]); at != std::string_view::npos) {
            fail(fmt::format("ill-formed UTF-8 in the {} at byte {} of the field", field_names[f], at));
          }
        }
        const std::string_view id = fields[0];
        if (!id.empty() && !is_wikidata_id(id)) fail(fmt::format("bad Wikidata id \"{}\" (expected Q and digits)", id));
        if (fields[2].empty()) fail("empty label");
        const auto type = parse_entity_type(fields[3]);
        if (!type) fail(fmt::format("bad type \"{}\" (expected PER, LOC, ORG or MISC)", fields[3]));
        const auto prior = parse_prior(fields[5]);
        if (!prior) fail(fmt::format("bad prior \"{}\" (expected a decimal number from 0 to 1)", fields[5]));
        if (!id.empty() && !seen_ids.insert(id).second) fail(fmt::format("duplicate Wikidata id {}", id));

        aliases.clear();
        for (std::string_view rest = fields[4]; !rest.empty();) {
          const std::size_t bar = rest.find('|');
          aliases.push_back(trim_spaces(rest.substr(0, bar)));
          rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
        }
        writer.add(EntityInput{id, fields[1], fields[2], *type, *prior, fields[6], aliases});
      },
      tsv_fields + 1);
}

}  // namespace
}  // namespace detail::kb

using namespace detail::kb;

namespace {

// One binary image: a layer of a KnowledgeBase.
class Image {
 public:
  // An image built in memory. The records need 8-byte alignment, which the heap buffer of a
  // long string has in practice; otherwise the image is copied to memory that has it.
  explicit Image(std::string image) : owned_image_(std::move(image)) {
    const char* data = owned_image_.data();
    if (reinterpret_cast<std::uintptr_t>(data) % alignof(std::uint64_t) != 0) {
      owned_words_ = std::make_unique_for_overwrite<std::uint64_t[]>((owned_image_.size() + 7) / 8);
      std::memcpy(owned_words_.get(), owned_image_.data(), owned_image_.size());
      owned_image_ = {};
      data = reinterpret_cast<const char*>(owned_words_.get());
    }
    attach(data);
  }
  // A mapped file, checked by validate() before it is trusted.
  explicit Image(std::unique_ptr<MappedFile> mapped) : mapped_(std::move(mapped)) { attach(mapped_->data()); }

  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;
  ~Image() {
    for (std::uint32_t i = 0; i < header_->entity_count; ++i) delete[] name_views_[i].load(std::memory_order_relaxed);
  }

  [[nodiscard]] const Header& header() const noexcept { return *header_; }
  [[nodiscard]] std::string_view image() const noexcept { return {base_, header_->file_size}; }

  [[nodiscard]] std::string_view str(StringRef ref) const noexcept { return {strings_ + ref.offset, ref.length}; }

  // Calls f(key, postings) for every folded name of the hash table.
  template <class F>
  void for_each_key(F&& f) const {
    for (std::uint32_t i = 0; i < header_->slot_count; ++i) {
      const Slot& slot = slots_[i];
      if (slot.postings != empty_slot) f(str(slot.key), std::span<const EntityId>{postings_ + slot.postings + 1, postings_[slot.postings]});
    }
  }

  [[nodiscard]] Entity entity(EntityId id) const noexcept {
    if (id >= header_->entity_count) return {};
    const EntityRecord& r = entities_[id];
    return Entity{str(r.wikidata_id), str(r.wiki_title), str(r.label), static_cast<EntityType>(r.type), r.prior,
                  str(r.description)};
  }

  // The views are made on first request and kept: the records hold offsets, not views.
  [[nodiscard]] std::span<const std::string_view> names(EntityId id) const noexcept {
    if (id >= header_->entity_count) return {};
    const EntityRecord& r = entities_[id];
    if (r.name_count == 0) return {};
    std::atomic<const std::string_view*>& cached = name_views_[id];
    const std::string_view* views = cached.load(std::memory_order_acquire);
    if (views == nullptr) {
      auto* fresh = new (std::nothrow) std::string_view[r.name_count];
      if (fresh == nullptr) return {};
      for (std::uint32_t i = 0; i < r.name_count; ++i) fresh[i] = str(names_[r.first_name + i]);
      if (cached.compare_exchange_strong(views, fresh, std::memory_order_acq_rel)) {
        views = fresh;
      } else {
        delete[] fresh;  // another thread was first; `views` now holds its array
      }
    }
    return {views, r.name_count};
  }

  [[nodiscard]] std::span<const EntityId> lookup(std::string_view key) const noexcept {
    if (key.empty()) return {};
    const std::uint64_t hash = key_hash(key);
    const std::uint32_t slot_count = header_->slot_count;
    const auto high = static_cast<std::uint32_t>(hash >> 32);
    std::uint32_t s = home_slot(hash, slot_count);
    // validate() made sure a free slot ends every search; the bound is one more guard.
    for (std::uint32_t probes = 0; probes < slot_count; ++probes) {
      const Slot& slot = slots_[s];
      if (slot.postings == empty_slot) return {};
      if (slot.hash == high && str(slot.key) == key) return {postings_ + slot.postings + 1, postings_[slot.postings]};
      s = s + 1 == slot_count ? 0 : s + 1;
    }
    return {};
  }

  // Checks every count, offset and id of a mapped image against the sizes of its sections, so
  // that no later access can leave the file. Throws frnews::Exception naming the first problem.
  void validate(std::string_view source) const {
    const Header& h = *header_;
    const auto fail = [&](std::string_view problem) {
      throw Exception(fmt::format("{}: corrupted knowledge base: {}", source, problem));
    };
    // The writer stores only strings read from valid UTF-8. One pass over the string section
    // and a boundary check of each reference below make sure no string is cut or ill-formed.
    const std::string_view strings(strings_, h.strings_size);
    if (const std::size_t at = find_ill_formed_utf8(strings); at != std::string_view::npos) {
      fail(fmt::format("ill-formed UTF-8 at byte {} of the string section", at));
    }
    const auto on_boundary = [&](std::uint64_t offset) {
      return offset >= strings.size() || !detail::is_continuation(static_cast<unsigned char>(strings[offset]));
    };
    const auto check_string = [&](StringRef ref, const char* what, std::uint64_t index) {
      if (std::uint64_t{ref.offset} + ref.length > h.strings_size) {
        fail(fmt::format("{} {} points outside the string section", what, index));
      }
      if (!on_boundary(ref.offset) || !on_boundary(std::uint64_t{ref.offset} + ref.length)) {
        fail(fmt::format("{} {} cuts a UTF-8 character", what, index));
      }
    };
    if (h.key_count >= h.slot_count) fail("hash table has no free slot");
    if (h.max_name_words > 0xFFFF) fail("implausible longest name");
    for (std::uint32_t i = 0; i < h.entity_count; ++i) {
      const EntityRecord& r = entities_[i];
      check_string(r.wikidata_id, "Wikidata id of entity", i);
      check_string(r.wiki_title, "wiki title of entity", i);
      check_string(r.label, "label of entity", i);
      check_string(r.description, "description of entity", i);
      if (std::uint64_t{r.first_name} + r.name_count > h.name_count) fail(fmt::format("names of entity {} out of range", i));
      if (r.type > static_cast<std::uint32_t>(EntityType::misc)) fail(fmt::format("bad type of entity {}", i));
      if (!(r.prior >= 0.0f && r.prior <= 1.0f)) fail(fmt::format("bad prior of entity {}", i));
    }
    for (std::uint32_t i = 0; i < h.name_count; ++i) check_string(names_[i], "name", i);
    std::uint32_t keys = 0;
    for (std::uint32_t i = 0; i < h.slot_count; ++i) {
      const Slot& slot = slots_[i];
      if (slot.postings == empty_slot) continue;
      ++keys;
      check_string(slot.key, "key of hash slot", i);
      if (slot.postings >= h.posting_words) fail(fmt::format("postings of hash slot {} out of range", i));
      const std::uint32_t count = postings_[slot.postings];
      if (count == 0 || std::uint64_t{slot.postings} + 1 + count > h.posting_words) {
        fail(fmt::format("postings of hash slot {} out of range", i));
      }
      for (std::uint32_t k = 1; k <= count; ++k) {
        if (postings_[slot.postings + k] >= h.entity_count) fail(fmt::format("hash slot {} names a missing entity", i));
      }
    }
    if (keys != h.key_count) fail("hash table holds another number of keys than the header says");
  }

 private:
  void attach(const char* base) {
    base_ = base;
    header_ = reinterpret_cast<const Header*>(base);
    const Layout layout = layout_of(*header_);
    entities_ = reinterpret_cast<const EntityRecord*>(base + layout.entities);
    names_ = reinterpret_cast<const StringRef*>(base + layout.names);
    slots_ = reinterpret_cast<const Slot*>(base + layout.slots);
    postings_ = reinterpret_cast<const std::uint32_t*>(base + layout.postings);
    strings_ = base + layout.strings;
    name_views_.reset(new std::atomic<const std::string_view*>[header_->entity_count]());
  }

  std::string owned_image_;
  std::unique_ptr<std::uint64_t[]> owned_words_;
  std::unique_ptr<MappedFile> mapped_;
  const char* base_ = nullptr;
  const Header* header_ = nullptr;
  const EntityRecord* entities_ = nullptr;
  const StringRef* names_ = nullptr;
  const Slot* slots_ = nullptr;
  const std::uint32_t* postings_ = nullptr;
  const char* strings_ = nullptr;
  std::unique_ptr<std::atomic<const std::string_view*>[]> name_views_;
};

std::shared_ptr<const Image> image_from_writer(Writer& writer) {
  std::string image;
  writer.write([&](std::string_view bytes) { image.append(bytes); });
  return std::make_shared<const Image>(std::move(image));
}

// Checks the header of a binary image of `size` bytes; the sections are checked by validate().
void check_header(const char* data, std::uint64_t size, std::string_view source) {
  const auto fail = [&](std::string_view problem) {
    throw Exception(fmt::format("{}: not a usable knowledge base: {}", source, problem));
  };
  if (size < sizeof(Header)) fail(fmt::format("truncated header ({} bytes)", size));
  Header h;
  std::memcpy(&h, data, sizeof h);
  if (std::memcmp(h.magic, magic, sizeof magic) != 0) fail("bad magic number");
  if (h.byte_order != byte_order_mark) fail("written on a machine of another byte order");
  if (h.version != format_version) fail(fmt::format("format version {}, expected {}", h.version, format_version));
  if (h.fold_version != fold_key_version) {
    fail(fmt::format("its names were folded by version {} of fold_key, this frnews folds them by version {}; "
                     "build it again with `frnews kb build`",
                     h.fold_version, fold_key_version));
  }
  const Layout layout = layout_of(h);
  // The counts are 32-bit, so only the string size can make the sum wrap around.
  if (layout.strings > h.file_size || h.strings_size > h.file_size - layout.strings || h.file_size != layout.end) {
    fail("the header's sizes do not add up");
  }
  if (size != h.file_size) fail(fmt::format("the header says {} bytes, the file has {}", h.file_size, size));
}

bool looks_binary(std::string_view start) noexcept { return !start.empty() && start.front() == magic[0]; }

}  // namespace

// The layers of a knowledge base, first one first, and the postings, merged across layers, of
// every name that a layer other than the largest knows or that a replaced entry goes by. Entity
// ids: the largest layer keeps its own, so its postings serve as they are; the others follow.
class KnowledgeBase::Impl {
 public:
  explicit Impl(std::vector<std::shared_ptr<const Image>> images) {
    if (images.empty()) {
      Writer empty;
      images.push_back(image_from_writer(empty));
    }
    const auto largest = std::max_element(images.begin(), images.end(), [](const auto& a, const auto& b) {
      return a->header().entity_count < b->header().entity_count;
    });
    base_ = static_cast<std::size_t>(largest - images.begin());
    std::uint64_t next = (*largest)->header().entity_count;
    for (std::size_t k = 0; k < images.size(); ++k) {
      const std::uint32_t count = images[k]->header().entity_count;
      Layer& layer = layers_.emplace_back(Layer{std::move(images[k]), 0, {}});
      if (k != base_) {
        layer.first = static_cast<EntityId>(next);
        next += count;
      }
      if (next >= std::numeric_limits<EntityId>::max()) throw Exception("knowledge base too large: more than 2^32 entities");
      max_name_words_ = std::max(max_name_words_, layer.image->header().max_name_words);
    }
    size_ = static_cast<std::size_t>(next);
    if (layers_.size() > 1) merge_layers();
    note_keys();
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::uint32_t max_name_words() const noexcept { return max_name_words_; }

  [[nodiscard]] Entity entity(EntityId id) const noexcept {
    const auto [layer, local] = locate(id);
    return layer == nullptr ? Entity{} : layer->image->entity(local);
  }

  [[nodiscard]] std::span<const std::string_view> names(EntityId id) const noexcept {
    const auto [layer, local] = locate(id);
    return layer == nullptr ? std::span<const std::string_view>{} : layer->image->names(local);
  }

  [[nodiscard]] std::span<const EntityId> lookup(std::string_view key) const noexcept {
    // Most runs of words looked up name nothing, and a miss probes many slots of the table
    // (loaded at 0.8): the filter of every key turns most of them away first.
    if (!is_set(keys_, key)) return {};
    if (!merged_.empty()) {
      if (const auto it = merged_.find(key); it != merged_.end()) return it->second;
    }
    return layers_[base_].image->lookup(key);
  }

  [[nodiscard]] bool may_continue(std::string_view words) const noexcept { return is_set(name_starts_, words); }

  // The image of the whole knowledge base: a single layer's own, or the visible entries of all.
  [[nodiscard]] std::string image() const {
    if (layers_.size() == 1) return std::string(layers_.front().image->image());
    Writer writer;
    for (const Layer& layer : layers_) {
      for (EntityId local = 0; local < layer.image->header().entity_count; ++local) {
        if (layer.is_replaced(local)) continue;
        const Entity e = layer.image->entity(local);
        writer.add(EntityInput{e.wikidata_id, e.wiki_title, e.label, e.type, e.prior, e.description,
                               layer.image->names(local)});
      }
    }
    std::string image;
    writer.write([&](std::string_view bytes) { image.append(bytes); });
    return image;
  }

  // Adds the layers' images to `out`, first layer first: a layered knowledge base layered again.
  void append_images(std::vector<std::shared_ptr<const Image>>& out) const {
    for (const Layer& layer : layers_) out.push_back(layer.image);
  }

 private:
  struct Layer {
    std::shared_ptr<const Image> image;
    EntityId first;               // the id of its entity 0
    std::vector<bool> replaced;   // by an entry of an earlier layer; empty when none is
    [[nodiscard]] bool is_replaced(EntityId local) const noexcept { return local < replaced.size() && replaced[local]; }
  };

  [[nodiscard]] std::pair<const Layer*, EntityId> locate(EntityId id) const noexcept {
    for (const Layer& layer : layers_) {
      const std::uint32_t count = layer.image->header().entity_count;
      if (id >= layer.first && id - layer.first < count) return {&layer, id - layer.first};
    }
    return {nullptr, 0};
  }

  // Marks the entries that an earlier layer replaces (same Wikidata id or Wikipedia title),
  // then merges the postings of the names concerned.
  void merge_layers() {
    std::unordered_set<std::string_view> ids, titles;
    for (std::size_t k = 0; k < layers_.size(); ++k) {
      Layer& layer = layers_[k];
      const Image& image = *layer.image;
      const std::uint32_t count = image.header().entity_count;
      if (k > 0) {
        for (EntityId local = 0; local < count; ++local) {
          const Entity e = image.entity(local);
          if ((!e.wikidata_id.empty() && ids.contains(e.wikidata_id)) || (!e.wiki_title.empty() && titles.contains(e.wiki_title))) {
            if (layer.replaced.empty()) layer.replaced.resize(count);
            layer.replaced[local] = true;
          }
        }
      }
      if (k + 1 == layers_.size()) break;
      for (EntityId local = 0; local < count; ++local) {
        if (layer.is_replaced(local)) continue;
        const Entity e = image.entity(local);
        if (!e.wikidata_id.empty()) ids.insert(e.wikidata_id);
        if (!e.wiki_title.empty()) titles.insert(e.wiki_title);
      }
    }

    const auto merge = [&](std::string_view key) {
      const auto [it, fresh] = merged_.try_emplace(key);
      if (!fresh) return;
      std::vector<EntityId>& merged = it->second;
      for (const Layer& layer : layers_) {
        for (const EntityId local : layer.image->lookup(key)) {
          if (!layer.is_replaced(local)) merged.push_back(layer.first + local);
        }
      }
      // Each layer's postings come best prior first; at equal priors the earlier layer stays first.
      std::stable_sort(merged.begin(), merged.end(), [&](EntityId a, EntityId b) { return entity(a).prior > entity(b).prior; });
    };
    for (std::size_t k = 0; k < layers_.size(); ++k) {
      const Layer& layer = layers_[k];
      if (k != base_) {
        layer.image->for_each_key([&](std::string_view key, std::span<const EntityId>) { merge(key); });
      } else if (!layer.replaced.empty()) {
        layer.image->for_each_key([&](std::string_view key, std::span<const EntityId> postings) {
          if (std::any_of(postings.begin(), postings.end(), [&](EntityId local) { return layer.is_replaced(local); })) merge(key);
        });
      }
    }
  }

  // Filters of 2^20 bits (128 KB each, so that they stay in the cache where the hash table would
  // not), one bit a text.
  using Filter = std::vector<std::uint64_t>;
  static void set(Filter& filter, std::string_view text) noexcept {
    const std::uint64_t bit = detail::hash_word(text) & (filter.size() * 64 - 1);
    filter[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  [[nodiscard]] static bool is_set(const Filter& filter, std::string_view text) noexcept {
    const std::uint64_t bit = detail::hash_word(text) & (filter.size() * 64 - 1);
    return (filter[bit / 64] >> (bit % 64) & 1) != 0;
  }

  // The bits of lookup() (every key) and of may_continue() (every key's words up to each space).
  void note_keys() {
    keys_.assign((std::size_t{1} << 20) / 64, 0);
    name_starts_.assign((std::size_t{1} << 20) / 64, 0);
    const auto note = [&](std::string_view key, std::span<const EntityId>) {
      set(keys_, key);
      for (std::size_t space = key.find(' '); space != std::string_view::npos; space = key.find(' ', space + 1)) {
        set(name_starts_, key.substr(0, space));
      }
    };
    for (const Layer& layer : layers_) layer.image->for_each_key(note);
  }

  std::vector<Layer> layers_;
  Filter keys_, name_starts_;
  std::size_t base_ = 0;  // the layer whose entity ids are its own
  std::size_t size_ = 0;
  std::uint32_t max_name_words_ = 0;
  std::unordered_map<std::string_view, std::vector<EntityId>> merged_;
};

KnowledgeBase::KnowledgeBase(std::shared_ptr<const Impl> impl) noexcept : impl_(std::move(impl)) {}
KnowledgeBase::KnowledgeBase(const KnowledgeBase&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(const KnowledgeBase&) noexcept = default;
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;
KnowledgeBase::~KnowledgeBase() = default;

const KnowledgeBase& KnowledgeBase::builtin() {
  static const KnowledgeBase kb = [] {
    Writer writer;
    std::unordered_set<std::string_view> seen_ids;
    detail::for_each_embedded_file("kb/", [&](std::string_view name, std::string_view bytes) {
      if (name.ends_with(".tsv")) read_tsv(writer, seen_ids, bytes, name);
    });
    return KnowledgeBase(std::make_shared<const Impl>(std::vector{image_from_writer(writer)}));
  }();
  return kb;
}

KnowledgeBase KnowledgeBase::from_tsv(std::string_view tsv, std::string_view source) {
  Writer writer;
  std::unordered_set<std::string_view> seen_ids;
  read_tsv(writer, seen_ids, tsv, source);
  return KnowledgeBase(std::make_shared<const Impl>(std::vector{image_from_writer(writer)}));
}

KnowledgeBase KnowledgeBase::layered(const std::vector<KnowledgeBase>& layers) {
  std::vector<std::shared_ptr<const Image>> images;
  for (const KnowledgeBase& kb : layers) kb.impl_->append_images(images);
  return KnowledgeBase(std::make_shared<const Impl>(std::move(images)));
}

KnowledgeBase KnowledgeBase::load(const std::filesystem::path& path) {
  const std::string source = path.string();
  // The system's reason goes into the message: a missing file and a permission problem differ.
  const auto failure = [&](std::string_view action) {
    return Exception(fmt::format("cannot {} knowledge base {}: {}", action, source, std::strerror(errno)));
  };
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat info {};
  if (fd.get() < 0 || ::fstat(fd.get(), &info) != 0) throw failure("read");
  const auto size = static_cast<std::uint64_t>(info.st_size);
  char first = 0;
  if (size > 0 && ::pread(fd.get(), &first, 1, 0) != 1) throw failure("read");

  if (!looks_binary(std::string_view(&first, size > 0 ? 1 : 0))) {
    std::ifstream in(path, std::ios::binary);
    std::string tsv(size, '\0');
    if (!in.read(tsv.data(), static_cast<std::streamsize>(size))) throw failure("read");
    return from_tsv(tsv, source);
  }

  if (size < sizeof(Header)) check_header(nullptr, size, source);  // throws: too short to map
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.get(), 0);
  if (data == MAP_FAILED) throw failure("map");
  auto mapped = std::make_unique<MappedFile>(data, size);
  check_header(mapped->data(), size, source);
  auto image = std::make_shared<const Image>(std::move(mapped));
  image->validate(source);
  return KnowledgeBase(std::make_shared<const Impl>(std::vector{std::move(image)}));
}

// Written beside the target, then renamed over it: a process that maps the old file keeps it.
void KnowledgeBase::save_binary(const std::filesystem::path& path) const {
  std::filesystem::path partial = path;
  partial += ".partial-" + std::to_string(::getpid());
  const std::string image = impl_->image();
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out.write(image.data(), static_cast<std::streamsize>(image.size())) || !out.flush()) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      throw Exception("cannot write knowledge base " + path.string() + ": " + reason);
    }
  }
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) {
    const std::string reason = error.message();
    std::filesystem::remove(partial, error);
    throw Exception("cannot write knowledge base " + path.string() + ": " + reason);
  }
}

std::size_t KnowledgeBase::size() const noexcept { return impl_->size(); }
Entity KnowledgeBase::entity(EntityId id) const noexcept { return impl_->entity(id); }
std::span<const std::string_view> KnowledgeBase::names(EntityId id) const noexcept { return impl_->names(id); }
std::span<const EntityId> KnowledgeBase::lookup(std::string_view folded_name) const noexcept {
  return impl_->lookup(folded_name);
}
bool KnowledgeBase::may_continue(std::string_view folded_words) const noexcept {
  return impl_->may_continue(folded_words);
}
std::uint32_t KnowledgeBase::max_name_words() const noexcept { return impl_->max_name_words(); }

}  // namespace frnews
