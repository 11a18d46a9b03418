// dates.ambiguous-weekday: "last Tuesday" in copy dated a Tuesday or a Wednesday, where readers
// split between the most recent Tuesday and the one a week before it. Off by default.
#include <string>
#include <string_view>

#include "analyzers/dates/calendar.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_dates_ambiguous_weekday(const RuleContext& context, std::vector<Finding>& findings) {
  if (!context.dateline.date || !context.dateline.date->year) return;
  const CalendarDate& dateline = *context.dateline.date;
  dates::DayNumber today = dates::day_number(*dateline.year, dateline.month, dateline.day);
  int today_weekday = dates::weekday(today);
  std::string_view text = context.document.text;
  for (const DateMention& m : context.annotations.dates) {
    if (m.stated_weekday.empty() || !m.day_span.empty() || m.weekday_span.empty()) continue;
    std::string_view before = text.substr(m.span.start, m.weekday_span.start - m.span.start);
    if (before.size() < 5 || !(before.substr(0, 4) == "last" || before.substr(0, 4) == "Last" ||
                               before.substr(0, 4) == "LAST"))
      continue;
    std::optional<dates::Ymd> read = dates::parse_iso_day(m.value);
    if (!read) continue;
    dates::DayNumber day = dates::day_number(*read);
    int written = dates::weekday(day);
    // Ambiguous when the dateline is that weekday or the day after it.
    if (today_weekday != written && today_weekday != written % 7 + 1) continue;
    dates::Ymd other = dates::to_ymd(day - 7);
    std::string words(text.substr(m.span.start, m.span.size()));
    Finding f;
    f.rule = "dates.ambiguous-weekday";
    f.severity = Severity::info;
    f.span = m.span;
    f.message = "\"" + words + "\" in copy dated " +
                std::string(dates::weekday_name(today_weekday)) + ", " +
                dates::spoken_date(dates::to_ymd(today)) + " can be read as " +
                dates::spoken_date(*read, false) + " or " + dates::spoken_date(other, false) +
                "; name the date.";
    f.fixes.push_back({"Name the date: " + dates::spoken_date(*read, false),
                       {{m.span, dates::spoken_date(*read, false)}}});
    f.fixes.push_back({"Name the date: " + dates::spoken_date(other, false),
                       {{m.span, dates::spoken_date(other, false)}}});
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
