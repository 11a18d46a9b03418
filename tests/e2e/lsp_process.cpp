#include "tests/e2e/lsp_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace copydesk::e2e {

std::string copydesk_binary() {
  if (const char* env = std::getenv("COPYDESK_BINARY")) return env;
  return COPYDESK_BINARY_PATH;
}

std::string test_uri(const std::string& name) {
  return "file:///tmp/copydesk-e2e/" + name;
}

LspProcess::LspProcess(std::vector<std::string> args, bool stderr_to_file) {
  int in_pipe[2], out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  int err_fd = -1;
  if (stderr_to_file) {
    char path[] = "/tmp/copydesk-e2e-stderr-XXXXXX";
    err_fd = ::mkstemp(path);
    stderr_path_ = path;
  }
  std::vector<std::string> argv_strings{copydesk_binary()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in_pipe[0], STDIN_FILENO);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    if (err_fd >= 0) ::dup2(err_fd, STDERR_FILENO);
    ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    std::vector<char*> argv;
    for (auto& s : argv_strings)
      argv.push_back(s.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  if (err_fd >= 0) ::close(err_fd);
  to_child_ = in_pipe[1];
  from_child_ = out_pipe[0];
  ::signal(SIGPIPE, SIG_IGN);
}

LspProcess::~LspProcess() {
  if (to_child_ >= 0) ::close(to_child_);
  if (!exit_code_ && pid_ > 0) {
    if (!wait_exit(2s)) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (from_child_ >= 0) ::close(from_child_);
  if (!stderr_path_.empty()) ::unlink(stderr_path_.c_str());
}

void LspProcess::send_raw(std::string_view bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(to_child_, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error("write to server failed");
    }
    written += static_cast<std::size_t>(n);
  }
}

void LspProcess::send(const json& message) {
  send_raw(protocol::frame_message(message.dump()));
}

json LspProcess::request(const std::string& method, const json& params) {
  json id = next_id_++;
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = params;
  send(message);
  return id;
}

void LspProcess::notify(const std::string& method, const json& params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) message["params"] = params;
  send(message);
}

bool LspProcess::fill(std::chrono::milliseconds timeout) {
  pollfd fd{from_child_, POLLIN, 0};
  int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  char buffer[65536];
  ssize_t n = ::read(from_child_, buffer, sizeof buffer);
  if (n <= 0) return false;
  reader_.feed(std::string_view(buffer, static_cast<std::size_t>(n)));
  return true;
}

std::optional<json> LspProcess::read_message(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    while (auto event = reader_.next()) {
      if (auto* body = std::get_if<protocol::FramedBody>(&*event)) return json::parse(body->body);
      ++framing_errors_;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !fill(left)) return std::nullopt;
  }
}

json LspProcess::wait_for(const std::function<bool(const json&)>& wanted, const std::string& what,
                          std::chrono::milliseconds timeout) {
  for (auto it = kept_.begin(); it != kept_.end(); ++it) {
    if (wanted(*it)) {
      json found = *it;
      kept_.erase(it);
      return found;
    }
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    auto message = read_message(std::max(left, std::chrono::milliseconds(0)));
    if (!message) throw std::runtime_error("no " + what);
    if (wanted(*message)) return *message;
    kept_.push_back(std::move(*message));
  }
}

json LspProcess::wait_for_response(const json& id, std::chrono::milliseconds timeout) {
  return wait_for(
      [&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); },
      "response to id " + id.dump(), timeout);
}

json LspProcess::call(const std::string& method, const json& params,
                      std::chrono::milliseconds timeout) {
  return wait_for_response(request(method, params), timeout);
}

json LspProcess::wait_for_notification(const std::string& method,
                                       std::chrono::milliseconds timeout) {
  return wait_for(
      [&](const json& m) { return m.value("method", "") == method && !m.contains("id"); },
      "notification " + method, timeout);
}

json LspProcess::wait_for_server_request(const std::string& method,
                                         std::chrono::milliseconds timeout) {
  return wait_for(
      [&](const json& m) { return m.value("method", "") == method && m.contains("id"); },
      "request " + method, timeout);
}

json LspProcess::initialize(const json& capabilities, const json& initialization_options) {
  json params = {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}};
  if (!initialization_options.is_null()) params["initializationOptions"] = initialization_options;
  json response = call("initialize", params);
  notify("initialized", json::object());
  return response;
}

int LspProcess::shutdown_and_exit() {
  call("shutdown", nullptr);
  notify("exit", nullptr);
  auto code = wait_exit(5s);
  return code ? *code : -1;
}

void LspProcess::close_stdin() {
  if (to_child_ >= 0) ::close(to_child_);
  to_child_ = -1;
}

std::optional<int> LspProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (exit_code_) return exit_code_;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(5ms);
  }
}

std::string LspProcess::stderr_text() const {
  std::ifstream in(stderr_path_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace copydesk::e2e
