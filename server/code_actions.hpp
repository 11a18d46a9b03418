// Code actions for copydesk's diagnostics: each finding's own fixes, "Disable RULE for this
// line" (a suppression comment with a reason placeholder), and a "[source?]" marker for
// unattributed claims.
#pragma once

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

// CodeAction[] for the diagnostics the client sends back in `context.diagnostics` (they carry
// their fixes in `data`), using the analysed text to place comments.
protocol::json code_actions(const DocumentAnalysis& analysis, const protocol::json& params);

}  // namespace copydesk::server
