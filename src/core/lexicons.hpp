// What a frnews::Lexicons holds: the lexicon files and the tables each part reads from them.
#pragma once

#include "core/lexicon_file.hpp"
#include "entities/lexicon.hpp"
#include "frnews/lexicons.hpp"
#include "normalize/lexicon.hpp"
#include "quotes/lexicon.hpp"

namespace frnews {

class Lexicons::Impl {
 public:
  // Reads every table from `files`; throws frnews::Exception on the first malformed line.
  explicit Impl(detail::LexiconFiles files);
  Impl(const Impl&) = delete;  // the tables hold views into files
  Impl& operator=(const Impl&) = delete;

  detail::LexiconFiles files;  // first: the tables below are read from it
  detail::NormalizationLexicon normalization;
  detail::CueLexicon cues;
  detail::EntityLexicon entities;
};

}  // namespace frnews
