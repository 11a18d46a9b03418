// names.inconsistent-spelling: one person or body spelled two ways in a document ("Andrii Yusov"
// and "Andriy Yusov"). Points at the other spelling; when the house list names the house
// spelling, the fix writes it.
#include "analyzers/attributions/attributions.hpp"
#include "analyzers/attributions/spelling.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_names_inconsistent_spelling(const RuleContext& context, std::vector<Finding>& findings) {
  if (!context.attribution_analysis) return;
  std::vector<attributions::SpellingVariant> variants = attributions::find_spelling_variants(
      context.prose.prose, context.attribution_analysis->names, context.settings.lists.spellings);
  for (const attributions::SpellingVariant& variant : variants) {
    Finding finding;
    finding.rule = "names.inconsistent-spelling";
    finding.severity = Severity::warning;
    finding.span = variant.span;
    if (variant.other_span.empty()) {
      finding.message = "House spelling is “" + variant.house + "”, not “" + variant.written + "”.";
    } else {
      finding.message =
          "“" + variant.written + "” is also spelled “" + variant.other + "” in this document.";
      finding.related.push_back({variant.other_span, "spelled “" + variant.other + "” here", ""});
    }
    if (!variant.house.empty())
      finding.fixes.push_back(
          {"Use the house spelling “" + variant.house + "”", {{variant.span, variant.house}}});
    findings.push_back(std::move(finding));
  }
}

}  // namespace copydesk::analyzers
