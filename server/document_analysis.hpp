// One analysed version of an open document: the snapshot that was analysed, its line index and
// the engine's result. Every LSP feature answers from this, so positions always match the text
// the analysis saw.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "analyzers/engine.hpp"
#include "protocol/jsonrpc.hpp"
#include "protocol/position_encoding.hpp"
#include "protocol/text_document.hpp"

namespace copydesk::server {

struct DocumentAnalysis {
  std::string uri;
  std::int64_t version = 0;
  std::uint64_t generation = 0;
  analyzers::Document document;
  protocol::LineIndex lines;
  protocol::PositionEncoding encoding = protocol::PositionEncoding::utf16;
  analyzers::Analysis analysis;
  protocol::json diagnostics;  // the published LSP diagnostics

  protocol::Position position(std::uint32_t offset) const {
    return lines.position_of(document.text, offset, encoding);
  }
  protocol::json range(analyzers::Span span) const;
  std::size_t offset(protocol::Position position) const {
    return lines.offset_of(document.text, position, encoding);
  }
  std::string_view text(analyzers::Span span) const {
    return std::string_view(document.text).substr(span.start, span.size());
  }
};

using DocumentAnalysisPtr = std::shared_ptr<const DocumentAnalysis>;

}  // namespace copydesk::server
