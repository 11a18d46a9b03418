// attribution.anonymous-source: attributions to unnamed people ("officials", "sources", "a
// person familiar with the talks"), with how many the document has, so an editor can weigh them.
#include "analyzers/attributions/attributions.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_attribution_anonymous_source(const RuleContext& context,
                                        std::vector<Finding>& findings) {
  const auto& attributions = context.annotations.attributions;
  std::size_t count = 0;
  for (const Attribution& attribution : attributions)
    if (attribution.source && attribution.source->kind == SourceKind::anonymous) ++count;
  if (count == 0) return;
  std::string total =
      count == 1 ? "the only one in this document" : std::to_string(count) + " in this document";
  for (const Attribution& attribution : attributions) {
    if (!attribution.source || attribution.source->kind != SourceKind::anonymous) continue;
    const Span span = attribution.source->span;
    std::string words = context.document.text.substr(span.start, span.size());
    for (char& c : words)
      if (c == '\n' || c == '\r') c = ' ';
    while (!words.empty() && (words.back() == ',' || words.back() == ' '))
      words.pop_back();
    Finding finding;
    finding.rule = "attribution.anonymous-source";
    finding.severity = Severity::info;
    finding.message = "Anonymous source “" + words + "” (" + total + ").";
    finding.span = span;
    findings.push_back(std::move(finding));
  }
}

}  // namespace copydesk::analyzers
