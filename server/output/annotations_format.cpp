#include "server/output/annotations_format.hpp"

#include <algorithm>

#include "server/output/json_format.hpp"

namespace copydesk::server::output {

namespace {

using json = nlohmann::ordered_json;

json span_json(const FileReport& file, analyzers::Span span) {
  const std::size_t start = std::min<std::size_t>(span.start, file.text.size());
  const std::size_t end = std::clamp<std::size_t>(span.end, start, file.text.size());
  return {{"start", span.start}, {"end", span.end}, {"text", file.text.substr(start, end - start)}};
}

json optional_span_json(const FileReport& file, const std::optional<analyzers::Span>& span) {
  if (!span) return nullptr;
  return span_json(file, *span);
}

}  // namespace

std::string format_annotation_line(const FileReport& file,
                                   const analyzers::Annotations& annotations) {
  json dates = json::array();
  for (const analyzers::DateMention& date : annotations.dates) {
    json entry = span_json(file, date.span);
    entry["type"] = date.type;
    entry["value"] = date.value;
    dates.push_back(std::move(entry));
  }

  json attributions = json::array();
  for (const analyzers::Attribution& attribution : annotations.attributions) {
    json source = nullptr;
    if (attribution.source) {
      source = span_json(file, attribution.source->span);
      source["kind"] = analyzers::to_string(attribution.source->kind);
      source["canonical"] = attribution.source->canonical;
    }
    attributions.push_back({{"cue", span_json(file, attribution.cue)},
                            {"source", std::move(source)},
                            {"content", optional_span_json(file, attribution.content)},
                            {"direct", attribution.direct},
                            {"cue_kind", analyzers::to_string(attribution.cue_kind)}});
  }

  json hedges = json::array();
  for (const analyzers::Hedge& hedge : annotations.hedges) {
    json entry = span_json(file, hedge.span);
    entry["kind"] = hedge.kind;
    hedges.push_back(std::move(entry));
  }

  json claims = json::array();
  for (const analyzers::Claim& claim : annotations.claims) {
    json entry = span_json(file, claim.span);
    entry["status"] = analyzers::to_string(claim.status);
    entry["attribution"] = claim.attribution ? json(*claim.attribution) : json(nullptr);
    entry["reasons"] = claim.reasons;
    claims.push_back(std::move(entry));
  }

  json diagnostics = json::array();
  for (const analyzers::Finding& finding : file.findings) {
    json entry{{"rule", finding.rule}, {"severity", analyzers::to_string(finding.severity)}};
    add_position_fields(entry, file, finding.span);
    entry["message"] = finding.message;
    diagnostics.push_back(std::move(entry));
  }

  const json line{{"path", file.path},
                  {"dateline", dateline_json(file.dateline)},
                  {"dates", std::move(dates)},
                  {"attributions", std::move(attributions)},
                  {"hedges", std::move(hedges)},
                  {"claims", std::move(claims)},
                  {"diagnostics", std::move(diagnostics)}};
  return dump_json(line, -1) + "\n";
}

}  // namespace copydesk::server::output
