// The command-line options `check` and `annotate` share: inputs, filters, parallelism, config and
// dateline.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "server/cli/batch.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::vector<std::string> includes;
  std::vector<std::string> excludes;
  std::string stdin_filename;
  unsigned jobs = 0;  // 0: one per core
  std::string config;
  bool no_config = false;
  std::string dateline;  // validated by the parser
  std::size_t max_document_mib = kDefaultMaxDocumentBytes >> 20;
};

void add_input_options(CLI::App& command, InputOptions& options);

// The batch the options describe (after a successful parse).
BatchOptions to_batch_options(const InputOptions& options);

}  // namespace copydesk::server::cli
