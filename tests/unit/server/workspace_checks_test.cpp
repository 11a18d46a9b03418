#include "server/workspace_checks.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

using namespace copydesk;
using server::DocumentAnalysisPtr;

namespace {

DocumentAnalysisPtr analysed(const std::string& uri, const std::string& text) {
  auto document = std::make_shared<server::DocumentAnalysis>();
  document->uri = uri;
  document->document.path = uri;
  document->document.text = text;
  document->lines = protocol::LineIndex(document->document.text);
  document->analysis = analyzers::analyze(document->document, {});
  return document;
}

std::optional<analyzers::Severity> defaults(const std::string&, std::string_view rule) {
  if (rule == "names.inconsistent-spelling" || rule == "claims.conflicting-figures")
    return analyzers::Severity::warning;
  return std::nullopt;
}

}  // namespace

TEST_CASE("workspace checks: a name spelled two ways in two open documents") {
  auto first = analysed("file:///desk/raid.md",
                        "Andrii Yusov, a spokesperson for the intelligence agency, said the raid "
                        "had failed.\n");
  auto second = analysed("file:///desk/follow-up.md",
                         "Andriy Yusov said on Monday that the operation was over.\n");
  auto found = server::cross_document_diagnostics({first, second}, defaults);
  REQUIRE(found.count("file:///desk/follow-up.md") == 1);
  CHECK(found.count("file:///desk/raid.md") == 0);  // the first spelling is the reference
  const nlohmann::json& diagnostic = found["file:///desk/follow-up.md"][0];
  CHECK(diagnostic["code"] == "names.inconsistent-spelling");
  CHECK(diagnostic["severity"] == 2);
  CHECK(diagnostic["range"]["start"]["character"] == 0);
  CHECK(diagnostic["range"]["end"]["character"] == 6);
  // The message names the other document by its file name; the related location is its URI.
  CHECK(diagnostic["message"].get<std::string>().find("raid.md") != std::string::npos);
  CHECK(diagnostic["relatedInformation"][0]["location"]["uri"] == "file:///desk/raid.md");
}

TEST_CASE("workspace checks: near-misses") {
  auto first = analysed("file:///desk/a.md", "Andrii Yusov said the raid had failed.\n");
  auto same = analysed("file:///desk/b.md", "Andrii Yusov said the operation was over.\n");
  CHECK(server::cross_document_diagnostics({first, same}, defaults).empty());
  auto variant = analysed("file:///desk/c.md", "Andriy Yusov said the operation was over.\n");
  // One document alone is names.inconsistent-spelling's business, not the workspace's.
  CHECK(server::cross_document_diagnostics({variant}, defaults).empty());
  // A rule switched off in the document gets nothing.
  auto off = [](const std::string&, std::string_view) -> std::optional<analyzers::Severity> {
    return std::nullopt;
  };
  CHECK(server::cross_document_diagnostics({first, variant}, off).empty());
}
