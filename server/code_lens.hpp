// The summary code lens at the top of a document:
// "14 claims · 11 attributed · 2 unverified · 1 unattributed · 5 sources (1 anonymous)".
#pragma once

#include <string>

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

std::string claim_summary(const DocumentAnalysis& analysis);
protocol::json summary_code_lens(const DocumentAnalysis& analysis);

}  // namespace copydesk::server
