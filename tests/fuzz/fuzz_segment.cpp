// make_document() on any bytes: the normalization invariants, then tokens, sentences and
// paragraphs ordered, non-empty where they must be, inside the canonical text and on character
// boundaries, and canonical spans mapping into the original.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "frnews/segment.hpp"
#include "invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return frnews::fuzz::run_checked([&] {
    using namespace frnews;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    auto document = make_document(input);
    fuzz::expect(document.has_value(), "make_document failed on a small text");
    const Document& doc = *document;
    fuzz::expect(doc.original().data() == input.data() && doc.original().size() == input.size(),
                 "document does not refer to the caller's text");
    fuzz::check_normalized(doc.normalized(), input);
    fuzz::check_document(doc);
    const fuzz::Boundaries original(input);
    for (const Token& token : doc.tokens()) {
      fuzz::expect_span(doc.to_original(token.span), original, "segment: token mapped to the original");
    }
    for (const Sentence& sentence : doc.sentences()) {
      fuzz::expect_span(doc.to_original(sentence.span), original, "segment: sentence mapped to the original");
    }
  });
}
