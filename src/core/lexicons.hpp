// What a frnews::Lexicons holds: the lexicon files and the tables each part reads from them.
#pragma once

#include <mutex>
#include <optional>
#include <string_view>

#include "core/lexicon_file.hpp"
#include "entities/lexicon.hpp"
#include "frnews/lexicons.hpp"
#include "normalize/lexicon.hpp"
#include "quotes/lexicon.hpp"
#include "segment/lexicon.hpp"

namespace frnews {

// Each table is built on first use, so that a program that only normalizes never builds the
// entity linker's 40 000 nouns; Lexicons::load() builds them all at once, so that a malformed
// file of the user's fails the load.
class Lexicons::Impl {
 public:
  explicit Impl(detail::LexiconFiles files) : files_(std::move(files)) {}
  Impl(const Impl&) = delete;  // the tables hold views into files_
  Impl& operator=(const Impl&) = delete;

  [[nodiscard]] const detail::NormalizationLexicon& normalization() const { return built(normalization_); }
  [[nodiscard]] const detail::CueLexicon& cues() const { return built(cues_); }
  [[nodiscard]] const detail::EntityLexicon& entities() const { return built(entities_); }
  [[nodiscard]] const detail::SegmentationLexicon& segmentation() const { return built(segmentation_); }
  // Builds every table; throws frnews::Exception on the first malformed line.
  void build_all() const {
    (void)normalization();
    (void)cues();
    (void)entities();
    (void)segmentation();
  }
  // How many records the tables read from a file ("cues.tsv"); builds them all first.
  [[nodiscard]] std::size_t records(std::string_view file) const {
    build_all();
    const std::lock_guard lock(files_mutex_);
    return files_.records(file);
  }

 private:
  template <class Table>
  struct Lazy {
    std::once_flag once;
    std::optional<Table> table;
  };

  template <class Table>
  const Table& built(Lazy<Table>& lazy) const {
    std::call_once(lazy.once, [&] {
      const std::lock_guard lock(files_mutex_);  // reading counts the records of files_
      lazy.table.emplace(files_);
    });
    return *lazy.table;
  }

  mutable std::mutex files_mutex_;
  mutable detail::LexiconFiles files_;  // first: the tables below are read from it
  mutable Lazy<detail::NormalizationLexicon> normalization_;
  mutable Lazy<detail::CueLexicon> cues_;
  mutable Lazy<detail::EntityLexicon> entities_;
  mutable Lazy<detail::SegmentationLexicon> segmentation_;
};

}  // namespace frnews
