// A small LSP client for end-to-end tests: spawns the real copydesk binary with pipes and talks
// framed JSON-RPC to it, as an editor would.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "protocol/framing.hpp"

namespace copydesk::e2e {

using json = nlohmann::json;
using namespace std::chrono_literals;

// Path of the copydesk binary under test (set by CMake).
std::string copydesk_binary();

class LspProcess {
 public:
  explicit LspProcess(std::vector<std::string> args = {}, bool stderr_to_file = true);
  ~LspProcess();
  LspProcess(const LspProcess&) = delete;
  LspProcess& operator=(const LspProcess&) = delete;

  void send_raw(std::string_view bytes);
  void send(const json& message);
  // Sends a request with a fresh integer id and returns the id.
  json request(const std::string& method, const json& params = json::object());
  void notify(const std::string& method, const json& params = json::object());

  // The next message from the server, or nullopt on timeout or end of output.
  std::optional<json> read_message(std::chrono::milliseconds timeout = 5s);
  // Reads until the response to `id`; other messages are kept for later waits.
  json wait_for_response(const json& id, std::chrono::milliseconds timeout = 5s);
  // Sends a request and waits for its response.
  json call(const std::string& method, const json& params = json::object(),
            std::chrono::milliseconds timeout = 5s);
  // Reads until a notification with `method` (checking those kept first).
  json wait_for_notification(const std::string& method, std::chrono::milliseconds timeout = 5s);

  // Reads until a request from the server with `method`; answer it with send().
  json wait_for_server_request(const std::string& method, std::chrono::milliseconds timeout = 5s);

  // initialize + initialized with `capabilities`; returns the initialize result.
  json initialize(const json& capabilities = json::object(),
                  const json& initialization_options = nullptr);
  // shutdown + exit; returns the exit code.
  int shutdown_and_exit();

  void close_stdin();
  // The exit code once the process has ended (128+signal if killed), or nullopt on timeout.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout = 5s);
  int pid() const { return pid_; }
  std::string stderr_text() const;
  // Bytes on stdout that did not frame as messages (must stay zero: stdout is the protocol).
  std::size_t framing_errors() const { return framing_errors_; }

 private:
  bool fill(std::chrono::milliseconds timeout);
  // The first message, kept or read next, that `wanted` accepts; others are kept for later.
  json wait_for(const std::function<bool(const json&)>& wanted, const std::string& what,
                std::chrono::milliseconds timeout);

  int pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  std::string stderr_path_;
  std::optional<int> exit_code_;
  protocol::MessageReader reader_;
  std::deque<json> kept_;
  std::size_t framing_errors_ = 0;
  long next_id_ = 1;
};

// A file:// URI for a test document name.
std::string test_uri(const std::string& name);

}  // namespace copydesk::e2e
