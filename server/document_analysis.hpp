// One analysed version of an open document: the snapshot that was analysed, its line index and
// the engine's result. Every LSP feature answers from this, so positions always match the text
// the analysis saw.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
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
  analyzers::EffectiveSettings settings;  // what the analysis ran with (severities, lists)
  protocol::json diagnostics;  // the document's own LSP diagnostics (not those across documents)

  // Remembers the last answer, so that a sweep along a line (semantic tokens, inlay hints)
  // counts each UTF-16 code unit once rather than once per position: on a 1 MB line the
  // difference is milliseconds against minutes.
  protocol::Position position(std::uint32_t offset) const;
  protocol::json range(analyzers::Span span) const;
  std::size_t offset(protocol::Position position) const {
    return lines.offset_of(document.text, position, encoding);
  }
  std::string_view text(analyzers::Span span) const {
    return std::string_view(document.text).substr(span.start, span.size());
  }

 private:
  struct PositionMemo {
    std::mutex mutex;  // answers may be built on any thread
    std::size_t line = static_cast<std::size_t>(-1);
    std::size_t within = 0;  // bytes into the line
    std::size_t character = 0;
  };
  std::unique_ptr<PositionMemo> position_memo_ = std::make_unique<PositionMemo>();
};

using DocumentAnalysisPtr = std::shared_ptr<const DocumentAnalysis>;

// Documents larger than this are kept in sync but not analysed, in the editor and in `check`
// (--max-document-mib changes it): an article is far smaller, and analysing a data dump or a
// log would hold a worker for minutes and its annotations would take gigabytes.
inline constexpr std::size_t kDefaultMaxDocumentBytes = std::size_t{10} << 20;

// Why a document was not analysed: "too large: 100.0 MiB, over the 10.0 MiB limit; analysis
// skipped". `bytes` is nullopt when the size is unknown (a stream read up to the limit).
std::string too_large_reason(std::optional<std::size_t> bytes, std::size_t limit);

}  // namespace copydesk::server
