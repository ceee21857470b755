// The Python module `frnews`: results come back as plain dicts and lists in the format of
// docs/json.md, with every span given twice: "start"/"end" index the caller's Python str (code
// points), "start_byte"/"end_byte" its UTF-8 bytes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "frnews/frnews.hpp"

namespace py = pybind11;

namespace {

// The UTF-8 bytes of a Python str. A lone surrogate (which UTF-8 cannot carry) raises
// UnicodeEncodeError with errors="strict" and becomes U+FFFD with errors="replace": one
// character for one character, so character offsets still index the caller's str.
class Utf8Text {
 public:
  Utf8Text(const py::str& text, std::string_view errors) {
    if (errors != "strict" && errors != "replace") {
      throw py::value_error("errors must be \"strict\" or \"replace\", not \"" + std::string(errors) + "\"");
    }
    Py_ssize_t size = 0;
    if (const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size)) {
      view_ = std::string_view(data, static_cast<std::size_t>(size));  // cached by the str itself
      return;
    }
    if (errors == "strict") throw py::error_already_set();
    PyErr_Clear();
    // "surrogatepass" writes a surrogate as the three bytes ED A0..BF 80..BF, which U+FFFD
    // (EF BF BD) replaces in place.
    const auto raw = py::reinterpret_steal<py::bytes>(
        PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass"));
    if (!raw) throw py::error_already_set();
    repaired_ = static_cast<std::string>(raw);
    for (std::size_t i = 0; i + 2 < repaired_.size(); ++i) {
      if (static_cast<unsigned char>(repaired_[i]) == 0xED && static_cast<unsigned char>(repaired_[i + 1]) >= 0xA0) {
        repaired_.replace(i, 3, "\xEF\xBF\xBD");
        i += 2;
      }
    }
    view_ = repaired_;
  }

  [[nodiscard]] std::string_view view() const noexcept { return view_; }

 private:
  std::string repaired_;
  std::string_view view_;
};

// Converts the byte offsets of a result's spans into character offsets, in one pass over the
// text: the offsets are sorted first, then met in order.
class CharOffsets {
 public:
  CharOffsets(std::string_view text, std::vector<std::uint32_t> bytes) : bytes_(std::move(bytes)) {
    std::sort(bytes_.begin(), bytes_.end());
    bytes_.erase(std::unique(bytes_.begin(), bytes_.end()), bytes_.end());
    chars_.reserve(bytes_.size());
    std::size_t at = 0;
    std::size_t characters = 0;
    for (const std::uint32_t target : bytes_) {
      const std::size_t end = std::min<std::size_t>(target, text.size());
      for (; at < end; ++at) {
        // Every byte but a continuation byte (10xxxxxx) starts a character.
        if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) ++characters;
      }
      chars_.push_back(characters);
    }
  }

  [[nodiscard]] std::size_t operator()(std::uint32_t byte) const {
    const auto found = std::lower_bound(bytes_.begin(), bytes_.end(), byte);
    return chars_[static_cast<std::size_t>(found - bytes_.begin())];
  }

 private:
  std::vector<std::uint32_t> bytes_;
  std::vector<std::size_t> chars_;
};

// A float as the shortest decimal that reads back as the same float: 0.7f gives 0.7, not
// 0.699999988.
double shortest(float value) {
  char buffer[32];
  const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
  double out = 0;
  std::from_chars(buffer, written.ptr, out);
  return out;
}

py::str decode(std::string_view bytes) {
  auto text = py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()), "replace"));
  if (!text) throw py::error_already_set();
  return text;
}

py::object string_or_none(std::string_view text) {
  if (text.empty()) return py::none();
  return decode(text);
}

// The keys of the result dicts, made once: building a key from a C string for every field of
// every span would cost more than the analysis of a short text. Never freed, so that no Python
// object is released after the interpreter has gone.
struct Keys {
  py::str canonical{"canonical"};
  py::str chain{"chain"};
  py::str cue{"cue"};
  py::str end{"end"};
  py::str end_byte{"end_byte"};
  py::str entities{"entities"};
  py::str id{"id"};
  py::str kind{"kind"};
  py::str lemma{"lemma"};
  py::str name{"name"};
  py::str quotes{"quotes"};
  py::str rule{"rule"};
  py::str score{"score"};
  py::str speaker{"speaker"};
  py::str start{"start"};
  py::str start_byte{"start_byte"};
  py::str text{"text"};
  py::str type{"type"};
  py::str wiki{"wiki"};
};

const Keys& keys() {
  static const Keys* const made = new Keys();  // first called with the GIL held
  return *made;
}

// A new dict holding a span of the original text, twice located, and its words.
py::dict span_dict(frnews::Span span, std::string_view original, const CharOffsets& chars) {
  const Keys& key = keys();
  py::dict out;
  out[key.start] = chars(span.begin);
  out[key.end] = chars(span.end);
  out[key.start_byte] = span.begin;
  out[key.end_byte] = span.end;
  out[key.text] = decode(span.of(original));
  return out;
}

py::dict analysis_dict(const frnews::Analysis& analysis) {
  const Keys& key = keys();
  const std::string_view original = analysis.original;
  std::vector<std::uint32_t> offsets;
  offsets.reserve(6 * analysis.quotes.size() + 2 * analysis.entities.mentions.size());
  auto add = [&offsets](frnews::Span span) {
    offsets.push_back(span.begin);
    offsets.push_back(span.end);
  };
  for (const frnews::Quote& quote : analysis.quotes) {
    add(quote.content);
    if (quote.speaker) add(quote.speaker->mention);
    if (quote.cue) add(quote.cue->span);
  }
  for (const frnews::EntityMention& mention : analysis.entities.mentions) add(mention.span);
  const CharOffsets chars(original, std::move(offsets));

  py::list quotes;
  for (const frnews::Quote& quote : analysis.quotes) {
    py::dict item = span_dict(quote.content, original, chars);
    item[key.canonical] = decode(quote.canonical);
    item[key.kind] = decode(frnews::to_string(quote.kind));
    item[key.rule] = decode(quote.rule);
    if (quote.speaker) {
      const frnews::Speaker& speaker = *quote.speaker;
      py::dict field = span_dict(speaker.mention, original, chars);
      field[key.name] = decode(speaker.name);
      field[key.id] = string_or_none(speaker.wikidata_id);
      field[key.wiki] = string_or_none(speaker.wiki_title);
      field[key.chain] = speaker.chain ? py::object(py::int_(*speaker.chain)) : py::object(py::none());
      field[key.rule] = decode(speaker.rule);
      item[key.speaker] = field;
    } else {
      item[key.speaker] = py::none();
    }
    if (quote.cue) {
      py::dict field = span_dict(quote.cue->span, original, chars);
      field[key.lemma] = decode(quote.cue->lemma);
      item[key.cue] = field;
    } else {
      item[key.cue] = py::none();
    }
    quotes.append(item);
  }

  py::list entities;
  for (const frnews::EntityMention& mention : analysis.entities.mentions) {
    const frnews::EntityChain& chain = analysis.entities.chains.at(mention.chain);
    py::dict item = span_dict(mention.span, original, chars);
    item[key.type] = decode(frnews::to_string(mention.type));
    item[key.id] = string_or_none(chain.wikidata_id);
    item[key.wiki] = string_or_none(chain.wiki_title);
    item[key.name] = decode(chain.name);
    item[key.score] = shortest(mention.score);
    item[key.chain] = mention.chain;
    item[key.rule] = decode(mention.rule);
    entities.append(item);
  }

  py::dict out;
  out[key.quotes] = quotes;
  out[key.entities] = entities;
  return out;
}

// The Python Analyzer: an frnews::Analyzer and the user's knowledge base it reads, which lives as
// long as the analyzer. Keeps its arguments so that it can be pickled (to Dask workers, for one).
class PythonAnalyzer {
 public:
  PythonAnalyzer(std::optional<std::filesystem::path> kb_path, std::vector<std::filesystem::path> kb_layers,
                 std::optional<std::filesystem::path> lexicons, bool link_demonyms, float min_score)
      : kb_path_(std::move(kb_path)), kb_layers_(std::move(kb_layers)), lexicons_(std::move(lexicons)),
        kb_(load(kb_path_, kb_layers_)),
        analyzer_(kb_ ? *kb_ : frnews::KnowledgeBase::builtin(), options(lexicons_, link_demonyms, min_score)),
        link_demonyms_(link_demonyms), min_score_(min_score) {}

  [[nodiscard]] py::dict analyze(const py::str& text, std::string_view errors) const {
    const Utf8Text input(text, errors);
    auto result = [&] {
      const py::gil_scoped_release release;  // other Python threads run while frnews works
      return analyzer_.analyze(input.view());
    }();
    if (!result) throw py::value_error(result.error().message());
    return analysis_dict(*result);
  }

  // The line `frnews analyze --jsonl` writes for {"id": id, "text": text}: byte offsets only,
  // and no Python object built but the returned str.
  [[nodiscard]] py::str analyze_json(const py::str& text, const py::object& id, std::string_view errors) const {
    std::string id_json;
    if (id.is_none()) {
      id_json = "null";
    } else if (py::isinstance<py::str>(id)) {
      frnews::append_json_string(id_json, Utf8Text(id.cast<py::str>(), errors).view());
    } else if (py::isinstance<py::int_>(id) && !py::isinstance<py::bool_>(id)) {
      id_json = py::str(id).cast<std::string>();
    } else {
      throw py::type_error("id must be a str, an int or None");
    }
    const Utf8Text input(text, errors);
    std::string json;
    std::optional<frnews::Error> error;
    {
      const py::gil_scoped_release release;
      const auto result = analyzer_.analyze(input.view());
      if (result) {
        frnews::append_json(json, *result, id_json);
      } else {
        error = result.error();
      }
    }
    if (error) throw py::value_error(error->message());
    return decode(json);
  }

  [[nodiscard]] py::tuple state() const {
    return py::make_tuple(kb_path_ ? py::object(py::cast(*kb_path_)) : py::object(py::none()), kb_layers_,
                          lexicons_ ? py::object(py::cast(*lexicons_)) : py::object(py::none()), link_demonyms_,
                          min_score_);
  }

  [[nodiscard]] std::string repr() const {
    const std::string path = kb_path_ ? "'" + kb_path_->string() + "'" : "None";
    const auto score = py::repr(py::float_(shortest(min_score_))).cast<std::string>();
    std::string layers;
    for (const auto& layer : kb_layers_) layers += (layers.empty() ? "'" : ", '") + layer.string() + "'";
    const std::string lexicons = lexicons_ ? "'" + lexicons_->string() + "'" : "None";
    return "frnews.Analyzer(kb_path=" + path + ", kb_layers=[" + layers + "], lexicons=" + lexicons +
           ", link_demonyms=" + (link_demonyms_ ? "True" : "False") + ", min_score=" + score + ")";
  }

 private:
  static void require_file(const std::filesystem::path& path, const char* what) {
    if (std::filesystem::exists(path)) return;
    PyErr_SetObject(PyExc_FileNotFoundError, py::make_tuple(2, what, py::cast(path)).ptr());
    throw py::error_already_set();
  }

  // kb_path (or the built-in base) with the kb_layers over it, the first layer winning; none
  // when both are absent, for the built-in base itself.
  static std::unique_ptr<frnews::KnowledgeBase> load(const std::optional<std::filesystem::path>& path,
                                                     const std::vector<std::filesystem::path>& layers) {
    if (!path && layers.empty()) return nullptr;
    if (path) require_file(*path, "no such knowledge base");
    for (const auto& layer : layers) require_file(layer, "no such knowledge base");
    const py::gil_scoped_release release;  // a large TSV knowledge base takes a while to parse
    frnews::KnowledgeBase base = path ? frnews::KnowledgeBase::load(*path) : frnews::KnowledgeBase::builtin();
    if (layers.empty()) return std::make_unique<frnews::KnowledgeBase>(std::move(base));
    std::vector<frnews::KnowledgeBase> stack;
    for (const auto& layer : layers) stack.push_back(frnews::KnowledgeBase::load(layer));
    stack.push_back(std::move(base));
    return std::make_unique<frnews::KnowledgeBase>(frnews::KnowledgeBase::layered(stack));
  }

  static frnews::AnalyzerOptions options(const std::optional<std::filesystem::path>& lexicons, bool link_demonyms,
                                         float min_score) {
    frnews::AnalyzerOptions options;
    if (lexicons) {
      require_file(*lexicons, "no such lexicon directory");
      options.lexicons = frnews::Lexicons::load(*lexicons);
    }
    options.linker.link_demonyms = link_demonyms;
    options.linker.min_score = min_score;
    return options;
  }

  std::optional<std::filesystem::path> kb_path_;
  std::vector<std::filesystem::path> kb_layers_;
  std::optional<std::filesystem::path> lexicons_;
  std::unique_ptr<frnews::KnowledgeBase> kb_;  // declared before analyzer_, which points into it
  frnews::Analyzer analyzer_;
  bool link_demonyms_;
  float min_score_;
};

template <class Enum>
Enum parse_choice(std::string_view name, std::string_view value,
                  std::initializer_list<std::pair<std::string_view, Enum>> choices) {
  std::string accepted;
  for (const auto& [text, choice] : choices) {
    if (value == text) return choice;
    accepted += accepted.empty() ? "" : ", ";
    accepted += text;
  }
  throw py::value_error(std::string(name) + " must be one of " + accepted + ", not \"" + std::string(value) + "\"");
}

py::object normalize(const py::str& text, std::string_view typography, std::string_view html,
                     bool fix_mojibake, bool remove_invisibles, bool normalize_newlines, bool nfc,
                     bool collapse_spaces, bool unify_apostrophes, bool unify_dashes,
                     bool expand_ellipsis, bool split_ligatures, bool fold_fullwidth,
                     bool with_repairs, std::string_view errors) {
  frnews::NormalizeOptions options;
  options.typography = parse_choice<frnews::Typography>(
      "typography", typography,
      {{"keep", frnews::Typography::keep}, {"canonical", frnews::Typography::canonical}, {"ascii", frnews::Typography::ascii}});
  options.html = parse_choice<frnews::HtmlMode>(
      "html", html, {{"auto", frnews::HtmlMode::automatic}, {"on", frnews::HtmlMode::on}, {"off", frnews::HtmlMode::off}});
  options.fix_mojibake = fix_mojibake;
  options.remove_invisibles = remove_invisibles;
  options.normalize_newlines = normalize_newlines;
  options.nfc = nfc;
  options.collapse_spaces = collapse_spaces;
  options.unify_apostrophes = unify_apostrophes;
  options.unify_dashes = unify_dashes;
  options.expand_ellipsis = expand_ellipsis;
  options.split_ligatures = split_ligatures;
  options.fold_fullwidth = fold_fullwidth;

  const Utf8Text input(text, errors);
  auto result = [&] {
    const py::gil_scoped_release release;
    return frnews::normalize(input.view(), options);
  }();
  if (!result) throw py::value_error(result.error().message());
  py::str normalized = decode(result->text);
  if (!with_repairs) return normalized;

  std::vector<std::uint32_t> offsets;
  offsets.reserve(2 * result->repairs.size());
  for (const frnews::Repair& repair : result->repairs) {
    offsets.push_back(repair.original.begin);
    offsets.push_back(repair.original.end);
  }
  const CharOffsets chars(input.view(), std::move(offsets));
  const Keys& key = keys();
  py::list repairs;
  for (const frnews::Repair& repair : result->repairs) {
    py::dict item = span_dict(repair.original, input.view(), chars);
    item[key.kind] = decode(frnews::to_string(repair.kind));
    repairs.append(item);
  }
  return py::make_tuple(normalized, repairs);
}

}  // namespace

PYBIND11_MODULE(frnews, m) {
  m.doc() = "French news text: normalization, quotes and speakers, entity linking.";
  m.attr("__version__") = FRNEWS_VERSION_STRING;
  py::register_exception<frnews::Exception>(m, "Error", PyExc_RuntimeError);

  py::class_<PythonAnalyzer>(m, "Analyzer",
                             "Finds quotes, their speakers and the entities of French news texts. Build "
                             "one, then call analyze() from any number of threads.")
      .def(py::init<std::optional<std::filesystem::path>, std::vector<std::filesystem::path>,
                    std::optional<std::filesystem::path>, bool, float>(),
           py::kw_only(), py::arg("kb_path") = py::none(), py::arg("kb_layers") = std::vector<std::filesystem::path>{},
           py::arg("lexicons") = py::none(), py::arg("link_demonyms") = false, py::arg("min_score") = 0.0f,
           "kb_path: a knowledge base file (TSV or binary) used instead of the built-in one. kb_layers: "
           "knowledge base files over it (or over the built-in one), the first winning, as `frnews --kb`. "
           "lexicons: a directory of lexicon files that extend or replace the built-in ones, as "
           "`frnews --lexicons`.")
      .def("analyze", &PythonAnalyzer::analyze, py::arg("text"), py::kw_only(), py::arg("errors") = "replace",
           "A dict {'quotes': [...], 'entities': [...]} in the format of the frnews JSON output; "
           "'start'/'end' are character offsets into text, 'start_byte'/'end_byte' UTF-8 byte offsets. "
           "errors: 'replace' turns lone surrogates into U+FFFD, 'strict' raises UnicodeEncodeError.")
      .def("analyze_json", &PythonAnalyzer::analyze_json, py::arg("text"), py::kw_only(),
           py::arg("id") = py::none(), py::arg("errors") = "replace",
           "One line of JSON, the line `frnews analyze --jsonl` writes for {\"id\": id, \"text\": text}: "
           "offsets are UTF-8 byte offsets. Faster than json.dumps(analyze(text)) when writing JSON Lines.")
      .def("__repr__", &PythonAnalyzer::repr)
      .def(py::pickle(
          [](const PythonAnalyzer& analyzer) { return analyzer.state(); },
          [](const py::tuple& state) {
            if (state.size() != 5) throw py::value_error("not the state of an frnews.Analyzer");
            return PythonAnalyzer(state[0].cast<std::optional<std::filesystem::path>>(),
                                  state[1].cast<std::vector<std::filesystem::path>>(),
                                  state[2].cast<std::optional<std::filesystem::path>>(), state[3].cast<bool>(),
                                  state[4].cast<float>());
          }));

  m.def("normalize", &normalize, py::arg("text"), py::kw_only(), py::arg("typography") = "keep",
        py::arg("html") = "auto", py::arg("fix_mojibake") = true, py::arg("remove_invisibles") = true,
        py::arg("normalize_newlines") = true, py::arg("nfc") = true, py::arg("collapse_spaces") = true,
        py::arg("unify_apostrophes") = true, py::arg("unify_dashes") = false, py::arg("expand_ellipsis") = false,
        py::arg("split_ligatures") = true, py::arg("fold_fullwidth") = true, py::arg("with_repairs") = false,
        py::arg("errors") = "replace",
        "The canonical form of text; with with_repairs=True, a tuple (text, repairs) where each repair "
        "names its kind and the span of the original text it rewrote.");
}
