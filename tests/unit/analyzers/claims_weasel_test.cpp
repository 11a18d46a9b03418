#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "claims.weasel";
}

TEST_CASE("claims.weasel flags") {
  SUBCASE("a quantified vague source") {
    check_rule(kRule, "[[Some experts say]] the dam is unsafe.");
    auto found = findings_of(kRule, "Some experts say the dam is unsafe.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "'Some experts say' credits no one by name: name who says it, or drop the claim.");
  }
  SUBCASE("bare critics and observers") {
    check_rule(kRule, "[[Critics argue]] the tax hurts farmers, but [[observers note]] it is new.");
  }
  SUBCASE("the unnamed majority") {
    check_rule(kRule, "[[It is widely thought]] the mayor will run.");
  }
}

TEST_CASE("claims.weasel near-misses") {
  SUBCASE("named experts") {
    check_rule(kRule, "Flood expert Ana Ruiz says the dam is unsafe.");
  }
  SUBCASE("inside a direct quotation the speaker stands behind it") {
    check_rule(kRule, "“Many believe the mine will reopen,” the mayor said.");
  }
  SUBCASE("wire-style unnamed analysts are an attribution matter") {
    check_rule(kRule, "Analysts said the bank would cut rates.");
  }
}
