// The outline of sources: each source (by canonical name) with the claims attributed to it as
// children, and the claims nobody stands behind in a group of their own.
#pragma once

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

protocol::json document_symbols(const DocumentAnalysis& analysis);

}  // namespace copydesk::server
