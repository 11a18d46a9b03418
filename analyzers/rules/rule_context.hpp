// What a rule check sees: the document and everything computed from it once. Checks only read.
#pragma once

#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/config.hpp"
#include "analyzers/document.hpp"
#include "analyzers/prose.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {

struct RuleContext {
  const Document& document;
  const Dateline& dateline;
  const ProseView& prose;
  const Segmentation& segmentation;
  const Annotations& annotations;
  const EffectiveSettings& settings;
};

// Each rule's check, defined in its own file under analyzers/rules/. A check appends findings
// with the rule's id; the engine applies configured severities and suppressions afterwards.
void check_quotes_unbalanced(const RuleContext& context, std::vector<Finding>& findings);

}  // namespace copydesk::analyzers
