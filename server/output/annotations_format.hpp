// The `annotate` output: one JSON object per document (JSON Lines) with every annotation the
// engine made and its diagnostics. The contract is documented in docs/annotations.md.
#pragma once

#include <string>

#include "analyzers/engine.hpp"
#include "server/output/report.hpp"

namespace copydesk::server::output {

// One line of JSON, ending in "\n". `file` carries the path, text and findings; `annotations`
// are the engine's for the same text.
std::string format_annotation_line(const FileReport& file,
                                   const analyzers::Annotations& annotations);

}  // namespace copydesk::server::output
