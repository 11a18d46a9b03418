#include "server/output/json_format.hpp"

#include <cstdio>
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

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF)
      return false;
    i += length;
  }
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!valid_utf8(text)) {
    // nlohmann decides how the bad bytes become U+FFFD; rare enough to go through it.
    out += dump_json(json(std::string(text)), -1);
    return;
  }
  out += '"';
  // Runs of characters that need no escape are appended whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
}

void PrettyJsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  out_ += empty_.back() ? "\n" : ",\n";
  empty_.back() = false;
  out_.append(2 * empty_.size(), ' ');
}

void PrettyJsonWriter::open(char bracket) {
  element();
  out_ += bracket;
  empty_.push_back(true);
}

void PrettyJsonWriter::close(char bracket) {
  bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) {
    out_ += '\n';
    out_.append(2 * empty_.size(), ' ');
  }
  out_ += bracket;
}

void PrettyJsonWriter::key(std::string_view name) {
  element();
  append_json_string(out_, name);
  out_ += ": ";
  after_key_ = true;
}

void PrettyJsonWriter::string(std::string_view text) {
  element();
  append_json_string(out_, text);
}

void PrettyJsonWriter::number(std::uint64_t value) {
  element();
  out_ += std::to_string(value);
}

void PrettyJsonWriter::null() {
  element();
  out_ += "null";
}

namespace {

void write_position_fields(PrettyJsonWriter& w, const FileReport& file, analyzers::Span span) {
  const TextRange range = range_of(file, span);
  w.field("start", span.start);
  w.field("end", span.end);
  w.field("line", range.start.line);
  w.field("column", range.start.column);
  w.field("end_line", range.end.line);
  w.field("end_column", range.end.column);
}

void write_diagnostic(PrettyJsonWriter& w, const FileReport& file,
                      const analyzers::Finding& finding) {
  w.begin_object();
  w.field("rule", finding.rule);
  w.field("severity", analyzers::to_string(finding.severity));
  w.field("message", finding.message);
  write_position_fields(w, file, finding.span);
  w.key("related");
  w.begin_array();
  for (const analyzers::RelatedSpan& span : finding.related) {
    w.begin_object();
    w.field("message", span.message);
    if (is_in_file(file, span)) {
      write_position_fields(w, file, span.span);
    } else {
      // Another document: its text is not here, so only its offsets can be given.
      w.field("path", span.path);
      w.field("start", span.span.start);
      w.field("end", span.span.end);
    }
    w.end_object();
  }
  w.end_array();
  w.key("fixes");
  w.begin_array();
  for (const analyzers::Fix& fix : finding.fixes) {
    w.begin_object();
    w.field("title", fix.title);
    w.key("edits");
    w.begin_array();
    for (const analyzers::TextEdit& edit : fix.edits) {
      w.begin_object();
      w.field("start", edit.span.start);
      w.field("end", edit.span.end);
      w.field("replacement", edit.replacement);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string format_json(const Report& report) {
  std::ostringstream out;
  write_json(report, out);
  return std::move(out).str();
}

JsonReportStream::JsonReportStream(std::ostream& out) : stream_(out), writer_(out_) {
  writer_.begin_object();
  writer_.field("version", 1);
  writer_.key("files");
  writer_.begin_array();
}

void JsonReportStream::file(const FileReport& file) {
  PrettyJsonWriter& w = writer_;
  w.begin_object();
  w.field("path", file.path);
  w.key("dateline");
  if (file.dateline.date) {
    w.begin_object();
    w.field("value", analyzers::to_iso(*file.dateline.date));
    w.field("source", analyzers::to_string(file.dateline.source));
    w.end_object();
  } else {
    w.null();
  }
  w.key("diagnostics");
  w.begin_array();
  for (const analyzers::Finding& finding : file.findings)
    write_diagnostic(w, file, finding);
  w.end_array();
  w.end_object();
  stream_ << out_;
  out_.clear();
  add_to_summary(summary_, file);
}

void JsonReportStream::finish(std::size_t unreadable) {
  PrettyJsonWriter& w = writer_;
  w.end_array();
  w.key("summary");
  w.begin_object();
  w.field("files", summary_.files);
  w.field("files_with_problems", summary_.files_with_problems);
  w.field("problems", summary_.problems);
  w.field("errors", summary_.count(analyzers::Severity::error));
  w.field("warnings", summary_.count(analyzers::Severity::warning));
  w.field("info", summary_.count(analyzers::Severity::info));
  w.field("hints", summary_.count(analyzers::Severity::hint));
  w.field("unreadable", unreadable);
  w.end_object();
  w.end_object();
  out_ += '\n';
  stream_ << out_;
  out_.clear();
}

void write_json(const Report& report, std::ostream& stream) {
  // Written file by file, laid out as nlohmann's dump(2) would lay out the whole tree, without
  // building one: a tree for a corpus of thousands of files takes several times the output's
  // size in memory, and building it most of the time `check` spends outside the analysis.
  JsonReportStream json(stream);
  for (const FileReport& file : report.files)
    json.file(file);
  json.finish(report.errors.size());
}

}  // namespace copydesk::server::output
