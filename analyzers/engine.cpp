#include "analyzers/engine.hpp"

#include <algorithm>
#include <chrono>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/claims/claims.hpp"
#include "analyzers/dateline.hpp"
#include "analyzers/dates/dates.hpp"
#include "analyzers/rules.hpp"
#include "analyzers/rules/rule_context.hpp"
#include "analyzers/suppression.hpp"

namespace copydesk::analyzers {
namespace {

// Each catalog rule's configured severity, nullopt when it is off: worked out once per analysis
// rather than per finding (a map lookup with a string built each time).
struct RuleSeverity {
  const RuleInfo* rule;
  std::optional<Severity> severity;
};

std::vector<RuleSeverity> rule_severities(const EffectiveSettings& settings) {
  std::vector<RuleSeverity> severities;
  severities.reserve(rule_catalog().size());
  for (const RuleInfo& rule : rule_catalog())
    severities.push_back({&rule, settings.severity_for(rule.id)});
  return severities;
}

// Applies configured severities and drops findings of rules that are off.
void apply_severities(const EffectiveSettings& settings,
                      const std::vector<RuleSeverity>& severities, std::vector<Finding>& findings) {
  std::erase_if(findings, [&](Finding& finding) {
    auto known = std::find_if(severities.begin(), severities.end(),
                              [&](const RuleSeverity& s) { return s.rule->id == finding.rule; });
    std::optional<Severity> severity =
        known != severities.end() ? known->severity : settings.severity_for(finding.rule);
    if (!severity) return true;
    finding.severity = *severity;
    return false;
  });
}

using Clock = std::chrono::steady_clock;

void stop_if_cancelled(const AnalysisOptions& options) {
  if (options.cancelled && options.cancelled->load(std::memory_order_relaxed))
    throw AnalysisCancelled();
}

// Seconds since `start`, and restarts it.
double lap(Clock::time_point& start) {
  Clock::time_point now = Clock::now();
  double seconds = std::chrono::duration<double>(now - start).count();
  start = now;
  return seconds;
}

}  // namespace

StageTimings& StageTimings::operator+=(const StageTimings& other) {
  prose += other.prose;
  segmentation += other.segmentation;
  dates += other.dates;
  attributions += other.attributions;
  claims += other.claims;
  rules += other.rules;
  return *this;
}

Analysis analyze(const Document& document, const AnalysisOptions& options) {
  Analysis analysis;
  Clock::time_point clock = Clock::now();
  analysis.dateline = find_dateline(document.text, document.format,
                                    {options.dateline_override, options.settings.dateline});
  // A date header or front matter is metadata, whatever supplied the dateline: never prose,
  // never a date mention.
  analysis.prose = make_prose_view(document.text, document.format, analysis.dateline.metadata);
  analysis.timings.prose = lap(clock);
  stop_if_cancelled(options);
  analysis.segmentation =
      options.segmentation_cache
          ? segment(analysis.prose.prose, analysis.prose.blocks, *options.segmentation_cache)
          : segment(analysis.prose.prose, analysis.prose.blocks);
  analysis.timings.segmentation = lap(clock);
  stop_if_cancelled(options);
  analysis.annotations.dates = recognize_dates(document.text, analysis.prose.prose,
                                               analysis.segmentation, analysis.dateline);
  analysis.timings.dates = lap(clock);
  stop_if_cancelled(options);
  attributions::AttributionAnalysis attribution_analysis = attributions::find_attributions(
      analysis.prose.prose, analysis.segmentation, options.settings.lists);
  analysis.annotations.attributions = std::move(attribution_analysis.attributions);
  analysis.timings.attributions = lap(clock);
  stop_if_cancelled(options);
  annotate_claims(analysis.prose.prose, analysis.segmentation, options.settings.lists,
                  analysis.annotations);
  analysis.timings.claims = lap(clock);
  stop_if_cancelled(options);

  RuleContext context{document,
                      analysis.dateline,
                      analysis.prose,
                      analysis.segmentation,
                      analysis.annotations,
                      options.settings};
  context.attribution_analysis = &attribution_analysis;
  std::vector<Finding> findings;
  const std::vector<RuleSeverity> severities = rule_severities(options.settings);
  for (const RuleSeverity& entry : severities) {
    if (entry.rule->check && entry.severity) entry.rule->check(context, findings);
  }
  findings = apply_suppressions(document.text, analysis.prose.directives, std::move(findings));
  apply_severities(options.settings, severities, findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.span.start, a.span.end, a.rule) < std::tie(b.span.start, b.span.end, b.rule);
  });
  analysis.findings = std::move(findings);
  analysis.names = std::move(attribution_analysis.names);
  analysis.timings.rules = lap(clock);
  return analysis;
}

}  // namespace copydesk::analyzers
