// The `--format sarif` output: a SARIF 2.1.0 log with one run, for code-scanning services.
// Columns are code points (run.columnKind "unicodeCodePoints").
#pragma once

#include <string>

#include "server/output/report.hpp"

namespace copydesk::server::output {

std::string format_sarif(const Report& report);

}  // namespace copydesk::server::output
