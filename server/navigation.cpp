#include "server/navigation.hpp"

#include <algorithm>
#include <set>

namespace copydesk::server {
namespace {

std::string canonical_of(const DocumentAnalysis& document, const analyzers::Source& source) {
  return source.canonical.empty() ? std::string(document.text(source.span)) : source.canonical;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::string source_at(const DocumentAnalysis& document, std::size_t offset) {
  for (const analyzers::Attribution& attribution : document.analysis.annotations.attributions) {
    if (!attribution.source) continue;
    analyzers::Span span = attribution.source->span;
    if (span.start <= offset && offset <= span.end)
      return canonical_of(document, *attribution.source);
  }
  return {};
}

protocol::json source_highlights(const DocumentAnalysis& document, const std::string& canonical) {
  protocol::json highlights = protocol::json::array();
  for (const analyzers::Attribution& attribution : document.analysis.annotations.attributions) {
    if (!attribution.source || canonical_of(document, *attribution.source) != canonical) continue;
    highlights.push_back({{"range", document.range(attribution.source->span)}, {"kind", 1}});
    highlights.push_back({{"range", document.range(attribution.cue)}, {"kind", 2}});
  }
  return highlights;
}

protocol::json source_references(const std::vector<DocumentAnalysisPtr>& documents,
                                 const std::string& canonical) {
  protocol::json locations = protocol::json::array();
  for (const DocumentAnalysisPtr& document : documents) {
    for (const analyzers::Attribution& attribution : document->analysis.annotations.attributions) {
      if (!attribution.source || canonical_of(*document, *attribution.source) != canonical)
        continue;
      locations.push_back(
          {{"uri", document->uri}, {"range", document->range(attribution.source->span)}});
    }
  }
  return locations;
}

protocol::json source_symbols(const std::vector<DocumentAnalysisPtr>& documents,
                              const std::string& query) {
  protocol::json symbols = protocol::json::array();
  std::string needle = lower(query);
  for (const DocumentAnalysisPtr& document : documents) {
    std::set<std::string> seen;  // one symbol per source and document, at its first mention
    for (const analyzers::Attribution& attribution : document->analysis.annotations.attributions) {
      if (!attribution.source) continue;
      std::string name = canonical_of(*document, *attribution.source);
      if (lower(name).find(needle) == std::string::npos || !seen.insert(name).second) continue;
      symbols.push_back(
          {{"name", name},
           {"kind", 19},
           {"containerName", analyzers::to_string(attribution.source->kind)},
           {"location",
            {{"uri", document->uri}, {"range", document->range(attribution.source->span)}}}});
    }
  }
  return symbols;
}

}  // namespace copydesk::server
