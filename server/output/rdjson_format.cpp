#include "server/output/rdjson_format.hpp"

#include <map>

#include "server/output/json_format.hpp"

namespace copydesk::server::output {

namespace {

using json = nlohmann::ordered_json;

const char* rdjson_severity(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::error:
      return "ERROR";
    case analyzers::Severity::warning:
      return "WARNING";
    case analyzers::Severity::info:
    case analyzers::Severity::hint:
      return "INFO";
  }
  return "WARNING";
}

json range_json(const FileReport& file, analyzers::Span span) {
  const TextRange range = range_of(file, span, protocol::PositionEncoding::utf8);
  return {{"start", {{"line", range.start.line}, {"column", range.start.column}}},
          {"end", {{"line", range.end.line}, {"column", range.end.column}}}};
}

}  // namespace

std::string format_rdjson(const Report& report) {
  std::map<std::string, std::string, std::less<>> help_uris;
  for (const RuleDescriptor& rule : report.rules)
    help_uris.emplace(rule.id, rule.help_uri);

  json diagnostics = json::array();
  for (const FileReport& file : report.files) {
    for (const analyzers::Finding& finding : file.findings) {
      json code{{"value", finding.rule}};
      if (auto uri = help_uris.find(finding.rule); uri != help_uris.end() && !uri->second.empty())
        code["url"] = uri->second;
      json diagnostic{
          {"message", finding.message},
          {"location", {{"path", file.path}, {"range", range_json(file, finding.span)}}},
          {"severity", rdjson_severity(finding.severity)},
          {"code", std::move(code)}};
      // Suggestions are applied together, so only the preferred (first) fix's edits are given;
      // alternatives would conflict.
      if (!finding.fixes.empty()) {
        json suggestions = json::array();
        for (const analyzers::TextEdit& edit : finding.fixes.front().edits)
          suggestions.push_back(
              {{"range", range_json(file, edit.span)}, {"text", edit.replacement}});
        diagnostic["suggestions"] = std::move(suggestions);
      }
      diagnostics.push_back(std::move(diagnostic));
    }
  }
  const json result{{"source", {{"name", "copydesk"}, {"url", kProjectUrl}}},
                    {"diagnostics", std::move(diagnostics)}};
  return dump_json(result, 2) + "\n";
}

}  // namespace copydesk::server::output
