#include "server/output/report.hpp"

#include <algorithm>
#include <utility>

namespace copydesk::server::output {

namespace {

// The first prose paragraph of a rule's documentation section: after the "## id" heading and the
// "**Default severity:**" line, joined onto one line.
std::string first_paragraph(std::string_view doc) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) paragraphs.push_back(std::move(current));
    current.clear();
  };
  while (!doc.empty()) {
    const std::size_t newline = doc.find('\n');
    std::string_view line = doc.substr(0, newline);
    doc = newline == std::string_view::npos ? std::string_view() : doc.substr(newline + 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r'))
      line.remove_suffix(1);
    if (line.empty()) {
      flush();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  flush();
  for (const std::string& paragraph : paragraphs) {
    if (paragraph.starts_with("#") || paragraph.starts_with("**Default severity")) continue;
    return paragraph;
  }
  return {};
}

}  // namespace

FileReport make_file_report(std::string path, std::string text, analyzers::Dateline dateline,
                            std::vector<analyzers::Finding> findings) {
  FileReport file;
  file.path = std::move(path);
  file.text = std::move(text);
  file.size = file.text.size();
  file.lines = protocol::LineIndex(file.text);
  file.dateline = std::move(dateline);
  file.findings = std::move(findings);
  return file;
}

void drop_text(FileReport& file) {
  std::string().swap(file.text);
  file.lines = protocol::LineIndex(file.text);
}

std::vector<RuleDescriptor> describe_rules(const std::vector<analyzers::RuleInfo>& catalog) {
  std::vector<RuleDescriptor> rules;
  rules.reserve(catalog.size());
  for (const analyzers::RuleInfo& info : catalog) {
    RuleDescriptor rule;
    rule.id = std::string(info.id);
    rule.default_severity = info.default_severity;
    rule.enabled_by_default = info.enabled_by_default;
    rule.summary = std::string(info.summary);
    rule.description = first_paragraph(analyzers::rule_doc(info.id));
    if (rule.description.empty()) rule.description = rule.summary;
    rule.help_uri = analyzers::rule_doc_url(info.id);
    rules.push_back(std::move(rule));
  }
  return rules;
}

void add_to_summary(Summary& summary, const FileReport& file) {
  ++summary.files;
  if (!file.findings.empty()) ++summary.files_with_problems;
  summary.problems += file.findings.size();
  for (const analyzers::Finding& finding : file.findings)
    ++summary.by_severity[static_cast<std::size_t>(finding.severity)];
}

Summary summarize(const Report& report) {
  Summary summary;
  for (const FileReport& file : report.files)
    add_to_summary(summary, file);
  return summary;
}

TextPoint point_at(const FileReport& file, std::uint32_t offset,
                   protocol::PositionEncoding encoding) {
  const protocol::Position position = file.lines.position_of(file.text, offset, encoding);
  return {position.line + 1, position.character + 1};
}

TextRange range_of(const FileReport& file, analyzers::Span span,
                   protocol::PositionEncoding encoding) {
  // A reversed span from a buggy rule is shown empty at its start rather than backwards.
  const std::uint32_t end = std::max(span.start, span.end);
  return {point_at(file, span.start, encoding), point_at(file, end, encoding)};
}

bool is_in_file(const FileReport& file, const analyzers::RelatedSpan& related) {
  return related.path.empty() || related.path == file.path;
}

}  // namespace copydesk::server::output
