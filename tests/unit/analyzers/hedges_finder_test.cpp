// The hedge finder (analyzers/claims/hedges.cpp) through the engine: which words are hedges, of
// which kind, and which look-alikes are not.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

namespace {

using copydesk::analyzers::Analysis;
using copydesk::analyzers::Document;
using copydesk::analyzers::Hedge;

Analysis analyze_text(const std::string& text, std::vector<std::string> house_hedges = {}) {
  Document document;
  document.text = text;
  copydesk::analyzers::AnalysisOptions options;
  options.settings.lists.hedges = std::move(house_hedges);
  return copydesk::analyzers::analyze(document, options);
}

// "text:kind" for every hedge.
std::vector<std::string> hedges_of(const std::string& text,
                                   std::vector<std::string> house_hedges = {}) {
  Analysis analysis = analyze_text(text, std::move(house_hedges));
  std::vector<std::string> out;
  for (const Hedge& hedge : analysis.annotations.hedges)
    out.push_back(text.substr(hedge.span.start, hedge.span.size()) + ":" + hedge.kind);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("hedges: kinds") {
  CHECK(hedges_of("The mayor may resign.") == Strings{"may:epistemic"});
  CHECK(hedges_of("The bridge probably collapsed overnight.") == Strings{"probably:epistemic"});
  CHECK(hedges_of("Police believe the fire was set.") == Strings{"believe:doxastic"});
  CHECK(hedges_of("It is unclear whether the dam held.") ==
        Strings{"unclear:investigation", "whether:investigation"});
  CHECK(hedges_of("The port will close if the storm turns.") == Strings{"if:condition"});
  CHECK(hedges_of("The convoy was reportedly hit twice.") == Strings{"reportedly:reported"});
  CHECK(hedges_of("The general is said to have fled.") == Strings{"is said to:reported"});
  CHECK(hedges_of("It is believed the ferry sank at night.") == Strings{"It is believed:doxastic"});
  CHECK(hedges_of("Rebels, supposedly from the north, crossed the river.") ==
        Strings{"supposedly:reported"});
  CHECK(hedges_of("A clip purporting to show the raid spread quickly.") ==
        Strings{"purporting to:reported"});
  CHECK(hedges_of("According to reports, the border is shut.") ==
        Strings{"According to reports:reported"});
  CHECK(hedges_of("Unconfirmed accounts put the toll higher.") == Strings{"Unconfirmed:reported"});
  CHECK(hedges_of("The result remains to be seen.") == Strings{"remains to be seen:investigation"});
}

TEST_CASE("hedges: impersonal ones are marked") {
  Analysis analysis = analyze_text("The shop reportedly closed. The owner may sell it.");
  REQUIRE(analysis.annotations.hedges.size() == 2);
  CHECK(analysis.annotations.hedges[0].impersonal);
  CHECK_FALSE(analysis.annotations.hedges[1].impersonal);
}

TEST_CASE("hedges: look-alikes that are not hedges") {
  SUBCASE("the month May") {
    CHECK(hedges_of("The vote is set for 4 May in the capital.").empty());
  }
  SUBCASE("a noun might") {
    CHECK(hedges_of("The display of military might drew crowds.").empty());
  }
  SUBCASE("could not is ability") {
    CHECK(hedges_of("Rescuers could not reach the hut.").empty());
  }
  SUBCASE("appeared in court") {
    CHECK(hedges_of("The driver appeared in court on Monday.").empty());
  }
  SUBCASE("possible as ability") {
    CHECK(hedges_of("Crews worked as fast as possible.").empty());
    CHECK(hedges_of("The grant made the rebuild possible.").empty());
  }
  SUBCASE("the suspect") {
    CHECK(hedges_of("The suspect was detained in a flat.").empty());
  }
  SUBCASE("expected as an adjective") {
    CHECK(hedges_of("The firm booked expected losses.").empty());
    CHECK(hedges_of("Sales were higher than expected.").empty());
  }
  SUBCASE("assume office") {
    CHECK(hedges_of("She will assume office next week.").empty());
  }
  SUBCASE("unconfirmed by a legislature") {
    CHECK(hedges_of("The nominee remains unconfirmed by the senate.").empty());
  }
  SUBCASE("supposed to as obligation") {
    CHECK(hedges_of("The train was supposed to leave at noon.").empty());
  }
  SUBCASE("headlines in capitals") {
    CHECK(hedges_of("PORT MAY CLOSE\n\nThe port shut.").empty());
  }
}

TEST_CASE("hedges: house list adds words") {
  CHECK(hedges_of("The plan is mooted for spring.").empty());
  CHECK(hedges_of("The plan is mooted for spring.", {"Mooted"}) == Strings{"mooted:epistemic"});
  CHECK(hedges_of("Word on the street says the mill will close.", {"word on the street"}) ==
        Strings{"Word on the street:epistemic"});
}
