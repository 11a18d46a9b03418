// claims.weasel: a claim credited to people no reader can call back: "some experts say",
// "critics argue", "many believe", "it is widely thought".
#include <string>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "claims.weasel";

}  // namespace

void check_claims_weasel(const RuleContext& context, std::vector<Finding>& findings) {
  std::string_view text = context.document.text;
  for (const Hedge& hedge : context.annotations.hedges) {
    if (hedge.kind != "weasel" || hedge.sourced) continue;
    Finding f;
    f.rule = std::string(kRule);
    f.severity = Severity::warning;
    f.span = hedge.span;
    f.message = "'" + std::string(text.substr(hedge.span.start, hedge.span.size())) +
                "' credits no one by name: name who says it, or drop the claim.";
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
