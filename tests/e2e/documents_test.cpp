// Text document synchronization through the real binary: the server's copy must match ours.
#include <doctest/doctest.h>

#include <cstdio>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

std::string fnv1a_hex(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

json state(LspProcess& server, const std::string& uri) {
  return server.call("copydesk/documentState", {{"textDocument", {{"uri", uri}}}}).at("result");
}

}  // namespace

TEST_CASE("didOpen, incremental didChange and didClose keep the server's text exact") {
  for (std::string encoding : {"utf-16", "utf-8"}) {
    CAPTURE(encoding);
    LspProcess server({"--debounce-ms", "0"});
    server.initialize({{"general", {{"positionEncodings", {encoding}}}}});
    std::string uri = test_uri("doc.txt");
    std::string text = "date 2024-03-12\r\nOn Tuesday 🙂 the ministry said.\nÉcole\r";
    server.notify("textDocument/didOpen",
                  {{"textDocument",
                    {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}});
    json opened = state(server, uri);
    CHECK(opened["version"] == 1);
    CHECK(opened["hash"] == fnv1a_hex(text));
    CHECK(opened["lineCount"] == 4);

    // Replace "ministry" (after an emoji: 2 UTF-16 units, 4 UTF-8 bytes) with "Legion".
    int emoji_width = encoding == "utf-16" ? 2 : 4;
    int start = 11 + emoji_width;
    server.notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", 2}}},
         {"contentChanges",
          json::array({{{"range", range(1, start + 5, 1, start + 13)}, {"text", "Legion"}},
                       {{"range", range(2, 0, 2, 0)}, {"text", "« "}}})}});
    std::string expected = "date 2024-03-12\r\nOn Tuesday 🙂 the Legion said.\n« École\r";
    json changed = state(server, uri);
    CHECK(changed["version"] == 2);
    CHECK(changed["hash"] == fnv1a_hex(expected));

    // A full replacement, then an out-of-range edit that clamps to the end.
    server.notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", 3}}},
         {"contentChanges",
          json::array({{{"text", "short"}}, {{"range", range(9, 0, 9, 4)}, {"text", " text"}}})}});
    CHECK(state(server, uri)["hash"] == fnv1a_hex("short text"));

    server.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
    json closed = server.call("copydesk/documentState", {{"textDocument", {{"uri", uri}}}});
    CHECK(closed["error"]["code"] == -32602);
    CHECK(server.shutdown_and_exit() == 0);
  }
}

TEST_CASE("edits to unknown documents and stale versions are logged, not fatal") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  std::string uri = test_uri("versions.txt");
  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", test_uri("unknown.txt")}, {"version", 1}}},
                 {"contentChanges", json::array({{{"text", "x"}}})}});
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "plaintext"}, {"version", 5}, {"text", "abc"}}}});
  server.notify("textDocument/didChange",
                {{"textDocument", {{"uri", uri}, {"version", 4}}},
                 {"contentChanges", json::array({{{"range", range(0, 3, 0, 3)}, {"text", "d"}}})}});
  json s = state(server, uri);
  CHECK(s["hash"] == fnv1a_hex("abcd"));
  CHECK(s["version"] == 4);
  server.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
  CHECK(server.shutdown_and_exit() == 0);
}
