// LSP settings: the `copydesk` section that clients send (workspace/configuration,
// workspace/didChangeConfiguration) holds the same keys as `.copydesk.toml`, as JSON, plus a few
// keys that configure only the server.
#pragma once

#include <array>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analyzers/config.hpp"

namespace copydesk::server {

// Top-level keys of the section that the server reads itself; config_from_lsp_settings skips
// them and server_only_settings returns them.
inline constexpr std::array<std::string_view, 5> kServerOnlySettings = {
    "debounceMs", "inlayHints", "highlightsAsDiagnostics", "codeLens", "trace"};

// The section as a config, converted to TOML and validated by the same parser as
// `.copydesk.toml`, so the keys, values and messages are the same. `settings` is the section
// itself; a whole settings object {"copydesk": {...}} is unwrapped. JSON null means "not set"
// (clients send it for unset values) and is skipped, except inside a list, where it is an error.
// Errors have path "settings" and line 0.
analyzers::ConfigParseResult config_from_lsp_settings(const nlohmann::json& settings);

// The server-only keys present in the section, as sent (an object, empty when there are none).
nlohmann::json server_only_settings(const nlohmann::json& settings);

}  // namespace copydesk::server
