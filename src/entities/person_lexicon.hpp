// What French news text says about people around their names (first names, honorifics, roles,
// demonyms), as the quote extractor reads it: the people part of the entity lexicon.
#pragma once

#include "entities/lexicon.hpp"

namespace frnews::detail {

using PersonLexicon = EntityLexicon;

}  // namespace frnews::detail
