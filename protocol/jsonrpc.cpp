#include "protocol/jsonrpc.hpp"

#include <cstdint>
#include <limits>
#include <utility>

namespace copydesk::protocol {
namespace {

InvalidMessage invalid(json id, std::string message) {
  return InvalidMessage{std::move(id), ErrorCode::invalid_request, std::move(message)};
}

bool is_valid_id(const json& id) {
  return id.is_number_integer() || id.is_string();
}

// Replacing invalid UTF-8 (with U+FFFD) instead of throwing: a bad string from a document or a
// client must not take the server down.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Response errors: {"code": integer, "message": string, "data"?: any}.
std::optional<ResponseError> read_error(const json& error) {
  if (!error.is_object()) return std::nullopt;
  const auto code = error.find("code");
  const auto message = error.find("message");
  if (code == error.end() || !code->is_number_integer() || message == error.end() ||
      !message->is_string()) {
    return std::nullopt;
  }
  // Positive integers parse as unsigned; check each kind against int's range on its own terms.
  const bool fits = code->is_number_unsigned()
                        ? code->get<std::uint64_t>() <=
                              static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                        : code->get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                              code->get<std::int64_t>() <= std::numeric_limits<int>::max();
  if (!fits) return std::nullopt;
  ResponseError result{static_cast<ErrorCode>(code->get<int>()), message->get<std::string>(),
                       std::nullopt};
  if (const auto data = error.find("data"); data != error.end()) result.data = *data;
  return result;
}

}  // namespace

Message parse_message(std::string_view body) {
  json message;
  try {
    message = json::parse(body);
  } catch (const json::exception& e) {
    // A syntax error, or a number too large for a double (out_of_range, "1e999").
    // Drop the library's "[json.exception.parse_error.101] " tag; keep the position and reason.
    std::string_view what = e.what();
    if (const auto tag_end = what.find("] "); tag_end != std::string_view::npos) {
      what.remove_prefix(tag_end + 2);
    }
    return InvalidMessage{nullptr, ErrorCode::parse_error, "invalid JSON: " + std::string(what)};
  }
  if (message.is_array()) return invalid(nullptr, "batch messages are not supported");
  if (!message.is_object()) return invalid(nullptr, "a message must be a JSON object");

  const auto id_it = message.find("id");
  const bool has_id = id_it != message.end();
  if (has_id && !id_it->is_null() && !is_valid_id(*id_it)) {
    return invalid(nullptr, "'id' must be an integer or a string");
  }
  // The id to echo in an error reply, when there is a usable one.
  json id = has_id ? *id_it : json(nullptr);

  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    return invalid(std::move(id), "'jsonrpc' must be \"2.0\"");
  }

  if (const auto method = message.find("method"); method != message.end()) {
    if (!method->is_string()) return invalid(std::move(id), "'method' must be a string");
    json params;
    if (const auto p = message.find("params"); p != message.end()) {
      // null is accepted as "no params": several clients send it (e.g. for shutdown).
      if (!p->is_object() && !p->is_array() && !p->is_null()) {
        return invalid(std::move(id), "'params' must be an object or an array");
      }
      params = std::move(*p);
    }
    if (!has_id) return Notification{method->get<std::string>(), std::move(params)};
    if (id.is_null()) return invalid(nullptr, "a request's 'id' must not be null");
    return Request{std::move(id), method->get<std::string>(), std::move(params)};
  }

  const auto result = message.find("result");
  const auto error = message.find("error");
  const bool has_result = result != message.end();
  const bool has_error = error != message.end();
  if (!has_id || (!has_result && !has_error)) {
    return invalid(std::move(id),
                   "a message needs a 'method', or an 'id' with a 'result' or 'error'");
  }
  if (has_result && has_error) {
    return invalid(std::move(id), "a response must not have both 'result' and 'error'");
  }
  // A null id is allowed in responses: it answers a request whose id could not be read.
  Response response{std::move(id), std::nullopt, std::nullopt};
  if (has_result) {
    response.result = std::move(*result);
  } else {
    response.error = read_error(*error);
    if (!response.error) {
      return invalid(std::move(response.id),
                     "'error' must be an object with an integer 'code' and a string 'message'");
    }
  }
  return response;
}

std::string serialize_result(const json& id, const json& result) {
  // Built by hand to keep the conventional key order and to avoid copying a large result.
  return R"({"jsonrpc":"2.0","id":)" + dump(id) + R"(,"result":)" + dump(result) + "}";
}

std::string serialize_error(const json& id, const ResponseError& error) {
  json body = {{"code", static_cast<int>(error.code)}, {"message", error.message}};
  if (error.data) body["data"] = *error.data;
  return R"({"jsonrpc":"2.0","id":)" + dump(id) + R"(,"error":)" + dump(body) + "}";
}

std::string serialize_notification(std::string_view method, const json& params) {
  std::string out = R"({"jsonrpc":"2.0","method":)" + dump(json(std::string(method)));
  if (!params.is_null()) out += R"(,"params":)" + dump(params);
  return out + "}";
}

std::string serialize_request(const json& id, std::string_view method, const json& params) {
  std::string out =
      R"({"jsonrpc":"2.0","id":)" + dump(id) + R"(,"method":)" + dump(json(std::string(method)));
  if (!params.is_null()) out += R"(,"params":)" + dump(params);
  return out + "}";
}

}  // namespace copydesk::protocol
