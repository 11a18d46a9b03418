// The command-line tools on the built binary: check (exit codes, discovery, stdin, formats,
// parallelism), annotate (its JSON Lines contract), rules and explain.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/cli_harness.hpp"
#include "tests/e2e/lsp_process.hpp"

namespace fs = std::filesystem;
using copydesk::e2e::copydesk_binary;
using json = nlohmann::json;

namespace {

// A fixture text the engine flags: an opening quote that never closes (quotes.unbalanced).
const std::string kUnbalanced = "He said \"we will go.\n\nAll good here.\n";
const std::string kClean = "Nothing wrong here.\n";

using copydesk::e2e::TempDir;
using Result = copydesk::e2e::CliResult;
using copydesk::e2e::slurp;

// Runs copydesk with `args` in `cwd`, feeding `input` on stdin, and captures both streams.
Result run(const std::vector<std::string>& args, const fs::path& cwd,
           const std::string& input = "") {
  TempDir io;
  return copydesk::e2e::run_copydesk(args, cwd, io.write("stdin", input).string());
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The paths of the files a `check --format json` run reports, in order, one a line (a string,
// so that a failure shows them).
std::string checked_paths(const Result& result) {
  const json report = json::parse(result.out);
  std::string paths;
  for (const json& file : report["files"])
    paths += file["path"].get<std::string>() + "\n";
  return paths;
}

std::string lines_of(const std::vector<std::string>& paths) {
  std::string joined;
  for (const std::string& path : paths)
    joined += path + "\n";
  return joined;
}

}  // namespace

TEST_CASE("check: exit codes follow --fail-on") {
  TempDir dir;
  dir.write("flagged.txt", kUnbalanced);
  dir.write("clean.txt", kClean);

  CHECK(run({"check", "clean.txt"}, dir.path()).code == 0);
  const Result flagged = run({"check", "flagged.txt"}, dir.path());
  CHECK(flagged.code == 1);
  CHECK(contains(flagged.out, "flagged.txt:1:9: warning: "));
  CHECK(contains(flagged.out, "[quotes.unbalanced]"));
  CHECK(run({"check", "--fail-on", "warning", "flagged.txt"}, dir.path()).code == 1);
  CHECK(run({"check", "--fail-on", "info", "flagged.txt"}, dir.path()).code == 1);
  CHECK(run({"check", "--fail-on", "error", "flagged.txt"}, dir.path()).code == 0);
  CHECK(run({"check", "--fail-on", "never", "flagged.txt"}, dir.path()).code == 0);
  CHECK(run({"check", "--fail-on", "never", "flagged.txt", "missing.txt"}, dir.path()).code == 2);

  // An info finding (a suppression that suppresses nothing) fails only --fail-on info.
  dir.write("info.md", "<!-- copydesk-disable-next-line quotes.unbalanced -->\nAll fine.\n");
  const Result info = run({"check", "info.md"}, dir.path());
  CHECK(info.code == 0);
  CHECK(contains(info.out, "info.md:1:1: info: "));
  CHECK(contains(info.out, "1 problem (0 errors, 0 warnings, 1 info) in 1 of 1 file"));
  CHECK(run({"check", "--fail-on", "info", "info.md"}, dir.path()).code == 1);
}

TEST_CASE("check: usage errors exit 2") {
  TempDir dir;
  dir.write("clean.txt", kClean);
  CHECK(run({"check"}, dir.path()).code == 2);
  CHECK(run({"check", "--format", "xml", "clean.txt"}, dir.path()).code == 2);
  CHECK(run({"check", "--fail-on", "hint", "clean.txt"}, dir.path()).code == 2);
  CHECK(run({"check", "--jobs", "0", "clean.txt"}, dir.path()).code == 2);
  CHECK(run({"check", "--color", "sometimes", "clean.txt"}, dir.path()).code == 2);
  CHECK(run({"check", "--config", "x.toml", "--no-config", "clean.txt"}, dir.path()).code == 2);
  const Result bad_date = run({"check", "--dateline", "2024-02-30", "clean.txt"}, dir.path());
  CHECK(bad_date.code == 2);
  CHECK(contains(bad_date.err, "YYYY-MM-DD"));
  CHECK(run({"check", "--dateline", "2024-02-29", "clean.txt"}, dir.path()).code == 0);
}

TEST_CASE("check: an unreadable input is named on stderr and the rest are still reported") {
  TempDir dir;
  dir.write("desk/flagged.txt", kUnbalanced);
  fs::create_symlink("nowhere.txt", dir.path() / "desk" / "broken.txt");
  const Result result = run({"check", "--format", "json", "desk", "missing.md"}, dir.path());
  CHECK(result.code == 2);
  CHECK(contains(result.err, "copydesk: cannot read desk/broken.txt: No such file or directory"));
  CHECK(contains(result.err, "copydesk: cannot read missing.md: No such file or directory"));
  const json report = json::parse(result.out);
  REQUIRE(report["files"].size() == 1);
  CHECK(report["files"][0]["path"] == "desk/flagged.txt");
  CHECK(report["files"][0]["diagnostics"].size() == 1);
  CHECK(report["summary"]["unreadable"] == 2);
}

TEST_CASE("check: stdin with --stdin-filename") {
  TempDir dir;
  const Result named =
      run({"check", "-", "--stdin-filename", "desk/story.md"}, dir.path(), kUnbalanced);
  CHECK(named.code == 1);
  CHECK(contains(named.out, "desk/story.md:1:9: warning: "));

  const Result unnamed = run({"check", "--format", "json", "-"}, dir.path(), kUnbalanced);
  CHECK(unnamed.code == 1);
  CHECK(checked_paths(unnamed) == lines_of({"<stdin>"}));

  // Markdown by the name's extension: a quote inside code is not prose.
  const std::string code = "Run `echo \"hi` now.\n";
  CHECK(run({"check", "-", "--stdin-filename", "a.md"}, dir.path(), code).code == 0);
}

TEST_CASE("check: folders are walked recursively, sorted, with filters") {
  TempDir dir;
  for (const char* name : {"desk/b.md", "desk/a.txt", "desk/c.markdown", "desk/notes.rst",
                           "desk/.hidden.txt", "desk/.drafts/x.txt", "desk/node_modules/y.txt",
                           "desk/sub/e.txt", "desk/sub/drafts/f.txt", "desk/UPPER.TXT"})
    dir.write(name, kClean);

  const Result all = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(all.code == 0);
  CHECK(checked_paths(all) ==
        lines_of({"desk/UPPER.TXT", "desk/a.txt", "desk/b.md", "desk/c.markdown",
                  "desk/sub/drafts/f.txt", "desk/sub/e.txt"}));

  const Result from_inside = run({"check", "--format", "json", "."}, dir.path() / "desk" / "sub");
  CHECK(checked_paths(from_inside) == lines_of({"drafts/f.txt", "e.txt"}));

  CHECK(checked_paths(run({"check", "--format", "json", "--include", "*.rst", "desk"},
                          dir.path())) == lines_of({"desk/notes.rst"}));
  CHECK(checked_paths(run(
            {"check", "--format", "json", "--include", "*.rst", "--include", "sub/*.txt", "desk"},
            dir.path())) == lines_of({"desk/notes.rst", "desk/sub/e.txt"}));
  CHECK(checked_paths(run({"check", "--format", "json", "--exclude", "drafts", "desk/"},
                          dir.path())) == lines_of({"desk/UPPER.TXT", "desk/a.txt", "desk/b.md",
                                                    "desk/c.markdown", "desk/sub/e.txt"}));
  CHECK(checked_paths(
            run({"check", "--format", "json", "--exclude", "sub/**", "--exclude", "*.md", "desk"},
                dir.path())) == lines_of({"desk/UPPER.TXT", "desk/a.txt", "desk/c.markdown"}));

  // A file named on the command line is checked whatever its extension.
  CHECK(checked_paths(run({"check", "--format", "json", "desk/notes.rst", "desk/.hidden.txt"},
                          dir.path())) == lines_of({"desk/notes.rst", "desk/.hidden.txt"}));
}

TEST_CASE("check: a symlink loop ends and each file is checked once") {
  TempDir dir;
  dir.write("desk/a.txt", kClean);
  dir.write("desk/inner/b.txt", kClean);
  fs::create_directory_symlink("..", dir.path() / "desk" / "inner" / "up");
  fs::create_directory_symlink("inner", dir.path() / "desk" / "again");
  const Result result = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(result.code == 0);
  CHECK(checked_paths(result) == lines_of({"desk/a.txt", "desk/inner/b.txt"}));
}

TEST_CASE("check: --jobs 1 and --jobs 8 give the same output, in input order") {
  TempDir dir;
  for (int i = 0; i < 24; ++i) {
    const std::string name = "desk/" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt";
    dir.write(name, i % 3 == 0 ? kUnbalanced : kClean + std::string(i * 50, 'x') + "\n");
  }
  dir.write("extra.md", kUnbalanced);
  for (const char* format : {"text", "json", "sarif", "github", "rdjson"}) {
    CAPTURE(format);
    const Result serial =
        run({"check", "--format", format, "--jobs", "1", "extra.md", "desk"}, dir.path());
    const Result parallel =
        run({"check", "--format", format, "--jobs", "8", "extra.md", "desk"}, dir.path());
    CHECK(serial.code == 1);
    CHECK(parallel.code == 1);
    CHECK(serial.out == parallel.out);
  }
  std::vector<std::string> expected{"extra.md"};
  for (int i = 0; i < 24; ++i)
    expected.push_back("desk/" + std::string(i < 10 ? "0" : "") + std::to_string(i) + ".txt");
  CHECK(checked_paths(run({"check", "--format", "json", "--jobs", "8", "extra.md", "desk"},
                          dir.path())) == lines_of(expected));
}

TEST_CASE("check: a run too large to check across files streams JSON in input order") {
  // Over 100 files, JSON is written file by file as the workers finish: the order, the summary
  // and the skipped inputs must come out as they do for a small run.
  TempDir dir;
  std::vector<std::string> expected;
  for (int i = 0; i < 130; ++i) {
    std::string name = std::to_string(i);
    name = "desk/" + std::string(3 - name.size(), '0') + name + ".txt";
    if (i == 40) {
      dir.write(name, "date 2024-03-13\n" + std::string(1200 * 1024, 'a') + "\n");
      continue;  // over --max-document-mib 1: named on stderr, not in files
    }
    dir.write(name, i % 4 == 0 ? kUnbalanced : kClean);
    expected.push_back(name);
  }
  const Result serial = run(
      {"check", "--format", "json", "--jobs", "1", "--max-document-mib", "1", "desk"}, dir.path());
  const Result parallel = run(
      {"check", "--format", "json", "--jobs", "8", "--max-document-mib", "1", "desk"}, dir.path());
  CHECK(serial.code == 2);
  CHECK(parallel.code == 2);
  CHECK(serial.out == parallel.out);
  CHECK(contains(serial.err, "desk/040.txt: too large"));
  CHECK(checked_paths(parallel) == lines_of(expected));
  const json report = json::parse(parallel.out);
  std::size_t problems = 0;
  for (const json& file : report["files"])
    problems += file["diagnostics"].size();
  CHECK(report["summary"]["files"] == 129);
  CHECK(report["summary"]["problems"] == problems);
  CHECK(problems > 0);
  CHECK(report["summary"]["unreadable"] == 1);
  // Without the oversized file: findings make it exit 1, not 2.
  fs::remove(dir.path() / "desk" / "040.txt");
  CHECK(run({"check", "--format", "json", "--jobs", "8", "desk"}, dir.path()).code == 1);
}

TEST_CASE("check: the formats on a real run") {
  TempDir dir;
  dir.write("desk/a.txt", "\tZo\xC3\xAB said \"we will go.\n");
  dir.write("desk/b.txt", kClean);

  const Result text = run({"check", "desk"}, dir.path());
  CHECK(text.out ==
        "desk/a.txt:1:11: warning: This quotation is never closed. [quotes.unbalanced]\n"
        "\tZo\xC3\xAB said \"we will go.\n"
        "\t         ^\n"
        "\n"
        "1 problem (0 errors, 1 warning, 0 info) in 1 of 2 files\n");
  CHECK(text.out.find('\x1b') == std::string::npos);  // not a terminal
  CHECK(contains(run({"check", "--color", "always", "desk"}, dir.path()).out, "\x1b["));

  const Result github = run({"check", "--format", "github", "desk"}, dir.path());
  CHECK(github.out ==
        "::warning file=desk/a.txt,line=1,col=11,endLine=1,endColumn=12,"
        "title=quotes.unbalanced::This quotation is never closed.\n");

  const json sarif = json::parse(run({"check", "--format", "sarif", "desk"}, dir.path()).out);
  CHECK(sarif["version"] == "2.1.0");
  const json& result = sarif["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "quotes.unbalanced");
  CHECK(result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 11);
  CHECK(sarif["runs"][0]["artifacts"].size() == 2);
  CHECK(sarif["runs"][0]["invocations"][0]["executionSuccessful"] == true);

  const json rdjson = json::parse(run({"check", "--format", "rdjson", "desk"}, dir.path()).out);
  // rdjson counts columns in UTF-8 bytes: ë is two.
  CHECK(rdjson["diagnostics"][0]["location"]["range"]["start"]["column"] == 12);
  CHECK(rdjson["diagnostics"][0]["severity"] == "WARNING");

  const Result none = run({"check", "desk/b.txt"}, dir.path());
  CHECK(none.out == "No problems in 1 file\n");
}

TEST_CASE("check: text that is not UTF-8 is analyzed without crashing") {
  TempDir dir;
  dir.write("bad.txt", "Caf\xE9 \xFF\xFE said \"we will go.\n\xC3");
  const Result text = run({"check", "bad.txt"}, dir.path());
  CHECK(text.code == 1);
  CHECK(contains(text.out, "bad.txt:1:"));
  const Result as_json = run({"check", "--format", "json", "bad.txt"}, dir.path());
  CHECK(as_json.code == 1);
  CHECK(json::accept(as_json.out));
  const Result annotated = run({"annotate", "bad.txt"}, dir.path());
  CHECK(annotated.code == 0);
  CHECK(json::accept(annotated.out));
}

TEST_CASE("annotate: one JSON object per document, in input order, every field present") {
  TempDir dir;
  dir.write("desk/b.txt", kUnbalanced);
  dir.write("desk/a.txt", kClean);
  dir.write("first.md", "");
  const Result result = run({"annotate", "first.md", "desk"}, dir.path());
  CHECK(result.code == 0);
  std::istringstream lines(result.out);
  std::vector<json> documents;
  for (std::string line; std::getline(lines, line);)
    documents.push_back(json::parse(line));
  REQUIRE(documents.size() == 3);
  CHECK(documents[0]["path"] == "first.md");
  CHECK(documents[1]["path"] == "desk/a.txt");
  CHECK(documents[2]["path"] == "desk/b.txt");
  for (const json& document : documents) {
    CHECK(document["dateline"].is_null());
    for (const char* key : {"dates", "attributions", "hedges", "claims", "diagnostics"})
      CHECK(document[key].is_array());
  }
  CHECK(documents[0]["diagnostics"].empty());
  const json& diagnostic = documents[2]["diagnostics"][0];
  CHECK(diagnostic["rule"] == "quotes.unbalanced");
  CHECK(diagnostic["severity"] == "warning");
  CHECK(diagnostic["start"] == 8);
  CHECK(diagnostic["end"] == 9);
  CHECK(diagnostic["line"] == 1);
  CHECK(diagnostic["column"] == 9);
  CHECK(diagnostic["end_line"] == 1);
  CHECK(diagnostic["end_column"] == 10);
  CHECK(diagnostic["message"].is_string());

  const Result dated = run({"annotate", "--dateline", "2024-03-12", "-"}, dir.path(), kClean);
  const json with_dateline = json::parse(dated.out);
  CHECK(with_dateline["dateline"]["value"] == "2024-03-12");
  CHECK(with_dateline["dateline"]["source"] == "override");
  CHECK(with_dateline["path"] == "<stdin>");

  const Result missing = run({"annotate", "nope.txt", "first.md"}, dir.path());
  CHECK(missing.code == 2);
  CHECK(contains(missing.err, "copydesk: cannot read nope.txt: "));
  CHECK(json::parse(missing.out)["path"] == "first.md");
}

TEST_CASE("rules and explain") {
  TempDir dir;
  const Result rules = run({"rules"}, dir.path());
  CHECK(rules.code == 0);
  CHECK(contains(rules.out, "quotes.unbalanced"));
  CHECK(contains(rules.out, "warning"));
  // Aligned: every severity starts in the same column.
  std::istringstream lines(rules.out);
  std::size_t column = std::string::npos;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t severity = line.find_first_not_of(' ', line.find(' '));
    if (column == std::string::npos) column = severity;
    CHECK(severity == column);
  }

  const Result explain = run({"explain", "quotes.unbalanced"}, dir.path());
  CHECK(explain.code == 0);
  CHECK(contains(explain.out, "quotes.unbalanced"));
  CHECK(explain.out.size() > 200);

  const Result typo = run({"explain", "quotes.unbalance"}, dir.path());
  CHECK(typo.code == 2);
  CHECK(contains(typo.err, "unknown rule 'quotes.unbalance'"));
  CHECK(contains(typo.err, "did you mean 'quotes.unbalanced'?"));
  CHECK(run({"explain", "no.such.rule.at.all"}, dir.path()).code == 2);
}

TEST_CASE("check: config files set severities; their errors are printed once and exit 2") {
  TempDir dir;
  dir.write("desk/a.txt", kUnbalanced);
  dir.write("desk/b.txt", kUnbalanced);
  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  const Result configured = run({"check", "--fail-on", "error", "desk"}, dir.path());
  CHECK(configured.code == 1);
  CHECK(contains(configured.out, "desk/a.txt:1:9: error: "));
  const Result ignored = run({"check", "--fail-on", "error", "--no-config", "desk"}, dir.path());
  CHECK(ignored.code == 0);
  CHECK(contains(ignored.out, "desk/a.txt:1:9: warning: "));

  // Stdin finds its config through --stdin-filename.
  const Result piped = run({"check", "--fail-on", "error", "-", "--stdin-filename", "desk/new.txt"},
                           dir.path(), kUnbalanced);
  CHECK(piped.code == 1);
  CHECK(contains(piped.out, "desk/new.txt:1:9: error: "));

  dir.write("off.toml", "[rules]\n\"quotes.unbalanced\" = \"off\"\n");
  const Result off = run({"check", "--config", "off.toml", "desk"}, dir.path());
  CHECK(off.code == 0);
  CHECK(off.out == "No problems in 2 files\n");

  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"loud\"\n");
  const Result broken = run({"check", "desk"}, dir.path());
  CHECK(broken.code == 2);
  CHECK(contains(broken.err, ".copydesk.toml:2:"));
  CHECK(contains(broken.err, "rules.\"quotes.unbalanced\""));
  // One config file, two documents: its error is printed once.
  CHECK(broken.err.find(".copydesk.toml:") == broken.err.rfind(".copydesk.toml:"));
  CHECK(contains(broken.out, "desk/a.txt:1:9: warning: "));
  CHECK(contains(broken.out, "desk/b.txt:1:9: warning: "));
}

TEST_CASE("check: a name spelled two ways across the files of one run") {
  TempDir dir;
  dir.write("monday.txt",
            "date 2024-05-06\nAndrii Kovalenko, a spokesman for the port, said the ferry "
            "would sail.\n");
  dir.write("tuesday.txt",
            "date 2024-05-07\nAndriy Kovalenko, a spokesman for the port, said the ferry had "
            "sailed.\n");
  const Result both = run({"check", "--format", "json", "monday.txt", "tuesday.txt"}, dir.path());
  const json report = json::parse(both.out);
  std::size_t across = 0;
  for (const json& file : report["files"])
    for (const json& diagnostic : file["diagnostics"])
      if (diagnostic["rule"] == "names.inconsistent-spelling") {
        ++across;
        REQUIRE(diagnostic["related"].size() == 1);
        CHECK(diagnostic["related"][0]["path"].get<std::string>().ends_with(".txt"));
      }
  CHECK(across >= 1);

  // Near miss: one file alone has nothing to compare with.
  const Result alone = run({"check", "--format", "json", "monday.txt"}, dir.path());
  CHECK_FALSE(contains(alone.out, "names.inconsistent-spelling"));
}

TEST_CASE("check: one source credited with two figures across the files of one run") {
  TempDir dir;
  dir.write("a.txt",
            "date 2024-05-06\nThe health ministry said 12 people were killed in the flood.\n");
  dir.write("b.txt",
            "date 2024-05-07\nThe health ministry said 15 people were killed in the flood.\n");
  const Result both = run({"check", "a.txt", "b.txt"}, dir.path());
  CHECK(both.code == 1);
  CHECK(contains(both.out, "credited here with 12"));
  CHECK(contains(both.out, "[claims.conflicting-figures]"));
  // Near miss: the same figure in both files is no conflict.
  dir.write("c.txt",
            "date 2024-05-07\nThe health ministry said 12 people were killed in the flood.\n");
  const Result same = run({"check", "a.txt", "c.txt"}, dir.path());
  CHECK_FALSE(contains(same.out, "claims.conflicting-figures"));
}

TEST_CASE("check: --profile prints stage timings on stderr and leaves stdout alone") {
  TempDir dir;
  dir.write("a.txt", "The ministry said on Tuesday that 40 people were hurt.\n");
  dir.write("b.txt", "Officials said the road would reopen in March.\n");
  const Result plain = run({"check", "--format", "json", "."}, dir.path());
  const Result profiled = run({"check", "--format", "json", "--profile", "."}, dir.path());
  CHECK(profiled.code == plain.code);
  CHECK(profiled.out == plain.out);
  CHECK(contains(profiled.err, "copydesk profile: 2 files"));
  for (const char* stage : {"prose", "segmentation", "dates", "attributions", "claims", "rules"})
    CHECK(contains(profiled.err, std::string("\n") + stage + " "));
  // Near-miss: without the flag, nothing about stages.
  CHECK_FALSE(contains(plain.err, "copydesk profile"));
}
