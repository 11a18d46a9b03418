// Time zones named in copy: abbreviations ("GMT", "EDT"), places ("Moscow time", "Kyiv time")
// and US zone names ("Eastern time"), and the UTC offset each has on a given day (ICU's zone data,
// so a place's offset is the one in force on that date).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "analyzers/dates/calendar.hpp"

namespace copydesk::analyzers::dates {

// An index into the zone table; 0 is "no zone".
using ZoneId = std::uint16_t;
constexpr ZoneId kNoZone = 0;

struct ZoneInfo {
  std::string_view name;  // as looked up, lower case: "gmt", "moscow", "new york", "eastern"
  std::string_view iana;  // IANA zone for places and US zone names; empty for fixed abbreviations
  int fixed_offset_minutes = 0;  // for abbreviations: EDT is -240 whatever the date
};

// A zone abbreviation as written in copy, upper case ("GMT", "UTC", "EST", "MSK"); kNoZone if
// not one. Ambiguous abbreviations (IST, AST) are not recognized.
ZoneId find_zone_abbreviation(std::string_view word);
// A place or zone name followed by "time" in copy, lower case, words separated by one space
// ("moscow", "new york", "eastern"); kNoZone if not one.
ZoneId find_zone_place(std::string_view lower_name);

const ZoneInfo& zone_info(ZoneId zone);

// The zone's offset from UTC in minutes at a local time of day (minutes since midnight) on a day;
// nullopt for kNoZone or a zone ICU does not know.
std::optional<int> utc_offset_minutes(ZoneId zone, DayNumber day, int local_minutes);

}  // namespace copydesk::analyzers::dates
