#include "protocol/framing.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace copydesk::protocol {
namespace {

constexpr std::string_view kHeaderStarts[] = {"content-length:", "content-type:"};
// Consumed bytes are dropped once at least this many have piled up (and at least half the
// buffer), which keeps compaction amortized linear.
constexpr std::size_t kCompactThreshold = 4096;

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == y; });
}

enum class Match { none, partial, full };

// Whether `s` begins with a header name (with its colon), or is cut short inside one.
Match match_header_start(std::string_view s) {
  for (std::string_view start : kHeaderStarts) {
    const std::size_t n = std::min(s.size(), start.size());
    if (iequals(s.substr(0, n), start.substr(0, n))) {
      return n == start.size() ? Match::full : Match::partial;
    }
  }
  return Match::none;
}

// The first offset in `s` where a header name starts, or, when `allow_partial`, where the end
// of `s` is cut short inside one. npos when there is none.
std::size_t find_header_start(std::string_view s, bool allow_partial) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (lower(s[i]) != 'c') continue;
    const Match m = match_header_start(s.substr(i));
    if (m == Match::full || (m == Match::partial && allow_partial)) return i;
  }
  return std::string_view::npos;
}

// RFC 9110 token characters: what a header name may contain.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  constexpr std::string_view kExtra = "!#$%&'*+-.^_`|~";
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kExtra.find(c) != std::string_view::npos;
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

// Stream bytes quoted in an error message: bounded, and printable ASCII only so the message is
// safe to log or send as JSON.
std::string quote(std::string_view s) {
  constexpr std::size_t kMax = 64;
  std::string out = "'";
  for (char c : s.substr(0, kMax)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7f) ? c : '?';
  }
  if (s.size() > kMax) out += "...";
  out += '\'';
  return out;
}

}  // namespace

MessageReader::MessageReader(FramingLimits limits) : limits_(limits) {}

void MessageReader::feed(std::string_view bytes) {
  buffer_.append(bytes);
  // Parse eagerly so that resync discards garbage now rather than buffering it until next().
  for (bool progress = true; progress;) {
    switch (state_) {
      case State::header:
        progress = parse_header_block();
        break;
      case State::body:
        progress = read_body();
        break;
      case State::resync:
        progress = resync();
        break;
    }
  }
  compact();
}

std::optional<FramingEvent> MessageReader::next() {
  if (events_.empty()) return std::nullopt;
  FramingEvent event = std::move(events_.front());
  events_.pop_front();
  return event;
}

bool MessageReader::mid_message() const {
  switch (state_) {
    case State::body:
      return true;
    case State::header:
      return header_bytes_ > 0 || pos_ < buffer_.size();
    case State::resync:
      return pos_ < buffer_.size();  // only a possible partial header name is kept
  }
  return false;
}

// Consumes one complete header line (or reports an over-long block).
bool MessageReader::parse_header_block() {
  const std::size_t nl = buffer_.find('\n', pos_ + scan_);
  if (nl == std::string::npos) {
    scan_ = buffer_.size() - pos_;
    if (header_bytes_ + scan_ <= limits_.max_header_bytes) return false;
    fail("header block exceeds " + std::to_string(limits_.max_header_bytes) + " bytes");
    ++pos_;  // so resync cannot match this same line again
    return true;
  }

  const std::size_t line_start = pos_;
  std::string_view line(buffer_.data() + line_start, nl - line_start);
  header_bytes_ += nl + 1 - line_start;
  pos_ = nl + 1;
  scan_ = 0;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  if (header_bytes_ > limits_.max_header_bytes) {
    fail("header block exceeds " + std::to_string(limits_.max_header_bytes) + " bytes");
    // Resume inside the line, as when it is still incomplete (above): a header may start in it,
    // and where reading resumes must not depend on how the bytes were chunked.
    pos_ = line_start + 1;
    return true;
  }

  if (line.empty()) {  // end of the header block
    if (header_lines_ == 0) {
      fail("expected a header line, got a blank line");
    } else if (!header_error_.empty()) {
      fail(header_error_);
    } else if (!content_length_) {
      fail("missing Content-Length header");
    } else {
      body_length_ = *content_length_;
      reset_header();
      state_ = State::body;
    }
    return true;
  }

  ++header_lines_;
  const std::size_t colon = line.find(':');
  const std::string_view name = line.substr(0, colon == std::string_view::npos ? 0 : colon);
  const bool is_length = iequals(name, "content-length");
  if (!is_length && !iequals(name, "content-type")) {
    // Bytes glued in front of a header (the tail of a body whose Content-Length was too small,
    // or plain garbage): report them and resume at the header.
    if (const std::size_t at = find_header_start(line.substr(1), false);
        at != std::string_view::npos) {
      fail("unexpected bytes before a header: " + quote(line.substr(0, at + 1)));
      pos_ = line_start + at + 1;
      return true;
    }
    // Not a header at all, so this is not a header block.
    if (colon == std::string_view::npos || !is_token(name)) {
      fail(header_error_.empty() ? "malformed header line " + quote(line) : header_error_);
    }
    return true;  // an unknown header is ignored
  }
  if (!is_length || !header_error_.empty()) return true;

  const std::string_view value = trim(line.substr(colon + 1));
  if (value.empty() ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    header_error_ = "malformed Content-Length " + quote(value);
    return true;
  }
  std::size_t length = 0;
  for (char c : value) {
    length = length * 10 + static_cast<std::size_t>(c - '0');
    if (length > limits_.max_content_length) {  // also stops overflow of huge digit strings
      header_error_ = "Content-Length " + std::string(value.substr(0, 64)) +
                      (value.size() > 64 ? "..." : "") + " exceeds the limit of " +
                      std::to_string(limits_.max_content_length) + " bytes";
      return true;
    }
  }
  if (content_length_ && *content_length_ != length) {
    header_error_ = "conflicting Content-Length headers (" + std::to_string(*content_length_) +
                    " and " + std::to_string(length) + ")";
    return true;
  }
  content_length_ = length;
  return true;
}

bool MessageReader::read_body() {
  const std::size_t available = buffer_.size() - pos_;
  if (available < body_length_) {
    // Reserve once for the whole body (the length is within the limit) instead of regrowing.
    if (buffer_.capacity() < pos_ + body_length_) {
      compact();
      buffer_.reserve(pos_ + body_length_);
    }
    return false;
  }
  FramedBody framed;
  if (pos_ == 0 && available == body_length_) {
    framed.body = std::move(buffer_);  // the common case: no copy of a large body
    buffer_.clear();
  } else {
    framed.body = buffer_.substr(pos_, body_length_);
    pos_ += body_length_;
  }
  events_.push_back(std::move(framed));
  body_length_ = 0;
  state_ = State::header;
  return true;
}

// Skips to the next header name. The name is looked for anywhere, not only at a line start,
// because a body is followed directly by the next header with no line break between them.
bool MessageReader::resync() {
  const std::string_view rest(buffer_.data() + pos_, buffer_.size() - pos_);
  const std::size_t at = find_header_start(rest, true);
  if (at == std::string_view::npos) {
    pos_ = buffer_.size();
    return false;
  }
  pos_ += at;
  // A partial name at the end of the buffer is kept until more bytes show what it is.
  if (match_header_start(rest.substr(at)) == Match::partial) return false;
  state_ = State::header;
  return true;
}

void MessageReader::fail(std::string message) {
  events_.push_back(FramingError{std::move(message)});
  reset_header();
  state_ = State::resync;
}

void MessageReader::reset_header() {
  scan_ = 0;
  header_bytes_ = 0;
  header_lines_ = 0;
  content_length_.reset();
  header_error_.clear();
}

void MessageReader::compact() {
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ >= kCompactThreshold && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

std::string frame_message(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

}  // namespace copydesk::protocol
