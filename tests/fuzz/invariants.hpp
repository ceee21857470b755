// Invariants every stage of frnews keeps on any input, checked by the fuzz targets and by
// tests/test_hostile_input.cpp. A violated invariant throws fuzz::Violation naming it; the fuzz
// targets turn it into abort(), which libFuzzer reports as a finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "frnews/analyzer.hpp"
#include "frnews/normalize.hpp"
#include "frnews/segment.hpp"

namespace frnews::fuzz {

class Violation : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] inline void fail(const char* what, std::uint64_t a = 0, std::uint64_t b = 0) {
  throw Violation(std::string(what) + " (" + std::to_string(a) + ", " + std::to_string(b) + ")");
}

// Runs a fuzz target's body; a violated invariant is printed and aborts the process.
template <class F>
int run_checked(F&& body) {
  try {
    body();
  } catch (const Violation& violation) {
    std::fprintf(stderr, "frnews invariant violated: %s\n", violation.what());
    std::fflush(stderr);
    std::abort();
  }
  return 0;
}

inline void expect(bool condition, const char* what, std::uint64_t a = 0, std::uint64_t b = 0) {
  if (!condition) fail(what, a, b);
}

// The length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when the bytes there are ill-formed.
inline std::size_t well_formed_length(std::string_view text, std::size_t at) noexcept {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - at < length) return 0;
  if (byte(at + 1) < low || byte(at + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
  }
  return length;
}

inline bool is_valid_utf8(std::string_view text) noexcept {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = well_formed_length(text, at);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

// Where a span may start or end in a text: everywhere but inside a well-formed multi-byte
// character (the bytes of an ill-formed sequence each stand alone). One flag per offset, the
// end included.
class Boundaries {
 public:
  explicit Boundaries(std::string_view text) : inside_(text.size() + 1, false) {
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t length = well_formed_length(text, at);
      if (length == 0) {
        ++at;
        continue;
      }
      for (std::size_t i = 1; i < length; ++i) inside_[at + i] = true;
      at += length;
    }
  }
  [[nodiscard]] std::size_t size() const noexcept { return inside_.size() - 1; }
  [[nodiscard]] bool at(std::size_t offset) const noexcept { return offset < inside_.size() && !inside_[offset]; }

 private:
  std::vector<bool> inside_;
};

inline void expect_span(Span span, const Boundaries& text, const char* what) {
  expect(span.begin <= span.end, what, span.begin, span.end);
  expect(span.end <= text.size(), what, span.end, text.size());
  expect(text.at(span.begin) && text.at(span.end), what, span.begin, span.end);
}

// The map covers both texts, its runs are ordered, and every canonical character boundary maps
// to an original offset inside the original text, never going backwards.
inline void check_offset_map(const OffsetMap& map, std::string_view canonical, std::string_view original) {
  expect(map.canonical_size() == canonical.size(), "offset map: canonical size", map.canonical_size(), canonical.size());
  expect(map.original_size() == original.size(), "offset map: original size", map.original_size(), original.size());
  const auto& runs = map.runs();
  for (std::size_t i = 1; i < runs.size(); ++i) {
    expect(runs[i - 1].canonical <= runs[i].canonical, "offset map: runs out of canonical order", i);
    expect(runs[i - 1].original <= runs[i].original, "offset map: runs out of original order", i);
  }
  const Boundaries canonical_boundaries(canonical);
  const Boundaries original_boundaries(original);
  std::uint32_t last_begin = 0;
  std::uint32_t last_end = 0;
  for (std::uint32_t at = 0; at <= canonical.size(); ++at) {
    if (!canonical_boundaries.at(at)) continue;
    const std::uint32_t begin = map.to_original_begin(at);
    const std::uint32_t end = map.to_original_end(at);
    expect(begin <= original.size() && end <= original.size(), "offset map: offset past the original", begin, end);
    expect(begin >= last_begin, "offset map: to_original_begin goes backwards", at, begin);
    expect(end >= last_end, "offset map: to_original_end goes backwards", at, end);
    expect(original_boundaries.at(begin) && original_boundaries.at(end), "offset map: offset inside a character",
           begin, end);
    last_begin = begin;
    last_end = end;
  }
  expect(map.to_original(Span{0, static_cast<std::uint32_t>(canonical.size())}).end <= original.size(),
         "offset map: whole text maps past the original");
  // Back again: the original bytes of each canonical character map to a canonical span that holds
  // it, on character boundaries (an inserted character has no original bytes to come back from).
  for (std::uint32_t at = 0, next = 0; at < canonical.size(); at = next) {
    for (next = at + 1; !canonical_boundaries.at(next); ++next) {}
    const Span from = map.to_original(Span{at, next});
    if (from.empty()) continue;
    const Span back = map.to_canonical(from);
    expect(back.contains(Span{at, next}), "offset map: to_canonical loses the character", at, back.end);
    expect(back.end <= canonical.size() && canonical_boundaries.at(back.begin) && canonical_boundaries.at(back.end),
           "offset map: to_canonical inside a character", back.begin, back.end);
  }
}

inline void check_normalized(const Normalized& normalized, std::string_view original) {
  expect(is_valid_utf8(normalized.text), "normalize: output is not valid UTF-8");
  check_offset_map(normalized.map, normalized.text, original);
  const Boundaries original_boundaries(original);
  for (const Repair& repair : normalized.repairs) expect_span(repair.original, original_boundaries, "normalize: repair span");
}

// Tokens, sentences and paragraphs are ordered, inside the canonical text and on character
// boundaries; their index ranges are consistent.
inline void check_document(const Document& doc) {
  const std::string_view text = doc.text();
  const Boundaries boundaries(text);
  const auto tokens = doc.tokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    expect_span(tokens[i].span, boundaries, "segment: token span");
    expect(!tokens[i].span.empty(), "segment: empty token", i);
    if (i > 0) expect(tokens[i - 1].span.end <= tokens[i].span.begin, "segment: tokens overlap or out of order", i);
  }
  const auto sentences = doc.sentences();
  const auto paragraphs = doc.paragraphs();
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    expect_span(s.span, boundaries, "segment: sentence span");
    expect(s.first_token <= s.end_token && s.end_token <= tokens.size(), "segment: sentence tokens", s.first_token,
           s.end_token);
    expect(s.paragraph < paragraphs.size(), "segment: sentence paragraph", s.paragraph, paragraphs.size());
    if (i > 0) {
      expect(sentences[i - 1].span.end <= s.span.begin, "segment: sentences overlap or out of order", i);
      expect(sentences[i - 1].end_token <= s.first_token, "segment: sentence tokens out of order", i);
    }
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      expect(s.span.contains(tokens[t].span), "segment: token outside its sentence", t, i);
      expect(doc.sentence_of(t) == i, "segment: sentence_of", t, i);
    }
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    expect_span(p.span, boundaries, "segment: paragraph span");
    expect(p.first_sentence <= p.end_sentence && p.end_sentence <= sentences.size(), "segment: paragraph sentences",
           p.first_sentence, p.end_sentence);
    if (i > 0) expect(paragraphs[i - 1].span.end <= p.span.begin, "segment: paragraphs overlap or out of order", i);
    for (std::uint32_t s = p.first_sentence; s < p.end_sentence; ++s) {
      expect(p.span.contains(sentences[s].span), "segment: sentence outside its paragraph", s, i);
      expect(sentences[s].paragraph == i, "segment: sentence names another paragraph", s, i);
    }
  }
}

// Every span of an analysis lies in the original text on character boundaries; every index
// points at something; every string is valid UTF-8.
inline void check_analysis(const Analysis& analysis, std::string_view original) {
  expect(analysis.original == original, "analysis: original is not a copy of the input");
  expect(is_valid_utf8(analysis.normalized), "analysis: normalized text is not valid UTF-8");
  const Boundaries boundaries(original);
  for (std::size_t i = 0; i < analysis.sentences.size(); ++i) {
    expect_span(analysis.sentences[i], boundaries, "analysis: sentence span");
    if (i > 0) expect(analysis.sentences[i - 1].begin <= analysis.sentences[i].begin, "analysis: sentences out of order", i);
  }
  const auto& chains = analysis.entities.chains;
  for (const auto& chain : chains) expect(is_valid_utf8(chain.name), "analysis: chain name is not valid UTF-8");
  const auto& mentions = analysis.entities.mentions;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const EntityMention& m = mentions[i];
    expect_span(m.span, boundaries, "analysis: entity mention span");
    expect(m.first_token <= m.end_token, "analysis: mention tokens", m.first_token, m.end_token);
    expect(m.chain < chains.size(), "analysis: mention chain", m.chain, chains.size());
    expect(m.score >= 0.0f && m.score <= 1.0f, "analysis: mention score out of 0..1");
    if (i > 0) expect(mentions[i - 1].span.begin <= m.span.begin, "analysis: mentions out of text order", i);
  }
  for (const Quote& quote : analysis.quotes) {
    expect_span(quote.content, boundaries, "analysis: quote content span");
    if (quote.speaker) {
      expect_span(quote.speaker->mention, boundaries, "analysis: speaker mention span");
      expect(is_valid_utf8(quote.speaker->name), "analysis: speaker name is not valid UTF-8");
      expect(!quote.speaker->chain || *quote.speaker->chain < chains.size(), "analysis: speaker chain");
    }
    if (quote.cue) {
      expect_span(quote.cue->span, boundaries, "analysis: cue span");
      expect(is_valid_utf8(quote.cue->lemma), "analysis: cue lemma is not valid UTF-8");
    }
  }
}

}  // namespace frnews::fuzz
