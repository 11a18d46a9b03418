// `copydesk check PATH...`: analyze documents and report findings in a chosen format, with an
// exit code for CI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "server/cli/input_options.hpp"

namespace copydesk::server::cli {

struct CheckOptions {
  InputOptions inputs;
  std::string format = "text";      // text, json, sarif, github, rdjson
  std::string fail_on = "warning";  // error, warning, info, never
  std::string color = "auto";       // auto, always, never
  bool profile = false;             // per-stage timings on stderr
};

CLI::App* add_check_command(CLI::App& app, CheckOptions& options);

// Exit code: 0 nothing at or above fail-on, 1 findings at or above it, 2 a usage, config or
// I/O error (the readable files are still checked and reported).
int run_check(const CheckOptions& options);

}  // namespace copydesk::server::cli
