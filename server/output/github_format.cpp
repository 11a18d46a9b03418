#include "server/output/github_format.hpp"

namespace copydesk::server::output {

namespace {

const char* command_for(analyzers::Severity severity) {
  switch (severity) {
    case analyzers::Severity::error:
      return "error";
    case analyzers::Severity::warning:
      return "warning";
    case analyzers::Severity::info:
    case analyzers::Severity::hint:
      return "notice";
  }
  return "warning";
}

std::string escape(std::string_view text, bool property) {
  std::string escaped;
  for (char c : text) {
    switch (c) {
      case '%':
        escaped += "%25";
        break;
      case '\r':
        escaped += "%0D";
        break;
      case '\n':
        escaped += "%0A";
        break;
      case ':':
        escaped += property ? "%3A" : ":";
        break;
      case ',':
        escaped += property ? "%2C" : ",";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace

std::string escape_github_data(std::string_view text) {
  return escape(text, false);
}
std::string escape_github_property(std::string_view text) {
  return escape(text, true);
}

std::string format_github(const Report& report) {
  std::string out;
  for (const FileReport& file : report.files) {
    for (const analyzers::Finding& finding : file.findings) {
      const TextRange range = range_of(file, finding.span);
      out += "::";
      out += command_for(finding.severity);
      out += " file=" + escape_github_property(file.path);
      out += ",line=" + std::to_string(range.start.line);
      out += ",col=" + std::to_string(range.start.column);
      out += ",endLine=" + std::to_string(range.end.line);
      out += ",endColumn=" + std::to_string(range.end.column);
      out += ",title=" + escape_github_property(finding.rule);
      out += "::" + escape_github_data(finding.message) + "\n";
    }
  }
  return out;
}

}  // namespace copydesk::server::output
