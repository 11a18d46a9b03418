// Start-up latency of the language server: time from spawning `copydesk` to receiving its
// initialize response, over pipes, as an editor sees it. Prints min, median and max of N runs.
// Usage: bench_startup [RUNS]   (the binary comes from COPYDESK_BINARY or the build)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "tests/e2e/lsp_process.hpp"

using namespace copydesk::e2e;

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::stoi(argv[1]) : 20;
  std::vector<double> millis;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    LspProcess server;
    json response =
        server.call("initialize", {{"processId", nullptr}, {"capabilities", json::object()}});
    auto end = std::chrono::steady_clock::now();
    if (!response.contains("result")) {
      std::fprintf(stderr, "initialize failed: %s\n", response.dump().c_str());
      return 1;
    }
    millis.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    server.notify("exit");
    server.wait_exit();
  }
  std::sort(millis.begin(), millis.end());
  std::printf("startup to initialize response over %d runs (%s):\n", runs,
              copydesk_binary().c_str());
  std::printf("  min %.2f ms   median %.2f ms   max %.2f ms\n", millis.front(),
              millis[millis.size() / 2], millis.back());
  return 0;
}
