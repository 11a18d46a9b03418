// Content-Length framing of JSON-RPC messages (the LSP base protocol), read incrementally.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace copydesk::protocol {

struct FramingLimits {
  std::size_t max_content_length = std::size_t{64} << 20;  // 64 MiB
  std::size_t max_header_bytes = 8 * 1024;                 // one header block
};

// A complete message body.
struct FramedBody {
  std::string body;
};
// Bytes that could not be framed. The reader has already resynchronized on the next header.
struct FramingError {
  std::string message;
};
using FramingEvent = std::variant<FramedBody, FramingError>;

// Splits a byte stream into message bodies. Bytes may arrive in any chunking: a message split
// across reads, or several messages in one read. Header names are case-insensitive and
// Content-Type is optional. A header block without a valid Content-Length, or one whose length
// exceeds the limit, yields a FramingError; the reader then skips to the next "Content-Length:"
// or "Content-Type:" (any case, anywhere: a body is followed directly by the next header) and
// carries on.
class MessageReader {
 public:
  explicit MessageReader(FramingLimits limits = {});

  void feed(std::string_view bytes);
  // The next complete event, or nullopt when more bytes are needed.
  std::optional<FramingEvent> next();
  // True when bytes of an unfinished message are buffered (for "stream ended mid-message").
  bool mid_message() const;

 private:
  enum class State { header, body, resync };
  // Each step consumes what it can and returns false when it needs more bytes.
  bool parse_header_block();
  bool read_body();
  bool resync();
  void fail(std::string message);
  void reset_header();
  void compact();

  FramingLimits limits_;
  std::string buffer_;
  std::size_t pos_ = 0;  // start of unconsumed bytes in buffer_
  State state_ = State::header;
  std::size_t body_length_ = 0;
  std::deque<FramingEvent> events_;

  // Header state: complete header lines are consumed as they arrive, so only a partial line is
  // buffered; scan_ (relative to pos_) is how much of it has already been searched for '\n'.
  std::size_t scan_ = 0;
  std::size_t header_bytes_ = 0;  // bytes of the current header block consumed so far
  std::size_t header_lines_ = 0;
  std::optional<std::size_t> content_length_;
  std::string header_error_;  // first problem in the current block, reported at its end
};

// The header and body of one outgoing message.
std::string frame_message(std::string_view body);

}  // namespace copydesk::protocol
