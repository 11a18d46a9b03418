#include "protocol/text_document.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

using copydesk::protocol::ContentChange;
using copydesk::protocol::LineIndex;
using copydesk::protocol::Position;
using copydesk::protocol::PositionEncoding;
using copydesk::protocol::Range;
using copydesk::protocol::TextDocument;
using copydesk::protocol::to_string;

namespace {

constexpr auto kUtf8 = PositionEncoding::utf8;
constexpr auto kUtf16 = PositionEncoding::utf16;
constexpr auto kUtf32 = PositionEncoding::utf32;

using Starts = std::vector<std::size_t>;

// ---- A deliberately naive reference: decode to code points, split lines, walk them. ----
// It uses the textbook bit-pattern decoder rather than the byte-range table of the real one.

struct RefChar {
  std::size_t offset;
  std::size_t length;
  char32_t cp;
};

std::vector<RefChar> ref_decode(std::string_view s) {
  std::vector<RefChar> out(s.size());  // at most one character per byte
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    char32_t cp = 0;
    if (b < 0x80) {
      n = 1, cp = b;
    } else if ((b & 0xE0) == 0xC0) {
      n = 2, cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      n = 3, cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      n = 4, cp = b & 0x07;
    }
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (ok) {
      const char32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
      ok = cp >= min[n] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (!ok) n = 1, cp = 0xFFFD;
    out[count++] = {i, n, cp};
    i += n;
  }
  out.resize(count);
  return out;
}

std::size_t ref_units(const RefChar& c, PositionEncoding encoding) {
  if (encoding == kUtf8) return c.length;
  if (encoding == kUtf16) return c.cp >= 0x10000 ? 2 : 1;
  return 1;
}

struct RefLine {
  std::size_t start_byte;
  std::size_t first_char;  // index into the decoded characters
  std::size_t end_char;    // one past the last character of the content
};

struct RefText {
  std::string_view text;
  std::vector<RefChar> chars;
  std::vector<RefLine> lines;
};

RefText ref_analyze(std::string_view text) {
  RefText r{text, ref_decode(text), {}};
  std::size_t first = 0;
  std::size_t i = 0;
  while (i < r.chars.size()) {
    const char32_t cp = r.chars[i].cp;
    if (cp != '\r' && cp != '\n') {
      ++i;
      continue;
    }
    std::size_t next = i + 1;
    if (cp == '\r' && next < r.chars.size() && r.chars[next].cp == '\n') ++next;
    r.lines.push_back({r.chars[first].offset, first, i});
    first = next;
    i = next;
  }
  const std::size_t last_start = first < r.chars.size() ? r.chars[first].offset : text.size();
  r.lines.push_back({last_start, first, r.chars.size()});
  return r;
}

std::size_t ref_line_units(const RefText& r, std::size_t line, PositionEncoding encoding) {
  std::size_t units = 0;
  for (std::size_t i = r.lines[line].first_char; i < r.lines[line].end_char; ++i) {
    units += ref_units(r.chars[i], encoding);
  }
  return units;
}

std::size_t ref_offset_of(const RefText& r, Position pos, PositionEncoding encoding) {
  if (pos.line >= r.lines.size()) return r.text.size();
  const RefLine& line = r.lines[pos.line];
  std::size_t units = 0;
  std::size_t i = line.first_char;
  for (; i < line.end_char; ++i) {
    const std::size_t u = ref_units(r.chars[i], encoding);
    if (units + u > pos.character) break;
    units += u;
  }
  return i < r.chars.size() ? r.chars[i].offset : r.text.size();
}

Position ref_position_of(const RefText& r, std::size_t offset, PositionEncoding encoding) {
  if (offset > r.text.size()) offset = r.text.size();
  std::size_t line = 0;
  while (line + 1 < r.lines.size() && r.lines[line + 1].start_byte <= offset)
    ++line;
  std::size_t units = 0;
  for (std::size_t i = r.lines[line].first_char; i < r.lines[line].end_char; ++i) {
    if (r.chars[i].offset + r.chars[i].length > offset) break;
    units += ref_units(r.chars[i], encoding);
  }
  return {static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(units)};
}

// Fixed-seed splitmix64, so runs are identical on every standard library.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  bool one_in(std::size_t n) { return below(n) == 0; }
};

const std::string kSeedText =
    "Breaking: caf\u00e9 cafe\u0301 \u65b0\u95fb \U0001F642 headline\r\n"
    "second line\rthird line\nfourth \u65b0\u95fb\U0001F642\U0001F642 end\r\n"
    "\r\n\n\r"
    "e\u0301e\u0301 last line without a break";

const std::vector<std::string> kPieces = {
    "",
    "a",
    "xyz",
    " ",
    "\u00e9",
    "e\u0301",
    "\u65b0\u95fb",
    "\U0001F642",
    "\r",
    "\n",
    "\r\n",
    "\n\r",
    "\r\r\n\n",
    "word\r\nbreak",
    "\U0001F642\U0001F642",
    "\xff",
    "\x80",
    "\xf0\x9f",  // invalid and truncated bytes, which may later join up
};

Range range_of(Position start, Position end) {
  return {start, end};
}

}  // namespace

TEST_CASE("LineIndex splits on LF, CRLF and CR") {
  CHECK(LineIndex("").starts() == Starts{0});
  CHECK(LineIndex("abc").starts() == Starts{0});
  CHECK(LineIndex("a\nb").starts() == Starts{0, 2});
  CHECK(LineIndex("a\r\nb").starts() == Starts{0, 3});
  CHECK(LineIndex("a\rb").starts() == Starts{0, 2});
  CHECK(LineIndex("a\n").starts() == Starts{0, 2});
  CHECK(LineIndex("a\r").starts() == Starts{0, 2});
  CHECK(LineIndex("\r\n").starts() == Starts{0, 2});
  CHECK(LineIndex("\n\r").starts() == Starts{0, 1, 2});
  CHECK(LineIndex("\r\r\n\n").starts() == Starts{0, 1, 3, 4});
  CHECK(LineIndex("a\r\nb\rc\nd").starts() == Starts{0, 3, 5, 7});
}

TEST_CASE("LineIndex line_of and line_content_end") {
  const std::string text = "ab\r\ncd\ref\n\ngh";  // lines start at 0, 4, 7, 10, 11
  const LineIndex index(text);
  REQUIRE(index.starts() == Starts{0, 4, 7, 10, 11});
  CHECK(index.line_count() == 5);
  CHECK(index.line_of(0) == 0);
  CHECK(index.line_of(2) == 0);
  CHECK(index.line_of(3) == 0);  // between "\r" and "\n"
  CHECK(index.line_of(4) == 1);
  CHECK(index.line_of(13) == 4);
  CHECK(index.line_of(SIZE_MAX) == 4);
  CHECK(index.line_content_end(text, 0) == 2);
  CHECK(index.line_content_end(text, 1) == 6);
  CHECK(index.line_content_end(text, 2) == 9);
  CHECK(index.line_content_end(text, 3) == 10);
  CHECK(index.line_content_end(text, 4) == 13);
  CHECK(index.line_content_end(text, 99) == 13);
}

TEST_CASE("offset_of and position_of convert per encoding") {
  // Line 0: "a🙂b" (bytes 0..5), CRLF; line 1: "新e\u0301" (bytes 8..13), CR; line 2: "x".
  const std::string text = "a\U0001F642b\r\n\u65b0e\u0301\rx";
  const LineIndex index(text);
  REQUIRE(index.starts() == Starts{0, 8, 15});

  SUBCASE("utf-16") {
    CHECK(index.offset_of(text, {0, 0}, kUtf16) == 0);
    CHECK(index.offset_of(text, {0, 1}, kUtf16) == 1);
    CHECK(index.offset_of(text, {0, 2}, kUtf16) == 1);  // between surrogates: round down
    CHECK(index.offset_of(text, {0, 3}, kUtf16) == 5);
    CHECK(index.offset_of(text, {0, 4}, kUtf16) == 6);
    CHECK(index.offset_of(text, {0, 5}, kUtf16) == 6);  // past the line: before the CRLF
    CHECK(index.offset_of(text, {1, 1}, kUtf16) == 11);
    CHECK(index.offset_of(text, {1, 2}, kUtf16) == 12);
    CHECK(index.offset_of(text, {1, 3}, kUtf16) == 14);
    CHECK(index.offset_of(text, {1, UINT32_MAX}, kUtf16) == 14);
    CHECK(index.offset_of(text, {2, 1}, kUtf16) == 16);
    CHECK(index.offset_of(text, {3, 0}, kUtf16) == 16);  // past the last line: end of text
    CHECK(index.offset_of(text, {UINT32_MAX, UINT32_MAX}, kUtf16) == 16);

    CHECK(index.position_of(text, 5, kUtf16) == Position{0, 3});
    CHECK(index.position_of(text, 3, kUtf16) == Position{0, 1});  // inside the emoji
    CHECK(index.position_of(text, 6, kUtf16) == Position{0, 4});
    CHECK(index.position_of(text, 7, kUtf16) == Position{0, 4});  // between CR and LF
    CHECK(index.position_of(text, 8, kUtf16) == Position{1, 0});
    CHECK(index.position_of(text, 13, kUtf16) == Position{1, 2});  // inside the combining mark
    CHECK(index.position_of(text, 16, kUtf16) == Position{2, 1});
    CHECK(index.position_of(text, SIZE_MAX, kUtf16) == Position{2, 1});
  }
  SUBCASE("utf-8") {
    CHECK(index.offset_of(text, {0, 3}, kUtf8) == 1);  // inside the emoji
    CHECK(index.offset_of(text, {0, 5}, kUtf8) == 5);
    CHECK(index.offset_of(text, {1, 2}, kUtf8) == 8);
    CHECK(index.offset_of(text, {1, 3}, kUtf8) == 11);
    CHECK(index.position_of(text, 12, kUtf8) == Position{1, 4});
    CHECK(index.position_of(text, 9, kUtf8) == Position{1, 0});
  }
  SUBCASE("utf-32") {
    CHECK(index.offset_of(text, {0, 2}, kUtf32) == 5);
    CHECK(index.offset_of(text, {1, 3}, kUtf32) == 14);
    CHECK(index.position_of(text, 5, kUtf32) == Position{0, 2});
    CHECK(index.position_of(text, 14, kUtf32) == Position{1, 3});
  }
}

TEST_CASE("invalid UTF-8 in a line counts byte by byte") {
  const std::string text = "\xff\xf0\x9f\x99!\n\xc3";
  const LineIndex index(text);
  CHECK(index.offset_of(text, {0, 2}, kUtf16) == 2);
  CHECK(index.offset_of(text, {0, 4}, kUtf32) == 4);
  CHECK(index.offset_of(text, {1, 1}, kUtf16) == 7);
  CHECK(index.position_of(text, 3, kUtf16) == Position{0, 3});
  CHECK(index.position_of(text, 7, kUtf8) == Position{1, 1});
}

TEST_CASE("LineIndex::apply_edit handles line breaks that join or split") {
  struct Case {
    std::string before;
    std::size_t start, removed;
    std::string inserted;
  };
  const std::vector<Case> cases = {
      {"a\rb", 2, 0, "\n"},        // "\r" before the edit meets an inserted "\n"
      {"a\r\nb", 2, 1, ""},        // removing the "\n" of a pair leaves a lone "\r"
      {"a\r\nb", 1, 1, ""},        // removing the "\r" of a pair
      {"a\rX\nb", 2, 1, ""},       // a removal brings "\r" and "\n" together
      {"a\nb", 1, 0, "\r"},        // an inserted "\r" pairs with the "\n" after it
      {"a\r\nb", 2, 0, "x"},       // an insertion splits a pair
      {"a\r\nb", 2, 0, "\r"},      // ... into "\r\r\n"
      {"\r", 1, 0, "\n"},          // at the very end
      {"\n", 0, 0, "\r"},          // at the very start
      {"a\nb\nc\nd", 1, 4, ""},    // several lines removed
      {"ab", 1, 0, "\n\r\n\r"},    // several lines inserted
      {"a\r\n\r\nb", 1, 4, "\r"},  // breaks replaced by one
      {"", 0, 0, "\r\n"},         {"x\r\ny", 0, 4, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.before);
    CAPTURE(c.start);
    LineIndex index(c.before);
    std::string after = c.before;
    after.replace(c.start, c.removed, c.inserted);
    index.apply_edit(after, c.start, c.removed, c.inserted.size());
    CHECK(index.starts() == LineIndex(after).starts());
  }
}

TEST_CASE("LineIndex::apply_edit survives numbers that do not fit the text") {
  const std::string text = "a\nb";
  LineIndex index(text);
  index.apply_edit(text, 10, 0, 5);
  CHECK(index.starts() == LineIndex(text).starts());
  index.apply_edit(text, 1, 0, SIZE_MAX);
  CHECK(index.starts() == LineIndex(text).starts());
}

TEST_CASE("LineIndex::apply_edit matches a rebuild for random byte edits") {
  // Raw byte offsets reach what LSP positions cannot, e.g. between "\r" and "\n".
  const std::vector<std::string> alphabet = {"a", "\r", "\n", "\xc3", "\xa9"};
  Rng rng{42};
  std::string text = "a\r\nb\rc\n";
  LineIndex index(text);
  for (int step = 0; step < 10000; ++step) {
    const std::size_t start = rng.below(text.size() + 1);
    const std::size_t removed = rng.below(std::min<std::size_t>(text.size() - start, 6) + 1);
    std::string inserted;
    for (std::size_t n = rng.below(text.size() > 200 ? 3 : 6); n > 0; --n) {
      inserted += alphabet[rng.below(alphabet.size())];
    }
    text.replace(start, removed, inserted);
    index.apply_edit(text, start, removed, inserted.size());
    if (index.starts() != LineIndex(text).starts()) {
      CAPTURE(step);
      REQUIRE(index.starts() == LineIndex(text).starts());
    }
  }
}

TEST_CASE("TextDocument holds its metadata") {
  TextDocument doc("file:///story.md", "markdown", 3, "one\ntwo");
  CHECK(doc.uri() == "file:///story.md");
  CHECK(doc.language_id() == "markdown");
  CHECK(doc.version() == 3);
  CHECK(doc.lines().line_count() == 2);
  doc.set_version(4);
  CHECK(doc.version() == 4);
  CHECK(doc.position_of(5, kUtf16) == Position{1, 1});
  CHECK(doc.offset_of({1, 1}, kUtf16) == 5);

  const TextDocument empty;
  CHECK(empty.text().empty());
  CHECK(empty.lines().starts() == Starts{0});
}

TEST_CASE("TextDocument::apply edits, clamps and replaces") {
  TextDocument doc("file:///a", "plaintext", 1, "caf\u00e9 \U0001F642\r\nnews");

  SUBCASE("insert after the emoji in utf-16") {
    doc.apply({range_of({0, 7}, {0, 7}), "!"}, kUtf16);
    CHECK(doc.text() == "caf\u00e9 \U0001F642!\r\nnews");
  }
  SUBCASE("a character between surrogates rounds down") {
    doc.apply({range_of({0, 6}, {0, 6}), "|"}, kUtf16);
    CHECK(doc.text() == "caf\u00e9 |\U0001F642\r\nnews");
  }
  SUBCASE("replace across the line break joins lines") {
    doc.apply({range_of({0, 3}, {1, 1}), "E"}, kUtf32);
    CHECK(doc.text() == "cafEews");
    CHECK(doc.lines().starts() == Starts{0});
  }
  SUBCASE("a character past the line's end stays before the break") {
    doc.apply({range_of({0, 100}, {0, UINT32_MAX}), "?"}, kUtf8);
    CHECK(doc.text() == "caf\u00e9 \U0001F642?\r\nnews");
  }
  SUBCASE("a line past the end appends") {
    doc.apply({range_of({9, 0}, {UINT32_MAX, 0}), "\rmore"}, kUtf16);
    CHECK(doc.text() == "caf\u00e9 \U0001F642\r\nnews\rmore");
    CHECK(doc.lines().starts() == Starts{0, 12, 17});
  }
  SUBCASE("a reversed range is empty at its start") {
    doc.apply({range_of({1, 2}, {0, 1}), "#"}, kUtf16);
    CHECK(doc.text() == "caf\u00e9 \U0001F642\r\nne#ws");
  }
  SUBCASE("inserting a line feed after a lone CR joins them") {
    TextDocument cr("file:///b", "plaintext", 1, "a\rb");
    cr.apply({range_of({1, 0}, {1, 0}), "\n"}, kUtf16);
    CHECK(cr.text() == "a\r\nb");
    CHECK(cr.lines().starts() == Starts{0, 3});
  }
  SUBCASE("no range replaces everything") {
    doc.apply({std::nullopt, "x\ny\rz"}, kUtf16);
    CHECK(doc.text() == "x\ny\rz");
    CHECK(doc.lines().starts() == Starts{0, 2, 4});
  }
}

TEST_CASE("TextDocument matches a naive reference over random edits") {
  for (auto encoding : {kUtf8, kUtf16, kUtf32}) {
    CAPTURE(to_string(encoding));
    Rng rng{0xC0FFEE + static_cast<std::uint64_t>(encoding)};
    TextDocument doc("file:///prop", "plaintext", 0, kSeedText);
    std::string expected = kSeedText;

    RefText ref = ref_analyze(expected);  // rebuilt from scratch after every edit
    auto random_position = [&] {
      Position pos;
      if (rng.one_in(50)) {
        pos.line = rng.one_in(2) ? UINT32_MAX : static_cast<std::uint32_t>(ref.lines.size());
      } else {
        pos.line = static_cast<std::uint32_t>(rng.below(ref.lines.size()));
      }
      const std::size_t units =
          pos.line < ref.lines.size() ? ref_line_units(ref, pos.line, encoding) : 0;
      switch (rng.below(8)) {
        case 0:
          pos.character = 0;
          break;
        case 1:
          pos.character = static_cast<std::uint32_t>(units + rng.below(4));  // past the end
          break;
        case 2:
          pos.character = UINT32_MAX;
          break;
        default:  // anywhere in the line, including inside characters
          pos.character = static_cast<std::uint32_t>(rng.below(units + 1));
      }
      return pos;
    };

    for (int step = 0; step < 10000; ++step) {
      CAPTURE(step);
      ContentChange change;
      for (std::size_t n = rng.below(expected.size() > 1500 ? 2 : 4); n > 0; --n) {
        change.text += kPieces[rng.below(kPieces.size())];
      }
      if (rng.one_in(2000)) {
        expected = change.text = kSeedText;
      } else {
        Range range;
        range.start = random_position();
        if (rng.one_in(12)) {
          range.end = random_position();  // may span many lines, or be reversed
        } else if (rng.one_in(3)) {
          range.end = random_position();  // a few lines on, or back
          range.end.line = static_cast<std::uint32_t>(
              std::min<std::size_t>(range.end.line, std::size_t{range.start.line} + rng.below(3)));
        } else {
          range.end = range.start;  // a nearby end on the same line, as typing does
          range.end.character += static_cast<std::uint32_t>(
              std::min<std::size_t>(rng.below(4), UINT32_MAX - range.end.character));
        }
        change.range = range;
        const std::size_t start = ref_offset_of(ref, range.start, encoding);
        const std::size_t end = std::max(start, ref_offset_of(ref, range.end, encoding));
        expected.replace(start, end - start, change.text);
      }
      doc.apply(change, encoding);
      REQUIRE(doc.text() == expected);

      ref = ref_analyze(expected);
      const std::size_t probe = rng.below(expected.size() + 2);
      const Position pos = doc.position_of(probe, encoding);
      REQUIRE(pos == ref_position_of(ref, probe, encoding));
      REQUIRE(doc.offset_of(pos, encoding) == ref_offset_of(ref, pos, encoding));
      if (step % 10 == 0) {
        REQUIRE(doc.lines().starts() == LineIndex(doc.text()).starts());
      }
    }
    CHECK(doc.lines().starts() == LineIndex(doc.text()).starts());
  }
}
