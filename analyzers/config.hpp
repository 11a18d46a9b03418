// Configuration: `.copydesk.toml` (and the same keys from LSP settings), parsed from text with no
// I/O. Finding the file is the server's job.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/document.hpp"

// toml++ 3.x declares `table` in its ABI namespace `toml::v3` (with the library's default
// TOML_ABI_NAMESPACES=1), so this forward declaration names the same class and keeps toml++ out
// of this header; config.cpp static_asserts that it matches.
namespace toml {
inline namespace v3 {
class table;
}  // namespace v3
}  // namespace toml

namespace copydesk::analyzers {

struct ConfigError {
  std::string path;  // the config file, or "settings" for LSP settings
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;
  std::string key;  // dotted key, e.g. rules."quotes.unbalanced" or override[0].files[1]
  std::string message;
  friend bool operator==(const ConfigError&, const ConfigError&) = default;
};
std::string to_string(const ConfigError& error);  // "path:line:column: key: message"

// A rule's configured level: a severity, or off.
struct RuleSetting {
  bool enabled = true;
  std::optional<Severity> severity;  // nullopt with enabled: the rule's default severity
  friend bool operator==(const RuleSetting&, const RuleSetting&) = default;
};

// House lists that recognizers consult, added to their built-in lists.
struct HouseLists {
  std::vector<std::string> hedges;               // extra hedge words and phrases
  std::vector<std::string> attribution_verbs;    // accepted attribution verbs
  std::vector<std::string> loaded_verbs;         // verbs the loaded-verb rule flags
  std::vector<std::string> known_sources;        // names of sources, e.g. "Reuters"
  std::vector<std::string> trusted_sources;      // wire services whose reports need no caveat
  std::vector<std::string> not_claims;           // words and phrases that are never claims
  std::map<std::string, std::string> spellings;  // variant -> house spelling
  friend bool operator==(const HouseLists&, const HouseLists&) = default;
};

struct ConfigOverride {
  // Globs relative to the config's folder, as written. As in .gitignore and EditorConfig, a glob
  // with no '/' matches a file name in any folder ("*.md"); a leading '/' or "./" anchors it to
  // the config's folder; a trailing '/' means everything below.
  std::vector<std::string> files;
  std::map<std::string, RuleSetting> rules;
  std::optional<CalendarDate> dateline;
  friend bool operator==(const ConfigOverride&, const ConfigOverride&) = default;
};

struct Config {
  std::optional<CalendarDate> dateline;  // default dateline
  std::map<std::string, RuleSetting> rules;
  HouseLists lists;
  std::vector<ConfigOverride> overrides;
  friend bool operator==(const Config&, const Config&) = default;
};

struct ConfigParseResult {
  Config config;
  std::vector<ConfigError> errors;  // each bad key is reported and skipped; the rest applies
};

// `path` names the source in errors. A TOML syntax error yields an empty config and that error.
ConfigParseResult parse_config(std::string_view toml_text, std::string_view path);
// Validates an already-built table (LSP settings converted from JSON); nodes without a source
// position give errors with line 0.
ConfigParseResult parse_config(const toml::table& table, std::string_view path);

// Merges `overlay` onto `base`: overlay's dateline and rule settings win, lists are appended
// (without duplicates), spellings are merged with overlay's winning, overrides are concatenated
// (base's first).
Config merge_configs(const Config& base, const Config& overlay);

// What applies to one file.
struct EffectiveSettings {
  std::optional<CalendarDate> dateline;
  std::map<std::string, RuleSetting> rules;
  HouseLists lists;

  // The severity a finding of `rule` gets, or nullopt when the rule is off.
  std::optional<Severity> severity_for(std::string_view rule) const;
};

// Settings for the file at `relative_path` ('/'-separated, relative to the config's folder):
// the config's top-level settings, then each override whose `files` match, in order.
EffectiveSettings resolve_settings(const Config& config, std::string_view relative_path);

// Whether an override glob (with the anchoring rules of ConfigOverride::files) matches.
bool override_matches(std::string_view glob, std::string_view relative_path);

// Glob match on '/'-separated paths: '*' any run within a path segment, '?' one character,
// '**' as a whole segment any number of segments (including none: "**/x" matches "x"),
// [abc], [a-z] and [!a] (or [^a]) one character of a class, '\' escapes the next character.
bool glob_match(std::string_view pattern, std::string_view path);

// The catalog rule id nearest to a misspelled one, for "did you mean" hints; empty if none is
// close.
std::string_view suggest_rule_id(std::string_view unknown);

}  // namespace copydesk::analyzers
