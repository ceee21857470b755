#include "core/lexicons.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <system_error>

#include "core/embedded.hpp"
#include "frnews/error.hpp"

namespace frnews {
namespace detail {

namespace {

constexpr std::string_view embedded_directory = "lexicon/";
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The first line of a user's file that puts it in the place of the built-in one.
bool asks_to_replace(std::string_view text) noexcept {
  const std::string_view first_line = text.substr(0, text.find('\n'));
  return first_line == "# replace" || first_line == "# replace\r";
}

}  // namespace

LexiconFiles LexiconFiles::builtin() {
  LexiconFiles files;
  for_each_embedded_file(embedded_directory, [&](std::string_view path, std::string_view bytes) {
    const std::string_view name = path.substr(embedded_directory.size());
    files.files_[std::string(name)].parts.push_back({std::string(name), bytes});
  });
  return files;
}

LexiconFiles::File& LexiconFiles::at(std::string_view name) {
  const auto found = files_.find(name);
  if (found == files_.end()) throw Exception("missing lexicon " + std::string(name));
  return found->second;
}

void LexiconFiles::add_view(std::string_view name, std::string source, std::string_view text, bool replace) {
  File& file = at(name);
  if (replace) file.parts.clear();
  file.parts.push_back({std::move(source), text});
}

void LexiconFiles::add(std::string_view name, std::string source, std::string text, bool replace) {
  owned_.push_back(std::make_unique<const std::string>(std::move(text)));
  add_view(name, std::move(source), *owned_.back(), replace);
}

}  // namespace detail

Lexicons::Lexicons() : Lexicons(builtin()) {}

const Lexicons& Lexicons::builtin() {
  static const Lexicons lexicons(std::make_shared<const Impl>(detail::LexiconFiles::builtin()));
  return lexicons;
}

std::vector<std::string_view> Lexicons::file_names() {
  std::vector<std::string_view> names;
  detail::for_each_embedded_file(detail::embedded_directory, [&](std::string_view path, std::string_view) {
    names.push_back(path.substr(detail::embedded_directory.size()));
  });
  return names;
}

Lexicons Lexicons::load(const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::directory_iterator entries(directory, error);
  if (error) throw Exception(directory.string() + ": " + error.message());
  // In name order, so that two files never depend on the order the system lists them in.
  std::vector<fs::path> paths;
  for (const auto& entry : entries) paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());

  detail::LexiconFiles files = detail::LexiconFiles::builtin();
  for (const fs::path& path : paths) {
    const std::string name = path.filename().string();
    if (name.starts_with('.')) continue;
    if (!files.has(name)) {
      std::string known;
      for (const std::string_view file : file_names()) known += (known.empty() ? "" : ", ") + std::string(file);
      throw Exception(path.string() + ": not a lexicon file; the lexicon files are " + known);
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Exception(path.string() + ": " + std::strerror(errno));
    std::string text(std::istreambuf_iterator<char>(in), {});
    if (in.bad()) throw Exception(path.string() + ": cannot read");
    // Some editors start UTF-8 files with a byte-order mark: it is no part of the first word.
    if (text.starts_with(detail::utf8_bom)) text.erase(0, detail::utf8_bom.size());
    const bool replace = detail::asks_to_replace(text);
    files.add(name, path.string(), std::move(text), replace);
  }
  auto impl = std::make_shared<const Impl>(std::move(files));
  impl->build_all();
  return Lexicons(std::move(impl));
}

}  // namespace frnews
