#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;
using copydesk::testing::parse_annotations;

namespace {
constexpr std::string_view kRule = "claims.unverified";
}

TEST_CASE("claims.unverified flags") {
  SUBCASE("a claim an earlier sentence holds, with the caveat as related information") {
    std::string_view marked =
        "A militia posted [[photos online purporting to show its boats near the wreck]].\n\nThe "
        "authenticity of the photos could not be independently verified.";
    check_rule(kRule, marked);
    auto input = parse_annotations(marked);
    auto found = findings_of(kRule, input.text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "Unverified claim: the copy says 'could not be independently verified'.");
    REQUIRE(found[0].related.size() == 1);
    CHECK(input.text.substr(found[0].related[0].span.start, found[0].related[0].span.size()) ==
          "could not be independently verified");
  }
  SUBCASE("a figure the caveat calls a figure") {
    check_rule(kRule,
               "The rebels said they [[killed 40 soldiers]] in the raid.\n\nThe figures could "
               "not be verified.");
  }
  SUBCASE("in its own sentence") {
    check_rule(kRule,
               "Villagers reported that [[12 people drowned]], which could not be confirmed.");
  }
}

TEST_CASE("claims.unverified near-misses") {
  SUBCASE("a claim with no caveat") {
    check_rule(kRule, "The rebels said they killed 40 soldiers in the raid.");
  }
  SUBCASE("verified in so many words") {
    check_rule(kRule, "The photos were verified by our desk. They show boats near the wreck.");
  }
  SUBCASE("confirm in the sense of approving") {
    check_rule(kRule,
               "The blast killed 14 workers. The settlement has not been confirmed by a court.");
    check_rule(kRule, "The firm said it was unable to confirm its plan at the hearing.");
  }
  SUBCASE("unconfirmed by a legislature is not a caveat") {
    check_rule(kRule, "The nominee remains unconfirmed by the senate.");
  }
}
