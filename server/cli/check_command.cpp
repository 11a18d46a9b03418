#include "server/cli/check_command.hpp"

#include "analyzers/attributions/spelling.hpp"
#include "analyzers/claims/conflicts.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>

#include "server/output/github_format.hpp"
#include "server/output/json_format.hpp"
#include "server/output/rdjson_format.hpp"
#include "server/output/sarif_format.hpp"
#include "server/output/text_format.hpp"
#include "server/uri.hpp"
#include "server/version.hpp"
#include "server/workspace_checks.hpp"

namespace copydesk::server::cli {

namespace {

using analyzers::Severity;

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

// The least severity that fails the run; nullopt: nothing does. Hints never fail.
std::optional<Severity> fail_threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return analyzers::parse_severity(fail_on);
}

std::string root_uri() {
  std::error_code error;
  const std::filesystem::path cwd = std::filesystem::current_path(error);
  if (error) return {};
  std::string uri = file_uri_from_path(cwd.string());
  if (!uri.ends_with('/')) uri += '/';
  return uri;
}

std::string render(const output::Report& report, const CheckOptions& options) {
  if (options.format == "sarif") return output::format_sarif(report);
  if (options.format == "github") return output::format_github(report);
  if (options.format == "rdjson") return output::format_rdjson(report);
  return output::format_text(report, use_color(options.color));
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, CheckOptions& options) {
  CLI::App* command = app.add_subcommand("check", "Check documents and report findings");
  add_input_options(*command, options.inputs);
  command->add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "rdjson"}))
      ->capture_default_str();
  command
      ->add_option("--fail-on", options.fail_on,
                   "Exit 1 when a finding is at least this severe (hints never fail)")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  command
      ->add_option("--color", options.color,
                   "Colour text output: auto (a terminal, and NO_COLOR unset), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  command->add_flag("--profile", options.profile,
                    "Print the time each analysis stage took, summed over the files, to stderr");
  return command;
}

// Findings that need several documents: names spelled two ways, and one source credited with
// different figures for the same thing.
void add_cross_file_findings(const Batch& batch,
                             const std::vector<analyzers::attributions::DocumentNames>& names,
                             const std::vector<analyzers::claims::DocumentFigures>& figures,
                             std::vector<std::optional<output::FileReport>>& files) {
  std::vector<std::vector<analyzers::Finding>> found =
      analyzers::attributions::cross_document_spellings(names);
  found.resize(files.size());
  for (analyzers::claims::DocumentFinding& conflict :
       analyzers::claims::cross_document_conflicts(figures))
    if (conflict.document < found.size())
      found[conflict.document].push_back(std::move(conflict.finding));
  for (std::size_t i = 0; i < found.size() && i < files.size(); ++i) {
    if (!files[i] || found[i].empty()) continue;
    std::vector<analyzers::Finding>& findings = files[i]->findings;
    for (analyzers::Finding& finding : found[i]) {
      std::optional<Severity> severity =
          batch.inputs[i].options.settings.severity_for(finding.rule);
      if (!severity) continue;
      finding.severity = *severity;
      findings.push_back(std::move(finding));
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const analyzers::Finding& a, const analyzers::Finding& b) {
                       return a.span.start < b.span.start;
                     });
  }
}

// The --profile table: seconds per stage summed over files (CPU time across all workers), MB/s
// of one worker, and each stage's share of the analysis.
void print_profile(const analyzers::StageTimings& t, std::size_t bytes, std::size_t files,
                   double wall_seconds, std::ostream& err) {
  const double total = t.total();
  auto row = [&](std::string_view stage, double seconds) {
    char line[128];
    std::snprintf(line, sizeof line, "%-14.*s %9.3f %9.1f %6.1f%%\n",
                  static_cast<int>(stage.size()), stage.data(), seconds,
                  seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0,
                  total > 0 ? 100.0 * seconds / total : 0.0);
    err << line;
  };
  char head[160];
  std::snprintf(
      head, sizeof head, "copydesk profile: %zu files, %.2f MB, %.3f s wall\n%-14s %9s %9s %7s\n",
      files, static_cast<double>(bytes) / 1e6, wall_seconds, "stage", "seconds", "MB/s", "share");
  err << head;
  row("prose", t.prose);
  row("segmentation", t.segmentation);
  row("dates", t.dates);
  row("attributions", t.attributions);
  row("claims", t.claims);
  row("rules", t.rules);
  row("analysis", total);
}

int run_check(const CheckOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const BatchOptions batch_options = to_batch_options(options.inputs);
  Batch batch = prepare_batch(batch_options, std::cerr);
  const std::size_t count = batch.inputs.size();

  std::vector<std::optional<output::FileReport>> files(count);
  // Names spelled one way in one file and another way in the next: checked across the files of
  // one run when they are few enough to be one story package, not a whole archive.
  const bool across_files = count >= 2 && count <= kMaxDocumentsAcross;
  std::vector<analyzers::attributions::DocumentNames> names(across_files ? count : 0);
  std::vector<analyzers::claims::DocumentFigures> figures(across_files ? count : 0);
  std::mutex profile_mutex;
  analyzers::StageTimings timings;
  std::size_t analysed_bytes = 0;
  std::size_t analysed_files = 0;

  // JSON without checks across files is written as the files come, in input order: each file's
  // report is freed once written, so memory stays flat over a corpus of any size.
  std::optional<output::JsonReportStream> json_stream;
  if (options.format == "json" && !across_files) json_stream.emplace(std::cout);
  std::mutex stream_mutex;
  std::vector<char> finished(json_stream ? count : 0, 0);
  std::size_t next_to_write = 0;
  std::optional<Severity> worst_written;
  auto finish_input = [&](std::size_t index) {
    std::lock_guard lock(stream_mutex);
    finished[index] = 1;
    for (; next_to_write < count && finished[next_to_write]; ++next_to_write) {
      std::optional<output::FileReport>& file = files[next_to_write];
      if (!file) continue;  // not read: named in the errors
      json_stream->file(*file);
      for (const analyzers::Finding& finding : file->findings)
        if (!worst_written || finding.severity > *worst_written) worst_written = finding.severity;
      file.reset();
    }
  };

  run_batch(
      batch, batch_options.jobs,
      [&](std::size_t index, const analyzers::Document& document,
          const analyzers::Analysis& analysis) {
        if (options.profile) {
          std::lock_guard lock(profile_mutex);
          timings += analysis.timings;
          analysed_bytes += document.text.size();
          ++analysed_files;
        }
        // Keep only what output needs: the prose view and tokens are large.
        files[index] = output::make_file_report(document.path, document.text, analysis.dateline,
                                                analysis.findings);
        // Findings across files may still come to a clean file when there are several.
        if (analysis.findings.empty() && !across_files) output::drop_text(*files[index]);
        if (across_files) {
          names[index] = {document.path, analysis.prose.prose, analysis.names};
          figures[index] = {document.path,
                            analyzers::claims::credited_figures(
                                analysis.prose.prose, analysis.segmentation, analysis.annotations)};
        }
        if (json_stream) finish_input(index);
      },
      std::cerr,
      [&](std::size_t index) {
        if (json_stream) finish_input(index);
      });

  std::optional<Severity> worst;
  if (json_stream) {
    json_stream->finish(batch.errors.size());
    worst = worst_written;
  } else {
    if (across_files) add_cross_file_findings(batch, names, figures, files);
    output::Report report;
    for (std::optional<output::FileReport>& file : files)
      if (file) report.files.push_back(std::move(*file));
    report.errors = batch.errors;
    report.rules = output::describe_rules(analyzers::rule_catalog());
    report.tool_version = kVersion;
    report.root_uri = root_uri();
    if (options.format == "json")
      output::write_json(report, std::cout);
    else
      std::cout << render(report, options);
    for (const output::FileReport& file : report.files)
      for (const analyzers::Finding& finding : file.findings)
        if (!worst || finding.severity > *worst) worst = finding.severity;
  }
  std::cout << std::flush;
  if (options.profile) {
    std::chrono::duration<double> wall = std::chrono::steady_clock::now() - started;
    print_profile(timings, analysed_bytes, analysed_files, wall.count(), std::cerr);
  }

  if (!batch.errors.empty() || batch.config_failed) return 2;
  const std::optional<Severity> threshold = fail_threshold(options.fail_on);
  if (!threshold) return 0;
  return worst && *worst >= *threshold ? 1 : 0;
}

}  // namespace copydesk::server::cli
