#include "analyzers/dates/time_zones.hpp"

#include <doctest/doctest.h>

using namespace copydesk::analyzers::dates;

TEST_CASE("time zones: abbreviations have fixed offsets") {
  ZoneId gmt = find_zone_abbreviation("GMT");
  REQUIRE(gmt != kNoZone);
  CHECK(utc_offset_minutes(gmt, day_number(2024, 3, 12), 0) == 0);
  CHECK(utc_offset_minutes(find_zone_abbreviation("EDT"), day_number(2024, 1, 1), 0) == -240);
  CHECK(find_zone_abbreviation("gmt") == kNoZone);  // copy writes zones in capitals
  CHECK(find_zone_abbreviation("IST") == kNoZone);  // India, Ireland or Israel
  CHECK(find_zone_abbreviation("THE") == kNoZone);
}

TEST_CASE("time zones: places use the offset in force on the day") {
  ZoneId moscow = find_zone_place("moscow");
  REQUIRE(moscow != kNoZone);
  CHECK(zone_info(moscow).iana == "Europe/Moscow");
  CHECK(utc_offset_minutes(moscow, day_number(2024, 3, 12), 180) == 180);
  ZoneId kyiv = find_zone_place("kyiv");
  CHECK(utc_offset_minutes(kyiv, day_number(2024, 1, 15), 600) == 120);
  CHECK(utc_offset_minutes(kyiv, day_number(2024, 7, 15), 600) == 180);  // summer time
  ZoneId new_york = find_zone_place("new york");
  CHECK(utc_offset_minutes(new_york, day_number(2024, 7, 4), 720) == -240);
  CHECK(utc_offset_minutes(new_york, day_number(2024, 12, 4), 720) == -300);
  CHECK(find_zone_place("atlantis") == kNoZone);
  CHECK_FALSE(utc_offset_minutes(kNoZone, 0, 0));
}
