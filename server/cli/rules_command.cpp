#include "server/cli/rules_command.hpp"

#include "analyzers/config.hpp"

#include <algorithm>
#include <ostream>

namespace copydesk::server::cli {

namespace {

std::string severity_column(const analyzers::RuleInfo& rule) {
  std::string text = analyzers::to_string(rule.default_severity);
  if (!rule.enabled_by_default) text += " (off by default)";
  return text;
}

}  // namespace

std::string format_rule_list(const std::vector<analyzers::RuleInfo>& catalog) {
  std::size_t id_width = 0, severity_width = 0;
  for (const analyzers::RuleInfo& rule : catalog) {
    id_width = std::max(id_width, rule.id.size());
    severity_width = std::max(severity_width, severity_column(rule).size());
  }
  std::string out;
  for (const analyzers::RuleInfo& rule : catalog) {
    const std::string severity = severity_column(rule);
    out += rule.id;
    out.append(id_width - rule.id.size() + 2, ' ');
    out += severity;
    out.append(severity_width - severity.size() + 2, ' ');
    out += rule.summary;
    out += '\n';
  }
  return out;
}

int run_rules(std::ostream& out) {
  out << format_rule_list(analyzers::rule_catalog());
  return 0;
}

int run_explain(std::string_view id, std::ostream& out, std::ostream& err) {
  const analyzers::RuleInfo* rule = analyzers::find_rule(id);
  if (rule == nullptr) {
    err << "copydesk: unknown rule '" << id << "'";
    const std::string_view suggestion = analyzers::suggest_rule_id(id);
    if (!suggestion.empty()) err << "; did you mean '" << suggestion << "'?";
    err << "\n(`copydesk rules` lists them)\n";
    return 2;
  }
  const std::string_view doc = analyzers::rule_doc(id);
  if (doc.empty()) {
    out << rule->id << ": " << rule->summary << "\n";
  } else {
    out << doc;
    if (!doc.ends_with('\n')) out << '\n';
  }
  out << "\n" << analyzers::rule_doc_url(id) << "\n";
  return 0;
}

}  // namespace copydesk::server::cli
