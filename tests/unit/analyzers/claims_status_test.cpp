// Claim statuses (analyzers/claims/claims.cpp, support.cpp): attributed, hedged, unverified,
// unattributed, with the attribution a claim belongs to.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/engine.hpp"

namespace {

using copydesk::analyzers::ClaimStatus;

copydesk::analyzers::Analysis analyze_text(const std::string& text,
                                           copydesk::analyzers::HouseLists lists = {}) {
  copydesk::analyzers::Document document;
  document.text = text;
  copydesk::analyzers::AnalysisOptions options;
  options.settings.lists = std::move(lists);
  return copydesk::analyzers::analyze(document, options);
}

ClaimStatus status_of(const std::string& text, copydesk::analyzers::HouseLists lists = {}) {
  auto analysis = analyze_text(text, std::move(lists));
  REQUIRE(analysis.annotations.claims.size() == 1);
  return analysis.annotations.claims[0].status;
}

}  // namespace

TEST_CASE("claim status") {
  SUBCASE("attributed to a named source") {
    auto analysis = analyze_text("The ministry said the strike killed 17 fighters.");
    REQUIRE(analysis.annotations.claims.size() == 1);
    const auto& claim = analysis.annotations.claims[0];
    CHECK(claim.status == ClaimStatus::attributed);
    REQUIRE(claim.attribution);
    REQUIRE(*claim.attribution < analysis.annotations.attributions.size());
    CHECK(analysis.annotations.attributions[*claim.attribution].cue.start == 13);
  }
  SUBCASE("according to") {
    CHECK(status_of("According to the coroner, nine people died in the blaze.") ==
          ClaimStatus::attributed);
  }
  SUBCASE("inside a direct quotation") {
    CHECK(status_of("“Eleven of our men were killed,” the captain said.") ==
          ClaimStatus::attributed);
  }
  SUBCASE("a belief with a named subject") {
    CHECK(status_of("Police believe the fire was caused by a heater in the hall.") ==
          ClaimStatus::attributed);
  }
  SUBCASE("hedged") {
    CHECK(status_of("The crash reportedly killed seven.") == ClaimStatus::hedged);
    CHECK(status_of("If the dam fails, 200 homes could be destroyed.") == ClaimStatus::hedged);
  }
  SUBCASE("credited to a weasel") {
    auto analysis = analyze_text("Some experts say the floods killed 300 people.");
    REQUIRE(analysis.annotations.claims.size() == 1);
    CHECK(analysis.annotations.claims[0].status == ClaimStatus::hedged);
    CHECK(analysis.annotations.claims[0].reasons.back() ==
          "credited to no one by name: 'Some experts say'");
  }
  SUBCASE("unattributed") {
    auto analysis = analyze_text("The blast killed 14 workers at the plant.");
    REQUIRE(analysis.annotations.claims.size() == 1);
    CHECK(analysis.annotations.claims[0].status == ClaimStatus::unattributed);
    CHECK(analysis.annotations.claims[0].reasons == std::vector<std::string>{"a casualty figure"});
  }
  SUBCASE("a trusted source from the house list") {
    copydesk::analyzers::HouseLists lists;
    lists.trusted_sources = {"Daily Ledger"};
    CHECK(status_of("The blast killed 14 workers, the Daily Ledger has learned.", lists) ==
          ClaimStatus::attributed);
  }
}

TEST_CASE("hedges name their source or not") {
  SUBCASE("reportedly with no one named") {
    auto analysis = analyze_text("The mill reportedly closed in May.");
    REQUIRE(analysis.annotations.hedges.size() == 1);
    CHECK_FALSE(analysis.annotations.hedges[0].sourced);
  }
  SUBCASE("reportedly inside what a named source says") {
    auto analysis =
        analyze_text("The Harbor Gazette quoted the mayor as saying the mill reportedly closed.");
    REQUIRE(analysis.annotations.hedges.size() == 1);
    CHECK(analysis.annotations.hedges[0].sourced);
  }
  SUBCASE("reportedly in a sentence that is according to someone") {
    auto analysis = analyze_text("The mill reportedly closed, according to the Harbor Gazette.");
    REQUIRE(analysis.annotations.hedges.size() == 1);
    CHECK(analysis.annotations.hedges[0].sourced);
  }
}
