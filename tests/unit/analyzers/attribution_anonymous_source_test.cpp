#include <doctest/doctest.h>

#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;

namespace {
constexpr std::string_view kRule = "attribution.anonymous-source";
}

TEST_CASE("attribution.anonymous-source flags") {
  SUBCASE("officials and a person familiar with the talks") {
    check_rule(kRule,
               "[[Officials]] said the talks had stalled. The deal is close, according to "
               "[[a person familiar with the talks]].");
  }
  SUBCASE("the message counts them") {
    auto found = findings_of(kRule, "Officials said the road was open. Sources said it was not.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].message.find("2 in this document") != std::string::npos);
    CHECK(found[0].severity == copydesk::analyzers::Severity::info);
  }
}

TEST_CASE("attribution.anonymous-source near-misses") {
  SUBCASE("named people, bodies, roles and documents") {
    check_rule(kRule,
               "Ida Marsh said the road was open. The water board said it was dry. A board "
               "spokesperson said repairs were done. The report said costs rose.");
  }
}
