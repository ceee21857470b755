// `frnews kb build`: streams a Wikidata JSON dump (plain, gzip or bzip2) into a knowledge base,
// keeping the entities French readers can name: those with a French label or a French Wikipedia
// article. `frnews kb info`: counts what a knowledge base holds.
//
// The dump is one JSON array with one entity a line: "[", then lines of `{...},`, then "]".
// Each line is parsed on its own, so memory stays bounded by the longest line.
#include "kb_command.hpp"

#include <bzlib.h>
#include <simdjson.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frnews/error.hpp"
#include "frnews/knowledge_base.hpp"

namespace frnews::cli {
namespace {

// A stream of bytes from a file, decompressed when it is gzip or bzip2.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Fills up to `size` bytes; 0 at the end. Throws frnews::Exception on a read or format error.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

class GzipSource final : public ByteSource {  // zlib reads plain files unchanged too
 public:
  explicit GzipSource(const std::string& path) : file_(gzopen(path.c_str(), "rb")), path_(path) {
    if (file_ == nullptr) throw Exception("cannot read " + path + ": " + std::strerror(errno));
    gzbuffer(file_, 1 << 17);
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  ~GzipSource() override { gzclose(file_); }

  std::size_t read(char* buffer, std::size_t size) override {
    const int got = gzread(file_, buffer, static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30)));
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    // A truncated file reads as far as it goes, then reports Z_BUF_ERROR.
    if (got < 0 || (got == 0 && code != Z_OK)) throw Exception(message);  // zlib names the file
    return static_cast<std::size_t>(got);
  }

 private:
  gzFile file_;
  std::string path_;
};

// bzip2, including files of several concatenated streams (as parallel compressors write).
class Bzip2Source final : public ByteSource {
 public:
  explicit Bzip2Source(const std::string& path) : file_(std::fopen(path.c_str(), "rb")), path_(path) {
    if (file_ == nullptr) throw Exception("cannot read " + path + ": " + std::strerror(errno));
    start_stream();
  }
  Bzip2Source(const Bzip2Source&) = delete;
  Bzip2Source& operator=(const Bzip2Source&) = delete;
  ~Bzip2Source() override {
    BZ2_bzDecompressEnd(&stream_);
    std::fclose(file_);
  }

  std::size_t read(char* buffer, std::size_t size) override {
    stream_.next_out = buffer;
    stream_.avail_out = static_cast<unsigned>(std::min<std::size_t>(size, 1u << 30));
    while (stream_.avail_out > 0) {
      if (stream_.avail_in == 0 && !at_eof_) {
        const std::size_t got = std::fread(input_.data(), 1, input_.size(), file_);
        if (got == 0) {
          if (std::ferror(file_) != 0) throw Exception("read error in " + path_ + ": " + std::strerror(errno));
          at_eof_ = true;
        }
        stream_.next_in = input_.data();
        stream_.avail_in = static_cast<unsigned>(got);
      }
      if (stream_.avail_in == 0 && at_eof_) {
        if (in_stream_) throw Exception(path_ + ": truncated bzip2 stream");
        break;
      }
      if (!in_stream_) {  // another stream follows the previous one
        BZ2_bzDecompressEnd(&stream_);
        char* next_in = stream_.next_in;
        const unsigned avail_in = stream_.avail_in;
        char* next_out = stream_.next_out;
        const unsigned avail_out = stream_.avail_out;
        start_stream();
        stream_.next_in = next_in;
        stream_.avail_in = avail_in;
        stream_.next_out = next_out;
        stream_.avail_out = avail_out;
      }
      const int status = BZ2_bzDecompress(&stream_);
      if (status == BZ_STREAM_END) {
        in_stream_ = false;
      } else if (status != BZ_OK) {
        throw Exception(path_ + ": corrupted bzip2 data");
      }
    }
    return static_cast<std::size_t>(stream_.next_out - buffer);
  }

 private:
  void start_stream() {
    stream_ = bz_stream{};
    if (BZ2_bzDecompressInit(&stream_, 0, 0) != BZ_OK) throw Exception("cannot start bzip2 decompression");
    in_stream_ = true;
  }

  std::FILE* file_;
  std::string path_;
  bz_stream stream_{};
  std::array<char, 1 << 17> input_{};
  bool in_stream_ = false;
  bool at_eof_ = false;
};

std::unique_ptr<ByteSource> open_source(const std::string& path) {
  std::array<char, 3> start{};
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Exception("cannot read " + path + ": " + std::strerror(errno));
    probe.read(start.data(), start.size());
  }
  if (std::string_view(start.data(), start.size()) == "BZh") return std::make_unique<Bzip2Source>(path);
  return std::make_unique<GzipSource>(path);
}

// Splits a byte source into lines, without their line ends.
class LineReader {
 public:
  explicit LineReader(ByteSource& source) : source_(source), buffer_(1 << 20, '\0') {}

  bool next(std::string& line) {
    line.clear();
    while (true) {
      const std::string_view rest(buffer_.data() + begin_, end_ - begin_);
      const std::size_t newline = rest.find('\n');
      if (newline != std::string_view::npos) {
        line.append(rest.substr(0, newline));
        begin_ += newline + 1;
        return true;
      }
      line.append(rest);
      begin_ = 0;
      end_ = source_.read(buffer_.data(), buffer_.size());
      if (end_ == 0) return !line.empty();
    }
  }

 private:
  ByteSource& source_;
  std::string buffer_;
  std::size_t begin_ = 0, end_ = 0;
};

// Classes of Wikidata's "instance of" (P31) that give an entity type. People win over the rest.
const std::unordered_map<std::string_view, EntityType>& type_of_class() {
  static const std::unordered_map<std::string_view, EntityType> classes = [] {
    std::unordered_map<std::string_view, EntityType> map;
    const auto add = [&](EntityType type, std::initializer_list<std::string_view> ids) {
      for (const auto id : ids) map.emplace(id, type);
    };
    add(EntityType::person, {"Q5", "Q15632617"});  // human, fictional human
    // countries and states, cities, towns, villages, communes and municipalities, administrative
    // divisions, regions, continents, islands, seas, rivers, lakes, mountains
    add(EntityType::location,
        {"Q6256",    "Q3624078", "Q7275",    "Q515",     "Q486972",   "Q484170", "Q1549591", "Q5119",
         "Q3957",    "Q532",     "Q35657",   "Q10864048", "Q13220204", "Q107390", "Q36784",  "Q6465",
         "Q82794",   "Q1620908", "Q23442",   "Q8502",    "Q46831",    "Q4022",   "Q23397",  "Q165",
         "Q5107",    "Q1637706", "Q200250",  "Q7930989", "Q15284",    "Q747074", "Q262166", "Q2074737",
         "Q1093829", "Q702492",  "Q2983893", "Q12280"});
    // organisations, companies, parties, newspapers and periodicals, publishers, broadcasters,
    // clubs and teams, universities and institutes, agencies and ministries, alliances, bands
    add(EntityType::organization,
        {"Q43229",   "Q4830453", "Q7278",     "Q11032",   "Q1002697", "Q476028",  "Q2085381", "Q891723",
         "Q783794",  "Q6881511", "Q1331793",  "Q15265344", "Q1616075", "Q14350",  "Q484652",  "Q327333",
         "Q3918",    "Q31855",   "Q163740",   "Q15911314", "Q245065", "Q1127126", "Q17127659", "Q4438121",
         "Q161726",  "Q192350",  "Q192283",   "Q1110794", "Q1153191", "Q7210356", "Q178706",  "Q847017",
         "Q12973014", "Q215380", "Q5341295",  "Q2659904", "Q48204",   "Q1058914", "Q210167",  "Q155076"});
    return map;
  }();
  return classes;
}

EntityType type_of(simdjson::dom::element entity) {
  simdjson::dom::array statements;
  if (entity["claims"]["P31"].get(statements) != simdjson::SUCCESS) return EntityType::misc;
  std::optional<EntityType> found;
  for (const auto statement : statements) {
    std::string_view id;
    if (statement["mainsnak"]["datavalue"]["value"]["id"].get(id) != simdjson::SUCCESS) continue;
    const auto it = type_of_class().find(id);
    if (it == type_of_class().end()) continue;
    if (it->second == EntityType::person) return EntityType::person;
    if (!found) found = it->second;
  }
  return found.value_or(EntityType::misc);
}

// Sitelinks count how many Wikipedias (and sister projects) cover an entity: the more, the more
// likely a reader means it. Log-scaled so that ~300 sitelinks reach 1.
float prior_of(std::size_t sitelinks) {
  const double prior = std::log1p(static_cast<double>(sitelinks)) / std::log1p(300.0);
  return static_cast<float>(std::min(1.0, prior));
}

// A field of the TSV form: no tabs or line breaks, and in aliases no '|'.
void append_field(std::string& out, std::string_view text, bool alias = false) {
  for (const char c : text) {
    out += c == '\t' || c == '\n' || c == '\r' || (alias && c == '|') ? ' ' : c;
  }
}

struct DumpStats {
  std::size_t lines = 0;
  std::size_t entities = 0;
  std::size_t kept = 0;
  std::size_t bad_lines = 0;
};

// Appends the TSV record of one dump entity to `out`, when it has a French name.
bool append_entity(simdjson::dom::element entity, std::string& out) {
  std::string_view id, label, title, description;
  if (entity["id"].get(id) != simdjson::SUCCESS || !id.starts_with('Q')) return false;
  const bool has_label = entity["labels"]["fr"]["value"].get(label) == simdjson::SUCCESS && !label.empty();
  const bool has_title = entity["sitelinks"]["frwiki"]["title"].get(title) == simdjson::SUCCESS && !title.empty();
  if (!has_label && !has_title) return false;
  if (!has_label) label = title;
  if (entity["descriptions"]["fr"]["value"].get(description) != simdjson::SUCCESS) description = {};
  simdjson::dom::object sitelinks;
  const std::size_t sitelink_count = entity["sitelinks"].get(sitelinks) == simdjson::SUCCESS ? sitelinks.size() : 0;

  out.append(id);
  out += '\t';
  append_field(out, title);
  out += '\t';
  append_field(out, label);
  out += '\t';
  out.append(to_string(type_of(entity)));
  out += '\t';
  simdjson::dom::array aliases;
  if (entity["aliases"]["fr"].get(aliases) == simdjson::SUCCESS) {
    bool first = true;
    for (const auto alias : aliases) {
      std::string_view value;
      if (alias["value"].get(value) != simdjson::SUCCESS || value.empty()) continue;
      if (!first) out += '|';
      append_field(out, value, true);
      first = false;
    }
  }
  out += '\t';
  std::array<char, 16> prior{};
  const int length = std::snprintf(prior.data(), prior.size(), "%.3f", static_cast<double>(prior_of(sitelink_count)));
  out.append(prior.data(), static_cast<std::size_t>(length));
  out += '\t';
  append_field(out, description);
  out += '\n';
  return true;
}

// Streams the dump at `path`, calling emit(tsv_chunk) every few thousand kept entities.
template <class Emit>
DumpStats read_dump(const std::string& path, std::size_t limit, Emit&& emit) {
  auto source = open_source(path);
  LineReader lines(*source);
  simdjson::dom::parser parser;
  DumpStats stats;
  std::string line, tsv;
  while (lines.next(line) && (limit == 0 || stats.kept < limit)) {
    ++stats.lines;
    line.reserve(line.size() + simdjson::SIMDJSON_PADDING);  // lets simdjson read the line in place
    std::string_view json(line);
    while (!json.empty() && (json.back() == ',' || json.back() == '\r' || json.back() == ' ')) json.remove_suffix(1);
    if (json.empty() || json == "[" || json == "]") continue;
    ++stats.entities;
    simdjson::dom::element entity;
    if (parser.parse(json.data(), json.size(), false).get(entity) != simdjson::SUCCESS || !entity.is_object()) {
      if (++stats.bad_lines <= 5) std::cerr << "frnews: " << path << ':' << stats.lines << ": not a JSON entity\n";
      continue;
    }
    if (append_entity(entity, tsv)) ++stats.kept;
    if (tsv.size() > (1u << 20)) {
      emit(std::string_view(tsv));
      tsv.clear();
    }
  }
  emit(std::string_view(tsv));
  return stats;
}

constexpr std::string_view tsv_header = "# wikidata_id\twiki_title\tlabel\ttype\taliases\tprior\tdescription\n";

int build(const std::string& dump, const std::string& output, std::size_t limit) {
  if (dump.ends_with(".tsv")) {  // a knowledge base in the TSV form, to convert to the binary form
    KnowledgeBase::load(dump).save_binary(output);
    return 0;
  }
  const auto start = std::chrono::steady_clock::now();
  DumpStats stats;
  if (output.ends_with(".tsv")) {
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << tsv_header;
    stats = read_dump(dump, limit, [&](std::string_view chunk) { out.write(chunk.data(), static_cast<std::streamsize>(chunk.size())); });
    if (!out.flush()) throw Exception("cannot write " + output + ": " + std::strerror(errno));
  } else {
    std::string tsv(tsv_header);
    stats = read_dump(dump, limit, [&](std::string_view chunk) { tsv.append(chunk); });
    KnowledgeBase::from_tsv(tsv, dump).save_binary(output);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "frnews: kept " << stats.kept << " of " << stats.entities << " entities in " << seconds << " s";
  if (stats.bad_lines > 0) std::cerr << "; " << stats.bad_lines << " lines were not JSON entities";
  std::cerr << '\n';
  return stats.bad_lines > 0 ? 1 : 0;
}

int info(const std::string& file) {
  const auto start = std::chrono::steady_clock::now();
  const auto kb = KnowledgeBase::load(file);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::array<std::size_t, 4> by_type{};
  std::size_t names = 0, with_id = 0, with_title = 0, with_description = 0;
  for (EntityId id = 0; id < kb.size(); ++id) {
    const Entity e = kb.entity(id);
    ++by_type[static_cast<std::size_t>(e.type)];
    with_id += e.wikidata_id.empty() ? 0u : 1u;
    with_title += e.wiki_title.empty() ? 0u : 1u;
    with_description += e.description.empty() ? 0u : 1u;
    names += kb.names(id).size();
  }
  std::cout << "file: " << file << '\n'
            << "entities: " << kb.size() << '\n'
            << "PER: " << by_type[0] << "\nLOC: " << by_type[1] << "\nORG: " << by_type[2] << "\nMISC: " << by_type[3] << '\n'
            << "names: " << names << '\n'
            << "with Wikidata id: " << with_id << '\n'
            << "with French Wikipedia title: " << with_title << '\n'
            << "with description: " << with_description << '\n'
            << "longest name, in words: " << kb.max_name_words() << '\n'
            << "load time (ms): " << ms << '\n';
  return 0;
}

}  // namespace

KbCommand::KbCommand(CLI::App& app) {
  kb_ = app.add_subcommand("kb", "Build or inspect a knowledge base");
  kb_->require_subcommand(1);
  build_ = kb_->add_subcommand("build", "Build a knowledge base from a Wikidata JSON dump (plain, .gz or .bz2), "
                                        "or convert one from the TSV form (.tsv) to the binary form");
  build_->add_option("dump", dump_, "Wikidata JSON dump, or a knowledge base in the TSV form")->required();
  build_->add_option("output", output_, "Output: binary form, or the TSV form when it ends with .tsv")->required();
  build_->add_option("--limit", limit_, "Stop after this many kept entities (0: no limit)");
  info_ = kb_->add_subcommand("info", "Count the entities and names of a knowledge base (binary or TSV)");
  info_->add_option("file", info_file_, "Knowledge base file")->required();
}

bool KbCommand::parsed() const { return kb_->parsed(); }

int KbCommand::run() const {
  if (build_->parsed()) return build(dump_, output_, limit_);
  return info(info_file_);
}

}  // namespace frnews::cli
