// `frnews kb build DUMP OUTPUT` and `frnews kb info FILE`: knowledge bases from Wikidata dumps.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace frnews::cli {

// Registers the `kb` subcommand on `app`; the object must outlive app.parse().
class KbCommand {
 public:
  explicit KbCommand(CLI::App& app);
  KbCommand(const KbCommand&) = delete;
  KbCommand& operator=(const KbCommand&) = delete;

  [[nodiscard]] bool parsed() const;
  // Runs the parsed subcommand; returns the exit status.
  [[nodiscard]] int run() const;

 private:
  CLI::App* kb_;
  CLI::App* build_;
  CLI::App* info_;
  std::string dump_;
  std::string output_;
  std::string info_file_;
  std::size_t limit_ = 0;
};

}  // namespace frnews::cli
