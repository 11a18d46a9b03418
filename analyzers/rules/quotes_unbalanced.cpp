// quotes.unbalanced: double quotation marks that never close, close without opening, or pair a
// curly mark with the wrong partner. News convention: a quotation that runs on into the next
// paragraph leaves the first one open and opens the next one again.
#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "quotes.unbalanced";
constexpr std::string_view kLeftCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightCurly = "\xE2\x80\x9D";  // ”

enum class Mark { straight, left_curly, right_curly };

struct Quote {
  std::uint32_t offset;
  Mark mark;
  std::uint32_t size() const { return mark == Mark::straight ? 1 : 3; }
  Span span() const { return {offset, offset + size()}; }
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Characters after which a straight quote opens: start, space, brackets, dashes.
bool opens_after(std::string_view text, std::uint32_t offset) {
  if (offset == 0) return true;
  char before = text[offset - 1];
  if (is_space(before) || before == '(' || before == '[' || before == '{' || before == '-' ||
      before == '/')
    return true;
  // An em or en dash (U+2014, U+2013) before the quote.
  if (offset >= 3 && text.substr(offset - 3, 2) == "\xE2\x80" &&
      (text[offset - 1] == '\x94' || text[offset - 1] == '\x93'))
    return true;
  return false;
}

bool closes_before(std::string_view text, std::uint32_t offset) {
  std::uint32_t after = offset + 1;
  if (after >= text.size()) return true;
  char c = text[after];
  return is_space(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == ')' || c == ']' || c == '-' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether a mark opens a quotation. Curly marks say so themselves; a straight one is judged by
// its neighbours, and by whether a quotation is open when the neighbours do not tell.
bool is_opening(std::string_view text, const Quote& quote, bool quotation_open) {
  if (quote.mark != Mark::straight) return quote.mark == Mark::left_curly;
  bool after_opener = opens_after(text, quote.offset);
  bool before_closer = closes_before(text, quote.offset);
  if (after_opener == before_closer) return !quotation_open;  // "formula, " he said / word"word
  return after_opener;
}

// Straight quotes that are not quotation marks: an inch or seconds mark right after a digit
// (5'10", a 12" pipe), and a double quote typed for an apostrophe between letters (Iran"s, as
// old wire copy has it).
bool is_not_quotation(std::string_view text, std::uint32_t offset, bool quotation_open) {
  if (offset == 0) return false;
  char before = text[offset - 1];
  if (before >= '0' && before <= '9') return !quotation_open;  // "0/92" closes; 12" is a measure
  return offset + 1 < text.size() && is_ascii_letter(before) && is_ascii_letter(text[offset + 1]);
}

Finding finding(Span span, std::string message) {
  Finding f;
  f.rule = std::string(kRule);
  f.severity = Severity::warning;
  f.message = std::move(message);
  f.span = span;
  return f;
}

// True when the paragraph's first visible character is an opening quotation mark.
bool starts_with_opening_quote(std::string_view prose, Span paragraph) {
  std::string_view text = prose.substr(paragraph.start, paragraph.size());
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return false;
  return text[first] == '"' || text.substr(first, 3) == kLeftCurly;
}

}  // namespace

void check_quotes_unbalanced(const RuleContext& context, std::vector<Finding>& findings) {
  std::string_view prose = context.prose.prose;
  const auto& paragraphs = context.segmentation.paragraphs;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    Span paragraph = paragraphs[p].span;
    std::optional<Quote> open;
    // Only '"' and the lead byte of “ and ” matter: memchr skips to the next of each.
    auto next_of = [&](char c, std::uint32_t from) -> std::uint32_t {
      if (from >= paragraph.end) return paragraph.end;
      const void* hit = std::memchr(prose.data() + from, c, paragraph.end - from);
      return hit ? static_cast<std::uint32_t>(static_cast<const char*>(hit) - prose.data())
                 : paragraph.end;
    };
    std::uint32_t next_straight = next_of('"', paragraph.start);
    std::uint32_t next_lead = next_of('\xE2', paragraph.start);
    auto next_after = [&](std::uint32_t i) {
      if (next_straight <= i) next_straight = next_of('"', i + 1);
      if (next_lead <= i) next_lead = next_of('\xE2', i + 1);
      return std::min(next_straight, next_lead);
    };
    for (std::uint32_t i = std::min(next_straight, next_lead); i < paragraph.end;
         i = next_after(i)) {
      char c = prose[i];
      std::optional<Quote> quote;
      if (c == '"') {
        if (is_not_quotation(prose, i, open.has_value())) continue;
        quote = Quote{i, Mark::straight};
      } else if (c == '\xE2' && prose.substr(i, 3) == kLeftCurly) {
        quote = Quote{i, Mark::left_curly};
      } else if (c == '\xE2' && prose.substr(i, 3) == kRightCurly) {
        quote = Quote{i, Mark::right_curly};
      }
      if (!quote) continue;
      i += quote->size() - 1;

      bool opening = is_opening(prose, *quote, open.has_value());
      if (opening) {
        if (open)
          findings.push_back(finding(open->span(),
                                     "This quotation is never closed: another one opens before it "
                                     "ends."));
        open = quote;
        continue;
      }
      if (!open) {
        findings.push_back(
            finding(quote->span(), "This closing quotation mark has no opening mark before it."));
        continue;
      }
      if (open->mark == Mark::left_curly && quote->mark == Mark::straight) {
        Finding f =
            finding(quote->span(), "A curly opening quotation mark is closed by a straight one.");
        f.related.push_back({open->span(), "opened here", ""});
        f.fixes.push_back(
            {"Use a curly closing mark", {{quote->span(), std::string(kRightCurly)}}});
        findings.push_back(std::move(f));
      } else if (open->mark == Mark::straight && quote->mark == Mark::right_curly) {
        Finding f =
            finding(open->span(), "A straight opening quotation mark is closed by a curly one.");
        f.related.push_back({quote->span(), "closed here", ""});
        f.fixes.push_back({"Use a curly opening mark", {{open->span(), std::string(kLeftCurly)}}});
        findings.push_back(std::move(f));
      }
      open.reset();
    }
    if (!open) continue;
    // Still open at the paragraph's end: fine when the next paragraph continues the quotation.
    if (p + 1 < paragraphs.size() && starts_with_opening_quote(prose, paragraphs[p + 1].span))
      continue;
    findings.push_back(finding(open->span(), "This quotation is never closed."));
  }
}

}  // namespace copydesk::analyzers
