#include "server/code_actions.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "protocol/lsp_types.hpp"

namespace copydesk::server {
namespace {

constexpr const char* kFix = "fix";
constexpr const char* kSourceMarker = "source-marker";
constexpr const char* kDisableLine = "disable-line";

protocol::json edit_for(const std::string& uri, protocol::json edits) {
  return {{"changes", {{uri, std::move(edits)}}}};
}

// " [source?]" right after the claim.
protocol::json source_marker_edit(const DocumentAnalysis& document, const protocol::Range& range) {
  auto end = static_cast<std::uint32_t>(document.offset(range.end));
  return edit_for(document.uri,
                  {{{"range", document.range({end, end})}, {"newText", " [source?]"}}});
}

// The comment goes at the end of the finding's line, so the paragraph stays whole.
protocol::json disable_line_edit(const DocumentAnalysis& document, const protocol::Range& range,
                                 const std::string& rule) {
  std::size_t line = document.lines.line_of(document.offset(range.start));
  auto line_end =
      static_cast<std::uint32_t>(document.lines.line_content_end(document.document.text, line));
  return edit_for(document.uri,
                  {{{"range", document.range({line_end, line_end})},
                    {"newText", " <!-- copydesk-disable-line " + rule + " -- reason -->"}}});
}

}  // namespace

protocol::json code_actions(const DocumentAnalysis& document, const protocol::json& params,
                            CodeActionEdits edits) {
  protocol::json actions = protocol::json::array();
  const protocol::json* diagnostics = protocol::find_path(params, {"context", "diagnostics"});
  if (!diagnostics || !diagnostics->is_array()) return actions;
  // An action either carries its edit or, for a client that resolves, what resolve needs.
  auto add = [&](protocol::json action, const protocol::json& diagnostic, const char* kind,
                 std::size_t fix, const std::function<protocol::json()>& edit) {
    if (edits == CodeActionEdits::inline_edits) {
      action["edit"] = edit();
    } else {
      protocol::json data = {{"uri", document.uri},
                             {"version", document.version},
                             {"action", kind},
                             {"rule", diagnostic["code"]},
                             {"range", diagnostic["range"]}};
      if (std::string_view(kind) == kFix) data["fix"] = fix;
      action["data"] = std::move(data);
    }
    actions.push_back(std::move(action));
  };
  for (const protocol::json& diagnostic : *diagnostics) {
    if (!diagnostic.is_object() || diagnostic.value("source", "") != "copydesk") continue;
    if (!diagnostic.contains("code") || !diagnostic["code"].is_string()) continue;
    std::string rule = diagnostic["code"];
    protocol::Range range =
        protocol::read_range(protocol::require_field(diagnostic, "range", "context.diagnostics[]"),
                             "context.diagnostics[].range");
    const protocol::json* fixes = protocol::find_path(diagnostic, {"data", "fixes"});
    if (fixes && fixes->is_array()) {
      bool first = true;
      for (std::size_t i = 0; i < fixes->size(); ++i) {
        const protocol::json& fix = (*fixes)[i];
        if (!fix.is_object() || !fix.contains("edits")) continue;
        const protocol::json* title = protocol::find_path(fix, {"title"});
        add({{"title", title && title->is_string() ? *title : protocol::json("Fix")},
             {"kind", "quickfix"},
             {"diagnostics", {diagnostic}},
             {"isPreferred", first}},
            diagnostic, kFix, i, [&] { return edit_for(document.uri, fix["edits"]); });
        first = false;
      }
    }
    if (rule == "claims.unattributed")
      add({{"title", "Add '[source?]' marker"},
           {"kind", "quickfix"},
           {"diagnostics", {diagnostic}}},
          diagnostic, kSourceMarker, 0, [&] { return source_marker_edit(document, range); });
    add({{"title", "Disable " + rule + " for this line"},
         {"kind", "quickfix"},
         {"diagnostics", {diagnostic}}},
        diagnostic, kDisableLine, 0, [&] { return disable_line_edit(document, range, rule); });
  }
  return actions;
}

CodeActionData read_code_action_data(const protocol::json& code_action) {
  if (!code_action.is_object())
    throw protocol::ParamsError("params must be a CodeAction object with copydesk's data");
  const protocol::json& data =
      protocol::require_object(protocol::require_field(code_action, "data", ""), "data");
  CodeActionData read;
  read.uri = protocol::read_string(data, "uri", "data");
  read.version = protocol::read_integer(data, "version", "data");
  read.action = protocol::read_string(data, "action", "data");
  if (read.action != kFix && read.action != kSourceMarker && read.action != kDisableLine)
    throw protocol::ParamsError("data.action: '" + read.action + "' is not a copydesk action");
  read.rule = protocol::read_string(data, "rule", "data");
  if (const protocol::json* title = protocol::find_path(code_action, {"title"});
      title && title->is_string())
    read.title = *title;
  read.range = protocol::require_field(data, "range", "data");
  protocol::read_range(read.range, "data.range");  // checked here, used on resolve
  if (read.action == kFix) {
    const protocol::json& fix = protocol::require_field(data, "fix", "data");
    if (!fix.is_number_unsigned()) throw protocol::ParamsError("data.fix must be an index");
    read.fix = fix.get<std::size_t>();
  }
  return read;
}

std::optional<protocol::json> resolve_code_action_edit(const DocumentAnalysis& document,
                                                       const CodeActionData& data,
                                                       const protocol::json& diagnostics) {
  protocol::Range range = protocol::read_range(data.range, "data.range");
  // The finding must still be there: settings may have turned its rule off since. Findings of
  // one rule on one range are told apart by the fix's title.
  for (const protocol::json& diagnostic : diagnostics) {
    if (diagnostic.value("code", protocol::json()) != data.rule ||
        diagnostic.value("range", protocol::json()) != data.range)
      continue;
    if (data.action == kSourceMarker) return source_marker_edit(document, range);
    if (data.action == kDisableLine) return disable_line_edit(document, range, data.rule);
    const protocol::json* fixes = protocol::find_path(diagnostic, {"data", "fixes"});
    if (!fixes || !fixes->is_array() || data.fix >= fixes->size()) continue;
    const protocol::json& fix = (*fixes)[data.fix];
    if (!fix.is_object() || !fix.contains("edits")) continue;
    const protocol::json* title = protocol::find_path(fix, {"title"});
    if (!data.title.empty() && title && title->is_string() && *title != data.title) continue;
    return edit_for(document.uri, fix["edits"]);
  }
  return std::nullopt;
}

}  // namespace copydesk::server
