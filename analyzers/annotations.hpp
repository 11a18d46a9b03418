// The annotation model: typed spans over a document's bytes. Every offset is a UTF-8 byte offset
// into the document as read, half-open [start, end).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace copydesk::analyzers {

struct Span {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= start; }
  std::uint32_t size() const { return end > start ? end - start : 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class Severity { hint, info, warning, error };
const char* to_string(Severity severity);  // "hint", "info", "warning", "error"
std::optional<Severity> parse_severity(std::string_view name);

// A temporal expression with its TIMEX3 type and normalized value (filled by the dates analyzer).
struct DateMention {
  Span span;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // ISO-TimeML value, e.g. 2024-03-12, P3D, PAST_REF
  // Resolved against the dateline or another date ("Tuesday", "two days later", "March 12"
  // with the year taken from the dateline).
  bool relative = false;
  std::string weekday;      // of a resolved calendar day, e.g. "Tuesday"; empty otherwise
  std::string anchor = {};  // what a relative value was resolved against (ISO); empty if nothing

  // The parts as written, for checks and fixes; empty spans: not stated. In "Tuesday (Mar 12)"
  // the weekday mention also carries the parenthetical date's month and day spans.
  Span weekday_span = {};
  Span month_span = {};
  Span day_span = {};
  Span year_span = {};
  Span time_span = {};              // the clock time with its zone: "3:00 am Moscow time"
  std::string stated_weekday = {};  // the weekday the words name ("Tuesday"); empty if none
  bool valid = true;                // false for a day that does not exist: "February 30"
  // A parenthetical mention right after this one that restates it: "Tuesday (Mar 12)",
  // "3:00 am Moscow time (0000 GMT)"; an index into Annotations::dates.
  std::optional<std::size_t> restated_by = {};
  // Clock times: minutes since midnight as written, and the zone with its UTC offset on that
  // day (IANA id or abbreviation as written; empty when no zone is named).
  std::optional<int> minutes = {};
  std::string zone = {};
  std::optional<int> utc_offset_minutes = {};
};

enum class SourceKind { person, organization, official, anonymous, document, unnamed };
const char* to_string(SourceKind kind);

struct Source {
  Span span;
  SourceKind kind = SourceKind::unnamed;
  std::string canonical;  // the first full mention this one resolves to
};

// What a cue reports: words ("said", "told", "according to": TimeML's REPORTING events) or an
// attitude ("believes", "wants", "backs", "endorsed": attribution corpora such as PolNeAR count
// both).
enum class CueKind { speech, attitude };
const char* to_string(CueKind kind);  // "speech", "attitude"

struct Attribution {
  Span cue;
  std::optional<Source> source;
  std::optional<Span> content;
  bool direct = false;  // content is a direct quote
  CueKind cue_kind = CueKind::speech;
};

struct Hedge {
  Span span;
  std::string kind;  // epistemic, doxastic, investigation, condition, reported, weasel
  // Names no one by its form ("reportedly", "it is believed", "some experts say"), and whether
  // its sentence names a source all the same ("reportedly, according to TASS").
  bool impersonal = false;
  bool sourced = false;
};

enum class ClaimStatus { attributed, hedged, unverified, unattributed };
const char* to_string(ClaimStatus status);

struct Claim {
  Span span;
  ClaimStatus status = ClaimStatus::unattributed;
  std::optional<std::size_t> attribution;  // index into Annotations::attributions
  std::vector<std::string> reasons;        // what makes it check-worthy, what qualifies it
  Span focus = {};                  // the words that make it check-worthy: "killed 234 combatants"
  std::optional<Span> caveat = {};  // the copy's own "could not be verified" (unverified claims)
};

struct TextEdit {
  Span span;
  std::string replacement;
};

struct Fix {
  std::string title;
  std::vector<TextEdit> edits;
};

struct RelatedSpan {
  Span span;
  std::string message;
  std::string path;  // empty: the same document
};

struct Finding {
  std::string rule;  // stable id, area.name
  Severity severity = Severity::warning;
  std::string message;
  Span span;
  std::vector<RelatedSpan> related;
  std::vector<Fix> fixes;
};

struct Annotations {
  std::vector<DateMention> dates;
  std::vector<Attribution> attributions;
  std::vector<Hedge> hedges;
  std::vector<Claim> claims;
};

}  // namespace copydesk::analyzers
