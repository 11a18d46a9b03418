// JSON-RPC 2.0 messages: classification of incoming bodies and serialization of replies.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace copydesk::protocol {

using json = nlohmann::json;

enum class ErrorCode : int {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
  server_not_initialized = -32002,
  unknown_error = -32001,
  request_failed = -32803,
  server_cancelled = -32802,
  content_modified = -32801,
  request_cancelled = -32800,
};

struct ResponseError {
  ErrorCode code;
  std::string message;
  std::optional<json> data;
};

// An id is a JSON integer or string; kept as json so it echoes back exactly as received.
struct Request {
  json id;
  std::string method;
  json params;  // null when absent
};
struct Notification {
  std::string method;
  json params;  // null when absent
};
struct Response {
  json id;
  std::optional<json> result;
  std::optional<ResponseError> error;
};
// A body that is not a valid message. `id` is the request's id when one could be read, else
// null; the server answers with `code` (parse error or invalid request).
struct InvalidMessage {
  json id;
  ErrorCode code;
  std::string message;
};
using Message = std::variant<Request, Notification, Response, InvalidMessage>;

Message parse_message(std::string_view body);

std::string serialize_result(const json& id, const json& result);
std::string serialize_error(const json& id, const ResponseError& error);
std::string serialize_notification(std::string_view method, const json& params);
std::string serialize_request(const json& id, std::string_view method, const json& params);

}  // namespace copydesk::protocol
