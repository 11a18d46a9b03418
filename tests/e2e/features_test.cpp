// Language features through the real binary: semantic tokens (full, delta, range), hover,
// inlay hints, code actions, the outline and pull diagnostics.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

constexpr const char* kArticle =
    "date 2024-03-13\n"
    "The ministry said on Tuesday that talks would resume.\n"
    "He said \"no.\n";

struct Session {
  LspProcess server{{"--debounce-ms", "0"}};
  std::string uri = test_uri("features.txt");
  json init;
  explicit Session(const json& capabilities = json::object(), const std::string& text = kArticle) {
    init = server.initialize(capabilities);
    server.notify("textDocument/didOpen",
                  {{"textDocument",
                    {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}});
  }
  json call(const std::string& method, json params) {
    params["textDocument"] = {{"uri", uri}};
    return server.call(method, params);
  }
};

// Decodes LSP semantic tokens into absolute (line, start, length, type) rows.
std::vector<std::array<std::uint32_t, 4>> decode(const json& data) {
  std::vector<std::array<std::uint32_t, 4>> rows;
  std::uint32_t line = 0, start = 0;
  for (std::size_t i = 0; i + 4 < data.size(); i += 5) {
    std::uint32_t delta_line = data[i], delta_start = data[i + 1];
    line += delta_line;
    start = delta_line == 0 ? start + delta_start : delta_start;
    rows.push_back(
        {line, start, data[i + 2].get<std::uint32_t>(), data[i + 3].get<std::uint32_t>()});
  }
  return rows;
}

}  // namespace

TEST_CASE("the server advertises the language features with the token legend") {
  Session s;
  json caps = s.init["result"]["capabilities"];
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["inlayHintProvider"] == true);
  CHECK(caps["documentSymbolProvider"] == true);
  CHECK(caps["semanticTokensProvider"]["full"]["delta"] == true);
  json types = caps["semanticTokensProvider"]["legend"]["tokenTypes"];
  CHECK(types[0] == "date");
  CHECK(types.size() == 8);
  CHECK_FALSE(caps.contains("diagnosticProvider"));  // this client does not pull
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("semantic tokens: a relative date, then a delta after an edit, and a range") {
  Session s;
  json full = s.call("textDocument/semanticTokens/full", json::object())["result"];
  auto rows = decode(full["data"]);
  // "Tuesday" on line 1 at character 21, seven units long, token type 0 (date), relative and
  // resolved (modifier bits 0 and 1).
  auto date_row = std::find(rows.begin(), rows.end(), std::array<std::uint32_t, 4>{1, 21, 7, 0});
  REQUIRE(date_row != rows.end());
  std::size_t index = static_cast<std::size_t>(date_row - rows.begin());
  CHECK((full["data"][index * 5 + 4].get<std::uint32_t>() & 3u) == 3u);

  // Insert two words before the date: the delta moves it.
  s.server.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", s.uri}, {"version", 2}}},
       {"contentChanges", json::array({{{"range", range(1, 0, 1, 0)}, {"text", "So "}}})}});
  json delta = s.call("textDocument/semanticTokens/full/delta",
                      {{"previousResultId", full["resultId"]}})["result"];
  REQUIRE(delta.contains("edits"));
  REQUIRE(delta["edits"].size() == 1);
  CHECK(delta["resultId"] != full["resultId"]);
  json again = s.call("textDocument/semanticTokens/full", json::object())["result"];
  auto moved = decode(again["data"]);
  CHECK(std::find(moved.begin(), moved.end(), std::array<std::uint32_t, 4>{1, 24, 7, 0}) !=
        moved.end());

  json ranged =
      s.call("textDocument/semanticTokens/range", {{"range", range(2, 0, 3, 0)}})["result"];
  for (const auto& row : decode(ranged["data"]))
    CHECK(row[0] >= 2);
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("hover on a relative date shows its day and distance; on a finding, its rule") {
  Session s;
  json hover =
      s.call("textDocument/hover", {{"position", {{"line", 1}, {"character", 23}}}})["result"];
  std::string text = hover["contents"]["value"];
  CHECK(hover["contents"]["kind"] == "plaintext");
  CHECK(text.find("2024-03-12, Tuesday: 1 day before the dateline") != std::string::npos);
  CHECK(hover["range"] == range(1, 21, 1, 28));

  json on_quote =
      s.call("textDocument/hover", {{"position", {{"line", 2}, {"character", 8}}}})["result"];
  CHECK(on_quote["contents"]["value"].get<std::string>().find("quotes.unbalanced") !=
        std::string::npos);
  // The date header is metadata: nothing to say about it.
  json nothing = s.call("textDocument/hover", {{"position", {{"line", 0}, {"character", 2}}}});
  CHECK(nothing["result"].is_null());
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("hover is Markdown for a client that renders it") {
  Session s(json{{"textDocument", {{"hover", {{"contentFormat", {"markdown", "plaintext"}}}}}}});
  json hover =
      s.call("textDocument/hover", {{"position", {{"line", 1}, {"character", 23}}}})["result"];
  CHECK(hover["contents"]["kind"] == "markdown");
  CHECK(hover["contents"]["value"].get<std::string>().find("**2024-03-12") != std::string::npos);
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("inlay hints show the resolved date after a relative one") {
  Session s;
  json hints = s.call("textDocument/inlayHint", {{"range", range(0, 0, 3, 0)}})["result"];
  auto date_hint = std::find_if(hints.begin(), hints.end(),
                                [](const json& hint) { return hint["label"] == "2024-03-12"; });
  REQUIRE(date_hint != hints.end());
  CHECK((*date_hint)["position"] == json{{"line", 1}, {"character", 28}});
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("code actions: disable the rule for the line") {
  Session s;
  json published = s.server.wait_for_notification("textDocument/publishDiagnostics");
  json diagnostics = published["params"]["diagnostics"];
  REQUIRE(diagnostics.size() == 1);
  json actions = s.call(
      "textDocument/codeAction",
      {{"range", diagnostics[0]["range"]}, {"context", {{"diagnostics", diagnostics}}}})["result"];
  REQUIRE(actions.size() >= 1);
  json disable = actions.back();
  CHECK(disable["title"] == "Disable quotes.unbalanced for this line");
  json edit = disable["edit"]["changes"][s.uri][0];
  CHECK(edit["range"] == range(2, 12, 2, 12));
  CHECK(edit["newText"] == " <!-- copydesk-disable-line quotes.unbalanced -- reason -->");
  // This client does not resolve code actions: every action comes whole, with no data.
  for (const json& action : actions) {
    CHECK(action.contains("edit"));
    CHECK_FALSE(action.contains("data"));
  }
  CHECK(s.server.shutdown_and_exit() == 0);
}

namespace {

// A client that resolves code actions' edits lazily, as VS Code and Neovim do.
const json kResolvingClient = {
    {"textDocument",
     {{"codeAction", {{"dataSupport", true}, {"resolveSupport", {{"properties", {"edit"}}}}}}}}};

// Tuesday is wrong for March 14, 2024 (a Thursday): dates.weekday-mismatch, with fixes.
constexpr const char* kWeekdayArticle =
    "date 2024-03-13\n"
    "The vote was on Tuesday, March 14, 2024, the ministry said.\n"
    "He said \"no.\n";

json find_action(const json& actions, const std::string& title) {
  for (const json& action : actions)
    if (action["title"] == title) return action;
  return nullptr;
}

}  // namespace

TEST_CASE("code actions with resolve: data instead of edits, each edit from codeAction/resolve") {
  Session s(kResolvingClient, kWeekdayArticle);
  CHECK(s.init["result"]["capabilities"]["codeActionProvider"]["resolveProvider"] == true);
  json diagnostics =
      s.server.wait_for_notification("textDocument/publishDiagnostics")["params"]["diagnostics"];
  REQUIRE(diagnostics.size() >= 2);
  json actions =
      s.call("textDocument/codeAction",
             {{"range", range(0, 0, 3, 0)}, {"context", {{"diagnostics", diagnostics}}}})["result"];
  REQUIRE(actions.size() >= 4);
  for (const json& action : actions) {
    CHECK_FALSE(action.contains("edit"));
    REQUIRE(action.contains("data"));
    CHECK(action["data"]["uri"] == s.uri);
    CHECK(action["data"]["version"] == 1);
  }

  // A finding's own fix: the weekday corrected.
  json fix = find_action(actions, "Change the weekday to Thursday");
  REQUIRE(fix.is_object());
  json resolved = s.server.call("codeAction/resolve", fix)["result"];
  CHECK(resolved["title"] == fix["title"]);
  CHECK(resolved["data"] == fix["data"]);
  json edits = resolved["edit"]["changes"][s.uri];
  REQUIRE(edits.size() == 1);
  CHECK(edits[0]["newText"] == "Thursday");
  CHECK(edits[0]["range"] == range(1, 16, 1, 23));

  // The suppression comment, at the end of the finding's line, as without resolve.
  json disable = find_action(actions, "Disable quotes.unbalanced for this line");
  REQUIRE(disable.is_object());
  json comment = s.server.call("codeAction/resolve", disable)["result"]["edit"]["changes"][s.uri];
  REQUIRE(comment.size() == 1);
  CHECK(comment[0]["range"] == range(2, 12, 2, 12));
  CHECK(comment[0]["newText"] == " <!-- copydesk-disable-line quotes.unbalanced -- reason -->");

  // Resolved edits equal the ones a client without resolve gets inline.
  Session whole(json::object(), kWeekdayArticle);
  json inline_actions = whole.call(
      "textDocument/codeAction",
      {{"range", range(0, 0, 3, 0)}, {"context", {{"diagnostics", diagnostics}}}})["result"];
  REQUIRE(inline_actions.size() == actions.size());
  for (std::size_t i = 0; i < actions.size(); ++i) {
    json edit = s.server.call("codeAction/resolve", actions[i])["result"]["edit"];
    CHECK(edit == inline_actions[i]["edit"]);
  }
  CHECK(whole.server.shutdown_and_exit() == 0);
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("codeAction/resolve: stale, closed and unknown data get errors; the server serves on") {
  Session s(kResolvingClient, kWeekdayArticle);
  json diagnostics =
      s.server.wait_for_notification("textDocument/publishDiagnostics")["params"]["diagnostics"];
  json actions =
      s.call("textDocument/codeAction",
             {{"range", range(0, 0, 3, 0)}, {"context", {{"diagnostics", diagnostics}}}})["result"];
  json fix = find_action(actions, "Change the weekday to Thursday");
  REQUIRE(fix.is_object());

  // The document changes: the action was for version 1, so its edit would land in the wrong place.
  json change = {{"range", range(1, 0, 1, 0)}, {"text", "Update: "}};
  s.server.notify("textDocument/didChange", {{"textDocument", {{"uri", s.uri}, {"version", 2}}},
                                             {"contentChanges", json::array({change})}});
  json stale = s.server.call("codeAction/resolve", fix);
  REQUIRE(stale.contains("error"));
  CHECK(stale["error"]["code"] == -32801);  // ContentModified
  std::string message = stale["error"]["message"];
  CHECK(message.find("version 2") != std::string::npos);
  CHECK(message.find("ask for code actions again") != std::string::npos);

  // Asked again, the action is for version 2 and resolves to the moved position.
  json fresh_diagnostics = s.call("textDocument/diagnostic", json::object())["result"]["items"];
  json again = find_action(s.call("textDocument/codeAction",
                                  {{"range", range(0, 0, 3, 0)},
                                   {"context", {{"diagnostics", fresh_diagnostics}}}})["result"],
                           "Change the weekday to Thursday");
  REQUIRE(again.is_object());
  CHECK(again["data"]["version"] == 2);
  json moved = s.server.call("codeAction/resolve", again)["result"]["edit"]["changes"][s.uri];
  REQUIRE(moved.size() == 1);
  CHECK(moved[0]["range"] == range(1, 24, 1, 31));

  // A fix the finding does not have, and data copydesk never made.
  json no_such_fix = again;
  no_such_fix["data"]["fix"] = 99;
  CHECK(s.server.call("codeAction/resolve", no_such_fix)["error"]["code"] == -32801);
  for (const json& bad :
       {json{{"title", "no data"}}, json{{"title", "x"}, {"data", "opaque"}},
        json{{"title", "x"}, {"data", {{"uri", s.uri}, {"version", 2}, {"action", "explode"}}}},
        json{{"title", "x"}, {"data", {{"uri", 5}}}}, json::array()}) {
    json reply = s.server.call("codeAction/resolve", bad);
    REQUIRE(reply.contains("error"));
    CHECK(reply["error"]["code"] == -32602);  // InvalidParams, with the field named
    CHECK(reply["error"]["message"].get<std::string>().find("data") != std::string::npos);
  }

  // A malformed diagnostic sent back to textDocument/codeAction is an error too, not a crash.
  json bad_diagnostic = {{"source", "copydesk"}, {"code", "quotes.unbalanced"}};
  json bad_actions =
      s.call("textDocument/codeAction",
             {{"range", range(0, 0, 1, 0)}, {"context", {{"diagnostics", {bad_diagnostic}}}}});
  CHECK(bad_actions["error"]["code"] == -32602);

  // Closed: the action cannot be resolved any more.
  s.server.notify("textDocument/didClose", {{"textDocument", {{"uri", s.uri}}}});
  json closed = s.server.call("codeAction/resolve", again);
  CHECK(closed["error"]["code"] == -32801);
  CHECK(closed["error"]["message"].get<std::string>().find("not open") != std::string::npos);

  // Still serving.
  s.server.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", s.uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kArticle}}}});
  json hover = s.call("textDocument/hover", {{"position", {{"line", 1}, {"character", 22}}}});
  CHECK(hover["result"]["contents"].dump().find("2024-03-12") != std::string::npos);
  CHECK(s.server.framing_errors() == 0);
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("pull diagnostics: full, then unchanged; nothing is pushed to a pulling client") {
  Session s(json{{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}}});
  CHECK(s.init["result"]["capabilities"]["diagnosticProvider"]["interFileDependencies"] == true);
  CHECK(s.init["result"]["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"] == true);
  json first = s.call("textDocument/diagnostic", json::object())["result"];
  CHECK(first["kind"] == "full");
  REQUIRE(first["items"].size() == 1);
  CHECK(first["items"][0]["code"] == "quotes.unbalanced");
  json second =
      s.call("textDocument/diagnostic", {{"previousResultId", first["resultId"]}})["result"];
  CHECK(second["kind"] == "unchanged");
  CHECK(second["resultId"] == first["resultId"]);
  CHECK_THROWS(s.server.wait_for_notification("textDocument/publishDiagnostics", 300ms));
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("the outline is a list of document symbols") {
  Session s;
  json symbols = s.call("textDocument/documentSymbol", json::object());
  REQUIRE(symbols["result"].is_array());
  bool ministry = false;
  for (const json& symbol : symbols["result"])
    ministry |= symbol["name"].get<std::string>().find("ministry") != std::string::npos;
  CHECK(ministry);
  CHECK(s.server.shutdown_and_exit() == 0);
}

TEST_CASE("feature requests for a document that is not open are invalid params") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  json response =
      server.call("textDocument/hover", {{"textDocument", {{"uri", test_uri("nope.txt")}}},
                                         {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(response["error"]["code"] == -32602);
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("settings are pulled with workspace/configuration; config files are watched") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize(
      {{"workspace",
        {{"configuration", true}, {"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  json registration = server.wait_for_server_request("client/registerCapability");
  CHECK(registration["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
  server.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});
  json pull = server.wait_for_server_request("workspace/configuration");
  CHECK(pull["params"]["items"][0]["section"] == "copydesk");
  server.send({{"jsonrpc", "2.0"},
               {"id", pull["id"]},
               {"result", json::array({{{"rules", {{"quotes.unbalanced", "error"}}}}})}});
  std::string uri = test_uri("pulled.txt");
  server.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", "He said \"no.\n"}}}});
  json published;
  do {
    published = server.wait_for_notification("textDocument/publishDiagnostics");
  } while (published["params"]["diagnostics"].empty());
  CHECK(published["params"]["diagnostics"][0]["severity"] == 1);

  // A change notification without settings makes the server ask again.
  server.notify("workspace/didChangeConfiguration", {{"settings", nullptr}});
  json again = server.wait_for_server_request("workspace/configuration");
  server.send({{"jsonrpc", "2.0"},
               {"id", again["id"]},
               {"result", json::array({{{"rules", {{"quotes.unbalanced", "off"}}}}})}});
  do {
    published = server.wait_for_notification("textDocument/publishDiagnostics");
  } while (!published["params"]["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("highlights as diagnostics, code lens, and navigation requests answer") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize(json::object(), {{"highlightsAsDiagnostics", true}});
  std::string uri = test_uri("highlights.txt");
  server.notify(
      "textDocument/didOpen",
      {{"textDocument",
        {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kArticle}}}});
  json published = server.wait_for_notification("textDocument/publishDiagnostics");
  bool has_date_hint = false;
  for (const json& d : published["params"]["diagnostics"])
    if (d["code"] == "copydesk.highlight" && d["severity"] == 4 &&
        d["message"] == "date: 2024-03-12")
      has_date_hint = true;
  CHECK(has_date_hint);

  json lens = server.call("textDocument/codeLens", {{"textDocument", {{"uri", uri}}}})["result"];
  REQUIRE(lens.size() == 1);
  CHECK(lens[0]["command"]["title"].get<std::string>().find("claim") != std::string::npos);
  CHECK(server.call("workspace/symbol", {{"query", "ministry"}})["result"].size() == 1);
  CHECK(server.call("workspace/symbol", {{"query", "nobody"}})["result"].empty());
  // On the source "The ministry": its mention and its cue; on the date header: nothing.
  json highlight = server.call(
      "textDocument/documentHighlight",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 1}, {"character", 5}}}});
  CHECK(highlight["result"].size() == 2);
  json none = server.call(
      "textDocument/documentHighlight",
      {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}});
  CHECK(none["result"].is_null());
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("workspace diagnostics: every file under the folders, with progress, then unchanged") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("copydesk-workspace-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "drafts");
  std::ofstream(root / "drafts" / "quote.txt") << "The mayor said \"we will stay.\n";
  std::ofstream(root / "clean.md") << "# Notes\n\nNothing to report here.\n";
  std::ofstream(root / "data.csv") << "not,an,article\n";  // not a copydesk file
  std::string root_uri = "file://" + root.string();

  LspProcess server({"--debounce-ms", "0"});
  json params = {{"processId", nullptr},
                 {"rootUri", root_uri},
                 {"workspaceFolders", json::array({{{"uri", root_uri}, {"name", "desk"}}})},
                 {"capabilities",
                  {{"textDocument", {{"diagnostic", {{"dynamicRegistration", false}}}}},
                   {"window", {{"workDoneProgress", true}}}}}};
  server.call("initialize", params);
  server.notify("initialized", json::object());

  json first = server.call("workspace/diagnostic",
                           {{"previousResultIds", json::array()}, {"workDoneToken", "scan-1"}});
  json items = first["result"]["items"];
  REQUIRE(items.size() == 2);
  std::map<std::string, json> by_uri;
  for (const json& item : items)
    by_uri[item["uri"].get<std::string>()] = item;
  json quote = by_uri[root_uri + "/drafts/quote.txt"];
  CHECK(quote["kind"] == "full");
  CHECK(quote["version"].is_null());
  REQUIRE(quote["items"].size() == 1);
  CHECK(quote["items"][0]["code"] == "quotes.unbalanced");
  CHECK(by_uri[root_uri + "/clean.md"]["items"].empty());
  json begin = server.wait_for_notification("$/progress");
  CHECK(begin["params"]["token"] == "scan-1");
  CHECK(begin["params"]["value"]["kind"] == "begin");
  for (;;) {
    json progress = server.wait_for_notification("$/progress");
    if (progress["params"]["value"]["kind"] == "end") break;
    CHECK(progress["params"]["value"]["kind"] == "report");
  }

  // With the result ids the client holds, nothing changed is sent again.
  json held = json::array();
  for (const json& item : items)
    held.push_back({{"uri", item["uri"]}, {"value", item["resultId"]}});
  json second = server.call("workspace/diagnostic", {{"previousResultIds", held}});
  for (const json& item : second["result"]["items"])
    CHECK(item["kind"] == "unchanged");

  // An edited file on disk is analysed again.
  std::ofstream(root / "drafts" / "quote.txt") << "The mayor said \"we will stay,\" and left.\n";
  fs::last_write_time(root / "drafts" / "quote.txt",
                      fs::last_write_time(root / "drafts" / "quote.txt") + std::chrono::seconds(2));
  json third = server.call("workspace/diagnostic", {{"previousResultIds", held}});
  bool refreshed = false;
  for (const json& item : third["result"]["items"])
    if (item["uri"] == root_uri + "/drafts/quote.txt") {
      CHECK(item["kind"] == "full");
      CHECK(item["items"].empty());
      refreshed = true;
    }
  CHECK(refreshed);
  CHECK(server.shutdown_and_exit() == 0);
  fs::remove_all(root);
}
