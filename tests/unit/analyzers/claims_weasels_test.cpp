// Weasel attributions (analyzers/claims/weasels.cpp): claims credited to people nobody can call
// back, found as hedges of kind weasel.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/engine.hpp"

namespace {

std::vector<std::string> weasels_of(const std::string& text) {
  copydesk::analyzers::Document document;
  document.text = text;
  auto analysis = copydesk::analyzers::analyze(document, {});
  std::vector<std::string> out;
  for (const auto& hedge : analysis.annotations.hedges)
    if (hedge.kind == "weasel") out.push_back(text.substr(hedge.span.start, hedge.span.size()));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("weasels: found") {
  CHECK(weasels_of("Some experts say the dam is unsafe.") == Strings{"Some experts say"});
  CHECK(weasels_of("Critics argue the tax hurts farmers.") == Strings{"Critics argue"});
  CHECK(weasels_of("Many believe the mine will reopen.") == Strings{"Many believe"});
  CHECK(weasels_of("It is widely thought the mayor will run.") == Strings{"It is widely thought"});
  CHECK(weasels_of("The bridge is unsafe, experts warn.") == Strings{"experts warn"});
  CHECK(weasels_of("The bridge is unsafe, say observers.") == Strings{"say observers"});
  CHECK(weasels_of("Several political analysts said the vote was close.") ==
        Strings{"Several political analysts said"});
  CHECK(weasels_of("There are those who say the river is rising.") ==
        Strings{"There are those who say"});
}

TEST_CASE("weasels: near-misses") {
  SUBCASE("a named expert") {
    CHECK(weasels_of("Flood expert Ana Ruiz says the dam is unsafe.").empty());
  }
  SUBCASE("bare analysts and officials are left to the attribution rules") {
    CHECK(weasels_of("Analysts said the bank would cut rates.").empty());
    CHECK(weasels_of("Officials said the road was closed.").empty());
  }
  SUBCASE("some with a past verb is usually witnesses") {
    CHECK(weasels_of("Some said they heard two blasts.").empty());
  }
  SUBCASE("a quantifier that is not the subject") {
    CHECK(weasels_of("The plan was put to some experts for review.").empty());
  }
  SUBCASE("widely known is a fact") {
    CHECK(weasels_of("She was widely known as a painter.").empty());
  }
}
