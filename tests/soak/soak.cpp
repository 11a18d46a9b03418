// The soak test: one server, 50 open documents, a long random stream of incremental edits and
// requests over pipes, as a busy editor would send them. It checks that the server's copy of
// every document stays byte-exact (copydesk/documentState's hash), that no valid request gets
// an error or goes unanswered, that the server logs no warning, and that its resident memory
// stops growing once warm. Deterministic: the seed is fixed and printed; the same seed sends
// the same messages.
//
//   soak [--operations N] [--seed S] [--documents D] [--rss-tolerance-mib M]
//
// N defaults to COPYDESK_SOAK_OPERATIONS, else 100000. Exit code 0 when every check held.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "tests/e2e/lsp_process.hpp"

namespace {

using copydesk::e2e::json;
using copydesk::e2e::LspProcess;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

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

long rss_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

// UTF-8 length of the character starting with byte `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  return 2;
}

// An LSP position (UTF-16 code units) for a byte offset of `text`, written independently of
// the server's LineIndex so that the two can disagree. "\n", "\r\n" and "\r" end lines; the
// texts here are valid UTF-8 and the offsets are character boundaries, never inside a "\r\n".
json position_of(std::string_view text, std::size_t offset) {
  std::size_t line = 0, character = 0;
  for (std::size_t i = 0; i < offset;) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      ++line;
      character = 0;
      continue;
    }
    const std::size_t length = sequence_length(static_cast<unsigned char>(c));
    character += length == 4 ? 2 : 1;
    i += length;
  }
  return {{"line", line}, {"character", character}};
}

// What the random stream is made of: news prose with dates, sources, quotes and hedges, and the
// characters that make positions hard (multi-byte UTF-8, an astral emoji, three line breaks).
const std::vector<std::string> kPieces = {
    "The ministry said on Tuesday that talks would resume. ",
    "\"We will not back down,\" the mayor told reporters. ",
    "According to officials close to the project, the plan may be delayed. ",
    "Last week, Ms. Dupré said the figures were 40% higher. ",
    "Critics claim the budget could double by March 3, 2025. ",
    "He said \"no. ",
    "Officials allegedly approved 12 contracts. ",
    "The company — which declined to comment — reported a loss. ",
    "Café owners 🙂 said yesterday that prices rose. ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "é",
    "🙂",
    "—",
    " ",
    "\"",
    "said ",
    "2024-03-12 ",
    "next Friday ",
};

class Soak {
 public:
  Soak(std::uint64_t seed, std::size_t documents, std::size_t operations)
      : random_(seed), documents_(documents), operations_(operations) {}

  int run(long rss_tolerance_kib);

 private:
  struct Document {
    std::string uri;
    std::string text;
    std::int64_t version = 1;
    bool busy = false;  // a request on it is in flight: no edits until it is answered
    std::string tokens_result_id;
    std::string diagnostics_result_id;
    json diagnostics = json::array();
  };
  struct InFlight {
    std::size_t document;
    std::string method;
    std::string expected_hash;  // documentState only
    std::size_t expected_length = 0;
    std::int64_t expected_version = 0;
  };

  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  std::string random_text(std::size_t pieces);
  std::size_t random_boundary(const std::string& text);
  void open_all();
  void edit(Document& document);
  void request(std::size_t index);
  void send_document_state(std::size_t index);
  // Reads messages until one response arrives; false on timeout or a dead server.
  bool receive_one();
  void handle_response(const json& response);
  void fail(const std::string& what) {
    if (failures_ < 20) std::cerr << "soak: FAILED: " << what << "\n";
    ++failures_;
  }

  std::mt19937_64 random_;
  std::size_t documents_;
  std::size_t operations_;
  std::unique_ptr<LspProcess> server_;
  std::vector<Document> docs_;
  std::map<std::string, InFlight> in_flight_;  // by id.dump()
  std::map<std::string, std::size_t> requests_by_method_;
  std::size_t edits_ = 0;
  std::size_t content_changes_ = 0;
  std::size_t responses_ = 0;
  std::size_t hash_checks_ = 0;
  std::size_t failures_ = 0;
};

std::string Soak::random_text(std::size_t pieces) {
  std::string text;
  for (std::size_t i = 0; i < pieces; ++i)
    text += kPieces[pick(kPieces.size())];
  return text;
}

// A random character boundary of `text` that is not between the "\r" and "\n" of a CRLF.
std::size_t Soak::random_boundary(const std::string& text) {
  std::size_t offset = pick(text.size() + 1);
  while (offset > 0 && offset < text.size() &&
         ((static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80 ||
          (text[offset] == '\n' && text[offset - 1] == '\r')))
    --offset;
  return offset;
}

void Soak::open_all() {
  for (std::size_t i = 0; i < documents_; ++i) {
    Document document;
    document.uri =
        "file:///tmp/copydesk-soak/story-" + std::to_string(i) + (i % 5 == 0 ? ".md" : ".txt");
    document.text = "date 2024-03-12\n" + random_text(40 + pick(60));
    server_->notify("textDocument/didOpen",
                    {{"textDocument",
                      {{"uri", document.uri},
                       {"languageId", i % 5 == 0 ? "markdown" : "plaintext"},
                       {"version", document.version},
                       {"text", document.text}}}});
    docs_.push_back(std::move(document));
  }
}

// One didChange of one to three incremental changes, each applied to our copy as the server
// must apply it. Sizes drift around 2-8 KB, a news story's: inserts when short, deletes when
// long.
void Soak::edit(Document& document) {
  json changes = json::array();
  const std::size_t count = 1 + pick(3);
  for (std::size_t c = 0; c < count; ++c) {
    std::string& text = document.text;
    std::size_t start = random_boundary(text);
    std::size_t end = start;
    const std::size_t roll = pick(100);
    const bool shrink = text.size() > 8192 ? roll < 70 : text.size() < 2048 ? roll < 10 : roll < 40;
    if (shrink || roll < 55) {  // delete or replace a span of up to ~200 bytes
      end = start + pick(200);
      if (end > text.size()) end = text.size();
      while (end < text.size() && ((static_cast<unsigned char>(text[end]) & 0xC0) == 0x80 ||
                                   (text[end] == '\n' && end > 0 && text[end - 1] == '\r')))
        ++end;
    }
    const std::string inserted =
        shrink ? (roll % 2 ? "" : random_text(1)) : random_text(1 + pick(3));
    changes.push_back(
        {{"range", {{"start", position_of(text, start)}, {"end", position_of(text, end)}}},
         {"text", inserted}});
    text.replace(start, end - start, inserted);
    ++content_changes_;
  }
  ++document.version;
  server_->notify("textDocument/didChange",
                  {{"textDocument", {{"uri", document.uri}, {"version", document.version}}},
                   {"contentChanges", changes}});
  ++edits_;
}

void Soak::send_document_state(std::size_t index) {
  Document& document = docs_[index];
  json id = server_->request("copydesk/documentState", {{"textDocument", {{"uri", document.uri}}}});
  in_flight_[id.dump()] = {index, "copydesk/documentState", fnv1a_hex(document.text),
                           document.text.size(), document.version};
  document.busy = true;
  ++requests_by_method_["copydesk/documentState"];
}

void Soak::request(std::size_t index) {
  Document& document = docs_[index];
  const json text_document = {{"uri", document.uri}};
  auto random_range = [&] {
    std::size_t a = random_boundary(document.text), b = random_boundary(document.text);
    if (a > b) std::swap(a, b);
    return json{{"start", position_of(document.text, a)}, {"end", position_of(document.text, b)}};
  };
  std::string method;
  json params = {{"textDocument", text_document}};
  switch (pick(8)) {
    case 0:
      method = "textDocument/hover";
      params["position"] = position_of(document.text, random_boundary(document.text));
      break;
    case 1:
      method = "textDocument/semanticTokens/full";
      break;
    case 2:
      method = "textDocument/semanticTokens/full/delta";
      params["previousResultId"] = document.tokens_result_id;
      break;
    case 3:
      method = "textDocument/inlayHint";
      params["range"] = random_range();
      break;
    case 4:
      method = "textDocument/codeAction";
      params["range"] = random_range();
      params["context"] = {{"diagnostics", document.diagnostics}};
      break;
    case 5:
      method = "textDocument/documentSymbol";
      break;
    case 6:
      method = "textDocument/diagnostic";
      if (!document.diagnostics_result_id.empty())
        params["previousResultId"] = document.diagnostics_result_id;
      break;
    default:
      return send_document_state(index);
  }
  json id = server_->request(method, params);
  in_flight_[id.dump()] = {index, method, "", 0, 0};
  document.busy = true;
  ++requests_by_method_[method];
}

void Soak::handle_response(const json& response) {
  auto it = in_flight_.find(response["id"].dump());
  if (it == in_flight_.end()) return fail("a response to an unknown id: " + response.dump());
  const InFlight sent = it->second;
  in_flight_.erase(it);
  Document& document = docs_[sent.document];
  document.busy = false;
  ++responses_;
  if (response.contains("error"))
    return fail(sent.method + " on " + document.uri +
                " answered an error: " + response["error"].dump());
  const json& result = response["result"];
  if (sent.method == "copydesk/documentState") {
    ++hash_checks_;
    if (result["hash"] != sent.expected_hash || result["length"] != sent.expected_length ||
        result["version"] != sent.expected_version)
      fail("the server's copy of " + document.uri + " differs from ours: " + result.dump() +
           " expected hash " + sent.expected_hash + ", length " +
           std::to_string(sent.expected_length) + ", version " +
           std::to_string(sent.expected_version));
  } else if (sent.method == "textDocument/semanticTokens/full" ||
             sent.method == "textDocument/semanticTokens/full/delta") {
    if (!result.contains("resultId")) return fail(sent.method + " without a resultId");
    if (result.contains("data") && result["data"].size() % 5 != 0)
      fail(sent.method + ": data is not a multiple of 5 integers");
    document.tokens_result_id = result["resultId"];
  } else if (sent.method == "textDocument/diagnostic") {
    if (result["kind"] == "full") {
      document.diagnostics = result["items"];
    } else if (result["kind"] != "unchanged" ||
               result["resultId"] != document.diagnostics_result_id) {
      fail("an unchanged diagnostic report with a new result id: " + result.dump());
    }
    document.diagnostics_result_id = result["resultId"];
  } else if (sent.method == "textDocument/documentSymbol" ||
             sent.method == "textDocument/codeAction" || sent.method == "textDocument/inlayHint") {
    if (!result.is_array()) fail(sent.method + " answered a non-array: " + result.dump());
  }
}

bool Soak::receive_one() {
  for (;;) {
    std::optional<json> message = server_->read_message(60s);
    if (!message) return false;
    if (message->contains("id") && !message->contains("method")) {
      handle_response(*message);
      return true;
    }
    const std::string method = message->value("method", "");
    if (method == "window/logMessage" && (*message)["params"].value("type", 4) <= 2)
      fail("the server logged: " + (*message)["params"].value("message", ""));
    else if (message->contains("id"))
      fail("an unexpected request from the server: " + method);
  }
}

int Soak::run(long rss_tolerance_kib) {
  const auto started = Clock::now();
  server_ = std::make_unique<LspProcess>(
      std::vector<std::string>{"--debounce-ms", "0", "--log-level", "warn"});
  const json init =
      server_->initialize({{"general", {{"positionEncodings", {"utf-16"}}}},
                           {"textDocument",
                            {{"diagnostic", json::object()},
                             {"hover", {{"contentFormat", {"markdown", "plaintext"}}}},
                             {"semanticTokens", {{"requests", {{"full", {{"delta", true}}}}}}}}}});
  if (!init.contains("result") || init["result"]["capabilities"]["positionEncoding"] != "utf-16") {
    std::cerr << "soak: initialize failed: " << init.dump() << "\n";
    return 1;
  }
  open_all();

  constexpr std::size_t kMaxInFlight = 16;
  const std::size_t warm_at = std::max<std::size_t>(1, operations_ / 5);
  long rss_warm = 0, rss_peak = 0;
  std::size_t done = 0;
  while (done < operations_) {
    if (in_flight_.size() >= kMaxInFlight && !receive_one()) {
      fail("no response within 60 s; " + std::to_string(in_flight_.size()) + " in flight");
      break;
    }
    // A document with no request in flight: edits never race the answer to a request, so a
    // "content modified" error would be a real fault.
    std::size_t index = pick(docs_.size());
    for (std::size_t tries = 0; docs_[index].busy && tries < docs_.size(); ++tries)
      index = (index + 1) % docs_.size();
    if (docs_[index].busy) {
      if (!receive_one()) break;
      continue;
    }
    if (pick(100) < 70)
      edit(docs_[index]);
    else
      request(index);
    ++done;
    if (done == warm_at) rss_warm = rss_kib(server_->pid());
    if (done % 1000 == 0) rss_peak = std::max(rss_peak, rss_kib(server_->pid()));
  }
  while (!in_flight_.empty() && receive_one()) {
  }
  if (!in_flight_.empty()) fail(std::to_string(in_flight_.size()) + " requests never answered");

  // Every document, exactly as we have it.
  for (std::size_t i = 0; i < docs_.size(); ++i) {
    send_document_state(i);
    if (!receive_one()) fail("no documentState for " + docs_[i].uri);
  }
  const long rss_end = rss_kib(server_->pid());
  rss_peak = std::max(rss_peak, rss_end);
  const int exit_code = server_->shutdown_and_exit();
  if (exit_code != 0) fail("the server exited with " + std::to_string(exit_code));
  const std::string log = server_->stderr_text();
  if (!log.empty()) fail("the server wrote to its log:\n" + log.substr(0, 2000));
  if (server_->framing_errors() != 0) fail("bytes on stdout that are not messages");

  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::size_t requests = 0;
  for (const auto& [method, count] : requests_by_method_)
    requests += count;
  std::printf(
      "soak: %zu documents, %zu operations: %zu edits (%zu changes), %zu requests, %zu "
      "responses, %zu hash checks, %.1f s\n",
      documents_, done, edits_, content_changes_, requests, responses_, hash_checks_, seconds);
  for (const auto& [method, count] : requests_by_method_)
    std::printf("soak:   %-40s %zu\n", method.c_str(), count);
  std::printf(
      "soak: server RSS after warm-up (%zu operations) %ld KiB, at the end %ld KiB, peak "
      "sampled %ld KiB; growth %+ld KiB, tolerance %ld KiB\n",
      warm_at, rss_warm, rss_end, rss_peak, rss_end - rss_warm, rss_tolerance_kib);
  if (rss_tolerance_kib >= 0 && rss_end - rss_warm > rss_tolerance_kib)
    fail("resident memory grew by " + std::to_string(rss_end - rss_warm) + " KiB after warm-up");
  if (done < operations_) fail("stopped after " + std::to_string(done) + " operations");
  std::printf("soak: %s\n", failures_ == 0 ? "passed" : "FAILED");
  return failures_ == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t seed = 20240312;
  std::size_t documents = 50;
  std::size_t operations = 100000;
  if (const char* env = std::getenv("COPYDESK_SOAK_OPERATIONS"); env && *env)
    operations = std::strtoull(env, nullptr, 10);
  long rss_tolerance_mib = 16;  // negative: report only
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else if (flag == "--operations") {
      operations = std::strtoull(value, nullptr, 10);
    } else if (flag == "--documents") {
      documents = std::strtoull(value, nullptr, 10);
    } else if (flag == "--rss-tolerance-mib") {
      rss_tolerance_mib = std::strtol(value, nullptr, 10);
    } else {
      std::cerr << "usage: soak [--operations N] [--seed S] [--documents D] "
                   "[--rss-tolerance-mib M]\n";
      return 2;
    }
  }
  if (documents == 0 || operations == 0) return 2;
  std::printf("soak: seed %llu\n", static_cast<unsigned long long>(seed));
  std::fflush(stdout);
  const long tolerance_kib = rss_tolerance_mib < 0 ? -1 : rss_tolerance_mib * 1024;
  return Soak(seed, documents, operations).run(tolerance_kib);
}
