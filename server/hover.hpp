// Hover: what copydesk knows about the words under the cursor. A date shows its resolved value,
// weekday and distance from the dateline; a source its canonical name, kind and claims; a claim
// its status and reasons; a finding its rule and documentation.
#pragma once

#include <optional>

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

// A Hover result, or nullopt when nothing is annotated at `offset`. `markdown` chooses the
// content format (clients declare which they render).
std::optional<protocol::json> hover_at(const DocumentAnalysis& analysis, std::size_t offset,
                                       bool markdown);

// "2024-03-12, Tuesday: 1 day before the dateline" for a calendar-day value, or the value
// itself; exposed for inlay hints and tests.
std::string describe_date(const analyzers::DateMention& date, const analyzers::Dateline& dateline);

}  // namespace copydesk::server
