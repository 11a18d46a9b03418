// Fuzz target: analyze() on an arbitrary document (any bytes: invalid UTF-8, NULs, stray
// Markdown) under a configuration derived from the input: rule severities or off, a dateline
// override, a config dateline, a `.copydesk.toml` fragment with its overrides and house lists,
// and a file path for the overrides to match. The result must keep its invariants through every
// server feature (fuzz_support.hpp).
//
// Input: flags, choices for the features, the config parts, then the document to the end.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "analyzers/dateline.hpp"
#include "analyzers/rules.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using namespace copydesk;

enum Flag : std::uint8_t {
  markdown = 1,
  dateline_override = 2,
  config_dateline = 4,
  rule_settings = 8,
  toml_fragment = 16,
};

// A date the way --dateline or the config spells it; parse_iso_date decides whether it is one,
// so only dates a user could give get through.
std::optional<analyzers::CalendarDate> date_from(fuzz::FuzzInput& input) {
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04u-%02u-%02u", input.number(9999), input.number(13),
                input.number(32));
  return analyzers::parse_iso_date(iso);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  const std::uint8_t flags = input.byte();
  const std::string choice_bytes = input.bytes(12);
  fuzz::FuzzInput choices(reinterpret_cast<const std::uint8_t*>(choice_bytes.data()),
                          choice_bytes.size());

  analyzers::AnalysisOptions options;
  if (flags & dateline_override) options.dateline_override = date_from(input);
  analyzers::Config config;
  if (flags & config_dateline) config.dateline = date_from(input);
  if (flags & rule_settings) {
    for (const analyzers::RuleInfo& rule : analyzers::rule_catalog()) {
      const std::uint32_t level = input.number(5);  // 0: not set, 1: off, 2-5: a severity
      if (level == 1) config.rules[std::string(rule.id)] = {false, std::nullopt};
      if (level >= 2)
        config.rules[std::string(rule.id)] = {true, static_cast<analyzers::Severity>(level - 2)};
    }
  }
  if (flags & toml_fragment) {
    analyzers::ConfigParseResult parsed = analyzers::parse_config(input.text(1024), "fuzz.toml");
    for (const analyzers::ConfigError& error : parsed.errors)
      (void)analyzers::to_string(error);
    config = analyzers::merge_configs(config, parsed.config);
  }
  static const char* const kPaths[] = {"story.txt", "drafts/story.md", "wire/a/b.markdown", ""};
  analyzers::Document document;
  document.path = kPaths[input.number(3)];
  options.settings = analyzers::resolve_settings(config, document.path);
  document.format = (flags & markdown) ? analyzers::DocumentFormat::markdown
                                       : analyzers::DocumentFormat::plain_text;
  document.text = input.rest();

  const analyzers::Analysis analysis = analyzers::analyze(document, options);
  fuzz::check_analysis(document, analysis, fuzz::encoding_from(choices.byte()), choices);
  return 0;
}
