#include "server/cli/rules_command.hpp"

#include <algorithm>
#include <ostream>

namespace copydesk::server::cli {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

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

std::string closest_rule_id(std::string_view id, const std::vector<analyzers::RuleInfo>& catalog) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (const analyzers::RuleInfo& rule : catalog) {
    const std::size_t distance = edit_distance(id, rule.id);
    if (best.empty() || distance < best_distance) {
      best = rule.id;
      best_distance = distance;
    }
  }
  // Past about a third of the id's length the "suggestion" is noise.
  const std::size_t limit = std::max<std::size_t>(2, id.size() / 3);
  // A bare name without its area ("unbalanced") still points at "quotes.unbalanced".
  if (best_distance > limit) {
    for (const analyzers::RuleInfo& rule : catalog)
      if (!id.empty() && rule.id.ends_with("." + std::string(id))) return std::string(rule.id);
    return {};
  }
  return std::string(best);
}

int run_rules(std::ostream& out) {
  out << format_rule_list(analyzers::rule_catalog());
  return 0;
}

int run_explain(std::string_view id, std::ostream& out, std::ostream& err) {
  const analyzers::RuleInfo* rule = analyzers::find_rule(id);
  if (rule == nullptr) {
    err << "copydesk: unknown rule '" << id << "'";
    const std::string suggestion = closest_rule_id(id, analyzers::rule_catalog());
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
