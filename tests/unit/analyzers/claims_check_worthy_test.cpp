// Check-worthy claims (analyzers/claims/check_worthy.cpp): what makes a sentence worth a source,
// and what does not.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

namespace {

struct Found {
  std::string focus;
  std::string reason;
};

std::vector<Found> claims_of(const std::string& text) {
  copydesk::analyzers::Document document;
  document.text = text;
  auto analysis = copydesk::analyzers::analyze(document, {});
  std::vector<Found> out;
  for (const auto& claim : analysis.annotations.claims)
    out.push_back({text.substr(claim.focus.start, claim.focus.size()),
                   claim.reasons.empty() ? "" : claim.reasons.front()});
  return out;
}

void check_one(const std::string& marked, const std::string& reason) {
  auto input = copydesk::testing::parse_annotations(marked);
  REQUIRE(input.ranges.size() == 1);
  auto found = claims_of(input.text);
  INFO("input: ", input.text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].focus ==
        input.text.substr(input.ranges[0].start, input.ranges[0].end - input.ranges[0].start));
  CHECK(found[0].reason == reason);
}

}  // namespace

TEST_CASE("check-worthy claims") {
  SUBCASE("casualty figures") {
    check_one("The blast [[killed 14 workers]] at the plant.", "a casualty figure");
    check_one("[[At least nine people died]] in the flood.", "a casualty figure");
    check_one("By noon [[31 were confirmed dead]].", "a casualty figure");
    check_one("The storm [[injured twenty]] in the valley.", "a casualty figure");
    check_one("The death [[toll rose to 40]] on Sunday.", "a casualty figure");
    check_one("[[Thirty four miners died]] in the shaft.", "a casualty figure");
    check_one("All [[189 on the plane died]] at sea.", "a casualty figure");
  }
  SUBCASE("counts of losses and of people") {
    check_one("The unit lost [[four tanks and two armored trucks]] near the river.",
              "a count of losses or damage");
    check_one("Police [[arrested 56 protesters]] in the square.", "a count of people");
    check_one("[[About 3,000 residents were evacuated]] from the coast.", "a count of people");
  }
  SUBCASE("records") {
    check_one("It was [[the deadliest]] crash on the line.", "a record or superlative");
    check_one("The quake was [[the strongest since 1952]] in the region.",
              "a record or superlative");
    check_one("Wheat hit [[a record high]] in March.", "a record or superlative");
  }
  SUBCASE("accusations and causes") {
    check_one("The attack was [[blamed on the militia]].", "an accusation");
    check_one("The group [[was responsible for]] the bombing of the depot.", "an accusation");
    check_one("The fire was [[caused by]] a faulty heater.", "a cause");
  }
  SUBCASE("statistics") {
    check_one("Exports [[fell 4.5 percent]] in May.", "a statistic");
  }
  SUBCASE("the weightiest reason comes first") {
    check_one("Sales fell 4 percent, [[the worst in decades]].", "a record or superlative");
    check_one("The storm, the worst in decades, [[killed 12 fishermen]].", "a casualty figure");
  }
}

TEST_CASE("not check-worthy") {
  SUBCASE("a year, an age, a time") {
    CHECK(claims_of("The poet died in 1998 in her village.").empty());
    CHECK(claims_of("The poet died aged 88 at home.").empty());
    CHECK(claims_of("The actor was 97 and died at home.").empty());
  }
  SUBCASE("a question and a headline") {
    CHECK(claims_of("Were 40 people killed in the fire?").empty());
    CHECK(claims_of("Fire kills 40 in port city\n\nThe port reopened.").empty());
  }
  SUBCASE("a name, a rate, a threshold") {
    CHECK(claims_of("The singer of the band Grateful Dead was 78 then.").empty());
    CHECK(claims_of("There were four deaths per 100,000 residents.").empty());
    CHECK(claims_of("A mass shooting is one where four or more people are killed.").empty());
  }
  SUBCASE("bodies that are not dead ones") {
    CHECK(claims_of("It is one of five leading research bodies in the state.").empty());
  }
  SUBCASE("a vague count") {
    CHECK(claims_of("Dozens died in the attack on the base.").empty());
  }
  SUBCASE("background of a dated past event") {
    CHECK(claims_of("The typhoon, which killed 600 people in 2013, hit the same coast.").empty());
  }
  SUBCASE("a plain superlative and an ordinal") {
    CHECK(claims_of("Lyon is the largest city in the region.").empty());
    CHECK(claims_of("It was the first time since 2011 the team won.").empty());
  }
  SUBCASE("the house list of things that are never claims") {
    copydesk::analyzers::Document document;
    document.text = "The blast killed 14 workers at the plant.";
    copydesk::analyzers::AnalysisOptions options;
    options.settings.lists.not_claims = {"Killed 14"};
    CHECK(copydesk::analyzers::analyze(document, options).annotations.claims.empty());
  }
}
