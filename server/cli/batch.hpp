// What `check` and `annotate` share: find the inputs, look up each one's configuration, then
// read and analyze them in parallel, handing results back by input index so that output keeps
// input order whatever the scheduling.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/engine.hpp"
#include "server/cli/discovery.hpp"
#include "server/document_analysis.hpp"
#include "server/output/report.hpp"

namespace copydesk::server::cli {

struct BatchOptions {
  std::vector<std::string> paths;
  DiscoveryOptions discovery;
  unsigned jobs = 0;  // 0: one per core
  std::optional<std::filesystem::path> config;
  bool no_config = false;
  std::optional<analyzers::CalendarDate> dateline;
  std::size_t max_document_bytes = kDefaultMaxDocumentBytes;  // larger inputs are skipped
};

struct PreparedInput {
  InputFile file;
  analyzers::AnalysisOptions options;
};

struct Batch {
  std::vector<PreparedInput> inputs;
  std::vector<output::InputError> errors;  // inputs that could not be read, in order found
  bool config_failed = false;              // a config file had errors (they are printed)
  std::size_t max_document_bytes = kDefaultMaxDocumentBytes;
};

// Discovers the inputs and resolves their settings. Discovery and config errors are printed to
// `err` as they are found; config errors once per config file.
Batch prepare_batch(const BatchOptions& options, std::ostream& err);

// Called on worker threads, once per input that could be read, with its input index.
using AnalyzedCallback = std::function<void(std::size_t index, const analyzers::Document& document,
                                            const analyzers::Analysis& analysis)>;

// Called on worker threads, once per input that was not analysed (unreadable, too large, or the
// analysis failed), with its input index.
using SkippedCallback = std::function<void(std::size_t index)>;

// Reads and analyzes every input on `jobs` threads. Inputs that cannot be read are printed to
// `err` ("copydesk: cannot read PATH: reason") in input order, appended to batch.errors, and
// skipped; so are inputs over the size limit ("copydesk: PATH: too large: ..."). Every input
// gets exactly one of the two callbacks.
void run_batch(Batch& batch, unsigned jobs, const AnalyzedCallback& on_analyzed, std::ostream& err,
               const SkippedCallback& on_skipped = {});

// The message for an input that could not be read.
std::string cannot_read_message(const output::InputError& error);

}  // namespace copydesk::server::cli
