#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "dates.timezone-mismatch";
}

TEST_CASE("dates.timezone-mismatch flags") {
  SUBCASE("Moscow is UTC+3") {
    check_rule(kRule, "date 2024-03-12\nIt began at 3:00 am Moscow time ([[0100 GMT]]).");
  }
  SUBCASE("an abbreviation restated in another") {
    check_rule(kRule, "date 2024-03-12\nPolls close at 8 p.m. EST ([[0200 GMT]]).");
  }
  SUBCASE("summer time: Kyiv is UTC+3 in July") {
    check_rule(kRule, "date 2024-07-10\nSirens sounded at 4:00 am Kyiv time ([[0200 GMT]]).");
  }
  SUBCASE("the message and fix give the right time") {
    auto found = findings_of(kRule, "date 2024-03-12\nIt began at 3:00 am Moscow time (0100 GMT).");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("00:00 GMT") != std::string::npos);
    CHECK(found[0].message.find("UTC+3") != std::string::npos);
    REQUIRE(found[0].fixes.size() == 1);
    CHECK(found[0].fixes[0].edits[0].replacement == "0000");
  }
}

TEST_CASE("dates.timezone-mismatch near-misses") {
  SUBCASE("a correct conversion") {
    check_rule(kRule, "date 2024-03-12\nIt began at about 3:00 am Moscow time (0000 GMT).");
  }
  SUBCASE("a conversion across midnight") {
    check_rule(kRule, "date 2024-03-12\nIt began at 1:30 am Moscow time (2230 GMT).");
  }
  SUBCASE("summer time: Kyiv is UTC+3 in July") {
    check_rule(kRule, "date 2024-07-10\nSirens sounded at 4:00 am Kyiv time (0100 GMT).");
  }
  SUBCASE("local time names no zone to check") {
    check_rule(kRule, "date 2024-03-12\nIt began at 3 p.m. local time (0900 GMT).");
  }
  SUBCASE("two times not in a parenthesis") {
    check_rule(kRule, "date 2024-03-12\nIt began at 3:00 am Moscow time and ended at 0100 GMT.");
  }
}
