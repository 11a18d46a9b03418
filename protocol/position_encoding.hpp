// LSP position encodings (general.positionEncodings) and conversions between code units.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace copydesk::protocol {

enum class PositionEncoding { utf8, utf16, utf32 };

std::string_view to_string(PositionEncoding encoding);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parse_position_encoding(std::string_view name);

// utf-8 when the client offers it (no conversion needed), else utf-16, the LSP default.
PositionEncoding negotiate_position_encoding(const std::vector<std::string>& offered);

// Code units of `encoding` in the UTF-8 text `utf8`. Invalid UTF-8 bytes count as one code
// point each (U+FFFD), as every client would show them.
std::size_t count_code_units(std::string_view utf8, PositionEncoding encoding);

// The byte offset within `utf8` after `units` code units of `encoding`, clamped to the end of
// `utf8`. A count that lands inside a character (half of a surrogate pair, inside a UTF-8
// sequence) rounds down to the start of that character.
std::size_t byte_offset_for_units(std::string_view utf8, std::size_t units,
                                  PositionEncoding encoding);

}  // namespace copydesk::protocol
