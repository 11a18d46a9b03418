#include "server/transport.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace copydesk::server {

Transport::Transport(int in_fd, int out_fd, protocol::FramingLimits limits)
    : in_fd_(in_fd), out_fd_(out_fd), limits_(limits) {
  if (::pipe(wake_pipe_) != 0) {
    spdlog::error("transport: pipe() failed: {}", std::strerror(errno));
    wake_pipe_[0] = wake_pipe_[1] = -1;
  }
}

Transport::~Transport() {
  close();
  for (int fd : wake_pipe_)
    if (fd >= 0) ::close(fd);
}

void Transport::start(EventHandler on_event, EndHandler on_end) {
  on_event_ = std::move(on_event);
  on_end_ = std::move(on_end);
  reader_ = std::thread([this] { read_loop(); });
  writer_ = std::thread([this] { write_loop(); });
}

void Transport::send(std::string body) {
  {
    std::lock_guard lock(mutex_);
    output_.push_back(protocol::frame_message(body));
  }
  has_output_.notify_one();
}

void Transport::close() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  has_output_.notify_all();
  if (wake_pipe_[1] >= 0) {
    char byte = 0;
    [[maybe_unused]] auto ignored = ::write(wake_pipe_[1], &byte, 1);
  }
  if (reader_.joinable() && reader_.get_id() != std::this_thread::get_id()) reader_.join();
  if (writer_.joinable()) writer_.join();
}

void Transport::read_loop() {
  protocol::MessageReader reader(limits_);
  std::string chunk(64 * 1024, '\0');
  for (;;) {
    pollfd fds[2] = {{in_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int ready = ::poll(fds, wake_pipe_[0] >= 0 ? 2 : 1, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      spdlog::error("transport: poll failed: {}", std::strerror(errno));
      break;
    }
    if (fds[1].revents != 0) return;  // close() asked us to stop; no end event
    ssize_t n = ::read(in_fd_, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      spdlog::error("transport: read failed: {}", std::strerror(errno));
      break;
    }
    if (n == 0) break;
    reader.feed(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
    while (auto event = reader.next())
      on_event_(std::move(*event));
  }
  on_end_(reader.mid_message());
}

void Transport::write_loop() {
  for (;;) {
    std::string message;
    {
      std::unique_lock lock(mutex_);
      has_output_.wait(lock, [&] { return closing_ || !output_.empty(); });
      if (output_.empty()) return;  // closing and drained
      message = std::move(output_.front());
      output_.pop_front();
    }
    std::size_t written = 0;
    while (written < message.size()) {
      ssize_t n = ::write(out_fd_, message.data() + written, message.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        spdlog::error("transport: write failed: {}; dropping output", std::strerror(errno));
        std::lock_guard lock(mutex_);
        output_.clear();
        return;
      }
      written += static_cast<std::size_t>(n);
    }
  }
}

}  // namespace copydesk::server
