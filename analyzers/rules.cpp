#include "analyzers/rules.hpp"

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

extern const std::string_view kRulesMarkdown;  // docs/rules.md, embedded by CMake

const std::vector<RuleInfo>& rule_catalog() {
  // Adding a rule: its check in analyzers/rules/, one line here, its section in docs/rules.md.
  static const std::vector<RuleInfo> catalog = {
      {"quotes.unbalanced", Severity::warning, true,
       "Double quotation marks that are never closed, closed without opening, or mismatched.",
       &check_quotes_unbalanced},
      {"suppression.unused", Severity::info, true,
       "A copydesk-disable comment that suppresses nothing.", nullptr},
  };
  return catalog;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& rule : rule_catalog())
    if (rule.id == id) return &rule;
  return nullptr;
}

std::string rule_doc_url(std::string_view id) {
  // GitHub's heading anchors drop the dot: "## quotes.unbalanced" -> #quotesunbalanced.
  std::string anchor;
  for (char c : id)
    if (c != '.') anchor += c;
  return "https://github.com/copydesk/copydesk/blob/main/docs/rules.md#" + anchor;
}

std::string_view rule_doc(std::string_view id) {
  std::string heading = "\n## " + std::string(id) + "\n";
  std::size_t start = kRulesMarkdown.find(heading);
  if (start == std::string_view::npos) return {};
  start += 1;
  std::size_t end = kRulesMarkdown.find("\n## ", start + heading.size() - 1);
  if (end == std::string_view::npos) end = kRulesMarkdown.size();
  return kRulesMarkdown.substr(start, end + 1 - start);
}

}  // namespace copydesk::analyzers
