// Per-document analysis scheduling: debounce, one job at a time per document on a worker pool,
// cancellation of superseded work, and "run when idle" barriers. Everything here is called on
// the main (io_context) thread; only the job body runs on a worker.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace copydesk::server {

// Set when the job's result is no longer wanted; long jobs should poll it and stop early.
using CancelFlag = std::atomic<bool>;

class Scheduler {
 public:
  // A job runs on a worker and returns the continuation to run back on the main thread.
  using Job = std::function<std::function<void()>(const CancelFlag&)>;

  Scheduler(boost::asio::io_context& main, std::size_t workers, std::chrono::milliseconds debounce);
  ~Scheduler();

  void set_debounce(std::chrono::milliseconds debounce) { debounce_ = debounce; }
  std::chrono::milliseconds debounce() const { return debounce_; }

  // Runs `job` for `key` once `key` has been quiet for the debounce time. A later call for the
  // same key replaces a job that has not started and cancels one that is running.
  void schedule(const std::string& key, Job job);
  // Like schedule, without the debounce (for requests that want fresh results now).
  void schedule_now(const std::string& key, Job job);
  // Calls `callback` on the main thread once `key` has no pending or running job.
  void when_idle(const std::string& key, std::function<void()> callback);
  // Drops pending work for `key` and cancels running work (its continuation still runs).
  void cancel(const std::string& key);
  // Waits for running jobs to finish; pending ones are dropped.
  void stop();

 private:
  struct Slot {
    std::unique_ptr<boost::asio::steady_timer> timer;
    Job pending;
    bool timer_armed = false;
    bool running = false;
    std::shared_ptr<CancelFlag> running_cancel;
    std::vector<std::function<void()>> idle_waiters;
  };
  void arm(const std::string& key, std::chrono::milliseconds delay);
  void start(const std::string& key);
  void finish(const std::string& key);

  boost::asio::io_context& main_;
  boost::asio::thread_pool pool_;
  std::chrono::milliseconds debounce_;
  std::map<std::string, Slot> slots_;
  bool stopped_ = false;
};

}  // namespace copydesk::server
