#include "server/lsp_server.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <cerrno>
#include <thread>

#include "analyzers/dateline.hpp"
#include "analyzers/engine.hpp"
#include "server/code_actions.hpp"
#include "server/code_lens.hpp"
#include "server/diagnostics.hpp"
#include "server/document_symbols.hpp"
#include "server/hover.hpp"
#include "server/logging.hpp"
#include "server/navigation.hpp"
#include "server/semantic_tokens.hpp"
#include "server/settings.hpp"
#include "server/uri.hpp"
#include "server/version.hpp"
#include "server/workspace_checks.hpp"

namespace copydesk::server {
namespace {

using protocol::ErrorCode;

std::size_t default_workers() {
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : cores;
}

analyzers::DocumentFormat format_of(const std::string& uri, const std::string& language_id) {
  if (language_id == "markdown") return analyzers::DocumentFormat::markdown;
  return analyzers::format_for_path(uri);
}

}  // namespace

LspServer::LspServer(int in_fd, int out_fd, ServerOptions options)
    : options_(options),
      transport_(in_fd, out_fd, options.framing),
      scheduler_(io_, options.workers == 0 ? default_workers() : options.workers, options.debounce),
      signals_(io_, SIGINT, SIGTERM),
      parent_timer_(io_) {
  register_handlers();
}

LspServer::~LspServer() {
  forward_log_messages(nullptr);
  scheduler_.stop();
  transport_.close();
}

int LspServer::run() {
  transport_.start(
      [this](protocol::FramingEvent event) {
        boost::asio::post(io_, [this, event = std::move(event)]() mutable {
          on_framing_event(std::move(event));
        });
      },
      [this](bool mid_message) {
        boost::asio::post(io_, [this, mid_message] { on_end_of_input(mid_message); });
      });
  signals_.async_wait([this](const boost::system::error_code& error, int signal_number) {
    if (error) return;
    spdlog::info("received signal {}; exiting", signal_number);
    stop(state_ == State::shut_down ? 0 : 1);
  });
  // Warnings and errors also reach the user's editor, once the client is ready for them.
  forward_log_messages([this](int type, std::string text) {
    boost::asio::post(io_, [this, type, text = std::move(text)] {
      if (state_ == State::running)
        notify("window/logMessage", {{"type", type}, {"message", std::move(text)}});
    });
  });
  io_.run();
  forward_log_messages(nullptr);
  scheduler_.stop();
  transport_.close();  // flushes queued replies
  return exit_code_.value_or(1);
}

void LspServer::stop(int exit_code) {
  if (exit_code_) return;
  exit_code_ = exit_code;
  signals_.cancel();
  parent_timer_.cancel();
  io_.stop();
}

void LspServer::register_handlers() {
  auto request = [this](const char* method, void (LspServer::*handler)(const json&, const json&)) {
    request_handlers_[method] = [this, handler](const json& id, const json& params) {
      (this->*handler)(id, params);
    };
  };
  auto notification = [this](const char* method, void (LspServer::*handler)(const json&)) {
    notification_handlers_[method] = [this, handler](const json& params) {
      (this->*handler)(params);
    };
  };
  request("initialize", &LspServer::on_initialize);
  request("shutdown", &LspServer::on_shutdown);
  request("copydesk/documentState", &LspServer::on_document_state);
  request("textDocument/semanticTokens/full", &LspServer::on_semantic_tokens_full);
  request("textDocument/semanticTokens/full/delta", &LspServer::on_semantic_tokens_delta);
  request("textDocument/semanticTokens/range", &LspServer::on_semantic_tokens_range);
  request("textDocument/hover", &LspServer::on_hover);
  request("textDocument/inlayHint", &LspServer::on_inlay_hint);
  request("textDocument/codeAction", &LspServer::on_code_action);
  request("codeAction/resolve", &LspServer::on_code_action_resolve);
  request("textDocument/documentSymbol", &LspServer::on_document_symbol);
  request("textDocument/diagnostic", &LspServer::on_diagnostic);
  request("workspace/diagnostic", &LspServer::on_workspace_diagnostic);
  request("textDocument/documentHighlight", &LspServer::on_document_highlight);
  request("textDocument/references", &LspServer::on_references);
  request("textDocument/codeLens", &LspServer::on_code_lens);
  request("workspace/symbol", &LspServer::on_workspace_symbol);
  notification("initialized", &LspServer::on_initialized);
  notification("exit", &LspServer::on_exit);
  notification("$/cancelRequest", &LspServer::on_cancel_request);
  notification("$/setTrace", &LspServer::on_set_trace);
  notification("textDocument/didOpen", &LspServer::on_did_open);
  notification("textDocument/didChange", &LspServer::on_did_change);
  notification("textDocument/didClose", &LspServer::on_did_close);
  notification("textDocument/didSave", &LspServer::on_did_save);
  notification("workspace/didChangeConfiguration", &LspServer::on_did_change_configuration);
  notification("workspace/didChangeWatchedFiles", &LspServer::on_did_change_watched_files);
}

// ---------------------------------------------------------------------------------------------
// Dispatch

void LspServer::on_framing_event(protocol::FramingEvent event) {
  if (exit_code_) return;
  if (auto* error = std::get_if<protocol::FramingError>(&event)) {
    spdlog::warn("bad message framing: {}", error->message);
    return;
  }
  on_message(protocol::parse_message(std::get<protocol::FramedBody>(event).body));
}

void LspServer::on_message(const protocol::Message& message) {
  std::visit(
      [this](const auto& m) {
        using T = std::decay_t<decltype(m)>;
        if constexpr (std::is_same_v<T, protocol::Request>) {
          on_request(m);
        } else if constexpr (std::is_same_v<T, protocol::Notification>) {
          on_notification(m);
        } else if constexpr (std::is_same_v<T, protocol::Response>) {
          on_response(m);
        } else {
          spdlog::warn("invalid message: {}", m.message);
          transport_.send(protocol::serialize_error(m.id, {m.code, m.message, std::nullopt}));
        }
      },
      message);
}

void LspServer::on_request(const protocol::Request& request) {
  if (trace_ != "off")
    log_trace("Received request '" + request.method + " - (" + request.id.dump() + ")'.",
              request.params);
  std::string key = request.id.dump();
  if (pending_requests_.count(key)) {
    transport_.send(protocol::serialize_error(
        request.id, {ErrorCode::invalid_request, "a request with id " + key + " is still pending",
                     std::nullopt}));
    return;
  }
  pending_requests_.emplace(key, request.method);
  if (state_ == State::uninitialized && request.method != "initialize")
    return reply_error(request.id, ErrorCode::server_not_initialized,
                       "the server is not initialized; send 'initialize' first");
  if (state_ == State::shut_down)
    return reply_error(request.id, ErrorCode::invalid_request,
                       "the server is shutting down; only 'exit' is accepted");
  auto handler = request_handlers_.find(request.method);
  if (handler == request_handlers_.end())
    return reply_error(request.id, ErrorCode::method_not_found,
                       "method not found: " + request.method);
  try {
    handler->second(request.id, request.params.is_null() ? json::object() : request.params);
  } catch (const protocol::ParamsError& e) {
    reply_error(request.id, ErrorCode::invalid_params,
                "invalid params for " + request.method + ": " + e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} failed: {}", request.method, e.what());
    reply_error(request.id, ErrorCode::internal_error, request.method + " failed: " + e.what());
  }
}

void LspServer::on_notification(const protocol::Notification& notification) {
  if (trace_ != "off")
    log_trace("Received notification '" + notification.method + "'.", notification.params);
  if (notification.method != "exit") {
    if (state_ == State::uninitialized) {
      spdlog::debug("dropping '{}' before initialize", notification.method);
      return;
    }
    if (state_ == State::shut_down) return;
  }
  auto handler = notification_handlers_.find(notification.method);
  if (handler == notification_handlers_.end()) {
    // Unknown notifications, $/ ones included, are ignored as the spec asks.
    spdlog::debug("ignoring notification '{}'", notification.method);
    return;
  }
  try {
    handler->second(notification.params.is_null() ? json::object() : notification.params);
  } catch (const protocol::ParamsError& e) {
    spdlog::warn("invalid params for {}: {}", notification.method, e.what());
  } catch (const std::exception& e) {
    spdlog::error("{} failed: {}", notification.method, e.what());
  }
}

void LspServer::on_response(const protocol::Response& response) {
  auto it = outgoing_requests_.find(response.id.dump());
  if (it == outgoing_requests_.end()) {
    spdlog::debug("ignoring response to unknown id {}", response.id.dump());
    return;
  }
  auto callback = std::move(it->second);
  outgoing_requests_.erase(it);
  if (response.error) {
    spdlog::warn("client answered an error: {}", response.error->message);
    return;
  }
  callback(response.result.value_or(json(nullptr)));
}

void LspServer::send_request(std::string_view method, const json& params,
                             std::function<void(const json& result)> on_result) {
  json id = "copydesk-" + std::to_string(next_outgoing_id_++);
  outgoing_requests_.emplace(id.dump(), std::move(on_result));
  transport_.send(protocol::serialize_request(id, method, params));
}

void LspServer::pull_configuration() {
  if (!protocol::find_path(client_capabilities_, {"workspace", "configuration"})) return;
  send_request("workspace/configuration", {{"items", {{{"section", "copydesk"}}}}},
               [this](const json& result) {
                 if (!result.is_array() || result.empty() || !result[0].is_object()) return;
                 apply_settings(result[0]);
                 reanalyze_all();
               });
}

void LspServer::on_end_of_input(bool mid_message) {
  if (mid_message) spdlog::warn("input ended in the middle of a message");
  spdlog::info("end of input; exiting");
  stop(state_ == State::shut_down ? 0 : 1);
}

void LspServer::reply(const json& id, const json& result) {
  if (pending_requests_.erase(id.dump()) == 0) return;  // cancelled and answered already
  transport_.send(protocol::serialize_result(id, result));
}

void LspServer::reply_error(const json& id, protocol::ErrorCode code, std::string message) {
  if (pending_requests_.erase(id.dump()) == 0) return;
  transport_.send(protocol::serialize_error(id, {code, std::move(message), std::nullopt}));
}

void LspServer::notify(std::string_view method, const json& params) {
  transport_.send(protocol::serialize_notification(method, params));
}

void LspServer::log_trace(std::string message, const json& verbose) {
  json params = {{"message", std::move(message)}};
  if (trace_ == "verbose" && !verbose.is_null()) params["verbose"] = verbose.dump(2);
  notify("$/logTrace", params);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

void LspServer::on_initialize(const json& id, const json& params) {
  if (state_ != State::uninitialized)
    return reply_error(id, ErrorCode::invalid_request, "initialize may only be sent once");
  protocol::InitializeParams init = protocol::read_initialize(params);
  encoding_ = protocol::negotiate_position_encoding(init.position_encodings);
  client_capabilities_ = init.capabilities;
  workspace_folders_ = init.workspace_folders;
  if (init.trace == "messages" || init.trace == "verbose") trace_ = init.trace;
  if (init.initialization_options.is_object()) apply_settings(init.initialization_options);
  if (init.process_id) watch_parent_process(*init.process_id);
  state_ = State::running;
  if (init.client_info)
    spdlog::info("initialized by {} {}; position encoding {}", init.client_info->name,
                 init.client_info->version, protocol::to_string(encoding_));

  // Features follow what the client declares: pull diagnostics only to a client that pulls,
  // Markdown hovers only to one that renders Markdown.
  pull_diagnostics_ = protocol::find_path(init.capabilities, {"textDocument", "diagnostic"});
  if (const json* formats =
          protocol::find_path(init.capabilities, {"textDocument", "hover", "contentFormat"});
      formats && formats->is_array())
    markdown_hover_ = std::find(formats->begin(), formats->end(), "markdown") != formats->end();
  // Edits on resolve only to a client that says it resolves them.
  if (const json* properties = protocol::find_path(
          init.capabilities, {"textDocument", "codeAction", "resolveSupport", "properties"});
      properties && properties->is_array())
    code_action_resolve_ =
        std::find(properties->begin(), properties->end(), "edit") != properties->end();
  json capabilities = {
      {"positionEncoding", protocol::to_string(encoding_)},
      {"textDocumentSync",
       {{"openClose", true}, {"change", 2 /* Incremental */}, {"save", {{"includeText", false}}}}},
      {"semanticTokensProvider",
       {{"legend", semantic_tokens_legend()}, {"full", {{"delta", true}}}, {"range", true}}},
      {"hoverProvider", true},
      {"inlayHintProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}, {"resolveProvider", true}}},
      {"documentSymbolProvider", true},
      {"documentHighlightProvider", true},
      {"referencesProvider", true},
      {"workspaceSymbolProvider", true},
      {"codeLensProvider", {{"resolveProvider", false}}},
  };
  if (pull_diagnostics_)
    capabilities["diagnosticProvider"] = {{"identifier", "copydesk"},
                                          {"interFileDependencies", true},
                                          {"workspaceDiagnostics", true}};
  reply(id, {{"capabilities", capabilities},
             {"serverInfo", {{"name", "copydesk"}, {"version", kVersion}}}});
}

void LspServer::on_initialized(const json&) {
  // Watch every .copydesk.toml, when the client lets servers register watchers.
  if (const json* dynamic = protocol::find_path(
          client_capabilities_, {"workspace", "didChangeWatchedFiles", "dynamicRegistration"});
      dynamic && dynamic->is_boolean() && dynamic->get<bool>()) {
    send_request(
        "client/registerCapability",
        {{"registrations",
          {{{"id", "copydesk-config-watcher"},
            {"method", "workspace/didChangeWatchedFiles"},
            {"registerOptions",
             {{"watchers", {{{"globPattern", "**/" + std::string(kConfigFileName)}}}}}}}}}},
        [](const json&) {});
  }
  pull_configuration();
}

void LspServer::on_shutdown(const json& id, const json&) {
  state_ = State::shut_down;
  scheduler_.stop();
  reply(id, nullptr);
}

void LspServer::on_exit(const json&) {
  stop(state_ == State::shut_down ? 0 : 1);
}

void LspServer::on_cancel_request(const json& params) {
  const json& id = protocol::require_field(params, "id", "");
  if (!id.is_string() && !id.is_number_integer())
    throw protocol::ParamsError("id must be an integer or a string");
  // Answered here so the client hears back at once; the handler's late reply is dropped.
  reply_error(id, ErrorCode::request_cancelled, "request cancelled");
}

void LspServer::on_set_trace(const json& params) {
  std::string value = protocol::read_string(params, "value", "");
  if (value != "off" && value != "messages" && value != "verbose")
    throw protocol::ParamsError("value must be 'off', 'messages' or 'verbose'");
  trace_ = value;
}

void LspServer::watch_parent_process(std::int64_t pid) {
  if (pid <= 0) return;
  parent_timer_.expires_after(options_.parent_poll);
  parent_timer_.async_wait([this, pid](const boost::system::error_code& error) {
    if (error) return;
    if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      spdlog::warn("parent process {} is gone; exiting", pid);
      return stop(1);
    }
    watch_parent_process(pid);
  });
}

// ---------------------------------------------------------------------------------------------
// Text document synchronization

void LspServer::on_did_open(const json& params) {
  protocol::DidOpenParams open = protocol::read_did_open(params);
  std::string uri = open.text_document.uri;
  if (documents_.count(uri)) spdlog::warn("didOpen for {}, which is already open; replacing", uri);
  documents_.insert_or_assign(
      uri, OpenDocument{protocol::TextDocument(uri, open.text_document.language_id,
                                               open.text_document.version,
                                               std::move(open.text_document.text)),
                        next_generation_++,
                        nullptr,
                        {},
                        {}});
  OpenDocument& opened = documents_.at(uri);
  opened.opened = opened.generation;
  schedule_analysis(uri);
}

void LspServer::on_did_change(const json& params) {
  protocol::DidChangeParams change = protocol::read_did_change(params);
  auto it = documents_.find(change.uri);
  if (it == documents_.end()) {
    spdlog::warn("didChange for {}, which is not open; ignored", change.uri);
    return;
  }
  protocol::TextDocument& document = it->second.document;
  it->second.generation = next_generation_++;
  if (change.version <= document.version())
    spdlog::warn("didChange for {} has version {}, not newer than {}; applying it anyway",
                 change.uri, change.version, document.version());
  for (const protocol::ContentChange& content_change : change.changes)
    document.apply(content_change, encoding_);
  document.set_version(change.version);
  schedule_analysis(change.uri);
}

void LspServer::on_did_close(const json& params) {
  std::string uri = protocol::read_did_close(params).uri;
  if (documents_.erase(uri) == 0) {
    spdlog::warn("didClose for {}, which is not open", uri);
    return;
  }
  scheduler_.cancel(uri);
  // A closed document's findings leave the editor's problem list, and those it caused in others.
  notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}});
  refresh_across_documents("");
}

void LspServer::on_did_save(const json& params) {
  std::string uri = protocol::read_did_save(params).uri;
  if (!documents_.count(uri)) spdlog::warn("didSave for {}, which is not open", uri);
}

void LspServer::schedule_analysis(const std::string& uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) return;
  const protocol::TextDocument& open = it->second.document;
  if (open.text().size() > options_.max_document_bytes) return schedule_too_large(uri);
  // The job works on a snapshot, so edits can go on while it runs; its result is published only
  // if no edit came in meanwhile.
  analyzers::Document document;
  document.path = file_path_from_uri(uri).value_or("");
  document.text = open.text();
  document.format = format_of(uri, open.language_id());
  scheduler_.schedule(
      uri,
      [this, uri, document = std::move(document), generation = it->second.generation,
       version = open.version(), settings = settings_config_, dateline = dateline_override_,
       highlights = highlights_as_diagnostics_, encoding = encoding_,
       segmentation_cache =
           it->second.segmentation_cache](const CancelFlag& cancelled) -> std::function<void()> {
        ConfigLookup lookup = config_loader_.for_file(document.path);
        for (const analyzers::ConfigError& error : lookup.new_errors)
          spdlog::warn("configuration error: {}", analyzers::to_string(error));
        analyzers::Config config = analyzers::merge_configs(*lookup.config, *settings);
        analyzers::AnalysisOptions options{
            dateline, analyzers::resolve_settings(config, lookup.relative_path(document.path))};
        options.cancelled = &cancelled;  // a newer edit stops this analysis between stages
        options.segmentation_cache = segmentation_cache.get();
        if (cancelled) return {};
        auto result = std::make_shared<DocumentAnalysis>();
        result->uri = uri;
        result->version = version;
        result->generation = generation;
        result->encoding = encoding;
        try {
          result->analysis = analyzers::analyze(document, options);
        } catch (const analyzers::AnalysisCancelled&) {
          return {};
        }
        result->settings = std::move(options.settings);
        if (cancelled) return {};
        result->document = std::move(document);
        result->lines = protocol::LineIndex(result->document.text);
        result->diagnostics = to_lsp_diagnostics(result->analysis.findings, result->document.text,
                                                 result->lines, uri, encoding);
        if (highlights)
          for (json& hint : highlight_diagnostics(*result))
            result->diagnostics.push_back(hint);
        return
            [this, result = DocumentAnalysisPtr(std::move(result))] { install_analysis(result); };
      });
}

// Through the scheduler like an analysis, so that it replaces pending work on the document and
// requests wait for it. The result has an empty text: every feature answers nothing from it.
void LspServer::schedule_too_large(const std::string& uri) {
  const OpenDocument& open = documents_.at(uri);
  auto result = std::make_shared<DocumentAnalysis>();
  result->uri = uri;
  result->version = open.document.version();
  result->generation = open.generation;
  result->encoding = encoding_;
  std::string reason = too_large_reason(open.document.text().size(), options_.max_document_bytes);
  spdlog::info("{}: {}", uri, reason);  // the diagnostic tells the user; no warning per edit
  result->diagnostics =
      json::array({{{"range", protocol::to_json(protocol::Range{})},
                    {"severity", 2},
                    {"source", "copydesk"},
                    {"message", "Document " + reason + " (--max-document-mib sets the limit)"}}});
  scheduler_.schedule(uri,
                      [this, result = DocumentAnalysisPtr(std::move(result))](
                          const CancelFlag&) -> std::function<void()> {
                        return [this, result] { install_analysis(result); };
                      });
}

void LspServer::install_analysis(const DocumentAnalysisPtr& result) {
  auto current = documents_.find(result->uri);
  if (current == documents_.end() || current->second.generation != result->generation) return;
  current->second.analysis = result;
  refresh_across_documents(result->uri);
}

void LspServer::refresh_across_documents(const std::string& changed) {
  std::vector<std::pair<std::uint64_t, DocumentAnalysisPtr>> by_opening;
  for (const auto& [uri, open] : documents_)
    if (open.analysis && !open.analysis->document.text.empty())
      by_opening.emplace_back(open.opened, open.analysis);
  std::sort(by_opening.begin(), by_opening.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<DocumentAnalysisPtr> analysed;
  for (auto& [opened, analysis] : by_opening)
    analysed.push_back(std::move(analysis));
  std::map<std::string, json> across;
  if (analysed.size() >= 2 && analysed.size() <= kMaxDocumentsAcross) {
    across =
        cross_document_diagnostics(analysed, [this](const std::string& uri, std::string_view rule) {
          auto it = documents_.find(uri);
          return it == documents_.end() || !it->second.analysis
                     ? std::nullopt
                     : it->second.analysis->settings.severity_for(rule);
        });
  }
  std::vector<std::string> republish;
  for (const auto& [uri, open] : documents_) {
    auto before = across_documents_.find(uri);
    auto after = across.find(uri);
    bool had = before != across_documents_.end(), has = after != across.end();
    if (uri == changed || had != has || (had && has && before->second != after->second))
      republish.push_back(uri);
  }
  across_documents_ = std::move(across);
  for (const std::string& uri : republish)
    if (const DocumentAnalysisPtr& analysis = documents_.at(uri).analysis) publish(*analysis);
}

json LspServer::all_diagnostics(const DocumentAnalysis& analysis) const {
  auto across = across_documents_.find(analysis.uri);
  if (across == across_documents_.end()) return analysis.diagnostics;
  json diagnostics = analysis.diagnostics;
  for (const json& diagnostic : across->second)
    diagnostics.push_back(diagnostic);
  return diagnostics;
}

void LspServer::publish(const DocumentAnalysis& analysis) {
  if (pull_diagnostics_) return;  // the client asks; workspace/diagnostic/refresh is not used
  notify("textDocument/publishDiagnostics", {{"uri", analysis.uri},
                                             {"version", analysis.version},
                                             {"diagnostics", all_diagnostics(analysis)}});
}

void LspServer::reanalyze_all() {
  for (auto& [uri, open] : documents_) {
    open.generation = next_generation_++;
    schedule_analysis(uri);
  }
}

void LspServer::apply_settings(const json& settings) {
  json section = settings.contains("copydesk") ? settings["copydesk"] : settings;
  if (!section.is_object()) return;
  json server_settings = server_only_settings(section);
  if (auto it = server_settings.find("debounceMs"); it != server_settings.end()) {
    if (it->is_number_unsigned())
      scheduler_.set_debounce(std::chrono::milliseconds(it->get<std::uint64_t>()));
    else
      spdlog::warn("configuration error: settings: debounceMs must be a non-negative integer");
  }
  if (auto it = server_settings.find("codeLens"); it != server_settings.end() && it->is_boolean())
    code_lens_ = it->get<bool>();
  if (auto it = server_settings.find("highlightsAsDiagnostics");
      it != server_settings.end() && it->is_boolean())
    highlights_as_diagnostics_ = it->get<bool>();
  if (auto it = server_settings.find("inlayHints");
      it != server_settings.end() && it->is_object()) {
    inlay_hint_options_.dates = it->value("dates", true);
    inlay_hint_options_.sources = it->value("sources", true);
  }
  // The `dateline` setting is an explicit override, like --dateline on the command line.
  dateline_override_.reset();
  json analysis_settings = section;
  if (auto it = analysis_settings.find("dateline"); it != analysis_settings.end()) {
    if (it->is_string()) dateline_override_ = analyzers::parse_iso_date(it->get<std::string>());
    if (!dateline_override_ && !it->is_null())
      spdlog::warn("configuration error: settings: dateline: {} is not a date (YYYY-MM-DD)",
                   it->dump());
    analysis_settings.erase("dateline");
  }
  analyzers::ConfigParseResult parsed = config_from_lsp_settings(analysis_settings);
  for (const analyzers::ConfigError& error : parsed.errors)
    spdlog::warn("configuration error: {}", analyzers::to_string(error));
  settings_config_ = std::make_shared<analyzers::Config>(std::move(parsed.config));
}

void LspServer::on_did_change_configuration(const json& params) {
  const json* settings = protocol::find_path(params, {"settings"});
  const json* section = settings;
  if (settings && settings->is_object() && settings->contains("copydesk"))
    section = &(*settings)["copydesk"];
  if (section && section->is_object() && !section->empty()) {
    apply_settings(*section);
    reanalyze_all();
    return;
  }
  // Clients that answer workspace/configuration may send only the hint to ask again.
  pull_configuration();
}

void LspServer::on_did_change_watched_files(const json& params) {
  const json& changes = protocol::require_field(params, "changes", "");
  if (!changes.is_array()) throw protocol::ParamsError("changes must be an array");
  bool config_changed = false;
  for (const json& change : changes) {
    if (!change.is_object() || !change.contains("uri") || !change["uri"].is_string()) continue;
    std::string uri = change["uri"];
    config_changed |= uri.ends_with("/" + std::string(kConfigFileName));
  }
  if (!config_changed) return;
  config_loader_.invalidate();
  reanalyze_all();
}

void LspServer::with_analysis(const json& id, const json& params,
                              std::function<json(const DocumentAnalysis&)> answer) {
  std::string uri = protocol::read_text_document_uri(params);
  if (!documents_.count(uri)) throw protocol::ParamsError("textDocument.uri is not open: " + uri);
  scheduler_.when_idle(uri, [this, id, uri, answer = std::move(answer)] {
    auto it = documents_.find(uri);
    if (it == documents_.end())
      return reply_error(id, ErrorCode::content_modified, "document was closed: " + uri);
    const DocumentAnalysisPtr& analysis = it->second.analysis;
    if (!analysis || analysis->generation != it->second.generation)
      return reply_error(id, ErrorCode::content_modified, "document changed; ask again");
    try {
      reply(id, answer(*analysis));
    } catch (const protocol::ParamsError& e) {
      reply_error(id, ErrorCode::invalid_params, e.what());
    } catch (const std::exception& e) {
      // Runs from the event loop: an escaping exception would end the server.
      spdlog::error("answering for {} failed: {}", uri, e.what());
      reply_error(id, ErrorCode::internal_error, std::string("request failed: ") + e.what());
    }
  });
}

void LspServer::on_semantic_tokens_full(const json& id, const json& params) {
  with_analysis(id, params, [this](const DocumentAnalysis& analysis) -> json {
    OpenDocument& open = documents_.at(analysis.uri);
    open.tokens = semantic_tokens(analysis);
    open.tokens_result_id = std::to_string(next_result_id_++);
    return {{"resultId", open.tokens_result_id}, {"data", open.tokens}};
  });
}

void LspServer::on_semantic_tokens_delta(const json& id, const json& params) {
  std::string previous = protocol::read_string(params, "previousResultId", "");
  with_analysis(id, params, [this, previous](const DocumentAnalysis& analysis) -> json {
    OpenDocument& open = documents_.at(analysis.uri);
    std::vector<std::uint32_t> tokens = semantic_tokens(analysis);
    std::string result_id = std::to_string(next_result_id_++);
    json result;
    if (previous == open.tokens_result_id && !open.tokens_result_id.empty()) {
      json edits = json::array();
      if (auto edit = semantic_tokens_edit(open.tokens, tokens)) edits.push_back(std::move(*edit));
      result = {{"resultId", result_id}, {"edits", std::move(edits)}};
    } else {
      result = {{"resultId", result_id}, {"data", tokens}};
    }
    open.tokens = std::move(tokens);
    open.tokens_result_id = result_id;
    return result;
  });
}

void LspServer::on_semantic_tokens_range(const json& id, const json& params) {
  protocol::Range range =
      protocol::read_range(protocol::require_field(params, "range", ""), "range");
  with_analysis(id, params, [range](const DocumentAnalysis& analysis) -> json {
    return {{"data", semantic_tokens(analysis, range.start.line, range.end.line)}};
  });
}

void LspServer::on_hover(const json& id, const json& params) {
  protocol::TextDocumentPositionParams where = protocol::read_text_document_position(params);
  with_analysis(id, params, [this, where](const DocumentAnalysis& analysis) -> json {
    std::optional<json> hover =
        hover_at(analysis, analysis.offset(where.position), markdown_hover_);
    return hover ? *hover : json(nullptr);
  });
}

void LspServer::on_inlay_hint(const json& id, const json& params) {
  protocol::Range range =
      protocol::read_range(protocol::require_field(params, "range", ""), "range");
  with_analysis(id, params, [this, range](const DocumentAnalysis& analysis) -> json {
    return inlay_hints(analysis, analysis.offset(range.start), analysis.offset(range.end),
                       inlay_hint_options_);
  });
}

void LspServer::on_code_action(const json& id, const json& params) {
  protocol::read_range(protocol::require_field(params, "range", ""), "range");
  CodeActionEdits edits =
      code_action_resolve_ ? CodeActionEdits::on_resolve : CodeActionEdits::inline_edits;
  with_analysis(id, params, [params, edits](const DocumentAnalysis& analysis) {
    return code_actions(analysis, params, edits);
  });
}

// The edit for an action offered without one. It is computed only for the document version the
// action was offered for: a document changed or closed since gets ContentModified, and the client
// asks for code actions again.
void LspServer::on_code_action_resolve(const json& id, const json& params) {
  CodeActionData data = read_code_action_data(params);
  auto stale = [this, id](const std::string& why) {
    reply_error(id, ErrorCode::content_modified,
                "codeAction/resolve: " + why + "; ask for code actions again");
  };
  if (!documents_.count(data.uri))
    return stale(data.uri + " is not open (closed since the action was offered?)");
  scheduler_.when_idle(data.uri, [this, id, params, data, stale] {
    auto it = documents_.find(data.uri);
    if (it == documents_.end()) return stale(data.uri + " was closed");
    const OpenDocument& open = it->second;
    if (open.document.version() != data.version)
      return stale(data.uri + " changed: it is at version " +
                   std::to_string(open.document.version()) + ", the action was for version " +
                   std::to_string(data.version));
    if (!open.analysis || open.analysis->generation != open.generation)
      return stale(data.uri + " is being analysed again");
    try {
      std::optional<json> edit =
          resolve_code_action_edit(*open.analysis, data, all_diagnostics(*open.analysis));
      if (!edit) return stale("the " + data.rule + " finding or its fix is no longer there");
      json resolved = params;
      resolved["edit"] = std::move(*edit);
      reply(id, resolved);
    } catch (const protocol::ParamsError& e) {
      reply_error(id, ErrorCode::invalid_params, e.what());
    } catch (const std::exception& e) {
      spdlog::error("codeAction/resolve failed: {}", e.what());
      reply_error(id, ErrorCode::internal_error,
                  std::string("codeAction/resolve failed: ") + e.what());
    }
  });
}

void LspServer::on_document_symbol(const json& id, const json& params) {
  with_analysis(id, params,
                [](const DocumentAnalysis& analysis) { return document_symbols(analysis); });
}

// Every copydesk file under the workspace folders: open documents from their live analysis,
// the others read from disk on a worker (again only when changed), with work-done progress.
void LspServer::on_workspace_diagnostic(const json& id, const json& params) {
  std::map<std::string, std::string> previous;  // URI -> the result id the client holds
  if (auto ids = params.find("previousResultIds"); ids != params.end() && ids->is_array())
    for (const json& entry : *ids)
      if (entry.is_object() && entry.value("uri", json()).is_string() &&
          entry.value("value", json()).is_string())
        previous[entry["uri"].get<std::string>()] = entry["value"].get<std::string>();
  json token = params.value("workDoneToken", json());
  if (!token.is_string() && !token.is_number_integer()) token = nullptr;
  if (!token.is_null())
    notify("$/progress", {{"token", token},
                          {"value",
                           {{"kind", "begin"},
                            {"title", "copydesk"},
                            {"message", "checking the workspace"},
                            {"percentage", 0}}}});
  std::vector<std::string> open_uris;
  for (const auto& [uri, open] : documents_)
    open_uris.push_back(uri);
  scheduler_.schedule_now(
      "workspace/diagnostic",
      [this, id, token, previous, open_uris, folders = workspace_folders_,
       settings = settings_config_, dateline = dateline_override_, encoding = encoding_,
       limit = options_.max_document_bytes](const CancelFlag& cancelled) -> std::function<void()> {
        auto options_for = [this, &settings, &dateline](const std::filesystem::path& path) {
          ConfigLookup lookup = config_loader_.for_file(path);
          analyzers::Config config = analyzers::merge_configs(*lookup.config, *settings);
          return analyzers::AnalysisOptions{
              dateline, analyzers::resolve_settings(config, lookup.relative_path(path))};
        };
        int reported = -1;
        auto progress = [this, &token, &reported](std::size_t done, std::size_t total) {
          int percent = static_cast<int>(done * 100 / std::max<std::size_t>(total, 1));
          if (token.is_null() || percent == reported) return;
          reported = percent;
          std::string message = std::to_string(done) + "/" + std::to_string(total) + " files";
          boost::asio::post(io_, [this, token, percent, message] {
            notify(
                "$/progress",
                {{"token", token},
                 {"value", {{"kind", "report"}, {"message", message}, {"percentage", percent}}}});
          });
        };
        std::vector<WorkspaceFileReport> reports =
            workspace_diagnostics_.collect(folders, open_uris, options_for, limit, encoding,
                                           progress, [&cancelled] { return cancelled.load(); });
        bool superseded = cancelled.load();
        return [this, id, token, previous, superseded, reports = std::move(reports)] {
          if (!token.is_null())
            notify("$/progress", {{"token", token}, {"value", {{"kind", "end"}}}});
          if (superseded)
            return reply_error(id, ErrorCode::server_cancelled,
                               "superseded by a newer workspace/diagnostic request");
          json items = json::array();
          auto add = [&](const std::string& uri, const json& version, const std::string& result_id,
                         const json& diagnostics) {
            auto held = previous.find(uri);
            if (held != previous.end() && held->second == result_id)
              items.push_back({{"kind", "unchanged"},
                               {"uri", uri},
                               {"version", version},
                               {"resultId", result_id}});
            else
              items.push_back({{"kind", "full"},
                               {"uri", uri},
                               {"version", version},
                               {"resultId", result_id},
                               {"items", diagnostics}});
          };
          for (const WorkspaceFileReport& report : reports)
            add(report.uri, nullptr, report.result_id, report.items);
          for (const auto& [uri, open] : documents_) {
            if (!open.analysis) continue;
            json diagnostics = all_diagnostics(*open.analysis);
            add(uri, open.analysis->version, fnv1a_hex(diagnostics.dump()), diagnostics);
          }
          reply(id, {{"items", std::move(items)}});
        };
      });
}

void LspServer::on_diagnostic(const json& id, const json& params) {
  std::string previous;
  if (auto it = params.find("previousResultId"); it != params.end() && it->is_string())
    previous = *it;
  with_analysis(id, params, [this, previous](const DocumentAnalysis& analysis) -> json {
    json items = all_diagnostics(analysis);
    // The result id names the content, so an unchanged list is reported as such.
    std::string result_id = fnv1a_hex(items.dump());
    if (result_id == previous) return {{"kind", "unchanged"}, {"resultId", result_id}};
    return {{"kind", "full"}, {"resultId", result_id}, {"items", std::move(items)}};
  });
}

void LspServer::on_document_highlight(const json& id, const json& params) {
  protocol::TextDocumentPositionParams where = protocol::read_text_document_position(params);
  with_analysis(id, params, [where](const DocumentAnalysis& analysis) -> json {
    std::string source = source_at(analysis, analysis.offset(where.position));
    return source.empty() ? json(nullptr) : source_highlights(analysis, source);
  });
}

std::vector<DocumentAnalysisPtr> LspServer::open_analyses() const {
  std::vector<DocumentAnalysisPtr> analyses;
  for (const auto& [uri, open] : documents_)
    if (open.analysis) analyses.push_back(open.analysis);
  return analyses;
}

void LspServer::on_references(const json& id, const json& params) {
  protocol::TextDocumentPositionParams where = protocol::read_text_document_position(params);
  with_analysis(id, params, [this, where](const DocumentAnalysis& analysis) -> json {
    std::string source = source_at(analysis, analysis.offset(where.position));
    return source.empty() ? json(nullptr) : source_references(open_analyses(), source);
  });
}

void LspServer::on_workspace_symbol(const json& id, const json& params) {
  std::string query = protocol::read_string(params, "query", "");
  reply(id, source_symbols(open_analyses(), query));
}

void LspServer::on_code_lens(const json& id, const json& params) {
  with_analysis(id, params, [this](const DocumentAnalysis& analysis) -> json {
    return code_lens_ ? summary_code_lens(analysis) : json::array();
  });
}

void LspServer::on_document_state(const json& id, const json& params) {
  std::string uri = protocol::read_text_document_uri(params);
  if (!documents_.count(uri)) throw protocol::ParamsError("textDocument.uri is not open: " + uri);
  scheduler_.when_idle(uri, [this, id, uri] {
    auto it = documents_.find(uri);
    if (it == documents_.end())
      return reply_error(id, ErrorCode::content_modified, "document was closed: " + uri);
    const protocol::TextDocument& document = it->second.document;
    reply(id, {{"uri", uri},
               {"version", document.version()},
               {"length", document.text().size()},
               {"lineCount", document.lines().line_count()},
               {"hash", fnv1a_hex(document.text())}});
  });
}

}  // namespace copydesk::server
