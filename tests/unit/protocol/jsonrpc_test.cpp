#include "protocol/jsonrpc.hpp"

#include <doctest/doctest.h>

#include <string>

using copydesk::protocol::ErrorCode;
using copydesk::protocol::InvalidMessage;
using copydesk::protocol::json;
using copydesk::protocol::Notification;
using copydesk::protocol::parse_message;
using copydesk::protocol::Request;
using copydesk::protocol::Response;
using copydesk::protocol::ResponseError;
using copydesk::protocol::serialize_error;
using copydesk::protocol::serialize_notification;
using copydesk::protocol::serialize_request;
using copydesk::protocol::serialize_result;

namespace {

InvalidMessage parse_invalid(std::string_view body) {
  const auto message = parse_message(body);
  REQUIRE_MESSAGE(std::holds_alternative<InvalidMessage>(message), body);
  return std::get<InvalidMessage>(message);
}

// Checks an invalid_request classification: the id carried and a phrase of the message.
void check_invalid_request(std::string_view body, const json& id, std::string_view phrase) {
  CAPTURE(body);
  const InvalidMessage invalid = parse_invalid(body);
  CHECK(invalid.code == ErrorCode::invalid_request);
  CHECK(invalid.id == id);
  CHECK_MESSAGE(invalid.message.find(phrase) != std::string::npos, invalid.message);
}

}  // namespace

TEST_CASE("a request") {
  const auto message =
      parse_message(R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"a":1}})");
  REQUIRE(std::holds_alternative<Request>(message));
  const auto& request = std::get<Request>(message);
  CHECK(request.id == 7);
  CHECK(request.method == "textDocument/hover");
  CHECK(request.params == json{{"a", 1}});
}

TEST_CASE("a request with array params, and one without params") {
  const auto with_array = parse_message(R"({"jsonrpc":"2.0","id":"x","method":"m","params":[1]})");
  REQUIRE(std::holds_alternative<Request>(with_array));
  CHECK(std::get<Request>(with_array).params == json::array({1}));

  const auto without = parse_message(R"({"jsonrpc":"2.0","id":1,"method":"shutdown"})");
  REQUIRE(std::holds_alternative<Request>(without));
  CHECK(std::get<Request>(without).params.is_null());
}

TEST_CASE("null params are taken as absent, as some clients send them for shutdown") {
  const auto message =
      parse_message(R"({"jsonrpc":"2.0","id":1,"method":"shutdown","params":null})");
  REQUIRE(std::holds_alternative<Request>(message));
  CHECK(std::get<Request>(message).params.is_null());
}

TEST_CASE("a notification") {
  const auto message = parse_message(R"({"jsonrpc":"2.0","method":"exit"})");
  REQUIRE(std::holds_alternative<Notification>(message));
  CHECK(std::get<Notification>(message).method == "exit");
  CHECK(std::get<Notification>(message).params.is_null());

  const auto with_params =
      parse_message(R"({"method":"$/cancelRequest","params":{"id":3},"jsonrpc":"2.0"})");
  REQUIRE(std::holds_alternative<Notification>(with_params));
  CHECK(std::get<Notification>(with_params).params == json{{"id", 3}});
}

TEST_CASE("responses") {
  SUBCASE("with a result") {
    const auto message = parse_message(R"({"jsonrpc":"2.0","id":"r1","result":{"ok":true}})");
    REQUIRE(std::holds_alternative<Response>(message));
    const auto& response = std::get<Response>(message);
    CHECK(response.id == "r1");
    REQUIRE(response.result);
    CHECK(*response.result == json{{"ok", true}});
    CHECK_FALSE(response.error);
  }
  SUBCASE("with a null result") {
    const auto message = parse_message(R"({"jsonrpc":"2.0","id":2,"result":null})");
    REQUIRE(std::holds_alternative<Response>(message));
    REQUIRE(std::get<Response>(message).result);
    CHECK(std::get<Response>(message).result->is_null());
  }
  SUBCASE("with an error") {
    const auto message = parse_message(
        R"({"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"nope","data":[1]}})");
    REQUIRE(std::holds_alternative<Response>(message));
    const auto& response = std::get<Response>(message);
    CHECK_FALSE(response.result);
    REQUIRE(response.error);
    CHECK(response.error->code == ErrorCode::method_not_found);
    CHECK(response.error->message == "nope");
    REQUIRE(response.error->data);
    CHECK(*response.error->data == json::array({1}));
  }
  SUBCASE("with an error and a null id") {
    const auto message =
        parse_message(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}})");
    REQUIRE(std::holds_alternative<Response>(message));
    CHECK(std::get<Response>(message).id.is_null());
    CHECK_FALSE(std::get<Response>(message).error->data);
  }
}

TEST_CASE("ids echo back exactly") {
  for (const char* id : {R"("abc")", R"("")", R"("42")", "0", "-1", "2147483648",
                         "9223372036854775807", "18446744073709551615"}) {
    CAPTURE(id);
    const std::string body = std::string(R"({"jsonrpc":"2.0","method":"m","id":)") + id + "}";
    const auto message = parse_message(body);
    REQUIRE(std::holds_alternative<Request>(message));
    const json& parsed = std::get<Request>(message).id;
    CHECK(serialize_result(parsed, nullptr) ==
          std::string(R"({"jsonrpc":"2.0","id":)") + id + R"(,"result":null})");
  }
}

TEST_CASE("invalid JSON is a parse error") {
  for (const char* body : {"", "{", "{\"jsonrpc\":", "nul", "{\"a\":1}}", "\xFF"}) {
    CAPTURE(body);
    const InvalidMessage invalid = parse_invalid(body);
    CHECK(invalid.code == ErrorCode::parse_error);
    CHECK(invalid.id.is_null());
    CHECK(invalid.message.rfind("invalid JSON: ", 0) == 0);
    CHECK(invalid.message.find("json.exception") == std::string::npos);
  }
}

TEST_CASE("JSON that is not an object is an invalid request") {
  check_invalid_request(R"([{"jsonrpc":"2.0","method":"m"}])", nullptr, "batch");
  check_invalid_request("[]", nullptr, "batch");
  check_invalid_request("42", nullptr, "must be a JSON object");
  check_invalid_request(R"("text")", nullptr, "must be a JSON object");
  check_invalid_request("null", nullptr, "must be a JSON object");
}

TEST_CASE("the jsonrpc version must be 2.0") {
  check_invalid_request(R"({"id":1,"method":"m"})", 1, R"('jsonrpc' must be "2.0")");
  check_invalid_request(R"({"jsonrpc":"1.0","id":"a","method":"m"})", "a", "'jsonrpc'");
  check_invalid_request(R"({"jsonrpc":2.0,"id":1,"method":"m"})", 1, "'jsonrpc'");
  check_invalid_request(R"({"jsonrpc":"2.0 ","method":"m"})", nullptr, "'jsonrpc'");
}

TEST_CASE("ids must be integers or strings") {
  check_invalid_request(R"({"jsonrpc":"2.0","id":1.5,"method":"m"})", nullptr, "'id' must be");
  check_invalid_request(R"({"jsonrpc":"2.0","id":1.0,"method":"m"})", nullptr, "'id' must be");
  check_invalid_request(R"({"jsonrpc":"2.0","id":true,"method":"m"})", nullptr, "'id' must be");
  check_invalid_request(R"({"jsonrpc":"2.0","id":[1],"method":"m"})", nullptr, "'id' must be");
  check_invalid_request(R"({"jsonrpc":"2.0","id":{},"result":1})", nullptr, "'id' must be");
  check_invalid_request(R"({"jsonrpc":"2.0","id":null,"method":"m"})", nullptr,
                        "'id' must not be null");
}

TEST_CASE("method and params must have the right types") {
  check_invalid_request(R"({"jsonrpc":"2.0","id":4,"method":5})", 4, "'method' must be a string");
  check_invalid_request(R"({"jsonrpc":"2.0","method":null})", nullptr, "'method' must be a string");
  check_invalid_request(R"({"jsonrpc":"2.0","id":"q","method":"m","params":3})", "q",
                        "'params' must be an object or an array");
  check_invalid_request(R"({"jsonrpc":"2.0","method":"m","params":"x"})", nullptr,
                        "'params' must be an object or an array");
}

TEST_CASE("bodies that are neither request, notification nor response") {
  check_invalid_request(R"({"jsonrpc":"2.0"})", nullptr, "needs a 'method'");
  check_invalid_request(R"({"jsonrpc":"2.0","id":9})", 9, "needs a 'method'");
  check_invalid_request(R"({"jsonrpc":"2.0","result":1})", nullptr, "needs a 'method'");
  check_invalid_request(R"({"jsonrpc":"2.0","id":9,"result":1,"error":{"code":1,"message":"m"}})",
                        9, "both 'result' and 'error'");
  for (const char* error :
       {"null", "1", R"({"code":1})", R"({"message":"m"})", R"({"code":"1","message":"m"})",
        R"({"code":1.5,"message":"m"})", R"({"code":1,"message":2})",
        R"({"code":4294967296,"message":"m"})", R"({"code":18446744073709551615,"message":"m"})"}) {
    check_invalid_request(std::string(R"({"jsonrpc":"2.0","id":9,"error":)") + error + "}", 9,
                          "'error' must be an object");
  }
}

TEST_CASE("serialization shapes") {
  CHECK(serialize_result(1, json{{"a", 1}}) == R"({"jsonrpc":"2.0","id":1,"result":{"a":1}})");
  CHECK(serialize_result("x", nullptr) == R"({"jsonrpc":"2.0","id":"x","result":null})");
  CHECK(serialize_error(2, ResponseError{ErrorCode::method_not_found, "no such method", {}}) ==
        R"({"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"no such method"}})");
  CHECK(serialize_error(nullptr, ResponseError{ErrorCode::parse_error, "bad", json{{"at", 3}}}) ==
        R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"data":{"at":3},"message":"bad"}})");
  CHECK(serialize_notification("window/logMessage", json{{"type", 3}}) ==
        R"({"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3}})");
  CHECK(serialize_notification("exit", nullptr) == R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(serialize_request(5, "workspace/configuration", json{{"items", json::array()}}) ==
        R"({"jsonrpc":"2.0","id":5,"method":"workspace/configuration","params":{"items":[]}})");
  CHECK(serialize_request("s", "m", nullptr) == R"({"jsonrpc":"2.0","id":"s","method":"m"})");
  // Non-ASCII text is written as UTF-8, not escaped.
  CHECK(serialize_result(1, "caf\xC3\xA9") ==
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"caf\xC3\xA9\"}");
}

TEST_CASE("serialized messages parse back to the same classification") {
  const auto request = parse_message(serialize_request(3, "m", json::array({1, "two"})));
  REQUIRE(std::holds_alternative<Request>(request));
  CHECK(std::get<Request>(request).params == json::array({1, "two"}));
  const auto response =
      parse_message(serialize_error("id", ResponseError{ErrorCode::request_failed, "f", {}}));
  REQUIRE(std::holds_alternative<Response>(response));
  CHECK(std::get<Response>(response).error->code == ErrorCode::request_failed);
  CHECK(std::holds_alternative<Notification>(parse_message(serialize_notification("n", {}))));
}

TEST_CASE("invalid UTF-8 in a string does not throw when serialized") {
  const std::string bad = "bad \xFF\xC3 bytes";
  std::string out;
  CHECK_NOTHROW(out = serialize_result(1, json{{"text", bad}}));
  CHECK(out ==
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"bad \xEF\xBF\xBD\xEF\xBF\xBD "
        "bytes\"}}");
  CHECK_NOTHROW(out = serialize_error(bad, ResponseError{ErrorCode::internal_error, bad, bad}));
  CHECK(std::holds_alternative<Response>(parse_message(out)));
  CHECK_NOTHROW(out = serialize_notification(bad, json::array({bad})));
  CHECK_NOTHROW(out = serialize_request(1, bad, json{{bad, bad}}));
  CHECK(std::holds_alternative<Request>(parse_message(out)));
}

TEST_CASE("deeply nested JSON does not crash") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  CHECK(parse_invalid(deep).code == ErrorCode::invalid_request);
  const std::string body = R"({"jsonrpc":"2.0","method":"m","params":)" + deep + "}";
  CHECK(std::holds_alternative<Notification>(parse_message(body)));
}
