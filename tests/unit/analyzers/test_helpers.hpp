// Helpers for rule tests, in the manner of clangd's Annotations: mark the expected span inside the
// input with [[ and ]], e.g. `He said [["]]we will go.`, and compare against what a rule found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/engine.hpp"

namespace copydesk::testing {

struct AnnotatedText {
  std::string text;                     // the input with the markers removed
  std::vector<analyzers::Span> ranges;  // the marked spans, in order
};

AnnotatedText parse_annotations(std::string_view marked);

// Analyzes `text` as plain text (or Markdown with `markdown`) with default settings and returns
// the findings of `rule`.
std::vector<analyzers::Finding> findings_of(std::string_view rule, const std::string& text,
                                            bool markdown = false);

// The spans of `rule`'s findings in `marked` text must be exactly the marked ones.
void check_rule(std::string_view rule, std::string_view marked, bool markdown = false);

}  // namespace copydesk::testing
