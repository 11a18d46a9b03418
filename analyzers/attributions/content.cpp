#include "analyzers/attributions/content.hpp"

#include <algorithm>

namespace copydesk::analyzers::attributions {
namespace {

bool is_closing_quote(const TaggedText& text, std::uint32_t i) {
  return text.is_quote_mark(i) && !text.is_opening_quote(i);
}

// A word that is most likely a finite verb: a listed verb, an auxiliary, a cue, or an unknown
// lower-case word ending in "-ed".
bool is_verbish(const TaggedText& text, std::uint32_t i) {
  if (!text.is_word(i) || text.is_capitalized(i)) return false;
  if (text.has(i, kAuxiliary | kModal | kVerb | kCueWord)) return true;
  std::string_view t = text.text(i);
  return text.info(i).classes == 0 && t.size() > 4 && t.ends_with("ed");
}

}  // namespace

ContentShape content_shape(const TaggedText& text, std::uint32_t first, std::uint32_t end) {
  if (first >= end) return ContentShape::none;
  if (text.is_opening_quote(first) || text.is_char(first, ':')) return ContentShape::clause;
  if (!text.is_word(first)) return ContentShape::bare;
  std::string_view t = text.text(first);
  if (t == "that" || t == "whether" || t == "if" || t == "how" || t == "what" || t == "why" ||
      t == "where" || t == "who" || t == "when")
    return ContentShape::clause;
  if (t == "to" && first + 1 < end && text.is_word(first + 1)) return ContentShape::infinitive;
  return ContentShape::bare;
}

bool looks_like_clause(const TaggedText& text, std::uint32_t first, std::uint32_t end) {
  if (first >= end) return false;
  if (!(text.has(first, kDeterminer | kPersonalPronoun | kNumberWord) ||
        text.is_capitalized(first) || text.token(first).kind == TokenKind::number ||
        text.is_plain_lower(first)))
    return false;
  // A verb within the first dozen words, after at least one word of subject.
  for (std::uint32_t i = first + 1; i < end && i < first + 14; ++i) {
    if (text.is_char(i, '.') || text.is_char(i, ';')) return false;
    if (is_verbish(text, i)) return true;
  }
  return false;
}

TokenRange trim_content(const TaggedText& text, TokenRange range) {
  // A separator symbol ends a teaser line: "... polls × Schools in Kursk are closed".
  if (range.first < range.end) range.end = std::min(range.end, text.next_separator(range.first));
  while (!range.empty()) {
    std::uint32_t last = range.end - 1;
    if (text.is_char(last, '.') || text.is_char(last, ',') || text.is_char(last, ';') ||
        text.is_char(last, ':') || text.is_dash(last)) {
      --range.end;
      continue;
    }
    if (text.is_char(last, ')')) {
      bool opened = false;
      for (std::uint32_t i = range.first; i < last; ++i)
        if (text.is_char(i, '(')) opened = true;
      if (!opened) {
        --range.end;
        continue;
      }
    }
    break;
  }
  while (!range.empty() && (text.is_char(range.first, ',') || text.is_dash(range.first) ||
                            text.is_char(range.first, ':')))
    ++range.first;
  return range;
}

TokenRange cut_trailing_clause(const TaggedText& text, const std::vector<Quotation>& quotations,
                               TokenRange range) {
  for (std::uint32_t i = range.first + 2; i + 1 < range.end; ++i) {
    if (!text.is_char(i, ',') || quotation_at(quotations, i)) continue;
    std::uint32_t next = i + 1;
    if (!text.is_word(next) || text.is_capitalized(next)) continue;
    std::string_view w = text.text(next);
    bool subordinate = w == "before" || w == "after" || w == "while" || w == "when" ||
                       w == "because" || w == "although" || w == "though" || w == "despite" ||
                       w == "since" || w == "until" || w == "unless" || w == "whereas" ||
                       w == "even";
    bool participle =
        w.size() > 5 && w.ends_with("ing") && text.info(next).classes == 0 && w != "including";
    if (subordinate || participle) return {range.first, i};
  }
  return range;
}

bool starts_with_quote(const TaggedText& text, TokenRange range) {
  return !range.empty() && text.is_quote_mark(range.first) && !is_closing_quote(text, range.first);
}

Span token_bytes(const TaggedText& text, TokenRange range) {
  if (range.empty()) return {};
  return {text.token(range.first).start, text.token(range.end - 1).end};
}

Span content_bytes(const TaggedText& text, const std::vector<Quotation>& quotations,
                   TokenRange range) {
  Span span = token_bytes(text, range);
  if (range.empty()) return span;
  // A quotation that closes inside the range starts where its run started.
  const Quotation* at_start = quotation_at(quotations, range.first);
  if (at_start) {
    const Quotation& first = quotations[at_start->run_first];
    if (first.span.start < span.start) span.start = first.span.start;
  }
  // A quotation that opens at the end of the range runs to its run's end.
  const Quotation* at_end = quotation_at(quotations, range.end - 1);
  if (at_end && at_end->run_end > span.end) span.end = at_end->run_end;
  return span;
}

}  // namespace copydesk::analyzers::attributions
