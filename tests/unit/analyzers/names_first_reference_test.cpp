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
