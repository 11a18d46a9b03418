#include "analyzers/config.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <toml++/toml.h>

#include "analyzers/dateline.hpp"
#include "analyzers/rules.hpp"

// The forward declaration in config.hpp must name toml++'s own class.
static_assert(std::is_same_v<toml::table, toml::v3::table>);

namespace copydesk::analyzers {
namespace {

constexpr std::array<std::string_view, 4> kTopLevelKeys = {"dateline", "rules", "lists",
                                                           "override"};
constexpr std::array<std::string_view, 3> kOverrideKeys = {"files", "dateline", "rules"};
constexpr std::array<std::string_view, 7> kListKeys = {
    "hedges",          "attribution_verbs", "loaded_verbs", "known_sources",
    "trusted_sources", "not_claims",        "spellings"};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The candidate nearest to `word`, if it is close enough to be a plausible typo.
template <typename Candidates>
std::string_view nearest(std::string_view word, const Candidates& candidates) {
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance && distance < std::max(word.size(), candidate.size())) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

bool is_bare_key(std::string_view key) {
  return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

// Dotted keys as TOML would spell them, so users can search their file for them.
std::string child_key(std::string_view parent, std::string_view name) {
  std::string segment = is_bare_key(name) ? std::string(name) : quoted(name);
  return parent.empty() ? segment : std::string(parent) + "." + segment;
}

std::string index_key(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

class Parser {
 public:
  Parser(std::string_view path, std::vector<ConfigError>& errors) : path_(path), errors_(errors) {}

  Config parse(const toml::table& root) {
    Config config;
    for (auto&& [name, node] : root) {
      const std::string key = child_key("", name.str());
      if (name == "dateline") {
        config.dateline = date(node, key);
      } else if (name == "rules") {
        rules(node, key, config.rules);
      } else if (name == "lists") {
        lists(node, key, config.lists);
      } else if (name == "override") {
        overrides(node, key, config.overrides);
      } else {
        unknown_key(name, key, kTopLevelKeys, "");
      }
    }
    return config;
  }

 private:
  void error(const toml::source_region& where, std::string key, std::string message) {
    errors_.push_back({path_, static_cast<int>(where.begin.line),
                       static_cast<int>(where.begin.column), std::move(key), std::move(message)});
  }

  void wrong_type(const toml::node& node, const std::string& key, std::string_view expected) {
    error(node.source(), key,
          "expected " + std::string(expected) + ", got " + std::string(type_name(node)));
  }

  template <typename Candidates>
  void unknown_key(const toml::key& name, const std::string& key, const Candidates& known,
                   std::string_view hint) {
    std::string message = "unknown key " + quoted(name.str());
    if (const auto suggestion = nearest(name.str(), known); !suggestion.empty()) {
      message += " (did you mean " + quoted(suggestion) + "?)";
    }
    if (!hint.empty()) message += "; " + std::string(hint);
    error(name.source(), key, std::move(message));
  }

  std::optional<CalendarDate> date(const toml::node& node, const std::string& key) {
    if (const auto* text = node.as_string()) {
      if (auto parsed = parse_iso_date(text->get())) return parsed;
      error(node.source(), key, quoted(text->get()) + " is not a valid date; expected YYYY-MM-DD");
      return std::nullopt;
    }
    // A bare TOML date (dateline = 2024-03-12) is as good as a string.
    std::optional<toml::date> native;
    if (const auto* value = node.as_date()) native = value->get();
    if (const auto* value = node.as_date_time()) native = value->get().date;
    if (native) return CalendarDate{native->year, native->month, native->day};
    wrong_type(node, key, "a date (YYYY-MM-DD)");
    return std::nullopt;
  }

  void rules(const toml::node& node, const std::string& key,
             std::map<std::string, RuleSetting>& out) {
    const auto* table = node.as_table();
    if (!table) return wrong_type(node, key, "a table of rule ids");
    rules_in(*table, "", key, out);
  }

  // An unquoted `quotes.unbalanced = "error"` (or a [rules.quotes] section) nests tables, so
  // nested keys are joined back into the rule id.
  void rules_in(const toml::table& table, const std::string& prefix, const std::string& rules_key,
                std::map<std::string, RuleSetting>& out) {
    for (auto&& [name, node] : table) {
      const std::string id =
          prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
      const std::string key = child_key(rules_key, id);
      const RuleInfo* rule = find_rule(id);
      if (!rule && node.is_table()) {
        rules_in(*node.as_table(), id, rules_key, out);
        continue;
      }
      if (!rule) {
        std::string message = "unknown rule " + quoted(id);
        if (const auto suggestion = suggest_rule_id(id); !suggestion.empty()) {
          message += " (did you mean " + quoted(suggestion) + "?)";
        }
        error(name.source(), key, std::move(message));
        continue;
      }
      if (auto setting = rule_setting(node, key)) out[id] = *setting;
    }
  }

  std::optional<RuleSetting> rule_setting(const toml::node& node, const std::string& key) {
    const auto* text = node.as_string();
    if (!text) {
      wrong_type(node, key, "a severity string");
      return std::nullopt;
    }
    const std::string name = lowercase(trim(text->get()));
    if (name == "off") return RuleSetting{false, std::nullopt};
    if (name == "on") return RuleSetting{true, std::nullopt};
    if (name == "error") return RuleSetting{true, Severity::error};
    if (name == "warning") return RuleSetting{true, Severity::warning};
    if (name == "info") return RuleSetting{true, Severity::info};
    if (name == "hint") return RuleSetting{true, Severity::hint};
    error(node.source(), key,
          quoted(text->get()) +
              R"( is not a severity; expected "error", "warning", "info", "hint", "on" or "off")");
    return std::nullopt;
  }

  void lists(const toml::node& node, const std::string& key, HouseLists& out) {
    const auto* table = node.as_table();
    if (!table) return wrong_type(node, key, "a table of lists");
    for (auto&& [name, child] : *table) {
      const std::string child_key_text = child_key(key, name.str());
      std::vector<std::string>* list = nullptr;
      if (name == "hedges") list = &out.hedges;
      if (name == "attribution_verbs") list = &out.attribution_verbs;
      if (name == "loaded_verbs") list = &out.loaded_verbs;
      if (name == "known_sources") list = &out.known_sources;
      if (name == "trusted_sources") list = &out.trusted_sources;
      if (name == "not_claims") list = &out.not_claims;
      if (list) {
        strings(child, child_key_text, *list);
      } else if (name == "spellings") {
        spellings(child, child_key_text, out.spellings);
      } else {
        unknown_key(name, child_key_text, kListKeys, "");
      }
    }
  }

  // Appends each valid entry; a bad entry is reported and skipped.
  void strings(const toml::node& node, const std::string& key, std::vector<std::string>& out) {
    const auto* array = node.as_array();
    if (!array) return wrong_type(node, key, "an array of strings");
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      if (auto text = entry(element, index_key(key, i))) out.push_back(std::move(*text));
    }
  }

  std::optional<std::string> entry(const toml::node& node, const std::string& key) {
    const auto* text = node.as_string();
    if (!text) {
      wrong_type(node, key, "a string");
      return std::nullopt;
    }
    const std::string_view trimmed = trim(text->get());
    if (trimmed.empty()) {
      error(node.source(), key, "an empty entry matches nothing");
      return std::nullopt;
    }
    return std::string(trimmed);
  }

  void spellings(const toml::node& node, const std::string& key,
                 std::map<std::string, std::string>& out) {
    const auto* table = node.as_table();
    if (!table) return wrong_type(node, key, "a table of variant = \"house spelling\"");
    for (auto&& [name, child] : *table) {
      const std::string child_key_text = child_key(key, name.str());
      if (trim(name.str()).empty()) {
        error(name.source(), child_key_text, "an empty variant matches nothing");
        continue;
      }
      if (auto spelling = entry(child, child_key_text)) out[std::string(name.str())] = *spelling;
    }
  }

  void overrides(const toml::node& node, const std::string& key, std::vector<ConfigOverride>& out) {
    const auto* array = node.as_array();
    if (!array) return wrong_type(node, key, "an array of tables ([[override]])");
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& element = *array->get(i);
      const std::string element_key = index_key(key, i);
      const auto* table = element.as_table();
      if (!table) {
        wrong_type(element, element_key, "a table");
        continue;
      }
      if (auto parsed = override_table(*table, element_key)) out.push_back(std::move(*parsed));
    }
  }

  // nullopt when the override has no usable files: it could never apply.
  std::optional<ConfigOverride> override_table(const toml::table& table, const std::string& key) {
    ConfigOverride result;
    const toml::node* files = nullptr;
    for (auto&& [name, child] : table) {
      const std::string child_key_text = child_key(key, name.str());
      if (name == "files") {
        files = &child;
        // One glob on its own is a common shorthand for a list of one.
        if (child.is_string()) {
          if (auto glob = entry(child, child_key_text)) result.files.push_back(std::move(*glob));
        } else {
          strings(child, child_key_text, result.files);
        }
      } else if (name == "dateline") {
        result.dateline = date(child, child_key_text);
      } else if (name == "rules") {
        rules(child, child_key_text, result.rules);
      } else {
        unknown_key(name, child_key_text, kOverrideKeys,
                    "an override may set only files, dateline and rules");
      }
    }
    if (!files) {
      error(table.source(), key,
            "an override needs files = [\"glob\", ...]; it applies to nothing");
      return std::nullopt;
    }
    if (files->is_array() && files->as_array()->empty()) {
      error(files->source(), child_key(key, "files"), "no globs; this override applies to nothing");
    }
    if (result.files.empty()) return std::nullopt;
    return result;
  }

  std::string path_;
  std::vector<ConfigError>& errors_;
};

template <typename T>
void append_unique(std::vector<T>& to, const std::vector<T>& from) {
  for (const T& item : from) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

// One UTF-8 sequence's length from its lead byte, so '?' and classes match characters.
std::size_t sequence_length(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 1;
  if ((lead & 0xE0) == 0xC0) length = 2;
  if ((lead & 0xF0) == 0xE0) length = 3;
  if ((lead & 0xF8) == 0xF0) length = 4;
  return std::min(length, text.size() - at);
}

char32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (length == 1) return lead;
  char32_t code = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  }
  return code;
}

// Matches the class starting at pattern[at] == '[' against one character. Returns the index just
// past the class and whether it matched, or nullopt when the class is unterminated (then '[' is
// a literal).
std::optional<std::pair<std::size_t, bool>> match_class(std::string_view pattern, std::size_t at,
                                                        char32_t character) {
  std::size_t i = at + 1;
  bool negate = false;
  if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pattern.size()) {
    if (pattern[i] == ']' && !first) return std::pair{i + 1, matched != negate};
    first = false;
    if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
    std::size_t length = sequence_length(pattern, i);
    const char32_t low = decode(pattern, i, length);
    i += length;
    char32_t high = low;
    if (i + 1 < pattern.size() && pattern[i] == '-' && pattern[i + 1] != ']') {
      ++i;
      if (pattern[i] == '\\' && i + 1 < pattern.size()) ++i;
      length = sequence_length(pattern, i);
      high = decode(pattern, i, length);
      i += length;
    }
    if (low <= character && character <= high) matched = true;
  }
  return std::nullopt;
}

// One path segment against one pattern segment; '*' backtracks to the last star only, which
// suffices because a later star can absorb anything an earlier one could.
bool match_segment(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star_p = std::string_view::npos;
  std::size_t star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      const std::size_t length = sequence_length(text, t);
      if (c == '?') {
        ++p;
        t += length;
        continue;
      }
      if (c == '[') {
        if (auto result = match_class(pattern, p, decode(text, t, length))) {
          if (result->second) {
            p = result->first;
            t += length;
            continue;
          }
        } else if (text[t] == '[') {
          ++p;
          ++t;
          continue;
        }
      } else {
        std::size_t literal = p;
        if (c == '\\' && p + 1 < pattern.size()) literal = p + 1;
        if (pattern[literal] == text[t]) {
          p = literal + 1;
          ++t;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    star_t += sequence_length(text, star_t);
    t = star_t;
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    segments.push_back(path.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return segments;
}

bool match_segments(const std::vector<std::string_view>& pattern, std::size_t p,
                    const std::vector<std::string_view>& path, std::size_t t) {
  while (p < pattern.size()) {
    if (pattern[p] == "**") {
      while (p + 1 < pattern.size() && pattern[p + 1] == "**")
        ++p;
      if (p + 1 == pattern.size()) return true;
      for (std::size_t skip = t; skip <= path.size(); ++skip) {
        if (match_segments(pattern, p + 1, path, skip)) return true;
      }
      return false;
    }
    if (t == path.size() || !match_segment(pattern[p], path[t])) return false;
    ++p;
    ++t;
  }
  return t == path.size();
}

}  // namespace

std::string to_string(const ConfigError& error) {
  std::string out = error.path;
  if (error.line > 0) {
    out += ":" + std::to_string(error.line);
    if (error.column > 0) out += ":" + std::to_string(error.column);
  }
  out += ": ";
  if (!error.key.empty()) out += error.key + ": ";
  return out + error.message;
}

ConfigParseResult parse_config(std::string_view toml_text, std::string_view path) {
  ConfigParseResult result;
  toml::table table;
#if TOML_EXCEPTIONS
  try {
    table = toml::parse(toml_text, std::string(path));
  } catch (const toml::parse_error& failure) {
    const auto& where = failure.source().begin;
    result.errors.push_back({std::string(path), static_cast<int>(where.line),
                             static_cast<int>(where.column), "",
                             std::string(failure.description())});
    return result;
  }
#else
  toml::parse_result parsed = toml::parse(toml_text, std::string(path));
  if (!parsed) {
    const auto& where = parsed.error().source().begin;
    result.errors.push_back({std::string(path), static_cast<int>(where.line),
                             static_cast<int>(where.column), "",
                             std::string(parsed.error().description())});
    return result;
  }
  table = std::move(parsed).table();
#endif
  return parse_config(table, path);
}

ConfigParseResult parse_config(const toml::table& table, std::string_view path) {
  ConfigParseResult result;
  result.config = Parser(path, result.errors).parse(table);
  return result;
}

Config merge_configs(const Config& base, const Config& overlay) {
  Config merged = base;
  if (overlay.dateline) merged.dateline = overlay.dateline;
  for (const auto& [id, setting] : overlay.rules)
    merged.rules[id] = setting;
  append_unique(merged.lists.hedges, overlay.lists.hedges);
  append_unique(merged.lists.attribution_verbs, overlay.lists.attribution_verbs);
  append_unique(merged.lists.loaded_verbs, overlay.lists.loaded_verbs);
  append_unique(merged.lists.known_sources, overlay.lists.known_sources);
  append_unique(merged.lists.trusted_sources, overlay.lists.trusted_sources);
  append_unique(merged.lists.not_claims, overlay.lists.not_claims);
  for (const auto& [variant, spelling] : overlay.lists.spellings) {
    merged.lists.spellings[variant] = spelling;
  }
  merged.overrides.insert(merged.overrides.end(), overlay.overrides.begin(),
                          overlay.overrides.end());
  return merged;
}

std::optional<Severity> EffectiveSettings::severity_for(std::string_view rule) const {
  const RuleInfo* info = find_rule(rule);
  // A rule missing from the catalog is a bug elsewhere; its findings stay visible.
  const Severity fallback = info ? info->default_severity : Severity::warning;
  // A linear scan: the map holds at most the catalog's few rules, and find() would first build
  // a std::string of the id (longer than the small-string buffer, so an allocation).
  for (const auto& [id, setting] : rules) {
    if (id != rule) continue;
    if (!setting.enabled) return std::nullopt;
    return setting.severity.value_or(fallback);
  }
  if (info && !info->enabled_by_default) return std::nullopt;
  return fallback;
}

EffectiveSettings resolve_settings(const Config& config, std::string_view relative_path) {
  EffectiveSettings settings{config.dateline, config.rules, config.lists};
  for (const ConfigOverride& entry : config.overrides) {
    const bool applies =
        std::any_of(entry.files.begin(), entry.files.end(),
                    [&](const std::string& glob) { return override_matches(glob, relative_path); });
    if (!applies) continue;
    if (entry.dateline) settings.dateline = entry.dateline;
    for (const auto& [id, setting] : entry.rules)
      settings.rules[id] = setting;
  }
  return settings;
}

bool override_matches(std::string_view glob, std::string_view relative_path) {
  while (relative_path.starts_with("./"))
    relative_path.remove_prefix(2);
  bool anchored = false;
  if (glob.starts_with('/')) {
    anchored = true;
    glob.remove_prefix(1);
  }
  while (glob.starts_with("./")) {
    anchored = true;
    glob.remove_prefix(2);
  }
  const bool below = glob.ends_with('/');
  if (below) glob.remove_suffix(1);
  std::string pattern;
  if (!anchored && glob.find('/') == std::string_view::npos) pattern = "**/";
  pattern += glob;
  if (below) pattern += "/**";
  return glob_match(pattern, relative_path);
}

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_segments(split_path(pattern), 0, split_path(path), 0);
}

std::string_view suggest_rule_id(std::string_view unknown) {
  std::vector<std::string_view> ids;
  for (const RuleInfo& rule : rule_catalog())
    ids.push_back(rule.id);
  if (std::string_view near = nearest(unknown, ids); !near.empty()) return near;
  // A bare name without its area ("unbalanced") still points at "quotes.unbalanced".
  for (std::string_view id : ids)
    if (!unknown.empty() && id.size() > unknown.size() && id.ends_with(unknown) &&
        id[id.size() - unknown.size() - 1] == '.')
      return id;
  return {};
}

}  // namespace copydesk::analyzers
