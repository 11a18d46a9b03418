#include "server/cli/input_options.hpp"

#include "analyzers/dateline.hpp"

namespace copydesk::server::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("paths", options.paths, "Files and folders to read, or - for stdin")
      ->required()
      ->type_name("PATH");
  command
      .add_option("--include", options.includes,
                  "Check files in folders that match GLOB (repeatable; default: *.txt, *.md, "
                  "*.markdown). A GLOB with no / matches file names at any depth")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  command
      .add_option("--exclude", options.excludes,
                  "Skip files and folders that match GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  command
      .add_option("--stdin-filename", options.stdin_filename,
                  "Name for stdin (-), for format detection, config lookup and output")
      ->type_name("NAME");
  command
      .add_option("--max-document-mib", options.max_document_mib,
                  "Skip larger documents, naming them on stderr (exit code 2)")
      ->type_name("N")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{4096}));
  command.add_option("--jobs,-j", options.jobs, "Documents to analyze at once (default: cores)")
      ->type_name("N")
      ->check(CLI::Range(1u, 4096u));
  CLI::Option* config =
      command.add_option("--config", options.config, "Use this config file instead of looking")
          ->type_name("FILE");
  command.add_flag("--no-config", options.no_config, "Use no config file")->excludes(config);
  command
      .add_option("--dateline", options.dateline,
                  "Reference date for every document, overriding headers and config")
      ->type_name("YYYY-MM-DD")
      ->check(
          [](const std::string& value) -> std::string {
            if (analyzers::parse_iso_date(value)) return {};
            return "expected a date as YYYY-MM-DD, got '" + value + "'";
          },
          "");
}

BatchOptions to_batch_options(const InputOptions& options) {
  BatchOptions batch;
  batch.paths = options.paths;
  batch.discovery.includes = options.includes;
  batch.discovery.excludes = options.excludes;
  if (!options.stdin_filename.empty()) batch.discovery.stdin_filename = options.stdin_filename;
  batch.jobs = options.jobs;
  if (!options.config.empty()) batch.config = options.config;
  batch.no_config = options.no_config;
  batch.max_document_bytes = options.max_document_mib << 20;
  if (!options.dateline.empty()) batch.dateline = analyzers::parse_iso_date(options.dateline);
  return batch;
}

}  // namespace copydesk::server::cli
