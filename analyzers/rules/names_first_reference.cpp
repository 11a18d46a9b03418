// names.first-reference: a person first named by surname alone ("Yusov said") before, or
// without, the full name that news style wants on first reference.
#include <set>
#include <string>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_names_first_reference(const RuleContext& context, std::vector<Finding>& findings) {
  if (!context.attribution_analysis) return;
  const auto& names = context.attribution_analysis->names;
  std::set<std::string> reported;  // one finding per person
  for (const Attribution& attribution : context.annotations.attributions) {
    if (!attribution.source || attribution.source->kind != SourceKind::person) continue;
    const std::string& canonical = attribution.source->canonical;
    // Resolved to a full name met earlier, or a pronoun: nothing to say.
    if (canonical.empty() || canonical.find(' ') != std::string::npos) continue;
    if (!(canonical[0] >= 'A' && canonical[0] <= 'Z')) continue;
    const Span span = attribution.source->span;
    std::string_view written =
        std::string_view(context.document.text).substr(span.start, span.size());
    if (written.find(canonical) == std::string_view::npos) continue;  // "he", "who"
    if (canonical == "I" || !reported.insert(canonical).second) continue;
    Finding finding;
    finding.rule = "names.first-reference";
    finding.severity = Severity::info;
    finding.span = span;
    std::string key = attributions::spelling_key(canonical);
    const attributions::NameMention* full = nullptr;
    for (const auto& name : names)
      if (name.span.start > span.start && name.text.find(' ') != std::string::npos &&
          name.kind == attributions::NameKind::person &&
          attributions::spelling_key(name.surname) == key) {
        full = &name;
        break;
      }
    if (full) {
      finding.message = "“" + canonical + "” is named in full only later (“" + full->text +
                        "”): give the full name on first reference.";
      finding.related.push_back({full->span, "full name here", ""});
    } else {
      finding.message = "“" + canonical +
                        "” is never named in full: give the full name on "
                        "first reference.";
    }
    findings.push_back(std::move(finding));
  }
}

}  // namespace copydesk::analyzers
