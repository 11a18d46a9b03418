#include "analyzers/config.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "analyzers/rules.hpp"

using copydesk::analyzers::CalendarDate;
using copydesk::analyzers::Config;
using copydesk::analyzers::ConfigError;
using copydesk::analyzers::ConfigOverride;
using copydesk::analyzers::ConfigParseResult;
using copydesk::analyzers::EffectiveSettings;
using copydesk::analyzers::find_rule;
using copydesk::analyzers::glob_match;
using copydesk::analyzers::merge_configs;
using copydesk::analyzers::override_matches;
using copydesk::analyzers::parse_config;
using copydesk::analyzers::resolve_settings;
using copydesk::analyzers::rule_catalog;
using copydesk::analyzers::RuleSetting;
using copydesk::analyzers::Severity;
using copydesk::analyzers::suggest_rule_id;
using copydesk::analyzers::to_string;

namespace {

constexpr std::string_view kPath = "news/.copydesk.toml";

ConfigParseResult parse(std::string_view text) {
  return parse_config(text, kPath);
}

ConfigParseResult parse_clean(std::string_view text) {
  ConfigParseResult result = parse(text);
  for (const ConfigError& error : result.errors)
    FAIL_CHECK(to_string(error));
  return result;
}

// Parses text expected to hold exactly one error, and returns it.
ConfigError one_error(std::string_view text) {
  ConfigParseResult result = parse(text);
  CAPTURE(text);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].path == kPath);
  return result.errors[0];
}

void check_error(const ConfigError& error, int line, int column, std::string_view key,
                 std::string_view phrase) {
  CAPTURE(to_string(error));
  CHECK(error.line == line);
  CHECK(error.column == column);
  CHECK(error.key == key);
  CHECK(error.message.find(phrase) != std::string::npos);
}

const RuleSetting kOff{false, std::nullopt};
const RuleSetting kOn{true, std::nullopt};
RuleSetting at(Severity severity) {
  return {true, severity};
}

}  // namespace

TEST_CASE("every key of a full config") {
  const auto result = parse_clean(R"(
dateline = "2024-03-12"

[rules]
"quotes.unbalanced" = "error"
"dates.weekday-mismatch" = "off"
"suppression.unused" = "on"

[lists]
hedges = ["reportedly", "it is understood"]
attribution_verbs = ["averred"]
loaded_verbs = ["admitted", "claimed"]
known_sources = ["Reuters"]
trusted_sources = ["AP", "AFP"]
not_claims = ["Weather"]

[lists.spellings]
"Zelensky" = "Zelenskyy"
Kiev = "Kyiv"

[[override]]
files = ["opinion/**", "*.md"]
dateline = "2024-01-01"
[override.rules]
"dates.weekday-mismatch" = "hint"

[[override]]
files = ["wire/*.txt"]
)");
  const Config& config = result.config;
  CHECK(config.dateline == CalendarDate{2024, 3, 12});
  CHECK(config.rules.size() == 3);
  CHECK(config.rules.at("quotes.unbalanced") == at(Severity::error));
  CHECK(config.rules.at("dates.weekday-mismatch") == kOff);
  CHECK(config.rules.at("suppression.unused") == kOn);
  CHECK(config.lists.hedges == std::vector<std::string>{"reportedly", "it is understood"});
  CHECK(config.lists.attribution_verbs == std::vector<std::string>{"averred"});
  CHECK(config.lists.loaded_verbs == std::vector<std::string>{"admitted", "claimed"});
  CHECK(config.lists.known_sources == std::vector<std::string>{"Reuters"});
  CHECK(config.lists.trusted_sources == std::vector<std::string>{"AP", "AFP"});
  CHECK(config.lists.not_claims == std::vector<std::string>{"Weather"});
  CHECK(config.lists.spellings ==
        std::map<std::string, std::string>{{"Zelensky", "Zelenskyy"}, {"Kiev", "Kyiv"}});
  REQUIRE(config.overrides.size() == 2);
  CHECK(config.overrides[0].files == std::vector<std::string>{"opinion/**", "*.md"});
  CHECK(config.overrides[0].dateline == CalendarDate{2024, 1, 1});
  CHECK(config.overrides[0].rules ==
        std::map<std::string, RuleSetting>{{"dates.weekday-mismatch", at(Severity::hint)}});
  CHECK(config.overrides[1].files == std::vector<std::string>{"wire/*.txt"});
  CHECK_FALSE(config.overrides[1].dateline);
  CHECK(config.overrides[1].rules.empty());
}

TEST_CASE("an empty file, and comments only, give an empty config") {
  CHECK(parse_clean("").config == Config{});
  CHECK(parse_clean("# nothing yet\n\n").config == Config{});
}

TEST_CASE("every severity name, in any case") {
  const auto result = parse_clean(R"(
[rules]
"quotes.unbalanced" = "Warning"
"dates.weekday-mismatch" = "INFO"
"suppression.unused" = "hint"
)");
  CHECK(result.config.rules.at("quotes.unbalanced") == at(Severity::warning));
  CHECK(result.config.rules.at("dates.weekday-mismatch") == at(Severity::info));
  CHECK(result.config.rules.at("suppression.unused") == at(Severity::hint));
}

TEST_CASE("unquoted dotted rule ids and [rules.area] sections name the same rules") {
  const auto result = parse_clean(R"(
[rules]
quotes.unbalanced = "error"
[rules.dates]
weekday-mismatch = "off"
)");
  CHECK(result.config.rules.at("quotes.unbalanced") == at(Severity::error));
  CHECK(result.config.rules.at("dates.weekday-mismatch") == kOff);
}

TEST_CASE("a dateline may be a TOML date or date-time") {
  CHECK(parse_clean("dateline = 2024-03-12").config.dateline == CalendarDate{2024, 3, 12});
  CHECK(parse_clean("dateline = 2024-03-12T09:30:00Z").config.dateline ==
        CalendarDate{2024, 3, 12});
  CHECK(parse_clean("dateline = \"2024-02-29\"").config.dateline == CalendarDate{2024, 2, 29});
}

TEST_CASE("list entries are trimmed; an override's files may be one string") {
  const auto result = parse_clean(R"(
lists.hedges = ["  allegedly "]
[[override]]
files = "opinion/**"
)");
  CHECK(result.config.lists.hedges == std::vector<std::string>{"allegedly"});
  REQUIRE(result.config.overrides.size() == 1);
  CHECK(result.config.overrides[0].files == std::vector<std::string>{"opinion/**"});
}

TEST_CASE("a syntax error leaves an empty config and one positioned error") {
  const auto result = parse("dateline = \"2024-03-12\"\n[rules]\n\"quotes.unbalanced\" = \n");
  CHECK(result.config == Config{});
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].path == kPath);
  CHECK(result.errors[0].line == 3);
  CHECK(result.errors[0].column > 0);
  CHECK(result.errors[0].key.empty());
  CHECK_FALSE(result.errors[0].message.empty());

  const auto duplicate = parse("dateline = \"2024-03-12\"\ndateline = \"2024-03-13\"\n");
  CHECK(duplicate.config == Config{});
  REQUIRE(duplicate.errors.size() == 1);
  CHECK(duplicate.errors[0].line == 2);
}

TEST_CASE("unknown keys are reported at the key, with a suggestion, and skipped") {
  check_error(one_error("dateline = \"2024-03-12\"\ndatline = \"2024-03-12\""), 2, 1, "datline",
              "unknown key \"datline\" (did you mean \"dateline\"?)");
  check_error(one_error("[rule]\n\"quotes.unbalanced\" = \"error\""), 1, 2, "rule",
              "did you mean \"rules\"?");
  check_error(one_error("[[overrides]]\nfiles = [\"*.md\"]"), 1, 3, "overrides",
              "did you mean \"override\"?");
  check_error(one_error("[lists]\nhedge = [\"reportedly\"]"), 2, 1, "lists.hedge",
              "did you mean \"hedges\"?");
  check_error(one_error("[lists]\nhedges = [\"maybe\"]\ncolour = [\"x\"]"), 3, 1, "lists.colour",
              "unknown key \"colour\"");
  check_error(one_error("[[override]]\nfiles = [\"*.md\"]\nlists.hedges = [\"x\"]"), 3, 1,
              "override[0].lists", "an override may set only files, dateline and rules");

  const auto result = parse("colour = \"blue\"\ndateline = \"2024-03-12\"");
  CHECK(result.config.dateline == CalendarDate{2024, 3, 12});
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].message.find("did you mean") == std::string::npos);
}

TEST_CASE("wrong value types are reported at the value and skipped") {
  check_error(one_error("dateline = 20240312"), 1, 12, "dateline",
              "expected a date (YYYY-MM-DD), got an integer");
  check_error(one_error("rules = [\"quotes.unbalanced\"]"), 1, 9, "rules",
              "expected a table of rule ids, got an array");
  check_error(one_error("[rules]\n\"quotes.unbalanced\" = 2"), 2, 23, "rules.\"quotes.unbalanced\"",
              "expected a severity string, got an integer");
  check_error(one_error("[rules]\n\"quotes.unbalanced\" = false"), 2, 23,
              "rules.\"quotes.unbalanced\"", "got a boolean");
  check_error(one_error("[rules.\"quotes.unbalanced\"]\nseverity = \"error\""), 1, 1,
              "rules.\"quotes.unbalanced\"", "expected a severity string, got a table");
  check_error(one_error("lists = [1]"), 1, 9, "lists", "expected a table of lists, got an array");
  check_error(one_error("[lists]\nhedges = \"reportedly\""), 2, 10, "lists.hedges",
              "expected an array of strings, got a string");
  check_error(one_error("[lists]\nspellings = [\"Kyiv\"]"), 2, 13, "lists.spellings",
              "expected a table of variant = \"house spelling\", got an array");
  check_error(one_error("[lists.spellings]\nKiev = 1.5"), 2, 8, "lists.spellings.Kiev",
              "expected a string, got a float");
  check_error(one_error("[override]\nfiles = [\"*.md\"]"), 1, 1, "override",
              "expected an array of tables ([[override]]), got a table");
  check_error(one_error("override = [\"*.md\"]"), 1, 13, "override[0]",
              "expected a table, got a string");
  check_error(one_error("[[override]]\nfiles = 3"), 2, 9, "override[0].files",
              "expected an array of strings, got an integer");
}

TEST_CASE("a bad list entry is skipped and the rest of the list applies") {
  const auto result = parse("[lists]\nhedges = [\"reportedly\", 7, \"  \", \"allegedly\"]");
  CHECK(result.config.lists.hedges == std::vector<std::string>{"reportedly", "allegedly"});
  REQUIRE(result.errors.size() == 2);
  check_error(result.errors[0], 2, 25, "lists.hedges[1]", "expected a string, got an integer");
  check_error(result.errors[1], 2, 28, "lists.hedges[2]", "empty");
}

TEST_CASE("bad severities, dates and rule ids are reported and skipped") {
  const auto result = parse(R"(dateline = "2024-02-30"
[rules]
"quotes.unbalanced" = "fatal"
"quotes.unbalance" = "error"
"nonsense.rule" = "off"
"dates.weekday-mismatch" = "error"
)");
  CHECK_FALSE(result.config.dateline);
  CHECK(result.config.rules ==
        std::map<std::string, RuleSetting>{{"dates.weekday-mismatch", at(Severity::error)}});
  REQUIRE(result.errors.size() == 4);
  // The parser visits keys in sorted order.
  check_error(result.errors[0], 1, 12, "dateline",
              "\"2024-02-30\" is not a valid date; expected YYYY-MM-DD");
  check_error(result.errors[1], 5, 1, "rules.\"nonsense.rule\"", "unknown rule \"nonsense.rule\"");
  CHECK(result.errors[1].message.find("did you mean") == std::string::npos);
  check_error(result.errors[2], 4, 1, "rules.\"quotes.unbalance\"",
              "unknown rule \"quotes.unbalance\" (did you mean \"quotes.unbalanced\"?)");
  check_error(
      result.errors[3], 3, 23, "rules.\"quotes.unbalanced\"",
      R"("fatal" is not a severity; expected "error", "warning", "info", "hint", "on" or "off")");
}

TEST_CASE("an unknown rule written unquoted is reported under its whole id") {
  check_error(one_error("[rules]\nquotes.unbalanse = \"error\""), 2, 8,
              "rules.\"quotes.unbalanse\"", "did you mean \"quotes.unbalanced\"?");
}

TEST_CASE("errors inside overrides name the override by index") {
  const auto result = parse(R"([[override]]
files = ["a/**"]
[[override]]
files = ["b/**", 4]
dateline = "March"
[override.rules]
"quotes.unbalanced" = "loud"
"dates.weekday-mismatc" = "off"
)");
  REQUIRE(result.config.overrides.size() == 2);
  CHECK(result.config.overrides[1].files == std::vector<std::string>{"b/**"});
  CHECK_FALSE(result.config.overrides[1].dateline);
  CHECK(result.config.overrides[1].rules.empty());
  REQUIRE(result.errors.size() == 4);
  check_error(result.errors[0], 5, 12, "override[1].dateline", "\"March\" is not a valid date");
  check_error(result.errors[1], 4, 18, "override[1].files[1]", "expected a string");
  check_error(result.errors[2], 8, 1, "override[1].rules.\"dates.weekday-mismatc\"",
              "did you mean \"dates.weekday-mismatch\"?");
  check_error(result.errors[3], 7, 23, "override[1].rules.\"quotes.unbalanced\"",
              "\"loud\" is not a severity");
}

TEST_CASE("an override without usable files is reported and dropped") {
  auto result = parse("[[override]]\ndateline = \"2024-01-01\"\n");
  CHECK(result.config.overrides.empty());
  REQUIRE(result.errors.size() == 1);
  check_error(result.errors[0], 1, 1, "override[0]", "needs files");

  result = parse("[[override]]\nfiles = []\n");
  CHECK(result.config.overrides.empty());
  REQUIRE(result.errors.size() == 1);
  check_error(result.errors[0], 2, 9, "override[0].files", "applies to nothing");

  // Its only glob is bad: that error is enough.
  result = parse("[[override]]\nfiles = [1]\n");
  CHECK(result.config.overrides.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].key == "override[0].files[0]");
}

TEST_CASE("odd keys are quoted in error keys") {
  check_error(one_error("[lists.spellings]\n\"U.S.\" = 1"), 2, 10, "lists.spellings.\"U.S.\"",
              "expected a string");
  check_error(one_error("[lists.spellings]\n\"\" = \"x\""), 2, 1, "lists.spellings.\"\"",
              "empty variant");
}

TEST_CASE("to_string of a config error") {
  CHECK(to_string(ConfigError{"a/.copydesk.toml", 3, 7, "rules.x", "bad"}) ==
        "a/.copydesk.toml:3:7: rules.x: bad");
  CHECK(to_string(ConfigError{"settings", 0, 0, "dateline", "bad"}) == "settings: dateline: bad");
  CHECK(to_string(ConfigError{"f.toml", 2, 1, "", "syntax"}) == "f.toml:2:1: syntax");
}

TEST_CASE("merge_configs: overlay wins, lists append without duplicates") {
  Config base;
  base.dateline = CalendarDate{2024, 1, 1};
  base.rules["quotes.unbalanced"] = at(Severity::error);
  base.rules["dates.weekday-mismatch"] = kOff;
  base.lists.hedges = {"reportedly", "allegedly"};
  base.lists.not_claims = {"Weather"};
  base.lists.spellings = {{"Kiev", "Kyiv"}, {"Zelensky", "Zelenskyy"}};
  base.overrides.push_back(ConfigOverride{{"a/**"}, {}, std::nullopt});

  Config overlay;
  overlay.rules["dates.weekday-mismatch"] = kOn;
  overlay.lists.hedges = {"allegedly", "purportedly"};
  overlay.lists.attribution_verbs = {"averred"};
  overlay.lists.loaded_verbs = {"admitted"};
  overlay.lists.known_sources = {"Reuters"};
  overlay.lists.trusted_sources = {"AP"};
  overlay.lists.spellings = {{"Zelensky", "Zelenskiy"}};
  overlay.overrides.push_back(ConfigOverride{{"b/**"}, {}, std::nullopt});

  const Config merged = merge_configs(base, overlay);
  CHECK(merged.dateline == CalendarDate{2024, 1, 1});
  CHECK(merged.rules.at("quotes.unbalanced") == at(Severity::error));
  CHECK(merged.rules.at("dates.weekday-mismatch") == kOn);
  CHECK(merged.lists.hedges == std::vector<std::string>{"reportedly", "allegedly", "purportedly"});
  CHECK(merged.lists.attribution_verbs == std::vector<std::string>{"averred"});
  CHECK(merged.lists.loaded_verbs == std::vector<std::string>{"admitted"});
  CHECK(merged.lists.known_sources == std::vector<std::string>{"Reuters"});
  CHECK(merged.lists.trusted_sources == std::vector<std::string>{"AP"});
  CHECK(merged.lists.not_claims == std::vector<std::string>{"Weather"});
  CHECK(merged.lists.spellings.at("Zelensky") == "Zelenskiy");
  CHECK(merged.lists.spellings.at("Kiev") == "Kyiv");
  REQUIRE(merged.overrides.size() == 2);
  CHECK(merged.overrides[0].files[0] == "a/**");
  CHECK(merged.overrides[1].files[0] == "b/**");

  overlay.dateline = CalendarDate{2025, 5, 5};
  CHECK(merge_configs(base, overlay).dateline == CalendarDate{2025, 5, 5});
  CHECK(merge_configs(Config{}, base) == base);
  CHECK(merge_configs(base, Config{}) == base);
}

TEST_CASE("resolve_settings applies matching overrides in order") {
  const auto result = parse_clean(R"(
dateline = "2024-03-12"
[rules]
"quotes.unbalanced" = "error"
[lists]
hedges = ["reportedly"]

[[override]]
files = ["opinion/**", "*.md"]
dateline = "2024-01-01"
[override.rules]
"dates.weekday-mismatch" = "off"
"quotes.unbalanced" = "hint"

[[override]]
files = ["opinion/letters/**"]
[override.rules]
"quotes.unbalanced" = "off"
)");
  const Config& config = result.config;

  const EffectiveSettings plain = resolve_settings(config, "news/story.txt");
  CHECK(plain.dateline == CalendarDate{2024, 3, 12});
  CHECK(plain.rules ==
        std::map<std::string, RuleSetting>{{"quotes.unbalanced", at(Severity::error)}});
  CHECK(plain.lists.hedges == std::vector<std::string>{"reportedly"});

  const EffectiveSettings opinion = resolve_settings(config, "opinion/column.txt");
  CHECK(opinion.dateline == CalendarDate{2024, 1, 1});
  CHECK(opinion.rules.at("dates.weekday-mismatch") == kOff);
  CHECK(opinion.rules.at("quotes.unbalanced") == at(Severity::hint));
  CHECK(opinion.lists.hedges == std::vector<std::string>{"reportedly"});

  // "*.md" has no slash, so it matches Markdown files in any folder.
  CHECK(resolve_settings(config, "news/deep/story.md").dateline == CalendarDate{2024, 1, 1});

  // Both overrides match; the later one wins where they overlap.
  const EffectiveSettings letter = resolve_settings(config, "opinion/letters/2024/a.txt");
  CHECK(letter.rules.at("quotes.unbalanced") == kOff);
  CHECK(letter.rules.at("dates.weekday-mismatch") == kOff);
  CHECK(letter.dateline == CalendarDate{2024, 1, 1});

  CHECK(resolve_settings(config, "./opinion/x.txt").dateline == CalendarDate{2024, 1, 1});
  CHECK(resolve_settings(Config{}, "a.txt").rules.empty());
}

TEST_CASE("severity_for uses the catalog's defaults unless configured") {
  EffectiveSettings settings;
  for (const auto& rule : rule_catalog()) {
    CAPTURE(rule.id);
    if (rule.enabled_by_default) {
      CHECK(settings.severity_for(rule.id) == rule.default_severity);
    } else {
      CHECK_FALSE(settings.severity_for(rule.id));
    }
  }

  const auto* quotes = find_rule("quotes.unbalanced");
  REQUIRE(quotes);
  settings.rules["quotes.unbalanced"] = kOff;
  CHECK_FALSE(settings.severity_for("quotes.unbalanced"));
  settings.rules["quotes.unbalanced"] = kOn;
  CHECK(settings.severity_for("quotes.unbalanced") == quotes->default_severity);
  settings.rules["quotes.unbalanced"] = at(Severity::hint);
  CHECK(settings.severity_for("quotes.unbalanced") == Severity::hint);

  // A rule that is off by default is on once configured.
  for (const auto& rule : rule_catalog()) {
    if (rule.enabled_by_default) continue;
    CAPTURE(rule.id);
    settings.rules[std::string(rule.id)] = kOn;
    CHECK(settings.severity_for(rule.id) == rule.default_severity);
    settings.rules[std::string(rule.id)] = at(Severity::error);
    CHECK(settings.severity_for(rule.id) == Severity::error);
  }

  // Not in the catalog: still visible.
  CHECK(settings.severity_for("no.such-rule") == Severity::warning);
}

TEST_CASE("glob_match: stars, question marks and double stars") {
  CHECK(glob_match("*.md", "story.md"));
  CHECK(glob_match("*.md", ".md"));
  CHECK_FALSE(glob_match("*.md", "news/story.md"));
  CHECK_FALSE(glob_match("*.md", "story.mdx"));
  CHECK(glob_match("news/*", "news/a.txt"));
  CHECK_FALSE(glob_match("news/*", "news/a/b.txt"));
  CHECK_FALSE(glob_match("news/*", "news"));
  CHECK(glob_match("st?ry.txt", "story.txt"));
  CHECK_FALSE(glob_match("st?ry.txt", "stry.txt"));
  CHECK_FALSE(glob_match("a?b", "a/b"));
  CHECK(glob_match("?.txt", "é.txt"));  // one character of two bytes
  CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
  CHECK_FALSE(glob_match("*a*b*c", "xxaxxcxxb"));
  CHECK(glob_match("**", "a/b/c.txt"));
  CHECK(glob_match("**", "c.txt"));
  CHECK(glob_match("**/x.txt", "x.txt"));
  CHECK(glob_match("**/x.txt", "a/b/x.txt"));
  CHECK_FALSE(glob_match("**/x.txt", "a/bx.txt"));
  CHECK(glob_match("opinion/**", "opinion/a.txt"));
  CHECK(glob_match("opinion/**", "opinion/a/b/c.txt"));
  CHECK_FALSE(glob_match("opinion/**", "opinions/a.txt"));
  CHECK(glob_match("a/**/b/*.md", "a/b/x.md"));
  CHECK(glob_match("a/**/b/*.md", "a/1/2/b/x.md"));
  CHECK_FALSE(glob_match("a/**/b/*.md", "a/1/2/c/x.md"));
  CHECK(glob_match("a/**/**/b", "a/b"));
  CHECK(glob_match("a**b", "axxb"));  // not a whole segment: just stars
  CHECK_FALSE(glob_match("a**b", "a/b"));
  CHECK(glob_match("exact.txt", "exact.txt"));
  CHECK_FALSE(glob_match("exact.txt", "Exact.txt"));
  CHECK_FALSE(glob_match("", "a"));
}

TEST_CASE("glob_match: character classes and escapes") {
  CHECK(glob_match("draft[0-9].md", "draft7.md"));
  CHECK_FALSE(glob_match("draft[0-9].md", "draftx.md"));
  CHECK(glob_match("[abc].txt", "b.txt"));
  CHECK_FALSE(glob_match("[abc].txt", "d.txt"));
  CHECK(glob_match("[!abc].txt", "d.txt"));
  CHECK(glob_match("[^abc].txt", "d.txt"));
  CHECK_FALSE(glob_match("[!abc].txt", "a.txt"));
  CHECK(glob_match("[]x].txt", "].txt"));
  CHECK(glob_match("[a-c-].txt", "-.txt"));
  CHECK(glob_match("[é].txt", "é.txt"));
  CHECK_FALSE(glob_match("[/]", "/"));  // classes never match the separator: segments split first
  CHECK(glob_match("a[b", "a[b"));      // unterminated: a literal '['
  CHECK(glob_match("\\*.txt", "*.txt"));
  CHECK_FALSE(glob_match("\\*.txt", "a.txt"));
  CHECK(glob_match("*[0-9]", "chapter12"));
}

TEST_CASE("override globs: a slashless glob matches in any folder, '/' and './' anchor") {
  CHECK(override_matches("*.md", "a.md"));
  CHECK(override_matches("*.md", "news/a.md"));
  CHECK(override_matches("/*.md", "a.md"));
  CHECK_FALSE(override_matches("/*.md", "news/a.md"));
  CHECK(override_matches("./*.md", "a.md"));
  CHECK_FALSE(override_matches("./*.md", "news/a.md"));
  CHECK(override_matches("opinion/", "opinion/a.md"));
  CHECK(override_matches("opinion/", "sections/opinion/a.md"));
  CHECK_FALSE(override_matches("/opinion/", "sections/opinion/a.md"));
  CHECK(override_matches("opinion/*.md", "opinion/a.md"));
  CHECK_FALSE(override_matches("opinion/*.md", "sections/opinion/a.md"));
  CHECK(override_matches("**/opinion/*.md", "sections/opinion/a.md"));
  CHECK(override_matches("story.txt", "./story.txt"));
}

TEST_CASE("suggest_rule_id") {
  CHECK(suggest_rule_id("quotes.unbalance") == "quotes.unbalanced");
  CHECK(suggest_rule_id("dates.weekday-mismatc") == "dates.weekday-mismatch");
  CHECK(suggest_rule_id("entirely.different-thing").empty());
}
