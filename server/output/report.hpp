// The report model the `check` output formats share: what was checked, what was found, and how
// to turn a finding's byte offsets into lines and columns. Formatters are pure functions of it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/document.hpp"
#include "analyzers/rules.hpp"
#include "protocol/text_document.hpp"

namespace copydesk::server::output {

inline constexpr std::string_view kProjectUrl = "https://github.com/copydesk/copydesk";

// One checked file. The text is kept so that positions and source lines come from the exact
// bytes the engine saw.
struct FileReport {
  std::string path;      // as shown to the user: relative to the working folder or as given
  std::string text;      // empty after drop_text()
  std::size_t size = 0;  // bytes of the file, kept when the text is dropped
  protocol::LineIndex lines;
  analyzers::Dateline dateline;
  std::vector<analyzers::Finding> findings;
};

FileReport make_file_report(std::string path, std::string text, analyzers::Dateline dateline,
                            std::vector<analyzers::Finding> findings);
// A file with no findings needs no text in any output format: over a corpus of thousands of
// files, keeping every text would hold the whole corpus in memory. Keeps the size.
void drop_text(FileReport& file);

// An input that could not be read; it has no FileReport.
struct InputError {
  std::string path;
  std::string message;  // e.g. "No such file or directory"
};

// A rule as output formats describe it (SARIF's rule metadata, documentation links).
struct RuleDescriptor {
  std::string id;
  analyzers::Severity default_severity = analyzers::Severity::warning;
  bool enabled_by_default = true;
  std::string summary;      // one line
  std::string description;  // a paragraph; the summary when the rule has no documentation
  std::string help_uri;
};

// Descriptors for the catalog's rules, with their documentation.
std::vector<RuleDescriptor> describe_rules(const std::vector<analyzers::RuleInfo>& catalog);

struct Report {
  std::vector<FileReport> files;  // in input order
  std::vector<InputError> errors;
  std::vector<RuleDescriptor> rules;  // every rule that could have produced a finding
  std::string tool_version;
  std::string root_uri;  // file:// URI of the folder relative paths start from, ending in '/'
};

struct Summary {
  std::size_t files = 0;
  std::size_t files_with_problems = 0;
  std::size_t problems = 0;
  std::array<std::size_t, 4> by_severity{};  // indexed by analyzers::Severity
  std::size_t count(analyzers::Severity severity) const {
    return by_severity[static_cast<std::size_t>(severity)];
  }
};

Summary summarize(const Report& report);
// Counts one file into `summary`.
void add_to_summary(Summary& summary, const FileReport& file);

// A 1-based line and column. Columns count code points unless a format says otherwise.
struct TextPoint {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};
struct TextRange {
  TextPoint start;
  TextPoint end;  // exclusive
};

TextPoint point_at(const FileReport& file, std::uint32_t offset,
                   protocol::PositionEncoding encoding = protocol::PositionEncoding::utf32);
TextRange range_of(const FileReport& file, analyzers::Span span,
                   protocol::PositionEncoding encoding = protocol::PositionEncoding::utf32);

// Whether a related span points into `file` itself (its path is empty or the file's own); only
// then can it be given a line and column.
bool is_in_file(const FileReport& file, const analyzers::RelatedSpan& related);

}  // namespace copydesk::server::output
