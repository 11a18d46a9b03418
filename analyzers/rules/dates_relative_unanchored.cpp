// dates.relative-unanchored: relative dates ("Tuesday", "last week", "three days ago") in an
// article with no dateline to resolve them against. One finding per article, at the first.
#include <string>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_dates_relative_unanchored(const RuleContext& context, std::vector<Finding>& findings) {
  if (context.dateline.date) return;
  for (const DateMention& m : context.annotations.dates) {
    if (!m.relative) continue;
    std::string words = context.document.text.substr(m.span.start, m.span.size());
    Finding f;
    f.rule = "dates.relative-unanchored";
    f.severity = Severity::info;
    f.span = m.span;
    f.message = "\"" + words +
                "\" and other relative dates cannot be resolved: the article has no dateline. "
                "Add a first line `date YYYY-MM-DD`, a front matter `date:`, pass "
                "--dateline YYYY-MM-DD, or set `dateline` in .copydesk.toml.";
    findings.push_back(std::move(f));
    return;
  }
}

}  // namespace copydesk::analyzers
