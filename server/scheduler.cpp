#include "server/scheduler.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

namespace copydesk::server {

Scheduler::Scheduler(boost::asio::io_context& main, std::size_t workers,
                     std::chrono::milliseconds debounce)
    : main_(main), pool_(workers == 0 ? 1 : workers), debounce_(debounce) {}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::schedule(const std::string& key, Job job) {
  Slot& slot = slots_[key];
  slot.pending = std::move(job);
  if (slot.running_cancel) slot.running_cancel->store(true);
  arm(key, debounce_);
}

void Scheduler::schedule_now(const std::string& key, Job job) {
  Slot& slot = slots_[key];
  slot.pending = std::move(job);
  if (slot.running_cancel) slot.running_cancel->store(true);
  arm(key, std::chrono::milliseconds(0));
}

void Scheduler::arm(const std::string& key, std::chrono::milliseconds delay) {
  if (stopped_) return;
  Slot& slot = slots_[key];
  if (!slot.timer) slot.timer = std::make_unique<boost::asio::steady_timer>(main_);
  slot.timer->expires_after(delay);  // cancels an earlier wait, which then sees operation_aborted
  slot.timer_armed = true;
  slot.timer->async_wait([this, key](const boost::system::error_code& error) {
    if (error) return;  // re-armed or cancelled
    auto it = slots_.find(key);
    if (it == slots_.end()) return;
    it->second.timer_armed = false;
    if (!it->second.running) start(key);  // else finish() starts it
  });
}

void Scheduler::start(const std::string& key) {
  Slot& slot = slots_[key];
  if (!slot.pending || stopped_) return;
  Job job = std::move(slot.pending);
  slot.pending = nullptr;
  slot.running = true;
  auto cancel = std::make_shared<CancelFlag>(false);
  slot.running_cancel = cancel;
  boost::asio::post(pool_, [this, key, job = std::move(job), cancel] {
    std::function<void()> continuation;
    try {
      continuation = job(*cancel);
    } catch (const std::exception& e) {
      spdlog::error("analysis of {} failed: {}", key, e.what());
    }
    boost::asio::post(main_, [this, key, continuation = std::move(continuation)] {
      if (continuation) continuation();
      finish(key);
    });
  });
}

void Scheduler::finish(const std::string& key) {
  auto it = slots_.find(key);
  if (it == slots_.end()) return;
  Slot& slot = it->second;
  slot.running = false;
  slot.running_cancel.reset();
  if (slot.pending && !slot.timer_armed) {
    start(key);
    return;
  }
  if (!slot.pending) {
    auto waiters = std::move(slot.idle_waiters);
    slot.idle_waiters.clear();
    for (auto& waiter : waiters)
      waiter();
    if (!slot.running && !slot.pending && slot.idle_waiters.empty()) slots_.erase(it);
  }
}

void Scheduler::when_idle(const std::string& key, std::function<void()> callback) {
  auto it = slots_.find(key);
  if (it == slots_.end() || (!it->second.running && !it->second.pending)) {
    boost::asio::post(main_, std::move(callback));
    return;
  }
  it->second.idle_waiters.push_back(std::move(callback));
}

void Scheduler::cancel(const std::string& key) {
  auto it = slots_.find(key);
  if (it == slots_.end()) return;
  Slot& slot = it->second;
  slot.pending = nullptr;
  if (slot.timer) slot.timer->cancel();
  slot.timer_armed = false;
  if (slot.running_cancel) slot.running_cancel->store(true);
  if (!slot.running) {
    auto waiters = std::move(slot.idle_waiters);
    slots_.erase(it);
    for (auto& waiter : waiters)
      boost::asio::post(main_, std::move(waiter));
  }
}

void Scheduler::stop() {
  if (stopped_) return;
  stopped_ = true;
  for (auto& [key, slot] : slots_) {
    if (slot.timer) slot.timer->cancel();
    if (slot.running_cancel) slot.running_cancel->store(true);
  }
  pool_.join();
}

}  // namespace copydesk::server
