// The `--format json` output: every checked file with its diagnostics, and a summary. The schema
// is documented in docs/json-output.md.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "server/output/report.hpp"

namespace copydesk::server::output {

// `null` when the document has no dateline, else {"value": "2024-03-12", "source": "header"}.
nlohmann::ordered_json dateline_json(const analyzers::Dateline& dateline);

// Byte offsets plus 1-based line and code-point column of `span` in `file`.
void add_position_fields(nlohmann::ordered_json& object, const FileReport& file,
                         analyzers::Span span);

// JSON text, never throwing on bytes that are not UTF-8 (they become U+FFFD).
std::string dump_json(const nlohmann::ordered_json& value, int indent);

// `text` as a JSON string, as dump_json() writes it, appended to `out` without building a value.
void append_json_string(std::string& out, std::string_view text);

// Writes JSON laid out as nlohmann's dump(2) lays it out, straight into a string: objects and
// arrays open and close, and the writer places commas, newlines and indentation.
class PrettyJsonWriter {
 public:
  explicit PrettyJsonWriter(std::string& out) : out_(out) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);
  void string(std::string_view text);
  void number(std::uint64_t value);
  void null();
  void field(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  void field(std::string_view name, const std::string& text) {
    field(name, std::string_view(text));
  }
  void field(std::string_view name, const char* text) { field(name, std::string_view(text)); }
  template <class Integer>
  requires std::is_integral_v<Integer>
  void field(std::string_view name, Integer value) {
    key(name);
    number(static_cast<std::uint64_t>(value));
  }

 private:
  void element();  // the comma, newline and indentation before a value or key
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

std::string format_json(const Report& report);
// The same, written to `out` file by file: the output of a large corpus is never held whole.
void write_json(const Report& report, std::ostream& out);

// The JSON report written as the files come: begin, then each file in order, then the summary.
// `check` hands each file over as soon as it and every file before it are analysed, so a corpus
// of any size needs memory for a few files, not for all of them. The bytes are those of
// write_json() for the same files.
class JsonReportStream {
 public:
  explicit JsonReportStream(std::ostream& out);
  void file(const FileReport& file);
  // `unreadable`: the inputs that could not be read.
  void finish(std::size_t unreadable);
  const Summary& summary() const { return summary_; }

 private:
  std::ostream& stream_;
  std::string out_;
  PrettyJsonWriter writer_;
  Summary summary_;
};

}  // namespace copydesk::server::output
