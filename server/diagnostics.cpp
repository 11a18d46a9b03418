#include "server/diagnostics.hpp"

#include <cstdint>
#include <cstdio>

#include "analyzers/rules.hpp"
#include "protocol/lsp_types.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {
namespace {

int lsp_severity(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::error:
      return 1;
    case analyzers::Severity::warning:
      return 2;
    case analyzers::Severity::info:
      return 3;
    case analyzers::Severity::hint:
      return 4;
  }
  return 3;
}

}  // namespace

std::string fnv1a_hex(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

nlohmann::json to_lsp_diagnostics(const std::vector<analyzers::Finding>& findings,
                                  std::string_view text, const protocol::LineIndex& lines,
                                  const std::string& uri, protocol::PositionEncoding encoding,
                                  const RelatedLocator& elsewhere) {
  auto range = [&](analyzers::Span span) {
    return protocol::to_json(protocol::Range{lines.position_of(text, span.start, encoding),
                                             lines.position_of(text, span.end, encoding)});
  };
  nlohmann::json diagnostics = nlohmann::json::array();
  for (const analyzers::Finding& finding : findings) {
    nlohmann::json diagnostic = {
        {"range", range(finding.span)},
        {"severity", lsp_severity(finding.severity)},
        {"code", finding.rule},
        {"codeDescription", {{"href", analyzers::rule_doc_url(finding.rule)}}},
        {"source", "copydesk"},
        {"message", finding.message},
    };
    nlohmann::json related = nlohmann::json::array();
    for (const analyzers::RelatedSpan& other : finding.related) {
      if (!other.path.empty()) {
        // Another document: only the caller knows where it is.
        nlohmann::json location = elsewhere ? elsewhere(other) : nlohmann::json();
        if (!location.is_null())
          related.push_back({{"location", std::move(location)}, {"message", other.message}});
        continue;
      }
      related.push_back(
          {{"location", {{"uri", uri}, {"range", range(other.span)}}}, {"message", other.message}});
    }
    if (!related.empty()) diagnostic["relatedInformation"] = std::move(related);
    if (!finding.fixes.empty()) {
      nlohmann::json fixes = nlohmann::json::array();
      for (const analyzers::Fix& fix : finding.fixes) {
        nlohmann::json edits = nlohmann::json::array();
        for (const analyzers::TextEdit& edit : fix.edits)
          edits.push_back({{"range", range(edit.span)}, {"newText", edit.replacement}});
        fixes.push_back({{"title", fix.title}, {"edits", std::move(edits)}});
      }
      diagnostic["data"] = {{"fixes", std::move(fixes)}};
    }
    diagnostics.push_back(std::move(diagnostic));
  }
  return diagnostics;
}

nlohmann::json highlight_diagnostics(const DocumentAnalysis& document) {
  nlohmann::json hints = nlohmann::json::array();
  auto add = [&](analyzers::Span span, std::string message) {
    if (span.empty()) return;
    hints.push_back({{"range", document.range(span)},
                     {"severity", 4},
                     {"code", "copydesk.highlight"},
                     {"source", "copydesk"},
                     {"message", std::move(message)}});
  };
  const analyzers::Annotations& annotations = document.analysis.annotations;
  for (const analyzers::DateMention& date : annotations.dates)
    add(date.span, "date: " + date.value);
  for (const analyzers::Attribution& attribution : annotations.attributions) {
    add(attribution.cue, "attribution cue");
    if (attribution.source)
      add(attribution.source->span,
          std::string("source (") + analyzers::to_string(attribution.source->kind) + ")");
  }
  for (const analyzers::Hedge& hedge : annotations.hedges)
    add(hedge.span, "hedge: " + hedge.kind);
  for (const analyzers::Claim& claim : annotations.claims)
    add(claim.span, std::string("claim: ") + analyzers::to_string(claim.status));
  return hints;
}

}  // namespace copydesk::server
