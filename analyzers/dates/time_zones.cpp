#include "analyzers/dates/time_zones.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

namespace copydesk::analyzers::dates {
namespace {

// Entry 0 is "no zone". Abbreviations come first (fixed offsets, upper case in copy), then
// places and zone names that copy writes before "time" (sorted by name for binary search).
constexpr std::array kZones = {
    ZoneInfo{"", "", 0},
    // Abbreviations: an abbreviation names a fixed offset ("EST" is UTC-5 even in July).
    ZoneInfo{"acst", "", 570},
    ZoneInfo{"aedt", "", 660},
    ZoneInfo{"aest", "", 600},
    ZoneInfo{"akdt", "", -480},
    ZoneInfo{"akst", "", -540},
    ZoneInfo{"awst", "", 480},
    ZoneInfo{"bst", "", 60},
    ZoneInfo{"cat", "", 120},
    ZoneInfo{"cdt", "", -300},
    ZoneInfo{"cest", "", 120},
    ZoneInfo{"cet", "", 60},
    ZoneInfo{"cst", "", -360},
    ZoneInfo{"eat", "", 180},
    ZoneInfo{"edt", "", -240},
    ZoneInfo{"eest", "", 180},
    ZoneInfo{"eet", "", 120},
    ZoneInfo{"est", "", -300},
    ZoneInfo{"gmt", "", 0},
    ZoneInfo{"hkt", "", 480},
    ZoneInfo{"hst", "", -600},
    ZoneInfo{"jst", "", 540},
    ZoneInfo{"kst", "", 540},
    ZoneInfo{"mdt", "", -360},
    ZoneInfo{"msk", "", 180},
    ZoneInfo{"mst", "", -420},
    ZoneInfo{"nzdt", "", 780},
    ZoneInfo{"nzst", "", 720},
    ZoneInfo{"pdt", "", -420},
    ZoneInfo{"pkt", "", 300},
    ZoneInfo{"pst", "", -480},
    ZoneInfo{"sgt", "", 480},
    ZoneInfo{"utc", "", 0},
    ZoneInfo{"wat", "", 60},
    ZoneInfo{"west", "", 60},
    ZoneInfo{"wet", "", 0},
    ZoneInfo{"wib", "", 420},
    // Places and zone names, as in "3 a.m. Moscow time".
    ZoneInfo{"abu dhabi", "Asia/Dubai", 0},
    ZoneInfo{"addis ababa", "Africa/Addis_Ababa", 0},
    ZoneInfo{"algiers", "Africa/Algiers", 0},
    ZoneInfo{"almaty", "Asia/Almaty", 0},
    ZoneInfo{"amman", "Asia/Amman", 0},
    ZoneInfo{"amsterdam", "Europe/Amsterdam", 0},
    ZoneInfo{"anchorage", "America/Anchorage", 0},
    ZoneInfo{"ankara", "Europe/Istanbul", 0},
    ZoneInfo{"athens", "Europe/Athens", 0},
    ZoneInfo{"atlantic", "America/Halifax", 0},
    ZoneInfo{"baghdad", "Asia/Baghdad", 0},
    ZoneInfo{"baku", "Asia/Baku", 0},
    ZoneInfo{"bangkok", "Asia/Bangkok", 0},
    ZoneInfo{"beijing", "Asia/Shanghai", 0},
    ZoneInfo{"beirut", "Asia/Beirut", 0},
    ZoneInfo{"belgrade", "Europe/Belgrade", 0},
    ZoneInfo{"berlin", "Europe/Berlin", 0},
    ZoneInfo{"bogota", "America/Bogota", 0},
    ZoneInfo{"brasilia", "America/Sao_Paulo", 0},
    ZoneInfo{"british", "Europe/London", 0},
    ZoneInfo{"brussels", "Europe/Brussels", 0},
    ZoneInfo{"bucharest", "Europe/Bucharest", 0},
    ZoneInfo{"budapest", "Europe/Budapest", 0},
    ZoneInfo{"buenos aires", "America/Argentina/Buenos_Aires", 0},
    ZoneInfo{"cairo", "Africa/Cairo", 0},
    ZoneInfo{"canberra", "Australia/Sydney", 0},
    ZoneInfo{"caracas", "America/Caracas", 0},
    ZoneInfo{"central", "America/Chicago", 0},
    ZoneInfo{"chicago", "America/Chicago", 0},
    ZoneInfo{"colombo", "Asia/Colombo", 0},
    ZoneInfo{"copenhagen", "Europe/Copenhagen", 0},
    ZoneInfo{"damascus", "Asia/Damascus", 0},
    ZoneInfo{"delhi", "Asia/Kolkata", 0},
    ZoneInfo{"denver", "America/Denver", 0},
    ZoneInfo{"dhaka", "Asia/Dhaka", 0},
    ZoneInfo{"doha", "Asia/Qatar", 0},
    ZoneInfo{"dubai", "Asia/Dubai", 0},
    ZoneInfo{"dublin", "Europe/Dublin", 0},
    ZoneInfo{"eastern", "America/New_York", 0},
    ZoneInfo{"gaza", "Asia/Gaza", 0},
    ZoneInfo{"greenwich", "Etc/GMT", 0},
    ZoneInfo{"hanoi", "Asia/Ho_Chi_Minh", 0},
    ZoneInfo{"havana", "America/Havana", 0},
    ZoneInfo{"helsinki", "Europe/Helsinki", 0},
    ZoneInfo{"hong kong", "Asia/Hong_Kong", 0},
    ZoneInfo{"honolulu", "Pacific/Honolulu", 0},
    ZoneInfo{"islamabad", "Asia/Karachi", 0},
    ZoneInfo{"israel", "Asia/Jerusalem", 0},
    ZoneInfo{"istanbul", "Europe/Istanbul", 0},
    ZoneInfo{"jakarta", "Asia/Jakarta", 0},
    ZoneInfo{"jerusalem", "Asia/Jerusalem", 0},
    ZoneInfo{"johannesburg", "Africa/Johannesburg", 0},
    ZoneInfo{"kabul", "Asia/Kabul", 0},
    ZoneInfo{"kaliningrad", "Europe/Kaliningrad", 0},
    ZoneInfo{"karachi", "Asia/Karachi", 0},
    ZoneInfo{"kathmandu", "Asia/Kathmandu", 0},
    ZoneInfo{"khartoum", "Africa/Khartoum", 0},
    ZoneInfo{"kiev", "Europe/Kyiv", 0},
    ZoneInfo{"kinshasa", "Africa/Kinshasa", 0},
    ZoneInfo{"kuala lumpur", "Asia/Kuala_Lumpur", 0},
    ZoneInfo{"kyiv", "Europe/Kyiv", 0},
    ZoneInfo{"lagos", "Africa/Lagos", 0},
    ZoneInfo{"lima", "America/Lima", 0},
    ZoneInfo{"lisbon", "Europe/Lisbon", 0},
    ZoneInfo{"london", "Europe/London", 0},
    ZoneInfo{"los angeles", "America/Los_Angeles", 0},
    ZoneInfo{"madrid", "Europe/Madrid", 0},
    ZoneInfo{"manila", "Asia/Manila", 0},
    ZoneInfo{"mecca", "Asia/Riyadh", 0},
    ZoneInfo{"mexico city", "America/Mexico_City", 0},
    ZoneInfo{"minsk", "Europe/Minsk", 0},
    ZoneInfo{"moscow", "Europe/Moscow", 0},
    ZoneInfo{"mountain", "America/Denver", 0},
    ZoneInfo{"nairobi", "Africa/Nairobi", 0},
    ZoneInfo{"new delhi", "Asia/Kolkata", 0},
    ZoneInfo{"new york", "America/New_York", 0},
    ZoneInfo{"oslo", "Europe/Oslo", 0},
    ZoneInfo{"ottawa", "America/Toronto", 0},
    ZoneInfo{"pacific", "America/Los_Angeles", 0},
    ZoneInfo{"paris", "Europe/Paris", 0},
    ZoneInfo{"prague", "Europe/Prague", 0},
    ZoneInfo{"pyongyang", "Asia/Pyongyang", 0},
    ZoneInfo{"riga", "Europe/Riga", 0},
    ZoneInfo{"rio", "America/Sao_Paulo", 0},
    ZoneInfo{"riyadh", "Asia/Riyadh", 0},
    ZoneInfo{"rome", "Europe/Rome", 0},
    ZoneInfo{"santiago", "America/Santiago", 0},
    ZoneInfo{"sao paulo", "America/Sao_Paulo", 0},
    ZoneInfo{"seoul", "Asia/Seoul", 0},
    ZoneInfo{"singapore", "Asia/Singapore", 0},
    ZoneInfo{"sofia", "Europe/Sofia", 0},
    ZoneInfo{"stockholm", "Europe/Stockholm", 0},
    ZoneInfo{"sydney", "Australia/Sydney", 0},
    ZoneInfo{"taipei", "Asia/Taipei", 0},
    ZoneInfo{"tallinn", "Europe/Tallinn", 0},
    ZoneInfo{"tashkent", "Asia/Tashkent", 0},
    ZoneInfo{"tbilisi", "Asia/Tbilisi", 0},
    ZoneInfo{"tehran", "Asia/Tehran", 0},
    ZoneInfo{"tel aviv", "Asia/Jerusalem", 0},
    ZoneInfo{"tokyo", "Asia/Tokyo", 0},
    ZoneInfo{"toronto", "America/Toronto", 0},
    ZoneInfo{"tripoli", "Africa/Tripoli", 0},
    ZoneInfo{"tunis", "Africa/Tunis", 0},
    ZoneInfo{"ukraine", "Europe/Kyiv", 0},
    ZoneInfo{"vienna", "Europe/Vienna", 0},
    ZoneInfo{"vilnius", "Europe/Vilnius", 0},
    ZoneInfo{"vladivostok", "Asia/Vladivostok", 0},
    ZoneInfo{"warsaw", "Europe/Warsaw", 0},
    ZoneInfo{"washington", "America/New_York", 0},
    ZoneInfo{"wellington", "Pacific/Auckland", 0},
    ZoneInfo{"yangon", "Asia/Yangon", 0},
    ZoneInfo{"yerevan", "Asia/Yerevan", 0},
};

constexpr std::size_t first_place() {
  std::size_t i = 1;
  while (i < kZones.size() && kZones[i].iana.empty())
    ++i;
  return i;
}
constexpr std::size_t kFirstPlace = first_place();

constexpr bool sorted_by_name(std::size_t first, std::size_t last) {
  for (std::size_t i = first + 1; i < last; ++i)
    if (!(kZones[i - 1].name < kZones[i].name)) return false;
  return true;
}
static_assert(sorted_by_name(1, kFirstPlace) && sorted_by_name(kFirstPlace, kZones.size()),
              "zone tables must stay sorted for binary search");

ZoneId find_in(std::size_t first, std::size_t last, std::string_view name) {
  auto begin = kZones.begin() + first;
  auto end = kZones.begin() + last;
  auto it = std::lower_bound(
      begin, end, name, [](const ZoneInfo& zone, std::string_view key) { return zone.name < key; });
  if (it == end || it->name != name) return kNoZone;
  return static_cast<ZoneId>(it - kZones.begin());
}

// ICU zones are costly to create: one per zone and thread, made on first use.
const icu::TimeZone* icu_zone(ZoneId zone) {
  thread_local std::vector<std::pair<ZoneId, std::unique_ptr<icu::TimeZone>>> cache;
  for (const auto& [id, tz] : cache)
    if (id == zone) return tz.get();
  std::string_view iana = kZones[zone].iana;
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(iana.data(), static_cast<int32_t>(iana.size())))));
  if (tz && *tz == icu::TimeZone::getUnknown() && iana == "Europe/Kyiv") {
    // ICU data before 2022 knows Kyiv only by its old spelling.
    tz.reset(icu::TimeZone::createTimeZone(icu::UnicodeString("Europe/Kiev")));
  }
  if (tz && *tz == icu::TimeZone::getUnknown()) tz.reset();
  cache.emplace_back(zone, std::move(tz));
  return cache.back().second.get();
}

}  // namespace

ZoneId find_zone_abbreviation(std::string_view word) {
  if (word.size() < 3 || word.size() > 4) return kNoZone;
  char lower[4];
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] < 'A' || word[i] > 'Z') return kNoZone;
    lower[i] = static_cast<char>(word[i] - 'A' + 'a');
  }
  return find_in(1, kFirstPlace, std::string_view(lower, word.size()));
}

ZoneId find_zone_place(std::string_view lower_name) {
  return find_in(kFirstPlace, kZones.size(), lower_name);
}

const ZoneInfo& zone_info(ZoneId zone) {
  return kZones[zone < kZones.size() ? zone : 0];
}

std::optional<int> utc_offset_minutes(ZoneId zone, DayNumber day, int local_minutes) {
  if (zone == kNoZone || zone >= kZones.size()) return std::nullopt;
  const ZoneInfo& info = kZones[zone];
  if (info.iana.empty()) return info.fixed_offset_minutes;
  const icu::TimeZone* tz = icu_zone(zone);
  if (!tz) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0;
  int32_t dst = 0;
  double local = (static_cast<double>(day) * 1440.0 + local_minutes) * 60000.0;
  tz->getOffset(local, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return (raw + dst) / 60000;
}

}  // namespace copydesk::analyzers::dates
