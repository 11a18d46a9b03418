// The fault table (docs/reliability.md) for the language server: bad input of every kind through
// the real binary over pipes. After each bad input the server must still answer the next good
// request correctly, which `Session::expect_alive` checks against a document whose text we know.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;
namespace fs = std::filesystem;
using copydesk::protocol::frame_message;

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

int error_code(const json& response) {
  return response.at("error").at("code").get<int>();
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A finding the engine always makes: the quotation opened at line 1, character 8 never closes.
constexpr const char* kCanaryText = "date 2024-03-12\nHe said \"we will stay.\n";

// A server with one open document, the canary, whose text and version we track.
struct Session {
  LspProcess server;
  std::string canary = test_uri("canary.txt");
  std::string canary_text = kCanaryText;
  std::int64_t canary_version = 1;

  explicit Session(std::vector<std::string> args = {"--debounce-ms", "0"},
                   const json& capabilities = json::object())
      : server(std::move(args)) {
    REQUIRE(server.initialize(capabilities).contains("result"));
    open(canary, canary_text);
  }

  void open(const std::string& uri, const std::string& text, std::int64_t version = 1) {
    server.notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}});
  }

  json state(const std::string& uri, std::chrono::milliseconds timeout = 5s) {
    return server.call("copydesk/documentState", {{"textDocument", {{"uri", uri}}}}, timeout);
  }

  // The next good request is answered correctly: an edit to the canary applies exactly, and a
  // hover on its unclosed quotation names the rule.
  void expect_alive() {
    ++canary_version;
    server.notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", canary}, {"version", canary_version}}},
         {"contentChanges", json::array({{{"range", range(2, 0, 2, 0)}, {"text", "x"}}})}});
    canary_text += "x";
    json answer = state(canary);
    REQUIRE(answer.contains("result"));
    CHECK(answer["result"]["version"] == canary_version);
    CHECK(answer["result"]["hash"] == fnv1a_hex(canary_text));
    json hover = server.call("textDocument/hover", {{"textDocument", {{"uri", canary}}},
                                                    {"position", {{"line", 1}, {"character", 8}}}});
    REQUIRE(hover.contains("result"));
    CHECK(contains(hover["result"].dump(), "quotes.unbalanced"));
  }
};

// The publishDiagnostics for `uri` with `version`, skipping older ones.
json diagnostics_for(LspProcess& server, const std::string& uri, std::int64_t version,
                     std::chrono::milliseconds timeout = 10s) {
  for (;;) {
    json message = server.wait_for_notification("textDocument/publishDiagnostics", timeout);
    if (message["params"]["uri"] == uri && message["params"].value("version", -1) == version)
      return message["params"]["diagnostics"];
  }
}

// VmHWM (peak resident memory) of a live process, in KiB; 0 if it cannot be read.
long peak_rss_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "copydesk-faults-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("fault: malformed headers are skipped and the next request is answered") {
  Session s({"--debounce-ms", "0", "--max-message-mib", "1"});
  const std::string good = frame_message(R"({"jsonrpc":"2.0","method":"$/noop"})");
  struct Case {
    const char* name;
    std::string bytes;
  };
  const Case cases[] = {
      {"no Content-Length", "Content-Type: application/vscode-jsonrpc\r\n\r\n{}"},
      {"Content-Length not a number", "Content-Length: twelve\r\n\r\n{}"},
      {"negative Content-Length", "Content-Length: -5\r\n\r\n{}"},
      {"conflicting Content-Length", "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"},
      {"a blank line for a header", "\r\n\r\n"},
      {"a line that is not a header", "hello world\r\n\r\n"},
      {"garbage glued before a header", "xyz" + good},
      {"a header block over 8 KiB", "X-Filler: " + std::string(9000, 'a') + "\r\n\r\n"},
      {"a Content-Length over --max-message-mib",
       "Content-Length: 2097152\r\n\r\n" + std::string(2097152, ' ')},
      {"a 20-digit Content-Length", "Content-Length: 99999999999999999999\r\n\r\n"},
      {"a Content-Length too small for the body",
       "Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"$/noop\"}"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    s.server.send_raw(c.bytes);
    s.expect_alive();
  }
  CHECK(contains(s.server.stderr_text(), "bad message framing"));
  CHECK(s.server.shutdown_and_exit() == 0);
  CHECK(s.server.framing_errors() == 0);
}

TEST_CASE("fault: bodies that are not JSON, or JSON that is not a request, get an error reply") {
  Session s;
  struct Case {
    const char* name;
    std::string body;
    int code;
  };
  const Case cases[] = {
      {"empty body", "", -32700},
      {"truncated JSON", R"({"jsonrpc":"2.0","id":1,)", -32700},
      {"binary bytes", std::string("\x00\x01\xff\xfe", 4), -32700},
      {"invalid UTF-8 in a string",
       "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
       "{\"uri\":\"file:///tmp/u.txt\",\"languageId\":\"plaintext\",\"version\":1,"
       "\"text\":\"caf\xe9 \xc3\"}}}",
       -32700},
      {"a lone surrogate escape", R"({"jsonrpc":"2.0","id":2,"method":"x","params":"\ud800"})",
       -32700},
      {"a number", "42", -32600},
      {"null", "null", -32600},
      {"a string", R"("initialize")", -32600},
      {"a batch array", R"([{"jsonrpc":"2.0","id":3,"method":"shutdown"}])", -32600},
      {"an object without method or id", R"({"jsonrpc":"2.0"})", -32600},
      {"an id that is an object", R"({"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"})", -32600},
      {"a fractional id", R"({"jsonrpc":"2.0","id":1.5,"method":"shutdown"})", -32600},
      {"jsonrpc 1.0", R"({"jsonrpc":"1.0","id":4,"method":"shutdown"})", -32600},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    s.server.send_raw(frame_message(c.body));
    // The reply, skipping notifications (a warning forwarded as window/logMessage may come first
    // when the machine is busy).
    std::optional<json> reply = s.server.read_message();
    while (reply && !reply->contains("id"))
      reply = s.server.read_message();
    REQUIRE(reply);
    CHECK(error_code(*reply) == c.code);
    s.expect_alive();
  }
  // The server really did shut down on none of those "shutdown"s.
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: wrong param types are -32602 for requests and dropped for notifications") {
  Session s;
  const json doc = {{"uri", s.canary}};
  struct Case {
    const char* method;
    json params;
  };
  const Case requests[] = {
      {"textDocument/hover", {{"textDocument", doc}, {"position", "1:8"}}},
      {"textDocument/hover",
       {{"textDocument", doc}, {"position", {{"line", -1}, {"character", 0}}}}},
      {"textDocument/hover",
       {{"textDocument", doc}, {"position", {{"line", 1.5}, {"character", 0}}}}},
      {"textDocument/hover", {{"textDocument", json::array({s.canary})}, {"position", nullptr}}},
      {"textDocument/hover", json::array({s.canary, 1, 8})},
      {"textDocument/inlayHint", {{"textDocument", doc}}},
      {"textDocument/semanticTokens/range",
       {{"textDocument", doc},
        {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", 3}}}}},
      {"textDocument/codeAction", {{"textDocument", doc}, {"range", "everything"}}},
      {"textDocument/semanticTokens/full", {{"textDocument", {{"uri", nullptr}}}}},
      {"copydesk/documentState", {{"textDocument", "canary.txt"}}},
      {"workspace/symbol", {{"query", 7}}},
  };
  for (const Case& c : requests) {
    CAPTURE(c.method);
    CAPTURE(c.params.dump());
    CHECK(error_code(s.server.call(c.method, c.params)) == -32602);
    s.expect_alive();
  }

  const std::string other = test_uri("never.txt");
  const Case notifications[] = {
      {"textDocument/didOpen",
       {{"textDocument",
         {{"uri", other}, {"languageId", "plaintext"}, {"version", 1}, {"text", 42}}}}},
      {"textDocument/didOpen", {{"textDocument", other}}},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", s.canary}, {"version", "two"}}},
        {"contentChanges", json::array({{{"text", "lost"}}})}}},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", s.canary}, {"version", 99}}}, {"contentChanges", "lost"}}},
      {"textDocument/didChange",
       {{"textDocument", {{"uri", s.canary}, {"version", 99}}},
        {"contentChanges", json::array({{{"range", "all"}, {"text", "lost"}}})}}},
      {"textDocument/didClose", {{"textDocument", {{"uri", 5}}}}},
      {"$/cancelRequest", {{"id", json::array()}}},
      {"$/setTrace", {{"value", true}}},
      {"workspace/didChangeWatchedFiles", {{"changes", "all"}}},
      {"workspace/didChangeConfiguration", {{"settings", {{"copydesk", {{"debounceMs", "x"}}}}}}},
  };
  for (const Case& c : notifications) {
    CAPTURE(c.method);
    CAPTURE(c.params.dump());
    s.server.notify(c.method, c.params);
    s.expect_alive();  // the canary did not take the bad change
  }
  CHECK(error_code(s.state(other)) == -32602);  // the bad didOpens opened nothing
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: unknown methods: -32601 for requests, silence for notifications") {
  Session s;
  for (const char* method : {"textDocument/formatting", "copydesk/noSuchThing", "$/unknown", ""}) {
    CAPTURE(method);
    CHECK(error_code(s.server.call(method)) == -32601);
    s.server.notify(method, {{"x", 1}});
    s.expect_alive();
  }
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: positions and ranges out of bounds are clamped, never fatal") {
  Session s({"--debounce-ms", "0"}, {{"general", {{"positionEncodings", {"utf-16"}}}}});
  const json doc = {{"uri", s.canary}};
  const json far = {{"line", 1000000}, {"character", 4294967295u}};
  const json past_uint32 = {{"line", 4294967296u}, {"character", 99999999999u}};
  for (const json& where : {far, past_uint32, json{{"line", 1}, {"character", 1000}}}) {
    CAPTURE(where.dump());
    json hover = s.server.call("textDocument/hover", {{"textDocument", doc}, {"position", where}});
    CHECK(hover.contains("result"));
    json full_range = {{"start", {{"line", 0}, {"character", 0}}}, {"end", where}};
    CHECK(s.server.call("textDocument/inlayHint", {{"textDocument", doc}, {"range", full_range}})
              .contains("result"));
    CHECK(s.server
              .call("textDocument/semanticTokens/range",
                    {{"textDocument", doc}, {"range", full_range}})
              .contains("result"));
    CHECK(s.server
              .call("textDocument/codeAction",
                    {{"textDocument", doc},
                     {"range", full_range},
                     {"context",
                      {{"diagnostics", json::array({{{"range", {{"start", where}, {"end", where}}},
                                                     {"source", "copydesk"},
                                                     {"code", "quotes.unbalanced"},
                                                     {"message", "m"}}})}}}})
              .contains("result"));
    // A reversed range is read as empty.
    json reversed = {{"start", where}, {"end", {{"line", 0}, {"character", 0}}}};
    CHECK(s.server.call("textDocument/inlayHint", {{"textDocument", doc}, {"range", reversed}})
              .contains("result"));
    s.expect_alive();
  }

  // Edits: past the end appends; a character past its line ends at the line's end; a reversed
  // range is empty at its start; a position inside a surrogate pair rounds down to the emoji's
  // start, so the text stays valid UTF-8.
  const std::string uri = test_uri("clamp.txt");
  s.open(uri, "ab\ncd 🙂 ef\n");
  auto edit = [&](int version, const json& where, const std::string& text) {
    s.server.notify("textDocument/didChange",
                    {{"textDocument", {{"uri", uri}, {"version", version}}},
                     {"contentChanges", json::array({{{"range", where}, {"text", text}}})}});
  };
  edit(2, range(50, 0, 60, 0), "Z");
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex("ab\ncd 🙂 ef\nZ"));
  edit(3, range(0, 99, 0, 99), "!");
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex("ab!\ncd 🙂 ef\nZ"));
  edit(4, range(1, 2, 0, 1), "<");
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex("ab!\ncd< 🙂 ef\nZ"));
  edit(5, range(1, 5, 1, 5), "|");  // between the emoji's two UTF-16 code units
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex("ab!\ncd< |🙂 ef\nZ"));
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: edits to unknown documents and versions out of order are logged, not fatal") {
  Session s;
  const std::string unknown = test_uri("unknown.txt");
  s.server.notify("textDocument/didChange", {{"textDocument", {{"uri", unknown}, {"version", 3}}},
                                             {"contentChanges", json::array({{{"text", "x"}}})}});
  s.expect_alive();
  s.server.notify("textDocument/didClose", {{"textDocument", {{"uri", unknown}}}});
  s.server.notify("textDocument/didSave", {{"textDocument", {{"uri", unknown}}}});
  s.expect_alive();
  CHECK(error_code(s.state(unknown)) == -32602);

  // Versions that go back, repeat or jump: every change still applies, in arrival order, and
  // the version reported is the last one received.
  const std::string uri = test_uri("versions.txt");
  s.open(uri, "abc", 10);
  std::string text = "abc";
  for (int version : {9, 9, 1, 1000, -4}) {
    s.server.notify(
        "textDocument/didChange",
        {{"textDocument", {{"uri", uri}, {"version", version}}},
         {"contentChanges",
          json::array({{{"range", range(0, 0, 0, 0)}, {"text", std::to_string(version)}}})}});
    text = std::to_string(version) + text;
    json answer = s.state(uri)["result"];
    CHECK(answer["version"] == version);
    CHECK(answer["hash"] == fnv1a_hex(text));
  }
  // A second didOpen of an open document replaces it.
  s.open(uri, "fresh", 1);
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex("fresh"));
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

// Parsing and copying 100 MB takes tens of seconds under ASan on a busy machine: a generous
// bound on the waits, not a timing assertion.
constexpr auto kHugeWait = std::chrono::seconds(240);

TEST_CASE("fault: a 100 MB document gets a too-large diagnostic, stays in sync, and no more") {
  Session s;
  const std::string uri = test_uri("huge.txt");
  const std::string line = "The minister said on Tuesday that talks would resume. He said \"no.\n";
  std::string text;
  text.reserve(100u << 20);
  while (text.size() + line.size() <= (100u << 20))
    text += line;
  s.open(uri, text);
  json diagnostics = diagnostics_for(s.server, uri, 1, kHugeWait);
  REQUIRE(diagnostics.size() == 1);
  const std::string message = diagnostics[0]["message"];
  CHECK(contains(message, "too large"));
  CHECK(contains(message, "analysis skipped"));
  CHECK(contains(message, "100.0 MiB"));
  CHECK(contains(message, "10.0 MiB"));
  CHECK(diagnostics[0]["range"] == range(0, 0, 0, 0));

  // The server keeps its copy exact, and the features answer, with nothing.
  s.server.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", 2}}},
                   {"contentChanges",
                    json::array({{{"range", range(500000, 0, 500000, 0)}, {"text", "Edit. "}}})}});
  text.insert(500000 * line.size(), "Edit. ");
  json answer = s.state(uri, kHugeWait)["result"];
  CHECK(answer["length"] == text.size());
  CHECK(answer["hash"] == fnv1a_hex(text));
  json tokens = s.server.call("textDocument/semanticTokens/full",
                              {{"textDocument", {{"uri", uri}}}}, kHugeWait);
  CHECK(tokens["result"]["data"].empty());
  json symbols =
      s.server.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}}, kHugeWait);
  CHECK(symbols["result"].empty());
  CHECK(diagnostics_for(s.server, uri, 2, kHugeWait).size() == 1);
  s.expect_alive();

  // No OOM: the peak stays within a small multiple of the document (the message, its parsed
  // JSON and the server's copy), far below what analysing it would take.
  const long peak_kib = peak_rss_kib(s.server.pid());
  MESSAGE("server peak RSS with a 100 MiB document: " << peak_kib / 1024 << " MiB");
  CHECK(peak_kib > 0);
  CHECK(peak_kib < 1536 * 1024);

  // Cut down below the limit, it is analysed again: the unclosed quotation is found.
  s.server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}},
                                             {"contentChanges", json::array({{{"text", line}}})}});
  diagnostics = diagnostics_for(s.server, uri, 3, kHugeWait);
  std::set<std::string> codes;
  for (const json& d : diagnostics)
    codes.insert(d.value("code", ""));
  CHECK(codes == std::set<std::string>{"dates.relative-unanchored", "quotes.unbalanced"});
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: a document that grows past --max-document-mib and shrinks back") {
  Session s({"--debounce-ms", "0", "--max-document-mib", "1"},
            {{"textDocument", {{"diagnostic", json::object()}}}});  // a pulling client
  const std::string uri = test_uri("grows.txt");
  const std::string filler(700 * 1024, 'a');
  s.open(uri, "He said \"no.\n" + filler);
  auto pull = [&] {
    json report = s.server.call("textDocument/diagnostic", {{"textDocument", {{"uri", uri}}}});
    REQUIRE(report.contains("result"));
    return report["result"]["items"];
  };
  json items = pull();
  REQUIRE(items.size() == 1);
  CHECK(items[0]["code"] == "quotes.unbalanced");

  // Past 1 MiB by an incremental edit: skipped, with the reason.
  s.server.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges", json::array({{{"range", range(1, 0, 1, 0)}, {"text", filler}}})}});
  items = pull();
  REQUIRE(items.size() == 1);
  CHECK(contains(items[0]["message"], "too large: 1.4 MiB, over the 1.0 MiB limit"));
  json hover = s.server.call("textDocument/hover", {{"textDocument", {{"uri", uri}}},
                                                    {"position", {{"line", 0}, {"character", 8}}}});
  CHECK(hover["result"].is_null());

  // Back under it: analysed again.
  s.server.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 3}}},
       {"contentChanges", json::array({{{"range", range(1, 0, 1, 700 * 1024)}, {"text", ""}}})}});
  items = pull();
  REQUIRE(items.size() == 1);
  CHECK(items[0]["code"] == "quotes.unbalanced");
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: a 1 MB line with no line breaks is analysed, with exact positions") {
  Session s;
  const std::string uri = test_uri("one-line.txt");
  // Sentences, but not one line break; an emoji in each sentence makes UTF-16 columns differ
  // from bytes. The unclosed quotation is at the very end.
  const std::string sentence = "The minister 🙂 said on Tuesday that talks would resume. ";
  std::string text;
  while (text.size() < (1u << 20))
    text += sentence;
  const std::size_t sentences = text.size() / sentence.size();
  text += "He said \"no.";
  s.open(uri, text);
  json diagnostics = diagnostics_for(s.server, uri, 1, 60s);
  // In UTF-16 each sentence is two code units shorter than in bytes (a 4-byte emoji is 2 units).
  const int quote_column = static_cast<int>(sentences * (sentence.size() - 2) + 8);
  bool found = false;
  for (const json& d : diagnostics)
    if (d["code"] == "quotes.unbalanced") {
      found = true;
      CHECK(d["range"] == range(0, quote_column, 0, quote_column + 1));
    }
  CHECK(found);
  json hover = s.server.call(
      "textDocument/hover",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", quote_column}}}},
      30s);
  CHECK(contains(hover["result"].dump(), "quotes.unbalanced"));
  // Tokens all along the line, at exact UTF-16 columns: "said" (an attribution cue, type 3) in
  // the first sentence and in the last one.
  json tokens =
      s.server.call("textDocument/semanticTokens/full", {{"textDocument", {{"uri", uri}}}}, 30s);
  const json& data = tokens["result"]["data"];
  std::set<std::array<int, 2>> cues;  // line, character
  int line = 0, character = 0;
  for (std::size_t i = 0; i + 4 < data.size(); i += 5) {
    line += data[i].get<int>();
    character =
        data[i].get<int>() == 0 ? character + data[i + 1].get<int>() : data[i + 1].get<int>();
    if (data[i + 3] == 3) cues.insert({line, character});
  }
  CHECK(cues.count({0, 16}) == 1);
  CHECK(cues.count({0, quote_column - 5}) == 1);
  CHECK(cues.size() > sentences);
  CHECK(s.state(uri, 30s)["result"]["hash"] == fnv1a_hex(text));
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: CRLF mixed with LF and lone CR: lines and edits stay exact") {
  Session s;
  const std::string uri = test_uri("endings.txt");
  // Lines end in CRLF, LF, CR and CRLF; the unclosed quotation is on line 4.
  std::string text = "date 2024-03-12\r\nFirst line.\nSecond line.\rThird line.\r\nHe said \"no.";
  s.open(uri, text);
  json diagnostics = diagnostics_for(s.server, uri, 1);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["range"] == range(4, 8, 4, 9));
  // Join line 1 to line 2 across an LF, and split line 3 with a CRLF.
  s.server.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges", json::array({{{"range", range(1, 11, 2, 0)}, {"text", " "}},
                                       {{"range", range(2, 5, 2, 5)}, {"text", "\r\n"}}})}});
  text = "date 2024-03-12\r\nFirst line. Second line.\rThird\r\n line.\r\nHe said \"no.";
  CHECK(s.state(uri)["result"]["hash"] == fnv1a_hex(text));
  CHECK(s.state(uri)["result"]["lineCount"] == 5);
  diagnostics = diagnostics_for(s.server, uri, 2);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["range"] == range(4, 8, 4, 9));
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("fault: a .copydesk.toml that is not TOML, or has unknown keys or wrong types") {
  struct Case {
    const char* name;
    const char* config;
    const char* reported;  // in the window/logMessage
  };
  const Case cases[] = {
      {"not TOML", "this is = = not [toml\n", ".copydesk.toml:1:"},
      {"an unknown key", "[rules]\n\"quotes.unbalanced\" = \"error\"\n[nonsense]\nx = 1\n",
       "nonsense"},
      {"a wrong type", "dateline = 2024\n", "dateline"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    TempDir dir;
    dir.write(".copydesk.toml", c.config);
    Session s;
    const std::string uri = "file://" + (dir.path() / "story.txt").string();
    s.open(uri, "He said \"no.\n");
    json message = s.server.wait_for_notification("window/logMessage", 10s);
    CHECK(contains(message["params"]["message"], "configuration error"));
    CHECK(contains(message["params"]["message"], c.reported));
    // Analysis goes on; with what could be read of the config (the unknown key's file still
    // makes quotes.unbalanced an error), else with the defaults.
    json diagnostics = diagnostics_for(s.server, uri, 1);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0]["code"] == "quotes.unbalanced");
    CHECK(diagnostics[0]["severity"] == (std::string(c.name) == "an unknown key" ? 1 : 2));
    s.expect_alive();
    CHECK(s.server.shutdown_and_exit() == 0);
  }
}

TEST_CASE("fault: stdin closed in the middle of a header or a body") {
  for (std::string tail :
       {"Content-Len", "Content-Length: 40\r\n", "Content-Length: 40\r\n\r\n{\""}) {
    CAPTURE(tail);
    LspProcess server({"--debounce-ms", "0"});
    server.initialize();
    server.send_raw(tail);
    server.close_stdin();
    CHECK(server.wait_exit(10s) == 1);
    CHECK(contains(server.stderr_text(), "end of input"));
    CHECK(server.framing_errors() == 0);
  }
}

TEST_CASE("fault: a client that dies without a word") {
  SUBCASE("it stops reading: the server does not die of SIGPIPE, and ends at end of input") {
    // Our own pipes, so that we can close the read end of the server's stdout.
    int in_pipe[2], out_pipe[2];
    REQUIRE(::pipe(in_pipe) == 0);
    REQUIRE(::pipe(out_pipe) == 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(in_pipe[0], STDIN_FILENO);
      ::dup2(out_pipe[1], STDOUT_FILENO);
      int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, STDERR_FILENO);
      for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], null})
        ::close(fd);
      std::string binary = copydesk_binary();
      ::execl(binary.c_str(), binary.c_str(), "--debounce-ms", "0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(out_pipe[0]);  // nobody will ever read the server's output
    auto send = [&](const json& message) {
      std::string framed = frame_message(message.dump());
      CHECK(::write(in_pipe[1], framed.data(), framed.size()) ==
            static_cast<ssize_t>(framed.size()));
    };
    send({{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "initialize"},
          {"params", {{"processId", nullptr}, {"capabilities", json::object()}}}});
    send({{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", json::object()}});
    for (int i = 0; i < 50; ++i)
      send({{"jsonrpc", "2.0"}, {"id", 2 + i}, {"method", "copydesk/noSuchThing"}});
    ::close(in_pipe[1]);
    int status = 0;
    for (int waited = 0; waited < 1000 && ::waitpid(pid, &status, WNOHANG) == 0; ++waited)
      ::usleep(10000);
    if (::kill(pid, 0) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL("the server did not end after its client went away");
    }
    CHECK(WIFEXITED(status));  // not killed by SIGPIPE
    CHECK(WEXITSTATUS(status) == 1);
  }
  SUBCASE("it closes both pipes while a request is pending") {
    LspProcess server({"--debounce-ms", "5000"});
    server.initialize();
    const std::string uri = test_uri("pending.txt");
    server.notify("textDocument/didOpen",
                  {{"textDocument",
                    {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", "x"}}}});
    server.request("copydesk/documentState", {{"textDocument", {{"uri", uri}}}});
    server.close_stdin();
    CHECK(server.wait_exit(10s) == 1);
  }
  // The client's process dying is watched through initialize's processId: lifecycle_test.cpp,
  // "the server exits when its parent process dies".
}

namespace {

// Idle before shutdown, after shutdown, and busy analysing with a request pending.
void expect_clean_end_on(int signal_number) {
  {
    Session s;
    s.expect_alive();
    ::kill(s.server.pid(), signal_number);
    CHECK(s.server.wait_exit(10s) == 1);
  }
  {
    Session s;
    s.server.call("shutdown");
    ::kill(s.server.pid(), signal_number);
    CHECK(s.server.wait_exit(10s) == 0);
  }
  {
    Session s;
    std::string text;
    while (text.size() < (4u << 20))
      text += "The minister said on Tuesday that talks would resume. He said \"no.\n";
    s.open(test_uri("busy.txt"), text);
    s.server.request("textDocument/documentSymbol",
                     {{"textDocument", {{"uri", test_uri("busy.txt")}}}});
    ::kill(s.server.pid(), signal_number);
    CHECK(s.server.wait_exit(30s) == 1);
  }
}

}  // namespace

TEST_CASE("fault: SIGTERM ends the server cleanly, busy or idle") {
  expect_clean_end_on(SIGTERM);
}

TEST_CASE("fault: SIGINT ends the server cleanly, busy or idle") {
  expect_clean_end_on(SIGINT);
}

TEST_CASE("fault: exit without shutdown, with documents open and requests pending") {
  Session s({"--debounce-ms", "5000"});
  s.server.request("copydesk/documentState", {{"textDocument", {{"uri", s.canary}}}});
  s.server.notify("exit");
  CHECK(s.server.wait_exit(10s) == 1);
  CHECK(s.server.framing_errors() == 0);
}

// ---------------------------------------------------------------------------------------------
// Path security through the server: which config a document's URI leads to, and what is read
// and written.

namespace {

// The severity the server gives the unclosed quotation in a document opened at `uri`: 1 (error)
// when the test's .copydesk.toml applied, 2 (warning, the default) when no config did.
int quote_severity(Session& s, const std::string& uri) {
  s.open(uri, "He said \"no.\n");
  json diagnostics = diagnostics_for(s.server, uri, 1);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0]["code"] == "quotes.unbalanced");
  return diagnostics[0]["severity"].get<int>();
}

// Every file under `root` with its size and modification time, to see that nothing changed.
std::string listing(const fs::path& root) {
  std::string lines;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    lines += entry.path().string();
    if (entry.is_regular_file())
      lines += " " + std::to_string(entry.file_size()) + " " +
               std::to_string(entry.last_write_time().time_since_epoch().count());
    lines += "\n";
  }
  return lines;
}

}  // namespace

TEST_CASE("security: percent-encoded and non-ASCII file URIs find their own config") {
  TempDir dir;
  const std::string folder = "a b/café";
  dir.write(folder + "/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  const std::string base = "file://" + dir.path().string();
  Session s;
  CHECK(quote_severity(s, base + "/a%20b/caf%C3%A9/story.txt") == 1);
  CHECK(quote_severity(s, base + "/a%20b/café/unencoded.txt") == 1);
  CHECK(quote_severity(s, "file://localhost" + dir.path().string() + "/a b/café/host.txt") == 1);
  // "%2520" is an encoded "%20": a folder literally named "a%20b", which has no config.
  CHECK(quote_severity(s, base + "/a%2520b/caf%C3%A9/story.txt") == 2);
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("security: '..' in a file URI is resolved before the config is looked up") {
  TempDir dir;
  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  dir.write("other/.keep", "");
  const std::string base = "file://" + dir.path().string();
  Session s;
  CHECK(quote_severity(s, base + "/other/../desk/story.txt") == 1);
  CHECK(quote_severity(s, base + "/desk/sub/../../other/story.txt") == 2);
  CHECK(quote_severity(s, base + "/desk/%2E%2E/other/encoded.txt") == 2);
  // An encoded "/" names no file at all: no config, although decoded it would lead to desk.
  CHECK(quote_severity(s, base + "/other/..%2Fdesk%2Fslash.txt") == 2);
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("security: URIs with other schemes or hosts are analysed without reading any config") {
  TempDir dir;
  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  const std::string path = dir.path().string() + "/desk/story.txt";
  Session s;
  CHECK(quote_severity(s, "file://" + path) == 1);  // the config is there to be found
  for (const std::string& uri :
       {"untitled:" + path, std::string("untitled:Untitled-1"), "http://example.com" + path,
        "https://localhost" + path, "file://fileserver" + path, "vscode-vfs://github" + path,
        "git:" + path + "?ref=HEAD"}) {
    CAPTURE(uri);
    CHECK(quote_severity(s, uri) == 2);
  }
  s.expect_alive();
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE(
    "security: the server reads documents from the client, never from disk, and writes "
    "nothing but its log") {
  TempDir dir;
  TempDir logs;
  dir.write("desk/story.txt", "On disk: He said \"no.\n");
  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  fs::create_symlink(dir.path() / "desk" / "story.txt", dir.path() / "desk" / "link.txt");
  // A document and settings that name commands and paths: none is run or touched.
  const fs::path marker = dir.path() / "ran";
  const std::string hostile = "$(touch " + marker.string() + ") `touch " + marker.string() +
                              "` ; touch " + marker.string() + " | sh\n";
  const std::string before = listing(dir.path());
  {
    Session s({"--debounce-ms", "0", "--log-file", (logs.path() / "copydesk.log").string(),
               "--log-level", "debug"});
    for (const char* name : {"story.txt", "link.txt"}) {
      const std::string uri = "file://" + (dir.path() / "desk" / name).string();
      const std::string text = "In the editor: " + hostile;
      s.open(uri, text);
      json answer = s.state(uri)["result"];
      CHECK(answer["hash"] == fnv1a_hex(text));  // the client's text, not the file's
      s.server.notify("textDocument/didSave", {{"textDocument", {{"uri", uri}}}});
      CHECK(s.server
                .call("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                  {"range", range(0, 0, 1, 0)},
                                                  {"context", {{"diagnostics", json::array()}}}})
                .contains("result"));
    }
    s.server.notify(
        "workspace/didChangeConfiguration",
        {{"settings", {{"copydesk", {{"dateline", hostile}, {"houseLists", hostile}}}}}});
    s.server.notify(
        "workspace/didChangeWatchedFiles",
        {{"changes",
          json::array({{{"uri", "file://" + dir.path().string() + "/desk/.copydesk.toml"},
                        {"type", 2}}})}});
    s.expect_alive();
    CHECK(s.server.shutdown_and_exit() == 0);
  }
  CHECK_FALSE(fs::exists(marker));
  CHECK(listing(dir.path()) == before);
  CHECK(fs::file_size(logs.path() / "copydesk.log") > 0);
  CHECK(std::distance(fs::directory_iterator(logs.path()), fs::directory_iterator()) == 1);
}
