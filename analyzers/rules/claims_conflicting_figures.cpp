// claims.conflicting-figures: the same quantity of the same thing given two numbers that cannot
// both be right ("killed 12" and later "15 people were killed"), on the copy's own word or by
// the same source. The cross-document case is claims::cross_document_conflicts().
#include "analyzers/claims/conflicts.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_claims_conflicting_figures(const RuleContext& context, std::vector<Finding>& findings) {
  for (Finding& f :
       claims::conflicting_figures(context.prose.prose, context.segmentation, context.annotations))
    findings.push_back(std::move(f));
}

}  // namespace copydesk::analyzers
