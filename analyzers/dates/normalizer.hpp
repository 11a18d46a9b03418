// Normalization: an expression's TIMEX3 type and ISO-TimeML value, resolved against the dateline
// (and, for "the day before" or "two days later", against the date mentioned last). Tense picks
// the direction for what the words leave open: a weekday or a month without a year.
#pragma once

#include <optional>
#include <string>

#include "analyzers/dates/calendar.hpp"
#include "analyzers/dates/expression.hpp"
#include "analyzers/dates/tense.hpp"

namespace copydesk::analyzers::dates {

enum class Grain : std::uint8_t {
  none,
  day,
  week,
  weekend,
  month,
  quarter,
  half,
  season,
  year,
  decade,
  century,
};

// A resolved calendar period. `year` is kNone when it cannot be known (XXXX).
struct Point {
  Grain grain = Grain::none;
  int year = kNone;
  int month = kNone;
  int day = kNone;
  int week = kNone;  // ISO week (its year is `year`) for week and weekend
  int quarter = kNone;
  int half = kNone;
  int season = kNone;   // 1 spring, 2 summer, 3 fall, 4 winter
  int decade = kNone;   // 199
  int century = kNone;  // 19
};

// "2024-03-12", "2024-W11", "2024-Q3", "2024-SU", "199", "XXXX-03-12".
std::string format_point(const Point& point);

struct NormalizeContext {
  // Sets `dateline` with its day number and ISO text, which most relative values need: worked
  // out once per document rather than for each expression.
  void set_dateline(const Ymd& date) {
    dateline = date;
    dateline_day = day_number(date);
    dateline_iso = iso_date(date);
  }
  std::optional<Ymd> dateline;   // nullopt: no dateline, relative values stay unresolved
  DayNumber dateline_day = 0;    // of `dateline`, by set_dateline()
  std::string dateline_iso;      // "2024-03-12", by set_dateline()
  Tense tense = Tense::unknown;  // around the expression
  // How many tokens away the tense cue is: a month or a date without a year follows the tense
  // only when its verb is close; the nearest year otherwise.
  std::uint32_t tense_distance = 0;
  std::optional<Point> previous;      // the period mentioned last, of any grain
  std::optional<Point> previous_day;  // the day mentioned last
  std::optional<Point> sentence_day;  // a day named in the same sentence, for clock times
  // The quarter named last, in this paragraph or the two before: in earnings copy "a year
  // ago" and "the year-earlier period" mean that quarter a year before.
  std::optional<Point> reporting_quarter;
};

// What normalize() works out besides the mention's own fields.
struct Resolution {
  std::optional<Point> point;    // the period it names, for later expressions to anchor on
  std::optional<DayNumber> day;  // the calendar day it names, if one
};

// Sets the mention's type (DATE, TIME, DURATION, SET), value (ISO-TimeML), relative (resolved
// against the dateline or another date), anchor (the date it was resolved against, ISO, if
// relative) and valid (false for a day that does not exist: "February 30"). The strings are
// assigned in place, so a mention reused keeps its buffers.
Resolution normalize(const Expr& expr, const NormalizeContext& context, DateMention& mention);

}  // namespace copydesk::analyzers::dates
