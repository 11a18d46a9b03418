#include "analyzers/dates/lexicon.hpp"

#include <array>
#include <cstring>

#include "analyzers/word_key.hpp"

namespace copydesk::analyzers::dates {
namespace {

struct Entry {
  std::string_view word;  // lower case
  WordClass word_class;
  std::int16_t value;
  std::uint8_t flags = 0;
};

constexpr std::int16_t v(Unit unit) {
  return static_cast<std::int16_t>(unit);
}
constexpr std::int16_t v(PartOfDay part) {
  return static_cast<std::int16_t>(part);
}
constexpr std::int16_t v(RefKind ref) {
  return static_cast<std::int16_t>(ref);
}
constexpr std::int16_t v(TenseCue cue) {
  return static_cast<std::int16_t>(cue);
}
constexpr std::int16_t v(Holiday holiday) {
  return static_cast<std::int16_t>(holiday);
}

using W = WordClass;
constexpr std::uint8_t kPl = plural;
constexpr std::uint8_t kAb = abbreviation;

constexpr Entry kEntries[] = {
    // Months. Abbreviations need a period or a number after them ("Jan. 3", "Mar 12").
    {"january", W::month, 1},
    {"february", W::month, 2},
    {"march", W::month, 3},
    {"april", W::month, 4},
    {"may", W::month, 5},
    {"june", W::month, 6},
    {"july", W::month, 7},
    {"august", W::month, 8},
    {"september", W::month, 9},
    {"october", W::month, 10},
    {"november", W::month, 11},
    {"december", W::month, 12},
    {"jan", W::month, 1, kAb},
    {"feb", W::month, 2, kAb},
    {"mar", W::month, 3, kAb},
    {"apr", W::month, 4, kAb},
    {"jun", W::month, 6, kAb},
    {"jul", W::month, 7, kAb},
    {"aug", W::month, 8, kAb},
    {"sep", W::month, 9, kAb},
    {"sept", W::month, 9, kAb},
    {"oct", W::month, 10, kAb},
    {"nov", W::month, 11, kAb},
    {"dec", W::month, 12, kAb},
    // Weekdays.
    {"monday", W::weekday, 1},
    {"tuesday", W::weekday, 2},
    {"wednesday", W::weekday, 3},
    {"thursday", W::weekday, 4},
    {"friday", W::weekday, 5},
    {"saturday", W::weekday, 6},
    {"sunday", W::weekday, 7},
    {"mondays", W::weekday, 1, kPl},
    {"tuesdays", W::weekday, 2, kPl},
    {"wednesdays", W::weekday, 3, kPl},
    {"thursdays", W::weekday, 4, kPl},
    {"fridays", W::weekday, 5, kPl},
    {"saturdays", W::weekday, 6, kPl},
    {"sundays", W::weekday, 7, kPl},
    {"mon", W::weekday, 1, kAb},
    {"tue", W::weekday, 2, kAb},
    {"tues", W::weekday, 2, kAb},
    {"wed", W::weekday, 3, kAb},
    {"thu", W::weekday, 4, kAb},
    {"thur", W::weekday, 4, kAb},
    {"thurs", W::weekday, 4, kAb},
    {"fri", W::weekday, 5, kAb},
    {"sat", W::weekday, 6, kAb},
    {"sun", W::weekday, 7, kAb},
    // Units. "second" is an ordinal; only "seconds" is a unit here.
    {"seconds", W::unit, v(Unit::second), kPl},
    {"minute", W::unit, v(Unit::minute)},
    {"minutes", W::unit, v(Unit::minute), kPl},
    {"hour", W::unit, v(Unit::hour)},
    {"hours", W::unit, v(Unit::hour), kPl},
    {"day", W::unit, v(Unit::day)},
    {"days", W::unit, v(Unit::day), kPl},
    {"week", W::unit, v(Unit::week)},
    {"weeks", W::unit, v(Unit::week), kPl},
    {"weekend", W::unit, v(Unit::weekend)},
    {"weekends", W::unit, v(Unit::weekend), kPl},
    {"fortnight", W::unit, v(Unit::fortnight)},
    {"month", W::unit, v(Unit::month)},
    {"months", W::unit, v(Unit::month), kPl},
    {"quarter", W::unit, v(Unit::quarter)},
    {"quarters", W::unit, v(Unit::quarter), kPl},
    {"period", W::unit, v(Unit::quarter)},
    {"half", W::unit, v(Unit::half)},
    {"year", W::unit, v(Unit::year)},
    {"years", W::unit, v(Unit::year), kPl},
    {"decade", W::unit, v(Unit::decade)},
    {"decades", W::unit, v(Unit::decade), kPl},
    {"century", W::unit, v(Unit::century)},
    {"centuries", W::unit, v(Unit::century), kPl},
    {"millennium", W::unit, v(Unit::millennium)},
    {"millennia", W::unit, v(Unit::millennium), kPl},
    // Numbers in words.
    {"one", W::cardinal, 1},
    {"two", W::cardinal, 2},
    {"three", W::cardinal, 3},
    {"four", W::cardinal, 4},
    {"five", W::cardinal, 5},
    {"six", W::cardinal, 6},
    {"seven", W::cardinal, 7},
    {"eight", W::cardinal, 8},
    {"nine", W::cardinal, 9},
    {"ten", W::cardinal, 10},
    {"eleven", W::cardinal, 11},
    {"twelve", W::cardinal, 12},
    {"thirteen", W::cardinal, 13},
    {"fourteen", W::cardinal, 14},
    {"fifteen", W::cardinal, 15},
    {"sixteen", W::cardinal, 16},
    {"seventeen", W::cardinal, 17},
    {"eighteen", W::cardinal, 18},
    {"nineteen", W::cardinal, 19},
    {"twenty", W::cardinal, 20},
    {"thirty", W::cardinal, 30},
    {"forty", W::cardinal, 40},
    {"fifty", W::cardinal, 50},
    {"sixty", W::cardinal, 60},
    {"seventy", W::cardinal, 70},
    {"eighty", W::cardinal, 80},
    {"ninety", W::cardinal, 90},
    {"hundred", W::cardinal, 100},
    {"thousand", W::cardinal, 1000},
    {"dozen", W::cardinal, 12},
    {"couple", W::cardinal, 2},
    {"several", W::cardinal, kVague},
    {"few", W::cardinal, kVague},
    {"many", W::cardinal, kVague},
    {"dozens", W::cardinal, kVague},
    {"hundreds", W::cardinal, kVague},
    {"thousands", W::cardinal, kVague},
    // Ordinals.
    {"first", W::ordinal, 1},
    {"second", W::ordinal, 2},
    {"third", W::ordinal, 3},
    {"fourth", W::ordinal, 4},
    {"fifth", W::ordinal, 5},
    {"sixth", W::ordinal, 6},
    {"seventh", W::ordinal, 7},
    {"eighth", W::ordinal, 8},
    {"ninth", W::ordinal, 9},
    {"tenth", W::ordinal, 10},
    {"eleventh", W::ordinal, 11},
    {"twelfth", W::ordinal, 12},
    {"thirteenth", W::ordinal, 13},
    {"fourteenth", W::ordinal, 14},
    {"fifteenth", W::ordinal, 15},
    {"sixteenth", W::ordinal, 16},
    {"seventeenth", W::ordinal, 17},
    {"eighteenth", W::ordinal, 18},
    {"nineteenth", W::ordinal, 19},
    {"twentieth", W::ordinal, 20},
    {"thirtieth", W::ordinal, 30},
    // Days named from the dateline.
    {"today", W::day_deixis, 0},
    {"yesterday", W::day_deixis, -1},
    {"tomorrow", W::day_deixis, 1},
    {"tonight", W::day_deixis, 0},
    // Parts of the day and clock words.
    {"morning", W::part_of_day, v(PartOfDay::morning)},
    {"mornings", W::part_of_day, v(PartOfDay::morning), kPl},
    {"afternoon", W::part_of_day, v(PartOfDay::afternoon)},
    {"afternoons", W::part_of_day, v(PartOfDay::afternoon), kPl},
    {"evening", W::part_of_day, v(PartOfDay::evening)},
    {"evenings", W::part_of_day, v(PartOfDay::evening), kPl},
    {"night", W::part_of_day, v(PartOfDay::night)},
    {"nights", W::part_of_day, v(PartOfDay::night), kPl},
    {"overnight", W::part_of_day, v(PartOfDay::night)},
    {"midafternoon", W::part_of_day, v(PartOfDay::afternoon)},
    {"noon", W::clock_word, 720},
    {"midday", W::clock_word, 720},
    {"midnight", W::clock_word, 1440},
    // Seasons.
    {"spring", W::season, 1},
    {"summer", W::season, 2},
    {"fall", W::season, 3},
    {"autumn", W::season, 3},
    {"winter", W::season, 4},
    // Reference to the present, past or future as a whole.
    {"now", W::reference, v(RefKind::present)},
    {"currently", W::reference, v(RefKind::present)},
    {"current", W::reference, v(RefKind::present)},
    {"presently", W::reference, v(RefKind::present)},
    {"nowadays", W::reference, v(RefKind::present)},
    {"recently", W::reference, v(RefKind::past)},
    {"recent", W::reference, v(RefKind::past)},
    {"lately", W::reference, v(RefKind::past)},
    {"earlier", W::reference, v(RefKind::past)},
    {"past", W::reference, v(RefKind::past)},
    {"future", W::reference, v(RefKind::future)},
    {"term", W::reference, v(RefKind::future)},
    // Words that shift a unit, month or weekday ("last week", "next Tuesday").
    {"last", W::shifter, -1},
    {"next", W::shifter, 1},
    {"this", W::shifter, 0},
    {"coming", W::shifter, 1},
    {"previous", W::shifter, -1},
    {"preceding", W::shifter, -1},
    {"following", W::shifter, 1},
    {"upcoming", W::shifter, 1},
    // Frequencies.
    {"daily", W::set_adverb, v(Unit::day)},
    {"nightly", W::set_adverb, v(Unit::day)},
    {"weekly", W::set_adverb, v(Unit::week)},
    {"biweekly", W::set_adverb, v(Unit::fortnight)},
    {"monthly", W::set_adverb, v(Unit::month)},
    {"quarterly", W::set_adverb, v(Unit::quarter)},
    {"annually", W::set_adverb, v(Unit::year)},
    {"yearly", W::set_adverb, v(Unit::year)},
    {"hourly", W::set_adverb, v(Unit::hour)},
    // Holidays (one-word names; "Independence Day" and the like are matched on "Day").
    {"christmas", W::holiday, v(Holiday::christmas)},
    {"thanksgiving", W::holiday, v(Holiday::thanksgiving)},
    {"easter", W::holiday, v(Holiday::easter)},
    {"halloween", W::holiday, v(Holiday::halloween)},
    // Decades in words ("the nineties").
    {"twenties", W::decade_word, 2},
    {"thirties", W::decade_word, 3},
    {"forties", W::decade_word, 4},
    {"fifties", W::decade_word, 5},
    {"sixties", W::decade_word, 6},
    {"seventies", W::decade_word, 7},
    {"eighties", W::decade_word, 8},
    {"nineties", W::decade_word, 9},
    // Tense cues, for resolving "Tuesday" and "March" to the past or the future.
    {"will", W::tense, v(TenseCue::future)},
    {"shall", W::tense, v(TenseCue::future)},
    {"won't", W::tense, v(TenseCue::future)},
    // Reported speech puts the future in "would": "said he would travel on Thursday".
    {"would", W::tense, v(TenseCue::future)},
    {"scheduled", W::tense, v(TenseCue::future)},
    {"slated", W::tense, v(TenseCue::future)},
    {"plans", W::tense, v(TenseCue::future)},
    {"supposed", W::tense, v(TenseCue::future)},
    {"planning", W::tense, v(TenseCue::future)},
    {"preparing", W::tense, v(TenseCue::future)},
    {"intend", W::tense, v(TenseCue::future)},
    {"expected", W::tense, v(TenseCue::future)},
    {"expects", W::tense, v(TenseCue::future)},
    {"intends", W::tense, v(TenseCue::future)},
    {"said", W::tense, v(TenseCue::past)},
    {"told", W::tense, v(TenseCue::past)},
    {"was", W::tense, v(TenseCue::past)},
    {"were", W::tense, v(TenseCue::past)},
    {"had", W::tense, v(TenseCue::past)},
    {"did", W::tense, v(TenseCue::past)},
    {"didn't", W::tense, v(TenseCue::past)},
    {"wasn't", W::tense, v(TenseCue::past)},
    {"weren't", W::tense, v(TenseCue::past)},
    {"ago", W::tense, v(TenseCue::past)},
    {"since", W::tense, v(TenseCue::past)},
    {"went", W::tense, v(TenseCue::past)},
    {"came", W::tense, v(TenseCue::past)},
    {"took", W::tense, v(TenseCue::past)},
    {"made", W::tense, v(TenseCue::past)},
    {"gave", W::tense, v(TenseCue::past)},
    {"met", W::tense, v(TenseCue::past)},
    {"held", W::tense, v(TenseCue::past)},
    {"won", W::tense, v(TenseCue::past)},
    {"lost", W::tense, v(TenseCue::past)},
    {"began", W::tense, v(TenseCue::past)},
    {"saw", W::tense, v(TenseCue::past)},
    {"left", W::tense, v(TenseCue::past)},
    {"fell", W::tense, v(TenseCue::past)},
    {"rose", W::tense, v(TenseCue::past)},
    {"sent", W::tense, v(TenseCue::past)},
    {"found", W::tense, v(TenseCue::past)},
    {"brought", W::tense, v(TenseCue::past)},
    {"spoke", W::tense, v(TenseCue::past)},
    {"wrote", W::tense, v(TenseCue::past)},
    {"became", W::tense, v(TenseCue::past)},
    {"struck", W::tense, v(TenseCue::past)},
    {"killed", W::tense, v(TenseCue::past)},
    {"paid", W::tense, v(TenseCue::past)},
    {"got", W::tense, v(TenseCue::past)},
    {"kept", W::tense, v(TenseCue::past)},
    {"ran", W::tense, v(TenseCue::past)},
    {"stood", W::tense, v(TenseCue::past)},
    {"flew", W::tense, v(TenseCue::past)},
    {"shot", W::tense, v(TenseCue::past)},
    {"sold", W::tense, v(TenseCue::past)},
    {"bought", W::tense, v(TenseCue::past)},
    {"built", W::tense, v(TenseCue::past)},
    {"heard", W::tense, v(TenseCue::past)},
    {"thought", W::tense, v(TenseCue::past)},
    {"knew", W::tense, v(TenseCue::past)},
    {"grew", W::tense, v(TenseCue::past)},
    {"drew", W::tense, v(TenseCue::past)},
    {"threw", W::tense, v(TenseCue::past)},
    {"broke", W::tense, v(TenseCue::past)},
    {"chose", W::tense, v(TenseCue::past)},
    {"fought", W::tense, v(TenseCue::past)},
    {"caught", W::tense, v(TenseCue::past)},
    {"sought", W::tense, v(TenseCue::past)},
    {"felt", W::tense, v(TenseCue::past)},
    {"spent", W::tense, v(TenseCue::past)},
    {"ate", W::tense, v(TenseCue::past)},
    {"wore", W::tense, v(TenseCue::past)},
    {"sank", W::tense, v(TenseCue::past)},
    {"swore", W::tense, v(TenseCue::past)},
    {"rode", W::tense, v(TenseCue::past)},
    {"hung", W::tense, v(TenseCue::past)},
    {"slid", W::tense, v(TenseCue::past)},
    {"stole", W::tense, v(TenseCue::past)},
    {"woke", W::tense, v(TenseCue::past)},
    {"froze", W::tense, v(TenseCue::past)},
    {"dug", W::tense, v(TenseCue::past)},
    {"bent", W::tense, v(TenseCue::past)},
    {"lent", W::tense, v(TenseCue::past)},
    {"meant", W::tense, v(TenseCue::past)},
    {"sat", W::tense, v(TenseCue::past)},
    {"slept", W::tense, v(TenseCue::past)},
    {"swept", W::tense, v(TenseCue::past)},
    {"taught", W::tense, v(TenseCue::past)},
    {"tore", W::tense, v(TenseCue::past)},
    {"withdrew", W::tense, v(TenseCue::past)},
    {"overthrew", W::tense, v(TenseCue::past)},
    {"undertook", W::tense, v(TenseCue::past)},
    {"forgot", W::tense, v(TenseCue::past)},
    {"forbade", W::tense, v(TenseCue::past)},
    {"understood", W::tense, v(TenseCue::past)},
    {"sprang", W::tense, v(TenseCue::past)},
    {"shook", W::tense, v(TenseCue::past)},
    {"stuck", W::tense, v(TenseCue::past)},
    {"says", W::tense, v(TenseCue::present)},
    {"is", W::tense, v(TenseCue::present)},
    {"are", W::tense, v(TenseCue::present)},
    {"isn't", W::tense, v(TenseCue::present)},
    {"aren't", W::tense, v(TenseCue::present)},
};

constexpr std::size_t kMaxWord = 13;  // "thanksgiving", "semiannually" and shorter
constexpr std::size_t kTableSize = 1024;

// A word is its lower-case bytes, zero-padded to 16, read as two 64-bit halves: hashing and
// comparing it takes a few instructions whatever its length.
struct Key {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  friend bool operator==(const Key&, const Key&) = default;
};

std::uint32_t hash_key(const Key& key) {
  std::uint64_t mixed = key.low * 0x9E3779B97F4A7C15ull ^ key.high * 0xC2B2AE3D27D4EB4Full;
  return static_cast<std::uint32_t>(mixed >> 40);
}

struct Slot {
  Key key;
  Lexeme lexeme;
  bool used = false;
};

// Where a character falls in the prefilter: letters 0-25, anything else 26.
constexpr int letter_index(unsigned char c) {
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
  return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

// Three prefilters on a token as written, each a bit per letter: (length, first letter) ->
// second letter, (length, second letter) -> third letter, (length, last letter) -> the one
// before. Bit tests reject most words ("the", "from", "government") before any stripping or
// hashing. Each entry also marks its forms with a
// period ("Jan."), "'s" and "’s".
constexpr std::size_t kMaxToken = kMaxWord + 4;
struct Prefilter {
  std::array<std::uint32_t, (kMaxToken + 1) * 27> first{};
  std::array<std::uint32_t, (kMaxToken + 1) * 27> second{};
  std::array<std::uint32_t, (kMaxToken + 1) * 27> last{};  // last letter -> the one before
};

// Words that start a match; the others (modifiers, ordinals, tense cues, most numbers) are only
// read next to one.
constexpr bool starts_matches(const Entry& entry) {
  switch (entry.word_class) {
    case WordClass::tense:
    case WordClass::shifter:
    case WordClass::ordinal:
      return false;
    case WordClass::cardinal:
      return entry.value == 18 || entry.value == 19;  // spelled years
    default:
      return true;
  }
}

constexpr Prefilter make_prefilter(bool triggers_only) {
  Prefilter filter;
  for (const Entry& entry : kEntries) {
    if (triggers_only && !starts_matches(entry)) continue;
    for (std::string_view suffix : {"", ".", "'s", "\xE2\x80\x99s"}) {
      std::size_t length = entry.word.size() + suffix.size();
      auto at = [&](std::size_t i) {
        return static_cast<unsigned char>(i < entry.word.size() ? entry.word[i]
                                                                : suffix[i - entry.word.size()]);
      };
      filter.first[length * 27 + letter_index(at(0))] |= 1u << letter_index(at(1));
      if (length > 2) filter.second[length * 27 + letter_index(at(1))] |= 1u << letter_index(at(2));
      filter.last[length * 27 + letter_index(at(length - 1))] |= 1u << letter_index(at(length - 2));
    }
  }
  return filter;
}
constexpr Prefilter kPrefilter = make_prefilter(false);
constexpr Prefilter kTriggerPrefilter = make_prefilter(true);

constexpr std::array<std::uint8_t, 256> make_letter_table() {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = static_cast<std::uint8_t>(letter_index(c));
  return table;
}
constexpr auto kLetter = make_letter_table();

// Each byte with ASCII capitals lowered: one load per character where equals_lower() and the key
// table compare a word with a lower-case one.
constexpr auto kAsciiLower = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return table;
}();

// Branch-free: the three tests are independent loads, combined at the end, so the processor
// does not mispredict on every other word.
bool passes(const Prefilter& filter, std::string_view word) {
  std::size_t size = word.size();
  if (size < 2 || size > kMaxToken) return false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(word.data());
  unsigned first = kLetter[bytes[0]];
  unsigned second = kLetter[bytes[1]];
  unsigned third = kLetter[bytes[size > 2 ? 2 : 0]];
  unsigned last = kLetter[bytes[size - 1]];
  unsigned before_last = kLetter[bytes[size - 2]];
  std::uint32_t bit = (filter.first[size * 27 + first] >> second) &
                      (size > 2 ? filter.second[size * 27 + second] >> third : 1u) &
                      (filter.last[size * 27 + last] >> before_last);
  return (bit & 1u) != 0;
}

Key key_of(std::string_view lower) {
  char bytes[16] = {};
  std::memcpy(bytes, lower.data(), lower.size());
  Key key;
  std::memcpy(&key.low, bytes, 8);
  std::memcpy(&key.high, bytes + 8, 8);
  return key;
}

struct Table {
  std::array<Slot, kTableSize> slots{};
  Table() {
    for (const Entry& entry : kEntries) {
      Key key = key_of(entry.word);
      std::size_t index = hash_key(key) & (kTableSize - 1);
      while (slots[index].used)
        index = (index + 1) & (kTableSize - 1);
      slots[index] = {key, Lexeme{entry.word_class, entry.flags, entry.value}, true};
    }
  }
};

constexpr bool entries_fit() {
  for (const Entry& entry : kEntries)
    if (entry.word.size() > kMaxWord || entry.word.empty()) return false;
  return sizeof(kEntries) / sizeof(kEntries[0]) < kTableSize / 2;
}
static_assert(entries_fit(), "every word fits a slot and the table stays at most half full");

const Table& table() {
  static const Table instance;
  return instance;
}

// The forms lookup_word() accepts, by word key. A word it finds normalizes (as word_key() does
// it: ASCII lower case, U+2019 as "'") to an entry with perhaps a period and perhaps "'s" after
// it, so a key that is none of those forms' keys is no word of the lexicon. A key that is one
// is checked against the text; a form written with U+2019 or with both suffixes ("Jan.'s"),
// which lookup_word() treats specially, is handed to it.
enum class Suffix : std::uint8_t { none, period, possessive, period_possessive };
constexpr std::string_view kSuffixText[] = {"", ".", "'s", ".'s"};
constexpr std::uint8_t kSuffixFlags[] = {0, with_period, possessive, with_period | possessive};

constexpr std::size_t kEntryCount = sizeof(kEntries) / sizeof(kEntries[0]);
constexpr std::size_t kFormCount = kEntryCount * 4;

constexpr std::uint64_t form_key(const Entry& entry, Suffix suffix) {
  char form[kMaxWord + 3] = {};
  std::size_t size = 0;
  for (char c : entry.word)
    form[size++] = c;
  for (char c : kSuffixText[static_cast<int>(suffix)])
    form[size++] = c;
  return constant_word_key(std::string_view(form, size));
}

constexpr int kKeySlotBits = 12;
constexpr std::size_t kKeySlots = std::size_t{1} << kKeySlotBits;
static_assert(kFormCount < kKeySlots / 2, "the key table stays at most half full");

struct KeyTable {
  std::array<std::uint64_t, kKeySlots> keys{};  // kNoWordKey where empty
  // Per slot: the entry (index into kEntries) times 4 plus the suffix.
  std::array<std::uint16_t, kKeySlots> forms{};
};

constexpr std::size_t key_slot(std::uint64_t key) {
  return static_cast<std::size_t>(key >> (64 - kKeySlotBits));
}

constexpr KeyTable make_key_table() {
  KeyTable table;
  for (std::size_t e = 0; e < kEntryCount; ++e) {
    for (int s = 0; s < 4; ++s) {
      std::uint64_t key = form_key(kEntries[e], static_cast<Suffix>(s));
      std::size_t slot = key_slot(key);
      // A word listed twice ("sat": Saturday and the past of "sit") keeps its first entry, as
      // in lookup_word().
      while (table.keys[slot] != kNoWordKey && table.keys[slot] != key)
        slot = (slot + 1) & (kKeySlots - 1);
      if (table.keys[slot] == key) continue;
      table.keys[slot] = key;
      table.forms[slot] = static_cast<std::uint16_t>(e * 4 + s);
    }
  }
  return table;
}
constexpr KeyTable kKeyTable = make_key_table();

}  // namespace

namespace lexicon_detail {

constexpr KeyFilter make_key_filter(bool triggers_only) {
  KeyFilter bits{};
  for (const Entry& entry : kEntries) {
    if (triggers_only && !starts_matches(entry)) continue;
    for (int s = 0; s < 4; ++s) {
      std::uint64_t slot = key_filter_slot(form_key(entry, static_cast<Suffix>(s)));
      bits[slot / 64] |= std::uint64_t{1} << (slot % 64);
    }
  }
  return bits;
}
extern constexpr KeyFilter kTriggerKeyFilter = make_key_filter(true);
extern constexpr KeyFilter kLexiconKeyFilter = make_key_filter(false);

}  // namespace lexicon_detail

bool equals_lower(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (kAsciiLower[static_cast<unsigned char>(text[i])] != lower_word[i]) return false;
  return true;
}

std::vector<std::string_view> lexicon_words() {
  std::vector<std::string_view> words;
  for (const Entry& entry : kEntries)
    words.push_back(entry.word);
  return words;
}

bool may_trigger(std::string_view word) {
  return passes(kTriggerPrefilter, word);
}

Lexeme lookup_word(std::string_view word) {
  if (!passes(kPrefilter, word)) return {};
  std::size_t size = word.size();
  std::uint8_t flags = 0;
  if (size > 3 && word[size - 2] == '\'' && (word[size - 1] == 's' || word[size - 1] == 'S')) {
    size -= 2;
    flags |= possessive;
  } else if (size > 5 && word[size - 1] == 's' && word[size - 2] == '\x99' &&
             word[size - 3] == '\x80' && word[size - 4] == '\xE2') {  // ’s
    size -= 4;
    flags |= possessive;
  }
  if (size > 1 && word[size - 1] == '.') {
    --size;
    flags |= with_period;
  }
  if (size < 2 || size > kMaxWord) return {};
  char lower[16] = {};
  for (std::size_t i = 0; i < size; ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return {};
    lower[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  Key key;
  std::memcpy(&key.low, lower, 8);
  std::memcpy(&key.high, lower + 8, 8);
  const Table& t = table();
  for (std::size_t index = hash_key(key) & (kTableSize - 1);;
       index = (index + 1) & (kTableSize - 1)) {
    const Slot& slot = t.slots[index];
    if (!slot.used) return {};
    if (slot.key == key) {
      Lexeme result = slot.lexeme;
      result.flags |= flags;
      return result;
    }
  }
}

Lexeme probe_token(std::string_view word, std::uint64_t key) {
  if (key == kNoWordKey) return {};  // longer than any form
  std::size_t slot = key_slot(key);
  while (kKeyTable.keys[slot] != key) {
    if (kKeyTable.keys[slot] == kNoWordKey) return {};
    slot = (slot + 1) & (kKeySlots - 1);
  }
  const Entry& entry = kEntries[kKeyTable.forms[slot] / 4];
  auto suffix = static_cast<Suffix>(kKeyTable.forms[slot] % 4);
  std::size_t size = entry.word.size();
  // The form in ASCII, as lookup_word() reads it: the entry in any case, then its suffix.
  bool same = false;
  switch (suffix) {
    case Suffix::none:
      same = word.size() == size;
      break;
    case Suffix::period:
      same = word.size() == size + 1 && word[size] == '.';
      break;
    case Suffix::possessive:
      same = word.size() == size + 2 && word[size] == '\'' && (word[size + 1] | 0x20) == 's';
      break;
    case Suffix::period_possessive:
      break;
  }
  if (!same) return lookup_word(word);
  // The entry's letters in any case (inlined: it runs on every word of the lexicon met).
  for (std::size_t k = 0; k < size; ++k)
    if (kAsciiLower[static_cast<unsigned char>(word[k])] != entry.word[k]) return lookup_word(word);
  return {entry.word_class,
          static_cast<std::uint8_t>(entry.flags | kSuffixFlags[kKeyTable.forms[slot] % 4]),
          entry.value};
}

}  // namespace copydesk::analyzers::dates
