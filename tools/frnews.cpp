// The frnews command: analyze, quotes, entities and normalize French news text.
//
// Plain text: each file (or stdin) is one document; directories are read recursively (*.txt).
// JSON Lines (--jsonl): each input line is an object with "id" and "text"; each output line
// answers one input line, in the same order, and memory stays bounded whatever the input size.
// Exit status: 0 success, 1 some input was bad or output failed (reported on stderr, the other
// inputs still processed), 2 usage error.
#include <CLI/CLI.hpp>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "frnews/frnews.hpp"
#include "input_text.hpp"
#include "kb_command.hpp"
#include "normalize/characters.hpp"
#include "normalize/utf8.hpp"

namespace {

namespace fs = std::filesystem;

// Some editors start UTF-8 files with it. JSON Lines input drops it (the texts are JSON strings
// after it); a plain text file keeps it, so that offsets count the file's bytes.
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

struct Settings {
  std::vector<std::string> inputs;
  bool jsonl = false;
  unsigned threads = 1;
  bool pretty = false;
  std::optional<bool> progress;  // default: on when stderr is a terminal
  std::vector<std::string> knowledge_bases;  // --kb files, layered over the built-in one
  std::string lexicons;  // --lexicons directory over the built-in lexicons
  frnews::JsonOptions output;
};

// One document's input and what becomes of it.
struct Job {
  std::string id_json;  // the id, already JSON-encoded
  std::string text;
  std::string source;   // file name, for messages
  std::size_t line = 0; // input line number, for JSON Lines
  std::uintmax_t input_bytes = 0;  // input consumed, blank lines before it included, for --progress
  std::string error;    // set when the input itself was bad
  bool not_json = false;  // the line is not a JSON object: a sign the whole input is not JSON Lines
  std::string result;   // the output object, without its newline
};

// Output failed (closed pipe, full disk): everything written before it is complete.
struct OutputError {
  std::string message;
};

// Writes whole lines to stdout and notices when the output fails.
class Output {
 public:
  explicit Output(bool pretty) : pretty_(pretty) {}

  void write_line(std::string_view json) {
    if (pretty_) {
      pretty_buffer_.clear();
      indent_json(json, pretty_buffer_);
      json = pretty_buffer_;
    }
    if (std::fwrite(json.data(), 1, json.size(), stdout) != json.size() || std::fputc('\n', stdout) == EOF) fail();
  }
  void flush() {
    if (std::fflush(stdout) != 0) fail();
  }

 private:
  [[noreturn]] static void fail() {
    throw OutputError{std::string("cannot write the output: ") + std::strerror(errno)};
  }

  // Re-indents compact JSON (as append_json writes it) with two spaces, one field per line.
  static void indent_json(std::string_view json, std::string& out) {
    int depth = 0;
    bool in_string = false;
    auto newline = [&] {
      out += '\n';
      out.append(static_cast<std::size_t>(2 * depth), ' ');
    };
    for (std::size_t i = 0; i < json.size(); ++i) {
      const char c = json[i];
      out += c;
      if (in_string) {
        if (c == '\\' && i + 1 < json.size()) {
          out += json[++i];
        } else if (c == '"') {
          in_string = false;
        }
        continue;
      }
      switch (c) {
        case '"': in_string = true; break;
        case '{':
        case '[':
          if (i + 1 < json.size() && (json[i + 1] == '}' || json[i + 1] == ']')) {
            out += json[++i];
          } else {
            ++depth;
            newline();
          }
          break;
        case '}':
        case ']':
          out.pop_back();
          --depth;
          newline();
          out += c;
          break;
        case ',': newline(); break;
        case ':': out += ' '; break;
        default: break;
      }
    }
  }

  bool pretty_;
  std::string pretty_buffer_;
};

// Documents, megabytes, throughput and (when the total is known) time left, on stderr.
class Progress {
 public:
  Progress(bool enabled, std::uintmax_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
  ~Progress() {
    if (!finished_) break_line();  // the run stopped on an error
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void add(std::size_t documents, std::uintmax_t bytes) {
    documents_ += documents;
    bytes_ += bytes;
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    show(false);
  }

  // The last line, always shown: the whole input is read, so 100 % when its size is known.
  void finish() {
    if (!enabled_) return;
    show(true);
    std::fputc('\n', stderr);
    finished_ = true;
  }

  // Ends the progress line so that a message written next to stderr starts a line of its own.
  void break_line() {
    if (!on_line_) return;
    std::fputc('\n', stderr);
    on_line_ = false;
    last_width_ = 0;
  }

 private:
  void show(bool done) {
    shown_ = true;
    on_line_ = true;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double megabytes = static_cast<double>(bytes_) / 1e6;
    const double rate = seconds > 0 ? megabytes / seconds : 0.0;
    int width = std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s", documents_, megabytes, rate);
    if (total_ > 0 && done) {
      width += std::fprintf(stderr, ", 100%%");
    } else if (total_ > 0 && rate > 0) {
      const double left = (static_cast<double>(total_) / 1e6 - megabytes) / rate;
      const double percent = std::min(100.0, 100.0 * static_cast<double>(bytes_) / static_cast<double>(total_));
      width += std::fprintf(stderr, ", %.0f%%, %.0f s left", percent, std::max(0.0, left));
    }
    // Blanks over what is left of a longer previous line.
    std::fprintf(stderr, "%*s", std::max(0, last_width_ - width), "");
    last_width_ = std::max(last_width_, width);
    std::fflush(stderr);
  }

  bool enabled_;
  std::uintmax_t total_;
  std::size_t documents_ = 0;
  std::uintmax_t bytes_ = 0;
  bool shown_ = false;
  bool on_line_ = false;  // the cursor is at the end of a progress line
  bool finished_ = false;
  int last_width_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void write_error_object(Job& job) {
  job.result = "{\"id\":" + (job.id_json.empty() ? std::string("null") : job.id_json) + ",\"error\":";
  frnews::append_json_string(job.result, job.error);
  if (job.line > 0) job.result += ",\"line\":" + std::to_string(job.line);
  job.result += '}';
}

void run_job(const frnews::Analyzer& analyzer, frnews::JsonOptions output, Job& job) {
  if (job.error.empty()) {
    auto analysis = analyzer.analyze(job.text);
    if (analysis) {
      job.result.reserve(2 * job.text.size() + 256);  // the output of news runs about twice its text
      frnews::append_json(job.result, *analysis, job.id_json, output);
      return;
    }
    job.error = analysis.error().message();
  }
  write_error_object(job);
}

// Reports bad inputs on stderr, in input order: the first few of each file one by one, then a
// count of the others, so that a file that is not JSON Lines at all says so once instead of
// once per line.
class ErrorLog {
 public:
  explicit ErrorLog(Progress& progress) : progress_(progress) {}

  // Takes every job, bad or not, in input order.
  void add(const Job& job) {
    if (job.source != source_) end_source();
    source_ = job.source;
    ++jobs_;
    if (job.error.empty()) return;
    ++errors_;
    not_json_ += job.not_json ? 1 : 0;
    if (errors_ > shown_per_source) return;
    progress_.break_line();
    std::cerr << "frnews: " << job.source;
    if (job.line > 0) std::cerr << ':' << job.line;
    std::cerr << ": " << job.error << '\n';
  }

  // Closes the current file with its summary, if it needs one.
  void end_source() {
    const std::size_t hidden = errors_ > shown_per_source ? errors_ - shown_per_source : 0;
    const bool not_jsonl = not_json_ > 0 && not_json_ == jobs_;
    if (hidden > 0 || not_jsonl) progress_.break_line();
    if (hidden > 0) std::cerr << "frnews: " << source_ << ": ... and " << hidden << " more bad lines\n";
    if (not_jsonl) {
      std::cerr << "frnews: " << source_ << ": not JSON Lines: none of its " << jobs_
                << " lines is a JSON object (without --jsonl, each file is one document)\n";
    }
    jobs_ = errors_ = not_json_ = 0;
  }

 private:
  static constexpr std::size_t shown_per_source = 5;
  Progress& progress_;
  std::string source_;
  std::size_t jobs_ = 0;
  std::size_t errors_ = 0;
  std::size_t not_json_ = 0;
};

// Analyses a batch on `threads` threads, then writes it in input order.
class BatchRunner {
 public:
  BatchRunner(const Settings& settings, Output& output, Progress& progress)
      : settings_(settings), output_(output), progress_(progress), errors_(progress) {}

  std::vector<Job>& batch() { return batch_; }
  [[nodiscard]] bool full() const { return batch_.size() >= 64 * std::max(1u, settings_.threads); }
  [[nodiscard]] int status() const { return status_; }

  void run(const frnews::Analyzer& analyzer) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i = next++; i < batch_.size(); i = next++) run_job(analyzer, settings_.output, batch_[i]);
    };
    {
      std::vector<std::jthread> pool;
      for (unsigned t = 1; t < settings_.threads; ++t) pool.emplace_back(worker);
      worker();
    }
    std::uintmax_t bytes = 0;
    for (auto& job : batch_) {
      errors_.add(job);
      if (!job.error.empty()) status_ = 1;
      output_.write_line(job.result);
      bytes += job.input_bytes;
    }
    progress_.add(batch_.size(), bytes);
    batch_.clear();
  }

  // Runs what is left, then closes the error report and the progress line.
  void finish(const frnews::Analyzer& analyzer) {
    run(analyzer);
    errors_.end_source();
    progress_.finish();
  }

 private:
  const Settings& settings_;
  Output& output_;
  Progress& progress_;
  ErrorLog errors_;
  std::vector<Job> batch_;
  int status_ = 0;
};

// Reads JSON Lines input lines: the DOM parser checks the whole line, the On Demand parser gives
// the id exactly as written (the DOM would rewrite 1.5e3 as 1500.0 and re-escape strings).
struct JsonlParser {
  simdjson::dom::parser dom;
  simdjson::ondemand::parser ondemand;
};

// The first "id" value of a line the DOM parser accepted, as written, without the blanks after it.
std::string raw_id(simdjson::ondemand::parser& parser, std::string& line) {
  line.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  simdjson::ondemand::document document;
  std::string_view token;
  if (parser.iterate(simdjson::padded_string_view(line.data(), line.size(), line.capacity())).get(document) ||
      document["id"].raw_json_token().get(token)) {
    return "null";  // not reached: the line was already parsed
  }
  return std::string(token.substr(0, token.find_last_not_of(" \t\r\n") + 1));
}

// Parses one JSON Lines input line into a job, or records why it is bad. An id is copied as
// written; a line without one gets its line number, which output order alone would not give
// since blank lines are skipped.
void parse_jsonl_line(JsonlParser& parser, std::string& line, Job& job) {
  simdjson::dom::object object;
  if (const auto status = parser.dom.parse(line).get(object)) {
    if (status == simdjson::NUMBER_ERROR || status == simdjson::NUMBER_OUT_OF_RANGE) {
      job.error = "a number is malformed or too large (write long ids as strings)";
    } else {
      job.error = "not a JSON object of valid UTF-8";
      job.not_json = true;
    }
    return;
  }
  if (simdjson::dom::element id; object["id"].get(id) == simdjson::SUCCESS) {
    if (!id.is_string() && !id.is_number() && !id.is_null()) {
      job.error = "\"id\" must be a string, a number or null";
      return;
    }
    job.id_json = raw_id(parser.ondemand, line);
  } else {
    job.id_json = std::to_string(job.line);
  }
  std::string_view text;
  const auto status = object["text"].get(text);
  if (status == simdjson::NO_SUCH_FIELD) {
    job.error = "no \"text\" field";
  } else if (status != simdjson::SUCCESS) {
    job.error = "\"text\" must be a string";
  } else {
    job.text = std::string(text);
  }
}

void read_jsonl(std::istream& in, const std::string& source, const frnews::Analyzer& analyzer, BatchRunner& runner) {
  JsonlParser parser;
  std::size_t line_number = 0;
  std::uintmax_t bytes = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    bytes += line.size() + 1;
    if (line_number == 1 && line.starts_with(utf8_bom)) line.erase(0, utf8_bom.size());
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Job& job = runner.batch().emplace_back();
    job.source = source;
    job.line = line_number;
    job.input_bytes = std::exchange(bytes, 0);
    parse_jsonl_line(parser, line, job);
    if (runner.full()) runner.run(analyzer);
  }
}

bool read_all(std::istream& in, std::string& out) {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// The inputs as files to read, directories expanded to their *.txt files (sorted); "-" is stdin.
// Unreadable inputs are reported and skipped.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, bool jsonl, int& status) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code error;
    if (input != "-" && fs::is_directory(input, error)) {
      std::vector<std::string> found;
      const auto extension = jsonl ? ".jsonl" : ".txt";
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, error);
      for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        if (it->is_regular_file(error) && it->path().extension() == extension) found.push_back(it->path().string());
      }
      if (error) {
        std::cerr << "frnews: cannot read directory " << input << ": " << error.message() << '\n';
        status = 1;
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  if (inputs.empty()) files.emplace_back("-");
  return files;
}

std::uintmax_t total_size(const std::vector<std::string>& files) {
  std::uintmax_t total = 0;
  for (const auto& file : files) {
    std::error_code error;
    if (file == "-") return 0;  // unknown
    const auto size = fs::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

// The --kb files over the built-in knowledge base: the first file's entries win.
frnews::KnowledgeBase knowledge_base(const std::vector<std::string>& files) {
  if (files.empty()) return frnews::KnowledgeBase::builtin();
  std::vector<frnews::KnowledgeBase> layers;
  for (const auto& file : files) layers.push_back(frnews::KnowledgeBase::load(file));
  layers.push_back(frnews::KnowledgeBase::builtin());
  return frnews::KnowledgeBase::layered(layers);
}

// The analyzer's options with the --lexicons directory over the built-in lexicons.
frnews::Lexicons lexicons(const std::string& directory) {
  return directory.empty() ? frnews::Lexicons::builtin() : frnews::Lexicons::load(directory);
}
frnews::AnalyzerOptions analyzer_options(const std::string& lexicons_directory) {
  frnews::AnalyzerOptions options;
  options.lexicons = lexicons(lexicons_directory);
  return options;
}

void add_lexicons_option(CLI::App* command, std::string& directory) {
  command->add_option("--lexicons", directory,
                      "Directory of lexicon files over the built-in ones (reporting_verbs.tsv, honorifics.tsv...): "
                      "each adds its lines, or replaces the built-in file when its first line is '# replace'")
      ->type_name("DIR");
}

int run_documents(const Settings& settings) {
  const frnews::KnowledgeBase kb = knowledge_base(settings.knowledge_bases);
  const frnews::Analyzer analyzer(kb, analyzer_options(settings.lexicons));
  int status = 0;
  const auto files = expand_inputs(settings.inputs, settings.jsonl, status);
  Output output(settings.pretty);
  Progress progress(settings.progress.value_or(isatty(STDERR_FILENO) == 1), total_size(files));
  BatchRunner runner(settings, output, progress);
  for (const auto& file : files) {
    std::ifstream stream;
    const bool is_stdin = file == "-";
    if (!is_stdin) {
      stream.open(file, std::ios::binary);
      if (!stream) {
        progress.break_line();
        std::cerr << "frnews: cannot read " << file << ": " << std::strerror(errno) << '\n';
        status = 1;
        continue;
      }
    }
    std::istream& in = is_stdin ? std::cin : stream;
    const std::string name = is_stdin ? "<stdin>" : file;
    if (settings.jsonl) {
      read_jsonl(in, name, analyzer, runner);
      if (in.bad()) {
        progress.break_line();
        std::cerr << "frnews: read error in " << name << ": " << std::strerror(errno) << '\n';
        status = 1;
      }
      continue;
    }
    Job& job = runner.batch().emplace_back();
    job.source = name;
    frnews::append_json_string(job.id_json, name);
    if (!read_all(in, job.text)) job.error = std::string("read error: ") + std::strerror(errno);
    job.input_bytes = job.text.size();
    if (runner.full()) runner.run(analyzer);
  }
  runner.finish(analyzer);
  output.flush();
  return status | runner.status();
}

// `text` on one readable line for --explain: controls, newlines, invisible characters and spaces
// other than U+0020 as escapes (\n, \u00A0), quotes and backslashes escaped, ill-formed bytes as
// \xHH.
std::string visible(std::string_view text) {
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const auto decoded = frnews::detail::decode_utf8(text, at);
    const char32_t cp = decoded.code_point;
    char escape[16];
    if (!decoded.valid) {
      for (std::size_t k = 0; k < decoded.length; ++k) {
        std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned char>(text[at + k]));
        out += escape;
      }
    } else if (cp == '\n' || cp == '\t' || cp == '\r') {
      out += cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r";
    } else if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (frnews::detail::is_invisible(cp) || frnews::detail::is_newline(cp) ||
               (frnews::detail::is_space(cp) && cp != ' ')) {
      std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp));
      out += escape;
    } else {
      out.append(text.substr(at, decoded.length));
    }
    at += decoded.length;
  }
  return out;
}

// The canonical bytes that the original span `original` became.
frnews::Span canonical_span(const frnews::OffsetMap& map, frnews::Span original) {
  const auto& runs = map.runs();
  auto canonical_end_of = [&](auto run) { return std::next(run) == runs.end() ? map.canonical_size() : std::next(run)->canonical; };
  // The first run that holds original offset `at`, or the one that starts there.
  auto run_holding = [&](std::uint32_t at) {
    auto run = std::upper_bound(runs.begin(), runs.end(), at,
                                [](std::uint32_t value, const frnews::OffsetMap::Run& r) { return value < r.original; });
    if (run != runs.begin()) --run;
    while (run != runs.begin() && std::prev(run)->original == run->original) --run;
    return run;
  };
  if (runs.empty()) return original;
  const auto first = run_holding(original.begin);
  const std::uint32_t begin = first->identity ? first->canonical + (original.begin - first->original) : first->canonical;
  std::uint32_t end = begin;
  for (auto run = first; run != runs.end() && (run->original < original.end || run == first); ++run) {
    end = run->identity ? std::min(canonical_end_of(run), run->canonical + (original.end - run->original))
                        : canonical_end_of(run);
  }
  return {begin, std::max(begin, end)};
}

// Reads one text from a file, or from standard input for "-" or no file; says why it cannot.
bool read_input(const std::string& file, frnews::cli::InputText& text) {
  if (text.read(file)) return true;
  const bool standard_input = file.empty() || file == "-";
  std::cerr << "frnews: cannot read " << (standard_input ? "standard input" : file) << ": " << std::strerror(errno) << '\n';
  return false;
}

int run_normalize(const std::string& file, const frnews::NormalizeOptions& options, const frnews::Lexicons& lexicons,
                  bool explain) {
  frnews::cli::InputText input;
  if (!read_input(file, input)) return 1;
  const std::string_view text = input.view();
  auto normalized = frnews::normalize(text, options, lexicons);
  if (!normalized) {
    std::cerr << "frnews: " << normalized.error().message() << '\n';
    return 1;
  }
  // Ends with a newline, like any text a command prints.
  if (!normalized->text.empty() && !normalized->text.ends_with('\n')) normalized->text += '\n';
  if (std::fwrite(normalized->text.data(), 1, normalized->text.size(), stdout) != normalized->text.size() ||
      std::fflush(stdout) != 0) {
    throw OutputError{std::string("cannot write the output: ") + std::strerror(errno)};
  }
  if (explain) {
    for (const auto& repair : normalized->repairs) {
      const frnews::Span became = canonical_span(normalized->map, repair.original);
      std::cerr << frnews::to_string(repair.kind) << ' ' << repair.original.begin << '-' << repair.original.end << " \""
                << visible(repair.original.of(text)) << "\" -> \"" << visible(became.of(normalized->text)) << "\"\n";
    }
  }
  return 0;
}

// An option taking one of a few names, each standing for a value of `target`. --help lists the
// names only (CLI11's CheckedTransformer would show the values too, as raw bytes for a uint8_t
// enum).
template <class Value>
void add_choice(CLI::App* command, const std::string& option, Value& target,
                const std::vector<std::pair<std::string, Value>>& choices, const std::string& help) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  command
      ->add_option_function<std::string>(
          option,
          [&target, choices](const std::string& name) {
            target = std::find_if(choices.begin(), choices.end(), [&](const auto& c) { return c.first == name; })->second;
          },
          help)
      ->check(CLI::IsMember(names));
}

// Levenshtein distance: how many characters to insert, remove or replace to turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t replaced = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, replaced});
    }
  }
  return row[b.size()];
}

// The message for a word given where a subcommand is due and naming none (`frnews analyse x`),
// with the nearest command when it is a likely typo; CLI11 alone would only say that a
// subcommand is required.
std::optional<std::string> unknown_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* command = &app;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with('-')) continue;  // the commands that take subcommands have only flags
    const auto subcommands = command->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) return std::nullopt;
    const CLI::App* nearest = nullptr;
    std::size_t nearest_distance = 0;
    for (const CLI::App* subcommand : subcommands) {
      const std::size_t distance = edit_distance(word, subcommand->get_name());
      if (nearest == nullptr || distance < nearest_distance) {
        nearest = subcommand;
        nearest_distance = distance;
      }
    }
    if (nearest_distance == 0) {
      command = nearest;
      continue;
    }
    std::string message = "unknown command '" + std::string(word) + "'";
    // A typo changes a letter or two, and never most of a short name.
    if (nearest_distance <= std::min<std::size_t>(2, nearest->get_name().size() / 2)) {
      return message + "; did you mean '" + nearest->get_name() + "'?";
    }
    message += "; the commands are";
    for (const CLI::App* subcommand : subcommands) message += (subcommand == subcommands.front() ? " " : ", ") + subcommand->get_name();
    return message;
  }
  return std::nullopt;
}

// `frnews report`: one HTML page for one text, else one page per document and an index page.
struct ReportSettings {
  std::vector<std::string> inputs;
  bool jsonl = false;
  std::string output;  // the page (default: stdout), or the directory of pages and index
  std::string lexicons;  // --lexicons directory over the built-in lexicons
};

void write_file(const fs::path& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary);
  if (!out.write(content.data(), static_cast<std::streamsize>(content.size())) || !out.flush()) {
    throw OutputError{"cannot write " + path.string() + ": " + std::strerror(errno)};
  }
}

// The page of a document: "0001-name.html", the name reduced to characters safe in any file system.
std::string report_page_name(std::size_t number, std::string_view name) {
  std::string file = std::to_string(number);
  file.insert(0, file.size() < 4 ? 4 - file.size() : 0, '0');
  file += '-';
  for (const char c : name.substr(0, 60)) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    file += safe ? c : '_';
  }
  return file + ".html";
}

// Analyses one document into its page in `directory` and its line of the index.
void add_report_page(const frnews::Analyzer& analyzer, Job& job, std::string title, const fs::path& directory,
                     std::vector<frnews::ReportIndexEntry>& index) {
  frnews::ReportIndexEntry& entry = index.emplace_back();
  entry.title = std::move(title);
  if (job.error.empty()) {
    auto analysis = analyzer.analyze(job.text);
    if (analysis) {
      entry.href = report_page_name(index.size(), fs::path(entry.title).stem().string());
      entry.counts = frnews::report_counts(*analysis);
      write_file(directory / entry.href, frnews::to_html(*analysis, {.title = entry.title, .index_href = "index.html"}));
      return;
    }
    job.error = analysis.error().message();
  }
  entry.error = job.error;
  std::cerr << "frnews: " << job.source;
  if (job.line > 0) std::cerr << ':' << job.line;
  std::cerr << ": " << job.error << '\n';
}

int run_report(const ReportSettings& settings) {
  const frnews::Analyzer analyzer(frnews::KnowledgeBase::builtin(), analyzer_options(settings.lexicons));
  std::error_code error;
  const bool one_text = !settings.jsonl && settings.inputs.size() <= 1 &&
                        (settings.inputs.empty() || !fs::is_directory(settings.inputs.front(), error));
  if (one_text) {
    const std::string file = settings.inputs.empty() ? "-" : settings.inputs.front();
    frnews::cli::InputText input;
    if (!read_input(file, input)) return 1;
    const auto analysis = analyzer.analyze(input.view());
    if (!analysis) {
      std::cerr << "frnews: " << file << ": " << analysis.error().message() << '\n';
      return 1;
    }
    const std::string page = frnews::to_html(*analysis, {.title = file == "-" ? "<stdin>" : fs::path(file).filename().string()});
    if (!settings.output.empty() && settings.output != "-") {
      write_file(settings.output, page);
    } else if (std::fwrite(page.data(), 1, page.size(), stdout) != page.size() || std::fflush(stdout) != 0) {
      throw OutputError{std::string("cannot write the output: ") + std::strerror(errno)};
    }
    return 0;
  }
  if (settings.output.empty() || settings.output == "-") {
    std::cerr << "frnews: a report of several documents needs -o DIRECTORY\n";
    return 2;
  }
  const fs::path directory = settings.output;
  fs::create_directories(directory);
  int status = 0;
  std::vector<frnews::ReportIndexEntry> index;
  for (const auto& file : expand_inputs(settings.inputs, settings.jsonl, status)) {
    std::ifstream stream;
    if (file != "-") stream.open(file, std::ios::binary);
    if (file != "-" && !stream) {
      std::cerr << "frnews: cannot read " << file << ": " << std::strerror(errno) << '\n';
      status = 1;
      continue;
    }
    std::istream& in = file == "-" ? std::cin : stream;
    const std::string name = file == "-" ? "<stdin>" : file;
    if (!settings.jsonl) {
      Job job;
      job.source = name;
      if (!read_all(in, job.text)) job.error = "read error";
      add_report_page(analyzer, job, name, directory, index);
      continue;
    }
    JsonlParser parser;
    std::string line;
    for (std::size_t line_number = 1; std::getline(in, line); ++line_number) {
      if (line_number == 1 && line.starts_with(utf8_bom)) line.erase(0, utf8_bom.size());
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Job job;
      job.source = name;
      job.line = line_number;
      parse_jsonl_line(parser, line, job);
      std::string title = job.id_json.empty() ? name + ':' + std::to_string(line_number) : job.id_json;
      if (title.size() >= 2 && title.front() == '"') title = title.substr(1, title.size() - 2);
      add_report_page(analyzer, job, std::move(title), directory, index);
    }
  }
  for (const auto& entry : index) status |= entry.error.empty() ? 0 : 1;
  write_file(directory / "index.html", frnews::to_html_index(index));
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::signal(SIGPIPE, SIG_IGN);  // a closed output pipe becomes a write error with a message

  CLI::App app{"frnews: quotes, speakers and entities in French news text"};
  app.set_version_flag("--version", std::string("frnews ") + FRNEWS_VERSION_STRING);
  app.require_subcommand(1);

  Settings settings;
  auto add_document_options = [&](CLI::App* command) {
    command->add_option("inputs", settings.inputs, "Files or directories (default: standard input; - for stdin)");
    command->add_flag("--jsonl", settings.jsonl,
                      "Input is JSON Lines: objects with \"id\" and \"text\" (directories: *.jsonl files)");
    command->add_option("-j,--threads", settings.threads, "Threads (output keeps input order)")
        ->check(CLI::Range(1u, 256u));
    command->add_flag("--pretty", settings.pretty, "Indented JSON instead of one object per line");
    command->add_flag("--progress,!--no-progress", settings.progress,
                      "Progress on standard error (default: when it is a terminal)");
    command->add_option("--kb", settings.knowledge_bases,
                        "Knowledge base over the built-in one, TSV or binary; repeatable, the first one wins")
        ->type_name("FILE")
        ->allow_extra_args(false);
    add_lexicons_option(command, settings.lexicons);
  };
  auto* analyze = app.add_subcommand("analyze", "Quotes and entities, one JSON object per document");
  add_document_options(analyze);
  auto* quotes = app.add_subcommand("quotes", "Quotes with speakers and cues, as JSON");
  add_document_options(quotes);
  auto* entities = app.add_subcommand("entities", "Entity mentions linked to the knowledge base, as JSON");
  add_document_options(entities);

  std::string normalize_file;
  bool explain = false;
  frnews::NormalizeOptions normalize_options;
  auto* normalize = app.add_subcommand("normalize", "Print the normalized text");
  normalize->add_option("file", normalize_file, "Input file (default: standard input)");
  add_choice(normalize, "--typography", normalize_options.typography,
             {{"keep", frnews::Typography::keep},
              {"canonical", frnews::Typography::canonical},
              {"ascii", frnews::Typography::ascii}},
             "French no-break spaces: as found, the typographic ones, or plain spaces");
  add_choice(normalize, "--html", normalize_options.html,
             {{"auto", frnews::HtmlMode::automatic}, {"on", frnews::HtmlMode::on}, {"off", frnews::HtmlMode::off}},
             "Decode HTML: when the text looks like HTML, always or never");
  normalize->add_flag("--explain", explain, "List the repairs, before and after, on standard error");
  std::string normalize_lexicons;
  add_lexicons_option(normalize, normalize_lexicons);

  ReportSettings report_settings;
  auto* report = app.add_subcommand("report", "HTML pages: quotes by speaker and linked entities, highlighted in the text");
  report->add_option("inputs", report_settings.inputs, "Files or directories (default: standard input; - for stdin)");
  report->add_flag("--jsonl", report_settings.jsonl, "Input is JSON Lines: objects with \"id\" and \"text\"");
  report->add_option("-o,--output", report_settings.output,
                     "The page for one text (default: standard output); the directory of pages and index.html otherwise");
  add_lexicons_option(report, report_settings.lexicons);

  const frnews::cli::KbCommand kb_command(app);

  if (const auto message = unknown_command(app, argc, argv)) {
    std::cerr << "frnews: " << *message << '\n';
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (normalize->parsed()) return run_normalize(normalize_file, normalize_options, lexicons(normalize_lexicons), explain);
    if (kb_command.parsed()) return kb_command.run();
    if (report->parsed()) return run_report(report_settings);
    if (quotes->parsed()) settings.output.entities = false;
    if (entities->parsed()) settings.output.quotes = false;
    return run_documents(settings);
  } catch (const OutputError& e) {
    std::cerr << "frnews: " << e.message << '\n';
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "frnews: " << e.what() << '\n';
    return 1;
  }
}
