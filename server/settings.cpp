#include "server/settings.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <toml++/toml.h>

namespace copydesk::server {
namespace {

using analyzers::ConfigError;
using nlohmann::json;

constexpr std::string_view kPath = "settings";

bool is_server_only(std::string_view key) {
  return std::find(kServerOnlySettings.begin(), kServerOnlySettings.end(), key) !=
         kServerOnlySettings.end();
}

const json& section(const json& settings) {
  if (settings.is_object()) {
    if (const auto it = settings.find("copydesk"); it != settings.end() && it->is_object()) {
      return *it;
    }
  }
  return settings;
}

// Dotted keys spelled like the config parser's, so converter errors read the same.
std::string child_key(std::string_view parent, std::string_view name) {
  const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  std::string segment(name);
  if (!bare) {
    segment = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') segment += '\\';
      segment += c;
    }
    segment += "\"";
  }
  return parent.empty() ? segment : std::string(parent) + "." + segment;
}

void error(std::vector<ConfigError>& errors, std::string key, std::string message) {
  errors.push_back({std::string(kPath), 0, 0, std::move(key), std::move(message)});
}

struct Conversion {
  std::vector<ConfigError> errors;
  // For each list that lost entries: the original index of each entry kept.
  std::map<std::string, std::vector<std::size_t>> kept_indices;
};

toml::table convert_object(const json& object, const std::string& key, Conversion& conversion);

using Value = std::variant<bool, std::int64_t, double, std::string, toml::array, toml::table>;

// The TOML counterpart of `value`, or nullopt (reported) when TOML cannot hold it.
std::optional<Value> convert(const json& value, const std::string& key, Conversion& conversion) {
  switch (value.type()) {
    case json::value_t::boolean:
      return value.get<bool>();
    case json::value_t::number_integer:
      return value.get<std::int64_t>();
    case json::value_t::number_unsigned: {
      const auto number = value.get<std::uint64_t>();
      if (number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return static_cast<double>(number);
      }
      return static_cast<std::int64_t>(number);
    }
    case json::value_t::number_float:
      return value.get<double>();
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::array: {
      toml::array array;
      std::vector<std::size_t> kept;
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string element_key = key + "[" + std::to_string(i) + "]";
        if (value[i].is_null()) {
          error(conversion.errors, element_key, "expected a value, got null");
          continue;
        }
        if (auto element = convert(value[i], element_key, conversion)) {
          kept.push_back(i);
          std::visit([&](auto&& node) { array.push_back(std::move(node)); }, std::move(*element));
        }
      }
      if (kept.size() != value.size()) conversion.kept_indices[key] = std::move(kept);
      return array;
    }
    case json::value_t::object:
      return convert_object(value, key, conversion);
    default:
      error(conversion.errors, key, "expected a JSON value TOML can hold");
      return std::nullopt;
  }
}

// Null members are skipped: clients send null for settings left unset.
toml::table convert_object(const json& object, const std::string& key, Conversion& conversion) {
  toml::table table;
  for (const auto& item : object.items()) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const std::string& name = item.key();
    const json& child = item.value();
    if (child.is_null()) continue;
    if (auto converted = convert(child, child_key(key, name), conversion)) {
      std::visit([&](auto&& node) { table.insert_or_assign(name, std::move(node)); },
                 std::move(*converted));
    }
  }
  return table;
}

// The parser counts entries of the converted lists, which lack the nulls; the user counts
// entries of the JSON. Outer lists first: an inner list's key has the outer's original index.
void restore_indices(const Conversion& conversion, std::vector<ConfigError>& errors) {
  std::vector<const std::pair<const std::string, std::vector<std::size_t>>*> lists;
  for (const auto& entry : conversion.kept_indices)
    lists.push_back(&entry);
  std::stable_sort(lists.begin(), lists.end(),
                   [](const auto* a, const auto* b) { return a->first.size() < b->first.size(); });
  for (ConfigError& error : errors) {
    for (const auto* list : lists) {
      const std::string prefix = list->first + "[";
      if (!error.key.starts_with(prefix)) continue;
      const std::size_t close = error.key.find(']', prefix.size());
      if (close == std::string::npos) continue;
      const std::size_t index = std::stoul(error.key.substr(prefix.size(), close - prefix.size()));
      if (index >= list->second.size()) continue;
      error.key = prefix + std::to_string(list->second[index]) + error.key.substr(close);
    }
  }
}

}  // namespace

analyzers::ConfigParseResult config_from_lsp_settings(const json& settings) {
  const json& copydesk = section(settings);
  if (copydesk.is_null()) return {};
  if (!copydesk.is_object()) {
    analyzers::ConfigParseResult result;
    error(
        result.errors, "",
        std::string("expected the copydesk settings to be an object, got ") + copydesk.type_name());
    return result;
  }
  Conversion conversion;
  json analysis_keys = copydesk;
  for (std::string_view name : kServerOnlySettings)
    analysis_keys.erase(std::string(name));
  const toml::table table = convert_object(analysis_keys, "", conversion);
  analyzers::ConfigParseResult result = analyzers::parse_config(table, kPath);
  restore_indices(conversion, result.errors);
  result.errors.insert(result.errors.begin(), conversion.errors.begin(), conversion.errors.end());
  return result;
}

json server_only_settings(const json& settings) {
  json result = json::object();
  const json& copydesk = section(settings);
  if (!copydesk.is_object()) return result;
  for (const auto& [name, value] : copydesk.items()) {
    if (is_server_only(name)) result[name] = value;
  }
  return result;
}

}  // namespace copydesk::server
