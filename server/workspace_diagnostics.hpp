// workspace/diagnostic: the findings of every copydesk file under the workspace folders, the way
// `check` finds and analyses them. Files are analysed again only when their size or modification
// time changed, because clients re-send this request every few seconds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/engine.hpp"
#include "protocol/position_encoding.hpp"

namespace copydesk::server {

struct WorkspaceFileReport {
  std::string uri;
  std::string result_id;  // names the diagnostics' content
  nlohmann::json items;   // LSP diagnostics
};

class WorkspaceDiagnostics {
 public:
  // The files under `folders` (URIs) except those in `skip` (URIs of open documents, which the
  // server reports from their live analysis), with their diagnostics. `progress(done, total)` is
  // called after each file; `cancelled` stops early (the result is then partial). Thread-safe.
  // `options_for` gives the analysis options of a file (its config merged with the settings).
  std::vector<WorkspaceFileReport> collect(
      const std::vector<std::string>& folders, const std::vector<std::string>& skip,
      const std::function<analyzers::AnalysisOptions(const std::filesystem::path&)>& options_for,
      std::size_t max_document_bytes, protocol::PositionEncoding encoding,
      const std::function<void(std::size_t, std::size_t)>& progress,
      const std::function<bool()>& cancelled);

 private:
  struct Cached {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    protocol::PositionEncoding encoding = protocol::PositionEncoding::utf16;
    WorkspaceFileReport report;
  };
  std::mutex mutex_;
  std::map<std::string, Cached> cache_;  // by URI
};

}  // namespace copydesk::server
