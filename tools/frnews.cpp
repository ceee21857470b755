// The frnews command: analyze, quotes, entities and normalize French news text.
//
// Plain text: each file (or stdin) is one document. JSON Lines (--jsonl): each input line is an
// object with "id" and "text"; each output line answers one input line, in the same order.
// Exit status: 0 success, 1 some input was bad (reported on stderr, other inputs still processed),
// 2 usage error.
#include <CLI/CLI.hpp>
#include <simdjson.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "frnews/frnews.hpp"

namespace {

struct Settings {
  std::vector<std::string> files;
  bool jsonl = false;
  unsigned threads = 1;
  frnews::JsonOptions output;
};

// One document's input and what becomes of it.
struct Job {
  std::string id_json;  // the id, already JSON-encoded
  std::string text;
  std::size_t line = 0;        // input line number, for JSON Lines
  std::string error;           // set when the input itself was bad
  std::string result;          // the output line, without its newline
};

void write_error_object(Job& job) {
  job.result = "{\"id\":" + (job.id_json.empty() ? std::string("null") : job.id_json) + ",\"error\":";
  frnews::append_json_string(job.result, job.error);
  job.result += ",\"line\":" + std::to_string(job.line) + "}";
}

void run_job(const frnews::Analyzer& analyzer, frnews::JsonOptions output, Job& job) {
  if (!job.error.empty()) {
    write_error_object(job);
    return;
  }
  auto analysis = analyzer.analyze(job.text);
  if (!analysis) {
    job.error = analysis.error().message();
    write_error_object(job);
    return;
  }
  frnews::append_json(job.result, *analysis, job.id_json, output);
}

// Analyses a batch on `threads` threads; results keep the batch order.
void run_batch(const frnews::Analyzer& analyzer, frnews::JsonOptions output, std::vector<Job>& batch, unsigned threads) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < batch.size(); i = next++) run_job(analyzer, output, batch[i]);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

// Parses one JSON Lines input line into a job, or records why it is bad.
void parse_jsonl_line(simdjson::dom::parser& parser, const std::string& line, Job& job) {
  simdjson::dom::object object;
  if (parser.parse(line).get(object)) {
    job.error = "not a JSON object of valid UTF-8";
    return;
  }
  if (simdjson::dom::element id; object["id"].get(id) == simdjson::SUCCESS) {
    if (!id.is_string() && !id.is_number()) {
      job.error = "\"id\" must be a string or a number";
      return;
    }
    job.id_json = simdjson::minify(id);
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

int run_jsonl(std::istream& in, const std::string& source, const frnews::Analyzer& analyzer,
              const Settings& settings) {
  simdjson::dom::parser parser;
  const std::size_t batch_size = 64 * std::max(1u, settings.threads);
  int status = 0;
  std::size_t line_number = 0;
  std::string line;
  std::vector<Job> batch;
  auto flush = [&] {
    run_batch(analyzer, settings.output, batch, settings.threads);
    for (auto& job : batch) {
      if (!job.error.empty()) {
        std::cerr << "frnews: " << source << ":" << job.line << ": " << job.error << '\n';
        status = 1;
      }
      std::fwrite(job.result.data(), 1, job.result.size(), stdout);
      std::fputc('\n', stdout);
    }
    batch.clear();
  };
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Job& job = batch.emplace_back();
    job.line = line_number;
    parse_jsonl_line(parser, line, job);
    if (batch.size() == batch_size) flush();
  }
  flush();
  return status;
}

bool read_all(std::istream& in, std::string& out) {
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

int run_analyze(const Settings& settings) {
  const frnews::Analyzer analyzer;
  int status = 0;
  if (settings.jsonl) {
    if (settings.files.empty()) return run_jsonl(std::cin, "<stdin>", analyzer, settings);
    for (const auto& file : settings.files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "frnews: cannot read " << file << '\n';
        status = 1;
        continue;
      }
      status |= run_jsonl(in, file, analyzer, settings);
    }
    return status;
  }
  std::vector<Job> batch;
  auto add = [&](std::istream& in, const std::string& name) {
    Job& job = batch.emplace_back();
    job.id_json.clear();
    frnews::append_json_string(job.id_json, name);
    if (!read_all(in, job.text)) job.error = "read error";
  };
  if (settings.files.empty()) {
    add(std::cin, "<stdin>");
  } else {
    for (const auto& file : settings.files) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::cerr << "frnews: cannot read " << file << '\n';
        status = 1;
        continue;
      }
      add(in, file);
    }
  }
  run_batch(analyzer, settings.output, batch, settings.threads);
  for (auto& job : batch) {
    if (!job.error.empty()) {
      std::cerr << "frnews: " << job.error << '\n';
      status = 1;
    }
    std::cout << job.result << '\n';
  }
  return status;
}

int run_normalize(const std::string& file, const frnews::NormalizeOptions& options, bool explain) {
  std::string text;
  if (file.empty() || file == "-") {
    read_all(std::cin, text);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in || !read_all(in, text)) {
      std::cerr << "frnews: cannot read " << file << '\n';
      return 1;
    }
  }
  auto normalized = frnews::normalize(text, options);
  if (!normalized) {
    std::cerr << "frnews: " << normalized.error().message() << '\n';
    return 1;
  }
  std::cout << normalized->text;
  if (explain) {
    for (const auto& repair : normalized->repairs) {
      std::cerr << frnews::to_string(repair.kind) << ' ' << repair.original.begin << '-' << repair.original.end
                << '\n';
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  CLI::App app{"frnews: quotes, speakers and entities in French news text"};
  app.set_version_flag("--version", std::string("frnews ") + FRNEWS_VERSION_STRING);
  app.require_subcommand(1);

  Settings settings;
  auto add_document_options = [&](CLI::App* command) {
    command->add_option("files", settings.files, "Input files (default: standard input)");
    command->add_flag("--jsonl", settings.jsonl, "Input is JSON Lines: objects with \"id\" and \"text\"");
    command->add_option("-j,--threads", settings.threads, "Threads (output keeps input order)")
        ->check(CLI::Range(1u, 256u));
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
  normalize->add_option("--typography", normalize_options.typography, "keep, canonical or ascii")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, frnews::Typography>{{"keep", frnews::Typography::keep},
                                                    {"canonical", frnews::Typography::canonical},
                                                    {"ascii", frnews::Typography::ascii}}));
  normalize->add_option("--html", normalize_options.html, "auto, on or off")
      ->transform(CLI::CheckedTransformer(std::map<std::string, frnews::HtmlMode>{
          {"auto", frnews::HtmlMode::automatic}, {"on", frnews::HtmlMode::on}, {"off", frnews::HtmlMode::off}}));
  normalize->add_flag("--explain", explain, "List the repairs on standard error");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  try {
    if (normalize->parsed()) return run_normalize(normalize_file, normalize_options, explain);
    if (quotes->parsed()) settings.output.entities = false;
    if (entities->parsed()) settings.output.quotes = false;
    return run_analyze(settings);
  } catch (const std::exception& e) {
    std::cerr << "frnews: " << e.what() << '\n';
    return 1;
  }
}
