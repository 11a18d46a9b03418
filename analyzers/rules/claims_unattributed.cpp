// claims.unattributed: a check-worthy claim (a casualty figure, a count of losses or arrests, a
// record, an accusation, a cause, a statistic) that no attribution covers, no hedge qualifies and
// no caveat marks: the copy asserts it on its own word.
#include <string>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "claims.unattributed";

// What the editor should ask for, by what makes the claim check-worthy.
std::string ask_for(std::string_view reason) {
  if (reason.find("figure") != std::string_view::npos ||
      reason.find("count") != std::string_view::npos ||
      reason.find("statistic") != std::string_view::npos)
    return "say who gives the number";
  if (reason.find("record") != std::string_view::npos) return "say who says so";
  if (reason.find("accusation") != std::string_view::npos) return "say who makes it";
  if (reason.find("cause") != std::string_view::npos) return "say who found it";
  return "say who reports it";
}

}  // namespace

void check_claims_unattributed(const RuleContext& context, std::vector<Finding>& findings) {
  for (const Claim& claim : context.annotations.claims) {
    if (claim.status != ClaimStatus::unattributed || claim.reasons.empty()) continue;
    // Statistics are annotated, not flagged: wire copy states them on the strength of the
    // release the story is about, usually named once for the whole story. (Reasons come by
    // weight, so a statistic first means nothing weightier.)
    if (claim.reasons.front() == "a statistic") continue;
    std::string reason = claim.reasons.front();
    std::string capitalized = reason;
    if (!capitalized.empty() && capitalized[0] >= 'a' && capitalized[0] <= 'z')
      capitalized[0] = static_cast<char>(capitalized[0] - 'a' + 'A');
    Finding f;
    f.rule = std::string(kRule);
    f.severity = Severity::warning;
    f.span = claim.focus.empty() ? claim.span : claim.focus;
    f.message = capitalized + " with no source: " + ask_for(reason) + ".";
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
