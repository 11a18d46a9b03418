#include "server/output/text_format.hpp"

#include <algorithm>
#include <string_view>

#include "protocol/position_encoding.hpp"

namespace copydesk::server::output {

namespace {

using analyzers::Severity;
using protocol::PositionEncoding;

struct Palette {
  std::string_view bold, reset, location, caret, note;
  std::string_view severity(Severity severity) const {
    if (!enabled) return {};
    switch (severity) {
      case Severity::error:
        return "\x1b[1;31m";
      case Severity::warning:
        return "\x1b[1;35m";
      case Severity::info:
        return "\x1b[1;34m";
      case Severity::hint:
        return "\x1b[1;36m";
    }
    return {};
  }
  bool enabled = false;
};

Palette make_palette(bool color) {
  if (!color) return {};
  return {"\x1b[1m", "\x1b[0m", "\x1b[1m", "\x1b[1;32m", "\x1b[1;36m", true};
}

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::string location(const FileReport& file, analyzers::Span span) {
  const TextPoint start = range_of(file, span).start;
  return file.path + ":" + std::to_string(start.line) + ":" + std::to_string(start.column);
}

// The first line of `span` and, under it, a caret underline. Each code point before the span
// becomes a space, or a tab where the line has one, so the caret lines up however tabs render.
void append_excerpt(std::string& out, const FileReport& file, analyzers::Span span,
                    const Palette& palette) {
  const std::string_view text = file.text;
  const std::size_t start = std::min<std::size_t>(span.start, text.size());
  const std::size_t line = file.lines.line_of(start);
  const std::size_t line_start = std::min(file.lines.line_start(line), text.size());
  const std::size_t line_end = file.lines.line_content_end(text, line);
  const std::string_view content = text.substr(line_start, line_end - line_start);
  // An offset inside a line break (or a UTF-8 sequence) is placed where position_of puts it.
  const std::size_t within = protocol::byte_offset_for_units(
      content, std::min(start, line_end) - line_start, PositionEncoding::utf8);
  const std::size_t underline_end =
      std::clamp<std::size_t>(span.end, line_start + within, line_end) - line_start;

  // A long line is shown as a window around the span, so that a finding on a 1 MB line does
  // not print the megabyte.
  constexpr std::size_t kContext = 80;
  auto boundary = [&](std::size_t at) {  // back to the start of a UTF-8 sequence
    while (at > 0 && at < content.size() &&
           (static_cast<unsigned char>(content[at]) & 0xC0) == 0x80)
      --at;
    return at;
  };
  std::size_t window_start = within > kContext ? boundary(within - kContext) : 0;
  std::size_t window_end = boundary(std::min(content.size(), underline_end + kContext));
  if (underline_end + kContext >= content.size()) window_end = content.size();
  if (window_start > 0) out += "\xE2\x80\xA6";  // …
  out += content.substr(window_start, window_end - window_start);
  if (window_end < content.size()) out += "\xE2\x80\xA6";
  out += '\n';
  std::string_view before = content.substr(window_start, within - window_start);
  if (window_start > 0) out += ' ';  // under the "…"
  while (!before.empty()) {
    const std::size_t step = std::max<std::size_t>(
        1, protocol::byte_offset_for_units(before, 1, PositionEncoding::utf32));
    out += before.front() == '\t' ? '\t' : ' ';
    before.remove_prefix(std::min(step, before.size()));
  }
  const std::size_t width = protocol::count_code_units(
      content.substr(within, std::min(underline_end, window_end) - within),
      PositionEncoding::utf32);
  out += palette.caret;
  out += '^';
  if (width > 1) out.append(width - 1, '~');
  out += palette.reset;
  out += '\n';
}

}  // namespace

std::string summary_line(const Summary& summary) {
  if (summary.problems == 0) return "No problems in " + plural(summary.files, "file", "files");
  std::string line = plural(summary.problems, "problem", "problems") + " (" +
                     plural(summary.count(Severity::error), "error", "errors") + ", " +
                     plural(summary.count(Severity::warning), "warning", "warnings") + ", " +
                     plural(summary.count(Severity::info), "info", "info");
  if (summary.count(Severity::hint) > 0)
    line += ", " + plural(summary.count(Severity::hint), "hint", "hints");
  line += ") in " + std::to_string(summary.files_with_problems) + " of " +
          plural(summary.files, "file", "files");
  return line;
}

std::string format_text(const Report& report, bool color) {
  const Palette palette = make_palette(color);
  std::string out;
  for (const FileReport& file : report.files) {
    for (const analyzers::Finding& finding : file.findings) {
      out += palette.location;
      out += location(file, finding.span);
      out += ':';
      out += palette.reset;
      out += ' ';
      out += palette.severity(finding.severity);
      out += analyzers::to_string(finding.severity);
      out += ':';
      out += palette.reset;
      out += ' ';
      out += palette.bold;
      out += finding.message;
      out += palette.reset;
      out += " [" + finding.rule + "]\n";
      append_excerpt(out, file, finding.span, palette);
      for (const analyzers::RelatedSpan& related : finding.related) {
        out += "  ";
        out += palette.location;
        out += is_in_file(file, related) ? location(file, related.span) : related.path;
        out += ':';
        out += palette.reset;
        out += ' ';
        out += palette.note;
        out += "note:";
        out += palette.reset;
        out += ' ' + related.message + '\n';
      }
    }
  }
  const Summary summary = summarize(report);
  if (summary.problems > 0) out += '\n';
  out += palette.bold;
  out += summary_line(summary);
  out += palette.reset;
  out += '\n';
  return out;
}

}  // namespace copydesk::server::output
