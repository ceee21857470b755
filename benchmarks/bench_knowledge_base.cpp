// Knowledge base: fold_key() throughput, the built-in knowledge base's first load, lookups, and
// loading a large generated knowledge base in the binary form (memory-mapped).
//
// The large knowledge base has 300 000 entities by default; set FRNEWS_BENCH_KB_ENTITIES (for
// instance to 3000000) for another size. It is generated once, written to a temporary file, and
// removed at exit.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded.hpp"
#include "corpus.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/normalize.hpp"

namespace {

std::size_t large_kb_entities() {
  const char* value = std::getenv("FRNEWS_BENCH_KB_ENTITIES");
  return value != nullptr ? std::strtoull(value, nullptr, 10) : 300'000;
}

// Resident memory of this process, in bytes.
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

// Names that look like French news names: "Jeanne Morvalet", "Saint-Bréval-sur-Lône".
std::string synthetic_name(std::uint64_t n) {
  static constexpr std::string_view first[] = {"Jean", "Marie", "Éric", "Sébastien", "Anne", "Loïc", "Hélène",
                                               "François", "Chloé", "Noël", "Agnès", "Jérôme", "Inès", "Raphaël"};
  static constexpr std::string_view syllables[] = {"mor", "va", "let", "bré", "lon", "du", "cha", "teau",
                                                   "rive", "gnac", "pel", "lier", "sai", "gues", "fon", "tai"};
  std::string name(first[n % std::size(first)]);
  name += ' ';
  n /= std::size(first);
  bool capital = true;
  do {
    std::string_view s = syllables[n % std::size(syllables)];
    if (capital) {
      name += static_cast<char>(s[0] - 'a' + 'A');
      s.remove_prefix(1);
      capital = false;
    }
    name += s;
    n /= std::size(syllables);
  } while (n > 0);
  return name;
}

// A TSV knowledge base of `count` entities with three names each; one name in 10 is shared by
// two entities, as ambiguous names are.
std::string synthetic_tsv(std::size_t count) {
  std::string tsv;
  tsv.reserve(count * 140);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string label = synthetic_name(i);
    tsv += 'Q';
    tsv += std::to_string(i + 1);
    tsv += '\t';
    tsv += label;
    tsv += '\t';
    tsv += label;
    tsv += i % 3 == 0 ? "\tPER\t" : i % 3 == 1 ? "\tLOC\t" : "\tORG\t";
    tsv += synthetic_name(i * 7919 + 13);
    tsv += '|';
    tsv += synthetic_name(i % 10 == 0 ? i + 1 : i + count);
    tsv += '\t';
    tsv += std::to_string(static_cast<double>(i % 1000) / 1000.0).substr(0, 5);
    tsv += "\tentité générée pour mesurer le chargement\n";
  }
  return tsv;
}

// The large knowledge base in the binary form, written once.
struct LargeKb {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("frnews-bench-" + std::to_string(::getpid()) + ".kb");
  std::size_t entities = large_kb_entities();
  std::vector<std::string> probes;  // folded names to look up
  LargeKb() {
    frnews::KnowledgeBase::from_tsv(synthetic_tsv(entities), "synthetic").save_binary(path);
    for (std::size_t i = 0; i < 1000; ++i) probes.push_back(frnews::fold_key(synthetic_name(i * (entities / 1000))));
  }
  ~LargeKb() { std::filesystem::remove(path); }
};

const LargeKb& large_kb() {
  static const LargeKb kb;
  return kb;
}

void BM_fold_key(benchmark::State& state) {
  const std::string text = frnews::bench::news_text(1 << 20);
  for (auto _ : state) benchmark::DoNotOptimize(frnews::fold_key(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_fold_key);

// The first call of builtin() parses every embedded TSV file: measured once, as users pay it.
void BM_builtin_first_load(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(&frnews::KnowledgeBase::builtin());
  std::size_t bytes = 0;
  frnews::detail::for_each_embedded_file("kb/", [&](std::string_view, std::string_view data) { bytes += data.size(); });
  state.counters["entities"] = static_cast<double>(frnews::KnowledgeBase::builtin().size());
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_builtin_first_load)->Iterations(1)->Unit(benchmark::kMillisecond);

// The same parse, repeated: the embedded TSV files joined into one.
void BM_builtin_parse(benchmark::State& state) {
  std::string tsv;
  frnews::detail::for_each_embedded_file("kb/", [&](std::string_view, std::string_view data) {
    tsv.append(data);
    if (!tsv.empty() && tsv.back() != '\n') tsv += '\n';
  });
  std::size_t entities = 0;
  for (auto _ : state) entities = frnews::KnowledgeBase::from_tsv(tsv).size();
  state.counters["entities"] = static_cast<double>(entities);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(tsv.size()));
}
BENCHMARK(BM_builtin_parse)->Unit(benchmark::kMillisecond);

// Longest-match lookups as the linker makes them: fold, then look up.
void BM_builtin_lookup(benchmark::State& state) {
  const auto& kb = frnews::KnowledgeBase::builtin();
  std::vector<std::string> names;
  for (frnews::EntityId id = 0; id < kb.size(); ++id) names.emplace_back(kb.entity(id).label);
  for (const char* miss : {"Le Premier ministre", "jeudi", "une source proche du dossier"}) names.emplace_back(miss);
  std::size_t bytes = 0, found = 0;
  for (auto _ : state) {
    for (const auto& name : names) {
      found += kb.lookup(frnews::fold_key(name)).size();
      bytes += name.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_builtin_lookup);

// A user knowledge base of 1 000 entries (100 of them replacing built-in ones) layered over the
// built-in one: the merge of their postings, paid once per layering.
void BM_layered_over_builtin(benchmark::State& state) {
  const auto& builtin = frnews::KnowledgeBase::builtin();
  std::string tsv;
  for (frnews::EntityId id = 0; id < 100; ++id) {
    const auto e = builtin.entity(id * 7);
    ((((tsv += e.wikidata_id) += '\t') += e.wiki_title) += '\t') += e.label;
    tsv += "\tLOC\t\t0.5\tremplace\n";
  }
  for (int i = 0; i < 900; ++i) {
    const std::string name = "Lieu " + std::to_string(i);
    tsv += "\t" + name + "\t" + name + "\tLOC\tEndroit " + std::to_string(i) + "\t0.5\tnouveau\n";
  }
  const auto mine = frnews::KnowledgeBase::from_tsv(tsv);
  for (auto _ : state) benchmark::DoNotOptimize(frnews::KnowledgeBase::layered({mine, builtin}).size());
}
BENCHMARK(BM_layered_over_builtin)->Unit(benchmark::kMillisecond);

// load() of the large binary knowledge base (validation included) and 1000 lookups.
void BM_large_load(benchmark::State& state) {
  const LargeKb& large = large_kb();
  const double resident_before = resident_bytes();
  double resident_loaded = 0;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto kb = frnews::KnowledgeBase::load(large.path);
    for (const auto& probe : large.probes) found += kb.lookup(probe).size();
    resident_loaded = resident_bytes();
  }
  benchmark::DoNotOptimize(found);
  const auto file_bytes = std::filesystem::file_size(large.path);
  state.counters["entities"] = static_cast<double>(large.entities);
  state.counters["file_MB"] = static_cast<double>(file_bytes) / 1e6;
  state.counters["added_resident_MB"] = (resident_loaded - resident_before) / 1e6;
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(file_bytes));
}
BENCHMARK(BM_large_load)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Lookups in the large knowledge base, once loaded.
void BM_large_lookup(benchmark::State& state) {
  const LargeKb& large = large_kb();
  const auto kb = frnews::KnowledgeBase::load(large.path);
  std::size_t found = 0, bytes = 0;
  for (auto _ : state) {
    for (const auto& probe : large.probes) {
      found += kb.lookup(probe).size();
      bytes += probe.size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(large.probes.size()));
}
BENCHMARK(BM_large_lookup);

}  // namespace
