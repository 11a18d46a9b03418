#include "protocol/text_document.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <utility>

namespace copydesk::protocol {

namespace {

// Whether a line starts at byte `p` of `text`: right after "\n", or after a "\r" that is not the
// first half of "\r\n". Depends only on bytes p-1 and p, which is what keeps edits local.
bool is_line_start(std::string_view text, std::size_t p) {
  if (p == 0) return true;
  const char before = text[p - 1];
  if (before == '\n') return true;
  return before == '\r' && (p == text.size() || text[p] != '\n');
}

std::uint32_t saturate(std::size_t value) {
  return static_cast<std::uint32_t>(
      std::min<std::size_t>(value, std::numeric_limits<std::uint32_t>::max()));
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  // memchr from one line feed to the next, and for carriage returns within each line: a byte
  // loop costs several times more on long documents.
  const char* data = text.data();
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    const void* feed = std::memchr(data + i, '\n', size - i);
    const std::size_t line_end = feed ? static_cast<const char*>(feed) - data : size;
    for (const void* ret = std::memchr(data + i, '\r', line_end - i); ret;) {
      const std::size_t at = static_cast<const char*>(ret) - data;
      if (is_line_start(text, at + 1)) starts_.push_back(at + 1);
      ret = std::memchr(data + at + 1, '\r', line_end - at - 1);
    }
    if (line_end == size) break;
    starts_.push_back(line_end + 1);
    i = line_end + 1;
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return after == starts_.begin() ? 0 : static_cast<std::size_t>(after - starts_.begin()) - 1;
}

std::size_t LineIndex::line_content_end(std::string_view text, std::size_t line) const {
  if (line >= starts_.size()) return text.size();
  // Clamped so that an index that does not match `text` gives wrong answers, not UB.
  const std::size_t start = std::min(starts_[line], text.size());
  if (line + 1 == starts_.size()) return text.size();
  std::size_t end = std::clamp(starts_[line + 1], start, text.size());
  if (end > start && text[end - 1] == '\n') --end;
  if (end > start && text[end - 1] == '\r') --end;
  return end;
}

std::size_t LineIndex::offset_of(std::string_view text, Position pos,
                                 PositionEncoding encoding) const {
  if (pos.line >= starts_.size()) return text.size();
  const std::size_t start = std::min(starts_[pos.line], text.size());
  const std::size_t end = line_content_end(text, pos.line);
  return start + byte_offset_for_units(text.substr(start, end - start), pos.character, encoding);
}

Position LineIndex::position_of(std::string_view text, std::size_t offset,
                                PositionEncoding encoding) const {
  if (starts_.empty()) return {};  // only a moved-from index
  offset = std::min(offset, text.size());
  const std::size_t line = line_of(offset);
  const std::size_t start = std::min(starts_[line], text.size());
  const std::size_t end = line_content_end(text, line);
  const std::string_view content = text.substr(start, end - start);
  // An offset inside the line break counts as the end of the line; one inside a UTF-8 sequence
  // rounds down to the start of its character.
  const std::size_t within =
      byte_offset_for_units(content, std::min(offset, end) - start, PositionEncoding::utf8);
  return {saturate(line), saturate(count_code_units(content.substr(0, within), encoding))};
}

void LineIndex::apply_edit(std::string_view text, std::size_t start, std::size_t removed,
                           std::size_t inserted) {
  const std::size_t new_end = start + inserted;
  if (start > text.size() || inserted > text.size() - start || starts_.empty()) {
    *this = LineIndex(text);  // the caller's numbers do not fit the text; stay correct anyway
    return;
  }
  // Whether p starts a line depends on bytes p-1 and p only. So starts in [0, start) and those
  // past the old end of the edit (shifted) stand; only starts in [start, end of edit] can change,
  // which covers a "\r" before the edit meeting a "\n" at its start and the reverse.
  const std::size_t old_end = start + removed;
  const auto first = std::lower_bound(starts_.begin(), starts_.end(), start);
  const auto last = std::upper_bound(first, starts_.end(), old_end);

  std::vector<std::size_t> fresh;
  for (std::size_t p = start; p <= new_end; ++p) {
    if (is_line_start(text, p)) fresh.push_back(p);
  }

  const std::size_t kept_before = static_cast<std::size_t>(first - starts_.begin());
  const std::size_t replaced = static_cast<std::size_t>(last - first);
  if (fresh.size() <= replaced) {
    std::copy(fresh.begin(), fresh.end(), first);
    starts_.erase(first + static_cast<std::ptrdiff_t>(fresh.size()), last);
  } else {
    std::copy(fresh.begin(), fresh.begin() + static_cast<std::ptrdiff_t>(replaced), first);
    starts_.insert(last, fresh.begin() + static_cast<std::ptrdiff_t>(replaced), fresh.end());
  }
  // Every later start is > old_end >= removed, so the subtraction cannot wrap.
  for (auto it = starts_.begin() + static_cast<std::ptrdiff_t>(kept_before + fresh.size());
       it != starts_.end(); ++it) {
    *it = *it - removed + inserted;
  }
}

TextDocument::TextDocument(std::string uri, std::string language_id, std::int64_t version,
                           std::string text)
    : uri_(std::move(uri)),
      language_id_(std::move(language_id)),
      version_(version),
      text_(std::move(text)),
      lines_(text_) {}

void TextDocument::apply(const ContentChange& change, PositionEncoding encoding) {
  if (!change.range) {
    text_ = change.text;
    lines_ = LineIndex(text_);
    return;
  }
  const std::size_t start = offset_of(change.range->start, encoding);
  // offset_of is monotonic in the position, so a reversed range gives end <= start.
  const std::size_t end = std::max(start, offset_of(change.range->end, encoding));
  text_.replace(start, end - start, change.text);
  lines_.apply_edit(text_, start, end - start, change.text.size());
}

}  // namespace copydesk::protocol
