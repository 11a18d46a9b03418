// Replay benchmark: opens an article through the real binary over pipes, replays keystroke edits
// (typing, deleting, pasting a paragraph) with the debounce at 0, and measures the time from each
// didChange to its publishDiagnostics, and of semantic tokens (delta), hover and inlay hints.
// Then opens 100 articles and reports the server's resident memory.
// Usage: bench_replay [CORPUS_DIR]  (plain-text articles to build documents from; default: the
// bundled examples/)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> read_articles(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file() &&
        (entry.path().extension() == ".txt" || entry.path().extension() == ".md"))
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> articles;
  for (const auto& path : paths) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string body = text.str();
    // Drop a `date` header line: the bench writes its own.
    if (body.rfind("date ", 0) == 0) body = body.substr(std::min(body.find('\n') + 1, body.size()));
    articles.push_back(body);
  }
  return articles;
}

// A document of about `words` words: a date header, then articles' bodies in turn.
std::string make_document(const std::vector<std::string>& articles, std::size_t words) {
  std::string text = "date 2024-03-13\n";
  std::size_t count = 0;
  for (std::size_t i = 0; count < words; i = (i + 1) % articles.size()) {
    std::istringstream in(articles[i]);
    std::string paragraph;
    while (count < words && std::getline(in, paragraph)) {
      text += paragraph + "\n";
      count += static_cast<std::size_t>(std::count(paragraph.begin(), paragraph.end(), ' ')) + 1;
    }
    text += "\n";
  }
  return text;
}

struct Stats {
  std::vector<double> ms;
  void add(Clock::duration d) {
    ms.push_back(std::chrono::duration<double, std::milli>(d).count());
  }
  double pct(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
  }
};

json position_at(const std::string& text, std::size_t offset) {
  std::size_t line =
      static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  std::size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  start = (start == std::string::npos || offset == 0) ? 0 : start + 1;
  // UTF-16 column: count code points below U+10000 as one, others as two.
  std::size_t column = 0;
  for (std::size_t i = start; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    column += c >= 0xF0 ? 2 : 1;
  }
  return {{"line", line}, {"character", column}};
}

long rss_kb(int pid, const char* field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
  return -1;
}

void replay(const std::string& name, std::string text, int edits) {
  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  std::string uri = test_uri(name);
  server.notify("textDocument/didOpen",
                {{"textDocument",
                  {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", text}}}});
  server.wait_for_notification("textDocument/publishDiagnostics", 60s);
  json tokens = server.call("textDocument/semanticTokens/full", {{"textDocument", {{"uri", uri}}}});
  std::string result_id = tokens["result"]["resultId"];

  std::mt19937 random(42);
  const std::string typed = "The council said on Tuesday that \"it would decide\" by March 15. ";
  const std::string pasted =
      "\nOfficials said the bridge reopened on Monday, three days later than planned.\n";
  Stats change, delta, hover, hints;
  std::size_t cursor = text.size() / 2;
  for (int version = 2; version < edits + 2; ++version) {
    int kind = static_cast<int>(random() % 100);
    std::string inserted;
    std::size_t removed = 0;
    if (kind < 80) {
      inserted = std::string(1, typed[static_cast<std::size_t>(version) % typed.size()]);
    } else if (kind < 97) {
      removed = cursor > 0 && (text[cursor - 1] & 0x80) == 0 ? 1 : 0;  // backspace over ASCII
    } else {
      inserted = pasted;
    }
    std::size_t start = cursor - removed;
    json range = {{"start", position_at(text, start)}, {"end", position_at(text, cursor)}};
    text.replace(start, removed, inserted);
    cursor = start + inserted.size();
    if (random() % 50 == 0) cursor = random() % text.size();
    while (cursor < text.size() && (text[cursor] & 0xC0) == 0x80)
      ++cursor;

    auto t0 = Clock::now();
    server.notify("textDocument/didChange",
                  {{"textDocument", {{"uri", uri}, {"version", version}}},
                   {"contentChanges", json::array({{{"range", range}, {"text", inserted}}})}});
    for (;;) {
      json published = server.wait_for_notification("textDocument/publishDiagnostics", 60s);
      if (published["params"]["version"] == version) break;
    }
    change.add(Clock::now() - t0);

    t0 = Clock::now();
    json d = server.call("textDocument/semanticTokens/full/delta",
                         {{"textDocument", {{"uri", uri}}}, {"previousResultId", result_id}});
    delta.add(Clock::now() - t0);
    result_id = d["result"]["resultId"];

    json where = position_at(text, std::min(cursor, text.size() - 1));
    t0 = Clock::now();
    server.call("textDocument/hover", {{"textDocument", {{"uri", uri}}}, {"position", where}});
    hover.add(Clock::now() - t0);

    json first = position_at(text, cursor > 2000 ? cursor - 2000 : 0);
    json last = position_at(text, std::min(text.size(), cursor + 2000));
    t0 = Clock::now();
    server.call("textDocument/inlayHint",
                {{"textDocument", {{"uri", uri}}}, {"range", {{"start", first}, {"end", last}}}});
    hints.add(Clock::now() - t0);
  }
  std::printf("| %-24s | %5d | %7.2f | %7.2f | %7.2f | %7.2f | %7.2f | %7.2f |\n", name.c_str(),
              edits, change.pct(0.5), change.pct(0.99), delta.pct(0.5), delta.pct(0.99),
              hover.pct(0.99), hints.pct(0.99));
  server.shutdown_and_exit();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus = argc > 1 ? fs::path(argv[1]) : fs::path(COPYDESK_SOURCE_DIR) / "examples";
  std::vector<std::string> articles = read_articles(corpus);
  if (articles.empty()) {
    std::fprintf(stderr, "no articles under %s\n", corpus.c_str());
    return 1;
  }
  int edits = 1000;
  std::printf("Replay of %d keystroke edits each, debounce 0, through %s (articles from %s)\n\n",
              edits, copydesk_binary().c_str(), corpus.c_str());
  std::printf(
      "| document                 | edits | change p50 ms | change p99 ms | delta p50 | delta p99 "
      "| hover p99 | hints p99 |\n");
  std::printf("|---|---|---|---|---|---|---|---|\n");
  replay("2000-words.txt", make_document(articles, 2000), edits);
  replay("50000-words.txt", make_document(articles, 50000), edits);

  LspProcess server({"--debounce-ms", "0"});
  server.initialize();
  long before = rss_kb(server.pid(), "VmRSS:");
  for (int i = 0; i < 100; ++i) {
    std::string uri = test_uri("open-" + std::to_string(i) + ".txt");
    server.notify(
        "textDocument/didOpen",
        {{"textDocument",
          {{"uri", uri},
           {"languageId", "plaintext"},
           {"version", 1},
           {"text",
            make_document({articles[static_cast<std::size_t>(i) % articles.size()]}, 800)}}}});
    server.wait_for_notification("textDocument/publishDiagnostics", 60s);
  }
  std::printf("\nServer RSS: %ld KB at start, %ld KB with 100 articles open (peak %ld KB)\n",
              before, rss_kb(server.pid(), "VmRSS:"), rss_kb(server.pid(), "VmHWM:"));
  server.shutdown_and_exit();
  return 0;
}
