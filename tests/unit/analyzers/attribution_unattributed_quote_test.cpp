#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;

namespace {
constexpr std::string_view kRule = "attribution.unattributed-quote";
}

TEST_CASE("attribution.unattributed-quote flags") {
  SUBCASE("a full quotation with no speaker anywhere near") {
    check_rule(kRule,
               "[[\"We will not leave our homes until the shelling stops, whatever happens.\"]]"
               "\n\nThe mayor's office closed on Friday.");
  }
  SUBCASE("a curly quotation in a paragraph of its own") {
    check_rule(kRule,
               "The ferry sank at noon.\n\nRescuers searched the bay.\n\n"
               "[[“Nobody expected the storm to turn so fast, nobody.”]]\n\nThe port reopened.");
  }
}

TEST_CASE("attribution.unattributed-quote near-misses") {
  SUBCASE("the speaker is in the sentence") {
    check_rule(kRule, "\"We will not leave our homes,\" the mayor said.");
  }
  SUBCASE("the quotation goes on after the speaker") {
    check_rule(kRule,
               "“We stayed,” she said. “We had no choice.\n\n“Nobody came for us, not once.”");
  }
  SUBCASE("the speaker is in the next sentence") {
    check_rule(kRule,
               "\"The water rose in minutes, it was over our knees.\" That is how Ana Silva, "
               "a nurse, described the night.");
  }
  SUBCASE("scare quotes and titles") {
    check_rule(kRule, "The ministry called them \"terrorist formations\" on \"Morning Report\".");
  }
}
