// names.first-reference: a person first named by surname alone ("Yusov said") before, or
// without, the full name that news style wants on first reference.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_names_first_reference(const RuleContext& context, std::vector<Finding>& findings) {
  if (!context.attribution_analysis) return;
  const auto& names = context.attribution_analysis->names;
  std::set<std::string> reported;  // one finding per person
  // Full names of people by surname key, in document order: one lookup per finding, not a scan
  // of every name.
  std::unordered_map<std::string, std::vector<const attributions::NameMention*>> full_names;
  bool indexed = false;
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
    if (!indexed) {
      for (const auto& name : names)
        if (name.kind == attributions::NameKind::person && name.text.find(' ') != std::string::npos)
          full_names[attributions::spelling_key(name.surname)].push_back(&name);
      indexed = true;
    }
    const attributions::NameMention* full = nullptr;
    if (auto found = full_names.find(attributions::spelling_key(canonical));
        found != full_names.end()) {
      auto later = std::upper_bound(found->second.begin(), found->second.end(), span.start,
                                    [](std::uint32_t start, const attributions::NameMention* name) {
                                      return start < name->span.start;
                                    });
      if (later != found->second.end()) full = *later;
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
