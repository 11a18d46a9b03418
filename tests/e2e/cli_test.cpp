// Command-line entry points of the server binary.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <memory>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

namespace {

struct Output {
  int code;
  std::string out;
};

Output run(const std::string& args) {
  std::string command = copydesk_binary() + " " + args + " </dev/null 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
    out.append(buffer.data(), n);
  int status = ::pclose(pipe.release());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace

TEST_CASE("--version and --help") {
  Output version = run("--version");
  CHECK(version.code == 0);
  CHECK(version.out.rfind("copydesk ", 0) == 0);
  Output help = run("--help");
  CHECK(help.code == 0);
  CHECK(help.out.find("--stdio") != std::string::npos);
  CHECK(run("--no-such-flag").code != 0);
}

TEST_CASE("the server starts with --stdio and with the lsp subcommand") {
  for (auto args : {std::vector<std::string>{"--stdio"}, std::vector<std::string>{"lsp"},
                    std::vector<std::string>{"lsp", "--stdio"}}) {
    LspProcess server(args);
    CHECK(server.initialize().contains("result"));
    CHECK(server.shutdown_and_exit() == 0);
  }
}
