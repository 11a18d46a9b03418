// The human-readable `check` output: compiler-style lines with the source line and a caret
// underline, then a one-line summary.
#pragma once

#include <string>

#include "server/output/report.hpp"

namespace copydesk::server::output {

// With `color`, ANSI escapes mark severities, locations and underlines.
std::string format_text(const Report& report, bool color);

// "3 problems (1 error, 2 warnings, 0 info) in 2 of 5 files", or "No problems in 5 files".
std::string summary_line(const Summary& summary);

}  // namespace copydesk::server::output
