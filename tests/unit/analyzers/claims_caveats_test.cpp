// Verification caveats (analyzers/claims/caveats.cpp): each caveat marks the claim it qualifies
// unverified, often one in an earlier sentence.
#include <doctest/doctest.h>

#include <string>

#include "analyzers/engine.hpp"

namespace {

using copydesk::analyzers::Claim;
using copydesk::analyzers::ClaimStatus;

copydesk::analyzers::Analysis analyze_text(const std::string& text) {
  copydesk::analyzers::Document document;
  document.text = text;
  return copydesk::analyzers::analyze(document, {});
}

std::string text_of(const std::string& text, copydesk::analyzers::Span span) {
  return text.substr(span.start, span.size());
}

}  // namespace

TEST_CASE("caveats: a thing named in an earlier sentence") {
  std::string text =
      "The ferry sank at dawn.\n\nA militia posted photos online purporting to show its boats "
      "near the wreck. Its leader denied any role.\n\nThe authenticity of the photos could not "
      "be independently verified.";
  auto analysis = analyze_text(text);
  REQUIRE(analysis.annotations.claims.size() == 1);
  const Claim& claim = analysis.annotations.claims[0];
  CHECK(claim.status == ClaimStatus::unverified);
  CHECK(text_of(text, claim.focus) == "photos online purporting to show its boats near the wreck");
  REQUIRE(claim.caveat);
  CHECK(text_of(text, *claim.caveat) == "could not be independently verified");
}

TEST_CASE("caveats: a figure referred to as such") {
  std::string text =
      "The rebels said they killed 40 soldiers in the raid. The army denied it.\n\nThe figures "
      "could not be verified.";
  auto analysis = analyze_text(text);
  REQUIRE(analysis.annotations.claims.size() == 1);
  CHECK(analysis.annotations.claims[0].status == ClaimStatus::unverified);
  CHECK(text_of(text, analysis.annotations.claims[0].focus) == "killed 40 soldiers");
}

TEST_CASE("caveats: active voice names what it could not check") {
  std::string text =
      "A clip shows smoke over the depot. Our desk could not independently verify the clip.";
  auto analysis = analyze_text(text);
  REQUIRE(analysis.annotations.claims.size() == 1);
  CHECK(analysis.annotations.claims[0].status == ClaimStatus::unverified);
  CHECK(text_of(text, analysis.annotations.claims[0].focus) == "clip shows smoke over the depot");
}

TEST_CASE("caveats: in the claim's own sentence") {
  std::string text = "Villagers reported that 12 people drowned, which could not be confirmed.";
  auto analysis = analyze_text(text);
  REQUIRE(analysis.annotations.claims.size() == 1);
  CHECK(analysis.annotations.claims[0].status == ClaimStatus::unverified);
  CHECK(text_of(text, analysis.annotations.claims[0].focus) == "12 people drowned");
}

TEST_CASE("caveats: unconfirmed qualifies its own sentence") {
  std::string text = "Unconfirmed accounts said 30 people were killed in the village.";
  auto analysis = analyze_text(text);
  REQUIRE(analysis.annotations.claims.size() == 1);
  CHECK(analysis.annotations.claims[0].status == ClaimStatus::unverified);
}

TEST_CASE("caveats: none, no unverified claim") {
  auto analysis = analyze_text("The army said it killed 40 fighters. The rebels denied it.");
  REQUIRE(analysis.annotations.claims.size() == 1);
  CHECK(analysis.annotations.claims[0].status == ClaimStatus::attributed);
}
