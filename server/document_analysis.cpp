#include "server/document_analysis.hpp"

#include "protocol/lsp_types.hpp"

namespace copydesk::server {

protocol::json DocumentAnalysis::range(analyzers::Span span) const {
  return protocol::to_json(protocol::Range{position(span.start), position(span.end)});
}

}  // namespace copydesk::server
