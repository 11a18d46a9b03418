// `copydesk annotate PATH...`: the engine's annotations of each document as JSON Lines, for
// evaluation scripts and other tools (contract in docs/annotations.md).
#pragma once

#include <CLI/CLI.hpp>

#include "server/cli/input_options.hpp"

namespace copydesk::server::cli {

struct AnnotateOptions {
  InputOptions inputs;
};

CLI::App* add_annotate_command(CLI::App& app, AnnotateOptions& options);

// Exit code: 0, or 2 when an input or config could not be read (the rest are still annotated).
int run_annotate(const AnnotateOptions& options);

}  // namespace copydesk::server::cli
