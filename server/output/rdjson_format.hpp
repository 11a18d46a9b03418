// The `--format rdjson` output: reviewdog's Diagnostic Format (DiagnosticResult), for
// `reviewdog -f=rdjson`. Columns are 1-based UTF-8 byte counts and range ends are exclusive, as
// that format defines them.
#pragma once

#include <string>

#include "server/output/report.hpp"

namespace copydesk::server::output {

std::string format_rdjson(const Report& report);

}  // namespace copydesk::server::output
