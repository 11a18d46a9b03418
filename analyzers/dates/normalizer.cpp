#include "analyzers/dates/normalizer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace copydesk::analyzers::dates {
namespace {

// A TIMEX3 value or anchor as it is written, piece by piece, into a buffer on the stack rather
// than a std::string per piece: values are a few dozen characters at most ("2024-03-12T03:00",
// "PT5H30M", "XXXX-WXX-2TMO"; the longest a number can make is under 50).
class ValueText {
 public:
  ValueText& operator=(std::string_view text) {
    size_ = 0;
    return *this += text;
  }
  ValueText& operator+=(std::string_view text) {
    if (text.size() > kCapacity - size_) return *this;  // never: see kCapacity
    // Inlined with the size known, the copy of a literal ("-", "XX") is a move or two.
    std::memcpy(data_ + size_, text.data(), text.size());
    size_ += text.size();
    return *this;
  }
  void clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_, size_}; }

 private:
  static constexpr std::size_t kCapacity = 96;
  char data_[kCapacity];
  std::size_t size_ = 0;
};

// Zero-padded decimal, any value and width.
void append_padded_slowly(ValueText& out, int value, int width) {
  bool negative = value < 0;
  unsigned magnitude = negative ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
  char buffer[16];
  int at = 16;
  do {
    buffer[--at] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude && at > 1);
  while (16 - at < width && at > 1)
    buffer[--at] = '0';
  if (negative) buffer[--at] = '-';
  out += std::string_view(buffer + at, 16 - at);
}

constexpr auto kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int n = 0; n < 100; ++n) {
    pairs[2 * n] = static_cast<char>('0' + n / 10);
    pairs[2 * n + 1] = static_cast<char>('0' + n % 10);
  }
  return pairs;
}();

// Zero-padded decimal (values are formatted for every mention: no printf). Inlined: most are a
// month, a day, an hour or a minute (two digits) or a year (four), written as digit pairs.
[[gnu::always_inline]] inline void append_padded(ValueText& out, int value, int width) {
  if (width == 2 && value >= 0 && value < 100) {
    out += std::string_view(&kDigitPairs[2 * value], 2);
  } else if (width == 4 && value >= 1000 && value < 10000) {
    out += std::string_view(&kDigitPairs[2 * (value / 100)], 2);
    out += std::string_view(&kDigitPairs[2 * (value % 100)], 2);
  } else {
    append_padded_slowly(out, value, width);
  }
}

// As std::to_string() writes it.
void append_integer(ValueText& out, long long value) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out += std::string_view(buffer, end - buffer);
}

void append_year(ValueText& out, int year) {
  if (year == kNone)
    out += "XXXX";
  else
    append_padded(out, year, 4);
}

// "2024-03-12", as iso_date() writes it.
void append_iso_date(ValueText& out, const Ymd& date) {
  if (date.year < 0 || date.year > 9999) {
    append_integer(out, date.year);
    out += "-XX-XX";
    return;
  }
  append_padded(out, date.year, 4);
  out += "-";
  append_padded(out, date.month, 2);
  out += "-";
  append_padded(out, date.day, 2);
}

int quarter_of(int month) {
  return (month - 1) / 3 + 1;
}

// Seasons run spring (March-May), summer, fall, winter (December-February, counted in the year
// of its December), as consecutive numbers: year * 4 + season - 1.
int season_index(int year, int month) {
  if (month <= 2) return (year - 1) * 4 + 3;
  if (month == 12) return year * 4 + 3;
  return year * 4 + (month - 3) / 3;
}

Point day_point(DayNumber day) {
  Ymd date = to_ymd(day);
  Point point;
  point.grain = Grain::day;
  point.year = date.year;
  point.month = date.month;
  point.day = date.day;
  return point;
}

Point week_point(DayNumber day, Grain grain = Grain::week) {
  IsoWeek week = iso_week(day);
  Point point;
  point.grain = grain;
  point.year = week.year;
  point.week = week.week;
  return point;
}

Point month_point(int year, int month) {
  Point point;
  point.grain = Grain::month;
  point.year = year;
  point.month = month;
  return point;
}

Point year_point(int year) {
  Point point;
  point.grain = Grain::year;
  point.year = year;
  return point;
}

Point quarter_point(int index) {  // index = year * 4 + quarter - 1
  Point point;
  point.grain = Grain::quarter;
  point.year = index >= 0 ? index / 4 : -((-index + 3) / 4);
  point.quarter = index - point.year * 4 + 1;
  return point;
}

Point half_point(int index) {  // index = year * 2 + half - 1
  Point point;
  point.grain = Grain::half;
  point.year = index >= 0 ? index / 2 : -((-index + 1) / 2);
  point.half = index - point.year * 2 + 1;
  return point;
}

Point season_point(int index) {
  Point point;
  point.grain = Grain::season;
  point.year = index >= 0 ? index / 4 : -((-index + 3) / 4);
  point.season = index - point.year * 4 + 1;
  return point;
}

// Of the candidates k for a periodic thing (k = base + period * n), the one the tense points to
// from `current`: the latest at or before it in the past, the earliest at or after it in the
// future, the nearest otherwise.
int pick_periodic(int current, int target_in_period, int period, Tense tense) {
  int base = current - ((current - target_in_period) % period + period) % period;  // <= current
  int after = base == current ? current : base + period;
  if (tense == Tense::past || tense == Tense::unknown) return base;
  if (tense == Tense::future) return after;
  return (current - base) <= (after - current) ? base : after;
}

// The year for a month (and perhaps a day) written without one: the nearest to the dateline,
// unless the tense says the other way. (A stated weekday does not pick the year: a weekday that
// does not fit is what the weekday check is there to catch.)
int infer_year(const Ymd& dateline, int month, int day, Tense tense) {
  DayNumber reference = day_number(dateline);
  if (day == kNone) {
    // A month: the tense decides, except that the month just ahead or just behind the
    // dateline's is taken whatever the tense ("said it will open in March", written in
    // February, is next month; "in January", written in October, is this year's).
    int current = dateline.year * 12 + dateline.month - 1;
    int target = month - 1;
    int before = pick_periodic(current, target, 12, Tense::past);
    int after = pick_periodic(current, target, 12, Tense::future);
    if (tense == Tense::past) return (after - current == 1 ? after : before) / 12;
    if (tense == Tense::future) return (current - before == 1 ? before : after) / 12;
    // No tense: the nearest, the past favoured by two months (news looks back more).
    return (current - before <= after - current + 2 ? before : after) / 12;
  }
  // A day: the nearest, with the past favoured (news looks back more than ahead) unless the
  // tense says otherwise; a tense cue only overrides a date less than about six weeks off.
  constexpr long kPastBonus = 30;
  constexpr long kSlack = 45;
  int nearest = dateline.year;
  long nearest_score = -1;
  for (int year = dateline.year - 1; year <= dateline.year + 1; ++year) {
    long delta = static_cast<long>(day_number(year, month, day)) - reference;
    long score = delta <= 0 ? std::max(0L, -delta - kPastBonus) : delta;
    if (tense == Tense::future) score = std::labs(delta);
    if (nearest_score < 0 || score < nearest_score) {
      nearest = year;
      nearest_score = score;
    }
  }
  DayNumber chosen = day_number(nearest, month, day);
  if (tense == Tense::past && chosen > reference + kSlack) return nearest - 1;
  if (tense == Tense::future && chosen < reference - kSlack) return nearest + 1;
  return nearest;
}

DayNumber resolve_weekday(DayNumber reference, int day_of_week, int shift, Tense tense) {
  int today = weekday(reference);
  int back = (today - day_of_week + 7) % 7;
  int forward = (day_of_week - today + 7) % 7;
  if (shift == -1) return reference - (back == 0 ? 7 : back);
  // "next Tuesday": the Tuesday of next week; "this coming Tuesday": the first one after today.
  if (shift == 1) return reference - (today - 1) + 7 + (day_of_week - 1);
  if (shift == kComing) return reference + (forward == 0 ? 7 : forward);
  if (shift == 0 || tense == Tense::future) return reference + forward;  // "this Tuesday"
  if (tense == Tense::present) return back <= forward ? reference - back : reference + forward;
  return reference - back;
}

void append_duration(ValueText& out, Unit unit, double amount, bool vague) {
  // A whole number as std::to_string(std::llround()) writes it, anything else as "%g".
  auto number = [&](double value) {
    if (std::fabs(value - std::round(value)) < 1e-9)
      return append_integer(out, std::llround(value));
    char buffer[32];
    int size = std::snprintf(buffer, sizeof buffer, "%g", value);
    out += std::string_view(buffer, size);
  };
  // A whole number of a unit and what is left in the next smaller one: 5.5 hours is PT5H30M.
  auto split = [&](const char* prefix, const char* big, double small_per_big, const char* small,
                   const char* small_prefix) {
    double whole = std::floor(amount);
    double rest = (amount - whole) * small_per_big;
    out += prefix;
    if (whole > 0) {
      number(whole);
      out += big;
    }
    if (rest > 1e-9) {
      out += small_prefix;
      number(rest);
      out += small;
    }
  };
  // A prefix, a number and a designator: "P3D".
  auto plain = [&](const char* prefix, double value, const char* designator) {
    out += prefix;
    number(value);
    out += designator;
  };
  if (vague) {
    switch (unit) {
      case Unit::second:
        out += "PTXS";
        return;
      case Unit::minute:
        out += "PTXM";
        return;
      case Unit::hour:
        out += "PTXH";
        return;
      case Unit::day:
        out += "PXD";
        return;
      case Unit::week:
      case Unit::fortnight:
        out += "PXW";
        return;
      case Unit::weekend:
        out += "PXWE";
        return;
      case Unit::month:
        out += "PXM";
        return;
      case Unit::quarter:
        out += "PXQ";
        return;
      case Unit::decade:
        out += "PXDE";
        return;
      case Unit::century:
        out += "PXCE";
        return;
      case Unit::millennium:
        out += "PXML";
        return;
      default:
        out += "PXY";
        return;
    }
  }
  bool whole = std::fabs(amount - std::round(amount)) < 1e-9;
  switch (unit) {
    case Unit::second:
      return plain("PT", amount, "S");
    case Unit::minute:
      return whole ? plain("PT", amount, "M") : split("PT", "M", 60, "S", "");
    case Unit::hour:
      return whole ? plain("PT", amount, "H") : split("PT", "H", 60, "M", "");
    case Unit::day:
      return whole ? plain("P", amount, "D") : split("P", "D", 24, "H", "T");
    case Unit::week:
      return plain("P", amount, "W");
    case Unit::weekend:
      return plain("P", amount * 2, "D");
    case Unit::fortnight:
      return plain("P", amount * 2, "W");
    case Unit::month:
      return plain("P", amount, "M");
    case Unit::quarter:
      return plain("P", amount, "Q");
    case Unit::half:
      return plain("P", amount * 6, "M");
    case Unit::season:
      return plain("P", amount * 3, "M");
    case Unit::year:
      return whole ? plain("P", amount, "Y") : split("P", "Y", 12, "M", "");
    case Unit::decade:
      return plain("P", amount * 10, "Y");
    case Unit::century:
      return plain("P", amount * 100, "Y");
    case Unit::millennium:
      return plain("P", amount * 1000, "Y");
    case Unit::none:
      out += "PXX";
      return;
  }
  out += "PXX";
}

void append_time_suffix(ValueText& out, const Expr& e) {
  if (e.minutes != kNone) {
    out += "T";
    append_padded(out, e.minutes / 60, 2);
    out += ":";
    append_padded(out, e.minutes % 60, 2);
    return;
  }
  switch (e.part) {
    case PartOfDay::morning:
      out += "TMO";
      break;
    case PartOfDay::afternoon:
      out += "TAF";
      break;
    case PartOfDay::evening:
      out += "TEV";
      break;
    case PartOfDay::night:
      out += "TNI";
      break;
    case PartOfDay::daytime:
      out += "TDT";
      break;
    case PartOfDay::none:
      break;
  }
}

const char* ref_value(RefKind ref) {
  switch (ref) {
    case RefKind::past:
      return "PAST_REF";
    case RefKind::present:
      return "PRESENT_REF";
    case RefKind::future:
      return "FUTURE_REF";
    case RefKind::none:
      break;
  }
  return "PRESENT_REF";
}

// A holiday's day in a year; nullopt for a year it cannot be computed for.
std::optional<DayNumber> holiday_day(Holiday holiday, int year) {
  auto nth_weekday = [&](int month, int day_of_week, int n) {
    DayNumber first = day_number(year, month, 1);
    int offset = (day_of_week - weekday(first) + 7) % 7;
    return first + offset + 7 * (n - 1);
  };
  switch (holiday) {
    case Holiday::christmas:
      return day_number(year, 12, 25);
    case Holiday::christmas_eve:
      return day_number(year, 12, 24);
    case Holiday::new_years_day:
      return day_number(year, 1, 1);
    case Holiday::new_years_eve:
      return day_number(year, 12, 31);
    case Holiday::halloween:
      return day_number(year, 10, 31);
    case Holiday::valentines:
      return day_number(year, 2, 14);
    case Holiday::independence_day:
      return day_number(year, 7, 4);
    case Holiday::boxing_day:
      return day_number(year, 12, 26);
    case Holiday::veterans_day:
      return day_number(year, 11, 11);
    case Holiday::thanksgiving:
      return nth_weekday(11, 4, 4);
    case Holiday::labor_day:
      return nth_weekday(9, 1, 1);
    case Holiday::memorial_day: {
      DayNumber last = day_number(year, 5, 31);
      return last - (weekday(last) - 1 + 7) % 7;
    }
    case Holiday::election_day:
      return nth_weekday(11, 1, 1) + 1;
    case Holiday::easter: {
      // Gregorian computus (the date of Easter is a rule of the church calendar, not something
      // ICU's Gregorian calendar provides).
      int a = year % 19;
      int b = year / 100;
      int c = year % 100;
      int d = b / 4;
      int e = b % 4;
      int f = (b + 8) / 25;
      int g = (b - f + 1) / 3;
      int h = (19 * a + b - d - g + 15) % 30;
      int i = c / 4;
      int k = c % 4;
      int l = (32 + 2 * e + 2 * i - h - k) % 7;
      int m = (a + 11 * h + 22 * l) / 451;
      int month = (h + l - 7 * m + 114) / 31;
      int day = (h + l - 7 * m + 114) % 31 + 1;
      return day_number(year, month, day);
    }
    case Holiday::none:
      break;
  }
  return std::nullopt;
}

void append_point(ValueText& out, const Point& p) {
  auto two_digits_or_xx = [&](int value) {
    if (value == kNone)
      out += "XX";
    else
      append_padded(out, value, 2);
  };
  switch (p.grain) {
    case Grain::day:
      append_year(out, p.year);
      out += "-";
      two_digits_or_xx(p.month);
      out += "-";
      two_digits_or_xx(p.day);
      return;
    case Grain::week:
    case Grain::weekend:
      append_year(out, p.year);
      out += "-W";
      two_digits_or_xx(p.week);
      if (p.grain == Grain::weekend) out += "-WE";
      return;
    case Grain::month:
      append_year(out, p.year);
      out += "-";
      two_digits_or_xx(p.month);
      return;
    case Grain::quarter:
      append_year(out, p.year);
      out += "-Q";
      if (p.quarter == kNone)
        out += "X";
      else
        append_integer(out, p.quarter);
      return;
    case Grain::half:
      append_year(out, p.year);
      out += "-H";
      if (p.half == kNone)
        out += "X";
      else
        append_integer(out, p.half);
      return;
    case Grain::season: {
      static constexpr const char* kSeasons[] = {"SP", "SU", "FA", "WI"};
      append_year(out, p.year);
      out += "-";
      out += p.season >= 1 && p.season <= 4 ? kSeasons[p.season - 1] : "XX";
      return;
    }
    case Grain::year:
      return append_year(out, p.year);
    case Grain::decade:
      return append_padded(out, p.decade, 3);
    case Grain::century:
      return append_padded(out, p.century, 2);
    case Grain::none:
      return;
  }
}

class Resolver {
 public:
  Resolver(const Expr& e, const NormalizeContext& c, DateMention& mention)
      : e_(e), c_(c), mention_(mention) {
    if (c.dateline) {
      dateline_ = *c.dateline;
      reference_ = c.dateline_day;
    }
  }

  Resolution run() {
    resolve();
    mention_.type.assign(n_.type);
    mention_.value.assign(n_.value.view());
    mention_.relative = n_.relative;
    mention_.valid = n_.valid;
    mention_.anchor.assign(n_.anchor.view());
    return {n_.point, n_.day};
  }

 private:
  void resolve() {
    switch (e_.kind) {
      case ExprKind::reference:
        n_.type = "DATE";
        n_.value = ref_value(e_.ref);
        return;
      case ExprKind::duration:
        n_.type = "DURATION";
        append_duration(n_.value, e_.unit, e_.amount, e_.vague_amount);
        return;
      case ExprKind::set:
        n_.type = "SET";
        if (e_.weekday != kNone) {
          n_.value = "XXXX-WXX-";
          append_integer(n_.value, e_.weekday);
          append_time_suffix(n_.value, e_);
        } else if (e_.month != kNone) {  // "each July", "every March 1"
          n_.value = "XXXX-";
          append_padded(n_.value, e_.month, 2);
          if (e_.day != kNone) {
            n_.value += "-";
            append_padded(n_.value, e_.day, 2);
          }
        } else if (e_.unit == Unit::none) {
          n_.value = "XXXX-XX-XX";
          append_time_suffix(n_.value, e_);
        } else {
          append_duration(n_.value, e_.unit, e_.amount, false);
        }
        return;
      case ExprKind::time_only:
        time_only();
        break;
      case ExprKind::calendar:
        calendar();
        break;
      case ExprKind::unit_relative:
        unit_relative();
        break;
      case ExprKind::offset:
        offset();
        break;
    }
    finish();
  }

  bool has_dateline() const { return c_.dateline.has_value(); }

  // The tense for picking a year: only a cue close to the expression counts ("will open in
  // March"); a distant "said" says when it was said, not when it happens.
  Tense year_tense() const {
    constexpr std::uint32_t kNear = 3;
    return c_.tense_distance <= kNear ? c_.tense : Tense::unknown;
  }

  void set_point(const Point& point) {
    n_.point = point;
    if (point.grain == Grain::day && point.year != kNone && point.month != kNone &&
        point.day != kNone && is_valid_date(point.year, point.month, point.day))
      n_.day = day_number(point.year, point.month, point.day);
  }

  void mark_relative(const std::optional<Ymd>& anchor) {
    n_.relative = true;
    if (anchor) {
      if (*anchor == dateline_ && has_dateline()) {
        n_.anchor = c_.dateline_iso;  // written once per document
      } else {
        n_.anchor.clear();
        append_iso_date(n_.anchor, *anchor);
      }
    }
  }

  void finish() {
    if (n_.type.empty()) n_.type = "DATE";
    if (!n_.point) return;
    n_.value.clear();
    append_point(n_.value, *n_.point);
    // A part of a named day ("Friday night") is a DATE with the part in its value
    // (2024-03-08TNI), as TimeBank and AQUAINT mostly have it; a clock time or a part of a day
    // counted from the dateline ("this morning", "last night") is a TIME.
    bool named_day = e_.weekday != kNone || e_.month != kNone;
    if (named_day && e_.minutes == kNone && e_.part != PartOfDay::none &&
        n_.point->grain == Grain::day) {
      append_time_suffix(n_.value, e_);
      return;
    }
    if (e_.has_time()) {
      if (n_.point->grain == Grain::day) {
        n_.type = "TIME";
        append_time_suffix(n_.value, e_);
      } else if (e_.minutes != kNone) {
        n_.type = "TIME";
        n_.value = "XXXX-XX-XX";
        append_time_suffix(n_.value, e_);
      }
    }
  }

  std::optional<Point> unknown_day(int month = kNone, int day = kNone) const {
    Point point;
    point.grain = Grain::day;
    point.month = month;
    point.day = day;
    return point;
  }

  void time_only() {
    n_.type = "TIME";
    const std::optional<Point>& day = c_.sentence_day ? c_.sentence_day : c_.previous_day;
    if (day && day->year != kNone) {
      set_point(*day);
      n_.relative = true;
      n_.anchor.clear();
      append_point(n_.anchor, *day);
      return;
    }
    if (has_dateline()) {
      set_point(day_point(reference_));
      mark_relative(dateline_);
      return;
    }
    n_.relative = true;
    n_.value = "XXXX-XX-XX";
    append_time_suffix(n_.value, e_);
  }

  void calendar() {
    if (e_.holiday != Holiday::none) return holiday();
    if (e_.century != kNone) {
      Point point;
      point.grain = Grain::century;
      point.century = e_.century;
      return set_point(point);
    }
    if (e_.decade != kNone) {
      Point point;
      point.grain = Grain::decade;
      point.decade = e_.decade;
      return set_point(point);
    }
    int year = e_.year;
    if (e_.year_before_context) return year_before_context();
    if (e_.reported_period && year != kNone && c_.reporting_quarter &&
        c_.reporting_quarter->year != kNone) {
      // "the 1988 quarter" after a third-quarter result: the third quarter of 1988.
      Point point = *c_.reporting_quarter;
      point.year = year;
      return set_point(point);
    }
    if (year == kNone && e_.year_shift != kNone) {
      mark_relative(c_.dateline);
      if (has_dateline()) year = dateline_.year + e_.year_shift;
    }
    if (e_.month != kNone && e_.day != kNone) return full_date(year);
    if (e_.day != kNone) return day_of_month();
    if (e_.month != kNone) return month(year);
    if (e_.quarter != kNone) return periodic(year, e_.quarter, 4, Grain::quarter);
    if (e_.half != kNone) return periodic(year, e_.half, 2, Grain::half);
    if (e_.season != kNone) return season(year);
    if (e_.weekday != kNone) return weekday_only();
    if (year != kNone) return set_point(year_point(year));
  }

  void holiday() {
    mark_relative(e_.year == kNone ? c_.dateline : std::nullopt);
    if (e_.year != kNone) {
      n_.relative = false;
      if (auto day = holiday_day(e_.holiday, e_.year)) set_point(day_point(*day));
      return;
    }
    if (!has_dateline()) {
      Point point = *unknown_day();
      if (auto day = holiday_day(e_.holiday, 2001)) {  // fixed-date holidays keep month and day
        Ymd date = to_ymd(*day);
        bool fixed = e_.holiday != Holiday::thanksgiving && e_.holiday != Holiday::easter &&
                     e_.holiday != Holiday::labor_day && e_.holiday != Holiday::memorial_day &&
                     e_.holiday != Holiday::election_day;
        if (fixed) {
          point.month = date.month;
          point.day = date.day;
          return set_point(point);
        }
      }
      n_.value = "XXXX";
      return;
    }
    std::optional<DayNumber> best;
    for (int year = dateline_.year - 1; year <= dateline_.year + 1; ++year) {
      std::optional<DayNumber> day = holiday_day(e_.holiday, year);
      if (!day) continue;
      bool take = false;
      if (!best) {
        take = true;
      } else if (e_.shift == -1) {
        take = *day < reference_ && (*best >= reference_ || *day > *best);
      } else if (e_.shift >= 1) {
        take = *day > reference_ && (*best <= reference_ || *day < *best);
      } else if (c_.tense == Tense::past) {
        take = *day <= reference_ && (*best > reference_ || *day > *best);
      } else if (c_.tense == Tense::future) {
        take = *day >= reference_ && (*best < reference_ || *day < *best);
      } else {
        take = std::labs(static_cast<long>(*day) - reference_) <
               std::labs(static_cast<long>(*best) - reference_);
      }
      if (take) best = day;
    }
    if (best) set_point(day_point(*best));
  }

  void year_before_context() {
    mark_relative(c_.dateline);
    if (c_.reporting_quarter && c_.reporting_quarter->year != kNone &&
        (e_.quarter != kNone || e_.unit == Unit::quarter || !c_.previous ||
         c_.previous->grain != Grain::day || e_.kind == ExprKind::calendar)) {
      Point point = *c_.reporting_quarter;
      n_.anchor.clear();
      append_point(n_.anchor, point);
      point.year -= 1;
      if (e_.quarter != kNone) point.quarter = e_.quarter;
      return set_point(point);
    }
    if (c_.previous && c_.previous->year != kNone &&
        (c_.previous->grain == Grain::quarter || c_.previous->grain == Grain::month ||
         c_.previous->grain == Grain::day || c_.previous->grain == Grain::half)) {
      Point point = *c_.previous;
      n_.anchor.clear();
      append_point(n_.anchor, point);
      point.year -= 1;
      if (e_.quarter != kNone) {
        point = Point{};
        point.grain = Grain::quarter;
        point.year = c_.previous->year - 1;
        point.quarter = e_.quarter;
      }
      if (point.grain == Grain::day && !is_valid_date(point.year, point.month, point.day))
        point.day = days_in_month(point.year, point.month);
      if (e_.unit == Unit::quarter && point.month != kNone && point.grain != Grain::quarter)
        point = quarter_point(point.year * 4 + quarter_of(point.month) - 1);
      return set_point(point);
    }
    if (!has_dateline()) return;
    if (e_.quarter != kNone)
      return set_point(quarter_point((dateline_.year - 1) * 4 + e_.quarter - 1));
    set_point(year_point(dateline_.year - 1));
  }

  void full_date(int year) {
    if (year == kNone && has_dateline()) {
      year = infer_year(dateline_, e_.month, e_.day, year_tense());
      mark_relative(dateline_);
    } else if (year == kNone) {
      n_.relative = true;
    }
    Point point = *unknown_day(e_.month, e_.day);
    point.year = year;
    if (year != kNone)
      n_.valid = is_valid_date(year, e_.month, e_.day);
    else
      n_.valid = e_.day <= (e_.month == 2 ? 29 : days_in_month(2001, e_.month));
    set_point(point);
  }

  void day_of_month() {
    mark_relative(c_.dateline);
    if (!has_dateline()) {
      set_point(*unknown_day(kNone, e_.day));
      n_.value = "XXXX-XX-";
      append_padded(n_.value, e_.day, 2);
      return;
    }
    int year = dateline_.year;
    int month = dateline_.month;
    if (c_.tense == Tense::past && e_.day > dateline_.day) add_months(year, month, -1);
    if (c_.tense == Tense::future && e_.day < dateline_.day) add_months(year, month, 1);
    Point point = *unknown_day(month, e_.day);
    point.year = year;
    n_.valid = is_valid_date(year, month, e_.day);
    set_point(point);
  }

  void month(int year) {
    if (year == kNone) {
      mark_relative(c_.dateline);
      if (has_dateline()) {
        int current = dateline_.year * 12 + dateline_.month - 1;
        int target = e_.month - 1;
        int index;
        if (e_.shift == -1) {
          // "last February" written in March is February a year ago: last month would have
          // been "last month".
          index = pick_periodic(current - 1, target, 12, Tense::past);
          if (index == current - 1) index -= 12;
        } else if (e_.shift >= 1) {
          index = pick_periodic(current + 1, target, 12, Tense::future);
        } else if (e_.shift == 0) {
          index = dateline_.year * 12 + target;
        } else {
          index = infer_year(dateline_, e_.month, kNone, c_.tense) * 12 + target;
        }
        year = index / 12;
      }
    }
    set_point(month_point(year, e_.month));
  }

  void periodic(int year, int which, int per_year, Grain grain) {
    if (year == kNone && has_dateline()) {
      mark_relative(dateline_);
      int current = dateline_.year * per_year + (dateline_.month - 1) * per_year / 12;
      int index;
      if (e_.shift == -1)
        index = pick_periodic(current - 1, which - 1, per_year, Tense::past);
      else if (e_.shift >= 1)
        index = pick_periodic(current + 1, which - 1, per_year, Tense::future);
      else
        index = pick_periodic(current, which - 1, per_year,
                              c_.tense == Tense::future ? Tense::present : Tense::past);
      return set_point(grain == Grain::quarter ? quarter_point(index) : half_point(index));
    }
    if (year == kNone) n_.relative = true;
    Point point;
    point.grain = grain;
    point.year = year;
    if (grain == Grain::quarter)
      point.quarter = which;
    else
      point.half = which;
    set_point(point);
  }

  void season(int year) {
    if (year != kNone) {
      Point point;
      point.grain = Grain::season;
      point.year = year;
      point.season = e_.season;
      return set_point(point);
    }
    mark_relative(c_.dateline);
    if (!has_dateline()) {
      Point point;
      point.grain = Grain::season;
      point.season = e_.season;
      return set_point(point);
    }
    int current = season_index(dateline_.year, dateline_.month);
    int target = e_.season - 1;
    int index;
    if (e_.shift == -1)
      index = pick_periodic(current - 1, target, 4, Tense::past);
    else if (e_.shift >= 1)
      index = pick_periodic(current + 1, target, 4, Tense::future);
    else if (e_.shift == 0)
      index = pick_periodic(current, target, 4, Tense::present);
    else
      index =
          pick_periodic(current, target, 4, c_.tense == Tense::unknown ? Tense::present : c_.tense);
    set_point(season_point(index));
  }

  void weekday_only() {
    mark_relative(c_.dateline);
    if (!has_dateline()) {
      n_.value = "XXXX-WXX-";
      append_integer(n_.value, e_.weekday);
      return;
    }
    // "get around Wednesday's ruling": the verb is not about the day, and a day's event that
    // copy names this way has happened (news convention: the past).
    Tense tense = e_.possessive_of_event ? Tense::past : c_.tense;
    set_point(day_point(resolve_weekday(reference_, e_.weekday, e_.shift, tense)));
  }

  void unit_relative() {
    mark_relative(c_.dateline);
    int shift = e_.shift == kNone ? 0 : e_.shift;
    if (!has_dateline()) {
      switch (e_.unit) {
        case Unit::week:
          n_.value = "XXXX-WXX";
          break;
        case Unit::weekend:
          n_.value = "XXXX-WXX-WE";
          break;
        case Unit::month:
          n_.value = "XXXX-XX";
          break;
        case Unit::quarter:
          n_.value = "XXXX-QX";
          break;
        default:
          n_.value = "XXXX";
          break;
      }
      n_.type = "DATE";
      return;
    }
    switch (e_.unit) {
      case Unit::week:
      case Unit::fortnight:
        return set_point(week_point(reference_ + 7 * shift));
      case Unit::weekend: {
        int today = weekday(reference_);
        DayNumber monday = reference_ - (today - 1);
        int weeks = 0;
        if (e_.shift == kNone) {
          weeks = (c_.tense == Tense::future || today >= 6) ? 0 : -1;
        } else {
          weeks = shift;
        }
        return set_point(week_point(monday + 7 * weeks, Grain::weekend));
      }
      case Unit::month: {
        int year = dateline_.year;
        int month = dateline_.month;
        add_months(year, month, shift);
        return set_point(month_point(year, month));
      }
      case Unit::quarter: {
        int current = dateline_.year * 4 + quarter_of(dateline_.month) - 1;
        if (e_.shift == kNone) {
          if (c_.previous && c_.previous->grain == Grain::quarter && c_.previous->year != kNone)
            return set_point(*c_.previous);
          // Earnings copy names its quarter once ("the fiscal first quarter") and then says
          // "the quarter" though other dates come between; a quarter not yet over ("an
          // estimate for fourth-quarter results") has no results to report.
          const std::optional<Point>& reported = c_.reporting_quarter;
          if (reported && reported->year != kNone &&
              reported->year * 4 + reported->quarter - 1 < current)
            return set_point(*reported);
          return set_point(quarter_point(current - 1));
        }
        return set_point(quarter_point(current + shift));
      }
      case Unit::half:
        return set_point(half_point(dateline_.year * 2 + (dateline_.month - 1) / 6 + shift));
      case Unit::year:
        return set_point(year_point(dateline_.year + shift));
      case Unit::decade: {
        Point point;
        point.grain = Grain::decade;
        point.decade = dateline_.year / 10 + shift;
        return set_point(point);
      }
      case Unit::century: {
        Point point;
        point.grain = Grain::century;
        point.century = dateline_.year / 100 + shift;
        return set_point(point);
      }
      default:
        return set_point(day_point(reference_ + (e_.unit == Unit::day ? shift : 0)));
    }
  }

  void offset() {
    // Plain values with flags rather than optionals: what the offset counts from.
    const bool from_previous = e_.anchoring == Anchoring::previous;
    Point base_day;
    Point base;
    bool has_base_day = false;
    bool has_base = false;
    if (from_previous && c_.previous_day && c_.previous_day->year != kNone) {
      base_day = *c_.previous_day;
      has_base_day = true;
    }
    if (from_previous && c_.previous && c_.previous->year != kNone) {
      base = *c_.previous;
      has_base = true;
    }
    if (!has_base_day && has_dateline()) {
      base_day = day_point(reference_);
      has_base_day = true;
    }
    if (!has_base && has_dateline()) {
      base = day_point(reference_);
      has_base = true;
    }
    n_.relative = true;
    if (has_base_day) {
      n_.anchor.clear();
      append_point(n_.anchor, base_day);
    }
    int sign = e_.direction;
    long amount = std::lround(e_.amount);
    if (!has_base_day && !has_base) {
      n_.value = e_.unit == Unit::year ? "XXXX" : "XXXX-XX-XX";
      if (e_.has_time() && e_.unit == Unit::day) {
        n_.type = "TIME";
        append_time_suffix(n_.value, e_);
      }
      return;
    }
    DayNumber day =
        has_base_day ? day_number(base_day.year, base_day.month, base_day.day) : reference_;
    switch (e_.unit) {
      case Unit::day:
      case Unit::weekend:
      case Unit::hour:
      case Unit::minute:
      case Unit::second:
        if (e_.unit != Unit::day) amount = 0;
        return set_point(day_point(day + sign * static_cast<DayNumber>(amount)));
      case Unit::week:
      case Unit::fortnight:
        if (amount == 0) return set_point(week_point(day));
        if (!from_previous) {
          // "six weeks ago": the week it was.
          return set_point(week_point(day + sign * 7 * static_cast<DayNumber>(amount) *
                                                (e_.unit == Unit::fortnight ? 2 : 1)));
        }
        return set_point(day_point(day + sign * 7 * static_cast<DayNumber>(amount) *
                                             (e_.unit == Unit::fortnight ? 2 : 1)));
      case Unit::month: {
        Point from = has_base ? base : day_point(day);
        int year = from.year;
        int month = from.month != kNone ? from.month : 1;
        if (amount == 0 && from.month == kNone) return set_point(year_point(year));
        add_months(year, month, sign * static_cast<int>(amount));
        return set_point(month_point(year, month));
      }
      case Unit::quarter: {
        Point from = has_base ? base : day_point(day);
        int index = from.grain == Grain::quarter
                        ? from.year * 4 + from.quarter - 1
                        : from.year * 4 + quarter_of(from.month != kNone ? from.month : 1) - 1;
        return set_point(quarter_point(index + sign * static_cast<int>(amount)));
      }
      case Unit::year: {
        // "a year ago" after a quarter is the same quarter a year before, as in earnings copy.
        if (amount == 1 && sign < 0 && c_.reporting_quarter &&
            c_.reporting_quarter->year != kNone &&
            !(from_previous && c_.previous && c_.previous->grain == Grain::day)) {
          Point point = *c_.reporting_quarter;
          point.year -= 1;
          return set_point(point);
        }
        if (from_previous && has_base && e_.year_before_context) {
          // "a year earlier" after "Aug. 12" is Aug. 12 a year before; after a quarter, that
          // quarter a year before; otherwise the year.
          Point point = base;
          if (point.grain == Grain::day || point.grain == Grain::quarter ||
              point.grain == Grain::year || point.grain == Grain::half) {
            point.year += sign * static_cast<int>(amount);
            if (point.grain == Grain::day && !is_valid_date(point.year, point.month, point.day))
              point.day = days_in_month(point.year, point.month);
            if (amount == 0) point = year_point(point.year);
            return set_point(point);
          }
        }
        // "later that year" after "June 1998" counts from the period named last, whatever
        // its grain.
        Point from = has_base ? base : day_point(day);
        return set_point(year_point(from.year + sign * static_cast<int>(amount)));
      }
      case Unit::decade:
      case Unit::century:
      case Unit::millennium: {
        int years = e_.unit == Unit::decade ? 10 : (e_.unit == Unit::century ? 100 : 1000);
        Point from = has_base ? base : day_point(day);
        return set_point(year_point(from.year + sign * years * static_cast<int>(amount)));
      }
      default:
        return set_point(day_point(day));
    }
  }

  const Expr& e_;
  const NormalizeContext& c_;
  DateMention& mention_;
  Ymd dateline_;
  DayNumber reference_ = 0;
  // What is worked out, written into the mention at the end.
  struct {
    std::string_view type;  // "DATE", "TIME", "DURATION", "SET"; empty: not decided yet
    ValueText value;
    bool relative = false;
    bool valid = true;
    ValueText anchor;
    std::optional<Point> point;
    std::optional<DayNumber> day;
  } n_;
};

}  // namespace

std::string format_point(const Point& point) {
  ValueText text;
  append_point(text, point);
  return std::string(text.view());
}

Resolution normalize(const Expr& expr, const NormalizeContext& context, DateMention& mention) {
  return Resolver(expr, context, mention).run();
}

}  // namespace copydesk::analyzers::dates
