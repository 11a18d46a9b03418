#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "attribution.loaded-verb";
}

TEST_CASE("attribution.loaded-verb flags") {
  SUBCASE("claimed, insisted and admitted for words") {
    check_rule(kRule,
               "The ministry [[claimed]] that its forces repelled the attack. \"We were not "
               "there,\" he [[insisted]]. The mayor [[admitted]] the pumps had failed.");
  }
  SUBCASE("the fix keeps the inflection") {
    auto claims = findings_of(kRule, "The council claims that the bridge is safe.");
    REQUIRE(claims.size() == 1);
    REQUIRE(claims[0].fixes.size() == 1);
    CHECK(claims[0].fixes[0].edits[0].replacement == "says");
    auto claiming =
        findings_of(kRule, "The council wrote to residents on Monday, claiming that it was safe.");
    REQUIRE(claiming.size() == 1);
    CHECK(claiming[0].fixes[0].edits[0].replacement == "saying");
  }
  SUBCASE("claimed to have: flagged, no one-word fix") {
    auto found = findings_of(kRule, "The rebels claimed to have taken the bridge.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].fixes.empty());
  }
}

TEST_CASE("attribution.loaded-verb near-misses") {
  SUBCASE("not words: claimed responsibility, admitted to hospital") {
    check_rule(kRule,
               "Two groups claimed responsibility for the raids. She was admitted to hospital.");
  }
  SUBCASE("the neutral verb") {
    check_rule(kRule, "The ministry said that its forces repelled the attack.");
  }
}
