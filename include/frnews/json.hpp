#pragma once

#include <string>
#include <string_view>

#include "frnews/analyzer.hpp"
#include "frnews/export.hpp"

namespace frnews {

// Appends `text` as a JSON string literal (quotes included) to `out`. Ill-formed UTF-8 is
// written as U+FFFD so that the output is always valid JSON.
FRNEWS_API void append_json_string(std::string& out, std::string_view text);

// Which arrays an output object holds.
struct JsonOptions {
  bool quotes = true;
  bool entities = true;
};

// Appends one JSON object, on one line, in the format of docs/json.md:
// {"id": ..., "quotes": [...], "entities": [...]}. `id_json` is the id already encoded as JSON
// (a string or a number), written as is.
FRNEWS_API void append_json(std::string& out, const Analysis& analysis, std::string_view id_json,
                            JsonOptions options = {});

[[nodiscard]] FRNEWS_API std::string to_json(const Analysis& analysis, std::string_view id_json = "null",
                                             JsonOptions options = {});

}  // namespace frnews
