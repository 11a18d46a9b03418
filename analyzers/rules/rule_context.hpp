// What a rule check sees: the document and everything computed from it once. Checks only read.
#pragma once

#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/config.hpp"
#include "analyzers/document.hpp"
#include "analyzers/prose.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {

namespace attributions {
struct AttributionAnalysis;
}  // namespace attributions

struct RuleContext {
  const Document& document;
  const Dateline& dateline;
  const ProseView& prose;
  const Segmentation& segmentation;
  const Annotations& annotations;
  const EffectiveSettings& settings;
  // The attribution recognizer's own findings beyond Annotations::attributions (its details,
  // every quotation, every name), for the attribution and names rules. Set by the engine.
  const attributions::AttributionAnalysis* attribution_analysis = nullptr;
};

// Each rule's check, defined in its own file under analyzers/rules/. A check appends findings
// with the rule's id; the engine applies configured severities and suppressions afterwards.
void check_quotes_unbalanced(const RuleContext& context, std::vector<Finding>& findings);
void check_dates_weekday_mismatch(const RuleContext& context, std::vector<Finding>& findings);
void check_dates_invalid(const RuleContext& context, std::vector<Finding>& findings);
void check_dates_timezone_mismatch(const RuleContext& context, std::vector<Finding>& findings);
void check_dates_relative_unanchored(const RuleContext& context, std::vector<Finding>& findings);
void check_dates_ambiguous_weekday(const RuleContext& context, std::vector<Finding>& findings);
void check_claims_unattributed(const RuleContext& context, std::vector<Finding>& findings);
void check_claims_hedged(const RuleContext& context, std::vector<Finding>& findings);
void check_claims_unverified(const RuleContext& context, std::vector<Finding>& findings);
void check_claims_weasel(const RuleContext& context, std::vector<Finding>& findings);
void check_claims_conflicting_figures(const RuleContext& context, std::vector<Finding>& findings);

void check_attribution_unattributed_quote(const RuleContext& context,
                                          std::vector<Finding>& findings);
void check_attribution_anonymous_source(const RuleContext& context, std::vector<Finding>& findings);
void check_attribution_loaded_verb(const RuleContext& context, std::vector<Finding>& findings);
void check_names_inconsistent_spelling(const RuleContext& context, std::vector<Finding>& findings);
void check_names_first_reference(const RuleContext& context, std::vector<Finding>& findings);

}  // namespace copydesk::analyzers
