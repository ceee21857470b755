#include "frnews/quotes.hpp"

namespace frnews {

std::string_view to_string(QuoteKind kind) noexcept {
  switch (kind) {
    case QuoteKind::direct: return "direct";
    case QuoteKind::partial: return "partial";
    case QuoteKind::indirect: return "indirect";
  }
  return "direct";
}

// Placeholder until quote extraction lands: no quotes.
class QuoteExtractor::Impl {};

QuoteExtractor::QuoteExtractor() : impl_(std::make_unique<Impl>()) {}
QuoteExtractor::QuoteExtractor(QuoteExtractor&&) noexcept = default;
QuoteExtractor& QuoteExtractor::operator=(QuoteExtractor&&) noexcept = default;
QuoteExtractor::~QuoteExtractor() = default;

std::vector<Quote> QuoteExtractor::extract(const Document&, const Entities&) const { return {}; }

}  // namespace frnews
