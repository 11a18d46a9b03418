#include "server/output/json_format.hpp"

#include <sstream>

namespace copydesk::server::output {

using json = nlohmann::ordered_json;

json dateline_json(const analyzers::Dateline& dateline) {
  if (!dateline.date) return nullptr;
  return json{{"value", analyzers::to_iso(*dateline.date)},
              {"source", analyzers::to_string(dateline.source)}};
}

void add_position_fields(json& object, const FileReport& file, analyzers::Span span) {
  const TextRange range = range_of(file, span);
  object["start"] = span.start;
  object["end"] = span.end;
  object["line"] = range.start.line;
  object["column"] = range.start.column;
  object["end_line"] = range.end.line;
  object["end_column"] = range.end.column;
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

namespace {

json diagnostic_json(const FileReport& file, const analyzers::Finding& finding) {
  json diagnostic{{"rule", finding.rule},
                  {"severity", analyzers::to_string(finding.severity)},
                  {"message", finding.message}};
  add_position_fields(diagnostic, file, finding.span);
  json related = json::array();
  for (const analyzers::RelatedSpan& span : finding.related) {
    json entry{{"message", span.message}};
    if (is_in_file(file, span)) {
      add_position_fields(entry, file, span.span);
    } else {
      // Another document: its text is not here, so only its offsets can be given.
      entry["path"] = span.path;
      entry["start"] = span.span.start;
      entry["end"] = span.span.end;
    }
    related.push_back(std::move(entry));
  }
  diagnostic["related"] = std::move(related);
  json fixes = json::array();
  for (const analyzers::Fix& fix : finding.fixes) {
    json edits = json::array();
    for (const analyzers::TextEdit& edit : fix.edits)
      edits.push_back(
          {{"start", edit.span.start}, {"end", edit.span.end}, {"replacement", edit.replacement}});
    fixes.push_back({{"title", fix.title}, {"edits", std::move(edits)}});
  }
  diagnostic["fixes"] = std::move(fixes);
  return diagnostic;
}

}  // namespace

std::string format_json(const Report& report) {
  std::ostringstream out;
  write_json(report, out);
  return std::move(out).str();
}

void write_json(const Report& report, std::ostream& stream) {
  // Written file by file, the way dump(2) would write the whole tree: one DOM for a corpus of
  // thousands of files would take several times the output's size in memory.
  std::string out = "{\n  \"version\": 1,\n  \"files\": ";
  if (report.files.empty()) out += "[]";
  for (std::size_t i = 0; i < report.files.size(); ++i) {
    const FileReport& file = report.files[i];
    json diagnostics = json::array();
    for (const analyzers::Finding& finding : file.findings)
      diagnostics.push_back(diagnostic_json(file, finding));
    const json entry{{"path", file.path},
                     {"dateline", dateline_json(file.dateline)},
                     {"diagnostics", std::move(diagnostics)}};
    out += i == 0 ? "[\n    " : ",\n    ";
    // JSON strings never hold a raw newline, so every newline is the layout's: indent it.
    for (char c : dump_json(entry, 2)) {
      out += c;
      if (c == '\n') out += "    ";
    }
    if (i + 1 == report.files.size()) out += "\n  ]";
    stream << out;
    out.clear();
  }
  const Summary summary = summarize(report);
  json summary_json{{"files", summary.files},
                    {"files_with_problems", summary.files_with_problems},
                    {"problems", summary.problems},
                    {"errors", summary.count(analyzers::Severity::error)},
                    {"warnings", summary.count(analyzers::Severity::warning)},
                    {"info", summary.count(analyzers::Severity::info)},
                    {"hints", summary.count(analyzers::Severity::hint)},
                    {"unreadable", report.errors.size()}};
  out += ",\n  \"summary\": ";
  for (char c : dump_json(summary_json, 2)) {
    out += c;
    if (c == '\n') out += "  ";
  }
  out += "\n}\n";
  stream << out;
}

}  // namespace copydesk::server::output
