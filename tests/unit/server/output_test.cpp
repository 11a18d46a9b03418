// The check output formats and the annotate line, on a hand-built report, against golden files
// in tests/e2e/golden/. COPYDESK_UPDATE_GOLDEN=1 rewrites the goldens (then review the diff).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

#include "server/output/annotations_format.hpp"
#include "server/output/github_format.hpp"
#include "server/output/json_format.hpp"
#include "server/output/rdjson_format.hpp"
#include "server/output/report.hpp"
#include "server/output/sarif_format.hpp"
#include "server/output/text_format.hpp"

using namespace copydesk::server::output;
using copydesk::analyzers::Finding;
using copydesk::analyzers::Severity;
using copydesk::analyzers::Span;

namespace {

const std::filesystem::path kGoldenDir =
    std::filesystem::path(__FILE__).parent_path() / "../../e2e/golden";

void check_golden(const std::string& name, const std::string& actual) {
  const std::filesystem::path path = kGoldenDir / name;
  if (const char* update = std::getenv("COPYDESK_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing golden " << path);
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK_MESSAGE(actual == expected.str(), "output differs from " << name);
}

// The span of the `occurrence`-th `needle` in `text`: test inputs are marked by content so
// that the offsets below stay right when the text changes.
Span find_span(const std::string& text, const std::string& needle, int occurrence = 1) {
  std::size_t at = std::string::npos;
  for (int i = 0; i < occurrence; ++i)
    at = text.find(needle, at == std::string::npos ? 0 : at + 1);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

// Two lines of prose with a tab, multi-byte characters (é, “ ”, ë, and an emoji outside the
// BMP) and a CRLF line break, so every column convention is exercised.
const std::string kArticle =
    "date 2024-03-12\n"
    "The mayor said \"we will go.\r\n"
    "\tShe told Caf\xC3\xA9 \xE2\x80\x9CZo\xC3\xAB\xE2\x80\x9D \xF0\x9F\x93\xB0 staff: ok\n"
    "Last line";

FileReport article_report() {
  const std::string& text = kArticle;
  std::vector<Finding> findings;

  Finding quote;
  quote.rule = "quotes.unbalanced";
  quote.severity = Severity::warning;
  quote.message = "This quotation is never closed.";
  quote.span = find_span(text, "\"");
  const Span go = find_span(text, "go.");
  quote.fixes.push_back({"Close the quotation", {{{go.end, go.end}, "\""}}});
  quote.fixes.push_back({"Remove the opening mark", {{quote.span, ""}}});
  findings.push_back(quote);

  Finding name;
  name.rule = "test.spelling";
  name.severity = Severity::error;
  name.message = "Check \"Zo\xC3\xAB\", 100%: a, b\nsecond line";
  name.span = find_span(text, "\xE2\x80\x9CZo\xC3\xAB\xE2\x80\x9D");
  name.related.push_back({find_span(text, "Caf\xC3\xA9"), "mentioned here", ""});
  name.related.push_back({{10, 20}, "spelled differently there", "other/story.md"});
  name.fixes.push_back(
      {"Use the house spelling",
       {{find_span(text, "Zo\xC3\xAB"), "Zoe"}, {find_span(text, "Caf\xC3\xA9"), "Cafe"}}});
  findings.push_back(name);

  Finding across;
  across.rule = "suppression.unused";
  across.severity = Severity::info;
  across.message = "Spans two lines.";
  const Span staff = find_span(text, "staff");
  across.span = {staff.start, find_span(text, "Last").end};
  findings.push_back(across);

  Finding hint;
  hint.rule = "test.hint";
  hint.severity = Severity::hint;
  hint.message = "An empty span at the end of the text.";
  hint.span = {static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(text.size())};
  findings.push_back(hint);

  copydesk::analyzers::Dateline dateline;
  dateline.date = copydesk::analyzers::CalendarDate{2024, 3, 12};
  dateline.source = copydesk::analyzers::DatelineSource::header;
  dateline.span = find_span(text, "date 2024-03-12");
  return make_file_report("notes/article one.md", text, dateline, findings);
}

Report sample_report() {
  Report report;
  report.files.push_back(article_report());
  report.files.push_back(make_file_report("clean.txt", "Nothing to see.\n", {}, {}));
  report.errors.push_back({"missing.txt", "No such file or directory"});
  report.rules = {
      {"quotes.unbalanced", Severity::warning, true, "Double quotation marks that do not pair up.",
       "Quotation marks (`\"`) that are never closed or never opened.",
       "https://example.com/rules#quotesunbalanced"},
      {"suppression.unused", Severity::info, true, "A suppression that suppresses nothing.",
       "A suppression that suppresses nothing.", "https://example.com/rules#suppressionunused"},
      {"test.hint", Severity::hint, false, "A rule off by default.", "A rule off by default.",
       "https://example.com/rules#testhint"},
  };
  report.tool_version = "1.2.3";
  report.root_uri = "file:///project/";
  return report;
}

}  // namespace

TEST_CASE("positions come from byte offsets: lines 1-based, columns in code points") {
  const FileReport file = article_report();
  // The opening quote: line 2, after `The mayor said ` (15 code points).
  const TextRange quote = range_of(file, file.findings[0].span);
  CHECK(quote.start.line == 2);
  CHECK(quote.start.column == 16);
  CHECK(quote.end.column == 17);
  // “Zoë” on line 3 after a tab, "She told ", "Café " (1 + 9 + 5 code points).
  const TextRange name = range_of(file, file.findings[1].span);
  CHECK(name.start.line == 3);
  CHECK(name.start.column == 16);
  CHECK(name.end.column == 21);
  // The same in UTF-8 bytes (rdjson): é is two bytes.
  const TextRange name_bytes =
      range_of(file, file.findings[1].span, copydesk::protocol::PositionEncoding::utf8);
  CHECK(name_bytes.start.column == 17);
  CHECK(name_bytes.end.column == 17 + 10);
  // The end of the text, on a last line without a line break.
  const TextRange end = range_of(file, file.findings[3].span);
  CHECK(end.start.line == 4);
  CHECK(end.start.column == 10);
}

TEST_CASE("text output") {
  const Report report = sample_report();
  const std::string plain = format_text(report, false);
  check_golden("report.txt", plain);
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::string colored = format_text(report, true);
  CHECK(colored.find("\x1b[") != std::string::npos);
}

TEST_CASE("text output: the caret keeps tabs and counts code points") {
  const std::string plain = format_text(sample_report(), false);
  // Under the tab-indented line, the underline starts with the same tab.
  CHECK(plain.find("\n\t              ^~~~~\n") != std::string::npos);
}

TEST_CASE("summary line") {
  Summary summary;
  summary.files = 5;
  CHECK(summary_line(summary) == "No problems in 5 files");
  summary.files = 1;
  CHECK(summary_line(summary) == "No problems in 1 file");
  summary.files = 5;
  summary.files_with_problems = 2;
  summary.problems = 3;
  summary.by_severity[static_cast<std::size_t>(Severity::error)] = 1;
  summary.by_severity[static_cast<std::size_t>(Severity::warning)] = 2;
  CHECK(summary_line(summary) == "3 problems (1 error, 2 warnings, 0 info) in 2 of 5 files");
  summary.problems = 4;
  summary.by_severity[static_cast<std::size_t>(Severity::hint)] = 1;
  CHECK(summary_line(summary) ==
        "4 problems (1 error, 2 warnings, 0 info, 1 hint) in 2 of 5 files");
}

TEST_CASE("json output") {
  const std::string text = format_json(sample_report());
  check_golden("report.json", text);
  const nlohmann::json parsed = nlohmann::json::parse(text);
  CHECK(parsed["version"] == 1);
  CHECK(parsed["files"].size() == 2);
  CHECK(parsed["files"][1]["dateline"].is_null());
  CHECK(parsed["files"][1]["diagnostics"].empty());
  CHECK(parsed["summary"]["problems"] == 4);
  CHECK(parsed["summary"]["unreadable"] == 1);
}

TEST_CASE("sarif output") {
  const std::string text = format_sarif(sample_report());
  check_golden("report.sarif", text);
  const nlohmann::json log = nlohmann::json::parse(text);
  const nlohmann::json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  // test.spelling is not among the described rules: it is appended so every result has one.
  CHECK(run["tool"]["driver"]["rules"].size() == 4);
  CHECK(run["results"][1]["ruleIndex"] == 3);
  CHECK(run["results"][3]["level"] == "note");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "notes/article%20one.md");
}

TEST_CASE("github output") {
  check_golden("report.github", format_github(sample_report()));
  CHECK(escape_github_data("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e");
  CHECK(escape_github_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce");
}

TEST_CASE("rdjson output") {
  const std::string text = format_rdjson(sample_report());
  check_golden("report.rdjson", text);
  const nlohmann::json parsed = nlohmann::json::parse(text);
  CHECK(parsed["source"]["name"] == "copydesk");
  CHECK(parsed["diagnostics"].size() == 4);
  CHECK(parsed["diagnostics"][3]["severity"] == "INFO");
}

TEST_CASE("annotation line") {
  const FileReport file = article_report();
  copydesk::analyzers::Annotations annotations;
  copydesk::analyzers::DateMention date;
  date.span = find_span(kArticle, "2024-03-12");
  date.type = "DATE";
  date.value = "2024-03-12";
  annotations.dates.push_back(date);
  copydesk::analyzers::Attribution said;
  said.cue = find_span(kArticle, "said");
  said.source = copydesk::analyzers::Source{find_span(kArticle, "The mayor"),
                                            copydesk::analyzers::SourceKind::official, ""};
  said.content = find_span(kArticle, "we will go.");
  said.direct = true;
  annotations.attributions.push_back(said);
  copydesk::analyzers::Attribution told;
  told.cue = find_span(kArticle, "told");
  annotations.attributions.push_back(told);
  annotations.hedges.push_back({find_span(kArticle, "ok"), "epistemic"});
  annotations.claims.push_back({find_span(kArticle, "we will go."),
                                copydesk::analyzers::ClaimStatus::attributed,
                                0,
                                {"future"}});
  annotations.claims.push_back({find_span(kArticle, "Last line"),
                                copydesk::analyzers::ClaimStatus::unattributed,
                                std::nullopt,
                                {}});
  const std::string line = format_annotation_line(file, annotations);
  check_golden("annotations.jsonl", line);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);

  // With nothing found, every array is present and empty.
  const FileReport clean = make_file_report("clean.txt", "Nothing.", {}, {});
  const nlohmann::json empty =
      nlohmann::json::parse(format_annotation_line(clean, copydesk::analyzers::Annotations{}));
  for (const char* key : {"dates", "attributions", "hedges", "claims", "diagnostics"}) {
    CHECK(empty[key].is_array());
    CHECK(empty[key].empty());
  }
  CHECK(empty["dateline"].is_null());
}

TEST_CASE("text that is not UTF-8 does not break the JSON formats") {
  Report report;
  Finding finding;
  finding.rule = "quotes.unbalanced";
  finding.message = "bad \xFF byte";
  finding.span = {4, 5};
  report.files.push_back(make_file_report("bad.txt", "bad \xFF\xFE text", {}, {finding}));
  CHECK(nlohmann::json::accept(format_json(report)));
  CHECK(nlohmann::json::accept(format_sarif(report)));
  CHECK(nlohmann::json::accept(format_rdjson(report)));
  CHECK(nlohmann::json::accept(format_annotation_line(report.files[0], {})));
  CHECK(range_of(report.files[0], finding.span).start.column == 5);
}

TEST_CASE("a clean file's report without its text: sizes stay, output is the same") {
  Report with_text = sample_report();
  Report without_text = sample_report();
  drop_text(without_text.files[1]);
  CHECK(without_text.files[1].text.empty());
  CHECK(without_text.files[1].size == std::string("Nothing to see.\n").size());
  CHECK(format_json(without_text) == format_json(with_text));
  CHECK(format_sarif(without_text) == format_sarif(with_text));
  CHECK(format_text(without_text, false) == format_text(with_text, false));
}

TEST_CASE("json output with no files") {
  Report report;
  const nlohmann::json parsed = nlohmann::json::parse(format_json(report));
  CHECK(parsed["files"].is_array());
  CHECK(parsed["files"].empty());
  CHECK(format_json(report).find("\"files\": [],") != std::string::npos);
}

TEST_CASE("json strings: written as nlohmann's dump writes them") {
  const std::vector<std::string> samples = {"",
                                            "plain",
                                            "quote \" and backslash \\",
                                            "tab\tnew\nline\rform\fback\b",
                                            std::string("nul \0 inside", 12),
                                            "\x01\x1f\x7f",
                                            "café “curly” ’s 🙂",
                                            "bad \xff byte",
                                            "cut \xe2\x80",
                                            "overlong \xc0\xaf",
                                            "surrogate \xed\xa0\x80"};
  for (const std::string& text : samples) {
    std::string ours;
    append_json_string(ours, text);
    CHECK(ours == dump_json(nlohmann::ordered_json(text), -1));
  }
  // Random bytes, valid or not.
  std::mt19937 random(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 12, ' ');
    for (char& c : text)
      c = static_cast<char>(random() % 256);
    std::string ours;
    append_json_string(ours, text);
    CHECK(ours == dump_json(nlohmann::ordered_json(text), -1));
  }
}

TEST_CASE("text output: a long line is shown as a window around the finding") {
  std::string line(5000, 'x');
  line.replace(3000, 5, "QUOTE");
  copydesk::analyzers::Finding finding;
  finding.rule = "test.hint";
  finding.severity = Severity::warning;
  finding.message = "Here.";
  finding.span = {3000, 3005};
  Report report;
  report.files.push_back(make_file_report("long.txt", line + "\n", {}, {finding}));
  const std::string text = format_text(report, false);
  CHECK(text.size() < 600);
  CHECK(text.find("\xE2\x80\xA6" + std::string(80, 'x') + "QUOTE" + std::string(80, 'x') +
                  "\xE2\x80\xA6\n") != std::string::npos);
  CHECK(text.find("\n" + std::string(81, ' ') + "^~~~~\n") != std::string::npos);
  // Near-miss: a short line is printed whole, with no ellipsis.
  Report short_report;
  short_report.files.push_back(make_file_report("short.txt", "abc QUOTE def\n", {}, {[] {
                                                  copydesk::analyzers::Finding f;
                                                  f.rule = "test.hint";
                                                  f.severity = Severity::warning;
                                                  f.message = "Here.";
                                                  f.span = {4, 9};
                                                  return f;
                                                }()}));
  const std::string short_text = format_text(short_report, false);
  CHECK(short_text.find("abc QUOTE def\n    ^~~~~\n") != std::string::npos);
  CHECK(short_text.find("\xE2\x80\xA6") == std::string::npos);
}
