// `copydesk rules` (the catalog, one rule a line) and `copydesk explain RULE` (a rule's
// documentation).
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/rules.hpp"

namespace copydesk::server::cli {

// Each rule's id, default severity ("off by default" where so) and summary, in aligned columns.
std::string format_rule_list(const std::vector<analyzers::RuleInfo>& catalog);

int run_rules(std::ostream& out);
// Exit code 2 for an unknown id, with a suggestion on `err`.
int run_explain(std::string_view id, std::ostream& out, std::ostream& err);

}  // namespace copydesk::server::cli
