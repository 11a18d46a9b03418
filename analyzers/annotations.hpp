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
  bool relative = false;
  std::string weekday;  // of a resolved calendar day, e.g. "Tuesday"; empty otherwise
};

enum class SourceKind { person, organization, official, anonymous, document, unnamed };
const char* to_string(SourceKind kind);

struct Source {
  Span span;
  SourceKind kind = SourceKind::unnamed;
  std::string canonical;  // the first full mention this one resolves to
};

struct Attribution {
  Span cue;
  std::optional<Source> source;
  std::optional<Span> content;
  bool direct = false;  // content is a direct quote
};

struct Hedge {
  Span span;
  std::string kind;  // epistemic, doxastic, investigation, condition, reported, weasel
};

enum class ClaimStatus { attributed, hedged, unverified, unattributed };
const char* to_string(ClaimStatus status);

struct Claim {
  Span span;
  ClaimStatus status = ClaimStatus::unattributed;
  std::optional<std::size_t> attribution;  // index into Annotations::attributions
  std::vector<std::string> reasons;        // what makes it check-worthy, what qualifies it
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
