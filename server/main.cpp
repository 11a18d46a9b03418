// The copydesk executable: the language server (default, `lsp`, `--stdio`) and the command-line
// tools (`check`, `annotate`, `rules`, `explain`).
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "server/cli/annotate_command.hpp"
#include "server/cli/check_command.hpp"
#include "server/cli/rules_command.hpp"
#include "server/logging.hpp"
#include "server/lsp_server.hpp"
#include "server/version.hpp"

namespace {

using namespace copydesk::server;

int run_language_server(const ServerOptions& options) {
  // A client that goes away must not kill us with SIGPIPE mid-write; the write fails instead.
  ::signal(SIGPIPE, SIG_IGN);
  LspServer server(STDIN_FILENO, STDOUT_FILENO, options);
  return server.run();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"copydesk: dates, attributions and claims in news copy, for editors and CI"};
  app.set_version_flag("--version", std::string("copydesk ") + kVersion);

  LogOptions log;
  ServerOptions server;
  bool stdio = false;
  std::uint64_t debounce_ms = 100;
  // Above the document limit, so that a too-large document still arrives and is told so.
  std::uint64_t max_message_mib = 256;
  std::uint64_t max_document_mib = kDefaultMaxDocumentBytes >> 20;
  app.add_option("--log-level", log.level, "trace, debug, info, warn, error or off")
      ->capture_default_str();
  app.add_option("--log-file", log.file, "Also log to this file");

  auto add_server_options = [&](CLI::App& command) {
    command.add_flag("--stdio", stdio, "Talk LSP over stdin/stdout (the default)");
    command.add_option("--debounce-ms", debounce_ms, "Delay analysis after an edit by this much")
        ->capture_default_str();
    command
        .add_option("--max-message-mib", max_message_mib, "Reject LSP messages larger than this")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    command.add_option("--workers", server.workers, "Analysis threads (0: one per core)")
        ->capture_default_str();
    command
        .add_option("--max-document-mib", max_document_mib,
                    "Keep larger documents in sync but do not analyse them")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
  };
  add_server_options(app);
  CLI::App* lsp = app.add_subcommand("lsp", "Run the language server over stdio (the default)");
  add_server_options(*lsp);

  cli::CheckOptions check;
  CLI::App* check_command = cli::add_check_command(app, check);
  cli::AnnotateOptions annotate;
  CLI::App* annotate_command = cli::add_annotate_command(app, annotate);
  CLI::App* rules_command = app.add_subcommand("rules", "List the rules");
  std::string explain_id;
  CLI::App* explain_command = app.add_subcommand("explain", "Print a rule's documentation");
  explain_command->add_option("rule", explain_id, "Rule id, e.g. quotes.unbalanced")->required();
  app.require_subcommand(0, 1);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // --help and --version exit 0; every usage error exits 2, as the CLI promises.
    return app.exit(error) == 0 ? 0 : 2;
  }
  if (!setup_logging(log)) return 2;

  if (check_command->parsed()) return cli::run_check(check);
  if (annotate_command->parsed()) return cli::run_annotate(annotate);
  if (rules_command->parsed()) return cli::run_rules(std::cout);
  if (explain_command->parsed()) return cli::run_explain(explain_id, std::cout, std::cerr);

  server.debounce = std::chrono::milliseconds(debounce_ms);
  server.framing.max_content_length = static_cast<std::size_t>(max_message_mib) << 20;
  server.max_document_bytes = static_cast<std::size_t>(max_document_mib) << 20;
  return run_language_server(server);
}
