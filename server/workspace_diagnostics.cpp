#include "server/workspace_diagnostics.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <system_error>

#include "server/cli/discovery.hpp"
#include "server/diagnostics.hpp"
#include "server/document_analysis.hpp"
#include "server/uri.hpp"

namespace copydesk::server {
namespace {

// The diagnostics of one file read from disk; a file that cannot be read or is too large gets
// one diagnostic that says so.
WorkspaceFileReport analyse_file(
    const std::filesystem::path& path, const std::string& uri, std::uintmax_t size,
    const std::function<analyzers::AnalysisOptions(const std::filesystem::path&)>& options_for,
    std::size_t max_document_bytes, protocol::PositionEncoding encoding) {
  WorkspaceFileReport report;
  report.uri = uri;
  auto problem = [&](const std::string& message) {
    report.items = nlohmann::json::array(
        {{{"range",
           {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 0}}}}},
          {"severity", 2},
          {"source", "copydesk"},
          {"message", message}}});
  };
  if (size > max_document_bytes) {
    problem("Document " + too_large_reason(size, max_document_bytes) +
            " (--max-document-mib sets the limit)");
  } else if (std::ifstream in(path, std::ios::binary); !in) {
    problem("copydesk could not read this file");
  } else {
    analyzers::Document document;
    document.path = path.string();
    document.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    document.format = analyzers::format_for_path(document.path);
    analyzers::Analysis analysis = analyzers::analyze(document, options_for(path));
    protocol::LineIndex lines(document.text);
    report.items = to_lsp_diagnostics(analysis.findings, document.text, lines, uri, encoding);
  }
  report.result_id = fnv1a_hex(report.items.dump());
  return report;
}

}  // namespace

std::vector<WorkspaceFileReport> WorkspaceDiagnostics::collect(
    const std::vector<std::string>& folders, const std::vector<std::string>& skip,
    const std::function<analyzers::AnalysisOptions(const std::filesystem::path&)>& options_for,
    std::size_t max_document_bytes, protocol::PositionEncoding encoding,
    const std::function<void(std::size_t, std::size_t)>& progress,
    const std::function<bool()>& cancelled) {
  std::vector<std::string> roots;
  for (const std::string& folder : folders)
    if (std::optional<std::string> path = file_path_from_uri(folder)) roots.push_back(*path);
  std::vector<WorkspaceFileReport> reports;
  if (roots.empty()) return reports;
  cli::Discovery found = cli::discover_inputs(roots, {});
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (const cli::InputFile& file : found.files) {
    std::string uri = file_uri_from_path(std::filesystem::absolute(file.path).string());
    if (std::find(skip.begin(), skip.end(), uri) == skip.end()) files.emplace_back(file.path, uri);
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (cancelled()) break;
    const auto& [path, uri] = files[i];
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size(path, error);
    if (error) size = 0;
    std::filesystem::file_time_type modified = std::filesystem::last_write_time(path, error);
    {
      std::lock_guard lock(mutex_);
      auto cached = cache_.find(uri);
      if (cached != cache_.end() && cached->second.size == size &&
          cached->second.modified == modified && cached->second.encoding == encoding) {
        reports.push_back(cached->second.report);
        progress(i + 1, files.size());
        continue;
      }
    }
    WorkspaceFileReport report =
        analyse_file(path, uri, size, options_for, max_document_bytes, encoding);
    {
      std::lock_guard lock(mutex_);
      cache_[uri] = {size, modified, encoding, report};
    }
    reports.push_back(std::move(report));
    progress(i + 1, files.size());
  }
  return reports;
}

}  // namespace copydesk::server
