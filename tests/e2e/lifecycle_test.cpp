// The LSP lifecycle and JSON-RPC error paths, through the real binary over pipes.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

int error_code(const json& response) {
  return response.at("error").at("code").get<int>();
}

}  // namespace

TEST_CASE("initialize answers with server info, capabilities and utf-16 by default") {
  LspProcess server;
  json response = server.initialize();
  json result = response.at("result");
  CHECK(result["serverInfo"]["name"] == "copydesk");
  CHECK(result["serverInfo"]["version"].is_string());
  CHECK(result["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(result["capabilities"]["textDocumentSync"]["change"] == 2);
  CHECK(result["capabilities"]["textDocumentSync"]["openClose"] == true);
  CHECK(server.shutdown_and_exit() == 0);
  CHECK(server.framing_errors() == 0);
}

TEST_CASE("utf-8 is chosen when the client offers it") {
  LspProcess server;
  json result = server.initialize({{"general", {{"positionEncodings", {"utf-16", "utf-8"}}}}});
  CHECK(result["result"]["capabilities"]["positionEncoding"] == "utf-8");
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("requests before initialize get -32002 and the server still initializes") {
  LspProcess server;
  CHECK(error_code(server.call("textDocument/hover", json::object())) == -32002);
  CHECK(error_code(server.call("shutdown")) == -32002);
  server.notify("textDocument/didOpen", json::object());  // dropped silently
  CHECK(server.initialize().contains("result"));
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("a second initialize is an invalid request") {
  LspProcess server;
  server.initialize();
  CHECK(error_code(server.call(
            "initialize", {{"processId", nullptr}, {"capabilities", json::object()}})) == -32600);
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("exit codes: 0 after shutdown, 1 without") {
  SUBCASE("exit without shutdown") {
    LspProcess server;
    server.initialize();
    server.notify("exit");
    CHECK(server.wait_exit() == 1);
  }
  SUBCASE("exit before initialize") {
    LspProcess server;
    server.notify("exit");
    CHECK(server.wait_exit() == 1);
  }
  SUBCASE("shutdown then exit") {
    LspProcess server;
    server.initialize();
    CHECK(server.shutdown_and_exit() == 0);
  }
}

TEST_CASE("requests after shutdown get -32600; exit still works") {
  LspProcess server;
  server.initialize();
  json response = server.call("shutdown");
  CHECK(response.contains("result"));
  CHECK(response["result"].is_null());
  CHECK(error_code(server.call("copydesk/documentState",
                               {{"textDocument", {{"uri", test_uri("a.txt")}}}})) == -32600);
  server.notify("exit");
  CHECK(server.wait_exit() == 0);
}

TEST_CASE("end of input ends the process cleanly") {
  SUBCASE("without shutdown: exit code 1") {
    LspProcess server;
    server.initialize();
    server.close_stdin();
    CHECK(server.wait_exit(3s) == 1);
  }
  SUBCASE("after shutdown: exit code 0") {
    LspProcess server;
    server.initialize();
    server.call("shutdown");
    server.close_stdin();
    CHECK(server.wait_exit(3s) == 0);
  }
  SUBCASE("in the middle of a message") {
    LspProcess server;
    server.initialize();
    server.send_raw("Content-Length: 100\r\n\r\n{\"jsonrpc\":");
    server.close_stdin();
    CHECK(server.wait_exit(3s) == 1);
    CHECK(server.stderr_text().find("middle of a message") != std::string::npos);
  }
}

TEST_CASE("JSON-RPC errors are answered and the server keeps serving") {
  LspProcess server;
  server.initialize();

  SUBCASE("parse error: -32700 with id null") {
    server.send_raw(copydesk::protocol::frame_message("{\"jsonrpc\": \"2.0\", \"id\": 1, "));
    json response = *server.read_message();
    CHECK(error_code(response) == -32700);
    CHECK(response["id"].is_null());
  }
  SUBCASE("not an object: -32600") {
    server.send_raw(copydesk::protocol::frame_message("[1, 2, 3]"));
    CHECK(error_code(*server.read_message()) == -32600);
  }
  SUBCASE("method not a string: -32600 with the id") {
    server.send({{"jsonrpc", "2.0"}, {"id", 41}, {"method", 7}});
    json response = *server.read_message();
    CHECK(error_code(response) == -32600);
    CHECK(response["id"] == 41);
  }
  SUBCASE("unknown method: -32601, string ids echoed") {
    server.send({{"jsonrpc", "2.0"}, {"id", "abc-1"}, {"method", "copydesk/noSuchThing"}});
    json response = server.wait_for_response("abc-1");
    CHECK(error_code(response) == -32601);
  }
  SUBCASE("unknown notifications, $/ ones included, are ignored") {
    server.notify("$/someExtension", {{"x", 1}});
    server.notify("copydesk/unknownNotification", {{"x", 1}});
  }
  SUBCASE("invalid params: -32602 naming the field") {
    json response = server.call("copydesk/documentState", {{"textDocument", {{"uri", 5}}}});
    CHECK(error_code(response) == -32602);
    CHECK(response["error"]["message"].get<std::string>().find("textDocument.uri") !=
          std::string::npos);
  }
  SUBCASE("framing errors are skipped") {
    server.send_raw("Content-Length: nope\r\n\r\n{}");
    server.send_raw("X-Header: 1\r\n\r\n");
  }
  // Whatever came before, the next good request is answered correctly.
  json response = server.call("copydesk/noSuchThing");
  CHECK(error_code(response) == -32601);
  CHECK(server.shutdown_and_exit() == 0);
  CHECK(server.framing_errors() == 0);
}

TEST_CASE("$/cancelRequest answers a pending request with -32800") {
  LspProcess server({"--debounce-ms", "5000"});
  server.initialize();
  std::string uri = test_uri("cancel.txt");
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", "Hello"}}}});
  // Pending until the 5 s debounce expires.
  json id = server.request("copydesk/documentState", {{"textDocument", {{"uri", uri}}}});
  // The same id again while the first is pending is refused; the first stays pending.
  server.send({{"jsonrpc", "2.0"},
               {"id", id},
               {"method", "copydesk/documentState"},
               {"params", {{"textDocument", {{"uri", uri}}}}}});
  CHECK(error_code(server.wait_for_response(id, 2s)) == -32600);
  server.notify("$/cancelRequest", {{"id", id}});
  auto start = std::chrono::steady_clock::now();
  json response = server.wait_for_response(id, 2s);
  CHECK(error_code(response) == -32800);
  CHECK(std::chrono::steady_clock::now() - start < 2s);
  // Cancelling something already answered is harmless.
  server.notify("$/cancelRequest", {{"id", 12345}});
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("$/setTrace turns on $/logTrace") {
  LspProcess server;
  server.initialize();
  server.notify("$/setTrace", {{"value", "messages"}});
  server.call("copydesk/noSuchThing");
  json trace = server.wait_for_notification("$/logTrace");
  CHECK(trace["params"]["message"].get<std::string>().find("copydesk/noSuchThing") !=
        std::string::npos);
  server.notify("$/setTrace", {{"value", "off"}});
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("warnings reach the client as window/logMessage; stderr carries the log") {
  LspProcess server;
  server.initialize();
  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", test_uri("never-opened.txt")}, {"version", 2}}},
                 {"contentChanges", json::array({{{"text", "x"}}})}});
  json message = server.wait_for_notification("window/logMessage");
  CHECK(message["params"]["type"] == 2);
  CHECK(message["params"]["message"].get<std::string>().find("not open") != std::string::npos);
  CHECK(server.shutdown_and_exit() == 0);
  CHECK(server.stderr_text().find("not open") != std::string::npos);
}

TEST_CASE("the server exits when its parent process dies") {
  pid_t parent = ::fork();
  if (parent == 0) {
    ::pause();
    ::_exit(0);
  }
  LspProcess server;
  server.call("initialize", {{"processId", parent}, {"capabilities", json::object()}});
  server.notify("initialized");
  CHECK_FALSE(server.wait_exit(300ms).has_value());
  ::kill(parent, SIGKILL);
  ::waitpid(parent, nullptr, 0);
  CHECK(server.wait_exit(3s) == 1);
}

TEST_CASE("SIGTERM ends the server") {
  LspProcess server;
  server.initialize();
  ::kill(server.pid(), SIGTERM);
  CHECK(server.wait_exit(3s) == 1);
}
