// The text document model: text, version, and a line index kept current under incremental edits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/position_encoding.hpp"

namespace copydesk::protocol {

// Zero-based line and character, the character counted in the session's position encoding.
struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend bool operator==(const Position&, const Position&) = default;
};
struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

// Byte offsets at which lines start. "\n", "\r\n" and "\r" all end a line, as LSP says.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  std::size_t line_count() const { return starts_.size(); }
  std::size_t line_start(std::size_t line) const { return starts_[line]; }
  // The line holding byte `offset` (clamped to the text).
  std::size_t line_of(std::size_t offset) const;
  // End of `line`'s content, before its line break.
  std::size_t line_content_end(std::string_view text, std::size_t line) const;

  // Byte offset of `pos`, clamped as the spec says: a line past the end means the end of the
  // text; a character past the end of its line means the end of that line's content.
  std::size_t offset_of(std::string_view text, Position pos, PositionEncoding encoding) const;
  Position position_of(std::string_view text, std::size_t offset, PositionEncoding encoding) const;

  // Updates the index after bytes [start, start+removed) of the old text were replaced by
  // `inserted`. `text` is the text after the edit. Cost: the lines the edit touches plus a shift
  // of the later line starts, not a rescan of the document.
  void apply_edit(std::string_view text, std::size_t start, std::size_t removed,
                  std::size_t inserted);

  const std::vector<std::size_t>& starts() const { return starts_; }

 private:
  std::vector<std::size_t> starts_{0};
};

struct ContentChange {
  std::optional<Range> range;  // absent: the whole text is replaced
  std::string text;
};

class TextDocument {
 public:
  TextDocument() = default;
  TextDocument(std::string uri, std::string language_id, std::int64_t version, std::string text);

  const std::string& uri() const { return uri_; }
  const std::string& language_id() const { return language_id_; }
  std::int64_t version() const { return version_; }
  const std::string& text() const { return text_; }
  const LineIndex& lines() const { return lines_; }

  void set_version(std::int64_t version) { version_ = version; }
  // Applies one change. Ranges are clamped, and a reversed range is treated as empty at its start.
  void apply(const ContentChange& change, PositionEncoding encoding);

  std::size_t offset_of(Position pos, PositionEncoding encoding) const {
    return lines_.offset_of(text_, pos, encoding);
  }
  Position position_of(std::size_t offset, PositionEncoding encoding) const {
    return lines_.position_of(text_, offset, encoding);
  }

 private:
  std::string uri_;
  std::string language_id_;
  std::int64_t version_ = 0;
  std::string text_;
  LineIndex lines_;
};

}  // namespace copydesk::protocol
