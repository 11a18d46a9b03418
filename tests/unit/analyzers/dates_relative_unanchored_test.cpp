#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "dates.relative-unanchored";
}

TEST_CASE("dates.relative-unanchored flags") {
  SUBCASE("one finding, at the first relative date") {
    check_rule(kRule, "The army said on [[Tuesday]] that it had won last week.");
  }
  SUBCASE("the message says how to set the dateline") {
    auto found = findings_of(kRule, "Officials met three days ago.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("date YYYY-MM-DD") != std::string::npos);
    CHECK(found[0].message.find("--dateline") != std::string::npos);
    CHECK(found[0].message.find(".copydesk.toml") != std::string::npos);
    CHECK(found[0].severity == copydesk::analyzers::Severity::info);
  }
}

TEST_CASE("dates.relative-unanchored near-misses") {
  SUBCASE("a dateline header") {
    check_rule(kRule, "date 2024-03-12\nThe army said on Tuesday that it had won.");
  }
  SUBCASE("a news dateline") {
    check_rule(kRule, "KYIV, March 12 (Reuters) - The army said on Tuesday that it had won.");
  }
  SUBCASE("only absolute dates and durations") {
    check_rule(kRule, "The treaty was signed on March 12, 2024, after three days of talks.");
  }
}
