// The knowledge-base loaders on any bytes. Input starting with the binary magic byte goes
// through KnowledgeBase::load() on a temporary file (the binary form is memory-mapped, so a file
// is the only way in); anything else through KnowledgeBase::from_tsv() and, as a file, load().
// A rejected file must throw frnews::Exception with a message; an accepted one must answer every
// query inside its own data, survive a binary round trip, and serve an Analyzer.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "frnews/analyzer.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/normalize.hpp"
#include "invariants.hpp"

namespace {

using namespace frnews;
namespace fs = std::filesystem;

// A directory of this process for the files under test, removed at exit.
class ScratchDir {
 public:
  ScratchDir() : path_(fs::temp_directory_path() / ("frnews-fuzz-kb-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const noexcept { return path_; }

 private:
  fs::path path_;
};

const fs::path& scratch_dir() {
  static const ScratchDir dir;
  return dir.path();
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  fuzz::expect(static_cast<bool>(out.flush()), "cannot write the scratch file");
}

std::optional<KnowledgeBase> try_load(const fs::path& path) {
  try {
    return KnowledgeBase::load(path);
  } catch (const Exception& e) {
    fuzz::expect(std::string_view(e.what()).size() > 0, "empty error message");
    return std::nullopt;
  }
}

// Reads every entity, every name and every lookup of a name; all of it must stay inside the
// knowledge base (AddressSanitizer checks the reads).
void check_queries(const KnowledgeBase& kb) {
  const auto size = kb.size();
  for (EntityId id = 0; id < size && id < 512; ++id) {
    const Entity e = kb.entity(id);
    fuzz::expect(e.prior >= 0.0f && e.prior <= 1.0f, "entity prior out of 0..1", id);
    fuzz::expect(e.type <= EntityType::misc, "entity type out of range", id);
    std::size_t bytes = e.wikidata_id.size() + e.wiki_title.size() + e.label.size() + e.description.size();
    for (const std::string_view name : kb.names(id)) {
      bytes += name.size();
      for (const EntityId found : kb.lookup(fold_key(name))) fuzz::expect(found < size, "lookup names a missing entity");
    }
    fuzz::expect(bytes < (std::size_t{1} << 40), "implausible entity size");
  }
  fuzz::expect(kb.entity(static_cast<EntityId>(size)).label.empty(), "entity past the end is not empty");
  fuzz::expect(kb.names(static_cast<EntityId>(size)).empty(), "names past the end are not empty");
  fuzz::expect(kb.lookup("").empty(), "the empty name finds something");
}

// A short French text with names, analysed with this knowledge base.
void check_analysis(const KnowledgeBase& kb) {
  static constexpr std::string_view text =
      "« Nous tiendrons nos engagements », a déclaré jeudi Marie Dupont, ministre de l’Économie, à "
      "Lyon. Selon l’ONU, la situation reste grave.";
  const Analyzer analyzer(kb);
  auto analysis = analyzer.analyze(text);
  fuzz::expect(analysis.has_value(), "analyze failed with a loaded knowledge base");
  fuzz::check_analysis(*analysis, text);
}

bool has_ill_formed_text(const KnowledgeBase& kb) {
  for (EntityId id = 0; id < kb.size(); ++id) {
    const Entity e = kb.entity(id);
    for (const std::string_view s : {e.wikidata_id, e.wiki_title, e.label, e.description}) {
      if (!fuzz::is_valid_utf8(s)) return true;
    }
    for (const std::string_view name : kb.names(id)) {
      if (!fuzz::is_valid_utf8(name)) return true;
    }
  }
  return false;
}

void check_accepted(const KnowledgeBase& kb, const fs::path& scratch) {
  check_queries(kb);
  fuzz::expect(!has_ill_formed_text(kb), "an accepted knowledge base holds ill-formed UTF-8");
  check_analysis(kb);
  const fs::path copy = fs::path(scratch).concat(".bin");
  kb.save_binary(copy);
  auto reloaded = try_load(copy);
  fuzz::expect(reloaded.has_value(), "the binary form of an accepted knowledge base is rejected");
  fuzz::expect(reloaded->size() == kb.size(), "binary round trip changed the size", reloaded->size(), kb.size());
  for (EntityId id = 0; id < kb.size() && id < 512; ++id) {
    fuzz::expect(reloaded->entity(id).label == kb.entity(id).label, "binary round trip changed a label", id);
    fuzz::expect(reloaded->names(id).size() == kb.names(id).size(), "binary round trip changed the names", id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return frnews::fuzz::run_checked([&] {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const fs::path scratch = scratch_dir() / "kb";
    write_file(scratch, input);

    const bool binary = !input.empty() && input.front() == '\x89';
    std::optional<KnowledgeBase> from_memory;
    if (!binary) {
      try {
        from_memory.emplace(KnowledgeBase::from_tsv(input, "fuzz.tsv"));
      } catch (const Exception& e) {
        // The message names the source and the line: "fuzz.tsv:<line>: <problem>".
        fuzz::expect(std::string_view(e.what()).starts_with("fuzz.tsv:"), "TSV error does not name its source");
      }
    }
    auto from_file = try_load(scratch);
    if (!binary) {
      fuzz::expect(from_memory.has_value() == from_file.has_value(), "load() and from_tsv() disagree on a TSV file");
    }
    if (from_memory) check_accepted(*from_memory, scratch);
    if (from_file) check_accepted(*from_file, scratch);
  });
}
