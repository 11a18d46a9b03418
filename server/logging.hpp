// Logging setup: spdlog to stderr (never stdout, the protocol channel) and optionally a file.
#pragma once

#include <functional>
#include <string>

namespace copydesk::server {

struct LogOptions {
  std::string level = "info";  // trace, debug, info, warn, error, off
  std::string file;            // empty: stderr only
};

// Returns false and explains on stderr when the level or file is unusable.
bool setup_logging(const LogOptions& options);

// Forwards warnings and errors to `forward` (the LSP session's window/logMessage), from any
// thread. Pass nullptr to stop forwarding.
void forward_log_messages(std::function<void(int lsp_message_type, std::string text)> forward);

}  // namespace copydesk::server
