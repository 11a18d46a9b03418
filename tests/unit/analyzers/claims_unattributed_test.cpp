#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "claims.unattributed";
}

TEST_CASE("claims.unattributed flags") {
  SUBCASE("a casualty figure with no source") {
    check_rule(kRule, "The blast [[killed 14 workers]] at the plant.");
    auto found = findings_of(kRule, "The blast killed 14 workers at the plant.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "A casualty figure with no source: say who gives the number.");
  }
  SUBCASE("a count of losses") {
    check_rule(kRule, "The unit lost [[four tanks and two armored trucks]] near the river.");
  }
  SUBCASE("a record") {
    check_rule(kRule, "The quake was [[the strongest since 1952]] in the region.");
    auto found = findings_of(kRule, "The quake was the strongest since 1952 in the region.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "A record or superlative with no source: say who says so.");
  }
  SUBCASE("an accusation") {
    check_rule(kRule, "The raid was [[blamed on the border militia]].");
  }
}

TEST_CASE("claims.unattributed near-misses") {
  SUBCASE("attributed in its sentence") {
    check_rule(kRule, "The blast killed 14 workers at the plant, the fire chief said.");
    check_rule(kRule, "According to the coroner, nine people died in the blaze.");
  }
  SUBCASE("a direct quotation") {
    check_rule(kRule, "“Eleven of our men were killed,” the captain said.");
  }
  SUBCASE("hedged or credited to a weasel") {
    check_rule(kRule, "The crash reportedly killed seven.");
    check_rule(kRule, "Some experts say the floods killed 300 people.");
  }
  SUBCASE("marked unverified by the copy") {
    check_rule(kRule,
               "The rebels posted a video of 12 burned trucks destroyed near the bridge.\n\nThe "
               "video could not be independently verified.");
  }
  SUBCASE("a statistic, annotated but not flagged") {
    check_rule(kRule, "Exports fell 4.5 percent in May.");
  }
  SUBCASE("background and non-claims") {
    check_rule(kRule, "The poet died aged 88 at home.");
    check_rule(kRule, "Lyon is the largest city in the region.");
    check_rule(kRule, "Were 40 people killed in the fire?");
  }
}
