// claims.hedged: a hedge that passes on what someone says without naming them ("reportedly",
// "allegedly", "it is believed", "is said to", "according to reports") in a sentence that names
// no source either.
#include <string>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "claims.hedged";

}  // namespace

void check_claims_hedged(const RuleContext& context, std::vector<Finding>& findings) {
  std::string_view text = context.document.text;
  for (const Hedge& hedge : context.annotations.hedges) {
    // Weasels have their own rule; epistemic hedges ("may", "likely") qualify, they do not
    // report.
    if (!hedge.impersonal || hedge.sourced || hedge.kind == "weasel") continue;
    Finding f;
    f.rule = std::string(kRule);
    f.severity = Severity::info;
    f.span = hedge.span;
    f.message = "'" + std::string(text.substr(hedge.span.start, hedge.span.size())) +
                "' names no one: say who reports it, or check it and drop the hedge.";
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
