// The rule catalog: every finding comes from a rule with a stable id (area.name), a default
// severity and a documentation page. Rules are data here; each rule's check lives in its own file
// under analyzers/rules/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"

namespace copydesk::analyzers {

struct RuleContext;
using RuleCheck = void (*)(const RuleContext&, std::vector<Finding>&);

struct RuleInfo {
  std::string_view id;
  Severity default_severity;
  bool enabled_by_default;
  std::string_view summary;  // one line
  RuleCheck check;           // nullptr for findings the engine itself raises
};

const std::vector<RuleInfo>& rule_catalog();
const RuleInfo* find_rule(std::string_view id);
// The rule's section in docs/rules.md on the project site.
std::string rule_doc_url(std::string_view id);
// The rule's documentation (its section of docs/rules.md, embedded at build time); empty if none.
std::string_view rule_doc(std::string_view id);

}  // namespace copydesk::analyzers
