#include "server/workspace_checks.hpp"

#include <algorithm>

#include "analyzers/attributions/spelling.hpp"
#include "analyzers/claims/conflicts.hpp"
#include "server/diagnostics.hpp"

namespace copydesk::server {
namespace {

// What messages call a document: its file name, or its whole URI when two open documents share
// a file name.
std::vector<std::string> display_names(const std::vector<DocumentAnalysisPtr>& documents) {
  std::vector<std::string> names;
  for (const DocumentAnalysisPtr& document : documents) {
    std::string_view uri = document->uri;
    std::size_t slash = uri.find_last_of('/');
    names.emplace_back(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
  }
  for (std::size_t i = 0; i < names.size(); ++i)
    if (std::count(names.begin(), names.end(), names[i]) > 1) names[i] = documents[i]->uri;
  return names;
}

}  // namespace

std::map<std::string, nlohmann::json> cross_document_diagnostics(
    const std::vector<DocumentAnalysisPtr>& documents, const SeverityLookup& severity_for) {
  std::map<std::string, nlohmann::json> result;
  if (documents.size() < 2 || documents.size() > kMaxDocumentsAcross) return result;
  const std::vector<std::string> names = display_names(documents);

  std::vector<analyzers::attributions::DocumentNames> spellings;
  std::vector<analyzers::claims::DocumentFigures> figures;
  spellings.reserve(documents.size());
  figures.reserve(documents.size());
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const analyzers::Analysis& analysis = documents[d]->analysis;
    spellings.push_back({names[d], analysis.prose.prose, analysis.names});
    figures.push_back(
        {names[d], analyzers::claims::credited_figures(analysis.prose.prose, analysis.segmentation,
                                                       analysis.annotations)});
  }
  std::vector<std::vector<analyzers::Finding>> found =
      analyzers::attributions::cross_document_spellings(spellings);
  found.resize(documents.size());
  for (analyzers::claims::DocumentFinding& conflict :
       analyzers::claims::cross_document_conflicts(figures))
    if (conflict.document < found.size())
      found[conflict.document].push_back(std::move(conflict.finding));

  auto elsewhere = [&](const analyzers::RelatedSpan& other) -> nlohmann::json {
    auto in = std::find(names.begin(), names.end(), other.path);
    if (in == names.end()) return nullptr;
    const DocumentAnalysis& there = *documents[static_cast<std::size_t>(in - names.begin())];
    return {{"uri", there.uri}, {"range", there.range(other.span)}};
  };
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const DocumentAnalysis& document = *documents[d];
    std::vector<analyzers::Finding> findings;
    for (analyzers::Finding& finding : found[d]) {
      std::optional<analyzers::Severity> severity = severity_for(document.uri, finding.rule);
      if (!severity) continue;
      finding.severity = *severity;
      findings.push_back(std::move(finding));
    }
    if (findings.empty()) continue;
    std::stable_sort(findings.begin(), findings.end(),
                     [](const analyzers::Finding& a, const analyzers::Finding& b) {
                       return a.span.start < b.span.start;
                     });
    result[document.uri] = to_lsp_diagnostics(findings, document.document.text, document.lines,
                                              document.uri, document.encoding, elsewhere);
  }
  return result;
}

}  // namespace copydesk::server
