// Inlay hints: the resolved date after each relative date ("on Tuesday" -> 2024-03-12), and the
// source's name after a pronoun that stands for it ("he said" -> Yusov).
#pragma once

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

struct InlayHintOptions {
  bool dates = true;
  bool sources = true;
};

// InlayHint[] for the byte range [from, to) of the document.
protocol::json inlay_hints(const DocumentAnalysis& analysis, std::size_t from, std::size_t to,
                           const InlayHintOptions& options);

}  // namespace copydesk::server
