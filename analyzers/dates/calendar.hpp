// Calendar arithmetic for date resolution, backed by ICU's Gregorian calendar. Days are counted
// from 1970-01-01 so that adding and comparing dates is integer arithmetic; ICU supplies where
// each month starts, how long it is, and where ISO weeks begin. Safe to call from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk::analyzers::dates {

using DayNumber = std::int32_t;  // days since 1970-01-01 (proleptic Gregorian)

struct Ymd {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const Ymd&, const Ymd&) = default;
};

struct IsoWeek {
  int year = 0;  // the ISO week-numbering year, which may differ from the calendar year
  int week = 0;  // 1-53
  friend bool operator==(const IsoWeek&, const IsoWeek&) = default;
};

int days_in_month(int year, int month);
bool is_valid_date(int year, int month, int day);

// The day of a valid date (day is clamped to the month).
DayNumber day_number(int year, int month, int day);
inline DayNumber day_number(const Ymd& date) {
  return day_number(date.year, date.month, date.day);
}
Ymd to_ymd(DayNumber day);

// ISO weekday: 1 = Monday ... 7 = Sunday.
int weekday(DayNumber day);
std::string_view weekday_name(int weekday);  // "Monday"; empty outside 1-7
std::string_view month_name(int month);      // "January"; empty outside 1-12

IsoWeek iso_week(DayNumber day);
DayNumber iso_week_monday(const IsoWeek& week);

// Adds months to a year and month (months may be negative); the day is not involved.
void add_months(int& year, int& month, int months);

// "2024-03-12".
std::string iso_date(const Ymd& date);
// "March 12, 2024" (the year left out when `with_year` is false).
std::string spoken_date(const Ymd& date, bool with_year = true);
// The calendar day an ISO-TimeML value starts with ("2024-03-12", "2024-03-12T03:00",
// "XXXX-03-12" with year 0); nullopt for anything else and, when `must_exist`, for days that do
// not exist ("2023-02-29").
std::optional<Ymd> parse_iso_day(std::string_view value, bool must_exist = true);

}  // namespace copydesk::analyzers::dates
