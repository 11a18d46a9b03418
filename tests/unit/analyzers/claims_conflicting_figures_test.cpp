#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "claims.conflicting-figures";
}

TEST_CASE("claims.conflicting-figures flags") {
  SUBCASE("the copy gives two tolls for the same thing") {
    check_rule(kRule,
               "The blast killed 14 workers at the plant.\n\nRescuers worked through the night. "
               "The blast killed [[17]] workers in all.");
    auto found = findings_of(kRule,
                             "The blast killed 14 workers at the plant.\n\nRescuers worked through "
                             "the night. The blast killed 17 workers in all.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "This figure (17) contradicts the 14 given earlier for the same thing ('killed 14 "
          "workers').");
    REQUIRE(found[0].related.size() == 1);
  }
  SUBCASE("a bound the later figure breaks") {
    check_rule(kRule,
               "At least 20 people died in the fire. The exits were locked. "
               "[[12]] people died, most of them guests.");
  }
  SUBCASE("the same source gives two numbers") {
    check_rule(kRule,
               "The army said it destroyed 9 tanks near the ford. In a statement, the army said "
               "it destroyed [[11]] tanks near the ford.");
  }
}

TEST_CASE("claims.conflicting-figures near-misses") {
  SUBCASE("a toll that rose") {
    check_rule(kRule, "The blast killed 14 workers. By evening the toll had risen to 17 workers.");
  }
  SUBCASE("different sources disagree: a reported dispute") {
    check_rule(kRule,
               "The Harbor Police said the strike killed 12 fighters. The Rebel Front said it "
               "killed 40 fighters.");
  }
  SUBCASE("different things counted") {
    check_rule(kRule, "The blast killed 14 workers. It also killed 3 firefighters.");
  }
  SUBCASE("another event") {
    check_rule(kRule, "The blast killed 14 workers. Last year a similar blast killed 9 workers.");
  }
  SUBCASE("a bound the later figure keeps") {
    check_rule(kRule, "At least 20 people died in the fire. In all 26 people died there.");
  }
}
