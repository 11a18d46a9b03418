// claims.unverified: a claim the copy itself says could not be verified ("The authenticity of
// the videos couldn't be independently verified"), shown where the claim is, with the caveat as
// related information, so an editor sees both together.
#include <string>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "claims.unverified";

}  // namespace

void check_claims_unverified(const RuleContext& context, std::vector<Finding>& findings) {
  std::string_view text = context.document.text;
  for (const Claim& claim : context.annotations.claims) {
    if (claim.status != ClaimStatus::unverified || !claim.caveat) continue;
    std::string caveat(text.substr(claim.caveat->start, claim.caveat->size()));
    Finding f;
    f.rule = std::string(kRule);
    f.severity = Severity::info;
    f.span = claim.focus.empty() ? claim.span : claim.focus;
    f.message = "Unverified claim: the copy says '" + caveat + "'.";
    if (claim.caveat->start >= f.span.end || claim.caveat->end <= f.span.start)
      f.related.push_back({*claim.caveat, "the caveat", ""});
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
