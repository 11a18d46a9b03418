// Fuzz target: arbitrary bytes on the server's standard input. The framing reader splits them
// into bodies, each body is classified as a JSON-RPC message, and the params of requests and
// notifications go through the readers the server uses. Checks:
// - framing does not depend on how the bytes are chunked (read() may return any split);
// - a framed body always frames back to itself;
// - param readers fail only with ParamsError (the server's InvalidParams), never otherwise;
// - every reply serializes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "protocol/framing.hpp"
#include "protocol/jsonrpc.hpp"
#include "protocol/lsp_types.hpp"
#include "server/settings.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using namespace copydesk;
using protocol::json;

// Bodies in order, with an entry for each framing error between them.
std::vector<std::string> read_all(protocol::MessageReader& reader) {
  std::vector<std::string> events;
  while (auto event = reader.next()) {
    if (auto* body = std::get_if<protocol::FramedBody>(&*event)) {
      events.push_back("body:" + body->body);
    } else {
      events.push_back("error");
    }
  }
  return events;
}

// Runs the reader the server would run for `method` (and, for unknown methods, every reader:
// they must all cope with any params).
void read_params(const std::string& method, const json& params) {
  using ReadParams = void (*)(const json&);
  const std::pair<const char*, ReadParams> readers[] = {
      {"initialize", [](const json& p) { (void)protocol::read_initialize(p); }},
      {"textDocument/didOpen", [](const json& p) { (void)protocol::read_did_open(p); }},
      {"textDocument/didChange", [](const json& p) { (void)protocol::read_did_change(p); }},
      {"textDocument/didClose", [](const json& p) { (void)protocol::read_did_close(p); }},
      {"textDocument/didSave", [](const json& p) { (void)protocol::read_did_save(p); }},
      {"textDocument/hover", [](const json& p) { (void)protocol::read_text_document_position(p); }},
      {"textDocument/semanticTokens/full",
       [](const json& p) { (void)protocol::read_text_document_uri(p); }},
      {"textDocument/inlayHint",
       [](const json& p) {
         (void)protocol::read_range(protocol::require_field(p, "range", ""), "range");
       }},
      {"$/setTrace", [](const json& p) { (void)protocol::read_string(p, "value", ""); }},
      {"$/cancelRequest", [](const json& p) { (void)protocol::require_field(p, "id", ""); }},
      {"workspace/didChangeConfiguration",
       [](const json& p) {
         if (const json* settings = protocol::find_path(p, {"settings"})) {
           (void)server::config_from_lsp_settings(*settings);
           (void)server::server_only_settings(*settings);
         }
       }},
  };
  const bool known = std::any_of(std::begin(readers), std::end(readers),
                                 [&](const auto& reader) { return method == reader.first; });
  for (const auto& [name, reader] : readers) {
    if (known && method != name) continue;
    try {
      reader(params);
    } catch (const protocol::ParamsError&) {
      // The server answers InvalidParams: the expected outcome for bad params.
    }
  }
}

void handle_body(const std::string& body) {
  // A body frames back to itself, whatever it holds.
  protocol::MessageReader again;
  again.feed(protocol::frame_message(body));
  auto event = again.next();
  FUZZ_CHECK(event && std::holds_alternative<protocol::FramedBody>(*event) &&
                 std::get<protocol::FramedBody>(*event).body == body && !again.next(),
             "a framed body does not frame back to itself");

  protocol::Message message = protocol::parse_message(body);
  if (auto* request = std::get_if<protocol::Request>(&message)) {
    read_params(request->method, request->params);
    (void)protocol::serialize_result(request->id, request->params);
    (void)protocol::serialize_request(request->id, request->method, request->params);
  } else if (auto* notification = std::get_if<protocol::Notification>(&message)) {
    read_params(notification->method, notification->params);
    (void)protocol::serialize_notification(notification->method, notification->params);
  } else if (auto* response = std::get_if<protocol::Response>(&message)) {
    if (response->error) (void)protocol::serialize_error(response->id, *response->error);
  } else {
    const auto& invalid = std::get<protocol::InvalidMessage>(message);
    (void)protocol::serialize_error(invalid.id, {invalid.code, invalid.message, std::nullopt});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  protocol::FramingLimits limits;
  if (input.flag()) limits = {input.number(4096), input.number(512)};  // reach the limits
  std::uint32_t chunking = input.byte() | (std::uint32_t{input.byte()} << 8) | 1;
  const std::string stream = input.rest();

  protocol::MessageReader whole(limits);
  whole.feed(stream);
  const std::vector<std::string> expected = read_all(whole);

  // The same bytes in chunks of 1 to 16 bytes, sizes from a small generator.
  protocol::MessageReader chunked(limits);
  std::vector<std::string> events;
  for (std::size_t at = 0; at < stream.size();) {
    chunking = chunking * 1103515245u + 12345u;
    const std::size_t length = std::min<std::size_t>(1 + (chunking >> 16) % 16, stream.size() - at);
    chunked.feed(std::string_view(stream).substr(at, length));
    at += length;
    for (std::string& event : read_all(chunked))
      events.push_back(std::move(event));
  }
  std::vector<std::string> expected_bodies, bodies;
  for (const std::string& event : expected)
    if (event != "error") expected_bodies.push_back(event);
  for (const std::string& event : events)
    if (event != "error") bodies.push_back(event);
  FUZZ_CHECK(bodies == expected_bodies, "framing depends on how the bytes are chunked");
  FUZZ_CHECK(whole.mid_message() == chunked.mid_message(),
             "mid_message depends on how the bytes are chunked");

  for (const std::string& event : expected)
    if (event != "error") handle_body(event.substr(5));
  return 0;
}
