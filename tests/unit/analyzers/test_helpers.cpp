#include "tests/unit/analyzers/test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace copydesk::testing {

AnnotatedText parse_annotations(std::string_view marked) {
  AnnotatedText result;
  std::vector<std::uint32_t> open;
  for (std::size_t i = 0; i < marked.size(); ++i) {
    if (marked.substr(i, 2) == "[[") {
      open.push_back(static_cast<std::uint32_t>(result.text.size()));
      ++i;
    } else if (marked.substr(i, 2) == "]]" && !open.empty()) {
      result.ranges.push_back({open.back(), static_cast<std::uint32_t>(result.text.size())});
      open.pop_back();
      ++i;
    } else {
      result.text += marked[i];
    }
  }
  std::sort(result.ranges.begin(), result.ranges.end(),
            [](auto a, auto b) { return a.start < b.start; });
  return result;
}

std::vector<analyzers::Finding> findings_of(std::string_view rule, const std::string& text,
                                            bool markdown) {
  analyzers::Document document;
  document.text = text;
  document.format =
      markdown ? analyzers::DocumentFormat::markdown : analyzers::DocumentFormat::plain_text;
  analyzers::Analysis analysis = analyzers::analyze(document, {});
  std::vector<analyzers::Finding> result;
  for (auto& finding : analysis.findings)
    if (finding.rule == rule) result.push_back(finding);
  return result;
}

void check_rule(std::string_view rule, std::string_view marked, bool markdown) {
  AnnotatedText input = parse_annotations(marked);
  std::vector<analyzers::Finding> found = findings_of(rule, input.text, markdown);
  INFO("input: ", input.text);
  std::vector<analyzers::Span> spans;
  std::string messages;
  for (const auto& finding : found) {
    spans.push_back(finding.span);
    messages += "  " + std::to_string(finding.span.start) + "-" + std::to_string(finding.span.end) +
                ": " + finding.message + "\n";
  }
  INFO("found:\n", messages);
  CHECK(spans == input.ranges);
}

}  // namespace copydesk::testing
