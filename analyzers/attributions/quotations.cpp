#include "analyzers/attributions/quotations.hpp"

#include <algorithm>
#include <optional>

namespace copydesk::analyzers::attributions {
namespace {

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";

enum class Mark { none, straight, left, right };

Mark mark_of(const TaggedText& text, std::uint32_t i) {
  if (text.is_pair_tail(i)) return Mark::none;
  TokenKind kind = text.token(i).kind;  // "`" is a symbol to Unicode
  if (kind != TokenKind::punctuation && kind != TokenKind::symbol) return Mark::none;
  if (text.mark_last(i) != i)  // '' or `` typed for "
    return text.text(i) == "`" ? Mark::left : Mark::straight;
  std::string_view t = text.text(i);
  if (t == "\"") return Mark::straight;
  if (t == kLeftDouble) return Mark::left;
  if (t == kRightDouble) return Mark::right;
  return Mark::none;
}

// Whether a straight quote closes a quotation: no space after it, or space before and after
// with a word before (`"go" he`), judged from its neighbours.
bool straight_closes(const TaggedText& text, std::uint32_t i) {
  std::string_view prose = text.prose();
  std::uint32_t at = text.token(i).start;
  std::uint32_t after = text.token(text.mark_last(i)).end;
  bool space_before = at == 0 || prose[at - 1] == ' ' || prose[at - 1] == '\n' ||
                      prose[at - 1] == '\t' || prose[at - 1] == '(';
  bool space_after =
      after >= prose.size() || prose[after] == ' ' || prose[after] == '\n' || prose[after] == '\r';
  if (space_before && !space_after) return false;
  if (!space_before && space_after) return true;
  return true;  // ambiguous: with a quotation open, it closes it
}

bool paragraph_starts_with_opening(const TaggedText& text, const Paragraph& paragraph) {
  if (paragraph.first_sentence >= paragraph.end_sentence) return false;
  const Sentence& first = text.segmentation().sentences[paragraph.first_sentence];
  if (first.first_token >= first.end_token) return false;
  Mark mark = mark_of(text, first.first_token);
  return mark == Mark::left || mark == Mark::straight;
}

void finish(const TaggedText& text, Quotation& q) {
  std::uint32_t words = 0;
  bool clause_punctuation = false;
  for (std::uint32_t t = q.open_token + 1; t < q.close_token; ++t) {
    if (text.is_word(t)) ++words;
    if (text.is_char(t, ',') || text.is_char(t, '.') || text.is_char(t, '!') ||
        text.is_char(t, '?') || text.is_char(t, ';'))
      clause_punctuation = true;
  }
  q.words = words;
  // A clause: five words or more, or three with punctuation ("We stay, period.").
  q.speech_like = words >= 5 || (words >= 3 && clause_punctuation);
}

}  // namespace

std::vector<Quotation> find_quotations(const TaggedText& text) {
  std::vector<Quotation> result;
  const Segmentation& seg = text.segmentation();
  for (std::uint32_t p = 0; p < seg.paragraphs.size(); ++p) {
    const Paragraph& paragraph = seg.paragraphs[p];
    if (paragraph.first_sentence >= paragraph.end_sentence) continue;
    std::uint32_t first_token = seg.sentences[paragraph.first_sentence].first_token;
    std::uint32_t end_token = seg.sentences[paragraph.end_sentence - 1].end_token;
    if (first_token >= end_token) continue;
    std::optional<Quotation> open;
    for (std::uint32_t i = first_token; i < end_token; ++i) {
      Mark mark = mark_of(text, i);
      if (mark == Mark::none) continue;
      bool closes = false;
      if (mark == Mark::right)
        closes = true;
      else if (mark == Mark::straight)
        closes = open.has_value() && straight_closes(text, i);
      std::uint32_t last = text.mark_last(i);
      if (closes) {
        if (!open) {
          i = last;
          continue;  // a stray closing mark
        }
        open->close_token = last;
        open->span.end = text.token(last).end;
        open->closed = true;
        finish(text, *open);
        result.push_back(*open);
        open.reset();
        i = last;
        continue;
      }
      if (open) {
        // Opened again before closing: the first one ends where the second begins.
        open->close_token = i - 1;
        open->span.end = text.token(i - 1).end;
        finish(text, *open);
        result.push_back(*open);
      }
      Quotation q;
      q.open_token = i;
      q.span = {text.token(i).start, text.token(last).end};
      q.paragraph = p;
      open = q;
      i = last;
    }
    if (open) {
      open->close_token = end_token - 1;
      open->span.end = text.token(end_token - 1).end;
      finish(text, *open);
      result.push_back(*open);
    }
  }
  // Runs: an unclosed piece whose next paragraph opens with a quotation continues into it.
  for (std::size_t i = 0; i < result.size(); ++i) {
    result[i].run_first = static_cast<std::uint32_t>(i);
    result[i].run_end = result[i].span.end;
  }
  for (std::size_t i = 0; i + 1 < result.size(); ++i) {
    const Quotation& q = result[i];
    const Quotation& next = result[i + 1];
    if (q.closed || next.paragraph != q.paragraph + 1) continue;
    if (!paragraph_starts_with_opening(text, seg.paragraphs[next.paragraph])) continue;
    if (next.open_token != seg.sentences[seg.paragraphs[next.paragraph].first_sentence].first_token)
      continue;
    result[i + 1].run_first = result[i].run_first;
    result[i + 1].speech_like = true;
    result[result[i].run_first].speech_like = true;
  }
  // Each piece learns where its run ends: the run's first piece collects it, then lends it.
  for (Quotation& q : result) {
    Quotation& first = result[q.run_first];
    first.run_end = std::max(first.run_end, q.span.end);
  }
  for (Quotation& q : result)
    q.run_end = result[q.run_first].run_end;
  return result;
}

const Quotation* quotation_at(const std::vector<Quotation>& quotations, std::uint32_t token) {
  auto it = std::upper_bound(quotations.begin(), quotations.end(), token,
                             [](std::uint32_t t, const Quotation& q) { return t < q.open_token; });
  if (it == quotations.begin()) return nullptr;
  --it;
  return token <= it->close_token ? &*it : nullptr;
}

}  // namespace copydesk::analyzers::attributions
