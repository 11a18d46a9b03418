// The fault table (docs/reliability.md) for `copydesk check`, and its path security: inputs that
// are too large, unreadable, oddly shaped or oddly linked. One bad input must never hide the
// results for the others.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

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

// Flagged by quotes.unbalanced at line 1, column 9.
const std::string kUnbalanced = "He said \"we will go.\n";
const std::string kClean = "Nothing wrong here.\n";

using copydesk::e2e::TempDir;
using Result = copydesk::e2e::CliResult;

// Runs copydesk with `args` in `cwd`; stdin comes from `stdin_path` (default: empty).
Result run(const std::vector<std::string>& args, const fs::path& cwd,
           const std::string& stdin_path = "/dev/null") {
  return copydesk::e2e::run_copydesk(args, cwd, stdin_path);
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// "path line:column rule" for every finding of a `--format json` run, one a line.
std::string findings(const Result& result) {
  std::string lines;
  const json report = json::parse(result.out);
  for (const json& file : report["files"])
    for (const json& d : file["diagnostics"])
      lines += file["path"].get<std::string>() + " " + std::to_string(d["line"].get<int>()) + ":" +
               std::to_string(d["column"].get<int>()) + " " + d["rule"].get<std::string>() + "\n";
  return lines;
}

}  // namespace

TEST_CASE("check fault: a 100 MB file is skipped by name and the other files are checked") {
  TempDir dir;
  dir.write("desk/a.txt", kUnbalanced);
  dir.write("desk/c.txt", kUnbalanced);
  // Sparse: 100 MiB on paper, nothing on disk. Its size alone rules it out.
  std::ofstream(dir.path() / "desk" / "big.txt");
  fs::resize_file(dir.path() / "desk" / "big.txt", 100u << 20);
  const Result result = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(result.code == 2);
  CHECK(contains(result.err,
                 "copydesk: desk/big.txt: too large: 100.0 MiB, over the 10.0 MiB limit; "
                 "analysis skipped\n"));
  CHECK(findings(result) == "desk/a.txt 1:9 quotes.unbalanced\ndesk/c.txt 1:9 quotes.unbalanced\n");
  CHECK(json::parse(result.out)["summary"]["unreadable"] == 1);

  // SARIF says the run was incomplete, and why.
  const Result sarif = run({"check", "--format", "sarif", "desk"}, dir.path());
  CHECK(sarif.code == 2);
  CHECK(contains(sarif.out, "too large: 100.0 MiB"));
}

TEST_CASE("check fault: --max-document-mib, and streams cut off at the limit") {
  TempDir dir;
  const std::string two_mib = kUnbalanced + std::string(2u << 20, 'a') + "\n";
  dir.write("long.txt", two_mib);
  const Result checked = run({"check", "--format", "json", "long.txt"}, dir.path());
  CHECK(checked.code == 1);
  CHECK(findings(checked) == "long.txt 1:9 quotes.unbalanced\n");

  const Result skipped = run({"check", "--max-document-mib", "1", "long.txt"}, dir.path());
  CHECK(skipped.code == 2);
  CHECK(contains(skipped.err, "copydesk: long.txt: too large: 2.0 MiB, over the 1.0 MiB limit"));

  // Standard input's size is unknown: it is read up to the limit and no further.
  const Result piped = run({"check", "--max-document-mib", "1", "-"}, dir.path(),
                           (dir.path() / "long.txt").string());
  CHECK(piped.code == 2);
  CHECK(contains(piped.err, "copydesk: <stdin>: too large: over the 1.0 MiB limit"));

  // An endless device: no hang, no OOM.
  const Result endless = run({"check", "/dev/zero", "long.txt"}, dir.path());
  CHECK(endless.code == 2);
  CHECK(contains(endless.err, "copydesk: /dev/zero: too large: over the 10.0 MiB limit"));
  CHECK(contains(endless.out, "long.txt:1:9: warning:"));

  CHECK(run({"check", "--max-document-mib", "0", "long.txt"}, dir.path()).code == 2);
}

TEST_CASE("check fault: a 1 MB line with no line breaks") {
  TempDir dir;
  std::string text;
  while (text.size() < (1u << 20))
    text += "The minister said on Tuesday that talks would resume. ";
  const std::size_t column = text.size() + 9;
  text += "He said \"no.";
  dir.write("one-line.txt", text);
  const Result result = run({"check", "--format", "json", "one-line.txt"}, dir.path());
  CHECK(result.code == 1);
  CHECK(contains(findings(result),
                 "one-line.txt 1:" + std::to_string(column) + " quotes.unbalanced\n"));
}

TEST_CASE("check fault: CRLF mixed with LF and lone CR") {
  TempDir dir;
  dir.write("endings.txt", "First.\r\nSecond.\nThird.\rFourth.\r\n\r\nHe said \"no.\r\n");
  const Result result = run({"check", "--format", "json", "endings.txt"}, dir.path());
  CHECK(result.code == 1);
  CHECK(findings(result) == "endings.txt 6:9 quotes.unbalanced\n");
}

TEST_CASE("check fault: a config that is not TOML, has unknown keys or wrong types") {
  struct Case {
    const char* name;
    std::string config;
    const char* reported;
  };
  const Case cases[] = {
      {"not TOML", "this is = = not [toml\n", "desk/.copydesk.toml:1:"},
      {"an unknown key", "[nonsense]\nx = 1\n", "nonsense"},
      {"a wrong type", "dateline = 2024\n", "dateline"},
      {"binary", std::string("\x00\xff\xfe\x01", 4), "desk/.copydesk.toml"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    TempDir dir;
    dir.write("desk/.copydesk.toml", c.config);
    dir.write("desk/a.txt", kUnbalanced);
    dir.write("desk/b.txt", kUnbalanced);
    const Result result = run({"check", "--format", "json", "desk"}, dir.path());
    CHECK(result.code == 2);
    CHECK(contains(result.err, c.reported));
    // Both documents are still checked, with the defaults.
    CHECK(findings(result) ==
          "desk/a.txt 1:9 quotes.unbalanced\ndesk/b.txt 1:9 quotes.unbalanced\n");
  }
}

TEST_CASE("check fault: files that cannot be read are named; the rest are checked") {
  TempDir dir;
  dir.write("good.txt", kUnbalanced);
  fs::create_symlink("self.txt", dir.path() / "self.txt");  // a symlink loop of one
  // Opens, then fails to read (EIO): the first page of our own address space is never mapped.
  std::vector<std::string> args = {"check",    "--format", "json",       "/proc/self/mem",
                                   "self.txt", "good.txt", "missing.txt"};
  std::string expected_unreadable = "3";
  if (::geteuid() != 0) {  // root reads through permissions
    dir.write("locked.txt", kUnbalanced);
    fs::permissions(dir.path() / "locked.txt", fs::perms::none);
    args.push_back("locked.txt");
    expected_unreadable = "4";
  }
  const Result result = run(args, dir.path());
  CHECK(result.code == 2);
  CHECK(contains(result.err, "copydesk: cannot read /proc/self/mem: Input/output error"));
  CHECK(contains(result.err, "copydesk: cannot read self.txt: Too many levels of symbolic links"));
  CHECK(contains(result.err, "copydesk: cannot read missing.txt: No such file or directory"));
  if (::geteuid() != 0)
    CHECK(contains(result.err, "copydesk: cannot read locked.txt: Permission denied"));
  CHECK(findings(result) == "good.txt 1:9 quotes.unbalanced\n");
  CHECK(json::parse(result.out)["summary"]["unreadable"].dump() == expected_unreadable);
}

TEST_CASE("check fault: directory symlink loops end, and each file is checked once") {
  TempDir dir;
  dir.write("desk/a/one.txt", kUnbalanced);
  dir.write("desk/b/two.txt", kUnbalanced);
  fs::create_directory_symlink("../b", dir.path() / "desk" / "a" / "to-b");
  fs::create_directory_symlink("../a", dir.path() / "desk" / "b" / "to-a");
  fs::create_directory_symlink(".", dir.path() / "desk" / "here");
  const Result result = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(result.code == 1);
  CHECK(findings(result) ==
        "desk/a/one.txt 1:9 quotes.unbalanced\ndesk/b/two.txt 1:9 quotes.unbalanced\n");
}

TEST_CASE("check security: symlinks out of the folder being checked are not followed") {
  TempDir dir;
  dir.write("secret/notes.txt", kUnbalanced);
  dir.write("secret/drafts/plan.txt", kUnbalanced);
  dir.write("desk/story.txt", kUnbalanced);
  dir.write("desk/inner/other.txt", kClean);
  fs::create_symlink(dir.path() / "secret" / "notes.txt", dir.path() / "desk" / "leak.txt");
  fs::create_directory_symlink("../secret/drafts", dir.path() / "desk" / "drafts");
  fs::create_symlink("inner/other.txt", dir.path() / "desk" / "alias.txt");  // inside: followed
  const Result result = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(result.code == 1);
  CHECK(findings(result) == "desk/story.txt 1:9 quotes.unbalanced\n");
  std::string paths;
  const json report = json::parse(result.out);
  for (const json& file : report["files"])
    paths += file["path"].get<std::string>() + "\n";
  CHECK(paths == "desk/alias.txt\ndesk/inner/other.txt\ndesk/story.txt\n");
  CHECK(contains(result.err, "copydesk: skipped desk/drafts: a symlink to"));
  CHECK(contains(result.err, "copydesk: skipped desk/leak.txt: a symlink to"));

  // Named on the command line, a symlink is what was asked for: it is read.
  const Result named = run({"check", "--format", "json", "desk/leak.txt"}, dir.path());
  CHECK(findings(named) == "desk/leak.txt 1:9 quotes.unbalanced\n");
}

TEST_CASE("check security: '..' in arguments names the same files, shown as given") {
  TempDir dir;
  dir.write("desk/story.txt", kUnbalanced);
  dir.write("desk/sub/.keep", "");
  const Result result = run({"check", "--format", "json", "../story.txt", "../../desk/story.txt"},
                            dir.path() / "desk" / "sub");
  CHECK(findings(result) ==
        "../story.txt 1:9 quotes.unbalanced\n../../desk/story.txt 1:9 quotes.unbalanced\n");
  // The config that applies is the file's own ancestors', after '..' is resolved.
  dir.write("desk/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"off\"\n");
  dir.write("desk/sub/.copydesk.toml", "[rules]\n\"quotes.unbalanced\" = \"error\"\n");
  const Result configured =
      run({"check", "--format", "json", "../sub/../story.txt"}, dir.path() / "desk" / "sub");
  CHECK(configured.code == 0);
  CHECK(findings(configured).empty());
}

TEST_CASE("check security: names with spaces, '%', non-ASCII and newlines stay exact in output") {
  TempDir dir;
  dir.write("desk/a b%20c é.txt", kUnbalanced);
  dir.write("desk/line\nbreak.txt", kUnbalanced);
  const Result result = run({"check", "--format", "json", "desk"}, dir.path());
  CHECK(findings(result) ==
        "desk/a b%20c é.txt 1:9 quotes.unbalanced\ndesk/line\nbreak.txt 1:9 "
        "quotes.unbalanced\n");
  // SARIF locates files by URI: percent-encoded, so '%20' in a name is not a space.
  const Result sarif = run({"check", "--format", "sarif", "desk"}, dir.path());
  CHECK(contains(sarif.out, "desk/a%20b%2520c%20%C3%A9.txt"));
}
