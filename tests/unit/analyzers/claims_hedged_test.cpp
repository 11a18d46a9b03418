#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "claims.hedged";
}

TEST_CASE("claims.hedged flags") {
  SUBCASE("reportedly with no one named") {
    check_rule(kRule, "The convoy was [[reportedly]] hit twice near the pass.");
    auto found = findings_of(kRule, "The convoy was reportedly hit twice near the pass.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == copydesk::analyzers::Severity::info);
    CHECK(found[0].message ==
          "'reportedly' names no one: say who reports it, or check it and drop the hedge.");
  }
  SUBCASE("impersonal passives") {
    check_rule(kRule, "The general [[is said to]] have fled. [[It is believed]] he left by sea.");
  }
  SUBCASE("supposedly and according to reports") {
    check_rule(kRule, "Rebels, [[supposedly]] from the north, crossed the river.");
    check_rule(kRule, "[[According to reports]], the border is shut.");
  }
}

TEST_CASE("claims.hedged near-misses") {
  SUBCASE("a named source in the same sentence") {
    check_rule(kRule, "The convoy was reportedly hit twice, according to the Harbor Gazette.");
    check_rule(kRule, "The Harbor Gazette quoted the mayor as saying the mill reportedly closed.");
  }
  SUBCASE("hedges that qualify rather than report") {
    check_rule(kRule, "The mill may close if orders fall. Police believe it was arson.");
  }
  SUBCASE("inside a direct quotation") {
    check_rule(kRule, "“He reportedly fled,” the mayor said.");
  }
}
