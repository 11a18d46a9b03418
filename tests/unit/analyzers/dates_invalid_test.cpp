#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "dates.invalid";
}

TEST_CASE("dates.invalid flags") {
  SUBCASE("February 30") {
    check_rule(kRule, "date 2024-03-12\nThe vote is on [[February 30]].");
  }
  SUBCASE("April 31 with a year") {
    check_rule(kRule, "date 2024-03-12\nThe lease ends [[April 31, 2025]].");
  }
  SUBCASE("a leap day in a common year") {
    check_rule(kRule, "date 2024-03-12\nThe filing is dated [[2023-02-29]].");
  }
  SUBCASE("without a dateline, a day no year has") {
    check_rule(kRule, "The vote is on [[February 30]].");
  }
  SUBCASE("the message says how long the month is") {
    auto found = findings_of(kRule, "date 2024-03-12\nThe filing is dated 2023-02-29.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "February 29, 2023 does not exist: February 2023 has 28 days.");
    CHECK(found[0].severity == copydesk::analyzers::Severity::error);
  }
}

TEST_CASE("dates.invalid near-misses") {
  SUBCASE("a leap day in a leap year") {
    check_rule(kRule, "date 2024-03-12\nThe filing is dated 2024-02-29 and February 29.");
  }
  SUBCASE("the last day of each month") {
    check_rule(kRule, "date 2024-03-12\nDeadlines: April 30, June 30 and January 31.");
  }
  SUBCASE("numbers after a month that are not days") {
    check_rule(kRule, "date 2024-03-12\nIn March 2024 and in May 1999 prices rose.");
  }
}
