#include "protocol/framing.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <string>
#include <vector>

using copydesk::protocol::frame_message;
using copydesk::protocol::FramedBody;
using copydesk::protocol::FramingError;
using copydesk::protocol::FramingEvent;
using copydesk::protocol::FramingLimits;
using copydesk::protocol::MessageReader;

namespace {

// Events rendered as strings ("body:..." or "error:...") so whole sequences compare at once.
std::vector<std::string> drain(MessageReader& reader) {
  std::vector<std::string> out;
  while (auto event = reader.next()) {
    if (const auto* body = std::get_if<FramedBody>(&*event)) {
      out.push_back("body:" + body->body);
    } else {
      out.push_back("error:" + std::get<FramingError>(*event).message);
    }
  }
  return out;
}

std::vector<std::string> read_all(std::string_view stream, FramingLimits limits = {}) {
  MessageReader reader(limits);
  reader.feed(stream);
  return drain(reader);
}

// True when `events` is exactly one error containing `needle`, then the given bodies.
void check_error_then(const std::vector<std::string>& events, std::string_view needle,
                      const std::vector<std::string>& bodies) {
  REQUIRE(events.size() == bodies.size() + 1);
  CHECK(events[0].rfind("error:", 0) == 0);
  CHECK_MESSAGE(events[0].find(needle) != std::string::npos, events[0]);
  for (std::size_t i = 0; i < bodies.size(); ++i)
    CHECK(events[i + 1] == "body:" + bodies[i]);
}

const std::string kGood = R"({"jsonrpc":"2.0","method":"initialized","params":{}})";

}  // namespace

TEST_CASE("frame_message writes the Content-Length header and the body") {
  CHECK(frame_message("{}") == "Content-Length: 2\r\n\r\n{}");
  CHECK(frame_message("") == "Content-Length: 0\r\n\r\n");
  CHECK(frame_message("h\xC3\xA9") == "Content-Length: 3\r\n\r\nh\xC3\xA9");  // bytes, not chars
}

TEST_CASE("a framed message reads back") {
  CHECK(read_all(frame_message(kGood)) == std::vector<std::string>{"body:" + kGood});
  CHECK(read_all(frame_message("")) == std::vector<std::string>{"body:"});
}

TEST_CASE("a two-message stream split at every byte boundary") {
  const std::string stream = frame_message(kGood) + frame_message(R"({"id":1})");
  const std::vector<std::string> expected{"body:" + kGood, R"(body:{"id":1})"};
  for (std::size_t split = 0; split <= stream.size(); ++split) {
    CAPTURE(split);
    MessageReader reader;
    reader.feed(std::string_view(stream).substr(0, split));
    std::vector<std::string> events = drain(reader);
    reader.feed(std::string_view(stream).substr(split));
    for (auto& event : drain(reader))
      events.push_back(std::move(event));
    CHECK(events == expected);
    CHECK_FALSE(reader.mid_message());
  }
}

TEST_CASE("a stream fed one byte at a time") {
  const std::string stream = frame_message(kGood) + "garbage\r\n" + frame_message("{}");
  MessageReader reader;
  std::vector<std::string> events;
  for (char c : stream) {
    reader.feed(std::string_view(&c, 1));
    for (auto& event : drain(reader))
      events.push_back(std::move(event));
  }
  REQUIRE(events.size() == 3);
  CHECK(events[0] == "body:" + kGood);
  CHECK(events[1] == "error:malformed header line 'garbage'");
  CHECK(events[2] == "body:{}");
}

TEST_CASE("many messages in one read") {
  std::string stream;
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    const std::string body = R"({"id":)" + std::to_string(i) + "}";
    stream += frame_message(body);
    expected.push_back("body:" + body);
  }
  CHECK(read_all(stream) == expected);
}

TEST_CASE("header variants") {
  const std::vector<std::string> expected{"body:{}"};
  SUBCASE("Content-Type after Content-Length") {
    CHECK(read_all("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; "
                   "charset=utf-8\r\n\r\n{}") == expected);
  }
  SUBCASE("Content-Type before Content-Length") {
    CHECK(read_all("Content-Type: application/vscode-jsonrpc\r\nContent-Length: 2\r\n\r\n{}") ==
          expected);
  }
  SUBCASE("header names in any case") {
    CHECK(read_all("content-length: 2\r\n\r\n{}") == expected);
    CHECK(read_all("CONTENT-LENGTH: 2\r\nCONTENT-TYPE: x\r\n\r\n{}") == expected);
    CHECK(read_all("CoNtEnT-TyPe: x\r\ncOnTeNt-LeNgTh: 2\r\n\r\n{}") == expected);
  }
  SUBCASE("bare LF line endings, alone or mixed with CRLF") {
    CHECK(read_all("Content-Length: 2\n\n{}") == expected);
    CHECK(read_all("Content-Length: 2\r\n\n{}") == expected);
    CHECK(read_all("Content-Type: x\nContent-Length: 2\r\n\r\n{}") == expected);
  }
  SUBCASE("optional whitespace around the value") {
    CHECK(read_all("Content-Length:2\r\n\r\n{}") == expected);
    CHECK(read_all("Content-Length: \t2 \t\r\n\r\n{}") == expected);
    CHECK(read_all("Content-Length: 0002\r\n\r\n{}") == expected);
  }
  SUBCASE("unknown headers are ignored") {
    CHECK(read_all("X-Trace: 7\r\nContent-Length: 2\r\nX-Other:\r\n\r\n{}") == expected);
  }
  SUBCASE("a repeated, equal Content-Length is accepted") {
    CHECK(read_all("Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}") == expected);
  }
}

TEST_CASE("a body may contain anything, including header-like text") {
  const std::string body = "Content-Length: 5\r\n\r\n\n\r\n";
  CHECK(read_all(frame_message(body) + frame_message("{}")) ==
        std::vector<std::string>{"body:" + body, "body:{}"});
}

TEST_CASE("missing Content-Length: an error, then the next message") {
  check_error_then(read_all("Content-Type: x\r\n\r\n{\"a\":1}" + frame_message(kGood)),
                   "missing Content-Length header", {kGood});
}

TEST_CASE("malformed Content-Length values: an error, then the next message") {
  struct Case {
    std::string value;
    std::string message;
  };
  const Case cases[] = {
      {"-5", "malformed Content-Length '-5'"},
      {"abc", "malformed Content-Length 'abc'"},
      {"", "malformed Content-Length ''"},
      {"5x", "malformed Content-Length '5x'"},
      {"+5", "malformed Content-Length '+5'"},
      {"1.5", "malformed Content-Length '1.5'"},
      {"1 2", "malformed Content-Length '1 2'"},
      {"99999999999999999999999",
       "Content-Length 99999999999999999999999 exceeds the limit of 67108864 bytes"},
      {"99999999", "Content-Length 99999999 exceeds the limit of 67108864 bytes"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.value);
    const auto events =
        read_all("Content-Length: " + c.value + "\r\n\r\n{\"x\":[1,2]}" + frame_message(kGood));
    REQUIRE(events.size() == 2);
    CHECK(events[0] == "error:" + c.message);
    CHECK(events[1] == "body:" + kGood);
  }
}

TEST_CASE("conflicting Content-Length headers are an error") {
  check_error_then(
      read_all("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}" + frame_message("[]")),
      "conflicting Content-Length headers (2 and 3)", {"[]"});
}

TEST_CASE("a body over the configured limit is reported and skipped, not buffered") {
  const FramingLimits limits{.max_content_length = 10, .max_header_bytes = 8192};
  const std::string big = R"({"text":")" + std::string(1000, 'a') + R"("})";
  MessageReader reader(limits);
  reader.feed(frame_message(big).substr(0, 600));
  CHECK(drain(reader) ==
        std::vector<std::string>{"error:Content-Length " + std::to_string(big.size()) +
                                 " exceeds the limit of 10 bytes"});
  CHECK_FALSE(reader.mid_message());  // the partial body was dropped, not kept
  reader.feed(frame_message(big).substr(600) + frame_message("[1]"));
  CHECK(drain(reader) == std::vector<std::string>{"body:[1]"});
  // A body exactly at the limit is fine.
  CHECK(read_all(frame_message("0123456789"), limits) ==
        std::vector<std::string>{"body:0123456789"});
}

TEST_CASE("garbage before a header: an error, then the next message") {
  SUBCASE("a stray blank line") {
    check_error_then(read_all("\r\n" + frame_message(kGood)), "got a blank line", {kGood});
  }
  SUBCASE("a line of text") {
    check_error_then(read_all("hello there\r\n" + frame_message(kGood)),
                     "malformed header line 'hello there'", {kGood});
  }
  SUBCASE("text glued to the header") {
    check_error_then(read_all("xyz" + frame_message(kGood)),
                     "unexpected bytes before a header: 'xyz'", {kGood});
  }
  SUBCASE("the tail of a body whose Content-Length was too small") {
    // A client that counted characters instead of bytes: 13 bytes sent, 12 announced.
    const std::string body = R"({"a":"caf)"
                             "\xC3\xA9"
                             R"("})";
    REQUIRE(body.size() == 13);
    const auto events = read_all("Content-Length: 12\r\n\r\n" + body + frame_message(kGood));
    REQUIRE(events.size() == 3);
    CHECK(events[0] == "body:" + body.substr(0, 12));
    CHECK(events[1] == "error:unexpected bytes before a header: '}'");
    CHECK(events[2] == "body:" + kGood);
  }
  SUBCASE("binary junk") {
    check_error_then(read_all(std::string("\x00\xFF\x01junk\n", 8) + frame_message(kGood)),
                     "malformed header line '???junk'", {kGood});
  }
  SUBCASE("an error after a good message does not lose the message after it") {
    const auto events =
        read_all(frame_message("[1]") + "Content-Length: zz\r\n\r\n[2]" + frame_message("[3]"));
    CHECK(events ==
          std::vector<std::string>{"body:[1]", "error:malformed Content-Length 'zz'", "body:[3]"});
  }
}

TEST_CASE("any chunking of a stream with errors gives the same events") {
  const std::vector<std::string> parts{
      frame_message("[1]"),
      "\r\n",
      frame_message("[2]"),
      "Content-Length: abc\r\nContent-Type: x\r\n\r\n{\"a\":1}",
      frame_message("[3]"),
      "junk line\n",
      "Content-Type: x\r\n\r\n[\"no length\"]",
      frame_message("[4]"),
      "Content-Length: 99999999999999999999999\r\n\r\n{}",
      "glued",
      frame_message("[5]"),
      "Content-Length: 3\n\n[6]",
      "cOnTeNt-TyPe: y\r\ncontent-length: 3\r\n\r\n[7]",
  };
  std::string stream;
  for (const auto& part : parts)
    stream += part;
  const auto expected = read_all(stream);
  std::vector<std::string> bodies;
  for (const auto& event : expected) {
    if (event.rfind("body:", 0) == 0) bodies.push_back(event);
  }
  CHECK(bodies == std::vector<std::string>{"body:[1]", "body:[2]", "body:[3]", "body:[4]",
                                           "body:[5]", "body:[6]", "body:[7]"});
  CHECK(expected.size() == 12);  // each of the five broken pieces is one error

  std::mt19937 random(12345);
  for (int trial = 0; trial < 300; ++trial) {
    MessageReader reader;
    std::vector<std::string> events;
    for (std::size_t at = 0; at < stream.size();) {
      const std::size_t n = std::uniform_int_distribution<std::size_t>(0, 20)(random);
      reader.feed(std::string_view(stream).substr(at, n));
      at += n;
      for (auto& event : drain(reader))
        events.push_back(std::move(event));
    }
    CHECK(events == expected);
    CHECK_FALSE(reader.mid_message());
  }
}

TEST_CASE("resync holds back only a possible partial header name") {
  MessageReader reader;
  reader.feed("junk line\r\n");
  CHECK(drain(reader).size() == 1);
  // A megabyte of garbage without any header name is discarded as it arrives.
  const std::string junk(1 << 20, 'x');
  reader.feed(junk);
  CHECK_FALSE(reader.mid_message());
  reader.feed("more junk Content-Le");  // could be the start of a header
  CHECK(reader.mid_message());
  CHECK(drain(reader).empty());
  reader.feed("ngth: 2\r\n\r\n{}");
  CHECK(drain(reader) == std::vector<std::string>{"body:{}"});
  CHECK_FALSE(reader.mid_message());
}

TEST_CASE("an over-long header block is an error, then the next message") {
  const FramingLimits limits{.max_content_length = 1 << 20, .max_header_bytes = 64};
  SUBCASE("one long line, fed whole") {
    check_error_then(
        read_all("X-Junk: " + std::string(100, 'j') + "\r\n" + frame_message("{}"), limits),
        "header block exceeds 64 bytes", {"{}"});
  }
  SUBCASE("a long line without a line break, fed in pieces") {
    MessageReader reader(limits);
    reader.feed("Content-Length: 2\r\nX-Junk: ");
    for (int i = 0; i < 100; ++i)
      reader.feed("junk ");
    CHECK(drain(reader) == std::vector<std::string>{"error:header block exceeds 64 bytes"});
    CHECK_FALSE(reader.mid_message());  // the rest of the line is dropped as it arrives
    reader.feed("\r\n" + frame_message("{}"));
    CHECK(drain(reader) == std::vector<std::string>{"body:{}"});
  }
  SUBCASE("many short lines") {
    std::string headers;
    for (int i = 0; i < 10; ++i)
      headers += "X-A: 1\r\n";
    check_error_then(read_all(headers + "\r\n" + frame_message("{}"), limits),
                     "header block exceeds 64 bytes", {"{}"});
  }
  SUBCASE("a block at the limit is fine") {
    const std::string header = "Content-Length: 2\r\nX-Pad: ";
    const std::string pad(64 - header.size() - 4, 'p');
    CHECK(read_all(header + pad + "\r\n\r\n{}", limits) == std::vector<std::string>{"body:{}"});
  }
}

TEST_CASE("mid_message tracks partial headers and bodies") {
  MessageReader reader;
  CHECK_FALSE(reader.mid_message());
  reader.feed("Content-Le");
  CHECK(reader.mid_message());
  reader.feed("ngth: 5\r\n");
  CHECK(reader.mid_message());
  reader.feed("\r\n");
  CHECK(reader.mid_message());
  reader.feed("hel");
  CHECK(reader.mid_message());
  reader.feed("lo");
  CHECK_FALSE(reader.mid_message());
  CHECK(drain(reader) == std::vector<std::string>{"body:hello"});
  SUBCASE("a header-only tail at the end of a stream") {
    reader.feed("Content-Length: 5\r\n\r\n");
    CHECK(reader.mid_message());
    CHECK(drain(reader).empty());
  }
}

TEST_CASE("a 10 MB body fed in 4 KB chunks") {
  std::string body(10 << 20, 'a');
  body.front() = '[';
  body.back() = ']';
  const std::string stream = frame_message(body) + frame_message("{}");
  MessageReader reader;
  const auto start = std::chrono::steady_clock::now();
  std::vector<FramingEvent> events;
  for (std::size_t at = 0; at < stream.size(); at += 4096) {
    reader.feed(std::string_view(stream).substr(at, 4096));
    while (auto event = reader.next())
      events.push_back(std::move(*event));
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(events.size() == 2);
  CHECK(std::get<FramedBody>(events[0]).body == body);
  CHECK(std::get<FramedBody>(events[1]).body == "{}");
  CHECK_FALSE(reader.mid_message());
  // Linear work takes milliseconds; a quadratic rescan would take far longer.
  CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("a long session of messages split across reads") {
  MessageReader reader;
  const std::string message = frame_message(std::string(1000, 'x'));
  for (int i = 0; i < 10000; ++i) {
    // Feed each message in two parts so a partial one is often buffered.
    reader.feed(std::string_view(message).substr(0, 700));
    reader.feed(std::string_view(message).substr(700));
    auto event = reader.next();
    REQUIRE(event);
    REQUIRE(std::holds_alternative<FramedBody>(*event));
  }
  CHECK_FALSE(reader.mid_message());
}
