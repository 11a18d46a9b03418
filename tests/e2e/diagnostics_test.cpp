// Push diagnostics through the real binary: findings reach the editor with exact ranges, follow
// edits, honour settings and .copydesk.toml, and are cleared on close.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

json range(int l1, int c1, int l2, int c2) {
  return {{"start", {{"line", l1}, {"character", c1}}}, {"end", {{"line", l2}, {"character", c2}}}};
}

void open(LspProcess& server, const std::string& uri, const std::string& text,
          const std::string& language = "plaintext") {
  server.notify(
      "textDocument/didOpen",
      {{"textDocument", {{"uri", uri}, {"languageId", language}, {"version", 1}, {"text", text}}}});
}

// The next publishDiagnostics for `uri`.
json diagnostics_for(LspProcess& server, const std::string& uri) {
  for (;;) {
    json message = server.wait_for_notification("textDocument/publishDiagnostics");
    if (message["params"]["uri"] == uri) return message["params"];
  }
}

}  // namespace

TEST_CASE("an unclosed quotation is published with its rule, range and doc link") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  std::string uri = test_uri("quote.txt");
  // The emoji before the quote is two UTF-16 code units.
  open(server, uri, "date 2024-03-12\nThe mayor 🙂 said \"we will stay.\n");
  json published = diagnostics_for(server, uri);
  CHECK(published["version"] == 1);
  REQUIRE(published["diagnostics"].size() == 1);
  json diagnostic = published["diagnostics"][0];
  CHECK(diagnostic["code"] == "quotes.unbalanced");
  CHECK(diagnostic["source"] == "copydesk");
  CHECK(diagnostic["severity"] == 2);
  CHECK(diagnostic["range"] == range(1, 18, 1, 19));
  CHECK(diagnostic["codeDescription"]["href"].get<std::string>().find("quotesunbalanced") !=
        std::string::npos);

  // Closing the quotation clears the finding.
  server.notify(
      "textDocument/didChange",
      {{"textDocument", {{"uri", uri}, {"version", 2}}},
       {"contentChanges", json::array({{{"range", range(1, 32, 1, 32)}, {"text", "\""}}})}});
  json fixed = diagnostics_for(server, uri);
  CHECK(fixed["version"] == 2);
  CHECK(fixed["diagnostics"].empty());

  server.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  CHECK(diagnostics_for(server, uri)["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("Markdown code is not prose; a suppression comment silences a finding") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  std::string uri = test_uri("story.md");
  open(server, uri,
       "# Story\n\nRun `echo \"hi` now.\n\n"
       "<!-- copydesk-disable-next-line quotes.unbalanced -- continues in the sidebar -->\n"
       "\"It goes on.\n",
       "markdown");
  CHECK(diagnostics_for(server, uri)["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("settings turn a rule off or change its severity") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize(json::object(), {{"rules", {{"quotes.unbalanced", "error"}}}});
  std::string uri = test_uri("settings.txt");
  open(server, uri, "He said \"no.\n");
  json first = diagnostics_for(server, uri);
  REQUIRE(first["diagnostics"].size() == 1);
  CHECK(first["diagnostics"][0]["severity"] == 1);

  server.notify("workspace/didChangeConfiguration",
                {{"settings", {{"copydesk", {{"rules", {{"quotes.unbalanced", "off"}}}}}}}});
  CHECK(diagnostics_for(server, uri)["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE(".copydesk.toml applies, and a change to it is picked up") {
  auto dir = std::filesystem::temp_directory_path() /
             ("copydesk-e2e-config-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& text) { std::ofstream(dir / ".copydesk.toml") << text; };
  write("[rules]\n\"quotes.unbalanced\" = \"info\"\n");
  std::string uri = "file://" + (dir / "a.txt").string();

  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  open(server, uri, "He said \"no.\n");
  json first = diagnostics_for(server, uri);
  REQUIRE(first["diagnostics"].size() == 1);
  CHECK(first["diagnostics"][0]["severity"] == 3);

  write("[rules]\n\"quotes.unbalanced\" = \"off\"\n");
  server.notify(
      "workspace/didChangeWatchedFiles",
      {{"changes",
        json::array({{{"uri", "file://" + (dir / ".copydesk.toml").string()}, {"type", 2}}})}});
  CHECK(diagnostics_for(server, uri)["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a config error is reported to the client and analysis goes on with defaults") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize(json::object(), {{"rules", {{"quotes.unbalanced", "loud"}}}});
  json message = server.wait_for_notification("window/logMessage");
  CHECK(message["params"]["message"].get<std::string>().find("quotes.unbalanced") !=
        std::string::npos);
  std::string uri = test_uri("defaults.txt");
  open(server, uri, "He said \"no.\n");
  json published = diagnostics_for(server, uri);
  REQUIRE(published["diagnostics"].size() == 1);
  CHECK(published["diagnostics"][0]["severity"] == 2);
  CHECK(server.shutdown_and_exit() == 0);
}

TEST_CASE("open documents are checked against each other: a name spelled two ways") {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  std::string first = test_uri("raid.txt");
  std::string second = test_uri("follow-up.txt");
  open(server, first, "Andrii Yusov, a spokesperson for the agency, said the raid had failed.\n");
  CHECK(diagnostics_for(server, first)["diagnostics"].empty());
  open(server, second, "Andriy Yusov said that the operation was over.\n");
  json published = diagnostics_for(server, second);
  REQUIRE(published["diagnostics"].size() == 1);
  json diagnostic = published["diagnostics"][0];
  CHECK(diagnostic["code"] == "names.inconsistent-spelling");
  CHECK(diagnostic["range"] == range(0, 0, 0, 6));
  CHECK(diagnostic["message"].get<std::string>().find("raid.txt") != std::string::npos);
  CHECK(diagnostic["relatedInformation"][0]["location"]["uri"] == first);
  CHECK(diagnostic["relatedInformation"][0]["location"]["range"] == range(0, 0, 0, 6));

  // The pull answer carries it too.
  json pulled = server.call("textDocument/diagnostic", {{"textDocument", {{"uri", second}}}});
  CHECK(pulled["result"]["items"].size() == 1);

  // Closing the other document takes the finding away.
  server.notify("textDocument/didClose", {{"textDocument", {{"uri", first}}}});
  CHECK(diagnostics_for(server, second)["diagnostics"].empty());
  CHECK(server.shutdown_and_exit() == 0);
}
