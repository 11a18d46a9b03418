#include "server/code_lens.hpp"

#include <set>

namespace copydesk::server {

std::string claim_summary(const DocumentAnalysis& document) {
  const analyzers::Annotations& annotations = document.analysis.annotations;
  std::size_t attributed = 0, unverified = 0, unattributed = 0, hedged = 0;
  for (const analyzers::Claim& claim : annotations.claims) {
    switch (claim.status) {
      case analyzers::ClaimStatus::attributed:
        ++attributed;
        break;
      case analyzers::ClaimStatus::unverified:
        ++unverified;
        break;
      case analyzers::ClaimStatus::unattributed:
        ++unattributed;
        break;
      case analyzers::ClaimStatus::hedged:
        ++hedged;
        break;
    }
  }
  std::set<std::string> sources, anonymous;
  for (const analyzers::Attribution& attribution : annotations.attributions) {
    if (!attribution.source) continue;
    std::string name = attribution.source->canonical.empty()
                           ? std::string(document.text(attribution.source->span))
                           : attribution.source->canonical;
    sources.insert(name);
    if (attribution.source->kind == analyzers::SourceKind::anonymous) anonymous.insert(name);
  }
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string text = count(annotations.claims.size(), "claim", "claims") + " · " +
                     std::to_string(attributed) + " attributed · " + std::to_string(hedged) +
                     " hedged · " + std::to_string(unverified) + " unverified · " +
                     std::to_string(unattributed) + " unattributed · " +
                     count(sources.size(), "source", "sources");
  if (!anonymous.empty()) text += " (" + std::to_string(anonymous.size()) + " anonymous)";
  return text;
}

protocol::json summary_code_lens(const DocumentAnalysis& document) {
  return protocol::json::array(
      {{{"range", document.range({0, 0})},
        {"command", {{"title", claim_summary(document)}, {"command", ""}}}}});
}

}  // namespace copydesk::server
