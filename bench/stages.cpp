// Where the engine's time goes: each stage of analyze() timed alone over a folder of articles held
// in memory, one thread. Not a test: run it by hand.
//
//   build/bench/bench_stages CORPUS_DIR [--runs N] [--limit FILES] [--only STAGE]
//
// --only times one stage alone (segmentation, dates, attributions, claims) or the whole analyze(),
// for a profiler.
// Prints, per stage, the best-of-N seconds, MB/s (10^6 bytes of input per second, counting the
// whole corpus for every stage) and the stage's share of the full analyze(). "recognition" for
// issue #4 is the dates row: analyze() with and without it differs by that row's seconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/claims/claims.hpp"
#include "analyzers/dateline.hpp"
#include "analyzers/dates/dates.hpp"
#include "analyzers/engine.hpp"
#include "analyzers/prose.hpp"
#include "analyzers/segmentation.hpp"

namespace {

namespace fs = std::filesystem;
namespace ca = copydesk::analyzers;

// What each stage needs, computed once so that a stage is timed alone.
struct Prepared {
  ca::Document document;
  ca::Dateline dateline;
  ca::ProseView prose;
  ca::Segmentation segmentation;
  ca::Annotations annotations;
};

std::vector<ca::Document> read_corpus(const fs::path& dir, std::size_t limit) {
  // Plain strings: comparing std::filesystem::path objects costs more than the reading.
  std::vector<std::string> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  if (paths.size() > limit) paths.resize(limit);
  std::vector<ca::Document> documents;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    documents.push_back({path, std::move(text), ca::format_for_path(path)});
  }
  return documents;
}

double best_seconds(int runs, const std::function<void()>& body) {
  double best = 1e100;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    body();
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const char* usage =
      "usage: %s CORPUS_DIR [--runs N] [--limit FILES] "
      "[--only segmentation|dates|attributions|claims|analyze]\n";
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    std::fprintf(argc < 2 ? stderr : stdout, usage, argv[0]);
    return argc < 2 ? 2 : 0;
  }
  if (std::error_code error; !fs::is_directory(argv[1], error)) {
    std::fprintf(stderr, "%s: not a folder\n", argv[1]);
    return 2;
  }
  if ((argc - 2) % 2 != 0) {
    std::fprintf(stderr, "%s: option without a value\n", argv[argc - 1]);
    return 2;
  }
  int runs = 3;
  std::size_t limit = SIZE_MAX;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--runs")
      runs = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--limit")
      limit = std::strtoull(argv[i + 1], nullptr, 10);
    else if (flag == "--only")
      only = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  std::vector<ca::Document> documents = read_corpus(argv[1], limit);
  if (documents.empty()) {
    std::fprintf(stderr, "%s: no files\n", argv[1]);
    return 1;
  }
  std::size_t bytes = 0;
  for (const ca::Document& document : documents)
    bytes += document.text.size();

  ca::AnalysisOptions options;
  std::size_t sink = 0;  // keeps the optimizer from dropping work
  struct Row {
    const char* name;
    double seconds;
  };
  std::vector<Row> rows;
  if (!only.empty()) {
    // One stage alone over precomputed inputs: its data is cold in cache, as it is not in the
    // pipeline, so use this for a profiler, not for shares.
    std::vector<Prepared> prepared;
    if (only != "analyze") prepared.reserve(documents.size());
    for (const ca::Document& document :
         only == "analyze" ? std::vector<ca::Document>{} : documents) {
      Prepared p;
      p.document = document;
      p.dateline = ca::find_dateline(document.text, document.format, {});
      p.prose = ca::make_prose_view(document.text, document.format, p.dateline.metadata);
      p.segmentation = ca::segment(p.prose.prose, p.prose.blocks);
      prepared.push_back(std::move(p));
    }
    std::function<void()> body;
    if (only == "segmentation") {
      body = [&] {
        for (const Prepared& p : prepared)
          sink += ca::segment(p.prose.prose, p.prose.blocks).tokens.size();
      };
    } else if (only == "dates") {
      body = [&] {
        for (const Prepared& p : prepared)
          sink += ca::recognize_dates(p.document.text, p.prose.prose, p.segmentation, p.dateline)
                      .size();
      };
    } else if (only == "attributions") {
      body = [&] {
        for (const Prepared& p : prepared)
          sink += ca::attributions::find_attributions(p.prose.prose, p.segmentation,
                                                      options.settings.lists)
                      .attributions.size();
      };
    } else if (only == "claims") {
      body = [&] {
        for (Prepared& p : prepared) {
          p.annotations = {};
          ca::annotate_claims(p.prose.prose, p.segmentation, options.settings.lists, p.annotations);
          sink += p.annotations.claims.size();
        }
      };
    } else if (only == "analyze") {
      body = [&] {
        for (const ca::Document& document : documents)
          sink += ca::analyze(document, options).findings.size();
      };
    } else {
      std::fprintf(stderr, "unknown stage %s\n", only.c_str());
      return 2;
    }
    double seconds = best_seconds(runs, body);
    std::printf("%s: %.3f s, %.1f MB/s\n", only.c_str(), seconds, bytes / 1e6 / seconds);
    return sink == 0 ? 1 : 0;
  }

  // The pipeline of analyze(), document by document, cut after each stage: a stage's cost is the
  // difference from the cut before it, with its inputs warm in cache as they are in analyze().
  enum Cut { kProse, kSegmentation, kDates, kAttributions, kClaims };
  auto pipeline = [&](Cut cut) {
    for (const ca::Document& document : documents) {
      ca::Dateline dateline = ca::find_dateline(document.text, document.format, {});
      ca::ProseView prose = ca::make_prose_view(document.text, document.format, dateline.metadata);
      sink += prose.prose.size();
      if (cut == kProse) continue;
      ca::Segmentation segmentation = ca::segment(prose.prose, prose.blocks);
      sink += segmentation.tokens.size();
      if (cut == kSegmentation) continue;
      ca::Annotations annotations;
      annotations.dates = ca::recognize_dates(document.text, prose.prose, segmentation, dateline);
      sink += annotations.dates.size();
      if (cut == kDates) continue;
      sink += ca::attributions::find_attributions(prose.prose, segmentation, options.settings.lists)
                  .attributions.size();
      if (cut == kAttributions) continue;
      ca::annotate_claims(prose.prose, segmentation, options.settings.lists, annotations);
      sink += annotations.claims.size();
    }
  };
  const char* names[] = {"dateline + prose view", "segmentation", "dates", "attributions",
                         "claims"};
  double before = 0;
  for (Cut cut : {kProse, kSegmentation, kDates, kAttributions, kClaims}) {
    double seconds = best_seconds(runs, [&] { pipeline(cut); });
    rows.push_back({names[cut], std::max(0.0, seconds - before)});
    before = seconds;
  }
  double full = best_seconds(runs, [&] {
    for (const ca::Document& document : documents)
      sink += ca::analyze(document, options).findings.size();
  });
  double staged = 0;
  for (const Row& row : rows)
    staged += row.seconds;
  rows.push_back({"rules, suppressions, rest", std::max(0.0, full - staged)});
  rows.push_back({"analyze() in all", full});

  std::printf("%zu files, %.2f MB, best of %d runs, one thread\n", documents.size(), bytes / 1e6,
              runs);
  std::printf("%-28s %9s %9s %7s\n", "stage", "seconds", "MB/s", "share");
  for (const Row& row : rows) {
    std::printf("%-28s %9.3f %9.1f %6.1f%%\n", row.name, row.seconds,
                row.seconds > 0 ? bytes / 1e6 / row.seconds : 0.0, 100.0 * row.seconds / full);
  }
  std::printf("analyze() without dates: %.1f MB/s; with: %.1f MB/s (dates cost %.1f%%)\n",
              bytes / 1e6 / (full - rows[2].seconds), bytes / 1e6 / full,
              100.0 * rows[2].seconds / (full - rows[2].seconds));
  return sink == 0 ? 1 : 0;
}
