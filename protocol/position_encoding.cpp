#include "protocol/position_encoding.hpp"

#include <algorithm>

namespace copydesk::protocol {

namespace {

bool in(unsigned char byte, unsigned char lo, unsigned char hi) {
  return byte >= lo && byte <= hi;
}

// Length of the well-formed UTF-8 sequence starting at `i`, or 1 when the bytes there are not
// one (a stray continuation, a truncated sequence, an overlong form, a surrogate, a value past
// U+10FFFF). Follows Table 3-7 of the Unicode standard, so every invalid byte is its own
// "character". Because a well-formed sequence contains no byte that could start one, this split
// is self-synchronizing: every non-continuation byte starts a character.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i + k < s.size() && in(static_cast<unsigned char>(s[i + k]), lo, hi);
  };
  if (in(b0, 0xC2, 0xDF)) return cont(1) ? 2 : 1;
  if (in(b0, 0xE0, 0xEF)) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // no overlongs
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // no surrogates
    return cont(1, lo, hi) && cont(2) ? 3 : 1;
  }
  if (in(b0, 0xF0, 0xF4)) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;  // no overlongs
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // nothing past U+10FFFF
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 1;
  }
  return 1;
}

// Code units one character of `length` bytes takes; only 4-byte sequences are astral.
std::size_t units_of(std::size_t length, PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return length;
    case PositionEncoding::utf16:
      return length == 4 ? 2 : 1;
    case PositionEncoding::utf32:
      return 1;
  }
  return 1;
}

// The start of the character holding byte `offset` (offset itself when it is a boundary).
std::size_t round_down_to_character(std::string_view s, std::size_t offset) {
  if (offset >= s.size()) return s.size();
  const auto at = static_cast<unsigned char>(s[offset]);
  if (at < 0x80 || at >= 0xC0) return offset;  // only continuation bytes can be inside one
  // A well-formed sequence is at most 4 bytes, so its start is at most 3 bytes back; thanks to
  // self-synchronization a lead byte there starts a character exactly when it is well-formed.
  const std::size_t lowest = offset >= 3 ? offset - 3 : 0;
  for (std::size_t i = offset; i-- > lowest;) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80 || byte >= 0xC0) {  // not a continuation byte
      return i + sequence_length(s, i) > offset ? i : offset;
    }
  }
  return offset;
}

}  // namespace

std::string_view to_string(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::utf8:
      return "utf-8";
    case PositionEncoding::utf16:
      return "utf-16";
    case PositionEncoding::utf32:
      return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_position_encoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::utf8;
  if (name == "utf-16") return PositionEncoding::utf16;
  if (name == "utf-32") return PositionEncoding::utf32;
  return std::nullopt;
}

PositionEncoding negotiate_position_encoding(const std::vector<std::string>& offered) {
  // utf-32 is deliberately not chosen: clients that offer it also offer utf-8 or accept utf-16.
  const bool has_utf8 = std::find(offered.begin(), offered.end(), "utf-8") != offered.end();
  return has_utf8 ? PositionEncoding::utf8 : PositionEncoding::utf16;
}

std::size_t count_code_units(std::string_view utf8, PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8) return utf8.size();
  std::size_t units = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t length = sequence_length(utf8, i);
    units += units_of(length, encoding);
    i += length;
  }
  return units;
}

std::size_t byte_offset_for_units(std::string_view utf8, std::size_t units,
                                  PositionEncoding encoding) {
  if (encoding == PositionEncoding::utf8) return round_down_to_character(utf8, units);
  std::size_t i = 0;
  while (i < utf8.size()) {
    const std::size_t length = sequence_length(utf8, i);
    const std::size_t needed = units_of(length, encoding);
    if (needed > units) break;  // the count ends inside this character (or right before it)
    units -= needed;
    i += length;
  }
  return i;
}

}  // namespace copydesk::protocol
