#include <doctest/doctest.h>

#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

using namespace copydesk::analyzers;

namespace {
constexpr std::string_view kRule = "names.first-reference";

// The rule is off by default: turn it on.
std::vector<Span> spans_of(const std::string& text) {
  Document document;
  document.text = text;
  AnalysisOptions options;
  options.settings.rules[std::string(kRule)] = RuleSetting{true, std::nullopt};
  Analysis analysis = analyze(document, options);
  std::vector<Span> spans;
  for (const Finding& finding : analysis.findings)
    if (finding.rule == kRule) spans.push_back(finding.span);
  return spans;
}

void check(std::string_view marked) {
  auto input = copydesk::testing::parse_annotations(marked);
  INFO("input: ", input.text);
  CHECK(spans_of(input.text) == input.ranges);
}
}  // namespace

TEST_CASE("names.first-reference flags") {
  SUBCASE("surname first, full name later") {
    check("[[Petrenko]] said the units were local. Andrii Petrenko is the spokesperson.");
  }
  SUBCASE("surname only") {
    check("[[Petrenko]] said the units were local.");
  }
}

TEST_CASE("names.first-reference near-misses") {
  SUBCASE("full name first") {
    check("Andrii Petrenko said the units were local. Petrenko added more.");
  }
  SUBCASE("off by default") {
    auto found = copydesk::testing::findings_of(kRule, "Petrenko said the units were local.");
    CHECK(found.empty());
  }
}

TEST_CASE("names.first-reference: the full name found is the first one after the surname") {
  // Several people share the surname; the related span is the nearest full name that follows.
  const std::string text =
      "Novak said the talks had failed. Later, Ivana Novak, the envoy, said they would resume. "
      "Petra Novak, her sister, declined to comment.";
  Document document;
  document.text = text;
  AnalysisOptions options;
  options.settings.rules[std::string(kRule)] = RuleSetting{true, std::nullopt};
  std::vector<Finding> found;
  for (Finding& finding : analyze(document, options).findings)
    if (finding.rule == kRule) found.push_back(std::move(finding));
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].related.size() == 1);
  CHECK(text.substr(found[0].related[0].span.start, found[0].related[0].span.size()) ==
        "Ivana Novak");
}
