// A temporal expression as the recognizer read it: its extent and what its words say, before
// anything is resolved against a date. The normalizer turns it into a TIMEX3 type and value.
#pragma once

#include <cstdint>

#include "analyzers/annotations.hpp"
#include "analyzers/dates/lexicon.hpp"
#include "analyzers/dates/time_zones.hpp"

namespace copydesk::analyzers::dates {

constexpr int kNone = -1000000;  // a field the words do not give
constexpr int kComing = 2;       // Expr::shift for "coming"

enum class ExprKind : std::uint8_t {
  calendar,       // named fields: "March 12, 2024", "Tuesday", "last March", "the 1990s", "Q3"
  unit_relative,  // a calendar unit around the dateline: "this week", "last month", "the quarter"
  offset,         // a distance from the dateline or the previous date: "three days ago",
                  // "yesterday", "two weeks later", "the day before", "a year earlier"
  duration,       // "three days", "the past two months", "years"
  set,            // "daily", "every week", "each Thursday"
  reference,      // "now", "recently", "the future"
  time_only,      // a clock time with no day of its own: "3:00 am", "noon"
};

enum class Anchoring : std::uint8_t {
  dateline,  // counted from the dateline: "three days ago", "yesterday"
  previous,  // counted from the date mentioned last: "two days later", "the day before"
};

struct Expr {
  std::uint32_t first_token = 0;  // [first_token, end_token) into Segmentation::tokens
  std::uint32_t end_token = 0;
  Span span;
  ExprKind kind = ExprKind::calendar;

  // Calendar fields as written; kNone when not given.
  int year = kNone;
  int month = kNone;
  int day = kNone;
  int weekday = kNone;  // 1 = Monday
  int quarter = kNone;
  int half = kNone;
  int season = kNone;   // 1 spring, 2 summer, 3 fall, 4 winter
  int decade = kNone;   // 199 for the 1990s
  int century = kNone;  // 19 for the 20th century (the 1900s)
  Holiday holiday = Holiday::none;
  bool fiscal = false;  // "fiscal 2024": the value is the year as written
  // "the 1988 quarter", "the 1989 period": in earnings copy, the quarter being reported, in
  // the year written.
  bool reported_period = false;

  // "last March", "next Tuesday", "this summer", "last week": -1, 0, +1; kComing for "this
  // coming Tuesday" and "the coming Sunday" (the first one after the dateline); kNone when
  // unshifted.
  int shift = kNone;
  // "June last year", "this year's third quarter": the year relative to the dateline's.
  int year_shift = kNone;
  // "a year earlier", "the year-ago quarter": a year before the period mentioned last.
  bool year_before_context = false;

  // unit_relative, offset, duration and set: how many of which unit.
  Unit unit = Unit::none;
  double amount = 1;
  bool vague_amount = false;  // "several years", "weeks": PXY, PXW
  int direction = 0;          // offset: -1 before, +1 after
  Anchoring anchoring = Anchoring::dateline;

  RefKind ref = RefKind::none;  // reference: PAST_REF, PRESENT_REF, FUTURE_REF

  // Time of day.
  int minutes = kNone;  // since midnight, as written (midnight is 1440)
  PartOfDay part = PartOfDay::none;
  ZoneId zone = kNoZone;
  bool local_time = false;  // "3 p.m. local time": a zone not named

  // The words that state each part, for checks and fixes (empty: not stated).
  Span weekday_span;
  Span month_span;
  Span day_span;
  Span year_span;
  Span time_span;  // the clock time and its zone, "3:00 am Moscow time"

  // "Wednesday's ruling", "Friday's close": a day written with 's, naming an event the copy
  // reports (not "ahead of Sunday's vote").
  bool possessive_of_event = false;

  bool has_time() const { return minutes != kNone || part != PartOfDay::none; }
};

}  // namespace copydesk::analyzers::dates
