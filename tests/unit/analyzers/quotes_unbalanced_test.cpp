#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "quotes.unbalanced";
}

TEST_CASE("quotes.unbalanced flags") {
  SUBCASE("a straight quotation never closed") {
    check_rule(kRule, "[[\"]]We will not leave, the mayor said.");
  }
  SUBCASE("a curly quotation never closed") {
    check_rule(kRule, "The ministry called the report [[“]]false.");
  }
  SUBCASE("a closing mark with no opening") {
    check_rule(kRule, "The ministry called the report false[[”]] on Monday.");
  }
  SUBCASE("a quotation opened again before it closed") {
    check_rule(kRule, "[[“]]We stayed, she said. “We had no choice,” she added.");
  }
  SUBCASE("a curly opening closed by a straight mark") {
    check_rule(kRule, "“We stayed[[\"]] she said.");
    auto found = findings_of(kRule, "“We stayed\" she said.");
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].fixes.size() == 1);
    CHECK(found[0].fixes[0].edits[0].replacement == "”");
    CHECK(found[0].related.size() == 1);
  }
  SUBCASE("a multi-paragraph quotation whose next paragraph does not reopen") {
    check_rule(kRule, "[[\"]]The shelling went on all night.\n\nBy morning the bridge was gone.");
  }
  SUBCASE("the last paragraph of a run-on quotation is not closed") {
    check_rule(kRule, "“It went on all night.\n\n[[“]]By morning the bridge was gone.");
  }
}

TEST_CASE("quotes.unbalanced near-misses") {
  SUBCASE("balanced straight and curly quotations") {
    check_rule(kRule, "\"We will not leave,\" the mayor said. “Never,” he added.");
  }
  SUBCASE("a quotation running on over paragraphs, reopened each time") {
    check_rule(kRule,
               "\"The shelling went on all night.\n\n\"By morning the bridge was gone,\" she "
               "said.");
    check_rule(kRule, "“It went on all night.\n\n“By morning it was gone,” she said.");
  }
  SUBCASE("inch and seconds marks") {
    check_rule(kRule, "The pipe was 12\" across and he ran 100 m in 9.58\".");
  }
  SUBCASE("a double quote typed for an apostrophe, as in old wire copy") {
    check_rule(kRule, "Saudi Arabia\"s output quota is unchanged.");
  }
  SUBCASE("a quotation ending in a digit") {
    check_rule(kRule, "Senators backed the so-called \"0/92\" option.");
  }
  SUBCASE("a closing mark with a stray space before it") {
    check_rule(kRule, "\"It stands a fair chance, \" he said.");
  }
  SUBCASE("apostrophes and single quotes are not double quotes") {
    check_rule(kRule, "The mayor's office said 'no comment' on Tuesday.");
  }
  SUBCASE("quotes inside Markdown code are not prose") {
    check_rule(kRule, "Run `echo \"hi` to test.\n\n```\nprint(\"x)\n```\n", true);
  }
  SUBCASE("a quotation after a dash or bracket") {
    check_rule(kRule, "He had one answer—\"never\"—and (\"we stay\") was the other.");
  }
}
