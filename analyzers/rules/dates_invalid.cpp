// dates.invalid: a calendar date that does not exist ("February 30", "April 31", "2023-02-29").
#include <string>
#include <string_view>

#include "analyzers/dates/calendar.hpp"
#include "analyzers/rules/rule_context.hpp"

namespace copydesk::analyzers {

void check_dates_invalid(const RuleContext& context, std::vector<Finding>& findings) {
  for (const DateMention& m : context.annotations.dates) {
    if (m.valid) continue;
    std::optional<dates::Ymd> date = dates::parse_iso_day(m.value, /*must_exist=*/false);
    if (!date) continue;
    std::string month(dates::month_name(date->month));
    std::string written = month + " " + std::to_string(date->day);
    Finding f;
    f.rule = "dates.invalid";
    f.severity = Severity::error;
    f.span = m.span;
    if (date->year == 0) {
      // No year: only a day no year has gets here.
      int longest = date->month == 2 ? 29 : dates::days_in_month(2001, date->month);
      f.message = written + " does not exist: " + month + " has at most " +
                  std::to_string(longest) + " days.";
    } else {
      int length = dates::days_in_month(date->year, date->month);
      std::string year = std::to_string(date->year);
      f.message = written + ", " + year + " does not exist: " + month + " " + year + " has " +
                  std::to_string(length) + " days.";
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace copydesk::analyzers
