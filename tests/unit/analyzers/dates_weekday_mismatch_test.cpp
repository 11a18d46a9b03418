#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "dates.weekday-mismatch";
}

TEST_CASE("dates.weekday-mismatch flags") {
  SUBCASE("a weekday before a full date") {
    check_rule(kRule, "date 2024-03-12\nThe talks ended [[Tuesday, March 13, 2024]].");
  }
  SUBCASE("a weekday restated by a date in parentheses") {
    check_rule(kRule, "date 2024-03-12\nThe army said on [[Tuesday (Mar 13]]) it had won.");
  }
  SUBCASE("an abbreviated weekday and a day written first") {
    check_rule(kRule, "date 2024-03-12\nPolls open [[Thu., 12 March]].");
  }
  SUBCASE("the message names the right weekday; the fixes correct either part") {
    auto found = findings_of(kRule, "date 2024-03-12\nThe talks ended Tuesday, March 13, 2024.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "March 13, 2024 is a Wednesday, not a Tuesday.");
    REQUIRE(found[0].fixes.size() == 2);
    REQUIRE(found[0].fixes[0].edits.size() == 1);
    CHECK(found[0].fixes[0].edits[0].replacement == "Wednesday");
    REQUIRE(found[0].fixes[1].edits.size() == 1);
    CHECK(found[0].fixes[1].edits[0].replacement == "12");
  }
  SUBCASE("a corrected date that crosses into another month rewrites the month too") {
    auto found = findings_of(kRule, "date 2024-03-01\nThe talks ended Thursday, March 1, 2024.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "March 1, 2024 is a Friday, not a Thursday.");
    REQUIRE(found[0].fixes.size() == 2);
    REQUIRE(found[0].fixes[1].edits.size() == 2);
    CHECK(found[0].fixes[1].edits[0].replacement == "February");
    CHECK(found[0].fixes[1].edits[1].replacement == "29");
  }
  SUBCASE("an abbreviated weekday is corrected in the same style") {
    auto found = findings_of(kRule, "date 2024-03-12\nPolls open Thu., 12 March.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].fixes[0].edits[0].replacement == "Tue.");
  }
}

TEST_CASE("dates.weekday-mismatch near-misses") {
  SUBCASE("weekday and date agree") {
    check_rule(kRule, "date 2024-03-12\nThe army said on Tuesday (Mar 12) it had won.");
    check_rule(kRule, "date 2024-03-12\nThe talks ended Wednesday, March 13, 2024.");
  }
  SUBCASE("a weekday alone is resolved to the right day, never mismatched") {
    check_rule(kRule, "date 2024-03-12\nThe army said on Tuesday it had won.");
  }
  SUBCASE("a weekday and a date that are not side by side") {
    check_rule(kRule, "date 2024-03-12\nOn Tuesday the court set a hearing for March 20.");
  }
}
