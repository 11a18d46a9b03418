// The temporal vocabulary: every word the date recognizer reacts to, in one hash table built once.
// The recognizer looks up word tokens by their word key (analyzers/word_key.hpp), which
// segmentation computes once per token; anything not here is rejected after one probe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/word_key.hpp"

namespace copydesk::analyzers::dates {

enum class Unit : std::uint8_t {
  none,
  second,
  minute,
  hour,
  day,
  week,
  weekend,
  fortnight,
  month,
  quarter,
  half,  // of a year
  season,
  year,
  decade,
  century,
  millennium,
};

enum class PartOfDay : std::uint8_t { none, morning, afternoon, evening, night, daytime };
enum class RefKind : std::uint8_t { none, past, present, future };
enum class TenseCue : std::uint8_t { none, past, present, future };

enum class WordClass : std::uint8_t {
  none,
  month,        // value 1-12
  weekday,      // value 1-7 (Monday = 1)
  unit,         // value: Unit
  cardinal,     // value: the number; kVague for "several", "few", "many"
  ordinal,      // value: 1-31 ("first", "second", ..., "thirtieth")
  day_deixis,   // value: days from the dateline (today 0, yesterday -1, tomorrow 1, tonight 0)
  part_of_day,  // value: PartOfDay
  clock_word,   // value: minutes since midnight (noon 720, midnight 1440)
  season,       // value 1-4: spring, summer, fall, winter
  reference,    // value: RefKind ("now", "recently", "soon", "currently")
  shifter,      // value: -1, 0, +1 ("last", "this", "next", "previous", "coming")
  set_adverb,   // value: Unit ("daily", "weekly", "annually")
  holiday,      // value: Holiday
  decade_word,  // value: tens digit ("the nineties" = 9)
  tense,        // value: TenseCue ("will", "said", "says"); not temporal by itself
};

enum class Holiday : std::uint8_t {
  none,
  christmas,
  christmas_eve,
  new_years_day,
  new_years_eve,
  thanksgiving,
  easter,
  halloween,
  valentines,
  independence_day,
  labor_day,
  memorial_day,
  election_day,
  boxing_day,
  veterans_day,
};

constexpr int kVague = -1;  // a cardinal that names no number: "several", "few", "many"

enum LexemeFlag : std::uint8_t {
  plural = 1,        // "years", "Mondays"
  abbreviation = 2,  // "Jan", "Tues": needs a period or a number after it to count
  possessive = 4,    // written with 's: "Friday's", "year's"
  with_period = 8,   // written with a trailing period: "Jan.", "Sept."
};

struct Lexeme {
  WordClass word_class = WordClass::none;
  std::uint8_t flags = 0;
  std::int16_t value = 0;
  explicit operator bool() const { return word_class != WordClass::none; }
  bool has(LexemeFlag flag) const { return (flags & flag) != 0; }
};

// Case-insensitive; a trailing period ("Jan.") and a possessive 's or ’s ("Friday's") are
// stripped and reported in the flags. Words longer than any entry are rejected without hashing.
Lexeme lookup_word(std::string_view word);

// The same as lookup_word(word) for a word token whose word_key() is `key`, found by the key:
// most words the lexicon does not know cost one bit test (inlined), the others one probe,
// without reading their text.
inline Lexeme lookup_token(std::string_view word, std::uint64_t key);
Lexeme probe_token(std::string_view word, std::uint64_t key);  // lookup_token() after the test

// False for a word token that cannot start a temporal expression, from its word key alone: one
// bit test, where may_trigger() reads the text. The bits are set for every form of the words
// that start matches, so false is never wrong; true may be (for 0.3% of the other words of news
// copy), and means "look it up".
bool may_trigger_key(std::uint64_t key);

// False for most words that cannot start a temporal expression, cheaply: it tests a few bits for
// the token's length and letters against the words that start matches (months, weekdays, units,
// "today", "now", ... but not modifiers such as "last" or tense cues such as "said"). True means
// "look it up".
bool may_trigger(std::string_view word);

namespace lexicon_detail {

// Key filters: a bit per value of a word key's low kKeyFilterBits bits (8 KB), set for the keys
// of a set of words. The low bits leave the commonest words of news copy ("the", "in", "said")
// clear of the lexicon's; the top bits put "the" on a trigger word's.
inline constexpr int kKeyFilterBits = 16;
using KeyFilter = std::array<std::uint64_t, (1u << kKeyFilterBits) / 64>;
extern const KeyFilter kTriggerKeyFilter;  // the forms of the words that start matches
extern const KeyFilter kLexiconKeyFilter;  // the forms of every word of the lexicon

constexpr std::uint64_t key_filter_slot(std::uint64_t key) {
  return key & ((std::uint64_t{1} << kKeyFilterBits) - 1);
}
inline bool in_key_filter(const KeyFilter& filter, std::uint64_t key) {
  std::uint64_t slot = key_filter_slot(key);
  return (filter[slot / 64] >> (slot % 64)) & 1u;
}

}  // namespace lexicon_detail

inline bool may_trigger_key(std::uint64_t key) {
  return lexicon_detail::in_key_filter(lexicon_detail::kTriggerKeyFilter, key);
}

inline Lexeme lookup_token(std::string_view word, std::uint64_t key) {
  if (!lexicon_detail::in_key_filter(lexicon_detail::kLexiconKeyFilter, key)) return {};
  return probe_token(word, key);
}

// Every word of the lexicon, lower case, in its order (for tests).
std::vector<std::string_view> lexicon_words();

// Case-insensitive ASCII comparison with a lower-case word.
bool equals_lower(std::string_view text, std::string_view lower_word);

// A lower-case word written in the code ("of", "o'clock"), with its word key worked out at
// compile time: comparing a token with it compares two keys first, and reads the text only when
// they agree.
struct WordLiteral {
  std::string_view text;
  std::uint64_t key;
  template <std::size_t N>
  consteval WordLiteral(const char (&lower)[N])  // NOLINT: converts from a string literal
      : text(lower, N - 1), key(constant_word_key(text)) {
    if (key == kNoWordKey) throw "a word literal must be short enough to have a key";
  }
};

// Whether a word token, given with its word key, is `lower` in any case (equals_lower()): the
// keys are compared first, and the text read only when they agree.
inline bool is_word(std::string_view word, std::uint64_t key, const WordLiteral& lower) {
  return key == lower.key && word.size() == lower.text.size() && equals_lower(word, lower.text);
}

}  // namespace copydesk::analyzers::dates
