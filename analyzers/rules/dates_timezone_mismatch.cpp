// dates.timezone-mismatch: a clock time restated in another zone in parentheses that does not
// convert ("3:00 am Moscow time (0100 GMT)": Moscow is UTC+3, so it is 0000 GMT). The offset
// is the one in force on the day (ICU's zone data), so summer time is accounted for.
#include <cstdio>
#include <string>
#include <string_view>

#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

std::string clock(int minutes) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
  return buffer;
}

std::string offset_text(int minutes) {
  char buffer[24];
  int magnitude = minutes < 0 ? -minutes : minutes;
  if (magnitude % 60 == 0) {
    std::snprintf(buffer, sizeof buffer, "UTC%c%d", minutes < 0 ? '-' : '+', magnitude / 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "UTC%c%d:%02d", minutes < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
  }
  return buffer;
}

// The clock time as the restatement writes it: four digits ("0100") or "H:MM"; empty when it
// is written some other way (with am/pm), which the fix then leaves alone.
std::string rewrite_like(std::string_view written, int minutes) {
  std::size_t digits = 0;
  while (digits < written.size() && written[digits] >= '0' && written[digits] <= '9')
    ++digits;
  char buffer[16];
  if (digits == 4) {
    std::snprintf(buffer, sizeof buffer, "%02d%02d", minutes / 60, minutes % 60);
    return buffer;
  }
  if (digits >= 1 && digits <= 2 && digits < written.size() && written[digits] == ':' &&
      written.find_first_of("aApP", digits) == std::string_view::npos) {
    std::snprintf(buffer, sizeof buffer, digits == 2 ? "%02d:%02d" : "%d:%02d", minutes / 60,
                  minutes % 60);
    return buffer;
  }
  return {};
}

// "Moscow time" for "Europe/Moscow"; abbreviations as they are.
std::string zone_name(const std::string& zone) {
  std::size_t slash = zone.rfind('/');
  if (slash == std::string::npos) return zone;
  std::string place = zone.substr(slash + 1);
  for (char& c : place)
    if (c == '_') c = ' ';
  return place + " time";
}

}  // namespace

void check_dates_timezone_mismatch(const RuleContext& context, std::vector<Finding>& findings) {
  const std::vector<DateMention>& dates = context.annotations.dates;
  std::string_view text = context.document.text;
  for (const DateMention& first : dates) {
    if (!first.restated_by || !first.minutes || !first.utc_offset_minutes) continue;
    const DateMention& second = dates[*first.restated_by];
    if (!second.minutes || !second.utc_offset_minutes) continue;
    int first_utc = *first.minutes % 1440 - *first.utc_offset_minutes;
    int expected = ((first_utc + *second.utc_offset_minutes) % 1440 + 1440) % 1440;
    int written = *second.minutes % 1440;
    if (expected == written) continue;
    Span time = second.time_span.empty() ? second.span : second.time_span;
    std::string_view first_text = text.substr(first.time_span.start, first.time_span.size());
    std::string_view second_text = text.substr(time.start, time.size());
    Finding f;
    f.rule = "dates.timezone-mismatch";
    f.severity = Severity::warning;
    f.span = time;
    f.message = std::string(first_text) + " is " + clock(expected) + " " + second.zone + ", not " +
                clock(written) + " " + second.zone + ": " + zone_name(first.zone) + " is " +
                offset_text(*first.utc_offset_minutes) +
                (first.value.size() >= 10 ? " on " + first.value.substr(0, 10) : "") + ".";
    f.related.push_back({first.time_span, "the time it restates", ""});
    // Only the digits are rewritten: "0100 GMT" -> "0000 GMT".
    std::size_t digits_end = second_text.find(' ');
    std::string_view digits = second_text.substr(0, digits_end);
    std::string replacement = rewrite_like(digits, expected);
    if (!replacement.empty()) {
      Span digits_span{time.start, time.start + static_cast<std::uint32_t>(digits.size())};
      f.fixes.push_back({"Change to " + replacement, {{digits_span, replacement}}});
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
