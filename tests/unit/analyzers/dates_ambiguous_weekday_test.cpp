#include <doctest/doctest.h>

#include <string>

#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

using namespace copydesk::analyzers;

namespace {

constexpr std::string_view kRule = "dates.ambiguous-weekday";

// The rule is off by default: these tests turn it on.
std::vector<Finding> findings(const std::string& text) {
  Document document;
  document.text = text;
  AnalysisOptions options;
  options.settings.rules[std::string(kRule)] = RuleSetting{true, std::nullopt};
  std::vector<Finding> result;
  for (Finding& finding : analyze(document, options).findings)
    if (finding.rule == kRule) result.push_back(finding);
  return result;
}

void check(std::string_view marked) {
  copydesk::testing::AnnotatedText input = copydesk::testing::parse_annotations(marked);
  std::vector<Span> spans;
  for (const Finding& finding : findings(input.text))
    spans.push_back(finding.span);
  INFO("input: ", input.text);
  CHECK(spans == input.ranges);
}

}  // namespace

TEST_CASE("dates.ambiguous-weekday flags") {
  SUBCASE("last Tuesday, written on a Wednesday") {
    check("date 2024-03-13\nThe army said it struck [[last Tuesday]].");
  }
  SUBCASE("last Tuesday, written on a Tuesday") {
    check("date 2024-03-12\nThe army said it struck [[last Tuesday]].");
  }
  SUBCASE("the message gives both readings and the fixes name each") {
    auto found = findings("date 2024-03-13\nThe army said it struck last Tuesday.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.find("March 12") != std::string::npos);
    CHECK(found[0].message.find("March 5") != std::string::npos);
    REQUIRE(found[0].fixes.size() == 2);
    CHECK(found[0].fixes[0].edits[0].replacement == "March 12");
  }
}

TEST_CASE("dates.ambiguous-weekday near-misses") {
  SUBCASE("off by default") {
    CHECK(
        copydesk::testing::findings_of(kRule, "date 2024-03-13\nIt struck last Tuesday.").empty());
  }
  SUBCASE("last Tuesday, written on a Friday") {
    check("date 2024-03-15\nThe army said it struck last Tuesday.");
  }
  SUBCASE("a plain Tuesday, and last Tuesday with its date") {
    check("date 2024-03-13\nIt struck on Tuesday and last Tuesday, March 12.");
  }
}
