// The LSP session: one method per LSP message, turning protocol structs into calls on the
// document store, the scheduler and the analysis engine, and their results back into protocol
// replies. Everything here runs on the io_context thread; analysis runs on the scheduler's pool.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "analyzers/config.hpp"
#include "protocol/jsonrpc.hpp"
#include "protocol/lsp_types.hpp"
#include "protocol/position_encoding.hpp"
#include "protocol/text_document.hpp"
#include "server/config_loader.hpp"
#include "server/document_analysis.hpp"
#include "server/inlay_hints.hpp"
#include "server/scheduler.hpp"
#include "server/transport.hpp"
#include "server/workspace_diagnostics.hpp"

namespace copydesk::server {

using protocol::json;

struct ServerOptions {
  std::chrono::milliseconds debounce{100};
  std::size_t workers = 0;  // 0: one per core
  protocol::FramingLimits framing;
  std::size_t max_document_bytes = kDefaultMaxDocumentBytes;  // larger ones are not analysed
  std::chrono::milliseconds parent_poll{500};
};

class LspServer {
 public:
  LspServer(int in_fd, int out_fd, ServerOptions options);
  ~LspServer();

  // Serves until `exit`, end of input, a signal, or the parent process's death. Returns the
  // process exit code: 0 when the client sent shutdown first, else 1.
  int run();

 private:
  enum class State { uninitialized, running, shut_down };
  using RequestHandler = std::function<void(const json& id, const json& params)>;
  using NotificationHandler = std::function<void(const json& params)>;

  void register_handlers();
  void on_framing_event(protocol::FramingEvent event);
  void on_message(const protocol::Message& message);
  void on_request(const protocol::Request& request);
  void on_notification(const protocol::Notification& notification);
  void on_response(const protocol::Response& response);
  void on_end_of_input(bool mid_message);

  // Replies; both drop the reply when the request was cancelled and answered already.
  void reply(const json& id, const json& result);
  void reply_error(const json& id, protocol::ErrorCode code, std::string message);
  void notify(std::string_view method, const json& params);
  void log_trace(std::string message, const json& verbose);
  void stop(int exit_code);

  // Lifecycle.
  void on_initialize(const json& id, const json& params);
  void on_initialized(const json& params);
  void on_shutdown(const json& id, const json& params);
  void on_exit(const json& params);
  void on_cancel_request(const json& params);
  void on_set_trace(const json& params);
  void watch_parent_process(std::int64_t pid);

  // Text document synchronization.
  void on_did_open(const json& params);
  void on_did_change(const json& params);
  void on_did_close(const json& params);
  void on_did_save(const json& params);
  void schedule_analysis(const std::string& uri);
  void schedule_too_large(const std::string& uri);
  // On the main thread: keeps a finished analysis, and publishes it, unless the text moved on.
  void install_analysis(const DocumentAnalysisPtr& result);
  // Recomputes the checks across open documents and publishes every document whose diagnostics
  // changed; `changed` (may be empty) is published in any case.
  void refresh_across_documents(const std::string& changed);
  // A document's own diagnostics and those other documents add to it.
  json all_diagnostics(const DocumentAnalysis& analysis) const;
  void publish(const DocumentAnalysis& analysis);
  void reanalyze_all();

  // Configuration: LSP settings (initializationOptions, workspace/didChangeConfiguration) over
  // the `.copydesk.toml` files, which are re-read when the client reports them changed.
  void apply_settings(const json& settings);
  void pull_configuration();
  // Requests to the client, with what to do with the result.
  void send_request(std::string_view method, const json& params,
                    std::function<void(const json& result)> on_result);
  void on_did_change_configuration(const json& params);
  void on_did_change_watched_files(const json& params);

  // Language features. Each waits until the document's analysis is current, then answers from it.
  void with_analysis(const json& id, const json& params,
                     std::function<json(const DocumentAnalysis&)> answer);
  void on_semantic_tokens_full(const json& id, const json& params);
  void on_semantic_tokens_delta(const json& id, const json& params);
  void on_semantic_tokens_range(const json& id, const json& params);
  void on_hover(const json& id, const json& params);
  void on_inlay_hint(const json& id, const json& params);
  void on_code_action(const json& id, const json& params);
  void on_code_action_resolve(const json& id, const json& params);
  void on_document_symbol(const json& id, const json& params);
  void on_diagnostic(const json& id, const json& params);
  void on_workspace_diagnostic(const json& id, const json& params);
  void on_document_highlight(const json& id, const json& params);
  void on_references(const json& id, const json& params);
  void on_workspace_symbol(const json& id, const json& params);
  void on_code_lens(const json& id, const json& params);
  std::vector<DocumentAnalysisPtr> open_analyses() const;

  // copydesk/documentState: version, size and hash of the server's copy of a document, answered
  // once its analysis is idle. Lets tests and the soak check that edits applied exactly.
  void on_document_state(const json& id, const json& params);

  ServerOptions options_;
  boost::asio::io_context io_;
  Transport transport_;
  Scheduler scheduler_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer parent_timer_;

  State state_ = State::uninitialized;
  std::optional<int> exit_code_;
  protocol::PositionEncoding encoding_ = protocol::PositionEncoding::utf16;
  std::string trace_ = "off";
  json client_capabilities_ = json::object();

  std::unordered_map<std::string, RequestHandler> request_handlers_;
  std::unordered_map<std::string, NotificationHandler> notification_handlers_;
  // Requests received and not yet answered, by id.dump().
  std::unordered_map<std::string, std::string> pending_requests_;
  struct OpenDocument {
    protocol::TextDocument document;
    std::uint64_t generation = 0;  // bumped by every change; results for older ones are stale
    DocumentAnalysisPtr analysis;  // the latest analysis, possibly of an older generation
    // The last semantic tokens sent, for /full/delta.
    std::string tokens_result_id;
    std::vector<std::uint32_t> tokens;
    // When it was opened (a generation number): across documents, the first opened is the
    // reference spelling.
    std::uint64_t opened = 0;
    // Paragraphs as segmented for the last analysis: an edit re-segments only its paragraph.
    // Shared with the analysis jobs, which may outlive a didClose.
    std::shared_ptr<analyzers::SegmentationCache> segmentation_cache =
        std::make_shared<analyzers::SegmentationCache>();
  };
  std::map<std::string, OpenDocument> documents_;
  // Diagnostics other open documents add to a document (server/workspace_checks), by URI.
  std::map<std::string, json> across_documents_;
  std::vector<std::string> workspace_folders_;  // URIs from initialize
  WorkspaceDiagnostics workspace_diagnostics_;
  std::uint64_t next_generation_ = 1;

  ConfigLoader config_loader_;
  std::shared_ptr<const analyzers::Config> settings_config_ = std::make_shared<analyzers::Config>();
  std::optional<analyzers::CalendarDate> dateline_override_;
  InlayHintOptions inlay_hint_options_;
  bool pull_diagnostics_ = false;  // the client pulls diagnostics, so none are pushed
  bool markdown_hover_ = false;
  // The client resolves code actions' edits lazily (codeAction/resolve).
  bool code_action_resolve_ = false;
  bool code_lens_ = true;
  // For clients without semantic tokens: annotations also go out as hint diagnostics.
  bool highlights_as_diagnostics_ = false;
  std::uint64_t next_result_id_ = 1;
  std::unordered_map<std::string, std::function<void(const json&)>> outgoing_requests_;
  std::uint64_t next_outgoing_id_ = 1;
};

}  // namespace copydesk::server
