// A document as the engine sees it: its bytes, its format, its dateline, and the prose view that
// every recognizer reads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "analyzers/annotations.hpp"

namespace copydesk::analyzers {

enum class DocumentFormat { plain_text, markdown };
// By extension: .md and .markdown are Markdown; everything else is plain text.
DocumentFormat format_for_path(std::string_view path);

// A calendar date; the year may be unknown (a "March 3" dateline with no year in context).
struct CalendarDate {
  std::optional<int> year;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};
std::string to_iso(const CalendarDate& date);  // 2024-03-12, or XXXX-03-12 with no year

enum class DatelineSource { override_value, header, front_matter, news_dateline, config, none };
const char* to_string(DatelineSource source);  // "override", "header", "front-matter", ...

struct Dateline {
  std::optional<CalendarDate> date;  // nullopt: no dateline
  DatelineSource source = DatelineSource::none;
  Span span;  // the words in the text it came from (header, front matter or dateline), if any
  // The date header or front matter block at the start of the text, whatever the date's source:
  // it is metadata, never prose, even when an override supplies the date (empty: none).
  Span metadata;
};

struct Document {
  std::string path;  // for messages and per-file config; may be empty
  std::string text;  // the bytes as read
  DocumentFormat format = DocumentFormat::plain_text;
};

}  // namespace copydesk::analyzers
