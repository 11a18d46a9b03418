// Navigation between the mentions of a source: document highlights, references across open
// documents, and workspace symbols.
#pragma once

#include <string>
#include <vector>

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

// The canonical name of the source mentioned at `offset`, or empty.
std::string source_at(const DocumentAnalysis& analysis, std::size_t offset);

// DocumentHighlight[]: every mention of `canonical` (kind Text) and its cues (kind Read).
protocol::json source_highlights(const DocumentAnalysis& analysis, const std::string& canonical);

// Location[] of the mentions of `canonical` in each analysed document.
protocol::json source_references(const std::vector<DocumentAnalysisPtr>& documents,
                                 const std::string& canonical);

// SymbolInformation[] for the sources whose names contain `query` (case-insensitive).
protocol::json source_symbols(const std::vector<DocumentAnalysisPtr>& documents,
                              const std::string& query);

}  // namespace copydesk::server
