#include "server/code_actions.hpp"

#include "protocol/lsp_types.hpp"

namespace copydesk::server {
namespace {

protocol::json edit_for(const std::string& uri, protocol::json edits) {
  return {{"changes", {{uri, std::move(edits)}}}};
}

}  // namespace

protocol::json code_actions(const DocumentAnalysis& document, const protocol::json& params) {
  protocol::json actions = protocol::json::array();
  const protocol::json* diagnostics = protocol::find_path(params, {"context", "diagnostics"});
  if (!diagnostics || !diagnostics->is_array()) return actions;
  const std::string& text = document.document.text;
  for (const protocol::json& diagnostic : *diagnostics) {
    if (!diagnostic.is_object() || diagnostic.value("source", "") != "copydesk") continue;
    if (!diagnostic.contains("code") || !diagnostic["code"].is_string()) continue;
    std::string rule = diagnostic["code"];
    const protocol::json* fixes = protocol::find_path(diagnostic, {"data", "fixes"});
    if (fixes && fixes->is_array()) {
      bool first = true;
      for (const protocol::json& fix : *fixes) {
        if (!fix.is_object() || !fix.contains("edits")) continue;
        actions.push_back({{"title", fix.value("title", "Fix")},
                           {"kind", "quickfix"},
                           {"diagnostics", {diagnostic}},
                           {"isPreferred", first},
                           {"edit", edit_for(document.uri, fix["edits"])}});
        first = false;
      }
    }
    protocol::Range range = protocol::read_range(diagnostic.at("range"), "diagnostic.range");
    std::size_t start = document.offset(range.start);
    std::size_t end = document.offset(range.end);
    if (rule == "claims.unattributed") {
      actions.push_back(
          {{"title", "Add '[source?]' marker"},
           {"kind", "quickfix"},
           {"diagnostics", {diagnostic}},
           {"edit",
            edit_for(document.uri, {{{"range", document.range({uint32_t(end), uint32_t(end)})},
                                     {"newText", " [source?]"}}})}});
    }
    // The comment goes at the end of the finding's line, so the paragraph stays whole.
    std::size_t line = document.lines.line_of(start);
    auto line_end = static_cast<std::uint32_t>(document.lines.line_content_end(text, line));
    actions.push_back(
        {{"title", "Disable " + rule + " for this line"},
         {"kind", "quickfix"},
         {"diagnostics", {diagnostic}},
         {"edit", edit_for(document.uri, {{{"range", document.range({line_end, line_end})},
                                           {"newText", " <!-- copydesk-disable-line " + rule +
                                                           " -- reason -->"}}})}});
  }
  return actions;
}

}  // namespace copydesk::server
