// NFC stretches: the text around characters that NFC may change, composed by ICU in one call
// per stretch while the rest of the text is copied as is.
#include "normalize/nfc.hpp"

#include <boost/locale/conversion.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/localization_backend.hpp>

#include "normalize/characters.hpp"
#include "normalize/normalizer.hpp"
#include "normalize/utf8.hpp"

namespace frnews::detail {

namespace {

// The ICU locale for NFC, built on first use.
const std::locale& nfc_locale() {
  static const std::locale locale = [] {
    boost::locale::localization_backend_manager manager = boost::locale::localization_backend_manager::global();
    manager.select("icu");
    boost::locale::generator generator(manager);
    return generator("en_US.UTF-8");
  }();
  return locale;
}

}  // namespace

std::string to_nfc(std::string_view text) {
  return boost::locale::normalize(text.data(), text.data() + text.size(), boost::locale::norm_nfc, nfc_locale());
}

void Normalizer::close_nfc() {
  if (!nfc_open_) return;
  nfc_open_ = false;
  // Clusters: a marked one is a starter and its marks; an unmarked one is the text between.
  auto& clusters = nfc_clusters_;
  clusters.clear();
  std::size_t previous_start = nfc_begin_;
  for (std::size_t at = nfc_begin_; at < out_.size();) {
    const detail::Decoded decoded = decode_utf8(out_, at);
    const bool inert = detail::is_nfc_inert(decoded.code_point);
    if (clusters.empty()) {
      clusters.push_back({at, at, !inert});
    } else if (inert && clusters.back().marked) {
      clusters.push_back({at, at, false});
    } else if (!inert && !clusters.back().marked) {
      // The starter before the first mark leaves the unmarked text for the marked cluster.
      if (previous_start > clusters.back().begin) {
        clusters.back().end = previous_start;
        clusters.push_back({previous_start, previous_start, true});
      }
      clusters.back().marked = true;
    }
    clusters.back().end = at + decoded.length;
    previous_start = at;
    at += decoded.length;
  }
  auto& batch = nfc_batch_;
  batch.clear();
  // Each marked cluster, then a newline: NFC never composes across a newline.
  for (const auto& cluster : clusters) {
    if (!cluster.marked) continue;
    batch.append(out_, cluster.begin, cluster.end - cluster.begin);
    batch += '\n';
  }
  const std::string composed = to_nfc(batch);
  if (composed == batch) return;
  for (auto& cluster : clusters) {
    cluster.original_begin = map_.original_at(size32(cluster.begin));
    cluster.identity = map_.identity_through(size32(cluster.begin), size32(cluster.end));
  }
  const std::string segment = out_.substr(nfc_begin_);
  map_.truncate(size32(nfc_begin_));
  out_.resize(nfc_begin_);
  std::size_t from = 0;  // in `composed`
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    const Cluster& cluster = clusters[k];
    const std::string_view before(segment.data() + (cluster.begin - nfc_begin_), cluster.end - cluster.begin);
    std::string_view after = before;
    if (cluster.marked) {
      // A cluster may start with a newline of its own; the separator comes after it.
      const std::size_t separator = composed.find('\n', before.front() == '\n' ? from + 1 : from);
      after = std::string_view(composed).substr(from, separator - from);
      from = separator + 1;
    }
    const std::uint32_t original_end = k + 1 < clusters.size() ? clusters[k + 1].original_begin : last_end_;
    if (after == before && cluster.identity) {
      map_.copy(size32(out_.size()), cluster.original_begin);
    } else {
      map_.rewrite(size32(out_.size()), cluster.original_begin);
      if (after != before) record(RepairKind::nfc, cluster.original_begin, original_end);
    }
    out_ += after;
    note_a_tilde(after);
  }
}

}  // namespace frnews::detail
