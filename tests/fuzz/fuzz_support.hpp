// Shared pieces of the fuzz targets: a reader that turns fuzz bytes into choices, a check that
// aborts (so libFuzzer and the replay driver both report it), and the invariants every analysis
// must keep, checked through the server features that consume it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "analyzers/engine.hpp"
#include "protocol/position_encoding.hpp"

namespace copydesk::fuzz {

// Fails the run: prints what broke and aborts, which libFuzzer records as a crash with its input.
[[noreturn]] void fail(const char* file, int line, const std::string& what);

#define FUZZ_CHECK(condition, what)                                     \
  do {                                                                  \
    if (!(condition)) ::copydesk::fuzz::fail(__FILE__, __LINE__, what); \
  } while (false)

// Fuzz bytes consumed front to back as choices. Once they run out every read yields zero or
// empty, so any input is a valid one.
class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size)
      : bytes_(reinterpret_cast<const char*>(data), size) {}

  bool empty() const { return bytes_.empty(); }
  std::uint8_t byte();
  bool flag() { return (byte() & 1) != 0; }
  // A number in [0, bound] (bound 0: always 0), from as few bytes as the bound needs.
  std::uint32_t number(std::uint32_t bound);
  // The next `size` bytes (fewer when they run out).
  std::string bytes(std::size_t size);
  // Up to `max_size` bytes, the length coming first.
  std::string text(std::size_t max_size);
  std::string rest();

 private:
  std::string_view bytes_;
};

// The position encoding a client may negotiate, chosen by `choice`.
protocol::PositionEncoding encoding_from(std::uint8_t choice);

// Checks that `analysis` of `document` keeps its invariants (every span inside the text, the
// prose view as long as the text, tokens ordered and inside their sentences) and runs every
// server feature over it as the LSP server would: diagnostics, highlights, semantic tokens
// (checked: non-overlapping, inside their lines), hovers, inlay hints, the outline, the code lens,
// source navigation and code actions. `choices` picks the offsets to hover and the like.
void check_analysis(const analyzers::Document& document, const analyzers::Analysis& analysis,
                    protocol::PositionEncoding encoding, FuzzInput& choices);

}  // namespace copydesk::fuzz
