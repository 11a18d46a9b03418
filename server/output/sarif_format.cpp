#include "server/output/sarif_format.hpp"

#include <algorithm>
#include <map>

#include "server/output/json_format.hpp"

namespace copydesk::server::output {

namespace {

using analyzers::Severity;
using json = nlohmann::ordered_json;

constexpr std::string_view kSourceRoot = "%SRCROOT%";

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::hint:
      return "note";
  }
  return "warning";
}

// RFC 3986 percent-encoding of a path: everything but unreserved characters and '/'.
std::string encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : path) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return encoded;
}

// An absolute path becomes a file:// URI; a relative one stays relative to %SRCROOT%.
json artifact_location(std::string_view path, bool has_root, std::optional<std::size_t> index) {
  json location;
  if (path.starts_with('/')) {
    location["uri"] = "file://" + encode_path(path);
  } else {
    location["uri"] = encode_path(path);
    if (has_root) location["uriBaseId"] = kSourceRoot;
  }
  if (index) location["index"] = *index;
  return location;
}

json region(const FileReport& file, analyzers::Span span) {
  const TextRange range = range_of(file, span);
  return {{"startLine", range.start.line},
          {"startColumn", range.start.column},
          {"endLine", range.end.line},
          {"endColumn", range.end.column}};
}

std::string_view text_of(const FileReport& file, std::size_t start, std::size_t end) {
  start = std::min(start, file.text.size());
  end = std::clamp(end, start, file.text.size());
  return std::string_view(file.text).substr(start, end - start);
}

// The finding's region with its text, and the whole lines around it, so that viewers can show
// the finding without the file at hand.
json physical_location(const FileReport& file, const json& artifact, analyzers::Span span) {
  json location{{"artifactLocation", artifact}, {"region", region(file, span)}};
  location["region"]["snippet"] = {{"text", text_of(file, span.start, span.end)}};
  const std::size_t first_line = file.lines.line_of(span.start);
  const std::size_t last_line = file.lines.line_of(std::max(span.start, span.end));
  const std::size_t context_start = file.lines.line_start(first_line);
  const std::size_t context_end = file.lines.line_content_end(file.text, last_line);
  json context = region(
      file, {static_cast<std::uint32_t>(context_start), static_cast<std::uint32_t>(context_end)});
  context["snippet"] = {{"text", text_of(file, context_start, context_end)}};
  location["contextRegion"] = std::move(context);
  return location;
}

// PascalCase of the id's parts: "quotes.unbalanced" -> "QuotesUnbalanced".
std::string rule_name(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '.' || c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

json rule_json(const RuleDescriptor& rule) {
  json descriptor{{"id", rule.id}, {"name", rule_name(rule.id)}};
  if (!rule.summary.empty()) descriptor["shortDescription"] = {{"text", rule.summary}};
  if (!rule.description.empty()) {
    // The description is Markdown from docs/rules.md: viewers that render Markdown get it as
    // written, the others get it without code marks.
    std::string plain = rule.description;
    std::erase(plain, '`');
    json description{{"text", plain}};
    if (plain != rule.description) description["markdown"] = rule.description;
    descriptor["fullDescription"] = std::move(description);
  }
  if (!rule.help_uri.empty()) descriptor["helpUri"] = rule.help_uri;
  json configuration{{"level", sarif_level(rule.default_severity)}};
  if (!rule.enabled_by_default) configuration["enabled"] = false;
  descriptor["defaultConfiguration"] = std::move(configuration);
  return descriptor;
}

json result_json(const FileReport& file, std::size_t artifact_index, bool has_root,
                 const analyzers::Finding& finding, std::size_t rule_index) {
  json result{{"ruleId", finding.rule},
              {"ruleIndex", rule_index},
              {"level", sarif_level(finding.severity)},
              {"message", {{"text", finding.message}}}};
  const json artifact = artifact_location(file.path, has_root, artifact_index);
  result["locations"] =
      json::array({{{"physicalLocation", physical_location(file, artifact, finding.span)}}});
  if (!finding.related.empty()) {
    json related = json::array();
    std::size_t id = 1;
    for (const analyzers::RelatedSpan& span : finding.related) {
      json location{{"id", id++}};
      if (is_in_file(file, span)) {
        location["physicalLocation"] = {{"artifactLocation", artifact},
                                        {"region", region(file, span.span)}};
      } else {
        location["physicalLocation"] = {
            {"artifactLocation", artifact_location(span.path, has_root, std::nullopt)}};
      }
      location["message"] = {{"text", span.message}};
      related.push_back(std::move(location));
    }
    result["relatedLocations"] = std::move(related);
  }
  if (!finding.fixes.empty()) {
    json fixes = json::array();
    for (const analyzers::Fix& fix : finding.fixes) {
      json replacements = json::array();
      for (const analyzers::TextEdit& edit : fix.edits)
        replacements.push_back({{"deletedRegion", region(file, edit.span)},
                                {"insertedContent", {{"text", edit.replacement}}}});
      fixes.push_back({{"description", {{"text", fix.title}}},
                       {"artifactChanges", json::array({{{"artifactLocation", artifact},
                                                         {"replacements", replacements}}})}});
    }
    result["fixes"] = std::move(fixes);
  }
  return result;
}

}  // namespace

std::string format_sarif(const Report& report) {
  const bool has_root = !report.root_uri.empty();

  // The catalog's rules first, in order, so ruleIndex is stable; then any other id a finding
  // carries, so that every result still has its rule.
  std::vector<RuleDescriptor> rules = report.rules;
  std::map<std::string, std::size_t, std::less<>> rule_index;
  for (std::size_t i = 0; i < rules.size(); ++i)
    rule_index.emplace(rules[i].id, i);
  for (const FileReport& file : report.files) {
    for (const analyzers::Finding& finding : file.findings) {
      if (rule_index.contains(finding.rule)) continue;
      rule_index.emplace(finding.rule, rules.size());
      RuleDescriptor unknown;
      unknown.id = finding.rule;
      unknown.default_severity = finding.severity;
      rules.push_back(std::move(unknown));
    }
  }

  json driver{{"name", "copydesk"},
              {"version", report.tool_version},
              {"informationUri", kProjectUrl},
              {"rules", json::array()}};
  for (const RuleDescriptor& rule : rules)
    driver["rules"].push_back(rule_json(rule));

  json artifacts = json::array();
  json results = json::array();
  for (std::size_t i = 0; i < report.files.size(); ++i) {
    const FileReport& file = report.files[i];
    artifacts.push_back({{"location", artifact_location(file.path, has_root, std::nullopt)},
                         {"length", file.size}});
    for (const analyzers::Finding& finding : file.findings)
      results.push_back(result_json(file, i, has_root, finding, rule_index.at(finding.rule)));
  }

  json invocation{{"executionSuccessful", report.errors.empty()}};
  if (!report.errors.empty()) {
    json notifications = json::array();
    for (const InputError& error : report.errors) {
      notifications.push_back(
          {{"level", "error"},
           {"message", {{"text", "Cannot read " + error.path + ": " + error.message + "."}}},
           {"locations",
            json::array({{{"physicalLocation",
                           {{"artifactLocation",
                             artifact_location(error.path, has_root, std::nullopt)}}}}})}});
    }
    invocation["toolExecutionNotifications"] = std::move(notifications);
  }

  json run{{"tool", {{"driver", std::move(driver)}}}};
  if (has_root) run["originalUriBaseIds"] = {{kSourceRoot, {{"uri", report.root_uri}}}};
  run["artifacts"] = std::move(artifacts);
  run["invocations"] = json::array({std::move(invocation)});
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  const json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", json::array({std::move(run)})}};
  return dump_json(log, 2) + "\n";
}

}  // namespace copydesk::server::output
