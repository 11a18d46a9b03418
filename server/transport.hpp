// Transport: framed JSON-RPC over a pair of file descriptors (stdin/stdout for LSP). It reads on
// one thread and writes on another, so neither a slow client nor analysis can stall the other
// side; it knows nothing of LSP methods.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "protocol/framing.hpp"

namespace copydesk::server {

class Transport {
 public:
  // Called on the reader thread for each framed body or framing error, and once at end of input
  // (`mid_message` says whether the stream ended inside a message).
  using EventHandler = std::function<void(protocol::FramingEvent)>;
  using EndHandler = std::function<void(bool mid_message)>;

  Transport(int in_fd, int out_fd, protocol::FramingLimits limits);
  ~Transport();
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  void start(EventHandler on_event, EndHandler on_end);
  // Queues one message body for writing. Thread-safe; messages go out whole and in order.
  void send(std::string body);
  // Stops reading, writes what is queued, and joins both threads.
  void close();

 private:
  void read_loop();
  void write_loop();

  int in_fd_;
  int out_fd_;
  int wake_pipe_[2] = {-1, -1};  // wakes the reader's poll() on close()
  protocol::FramingLimits limits_;
  EventHandler on_event_;
  EndHandler on_end_;
  std::thread reader_;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable has_output_;
  std::deque<std::string> output_;
  bool closing_ = false;
};

}  // namespace copydesk::server
