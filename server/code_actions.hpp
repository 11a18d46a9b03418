// Code actions for copydesk's diagnostics: each finding's own fixes, "Disable RULE for this
// line" (a suppression comment with a reason placeholder), and a "[source?]" marker for
// unattributed claims.
//
// A client that resolves code actions lazily (textDocument.codeAction.resolveSupport lists
// `edit`) gets them without their edits, each with `data` naming the document version and the
// finding; codeAction/resolve then computes the edit from the analysis of that same version.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

enum class CodeActionEdits { inline_edits, on_resolve };

// CodeAction[] for the diagnostics the client sends back in `context.diagnostics` (they carry
// their fixes in `data`), using the analysed text to place comments. With `on_resolve`, the
// actions carry `data` instead of `edit`. Throws ParamsError on a malformed diagnostic.
protocol::json code_actions(const DocumentAnalysis& analysis, const protocol::json& params,
                            CodeActionEdits edits);

// What codeAction/resolve needs from an action's `data`, checked for shape. Throws ParamsError
// when `data` is missing or is not one copydesk made.
struct CodeActionData {
  std::string uri;
  std::int64_t version = 0;
  std::string action;  // "fix", "source-marker" or "disable-line"
  std::string rule;
  protocol::json range;  // the finding's range, as the client received it
  std::size_t fix = 0;   // for "fix": which of the finding's fixes
  std::string title;     // the action's title (a fix's title tells apart findings on one range)
};
CodeActionData read_code_action_data(const protocol::json& code_action);

// The action's WorkspaceEdit, computed from `analysis` (which must be of `data.version`), with
// `diagnostics` the document's current LSP diagnostics (to find a fix's edits). nullopt when the
// finding is no longer there.
std::optional<protocol::json> resolve_code_action_edit(const DocumentAnalysis& analysis,
                                                       const CodeActionData& data,
                                                       const protocol::json& diagnostics);

}  // namespace copydesk::server
