#include "analyzers/suppression.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using copydesk::analyzers::apply_suppressions;
using copydesk::analyzers::DirectiveComment;
using copydesk::analyzers::Finding;
using copydesk::analyzers::Severity;
using copydesk::analyzers::Span;

namespace {

// The copydesk comments of `text`, as the prose view would collect them.
std::vector<DirectiveComment> directives_in(std::string_view text) {
  std::vector<DirectiveComment> directives;
  for (std::size_t at = text.find("<!--"); at != std::string_view::npos;
       at = text.find("<!--", at + 4)) {
    const std::size_t close = text.find("-->", at);
    REQUIRE(close != std::string_view::npos);
    std::string_view body = text.substr(at + 4, close - at - 4);
    while (!body.empty() && body.front() == ' ')
      body.remove_prefix(1);
    while (!body.empty() && body.back() == ' ')
      body.remove_suffix(1);
    if (!body.starts_with("copydesk-")) continue;
    directives.push_back({{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(close + 3)},
                          std::string(body)});
  }
  return directives;
}

// A finding of `rule` on the `nth` occurrence of `needle`.
Finding finding(std::string_view text, std::string_view rule, std::string_view needle,
                int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth; ++i)
    at = text.find(needle, at + 1);
  REQUIRE(at != std::string_view::npos);
  // Findings come from prose, never from inside a comment.
  for (const DirectiveComment& comment : directives_in(text)) {
    REQUIRE_FALSE((comment.span.start <= at && at < comment.span.end));
  }
  Finding result;
  result.rule = std::string(rule);
  result.message = "m";
  result.span = {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
  return result;
}

std::vector<Finding> run(std::string_view text, std::vector<Finding> findings) {
  return apply_suppressions(text, directives_in(text), std::move(findings));
}

std::vector<Finding> of_rule(const std::vector<Finding>& findings, std::string_view rule) {
  std::vector<Finding> out;
  std::copy_if(findings.begin(), findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return f.rule == rule; });
  return out;
}

std::vector<std::string> kept_words(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<std::string> words;
  for (const Finding& f : findings) {
    if (f.rule != "suppression.unused") {
      words.push_back(std::string(text.substr(f.span.start, f.span.size())));
    }
  }
  return words;
}

std::vector<std::string> unused_messages(const std::vector<Finding>& findings) {
  std::vector<std::string> messages;
  for (const Finding& f : of_rule(findings, "suppression.unused"))
    messages.push_back(f.message);
  return messages;
}

std::string apply_fix(std::string_view text, const Finding& finding) {
  REQUIRE(finding.fixes.size() == 1);
  std::string out(text);
  const auto& edits = finding.fixes[0].edits;
  REQUIRE(edits.size() == 1);
  out.replace(edits[0].span.start, edits[0].span.size(), edits[0].replacement);
  return out;
}

const std::string kQuotes = "quotes.unbalanced";
const std::string kClaims = "dates.weekday-mismatch";

}  // namespace

TEST_CASE("no directives: findings pass through") {
  const std::string text = "One. Two.";
  const auto out = run(text, {finding(text, kQuotes, "One")});
  REQUIRE(out.size() == 1);
  CHECK(out[0].rule == kQuotes);
}

TEST_CASE("disable-next-line suppresses its rule on the next line only") {
  const std::string text =
      "before\n"
      "<!-- copydesk-disable-next-line quotes.unbalanced -- the quote is cut on purpose -->\n"
      "target other\n"
      "after\n";
  const auto out = run(text, {finding(text, kQuotes, "before"), finding(text, kQuotes, "target"),
                              finding(text, kClaims, "other"), finding(text, kQuotes, "after")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"before", "other", "after"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("disable-next-line with several rules, commas or spaces") {
  const std::string text =
      "<!-- copydesk-disable-next-line quotes.unbalanced,dates.weekday-mismatch -->\n"
      "ALPHA BRAVO\n"
      "<!-- copydesk-disable-next-line quotes.unbalanced  dates.weekday-mismatch -->\n"
      "CHARLIE DELTA\n";
  const auto out = run(text, {finding(text, kQuotes, "ALPHA"), finding(text, kClaims, "BRAVO"),
                              finding(text, kQuotes, "CHARLIE"), finding(text, kClaims, "DELTA")});
  CHECK(out.empty());
}

TEST_CASE("disable-next-line near misses: two lines down, the same line, a trailing comment") {
  const std::string text =
      "x <!-- copydesk-disable-next-line quotes.unbalanced -->\n"
      "\n"
      "two lines down\n";
  const auto out = run(text, {finding(text, kQuotes, "x"), finding(text, kQuotes, "two")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"x", "two"});
  CHECK(unused_messages(out) ==
        std::vector<std::string>{"this suppression of quotes.unbalanced suppressed nothing"});

  // At the end of a line, it still means the line after.
  const std::string trailing = "here <!-- copydesk-disable-next-line -->\nthere\n";
  const auto out2 = run(trailing, {finding(trailing, kQuotes, "there")});
  CHECK(out2.empty());
}

TEST_CASE("line breaks: \\r\\n and a lone \\r count as one line break each") {
  for (const std::string_view newline : {"\r\n", "\r", "\n"}) {
    CAPTURE(newline.size());
    const std::string text = "<!-- copydesk-disable-next-line -->" + std::string(newline) + "hit" +
                             std::string(newline) + "miss" + std::string(newline);
    const auto out = run(text, {finding(text, kQuotes, "hit"), finding(text, kQuotes, "miss")});
    CHECK(kept_words(text, out) == std::vector<std::string>{"miss"});
  }
}

TEST_CASE("disable-line suppresses its own line") {
  const std::string text =
      "before\n"
      "hit other <!-- copydesk-disable-line quotes.unbalanced -->\n"
      "after\n";
  const auto out = run(text, {finding(text, kQuotes, "before"), finding(text, kQuotes, "hit"),
                              finding(text, kClaims, "other"), finding(text, kQuotes, "after")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"before", "other", "after"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("disable and enable bound a range") {
  const std::string text =
      "before\n"
      "<!-- copydesk-disable quotes.unbalanced -->\n"
      "in1 other\n"
      "in2\n"
      "<!-- copydesk-enable quotes.unbalanced -->\n"
      "after\n";
  const auto out = run(text, {finding(text, kQuotes, "before"), finding(text, kQuotes, "in1"),
                              finding(text, kClaims, "other"), finding(text, kQuotes, "in2"),
                              finding(text, kQuotes, "after")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"before", "other", "after"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("a range is offset-based: the same line before the comment is outside") {
  const std::string text = "early <!-- copydesk-disable --> late";
  const auto out = run(text, {finding(text, kQuotes, "early"), finding(text, kQuotes, "late")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"early"});
}

TEST_CASE("disable without enable runs to the end; with no rule it covers all rules") {
  const std::string text = "ALPHA\n<!-- copydesk-disable -->\nBRAVO CHARLIE\n\n\nDELTA";
  const auto out =
      run(text, {finding(text, kQuotes, "ALPHA"), finding(text, kQuotes, "BRAVO"),
                 finding(text, kClaims, "CHARLIE"), finding(text, "other.rule", "DELTA")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"ALPHA"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("enable with no rule ends every open range") {
  const std::string text =
      "<!-- copydesk-disable quotes.unbalanced -->\n"
      "<!-- copydesk-disable dates.weekday-mismatch -->\n"
      "ALPHA BRAVO\n"
      "<!-- copydesk-enable -->\n"
      "CHARLIE DELTA\n";
  const auto out = run(text, {finding(text, kQuotes, "ALPHA"), finding(text, kClaims, "BRAVO"),
                              finding(text, kQuotes, "CHARLIE"), finding(text, kClaims, "DELTA")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"CHARLIE", "DELTA"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("enabling one rule inside ALPHA disable-all range keeps the others disabled") {
  const std::string text =
      "<!-- copydesk-disable -->\n"
      "ALPHA BRAVO\n"
      "<!-- copydesk-enable quotes.unbalanced -->\n"
      "CHARLIE DELTA\n";
  const auto out = run(text, {finding(text, kQuotes, "ALPHA"), finding(text, kClaims, "BRAVO"),
                              finding(text, kQuotes, "CHARLIE"), finding(text, kClaims, "DELTA")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"CHARLIE"});
  CHECK(unused_messages(out).empty());
}

TEST_CASE("each unused directive is reported, at the comment, as info") {
  const std::string text =
      "<!-- copydesk-disable-next-line quotes.unbalanced -->\n"
      "clean\n"
      "clean <!-- copydesk-disable-line -->\n"
      "<!-- copydesk-disable dates.weekday-mismatch -->\n"
      "clean\n"
      "<!-- copydesk-enable dates.weekday-mismatch -->\n";
  const auto directives = directives_in(text);
  const auto out = apply_suppressions(text, directives, {});
  REQUIRE(out.size() == 3);
  CHECK(out[0].message == "this suppression of quotes.unbalanced suppressed nothing");
  CHECK(out[0].span == directives[0].span);
  CHECK(out[1].message == "this suppression of all rules suppressed nothing");
  CHECK(out[1].span == directives[1].span);
  CHECK(out[2].message == "this suppression of dates.weekday-mismatch suppressed nothing");
  CHECK(out[2].span == directives[2].span);
  for (const Finding& f : out) {
    CHECK(f.rule == "suppression.unused");
    CHECK(f.severity == Severity::info);
  }
}

TEST_CASE("a rule named in a directive that suppressed nothing is reported alone") {
  const std::string text =
      "<!-- copydesk-disable-next-line quotes.unbalanced, dates.weekday-mismatch -- why -->\n"
      "hit\n";
  const auto out = run(text, {finding(text, kQuotes, "hit")});
  REQUIRE(out.size() == 1);
  CHECK(out[0].message == "this suppression of dates.weekday-mismatch suppressed nothing");
  CHECK(out[0].fixes[0].title == "Remove dates.weekday-mismatch from the suppression comment");
  CHECK(apply_fix(text, out[0]) ==
        "<!-- copydesk-disable-next-line quotes.unbalanced -- why -->\nhit\n");
}

TEST_CASE("an unknown rule id says so, with a suggestion") {
  const std::string text = "<!-- copydesk-disable-next-line quotes.unbalance -->\nWORD\n";
  const auto out = run(text, {finding(text, kQuotes, "WORD")});
  const auto messages = unused_messages(out);
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] ==
        "this suppression names \"quotes.unbalance\", which is no known rule (did you mean "
        "\"quotes.unbalanced\"?)");
  CHECK(kept_words(text, out) == std::vector<std::string>{"WORD"});
}

TEST_CASE("a stray enable, a repeated disable and an unknown directive are reported") {
  const std::string text =
      "<!-- copydesk-enable quotes.unbalanced -->\n"
      "<!-- copydesk-disable dates.weekday-mismatch -->\n"
      "<!-- copydesk-disable dates.weekday-mismatch -->\n"
      "CLAIM\n"
      "<!-- copydesk-disable-nextline quotes.unbalanced -->\n"
      "QUOTE\n";
  const auto out = run(text, {finding(text, kClaims, "CLAIM"), finding(text, kQuotes, "QUOTE")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"QUOTE"});
  const auto messages = unused_messages(out);
  REQUIRE(messages.size() == 3);
  CHECK(messages[0] == "this copydesk-enable of quotes.unbalanced matches no copydesk-disable");
  CHECK(messages[1] == "this suppression of dates.weekday-mismatch suppressed nothing");
  CHECK(messages[2].starts_with("unknown directive \"copydesk-disable-nextline\""));
}

TEST_CASE("two directives covering one finding are both used") {
  const std::string text =
      "<!-- copydesk-disable quotes.unbalanced -->\n"
      "<!-- copydesk-disable-next-line quotes.unbalanced -->\n"
      "hit\n";
  const auto out = run(text, {finding(text, kQuotes, "hit")});
  CHECK(out.empty());
}

TEST_CASE("disable-next-line on the last line suppresses nothing") {
  const std::string text = "x\n<!-- copydesk-disable-next-line -->";
  const auto out = run(text, {finding(text, kQuotes, "x")});
  CHECK(kept_words(text, out) == std::vector<std::string>{"x"});
  CHECK(unused_messages(out).size() == 1);
}

TEST_CASE("suppression.unused findings are never suppressed by directives") {
  const std::string text = "<!-- copydesk-disable -->\n<!-- copydesk-disable-next-line x.y -->\n";
  Finding given;
  given.rule = "suppression.unused";
  given.message = "given";
  given.span = {0, 1};
  const auto out = run(text, {given});
  // The given finding stays, and both directives, having suppressed nothing, are reported.
  REQUIRE(out.size() == 3);
  CHECK(out[0].message == "given");
  CHECK(out[1].message == "this suppression of all rules suppressed nothing");
  CHECK(out[2].message.find("\"x.y\", which is no known rule") != std::string::npos);
}

TEST_CASE("removing an unused comment: its own line goes; a trailing one takes its spaces") {
  const std::string own_line = "a\n  <!-- copydesk-disable-next-line -->\r\nb\n";
  const auto out = run(own_line, {});
  REQUIRE(out.size() == 1);
  CHECK(out[0].fixes[0].title == "Remove the unused suppression comment");
  CHECK(apply_fix(own_line, out[0]) == "a\nb\n");

  const std::string trailing = "text.  <!-- copydesk-disable-line quotes.unbalanced -->\nnext\n";
  const auto out2 = run(trailing, {});
  REQUIRE(out2.size() == 1);
  CHECK(apply_fix(trailing, out2[0]) == "text.\nnext\n");

  const std::string leading = "<!-- copydesk-disable-line --> text\n";
  const auto out3 = run(leading, {});
  REQUIRE(out3.size() == 1);
  CHECK(apply_fix(leading, out3[0]) == "text\n");
}

TEST_CASE("a reason alone means all rules") {
  const std::string text = "<!-- copydesk-disable-next-line -- quoted verbatim -->\nhit\n";
  const auto out = run(text, {finding(text, kQuotes, "hit"), finding(text, kClaims, "hit")});
  CHECK(out.empty());
}
