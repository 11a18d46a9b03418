#include "server/logging.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <mutex>

namespace copydesk::server {
namespace {

// A sink that hands warnings and errors to the LSP session. Guarded by its own mutex because
// the session may install or remove the callback while workers log.
class ForwardingSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  void set(std::function<void(int, std::string)> forward) {
    std::lock_guard lock(forward_mutex_);
    forward_ = std::move(forward);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    if (msg.level < spdlog::level::warn) return;
    std::function<void(int, std::string)> forward;
    {
      std::lock_guard lock(forward_mutex_);
      forward = forward_;
    }
    if (!forward) return;
    int type = msg.level >= spdlog::level::err ? 1 : 2;  // LSP MessageType Error / Warning
    forward(type, std::string(msg.payload.data(), msg.payload.size()));
  }
  void flush_() override {}

 private:
  std::mutex forward_mutex_;
  std::function<void(int, std::string)> forward_;
};

std::shared_ptr<ForwardingSink> forwarding_sink() {
  static auto sink = std::make_shared<ForwardingSink>();
  return sink;
}

}  // namespace

bool setup_logging(const LogOptions& options) {
  auto level = spdlog::level::from_str(options.level);
  if (level == spdlog::level::off && options.level != "off") {
    std::cerr << "copydesk: unknown log level '" << options.level
              << "' (use trace, debug, info, warn, error or off)\n";
    return false;
  }
  std::vector<spdlog::sink_ptr> sinks;
  sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
  if (!options.file.empty()) {
    try {
      sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.file));
    } catch (const spdlog::spdlog_ex& e) {
      std::cerr << "copydesk: cannot open log file '" << options.file << "': " << e.what() << "\n";
      return false;
    }
  }
  sinks.push_back(forwarding_sink());
  auto logger = std::make_shared<spdlog::logger>("copydesk", sinks.begin(), sinks.end());
  logger->set_level(level);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  return true;
}

void forward_log_messages(std::function<void(int, std::string)> forward) {
  forwarding_sink()->set(std::move(forward));
}

}  // namespace copydesk::server
