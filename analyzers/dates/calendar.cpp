#include "analyzers/dates/calendar.hpp"

#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <memory>
#include <vector>

namespace copydesk::analyzers::dates {
namespace {

constexpr double kMillisPerDay = 86400000.0;

// One ICU calendar per process, set up once (UTC, proleptic Gregorian, ISO weeks), cloned once
// per thread: ICU calendars are not thread-safe and are costly to construct.
const icu::GregorianCalendar& prototype() {
  static const std::unique_ptr<icu::GregorianCalendar> calendar = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto result = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::getGMT()->clone(),
                                                           icu::Locale::getRoot(), status);
    result->setGregorianChange(-1e300, status);  // proleptic: no Julian calendar before 1582
    result->setFirstDayOfWeek(UCAL_MONDAY);
    result->setMinimalDaysInFirstWeek(4);
    result->setLenient(true);
    return result;
  }();
  return *calendar;
}

icu::Calendar& thread_calendar() {
  thread_local std::unique_ptr<icu::Calendar> calendar(prototype().clone());
  return *calendar;
}

DayNumber icu_day(icu::Calendar& calendar) {
  UErrorCode status = U_ZERO_ERROR;
  return static_cast<DayNumber>(std::floor(calendar.getTime(status) / kMillisPerDay));
}

// What ICU says about one year, computed once per thread and year: where each month starts and
// where ISO week 1 starts.
struct YearInfo {
  bool filled = false;
  std::array<DayNumber, 13> month_start{};  // [12] is January 1 of the next year
  DayNumber week1_monday = 0;
  int jan1_weekday = 0;
};

YearInfo compute_year(int year) {
  icu::Calendar& calendar = thread_calendar();
  UErrorCode status = U_ZERO_ERROR;
  YearInfo info;
  for (int m = 0; m < 13; ++m) {
    calendar.clear();
    calendar.set(m < 12 ? year : year + 1, m < 12 ? m : 0, 1);
    info.month_start[m] = icu_day(calendar);
    if (m == 0) {
      int icu_weekday = calendar.get(UCAL_DAY_OF_WEEK, status);  // 1 = Sunday
      info.jan1_weekday = icu_weekday == UCAL_SUNDAY ? 7 : icu_weekday - 1;
    }
  }
  calendar.clear();
  calendar.set(UCAL_YEAR_WOY, year);
  calendar.set(UCAL_WEEK_OF_YEAR, 1);
  calendar.set(UCAL_DAY_OF_WEEK, UCAL_MONDAY);
  info.week1_monday = icu_day(calendar);
  info.filled = true;
  return info;
}

constexpr int kFirstCachedYear = 1600;
constexpr int kLastCachedYear = 2600;

const YearInfo& year_info(int year) {
  // The years asked for lately, first: an article's dates fall in a few years, and picking the
  // year for "March 12" tries three in a row. Plain thread_locals, read without the
  // initialization check the vector below costs on each use.
  thread_local int recent_years[4] = {};
  thread_local const YearInfo* recent_infos[4] = {};
  std::size_t recent = static_cast<unsigned>(year) % 4;
  if (recent_infos[recent] != nullptr && recent_years[recent] == year) return *recent_infos[recent];
  thread_local std::vector<YearInfo> cache;
  thread_local YearInfo scratch;
  if (year < kFirstCachedYear || year > kLastCachedYear) {
    scratch = compute_year(year);
    return scratch;
  }
  if (cache.empty()) cache.resize(kLastCachedYear - kFirstCachedYear + 1);
  YearInfo& info = cache[year - kFirstCachedYear];
  if (!info.filled) info = compute_year(year);
  recent_years[recent] = year;
  recent_infos[recent] = &info;  // the cache is never resized again, so the pointer stays good
  return info;
}

int year_of(DayNumber day) {
  // 1970 + day / 365.2425 is within a day of the truth; step to the right year.
  int year = 1970 + static_cast<int>(std::floor(day / 365.2425));
  while (day < year_info(year).month_start[0])
    --year;
  while (day >= year_info(year).month_start[12])
    ++year;
  return year;
}

}  // namespace

int days_in_month(int year, int month) {
  if (month < 1 || month > 12) return 0;
  const YearInfo& info = year_info(year);
  return info.month_start[month] - info.month_start[month - 1];
}

bool is_valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

DayNumber day_number(int year, int month, int day) {
  if (month < 1) month = 1;
  if (month > 12) month = 12;
  const YearInfo& info = year_info(year);  // once: it runs for most mentions
  int length = info.month_start[month] - info.month_start[month - 1];
  if (day < 1) day = 1;
  if (day > length) day = length;
  return info.month_start[month - 1] + day - 1;
}

Ymd to_ymd(DayNumber day) {
  int year = year_of(day);
  const YearInfo& info = year_info(year);
  int month = 1;
  while (month < 12 && day >= info.month_start[month])
    ++month;
  return {year, month, static_cast<int>(day - info.month_start[month - 1]) + 1};
}

int weekday(DayNumber day) {
  // Weekdays run in an unbroken cycle of seven through every calendar reform, and day 0,
  // 1970-01-01, was a Thursday: no need to ask the calendar.
  int from_monday = static_cast<int>(((static_cast<std::int64_t>(day) + 3) % 7 + 7) % 7);
  return from_monday + 1;
}

std::string_view weekday_name(int weekday) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return weekday >= 1 && weekday <= 7 ? kNames[weekday - 1] : std::string_view();
}

std::string_view month_name(int month) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : std::string_view();
}

IsoWeek iso_week(DayNumber day) {
  int year = year_of(day);
  if (day >= year_info(year + 1).week1_monday)
    ++year;
  else if (day < year_info(year).week1_monday)
    --year;
  return {year, static_cast<int>((day - year_info(year).week1_monday) / 7) + 1};
}

DayNumber iso_week_monday(const IsoWeek& week) {
  return year_info(week.year).week1_monday + (week.week - 1) * 7;
}

void add_months(int& year, int& month, int months) {
  int index = year * 12 + (month - 1) + months;
  year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  month = index - year * 12 + 1;
}

std::string spoken_date(const Ymd& date, bool with_year) {
  std::string text = std::string(month_name(date.month)) + " " + std::to_string(date.day);
  if (with_year) text += ", " + std::to_string(date.year);
  return text;
}

std::optional<Ymd> parse_iso_day(std::string_view value, bool must_exist) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) {
    int result = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (value[i] < '0' || value[i] > '9') return -1;
      result = result * 10 + (value[i] - '0');
    }
    return result;
  };
  Ymd date{value.substr(0, 4) == "XXXX" ? 0 : number(0, 4), number(5, 2), number(8, 2)};
  if (date.year < 0 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)
    return std::nullopt;
  // Year 0 stands for an unknown year: any day a leap year has is possible.
  if (must_exist && !is_valid_date(date.year == 0 ? 2000 : date.year, date.month, date.day))
    return std::nullopt;
  return date;
}

std::string iso_date(const Ymd& date) {
  // By hand: it runs for every relative mention, and printf is slow.
  if (date.year < 0 || date.year > 9999) return std::to_string(date.year) + "-XX-XX";
  char text[10] = {static_cast<char>('0' + date.year / 1000),
                   static_cast<char>('0' + date.year / 100 % 10),
                   static_cast<char>('0' + date.year / 10 % 10),
                   static_cast<char>('0' + date.year % 10),
                   '-',
                   static_cast<char>('0' + date.month / 10),
                   static_cast<char>('0' + date.month % 10),
                   '-',
                   static_cast<char>('0' + date.day / 10),
                   static_cast<char>('0' + date.day % 10)};
  return std::string(text, 10);
}

}  // namespace copydesk::analyzers::dates
