// attribution.loaded-verb: "claimed", "admitted", "insisted", "conceded", "refuted", "confessed"
// for a source's words cast doubt or guilt that the neutral "said" does not. Only where the
// verb reports words (a clause or a quotation): "claimed responsibility" is left alone. The fix
// keeps the inflection: claims -> says, claimed -> said, claiming -> saying.
#include "analyzers/attributions/attributions.hpp"
#include "analyzers/attributions/lexicon.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_attribution_loaded_verb(const RuleContext& context, std::vector<Finding>& findings) {
  if (!context.attribution_analysis) return;
  const auto& details = context.attribution_analysis->details;
  const auto& attributions = context.annotations.attributions;
  for (std::size_t i = 0; i < attributions.size() && i < details.size(); ++i) {
    const attributions::AttributionDetail& detail = details[i];
    if (!detail.loaded || !detail.reports_words || !attributions[i].source) continue;
    std::string verb = context.document.text.substr(detail.verb.start, detail.verb.size());
    Finding finding;
    finding.rule = "attribution.loaded-verb";
    finding.severity = Severity::info;
    finding.message = "“" + verb + "” judges the source's words; house style prefers “said”.";
    finding.span = detail.verb;
    std::string replacement(attributions::neutral_replacement(detail.form));
    if (!replacement.empty() && !detail.infinitive_content) {
      if (!verb.empty() && verb[0] >= 'A' && verb[0] <= 'Z')
        replacement[0] = static_cast<char>(replacement[0] - 'a' + 'A');
      finding.fixes.push_back({"Replace with “" + replacement + "”", {{detail.verb, replacement}}});
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace copydesk::analyzers
