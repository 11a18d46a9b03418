#include "analyzers/document.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>

#include "analyzers/engine.hpp"

using namespace copydesk::analyzers;

TEST_CASE("format_for_path: .md and .markdown are Markdown, case-insensitively") {
  CHECK(format_for_path("story.md") == DocumentFormat::markdown);
  CHECK(format_for_path("desk/Story.MD") == DocumentFormat::markdown);
  CHECK(format_for_path("/tmp/copy.Markdown") == DocumentFormat::markdown);
  CHECK(format_for_path("C:\\desk\\copy.markdown") == DocumentFormat::markdown);
}

TEST_CASE("format_for_path: everything else is plain text") {
  CHECK(format_for_path("story.txt") == DocumentFormat::plain_text);
  CHECK(format_for_path("story") == DocumentFormat::plain_text);
  CHECK(format_for_path("") == DocumentFormat::plain_text);
  CHECK(format_for_path("story.mdx") == DocumentFormat::plain_text);
  CHECK(format_for_path("story.md.txt") == DocumentFormat::plain_text);
  // The extension is the last component's, not a folder's.
  CHECK(format_for_path("notes.md/story") == DocumentFormat::plain_text);
}

TEST_CASE("to_iso: with and without a year") {
  CHECK(to_iso({2024, 3, 12}) == "2024-03-12");
  CHECK(to_iso({std::nullopt, 3, 12}) == "XXXX-03-12");
  CHECK(to_iso({987, 1, 2}) == "0987-01-02");
}

TEST_CASE("to_string(DatelineSource)") {
  CHECK(std::string(to_string(DatelineSource::override_value)) == "override");
  CHECK(std::string(to_string(DatelineSource::header)) == "header");
  CHECK(std::string(to_string(DatelineSource::front_matter)) == "front-matter");
  CHECK(std::string(to_string(DatelineSource::news_dateline)) == "news-dateline");
  CHECK(std::string(to_string(DatelineSource::config)) == "config");
  CHECK(std::string(to_string(DatelineSource::none)) == "none");
}

TEST_CASE("Severity names round-trip") {
  for (Severity severity : {Severity::hint, Severity::info, Severity::warning, Severity::error}) {
    CHECK(parse_severity(to_string(severity)) == severity);
  }
  CHECK(std::string(to_string(Severity::warning)) == "warning");
  CHECK(parse_severity("Error") == Severity::error);
  CHECK_FALSE(parse_severity("fatal").has_value());
  CHECK_FALSE(parse_severity("").has_value());
}

TEST_CASE("SourceKind and ClaimStatus names") {
  CHECK(std::string(to_string(SourceKind::person)) == "person");
  CHECK(std::string(to_string(SourceKind::organization)) == "organization");
  CHECK(std::string(to_string(SourceKind::official)) == "official");
  CHECK(std::string(to_string(SourceKind::anonymous)) == "anonymous");
  CHECK(std::string(to_string(SourceKind::document)) == "document");
  CHECK(std::string(to_string(SourceKind::unnamed)) == "unnamed");
  CHECK(std::string(to_string(ClaimStatus::attributed)) == "attributed");
  CHECK(std::string(to_string(ClaimStatus::hedged)) == "hedged");
  CHECK(std::string(to_string(ClaimStatus::unverified)) == "unverified");
  CHECK(std::string(to_string(ClaimStatus::unattributed)) == "unattributed");
}

TEST_CASE("analyze: a cancelled analysis stops with AnalysisCancelled") {
  Document document;
  document.text = "The ministry said on Tuesday that 40 people were hurt.";
  std::atomic<bool> cancelled{true};
  AnalysisOptions options;
  options.cancelled = &cancelled;
  CHECK_THROWS_AS(analyze(document, options), AnalysisCancelled);
  // Near-miss: the flag down, the analysis runs to the end.
  cancelled = false;
  Analysis analysis = analyze(document, options);
  CHECK_FALSE(analysis.annotations.attributions.empty());
}
