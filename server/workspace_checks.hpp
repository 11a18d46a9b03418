// Checks across the documents open in one workspace, as `check` runs them across the files of one
// run: a name spelled one way in one article and another way in the next
// (names.inconsistent-spelling), and one source credited with figures for the same thing that
// cannot both be right (claims.conflicting-figures).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/annotations.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

// Checks across documents run for 2 to this many documents: a story package, not an archive.
inline constexpr std::size_t kMaxDocumentsAcross = 100;

// The severity a finding of `rule` gets in the document `uri`, or nullopt when the rule is off
// there.
using SeverityLookup = std::function<std::optional<analyzers::Severity>(const std::string& uri,
                                                                        std::string_view rule)>;

// For each of `documents` that another one adds findings to: those findings as LSP diagnostics,
// with related information pointing into the other document. Empty with fewer than two documents
// or more than kMaxDocumentsAcross. Messages name the other document by its file name.
std::map<std::string, nlohmann::json> cross_document_diagnostics(
    const std::vector<DocumentAnalysisPtr>& documents, const SeverityLookup& severity_for);

}  // namespace copydesk::server
