// Findings as LSP diagnostics (textDocument/publishDiagnostics and pull diagnostics).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "protocol/position_encoding.hpp"
#include "protocol/text_document.hpp"

namespace copydesk::server {

// One LSP Diagnostic per finding: range from the finding's exact byte span, code = rule id,
// codeDescription = the rule's doc page, source "copydesk", relatedInformation for related spans
// in the same document (and in others, through `elsewhere`), and `data` carrying the fixes for code
// actions. `elsewhere`, when given, places related spans in other documents (RelatedSpan::path): it
// returns their LSP Location, or null to leave one out.
using RelatedLocator = std::function<nlohmann::json(const analyzers::RelatedSpan&)>;
nlohmann::json to_lsp_diagnostics(const std::vector<analyzers::Finding>& findings,
                                  std::string_view text, const protocol::LineIndex& lines,
                                  const std::string& uri, protocol::PositionEncoding encoding,
                                  const RelatedLocator& elsewhere = {});

// FNV-1a 64 of `text` as 16 hex digits: result ids of diagnostics and the debug document hash.
std::string fnv1a_hex(std::string_view text);

struct DocumentAnalysis;

// Every annotation (date, cue, source, quote, hedge, claim) as a hint diagnostic with code
// "copydesk.highlight", for clients that cannot show semantic tokens.
nlohmann::json highlight_diagnostics(const DocumentAnalysis& analysis);

}  // namespace copydesk::server
