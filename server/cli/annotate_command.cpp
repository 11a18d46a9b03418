#include "server/cli/annotate_command.hpp"

#include <iostream>
#include <optional>

#include "server/output/annotations_format.hpp"

namespace copydesk::server::cli {

CLI::App* add_annotate_command(CLI::App& app, AnnotateOptions& options) {
  CLI::App* command =
      app.add_subcommand("annotate", "Print each document's annotations as JSON Lines");
  add_input_options(*command, options.inputs);
  return command;
}

int run_annotate(const AnnotateOptions& options) {
  const BatchOptions batch_options = to_batch_options(options.inputs);
  Batch batch = prepare_batch(batch_options, std::cerr);

  std::vector<std::optional<std::string>> lines(batch.inputs.size());
  run_batch(
      batch, batch_options.jobs,
      [&](std::size_t index, const analyzers::Document& document,
          const analyzers::Analysis& analysis) {
        const output::FileReport file = output::make_file_report(
            document.path, document.text, analysis.dateline, analysis.findings);
        lines[index] = output::format_annotation_line(file, analysis.annotations);
      },
      std::cerr);

  for (const std::optional<std::string>& line : lines)
    if (line) std::cout << *line;
  std::cout << std::flush;
  return batch.errors.empty() && !batch.config_failed ? 0 : 2;
}

}  // namespace copydesk::server::cli
