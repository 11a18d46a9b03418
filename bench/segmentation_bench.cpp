// Throughput of segment() over a file, against plain ICU sentence and word iteration over the
// same blocks. Not a test: run it by hand on a large corpus.
//
//   g++ -std=c++20 -O3 -DNDEBUG -I. -pthread -o build/segmentation_bench
//     bench/segmentation_bench.cpp analyzers/segmentation.cpp -licuuc -licui18n
//   build/segmentation_bench FILE [--runs N] [--indent] [--threads N]
//
// Blocks are the file's blank-line-separated paragraphs; --indent also starts one at every line
// that begins with white space (Reuters-style paragraphs, as the prose view does for plain text).
// MB/s is 10^6 bytes of input per second, best of N runs.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "analyzers/segmentation.hpp"

namespace {

using copydesk::analyzers::Span;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::vector<Span> split_blocks(std::string_view text, bool indent_starts_block) {
  std::vector<Span> blocks;
  std::size_t block_start = 0;
  bool in_block = false;
  for (std::size_t line_start = 0; line_start < text.size();) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    const auto line = text.substr(line_start, line_end - line_start);
    const bool blank = is_blank(line);
    const bool indented = !blank && (line[0] == ' ' || line[0] == '\t');
    if (in_block && (blank || (indent_starts_block && indented))) {
      blocks.push_back(
          {static_cast<std::uint32_t>(block_start), static_cast<std::uint32_t>(line_start - 1)});
      in_block = false;
    }
    if (!in_block && !blank) {
      block_start = line_start;
      in_block = true;
    }
    line_start = line_end + 1;
  }
  if (in_block) {
    blocks.push_back(
        {static_cast<std::uint32_t>(block_start), static_cast<std::uint32_t>(text.size())});
  }
  return blocks;
}

// The floor: stock ICU iterators, nothing recorded.
std::size_t plain_icu(std::string_view text, const std::vector<Span>& blocks) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> sentences(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  UText ut = UTEXT_INITIALIZER;
  std::size_t boundaries = 0;
  for (const Span& block : blocks) {
    utext_openUTF8(&ut, text.data() + block.start, block.size(), &status);
    sentences->setText(&ut, status);
    words->setText(&ut, status);
    for (auto b = sentences->first(); b != icu::BreakIterator::DONE; b = sentences->next()) {
      ++boundaries;
    }
    for (auto b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
      boundaries += words->getRuleStatus() > 0;
    }
  }
  utext_close(&ut);
  return boundaries;
}

// Best of `runs` in CPU seconds of this process, which is steadier than wall time on a machine
// busy with other work (e.g. compilers), and wall seconds.
struct Timing {
  double cpu = 1e30;
  double wall = 1e30;
};

double cpu_now() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

Timing best_of(int runs, const std::function<void()>& run) {
  Timing best;
  for (int i = 0; i < runs; ++i) {
    const double cpu_start = cpu_now();
    const auto wall_start = std::chrono::steady_clock::now();
    run();
    const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - wall_start;
    best.cpu = std::min(best.cpu, cpu_now() - cpu_start);
    best.wall = std::min(best.wall, wall.count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [--runs N] [--indent] [--threads N]\n", argv[0]);
    return 2;
  }
  int runs = 5;
  int threads = 1;
  bool indent = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--threads" && i + 1 < argc) {
      threads = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--indent") {
      indent = true;
    }
  }
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  const auto blocks = split_blocks(text, indent);
  const double megabytes = static_cast<double>(text.size()) / 1e6;
  std::printf("%s: %.1f MB, %zu blocks, %d run(s)%s\n", argv[1], megabytes, blocks.size(), runs,
              indent ? ", indented lines start blocks" : "");

  const auto report = [&](const char* name, Timing timing) {
    std::printf("  %-40s %6.1f MB/s CPU  %6.1f MB/s wall  (%.3f s CPU)\n", name,
                megabytes / timing.cpu, megabytes / timing.wall, timing.cpu);
  };
  std::atomic<std::size_t> sink = 0;  // keeps the work from being optimised away
  report("plain ICU sentences + words", best_of(runs, [&] { sink += plain_icu(text, blocks); }));

  const auto run_segment = [&](const char* name, bool merge, bool fast) {
    copydesk::analyzers::SegmentationOptions options;
    options.merge_abbreviations = merge;
    options.fast_paths = fast;
    copydesk::analyzers::Segmentation result;
    report(name,
           best_of(runs, [&] { result = copydesk::analyzers::segment(text, blocks, options); }));
    std::printf("    %zu sentences, %zu tokens\n", result.sentences.size(), result.tokens.size());
  };
  run_segment("segment()", true, true);
  run_segment("segment() without abbreviation pass", false, true);
  run_segment("segment() with ICU only (no fast paths)", true, false);

  if (threads > 1) {
    // Every thread segments the whole file: aggregate throughput and a check that concurrent
    // calls work.
    const Timing timing = best_of(runs, [&] {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) {
        pool.emplace_back(
            [&] { sink += copydesk::analyzers::segment(text, blocks).tokens.size(); });
      }
      for (auto& thread : pool)
        thread.join();
    });
    std::printf("  %-40s %6.1f MB/s wall, aggregate over %d threads\n", "segment() concurrently",
                megabytes * threads / timing.wall, threads);
  }
  return sink == 0 ? 1 : 0;
}
