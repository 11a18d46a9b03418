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
      {"dates.weekday-mismatch", Severity::warning, true,
       "A weekday beside a date that falls on another day: \"Tuesday, March 13, 2024\".",
       &check_dates_weekday_mismatch},
      {"dates.invalid", Severity::error, true,
       "A date that does not exist: \"February 30\", \"2023-02-29\".", &check_dates_invalid},
      {"dates.timezone-mismatch", Severity::warning, true,
       "A time restated in another zone that does not convert: \"3 am Moscow time (0100 GMT)\".",
       &check_dates_timezone_mismatch},
      {"dates.relative-unanchored", Severity::info, true,
       "Relative dates (\"Tuesday\", \"last week\") in an article with no dateline.",
       &check_dates_relative_unanchored},
      {"dates.ambiguous-weekday", Severity::info, false,
       "\"last Tuesday\" in copy dated a Tuesday or Wednesday, which readers take two ways.",
       &check_dates_ambiguous_weekday},
      {"claims.unattributed", Severity::warning, true,
       "A check-worthy claim (a casualty figure, a record, an accusation) that no source covers.",
       &check_claims_unattributed},
      {"claims.hedged", Severity::info, true,
       "A hedge that names no one: \"reportedly\" with no \"according to\" in sight.",
       &check_claims_hedged},
      {"claims.unverified", Severity::info, true,
       "A claim the copy itself says could not be verified, shown with its caveat.",
       &check_claims_unverified},
      {"claims.weasel", Severity::warning, true,
       "A claim credited to no one by name: \"some experts say\", \"critics argue\".",
       &check_claims_weasel},
      {"claims.conflicting-figures", Severity::warning, true,
       "The same quantity of the same thing given two numbers that cannot both be right.",
       &check_claims_conflicting_figures},
      {"attribution.unattributed-quote", Severity::warning, true,
       "A direct quotation with no speaker in its sentence, the next ones, or its paragraph.",
       &check_attribution_unattributed_quote},
      {"attribution.anonymous-source", Severity::info, true,
       "An unnamed source (\"officials\", \"a person familiar with\"), counted per document.",
       &check_attribution_anonymous_source},
      {"attribution.loaded-verb", Severity::info, true,
       "\"claimed\", \"admitted\", \"insisted\" for a source's words where \"said\" is neutral.",
       &check_attribution_loaded_verb},
      {"names.inconsistent-spelling", Severity::warning, true,
       "One name spelled two ways in a document: \"Andrii Yusov\" and \"Andriy Yusov\".",
       &check_names_inconsistent_spelling},
      {"names.first-reference", Severity::info, false,
       "A person first named by surname only, before or without the full name.",
       &check_names_first_reference},
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
