// Fuzz target: a sequence of incremental edits (didChange content changes) applied to a
// TextDocument in utf-8, utf-16 or utf-32 positions, checked after every edit against a naive
// reference that rescans the text and decodes UTF-8 itself; then the final text is analysed and
// run through the server features (fuzz_support.hpp).
//
// Input: encoding and format, the opening text, choices for the features, then edits to the end.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/text_document.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using namespace copydesk;
using protocol::Position;
using protocol::PositionEncoding;

// Bytes in the character at `i`: a well-formed UTF-8 sequence, else 1 (each invalid byte is a
// character of its own, as the protocol counts them). Decodes the value instead of using the
// protocol's lead-byte table, so the two are independent.
std::size_t character_length(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t length = lead < 0x80   ? 1
                             : lead < 0xC0 ? 0
                             : lead < 0xE0 ? 2
                             : lead < 0xF0 ? 3
                             : lead < 0xF8 ? 4
                                           : 0;
  if (length <= 1 || i + length > s.size()) return 1;
  std::uint32_t value = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) return 1;
    value = (value << 6) | (next & 0x3F);
  }
  constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool valid =
      value >= kSmallest[length] && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
  return valid ? length : 1;
}

std::size_t units(std::size_t length, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8) return length;
  if (encoding == PositionEncoding::utf16) return length == 4 ? 2 : 1;
  return 1;
}

// The document as the LSP specification describes it, computed from scratch every time.
struct Reference {
  std::string text;
  PositionEncoding encoding;

  struct Line {
    std::size_t start, content_end;
  };
  std::vector<Line> lines() const {
    std::vector<Line> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\n' && text[i] != '\r') continue;
      const std::size_t content_end = i;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out.push_back({start, content_end});
      start = i + 1;
    }
    out.push_back({start, text.size()});
    return out;
  }

  std::size_t offset_of(Position pos) const {
    const std::vector<Line> all = lines();
    if (pos.line >= all.size()) return text.size();
    const Line line = all[pos.line];
    std::size_t at = line.start;
    std::size_t left = pos.character;
    while (at < line.content_end) {
      const std::size_t length = character_length(text, at);
      if (units(length, encoding) > left) break;
      left -= units(length, encoding);
      at += length;
    }
    return at;
  }

  Position position_of(std::size_t offset) const {
    offset = std::min(offset, text.size());
    const std::vector<Line> all = lines();
    std::size_t line = 0;
    while (line + 1 < all.size() && all[line + 1].start <= offset)
      ++line;
    std::size_t at = all[line].start;
    std::size_t character = 0;
    const std::size_t limit = std::min(offset, all[line].content_end);
    while (at < limit) {
      const std::size_t length = character_length(text, at);
      if (at + length > limit) break;  // inside a character: its start
      character += units(length, encoding);
      at += length;
    }
    return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(character)};
  }

  std::size_t line_units(std::uint32_t line) const {
    const std::vector<Line> all = lines();
    if (line >= all.size()) return 0;
    std::size_t count = 0;
    for (std::size_t at = all[line].start; at < all[line].content_end;) {
      const std::size_t length = character_length(text, at);
      count += units(length, encoding);
      at += length;
    }
    return count;
  }
};

// A position that may lie past the end of its line or of the text, as clients send.
Position pick_position(fuzz::FuzzInput& input, const Reference& reference, std::size_t line_count) {
  const auto line = input.number(static_cast<std::uint32_t>(line_count));
  const auto width = static_cast<std::uint32_t>(reference.line_units(line) + 2);
  return {line, input.flag() && input.flag() ? 0xFFFFFFFFu : input.number(width)};
}

void check_same(const protocol::TextDocument& document, const Reference& reference) {
  FUZZ_CHECK(document.text() == reference.text, "document text differs from the reference");
  const std::vector<Reference::Line> lines = reference.lines();
  std::vector<std::size_t> starts;
  for (const Reference::Line& line : lines)
    starts.push_back(line.start);
  FUZZ_CHECK(document.lines().starts() == starts, "line index differs from the reference");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  const std::uint8_t setup = input.byte();
  const PositionEncoding encoding = fuzz::encoding_from(setup);
  Reference reference{input.text(256), encoding};
  protocol::TextDocument document("file:///fuzz/doc.txt", "plaintext", 1, reference.text);
  const std::string choice_bytes = input.bytes(12);
  fuzz::FuzzInput choices(reinterpret_cast<const std::uint8_t*>(choice_bytes.data()),
                          choice_bytes.size());
  check_same(document, reference);

  for (int edit = 0; edit < 64 && !input.empty(); ++edit) {
    const std::uint8_t kind = input.byte();
    const std::size_t line_count = reference.lines().size();
    if (kind % 16 == 0) {  // the whole text replaced
      protocol::ContentChange change{std::nullopt, input.text(64)};
      reference.text = change.text;
      document.apply(change, encoding);
    } else if (kind % 16 == 1) {  // a query, as hover and the like make
      const Position pos = pick_position(input, reference, line_count);
      const std::size_t offset = document.offset_of(pos, encoding);
      FUZZ_CHECK(offset == reference.offset_of(pos), "offset_of differs from the reference");
      const auto any = input.number(static_cast<std::uint32_t>(reference.text.size() + 2));
      FUZZ_CHECK(document.position_of(any, encoding) == reference.position_of(any),
                 "position_of differs from the reference");
      FUZZ_CHECK(document.position_of(offset, encoding) == reference.position_of(offset),
                 "position_of differs from the reference at a character boundary");
    } else {
      const Position start = pick_position(input, reference, line_count);
      const Position end = pick_position(input, reference, line_count);
      protocol::ContentChange change{protocol::Range{start, end}, input.text(32)};
      // Clamped, and a reversed range is empty at its start.
      const std::size_t from = reference.offset_of(start);
      const std::size_t to = std::max(from, reference.offset_of(end));
      reference.text.replace(from, to - from, change.text);
      document.apply(change, encoding);
    }
    check_same(document, reference);
  }

  analyzers::Document analysed;
  analysed.path = "doc.txt";
  analysed.text = document.text();
  analysed.format =
      (setup & 0x10) ? analyzers::DocumentFormat::markdown : analyzers::DocumentFormat::plain_text;
  const analyzers::Analysis analysis = analyzers::analyze(analysed, {});
  fuzz::check_analysis(analysed, analysis, encoding, choices);
  return 0;
}
