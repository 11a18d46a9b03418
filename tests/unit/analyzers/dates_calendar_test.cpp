#include "analyzers/dates/calendar.hpp"

#include <doctest/doctest.h>

using namespace copydesk::analyzers::dates;

TEST_CASE("calendar: day numbers round-trip through ICU") {
  CHECK(day_number(1970, 1, 1) == 0);
  CHECK(day_number(2024, 3, 12) - day_number(2024, 2, 28) == 13);  // a leap year
  CHECK(to_ymd(day_number(2024, 3, 12)) == Ymd{2024, 3, 12});
  CHECK(to_ymd(day_number(1999, 12, 31) + 1) == Ymd{2000, 1, 1});
  CHECK(to_ymd(day_number(1600, 2, 29)) == Ymd{1600, 2, 29});  // outside the cached years too
  CHECK(to_ymd(day_number(2700, 7, 4)) == Ymd{2700, 7, 4});
}

TEST_CASE("calendar: month lengths and validity") {
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(2023, 2) == 28);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2024, 4) == 30);
  CHECK(is_valid_date(2024, 2, 29));
  CHECK_FALSE(is_valid_date(2023, 2, 29));
  CHECK_FALSE(is_valid_date(2024, 4, 31));
  CHECK_FALSE(is_valid_date(2024, 13, 1));
}

TEST_CASE("calendar: weekdays and ISO weeks") {
  CHECK(weekday(day_number(2024, 3, 12)) == 2);  // a Tuesday
  CHECK(weekday(day_number(2024, 3, 17)) == 7);  // a Sunday
  // Before 1970 and across the Gregorian reform (the calendar is proleptic).
  CHECK(weekday(day_number(1969, 12, 31)) == 3);  // a Wednesday
  CHECK(weekday(day_number(1970, 1, 1)) == 4);    // a Thursday
  CHECK(weekday(day_number(1582, 10, 15)) == 5);  // a Friday
  CHECK(weekday(day_number(1600, 1, 1)) == 6);    // a Saturday
  CHECK(weekday(day_number(2000, 2, 29)) == 2);   // a Tuesday
  CHECK(weekday(day_number(2999, 12, 31)) == 2);  // a Tuesday
  CHECK(weekday_name(3) == "Wednesday");
  CHECK(month_name(9) == "September");
  CHECK(iso_week(day_number(2024, 3, 12)) == IsoWeek{2024, 11});
  CHECK(iso_week(day_number(2021, 1, 3)) == IsoWeek{2020, 53});   // belongs to the year before
  CHECK(iso_week(day_number(2024, 12, 30)) == IsoWeek{2025, 1});  // and to the year after
  CHECK(to_ymd(iso_week_monday({2024, 11})) == Ymd{2024, 3, 11});
}

TEST_CASE("calendar: month arithmetic and text") {
  int year = 2024;
  int month = 1;
  add_months(year, month, -2);
  CHECK(year == 2023);
  CHECK(month == 11);
  add_months(year, month, 14);
  CHECK(year == 2025);
  CHECK(month == 1);
  CHECK(iso_date({2024, 3, 5}) == "2024-03-05");
  CHECK(spoken_date({2024, 3, 5}) == "March 5, 2024");
  CHECK(spoken_date({2024, 3, 5}, false) == "March 5");
}

TEST_CASE("calendar: ISO days in values") {
  CHECK(parse_iso_day("2024-03-12") == Ymd{2024, 3, 12});
  CHECK(parse_iso_day("2024-03-12T03:00") == Ymd{2024, 3, 12});
  CHECK_FALSE(parse_iso_day("2023-02-29"));
  CHECK(parse_iso_day("2023-02-29", false) == Ymd{2023, 2, 29});
  CHECK(parse_iso_day("XXXX-02-29") == Ymd{0, 2, 29});
  CHECK_FALSE(parse_iso_day("XXXX-02-30"));
  CHECK_FALSE(parse_iso_day("2024-W11"));
  CHECK_FALSE(parse_iso_day("P3D"));
}
