#include "quotes/marks.hpp"

namespace frnews::detail {

namespace {

// How many lines a quotation opened on one line may run over before its closing mark.
constexpr std::uint32_t max_continued_lines = 4;

bool starts_paragraph(const QuoteWords& words, std::uint32_t i) {
  return i == 0 || words[i - 1].paragraph != words[i].paragraph;
}

// Where a straight mark opens: at the start of a paragraph, after a space or an opening bracket.
bool straight_opens(const QuoteWords& words, std::uint32_t i) {
  if (starts_paragraph(words, i) || words[i].space_before) return true;
  const auto previous = words.text(i - 1);
  return previous == "(" || previous == "[" || words[i - 1].kind == WordKind::dash;
}

// Whether the first mark of `family` in the paragraph starting at word i closes a quotation:
// a quotation opened in the paragraph before goes on over the line break ("« Il a ensuite vu un
// policier qui boitait.⏎Deux autres essayaient de le réanimer »"), as in text laid out one
// sentence a line.
// Straight marks, which open and close alike, are trusted over fewer lines than « ».
bool paragraph_closes(const QuoteWords& words, std::uint32_t i, MarkFamily family) {
  const auto n = static_cast<std::uint32_t>(words.size());
  const std::uint32_t lines = family == MarkFamily::straight ? 2 : max_continued_lines;
  for (std::uint32_t k = i, line = 0; k < n && line < lines; ++k) {
    if (starts_paragraph(words, k)) {
      if (k != i) ++line;
      if (words[k].kind == WordKind::dash) return false;  // a line of dialogue
    }
    const Word& w = words[k];
    if (w.kind != WordKind::quote_mark || w.family != family) continue;
    if (family == MarkFamily::straight) return !straight_opens(words, k);
    return w.closing && !w.opening;
  }
  return false;
}

}  // namespace

std::vector<QuotedRegion> pair_quotation_marks(const QuoteWords& words) {
  std::vector<QuotedRegion> regions;
  const auto n = static_cast<std::uint32_t>(words.size());
  bool open = false;
  QuotedRegion current{};
  MarkFamily family = MarkFamily::none;
  std::uint32_t inner = 0;        // nested marks of other families

  const auto close_at = [&](std::uint32_t content_end, std::uint32_t close) {
    current.content_end = content_end;
    current.close = close;
    if (current.content_end > current.content_begin) regions.push_back(current);
    open = false;
  };
  const auto open_at = [&](std::uint32_t i) {
    current = QuotedRegion{i, no_word, i + 1, i + 1, false, false};
    family = words[i].family;
    inner = 0;
    open = true;
  };

  for (std::uint32_t i = 0; i < n; ++i) {
    const Word& w = words[i];
    if (open && starts_paragraph(words, i)) {
      // The quotation goes on in this paragraph only when it opens with the same mark.
      if (w.kind == WordKind::quote_mark && w.opening && w.family == family && family != MarkFamily::straight) {
        current.multi_paragraph = true;
        inner = 0;
        continue;
      }
      if (paragraph_closes(words, i, family)) {
        current.multi_paragraph = true;
      } else {
        close_at(i, no_word);
      }
    }
    if (!open) {
      if (starts_paragraph(words, i) && w.kind == WordKind::dash) {
        // A line of dialogue runs to the end of its paragraph.
        std::uint32_t end = i + 1;
        while (end < n && words[end].paragraph == w.paragraph) ++end;
        if (end > i + 1) regions.push_back(QuotedRegion{i, no_word, i + 1, end, true, false});
        i = end - 1;
        continue;
      }
      if (w.kind != WordKind::quote_mark || !w.opening || w.family == MarkFamily::single) continue;
      if (w.family == MarkFamily::straight && !straight_opens(words, i)) continue;
      open_at(i);
      continue;
    }
    if (w.kind != WordKind::quote_mark) continue;
    if (w.family == family) {
      if (family == MarkFamily::straight) {
        close_at(i, i);
      } else if (w.closing) {
        if (family == MarkFamily::curly && inner > 0) {
          --inner;
        } else {
          close_at(i, i);
        }
      } else if (family == MarkFamily::guillemet) {
        // « while « is open: the first one was never closed.
        close_at(i, no_word);
        open_at(i);
      } else {
        ++inner;  // “ inside “ … ”
      }
    } else if (w.family == MarkFamily::straight) {
      continue;  // straight marks nested in « » or “ ” are part of the content
    } else if (w.opening) {
      ++inner;
    } else if (w.closing && inner > 0) {
      --inner;
    }
  }
  if (open) close_at(n, no_word);
  return regions;
}

}  // namespace frnews::detail
