// Valgrind memcheck over a short LSP session with the real binary (`make test-valgrind`):
// initialize, didOpen, didChange, hover, semantic tokens, inlay hints, the outline, code actions,
// shutdown and exit. Fails on any memory error or leak (valgrind's exit code), and when the
// session itself goes wrong, so that a broken session cannot pass for a clean one.
#include <doctest/doctest.h>

#include <cstdlib>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

// Everything is slower under valgrind: start-up alone loads ICU's data.
constexpr auto kSlow = std::chrono::milliseconds(120'000);

constexpr const char* kArticle =
    "WASHINGTON, March 3 (Reuters) - The ministry said on Tuesday that talks would resume.\n"
    "\"We are not going anywhere,\" Defence Minister Anna Petrova told reporters.\n"
    "Some experts say 234 people were killed.\n";

json position(int line, int character) {
  return {{"line", line}, {"character", character}};
}

}  // namespace

TEST_CASE("an LSP session under valgrind memcheck has no memory errors and no leaks") {
  // LspProcess runs $COPYDESK_BINARY with our arguments: here valgrind, then copydesk.
  const std::string copydesk = copydesk_binary();
  ::setenv("COPYDESK_BINARY", VALGRIND_PATH, 1);
  LspProcess server({"--quiet", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
                     "--errors-for-leak-kinds=definite,indirect,possible", "--error-exitcode=99",
                     "--num-callers=30", copydesk, "--debounce-ms", "0", "--workers", "2"});
  ::setenv("COPYDESK_BINARY", copydesk.c_str(), 1);

  const std::string uri = test_uri("valgrind.txt");
  json init = server.call(
      "initialize",
      {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", json::object()}}, kSlow);
  REQUIRE_MESSAGE(init.contains("result"), server.stderr_text());
  server.notify("initialized", json::object());
  server.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kArticle}}}});
  CHECK(server.wait_for_notification("textDocument/publishDiagnostics", kSlow)["params"]["uri"] ==
        uri);

  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 2}}},
                 {"contentChanges",
                  {{{"range", {{"start", position(0, 36)}, {"end", position(0, 44)}}},
                    {"text", "Defence Ministry"}}}}});
  json diagnostics = server.wait_for_notification("textDocument/publishDiagnostics", kSlow);
  CHECK(diagnostics["params"]["version"] == 2);

  json hover =
      server.call("textDocument/hover",
                  {{"textDocument", {{"uri", uri}}}, {"position", position(0, 63)}}, kSlow);
  CHECK_MESSAGE(hover["result"].is_object(), hover.dump());  // "Tuesday", a resolved date
  json tokens =
      server.call("textDocument/semanticTokens/full", {{"textDocument", {{"uri", uri}}}}, kSlow);
  CHECK(!tokens["result"]["data"].empty());
  json hints = server.call("textDocument/inlayHint",
                           {{"textDocument", {{"uri", uri}}},
                            {"range", {{"start", position(0, 0)}, {"end", position(3, 0)}}}},
                           kSlow);
  CHECK(hints.contains("result"));
  json outline =
      server.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}}, kSlow);
  CHECK(outline.contains("result"));
  json actions = server.call("textDocument/codeAction",
                             {{"textDocument", {{"uri", uri}}},
                              {"range", {{"start", position(0, 0)}, {"end", position(3, 0)}}},
                              {"context", {{"diagnostics", diagnostics["params"]["diagnostics"]}}}},
                             kSlow);
  CHECK(actions.contains("result"));

  json shutdown = server.call("shutdown", nullptr, kSlow);
  CHECK(shutdown.contains("result"));
  server.notify("exit", nullptr);
  const std::optional<int> code = server.wait_exit(kSlow);
  // 99 is valgrind's: memory errors or leaks, listed in the log.
  CHECK_MESSAGE(code == 0, server.stderr_text());
}
