// Fuzz target: a whole LSP session through the real server (LspServer over pipes, in this
// process): initialize with capabilities and options drawn from the input, then the input's
// messages, then a request per opened document that waits for its analysis, then shutdown and
// exit. Every handler sees arbitrary params, documents and edits, with analyses running on the
// worker pool. Checks:
// - no handler, notification or analysis fails with an unexpected exception (the server logs
//   those as errors and answers -32603; bad params must be ParamsError, -32602);
// - the output frames cleanly into JSON messages;
// - requests on the opened documents are answered within 20 s (no hang), and unless the input
//   itself says "shutdown" or "exit", the final shutdown is answered: no input leaves the server
//   unable to answer the next good request.
//
// Input: a flags byte, then message bodies separated by 0x1E (record separator); each body is
// framed with its Content-Length by the harness (framing_fuzz covers the framing itself).
#include <fcntl.h>
#include <signal.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "protocol/framing.hpp"
#include "protocol/jsonrpc.hpp"
#include "protocol/lsp_types.hpp"
#include "server/logging.hpp"
#include "server/lsp_server.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using namespace copydesk;
using protocol::json;

// Collects what the server logs at error level: each one is a failure it survived.
class ErrorSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::vector<std::string> take() {
    std::lock_guard lock(mutex_);
    return std::move(errors_);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    if (message.level >= spdlog::level::err)
      errors_.emplace_back(message.payload.data(), message.payload.size());
  }
  void flush_() override {}

 private:
  std::vector<std::string> errors_;
};

std::shared_ptr<ErrorSink> error_sink;

enum Flag : std::uint8_t {
  offer_utf8 = 1,
  pull_diagnostics = 2,
  markdown_hover = 4,
  highlights_as_diagnostics = 8,
  small_documents = 16,
  two_workers = 32,
  debounce = 64,
  configuration_requests = 128,
};

json initialize_params(std::uint8_t flags) {
  json capabilities = json::object();
  if (flags & offer_utf8) capabilities["general"]["positionEncodings"] = {"utf-8", "utf-16"};
  if (flags & pull_diagnostics) capabilities["textDocument"]["diagnostic"] = json::object();
  // Clients that render Markdown hovers (VS Code, Neovim) also resolve code actions' edits.
  if (flags & markdown_hover) {
    capabilities["textDocument"]["hover"]["contentFormat"] = {"markdown", "plaintext"};
    capabilities["textDocument"]["codeAction"]["resolveSupport"]["properties"] = {"edit"};
  }
  if (flags & configuration_requests) capabilities["workspace"]["configuration"] = true;
  json params = {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}};
  if (flags & highlights_as_diagnostics)
    params["initializationOptions"] = {{"highlightsAsDiagnostics", true}, {"codeLens", true}};
  return params;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) return;  // the server stopped reading (after exit): the rest is not wanted
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // The server's sinks, minus standard error: warnings are expected for bad input, and errors
  // are collected instead. The forwarding sink (window/logMessage) stays.
  server::setup_logging({"warn", ""});
  auto& sinks = spdlog::default_logger()->sinks();
  sinks.erase(sinks.begin());  // stderr, always first
  error_sink = std::make_shared<ErrorSink>();
  sinks.push_back(error_sink);
  ::signal(SIGPIPE, SIG_IGN);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  const std::uint8_t flags = input.byte();
  const std::string payload = input.rest();

  std::string stream = protocol::frame_message(
      protocol::serialize_request(1, "initialize", initialize_params(flags)));
  stream += protocol::frame_message(protocol::serialize_notification("initialized", {}));
  bool says_stop = false;
  std::vector<std::string> opened;
  std::size_t start = 0;
  for (int count = 0; start <= payload.size() && count < 64; ++count) {
    std::size_t end = payload.find('\x1e', start);
    if (end == std::string::npos) end = payload.size();
    const std::string_view body = std::string_view(payload).substr(start, end - start);
    says_stop |= body.find("shutdown") != body.npos || body.find("exit") != body.npos;
    stream += protocol::frame_message(body);
    const json message = json::parse(body, nullptr, false);
    if (message.is_object() && message.value("method", json()) == "textDocument/didOpen")
      if (const json* uri = protocol::find_path(message, {"params", "textDocument", "uri"});
          uri && uri->is_string())
        opened.push_back(*uri);
    start = end + 1;
  }
  // One request per opened document that waits for its analysis: once all are answered, the
  // requests before them have been too, and shutdown can follow without cutting them off.
  std::set<std::string> waiting;
  for (std::size_t i = 0; i < opened.size(); ++i) {
    const json id = "fuzz-sync-" + std::to_string(i);
    waiting.insert(id.dump());
    stream += protocol::frame_message(protocol::serialize_request(
        id, "textDocument/documentSymbol", {{"textDocument", {{"uri", opened[i]}}}}));
  }
  const std::string finish =
      protocol::frame_message(protocol::serialize_request("fuzz-shutdown", "shutdown", nullptr)) +
      protocol::frame_message(protocol::serialize_notification("exit", nullptr));

  int to_server[2], from_server[2];
  FUZZ_CHECK(::pipe(to_server) == 0 && ::pipe(from_server) == 0, "pipe failed");

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> replies;
  bool output_ended = false;
  bool synced = false;
  std::thread reader([&] {
    protocol::MessageReader framing;
    char buffer[65536];
    for (ssize_t n; (n = ::read(from_server[0], buffer, sizeof buffer)) > 0;) {
      framing.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
      std::lock_guard lock(mutex);
      while (auto event = framing.next()) {
        auto* body = std::get_if<protocol::FramedBody>(&*event);
        replies.push_back(body ? body->body : "unframed");
        const json reply = json::parse(replies.back(), nullptr, false);
        if (reply.is_object() && reply.contains("id")) waiting.erase(reply["id"].dump());
      }
      changed.notify_all();
    }
    std::lock_guard lock(mutex);
    if (framing.mid_message()) replies.push_back("unframed");
    output_ended = true;
    changed.notify_all();
  });
  std::thread writer([&] {
    write_all(to_server[1], stream);
    {
      std::unique_lock lock(mutex);
      synced = changed.wait_for(lock, std::chrono::seconds(20),
                                [&] { return waiting.empty() || output_ended; });
    }
    write_all(to_server[1], finish);
    ::close(to_server[1]);
  });

  server::ServerOptions options;
  options.debounce = std::chrono::milliseconds((flags & debounce) ? 1 : 0);
  options.workers = (flags & two_workers) ? 2 : 1;
  if (flags & small_documents) options.max_document_bytes = 512;
  {
    server::LspServer server(to_server[0], from_server[1], options);
    server.run();
  }
  ::close(to_server[0]);  // unblocks the writer if the server stopped reading early
  ::close(from_server[1]);
  writer.join();
  reader.join();
  ::close(from_server[0]);

  const std::vector<std::string> errors = error_sink->take();
  FUZZ_CHECK(errors.empty(), "the server logged an error: " + errors.front());
  FUZZ_CHECK(synced, "requests on open documents were not answered within 20 s");
  bool shutdown_answered = false;
  for (const std::string& body : replies) {
    const json message = json::parse(body, nullptr, false);
    FUZZ_CHECK(message.is_object(), "the output holds something other than a message: " + body);
    if (message.contains("error"))
      FUZZ_CHECK(message["error"]["code"] != static_cast<int>(protocol::ErrorCode::internal_error),
                 "internal error: " + body);
    if (message.value("id", json()) == "fuzz-shutdown")
      shutdown_answered = message.contains("result");
  }
  FUZZ_CHECK(says_stop || shutdown_answered, "the final shutdown was not answered");
  return 0;
}
