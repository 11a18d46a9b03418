// dates.weekday-mismatch: a weekday written beside a calendar date that falls on another day
// ("Tuesday, March 13, 2024", "on Tuesday (Mar 13)" when March 13, 2024 is a Wednesday). Two
// fixes: correct the weekday, or move the date to the nearest day that is that weekday.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>

#include "analyzers/dates/calendar.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "dates.weekday-mismatch";

std::string_view cut(std::string_view text, Span span) {
  return text.substr(span.start, span.size());
}

Span hull(Span a, Span b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.start, b.start), std::max(a.end, b.end)};
}

int weekday_number(std::string_view name) {
  for (int day = 1; day <= 7; ++day)
    if (dates::weekday_name(day) == name) return day;
  return 0;
}

bool all_upper(std::string_view text) {
  bool letter = false;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

// A name written the way the original was: "Wednesday", "Wed.", "WED". `original_name` is the
// original's full name, to tell an abbreviation ("Tue.") from the whole word.
std::string styled_like(std::string_view original, std::string_view original_name,
                        std::string_view full_name) {
  std::string_view letters = original;
  bool period = !letters.empty() && letters.back() == '.';
  if (period) letters.remove_suffix(1);
  std::string result(full_name);
  if (letters.size() < original_name.size() && letters.size() >= 3) {
    result = std::string(full_name.substr(0, 3));
    if (period) result += '.';
  }
  if (all_upper(letters) && letters.size() > 1)
    for (char& c : result)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return result;
}

// A number written like the original: zero-padded to its width, with its ordinal suffix.
std::string number_like(std::string_view original, int value) {
  std::size_t digits = 0;
  while (digits < original.size() && original[digits] >= '0' && original[digits] <= '9')
    ++digits;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", static_cast<int>(digits ? digits : 1), value);
  std::string result = buffer;
  if (digits < original.size()) {
    int last = value % 10;
    bool teen = value % 100 >= 11 && value % 100 <= 13;
    result += !teen && last == 1   ? "st"
              : !teen && last == 2 ? "nd"
              : !teen && last == 3 ? "rd"
                                   : "th";
  }
  return result;
}

bool numeric(std::string_view text) {
  return !text.empty() && text[0] >= '0' && text[0] <= '9';
}

// The edits that move the written date to `to`, or none when the form is not one these edits
// can rewrite (a date written as one token, "12.03.2024").
std::vector<TextEdit> date_edits(std::string_view text, const DateMention& m,
                                 const dates::Ymd& from, const dates::Ymd& to) {
  std::vector<TextEdit> edits;
  if (m.day_span == m.month_span || m.day_span.empty() || m.month_span.empty()) return edits;
  if (to.month != from.month) {
    std::string_view month = cut(text, m.month_span);
    edits.push_back({m.month_span, numeric(month)
                                       ? number_like(month, to.month)
                                       : styled_like(month, dates::month_name(from.month),
                                                     dates::month_name(to.month))});
  }
  if (to.day != from.day) edits.push_back({m.day_span, number_like(cut(text, m.day_span), to.day)});
  if (to.year != from.year) {
    if (m.year_span.empty()) return {};
    std::string_view year = cut(text, m.year_span);
    if (!numeric(year) || year.size() != 4) return {};
    edits.push_back({m.year_span, std::to_string(to.year)});
  }
  std::sort(edits.begin(), edits.end(),
            [](const TextEdit& a, const TextEdit& b) { return a.span.start < b.span.start; });
  return edits;
}

}  // namespace

void check_dates_weekday_mismatch(const RuleContext& context, std::vector<Finding>& findings) {
  std::string_view text = context.document.text;
  for (const DateMention& m : context.annotations.dates) {
    if (m.stated_weekday.empty() || m.weekday.empty() || m.stated_weekday == m.weekday) continue;
    if (m.day_span.empty() || m.weekday_span.empty()) continue;
    std::optional<dates::Ymd> date = dates::parse_iso_day(m.value);
    if (!date) continue;
    Finding f;
    f.rule = std::string(kRule);
    f.severity = Severity::warning;
    f.span = hull(hull(hull(m.weekday_span, m.month_span), m.day_span), m.year_span);
    f.message =
        dates::spoken_date(*date) + " is a " + m.weekday + ", not a " + m.stated_weekday + ".";
    std::string weekday = styled_like(cut(text, m.weekday_span), m.stated_weekday, m.weekday);
    f.fixes.push_back({"Change the weekday to " + m.weekday, {{m.weekday_span, weekday}}});
    // The nearest day that is the weekday written: at most three days either way.
    dates::DayNumber day = dates::day_number(*date);
    int wanted = weekday_number(m.stated_weekday);
    int forward = (wanted - dates::weekday(day) + 7) % 7;
    dates::DayNumber target = forward <= 3 ? day + forward : day + forward - 7;
    dates::Ymd moved = dates::to_ymd(target);
    std::vector<TextEdit> edits = date_edits(text, m, *date, moved);
    if (!edits.empty()) {
      f.fixes.push_back({"Change the date to " + m.stated_weekday + ", " +
                             dates::spoken_date(moved, moved.year != date->year),
                         std::move(edits)});
    }
    if (m.restated_by)
      f.related.push_back(
          {context.annotations.dates[*m.restated_by].span, "the date in parentheses", ""});
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
