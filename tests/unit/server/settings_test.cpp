#include "server/settings.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using copydesk::analyzers::CalendarDate;
using copydesk::analyzers::Config;
using copydesk::analyzers::ConfigError;
using copydesk::analyzers::ConfigParseResult;
using copydesk::analyzers::parse_config;
using copydesk::analyzers::RuleSetting;
using copydesk::analyzers::Severity;
using copydesk::analyzers::to_string;
using copydesk::server::config_from_lsp_settings;
using copydesk::server::server_only_settings;
using nlohmann::json;

namespace {

ConfigParseResult convert_clean(const json& settings) {
  ConfigParseResult result = config_from_lsp_settings(settings);
  for (const ConfigError& error : result.errors)
    FAIL_CHECK(to_string(error));
  return result;
}

ConfigError one_error(const json& settings) {
  ConfigParseResult result = config_from_lsp_settings(settings);
  CAPTURE(settings.dump());
  REQUIRE(result.errors.size() == 1);
  const ConfigError& error = result.errors[0];
  CHECK(error.path == "settings");
  CHECK(error.line == 0);
  CHECK(error.column == 0);
  return error;
}

void check_error(const ConfigError& error, std::string_view key, std::string_view phrase) {
  CAPTURE(to_string(error));
  CHECK(error.key == key);
  CHECK(error.message.find(phrase) != std::string::npos);
}

}  // namespace

TEST_CASE("the same keys as .copydesk.toml give the same config") {
  const json settings = json::parse(R"({
    "dateline": "2024-03-12",
    "rules": {"quotes.unbalanced": "error", "dates.weekday-mismatch": "off"},
    "lists": {
      "hedges": ["reportedly"],
      "attribution_verbs": ["averred"],
      "loaded_verbs": ["admitted"],
      "known_sources": ["Reuters"],
      "trusted_sources": ["AP"],
      "not_claims": ["Weather"],
      "spellings": {"Zelensky": "Zelenskyy"}
    },
    "override": [
      {"files": ["opinion/**", "*.md"], "dateline": "2024-01-01",
       "rules": {"dates.weekday-mismatch": "on"}}
    ]
  })");
  const auto from_toml = parse_config(R"(
dateline = "2024-03-12"
[rules]
"quotes.unbalanced" = "error"
"dates.weekday-mismatch" = "off"
[lists]
hedges = ["reportedly"]
attribution_verbs = ["averred"]
loaded_verbs = ["admitted"]
known_sources = ["Reuters"]
trusted_sources = ["AP"]
not_claims = ["Weather"]
spellings = { "Zelensky" = "Zelenskyy" }
[[override]]
files = ["opinion/**", "*.md"]
dateline = "2024-01-01"
rules = { "dates.weekday-mismatch" = "on" }
)",
                                      "x.toml");
  REQUIRE(from_toml.errors.empty());
  const auto result = convert_clean(settings);
  CHECK(result.config == from_toml.config);
  CHECK(result.config.dateline == CalendarDate{2024, 3, 12});
  CHECK(result.config.overrides.at(0).rules.at("dates.weekday-mismatch") ==
        RuleSetting{true, std::nullopt});
}

TEST_CASE("server-only keys are skipped by the converter and returned separately") {
  const json settings = {{"debounceMs", 250},
                         {"inlayHints", true},
                         {"highlightsAsDiagnostics", false},
                         {"codeLens", {{"enabled", true}}},
                         {"trace", {{"server", "verbose"}}},
                         {"dateline", "2024-03-12"}};
  const auto result = convert_clean(settings);
  CHECK(result.config.dateline == CalendarDate{2024, 3, 12});
  const json server = server_only_settings(settings);
  CHECK(server == json{{"debounceMs", 250},
                       {"inlayHints", true},
                       {"highlightsAsDiagnostics", false},
                       {"codeLens", {{"enabled", true}}},
                       {"trace", {{"server", "verbose"}}}});
  CHECK(server_only_settings(json{{"dateline", "2024-03-12"}}) == json::object());
  CHECK(server_only_settings(json()) == json::object());
  CHECK(server_only_settings(json{{"copydesk", {{"debounceMs", 5}}}}) == json{{"debounceMs", 5}});
}

TEST_CASE("a whole settings object is unwrapped to its copydesk section") {
  const auto result = convert_clean(json{{"copydesk", {{"dateline", "2024-03-12"}}}});
  CHECK(result.config.dateline == CalendarDate{2024, 3, 12});
}

TEST_CASE("null means not set") {
  CHECK(convert_clean(json()).config == Config{});
  CHECK(convert_clean(json::object()).config == Config{});
  const auto result = convert_clean(
      json{{"dateline", nullptr}, {"rules", {{"quotes.unbalanced", nullptr}}}, {"lists", nullptr}});
  CHECK(result.config == Config{});
}

TEST_CASE("settings that are not an object") {
  check_error(one_error(json("copydesk")), "",
              "expected the copydesk settings to be an object, got string");
  check_error(one_error(json::array()), "", "got array");
}

TEST_CASE("nested rule objects name dotted rule ids") {
  const auto result = convert_clean(json{{"rules", {{"quotes", {{"unbalanced", "hint"}}}}}});
  CHECK(result.config.rules.at("quotes.unbalanced") == RuleSetting{true, Severity::hint});
}

TEST_CASE("wrong JSON types are reported with dotted keys and skipped") {
  check_error(one_error(json{{"dateline", 20240312}}), "dateline",
              "expected a date (YYYY-MM-DD), got an integer");
  check_error(one_error(json{{"dateline", "12 March"}}), "dateline", "is not a valid date");
  check_error(one_error(json{{"rules", json::array({"quotes.unbalanced"})}}), "rules",
              "expected a table of rule ids, got an array");
  check_error(one_error(json{{"rules", {{"quotes.unbalanced", true}}}}),
              "rules.\"quotes.unbalanced\"", "expected a severity string, got a boolean");
  check_error(one_error(json{{"rules", {{"quotes.unbalanced", 2.5}}}}),
              "rules.\"quotes.unbalanced\"", "got a float");
  check_error(one_error(json{{"rules", {{"quotes.unbalanced", "loud"}}}}),
              "rules.\"quotes.unbalanced\"", "\"loud\" is not a severity");
  check_error(one_error(json{{"rules", {{"quotes.unbalance", "off"}}}}),
              "rules.\"quotes.unbalance\"", "did you mean \"quotes.unbalanced\"?");
  check_error(one_error(json{{"lists", "reportedly"}}), "lists",
              "expected a table of lists, got a string");
  check_error(one_error(json{{"lists", {{"hedges", "reportedly"}}}}), "lists.hedges",
              "expected an array of strings, got a string");
  check_error(one_error(json{{"lists", {{"spellings", {{"Kiev", 1}}}}}}), "lists.spellings.Kiev",
              "expected a string, got an integer");
  check_error(one_error(json{{"override", {{"files", {"*.md"}}}}}), "override",
              "expected an array of tables ([[override]]), got a table");
  check_error(one_error(json{{"override", {{{"files", 3}}}}}), "override[0].files",
              "expected an array of strings, got an integer");
  check_error(one_error(json{{"override", json::array({"*.md"})}}), "override[0]",
              "expected a table, got a string");
  check_error(one_error(json{{"debounce", 100}}), "debounce", "unknown key \"debounce\"");
  check_error(one_error(json{{"lists", {{"hedges", {18446744073709551615ull}}}}}),
              "lists.hedges[0]", "got a float");
}

TEST_CASE("the rest applies around a bad entry; null in a list is an error") {
  const auto result = config_from_lsp_settings(
      json{{"dateline", "2024-03-12"},
           {"lists", {{"hedges", json::array({"reportedly", nullptr, 3, "allegedly"})}}}});
  CHECK(result.config.dateline == CalendarDate{2024, 3, 12});
  CHECK(result.config.lists.hedges == std::vector<std::string>{"reportedly", "allegedly"});
  REQUIRE(result.errors.size() == 2);
  check_error(result.errors[0], "lists.hedges[1]", "expected a value, got null");
  // Numbered as in the JSON, though the null was dropped before parsing.
  check_error(result.errors[1], "lists.hedges[2]", "expected a string, got an integer");
}

TEST_CASE("indices stay the JSON's in lists nested in lists that lost nulls") {
  const auto result = config_from_lsp_settings(json::parse(R"({"override": [
    null,
    {"files": ["a/**"]},
    {"files": [null, "b/**", 7], "dateline": "nope"}
  ]})"));
  REQUIRE(result.config.overrides.size() == 2);
  CHECK(result.config.overrides[1].files == std::vector<std::string>{"b/**"});
  REQUIRE(result.errors.size() == 4);
  check_error(result.errors[0], "override[0]", "got null");
  check_error(result.errors[1], "override[2].files[0]", "got null");
  check_error(result.errors[2], "override[2].dateline", "\"nope\" is not a valid date");
  check_error(result.errors[3], "override[2].files[2]", "expected a string, got an integer");
}
