#include "server/cli/batch.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <thread>
#include <utility>

#include "server/config_loader.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server::cli {

namespace {

struct ReadResult {
  std::string text;
  std::optional<std::string> error;
  bool too_large = false;
  std::optional<std::size_t> size;  // of a too-large input, when known
};

// Reads at most `limit` bytes: past it the input is too large, and a device such as /dev/zero
// or an endless pipe must not exhaust memory.
ReadResult read_fd(int fd, std::size_t limit) {
  ReadResult result;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      result.text.append(buffer, static_cast<std::size_t>(n));
      if (result.text.size() > limit) {
        result.text = {};
        result.too_large = true;
        return result;
      }
    } else if (n == 0) {
      return result;
    } else if (errno != EINTR) {
      result.error = std::strerror(errno);
      return result;
    }
  }
}

ReadResult read_input(const InputFile& file, std::size_t limit) {
  if (file.from_stdin) return read_fd(STDIN_FILENO, limit);
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ReadResult result;
    result.error = std::strerror(errno);
    return result;
  }
  // A regular file's size is known up front: no need to read 100 MB to skip it.
  struct stat status;
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
      static_cast<std::size_t>(status.st_size) > limit) {
    ::close(fd);
    ReadResult result;
    result.too_large = true;
    result.size = static_cast<std::size_t>(status.st_size);
    return result;
  }
  ReadResult result = read_fd(fd, limit);
  ::close(fd);
  return result;
}

}  // namespace

std::string cannot_read_message(const output::InputError& error) {
  return "copydesk: cannot read " + error.path + ": " + error.message;
}

Batch prepare_batch(const BatchOptions& options, std::ostream& err) {
  Batch batch;
  batch.max_document_bytes = options.max_document_bytes;
  Discovery discovery = discover_inputs(options.paths, options.discovery);
  for (const DiscoveryError& error : discovery.errors) {
    batch.errors.push_back({error.path, error.message});
    err << cannot_read_message(batch.errors.back()) << '\n';
  }
  for (const DiscoveryError& skipped : discovery.skipped)
    err << "copydesk: skipped " << skipped.path << ": " << skipped.message << '\n';

  ConfigLoader loader(options.config, options.no_config);
  for (InputFile& file : discovery.files) {
    ConfigLookup lookup = loader.for_file(file.config_lookup);
    if (!lookup.errors.empty()) batch.config_failed = true;
    // new_errors holds each config file's errors the first time only: printed once per file.
    for (const analyzers::ConfigError& error : lookup.new_errors)
      err << analyzers::to_string(error) << '\n';
    PreparedInput input;
    input.options.dateline_override = options.dateline;
    input.options.settings =
        analyzers::resolve_settings(*lookup.config, lookup.relative_path(file.config_lookup));
    input.file = std::move(file);
    batch.inputs.push_back(std::move(input));
  }
  return batch;
}

void run_batch(Batch& batch, unsigned jobs, const AnalyzedCallback& on_analyzed, std::ostream& err,
               const SkippedCallback& on_skipped) {
  const std::size_t count = batch.inputs.size();
  std::vector<std::optional<std::string>> read_errors(count);
  // read_errors[i] says why input i was not analysed. Not vector<bool>: threads set neighbours.
  std::vector<char> skipped(count, 0);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      const PreparedInput& input = batch.inputs[i];
      ReadResult read = read_input(input.file, batch.max_document_bytes);
      if (read.error) {
        read_errors[i] = std::move(read.error);
        if (on_skipped) on_skipped(i);
        continue;
      }
      if (read.too_large) {
        read_errors[i] = too_large_reason(read.size, batch.max_document_bytes);
        skipped[i] = 1;
        if (on_skipped) on_skipped(i);
        continue;
      }
      analyzers::Document document;
      document.path = input.file.display_path;
      document.text = std::move(read.text);
      document.format = analyzers::format_for_path(input.file.config_lookup.string());
      try {
        const analyzers::Analysis analysis = analyzers::analyze(document, input.options);
        on_analyzed(i, document, analysis);
      } catch (const std::exception& error) {
        // One document that breaks the engine must not take the rest of the run with it.
        read_errors[i] = std::string("analysis failed: ") + error.what();
        if (on_skipped) on_skipped(i);
      }
    }
  };

  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t threads = std::min<std::size_t>(jobs, count);
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::jthread> workers;
    workers.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t)
      workers.emplace_back(work);
  }

  for (std::size_t i = 0; i < count; ++i) {
    if (!read_errors[i]) continue;
    batch.errors.push_back({batch.inputs[i].file.display_path, *read_errors[i]});
    const output::InputError& error = batch.errors.back();
    err << (skipped[i] ? "copydesk: " + error.path + ": " + error.message
                       : cannot_read_message(error))
        << '\n';
  }
}

}  // namespace copydesk::server::cli
