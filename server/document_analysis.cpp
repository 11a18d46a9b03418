#include "server/document_analysis.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "protocol/lsp_types.hpp"

namespace copydesk::server {

protocol::json DocumentAnalysis::range(analyzers::Span span) const {
  return protocol::to_json(protocol::Range{position(span.start), position(span.end)});
}

// LineIndex::position_of, with the count of code units carried on from the memo when the offset
// is on the memo's line and not before it.
protocol::Position DocumentAnalysis::position(std::uint32_t offset) const {
  const std::string_view text = document.text;
  if (encoding == protocol::PositionEncoding::utf8 || lines.line_count() == 0)
    return lines.position_of(text, offset, encoding);
  const std::size_t clamped = std::min<std::size_t>(offset, text.size());
  const std::size_t line = lines.line_of(clamped);
  const std::size_t start = std::min(lines.line_start(line), text.size());
  const std::size_t end = lines.line_content_end(text, line);
  const std::string_view content = text.substr(start, end - start);
  const std::size_t within = protocol::byte_offset_for_units(
      content, std::min(clamped, end) - start, protocol::PositionEncoding::utf8);
  std::lock_guard lock(position_memo_->mutex);
  PositionMemo& memo = *position_memo_;
  std::size_t from = 0, character = 0;
  if (memo.line == line && memo.within <= within) {
    from = memo.within;
    character = memo.character;
  }
  character += protocol::count_code_units(content.substr(from, within - from), encoding);
  memo.line = line;
  memo.within = within;
  memo.character = character;
  constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max();
  return {static_cast<std::uint32_t>(std::min(line, kMax)),
          static_cast<std::uint32_t>(std::min(character, kMax))};
}

std::string too_large_reason(std::optional<std::size_t> bytes, std::size_t limit) {
  auto mib = [](std::size_t size) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(size) / (1 << 20));
    return std::string(text);
  };
  return "too large: " + (bytes ? mib(*bytes) + ", over" : std::string("over")) + " the " +
         mib(limit) + " limit; analysis skipped";
}

}  // namespace copydesk::server
