#include "protocol/position_encoding.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <doctest/doctest.h>

using copydesk::protocol::byte_offset_for_units;
using copydesk::protocol::count_code_units;
using copydesk::protocol::negotiate_position_encoding;
using copydesk::protocol::parse_position_encoding;
using copydesk::protocol::PositionEncoding;
using copydesk::protocol::to_string;

namespace {

constexpr auto kUtf8 = PositionEncoding::utf8;
constexpr auto kUtf16 = PositionEncoding::utf16;
constexpr auto kUtf32 = PositionEncoding::utf32;

}  // namespace

TEST_CASE("position encoding names round-trip") {
  CHECK(to_string(kUtf8) == "utf-8");
  CHECK(to_string(kUtf16) == "utf-16");
  CHECK(to_string(kUtf32) == "utf-32");
  for (auto encoding : {kUtf8, kUtf16, kUtf32}) {
    CHECK(parse_position_encoding(to_string(encoding)) == encoding);
  }
  CHECK_FALSE(parse_position_encoding("utf8").has_value());
  CHECK_FALSE(parse_position_encoding("UTF-16").has_value());
  CHECK_FALSE(parse_position_encoding("").has_value());
}

TEST_CASE("negotiation prefers utf-8, else the utf-16 default") {
  using List = std::vector<std::string>;
  CHECK(negotiate_position_encoding(List{}) == kUtf16);
  CHECK(negotiate_position_encoding(List{"utf-16"}) == kUtf16);
  CHECK(negotiate_position_encoding(List{"utf-8"}) == kUtf8);
  CHECK(negotiate_position_encoding(List{"utf-16", "utf-8"}) == kUtf8);
  CHECK(negotiate_position_encoding(List{"utf-32", "utf-16", "utf-8"}) == kUtf8);
  // utf-32 alone is not taken up: the server speaks utf-16 as every client must accept.
  CHECK(negotiate_position_encoding(List{"utf-32"}) == kUtf16);
  CHECK(negotiate_position_encoding(List{"latin-1", "UTF-8"}) == kUtf16);
}

TEST_CASE("count_code_units on valid text") {
  struct Case {
    std::string text;
    std::size_t utf8, utf16, utf32;
  };
  const std::vector<Case> cases = {
      {"", 0, 0, 0},           {"plain", 5, 5, 5},
      {"é", 2, 1, 1},          {"e\u0301", 3, 2, 2},  // a combining mark is its own code point
      {"新闻", 6, 2, 2},       {"🙂", 4, 2, 1},     // astral: a surrogate pair in utf-16
      {"a🙂b", 6, 4, 3},     {"\u00a0\u2014\u20ac", 8, 3, 3},
      {"\U0010FFFF", 4, 2, 1}, {"\r\n", 2, 2, 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(count_code_units(c.text, kUtf8) == c.utf8);
    CHECK(count_code_units(c.text, kUtf16) == c.utf16);
    CHECK(count_code_units(c.text, kUtf32) == c.utf32);
  }
}

TEST_CASE("invalid UTF-8 counts one code point per byte") {
  struct Case {
    std::string text;
    std::size_t points;  // utf-16 units and utf-32 units alike
  };
  const std::vector<Case> cases = {
      {"\xff", 1},
      {"\x80", 1},          // stray continuation
      {"\xc3\xa9\xa9", 2},  // é, then a stray continuation
      {"\xf0\x9f\x99"
       "a",
       4},                      // truncated emoji, then 'a'
      {"\xe6\x96", 2},          // truncated at the end of the text
      {"\xc0\x80", 2},          // overlong NUL
      {"\xe0\x80\xaf", 3},      // overlong '/'
      {"\xed\xa0\x80", 3},      // encoded surrogate
      {"\xf4\x90\x80\x80", 4},  // past U+10FFFF
      {"\xf5\x80\x80\x80", 4},  // impossible lead byte
      {"\xc3"
       "a",
       2},  // lead byte followed by ASCII
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(count_code_units(c.text, kUtf8) == c.text.size());
    CHECK(count_code_units(c.text, kUtf16) == c.points);
    CHECK(count_code_units(c.text, kUtf32) == c.points);
  }
}

TEST_CASE("byte_offset_for_units walks whole characters") {
  const std::string text =
      "a🙂b新e\u0301";  // bytes: a=0, 🙂=1..4, b=5, 新=6..8, e=9, U+0301=10..11
  REQUIRE(text.size() == 12);

  SUBCASE("utf-16") {
    CHECK(byte_offset_for_units(text, 0, kUtf16) == 0);
    CHECK(byte_offset_for_units(text, 1, kUtf16) == 1);
    CHECK(byte_offset_for_units(text, 2, kUtf16) == 1);  // between the surrogates: round down
    CHECK(byte_offset_for_units(text, 3, kUtf16) == 5);
    CHECK(byte_offset_for_units(text, 4, kUtf16) == 6);
    CHECK(byte_offset_for_units(text, 5, kUtf16) == 9);
    CHECK(byte_offset_for_units(text, 6, kUtf16) == 10);  // before the combining mark
    CHECK(byte_offset_for_units(text, 7, kUtf16) == 12);
  }
  SUBCASE("utf-32") {
    const std::vector<std::size_t> expected = {0, 1, 5, 6, 9, 10, 12};
    for (std::size_t units = 0; units < expected.size(); ++units) {
      CHECK(byte_offset_for_units(text, units, kUtf32) == expected[units]);
    }
  }
  SUBCASE("utf-8 rounds down inside a sequence") {
    const std::vector<std::size_t> expected = {0, 1, 1, 1, 1, 5, 6, 6, 6, 9, 10, 10, 12};
    for (std::size_t units = 0; units < expected.size(); ++units) {
      CAPTURE(units);
      CHECK(byte_offset_for_units(text, units, kUtf8) == expected[units]);
    }
  }
  SUBCASE("past the end clamps to the end") {
    for (auto encoding : {kUtf8, kUtf16, kUtf32}) {
      CHECK(byte_offset_for_units(text, 13, encoding) == 12);
      CHECK(byte_offset_for_units(text, UINT32_MAX, encoding) == 12);
      CHECK(byte_offset_for_units(text, SIZE_MAX, encoding) == 12);
      CHECK(byte_offset_for_units("", 5, encoding) == 0);
    }
  }
}

TEST_CASE("byte_offset_for_units treats invalid bytes as characters") {
  // Each invalid byte is a character of its own, so nothing inside them rounds down.
  const std::string truncated =
      "\xf0\x9f\x99"
      "a";
  for (std::size_t units = 0; units <= 4; ++units) {
    CHECK(byte_offset_for_units(truncated, units, kUtf8) == units);
    CHECK(byte_offset_for_units(truncated, units, kUtf16) == units);
    CHECK(byte_offset_for_units(truncated, units, kUtf32) == units);
  }
  const std::string stray = "\xc3\xa9\xa9\xa9";  // é and two stray continuations
  CHECK(byte_offset_for_units(stray, 1, kUtf8) == 0);
  CHECK(byte_offset_for_units(stray, 2, kUtf8) == 2);
  CHECK(byte_offset_for_units(stray, 3, kUtf8) == 3);
  CHECK(byte_offset_for_units(stray, 2, kUtf16) == 3);
  CHECK(byte_offset_for_units(stray, 3, kUtf32) == 4);
  // A valid 4-byte sequence right after stray continuations still rounds down to its start.
  const std::string mixed = "\x80\x80🙂";
  CHECK(byte_offset_for_units(mixed, 3, kUtf8) == 2);
  CHECK(byte_offset_for_units(mixed, 5, kUtf8) == 2);
  CHECK(byte_offset_for_units(mixed, 6, kUtf8) == 6);
  CHECK(byte_offset_for_units(mixed, 3, kUtf16) == 2);
}

TEST_CASE("count and offset agree on every prefix") {
  const std::string text = "x\xff新\xe6\x96🙂e\u0301\xed\xa0\x80\r\n\U0010FFFF\xc0";
  for (auto encoding : {kUtf8, kUtf16, kUtf32}) {
    CAPTURE(to_string(encoding));
    const std::size_t total = count_code_units(text, encoding);
    std::size_t previous = 0;
    for (std::size_t units = 0; units <= total + 2; ++units) {
      const std::size_t offset = byte_offset_for_units(text, units, encoding);
      CHECK(offset >= previous);
      CHECK(count_code_units(std::string_view(text).substr(0, offset), encoding) <= units);
      previous = offset;
    }
    CHECK(previous == text.size());
  }
}
