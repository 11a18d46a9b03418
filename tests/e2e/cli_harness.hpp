// Running the copydesk binary as a command in end-to-end tests: scratch folders, and one run
// with its exit code, stdout and stderr.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "tests/e2e/lsp_process.hpp"

namespace copydesk::e2e {

// A scratch folder, removed (permissions restored first) at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "copydesk-cli-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = std::filesystem::canonical(pattern);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs copydesk with `args` in `cwd`, stdin from `stdin_path`, and captures both streams.
inline CliResult run_copydesk(const std::vector<std::string>& args,
                              const std::filesystem::path& cwd, const std::string& stdin_path) {
  TempDir io;
  std::string command =
      "cd " + shell_quote(cwd.string()) + " && NO_COLOR= " + shell_quote(copydesk_binary());
  for (const std::string& arg : args)
    command += " " + shell_quote(arg);
  command += " <" + shell_quote(stdin_path) + " >" + shell_quote((io.path() / "out").string()) +
             " 2>" + shell_quote((io.path() / "err").string());
  const int status = std::system(command.c_str());
  CliResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(io.path() / "out");
  result.err = slurp(io.path() / "err");
  return result;
}

}  // namespace copydesk::e2e
