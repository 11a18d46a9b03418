// The `--format json` output: every checked file with its diagnostics, and a summary. The schema
// is documented in docs/json-output.md.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "server/output/report.hpp"

namespace copydesk::server::output {

// `null` when the document has no dateline, else {"value": "2024-03-12", "source": "header"}.
nlohmann::ordered_json dateline_json(const analyzers::Dateline& dateline);

// Byte offsets plus 1-based line and code-point column of `span` in `file`.
void add_position_fields(nlohmann::ordered_json& object, const FileReport& file,
                         analyzers::Span span);

// JSON text, never throwing on bytes that are not UTF-8 (they become U+FFFD).
std::string dump_json(const nlohmann::ordered_json& value, int indent);

std::string format_json(const Report& report);
// The same, written to `out` file by file: the output of a large corpus is never held whole.
void write_json(const Report& report, std::ostream& out);

}  // namespace copydesk::server::output
