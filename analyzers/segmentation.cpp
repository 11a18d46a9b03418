// Sentences and tokens by ICU's rules, reading the UTF-8 prose in place through UText so that every
// boundary ICU reports is already a byte offset. ICU's sentence rules are adjusted for news copy
// (line breaks inside a paragraph are spaces, "…" ends a sentence like "..."), and a post-pass
// undoes the breaks ICU makes after abbreviations and initials.
//
// ICU's iterators run at about 40 MB/s together, too slow for the analysis budget, so text made
// of the characters news copy is mostly made of (ASCII, the two-byte range of UTF-8, General
// Punctuation) is segmented by fast paths that implement the same UAX #29 rules over those
// characters' Unicode properties; anything else goes to ICU. The tests compare the two on random
// text and on news copy.
#include "analyzers/segmentation.hpp"

#include "analyzers/word_key.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "analyzers/sentence_rules.hpp"

namespace copydesk::analyzers {
namespace {

// ---------------------------------------------------------------------------------------------
// Character classes

constexpr bool is_ascii_letter(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
constexpr bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr char ascii_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c | 0x20) : c;
}

// Per-byte facts for ASCII, so the common case never calls into ICU's property tables. Bytes of
// multi-byte characters have none, so any byte may index the table.
enum AsciiClass : std::uint8_t {
  kIgnorable = 1,  // space or control character: trimmed, never a token
  kUpper = 2,
  kLower = 4,
  kDigit = 8,
  kPeriod = 16,
  kSymbol = 32,  // Sm, Sc, Sk, and '%'
};

constexpr std::array<std::uint8_t, 256> make_ascii_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c <= 0x20; ++c) {
    classes[c] = kIgnorable;
  }
  classes[0x7f] = kIgnorable;
  for (int c = 'A'; c <= 'Z'; ++c) {
    classes[c] = kUpper;
  }
  for (int c = 'a'; c <= 'z'; ++c) {
    classes[c] = kLower;
  }
  for (int c = '0'; c <= '9'; ++c) {
    classes[c] = kDigit;
  }
  classes['.'] = kPeriod;
  for (char c : std::string_view("$+<=>^`|~%")) {
    classes[static_cast<unsigned char>(c)] = kSymbol;
  }
  return classes;
}
constexpr std::array<std::uint8_t, 256> kAscii = make_ascii_classes();

bool is_ignorable(UChar32 c) {
  if (c < 0) return true;  // invalid UTF-8
  if (c < 0x80) return (kAscii[c] & kIgnorable) != 0;
  if (u_isUWhiteSpace(c)) return true;
  const auto type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR;
}

bool is_symbol(UChar32 c) {
  if (c < 0x80) return (kAscii[c] & kSymbol) != 0;
  const auto mask = U_GET_GC_MASK(c);
  return (mask & U_GC_S_MASK) != 0 || c == 0x2030 || c == 0x2031 || c == 0x066A || c == 0xFE6A ||
         c == 0xFF05;  // ‰ ‱ and the Arabic, small and full-width percent signs
}

TokenKind kind_of_character(UChar32 c) {
  if (c < 0x80) {
    const auto ascii = kAscii[c];
    if (ascii & (kUpper | kLower)) return TokenKind::word;
    if (ascii & kDigit) return TokenKind::number;
    return ascii & kSymbol ? TokenKind::symbol : TokenKind::punctuation;
  }
  if (is_symbol(c)) return TokenKind::symbol;
  // ICU's word rules leave a few letters and digits outside word segments (e.g. lone marks of
  // scripts without word rules); keep their kind honest.
  if (u_isalpha(c)) return TokenKind::word;
  if (u_isdigit(c)) return TokenKind::number;
  return TokenKind::punctuation;
}

// Characters that belong to the character before them rather than starting a token: combining
// marks, variation selectors, emoji modifiers and tags, the zero-width joiner and what it joins.
bool continues_character(UChar32 c, UChar32 previous) {
  if (previous == 0x200D) return true;
  if (c == 0x200D) return true;
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return true;
  if ((c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F)) return true;
  return (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0;
}

bool is_regional_indicator(UChar32 c) {
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

// Decodes the code point at `i` (invalid UTF-8 gives a negative value) and advances `i`.
UChar32 next_code_point(std::string_view text, std::int32_t& i, std::int32_t limit) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  UChar32 c;
  U8_NEXT(bytes, i, limit, c);
  return c;
}

UChar32 previous_code_point(std::string_view text, std::int32_t& i) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  UChar32 c;
  U8_PREV(bytes, 0, i, c);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Word break classes for the fast path

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// UAX #29 word break classes, as ICU's word rules use them, for the characters the fast path
// handles itself: the two-byte range of UTF-8 (Latin, Greek, Cyrillic, Arabic letters, ...) and
// General Punctuation with the currency signs (dashes, curly quotes, "…", "€").
enum class WordClass : std::uint8_t {
  other,           // a segment of its own: punctuation, symbols, controls, "\"", ":"
  letter,          // ALetter, which in ICU includes "@"
  numeric,         //
  mid_letter,      // "·": inside words
  mid_num_let,     // "." "‘" "’": inside words and numbers
  single_quote,    // "'": inside words and numbers
  mid_num,         // "," ";": inside numbers
  extend_num_let,  // "_"
  space,           // WSegSpace
  line,            // CR, LF, vertical tab, form feed, U+0085, U+2028, U+2029
  unsupported,     // anything else (marks, joiners, CJK, Hebrew, emoji, ...): ICU decides
};

WordClass word_class_from_icu(UChar32 c) {
  if (c == '@') return WordClass::letter;  // ICU's rules add it to ALetter
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_OTHER:
    case U_WB_DOUBLE_QUOTE:  // only special next to Hebrew letters, which are unsupported
      return WordClass::other;
    case U_WB_ALETTER:
      return WordClass::letter;
    case U_WB_NUMERIC:
      return WordClass::numeric;
    case U_WB_MIDLETTER:  // ICU's rules drop ":" (and U+FE55, U+FF1A, outside these tables)
      return c == ':' ? WordClass::other : WordClass::mid_letter;
    case U_WB_MIDNUMLET:
      return WordClass::mid_num_let;
    case U_WB_SINGLE_QUOTE:
      return WordClass::single_quote;
    case U_WB_MIDNUM:
      return WordClass::mid_num;
    case U_WB_EXTENDNUMLET:
      return WordClass::extend_num_let;
    case U_WB_WSEGSPACE:
      return WordClass::space;
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
      return WordClass::line;
    default:
      return WordClass::unsupported;
  }
}

struct WordClassTables {
  std::array<WordClass, 0x800> two_byte{};    // U+0000..U+07FF
  std::array<WordClass, 0xD0> punctuation{};  // U+2000..U+20CF
  WordClassTables() {
    for (UChar32 c = 0; c < 0x800; ++c) {
      two_byte[c] = word_class_from_icu(c);
    }
    for (UChar32 c = 0; c < 0xD0; ++c) {
      punctuation[c] = word_class_from_icu(0x2000 + c);
    }
  }
};

const WordClassTables& word_classes() {
  static const WordClassTables tables;
  return tables;
}

WordClass non_ascii_word_class(const WordClassTables& tables, std::string_view text,
                               std::int32_t& i, std::int32_t limit) {
  const UChar32 c = next_code_point(text, i, limit);
  if (c >= 0 && c < 0x800) return tables.two_byte[c];
  if (c >= 0x2000 && c < 0x20D0) return tables.punctuation[c - 0x2000];
  return WordClass::unsupported;  // including invalid UTF-8
}

// The class of the character at `i`, advancing `i` past it.
inline WordClass word_class_at(const WordClassTables& tables, std::string_view text,
                               std::int32_t& i, std::int32_t limit) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    ++i;
    return tables.two_byte[byte];
  }
  return non_ascii_word_class(tables, text, i, limit);
}

struct WordRun {
  std::int32_t end = 0;
  std::int32_t status = UBRK_WORD_NONE;  // as ICU's getRuleStatus() would report it
  std::int32_t unsupported = -1;         // where a character the fast path cannot judge is
  std::uint8_t ascii_classes = 0;        // the AsciiClass bits of its ASCII characters
  bool ascii = true;                     // no other characters: ascii_classes give its flags
};

// The word segment starting at `start`, whose first character is a letter, digit or connector:
// UAX #29 rules WB5 to WB13b, which join any sequence of those, and letters or digits across one
// "mid" character. The status is ICU's: that of the rule for the last two characters.
WordRun scan_word(const WordClassTables& tables, std::string_view text, std::int32_t start,
                  std::int32_t limit) {
  constexpr std::uint8_t alphanumeric = kUpper | kLower | kDigit;
  auto ascii_class = [](unsigned char byte) {
    return kAscii[byte] & kDigit ? WordClass::numeric : WordClass::letter;
  };
  WordRun run;
  WordClass last = WordClass::other;  // none yet
  WordClass before_last = WordClass::other;
  std::int32_t i = start;
  while (i < limit) {
    // Runs of ASCII letters and digits, the bulk of any text, in a tight loop.
    const std::int32_t ascii_start = i;
    std::uint8_t classes = 0;
    while (i < limit) {
      const std::uint8_t ascii = kAscii[static_cast<unsigned char>(text[i])];
      if (!(ascii & alphanumeric)) break;
      classes |= ascii;
      ++i;
    }
    if (i > ascii_start) {
      run.ascii_classes |= classes;
      before_last = i - ascii_start >= 2 ? ascii_class(text[i - 2]) : last;
      last = ascii_class(text[i - 1]);
      if (i >= limit) break;
    }
    // Any other character.
    const auto byte = static_cast<unsigned char>(text[i]);
    std::int32_t after = i;
    const WordClass c = word_class_at(tables, text, after, limit);
    if (c == WordClass::unsupported) return {i, UBRK_WORD_NONE, i};
    if (c == WordClass::letter || c == WordClass::numeric || c == WordClass::extend_num_let) {
      if (byte < 0x80) {
        run.ascii_classes |= kAscii[byte];
      } else {
        run.ascii = false;
      }
      before_last = last;
      last = c;
      i = after;
      continue;
    }
    const bool mid = c == WordClass::mid_letter || c == WordClass::mid_num_let ||
                     c == WordClass::single_quote || c == WordClass::mid_num;
    if (!mid || after >= limit) break;
    std::int32_t beyond = after;
    const WordClass next = word_class_at(tables, text, beyond, limit);
    if (next == WordClass::unsupported) return {i, UBRK_WORD_NONE, after};
    const bool joins_letters =
        last == WordClass::letter && next == WordClass::letter && c != WordClass::mid_num;
    const bool joins_numbers =
        last == WordClass::numeric && next == WordClass::numeric && c != WordClass::mid_letter;
    if (!joins_letters && !joins_numbers) break;
    const auto next_byte = static_cast<unsigned char>(text[after]);
    if (byte < 0x80 && next_byte < 0x80) {
      run.ascii_classes |= kAscii[byte] | kAscii[next_byte];
    } else {
      run.ascii = false;
    }
    before_last = c;
    last = next;
    i = beyond;
  }
  run.end = i;
  const WordClass decisive = last == WordClass::extend_num_let ? before_last : last;
  if (decisive == WordClass::letter || decisive == WordClass::extend_num_let) {
    run.status = UBRK_WORD_LETTER;
  } else if (decisive == WordClass::numeric) {
    run.status = UBRK_WORD_NUMBER;
  }
  if (last == WordClass::extend_num_let && before_last == WordClass::other) {
    run.status = UBRK_WORD_NONE;  // a lone "_"
  }
  return run;
}

// ---------------------------------------------------------------------------------------------
// Sentence break classes for the fast path

// UAX #29 sentence break classes as the adjusted rules use them (see make_sentence_iterator),
// for the same characters as WordClass.
enum class SentenceClass : std::uint8_t {
  other,
  lower,
  upper,
  other_letter,
  numeric,
  full_stop,     // ATerm: "." "…"
  terminal,      // STerm: "?" "!"
  close,         // quotation marks and brackets
  continuation,  // SContinue: "," "-" ":" ";" "–" "—"
  space,         // Sp, and CR and LF
  unsupported,   // separators, marks, format characters, and all the rest: ICU decides
};

SentenceClass sentence_class_from_icu(UChar32 c) {
  if (c == '\r' || c == '\n') return SentenceClass::space;
  if (c == 0x2026) return SentenceClass::full_stop;
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_OTHER:
      return SentenceClass::other;
    case U_SB_LOWER:
      return SentenceClass::lower;
    case U_SB_UPPER:
      return SentenceClass::upper;
    case U_SB_OLETTER:
      return SentenceClass::other_letter;
    case U_SB_NUMERIC:
      return SentenceClass::numeric;
    case U_SB_ATERM:
      return SentenceClass::full_stop;
    case U_SB_STERM:
      return SentenceClass::terminal;
    case U_SB_CLOSE:
      return SentenceClass::close;
    case U_SB_SCONTINUE:
      return SentenceClass::continuation;
    case U_SB_SP:
      return SentenceClass::space;
    default:
      return SentenceClass::unsupported;
  }
}

struct SentenceClassTables {
  std::array<SentenceClass, 0x800> two_byte{};    // U+0000..U+07FF
  std::array<SentenceClass, 0xD0> punctuation{};  // U+2000..U+20CF
  // Bytes the scan for sentence ends stops at: terminators, and every non-ASCII byte, whose
  // character may be one or may need ICU.
  std::array<bool, 256> stops{};
  SentenceClassTables() {
    for (UChar32 c = 0; c < 0x800; ++c) {
      two_byte[c] = sentence_class_from_icu(c);
    }
    for (UChar32 c = 0; c < 0xD0; ++c) {
      punctuation[c] = sentence_class_from_icu(0x2000 + c);
    }
    for (int byte = 0; byte < 256; ++byte) {
      stops[byte] = byte >= 0x80 || two_byte[byte] == SentenceClass::full_stop ||
                    two_byte[byte] == SentenceClass::terminal ||
                    two_byte[byte] == SentenceClass::unsupported;
    }
  }
};

const SentenceClassTables& sentence_classes() {
  static const SentenceClassTables tables;
  return tables;
}

SentenceClass sentence_class_of(const SentenceClassTables& tables, UChar32 c) {
  if (c >= 0 && c < 0x800) return tables.two_byte[c];
  if (c >= 0x2000 && c < 0x20D0) return tables.punctuation[c - 0x2000];
  return SentenceClass::unsupported;  // including invalid UTF-8
}

// The class of the character at `i`, advancing `i` past it.
SentenceClass sentence_class_at(const SentenceClassTables& tables, std::string_view text,
                                std::int32_t& i, std::int32_t limit) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    ++i;
    return tables.two_byte[byte];
  }
  return sentence_class_of(tables, next_code_point(text, i, limit));
}

enum class SentenceEnd : std::uint8_t { no, yes, unsupported };

// Whether the sentence ends after the terminator of class `terminator` that ends at `i`, and if
// so where: past the closing quotes and spaces after it (UAX #29 rules SB6 to SB11).
SentenceEnd sentence_end_after(const SentenceClassTables& tables, std::string_view text,
                               std::int32_t terminator_start, std::int32_t i,
                               SentenceClass terminator, std::int32_t& boundary) {
  const auto limit = static_cast<std::int32_t>(text.size());
  const bool full_stop = terminator == SentenceClass::full_stop;
  if (i >= limit) return SentenceEnd::no;
  std::int32_t after = i;
  SentenceClass next = sentence_class_at(tables, text, after, limit);
  if (full_stop && next == SentenceClass::numeric) return SentenceEnd::no;  // SB6: "3.5"
  if (full_stop && next == SentenceClass::upper && terminator_start > 0) {  // SB7: "U.S"
    std::int32_t before = terminator_start;
    const SentenceClass previous = sentence_class_of(tables, previous_code_point(text, before));
    if (previous == SentenceClass::upper || previous == SentenceClass::lower) {
      return SentenceEnd::no;
    }
  }
  // Closing quotes and brackets, then spaces, stay with the sentence (SB9, SB10).
  for (const SentenceClass run : {SentenceClass::close, SentenceClass::space}) {
    while (next == run) {
      i = after;
      if (i >= limit) return SentenceEnd::no;  // the end of the range ends it anyway
      next = sentence_class_at(tables, text, after, limit);
    }
  }
  if (next == SentenceClass::unsupported) return SentenceEnd::unsupported;
  if (full_stop) {
    // SB8: not before a lower-case word, whatever comes between that is not a letter or a
    // terminator ("e.g. (3) apples").
    SentenceClass ahead = next;
    std::int32_t k = after;
    while (ahead != SentenceClass::lower && ahead != SentenceClass::upper &&
           ahead != SentenceClass::other_letter && ahead != SentenceClass::full_stop &&
           ahead != SentenceClass::terminal && k < limit) {
      ahead = sentence_class_at(tables, text, k, limit);
      if (ahead == SentenceClass::unsupported) return SentenceEnd::unsupported;
    }
    if (ahead == SentenceClass::lower) return SentenceEnd::no;
  }
  if (next == SentenceClass::continuation || next == SentenceClass::full_stop ||
      next == SentenceClass::terminal) {
    return SentenceEnd::no;  // SB8a: "?!", "...", ".,"
  }
  boundary = i;  // SB11
  return SentenceEnd::yes;
}

// ---------------------------------------------------------------------------------------------
// Abbreviations

// What decides whether the period after an abbreviation ends the sentence, given the next word.
enum class Abbreviation : std::uint8_t {
  none,
  title,          // precedes a name ("Mr.", "Gen.", "vs."): never ends a sentence
  name,           // initials, "U.S.", "Inc.", "Jr.", "Calif.": ends one only before a sentence
                  // starter ("... the U.S. The ...")
  number_prefix,  // "No. 3", "Vol. 2": does not end one before a number
  month,          // "Jan. 5": does not end one before a number
  time,           // "a.m.", "p.m.": does not end one before a time zone ("3 p.m. EST")
  lower_only,     // "etc.": ends one unless the next word is lower case
};

struct AbbreviationEntry {
  std::string_view word;  // as written, without its period; matched in this case or all upper
  Abbreviation kind;
};

constexpr bool less_ignoring_case(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return ascii_lower(x) < ascii_lower(y);
  });
}

template <typename Entry, std::size_t size, typename Key>
constexpr std::array<Entry, size> sorted(std::array<Entry, size> entries, Key key) {
  std::sort(entries.begin(), entries.end(),
            [&](const Entry& a, const Entry& b) { return less_ignoring_case(key(a), key(b)); });
  return entries;
}

constexpr auto entry_word = [](const AbbreviationEntry& entry) { return entry.word; };
constexpr auto itself = [](std::string_view word) { return word; };

// Sorted at compile time so the list can stay grouped by kind.
constexpr auto kAbbreviations =
    sorted(std::to_array<AbbreviationEntry>({
               // Titles and words that always precede a name or an opponent.
               {"Adm", Abbreviation::title},
               {"Atty", Abbreviation::title},
               {"Brig", Abbreviation::title},
               {"Capt", Abbreviation::title},
               {"Cmdr", Abbreviation::title},
               {"Col", Abbreviation::title},
               {"Cpl", Abbreviation::title},
               {"Det", Abbreviation::title},
               {"Dr", Abbreviation::title},
               {"Drs", Abbreviation::title},
               {"Fr", Abbreviation::title},
               {"Ft", Abbreviation::title},
               {"Gen", Abbreviation::title},
               {"Gov", Abbreviation::title},
               {"Hon", Abbreviation::title},
               {"Insp", Abbreviation::title},
               {"Lt", Abbreviation::title},
               {"Maj", Abbreviation::title},
               {"Messrs", Abbreviation::title},
               {"Mmes", Abbreviation::title},
               {"Mr", Abbreviation::title},
               {"Mrs", Abbreviation::title},
               {"Ms", Abbreviation::title},
               {"Msgr", Abbreviation::title},
               {"Mt", Abbreviation::title},
               {"Pres", Abbreviation::title},
               {"Prof", Abbreviation::title},
               {"Pvt", Abbreviation::title},
               {"Rep", Abbreviation::title},
               {"Reps", Abbreviation::title},
               {"Rev", Abbreviation::title},
               {"Sen", Abbreviation::title},
               {"Sens", Abbreviation::title},
               {"Sgt", Abbreviation::title},
               {"Supt", Abbreviation::title},
               {"vs", Abbreviation::title},
               // Words that end a name: companies, suffixes, streets, AP state abbreviations.
               {"Inc", Abbreviation::name},
               {"Corp", Abbreviation::name},
               {"Co", Abbreviation::name},
               {"Cos", Abbreviation::name},
               {"Ltd", Abbreviation::name},
               {"Bros", Abbreviation::name},
               {"Jr", Abbreviation::name},
               {"Sr", Abbreviation::name},
               {"St", Abbreviation::name},
               {"Ave", Abbreviation::name},
               {"Blvd", Abbreviation::name},
               {"Rd", Abbreviation::name},
               {"Dept", Abbreviation::name},
               {"Univ", Abbreviation::name},
               {"Assn", Abbreviation::name},
               {"al", Abbreviation::name},
               {"Ala", Abbreviation::name},
               {"Ariz", Abbreviation::name},
               {"Ark", Abbreviation::name},
               {"Calif", Abbreviation::name},
               {"Colo", Abbreviation::name},
               {"Conn", Abbreviation::name},
               {"Del", Abbreviation::name},
               {"Fla", Abbreviation::name},
               {"Ga", Abbreviation::name},
               {"Ill", Abbreviation::name},
               {"Ind", Abbreviation::name},
               {"Kan", Abbreviation::name},
               {"Ky", Abbreviation::name},
               {"La", Abbreviation::name},
               {"Md", Abbreviation::name},
               {"Mass", Abbreviation::name},
               {"Mich", Abbreviation::name},
               {"Minn", Abbreviation::name},
               {"Miss", Abbreviation::name},
               {"Mo", Abbreviation::name},
               {"Mont", Abbreviation::name},
               {"Neb", Abbreviation::name},
               {"Nev", Abbreviation::name},
               {"Okla", Abbreviation::name},
               {"Ore", Abbreviation::name},
               {"Pa", Abbreviation::name},
               {"Tenn", Abbreviation::name},
               {"Vt", Abbreviation::name},
               {"Va", Abbreviation::name},
               {"Wash", Abbreviation::name},
               {"Wis", Abbreviation::name},
               {"Wyo", Abbreviation::name},
               // Words that precede a number.
               {"No", Abbreviation::number_prefix},
               {"Nos", Abbreviation::number_prefix},
               {"Vol", Abbreviation::number_prefix},
               {"Vols", Abbreviation::number_prefix},
               {"Fig", Abbreviation::number_prefix},
               {"Figs", Abbreviation::number_prefix},
               {"Ch", Abbreviation::number_prefix},
               {"Sec", Abbreviation::number_prefix},
               {"Art", Abbreviation::number_prefix},
               {"pp", Abbreviation::number_prefix},
               // Months (AP abbreviates only Jan., Feb., Aug., Sept., Oct., Nov., Dec.).
               {"Jan", Abbreviation::month},
               {"Feb", Abbreviation::month},
               {"Mar", Abbreviation::month},
               {"Apr", Abbreviation::month},
               {"Jun", Abbreviation::month},
               {"Jul", Abbreviation::month},
               {"Aug", Abbreviation::month},
               {"Sep", Abbreviation::month},
               {"Sept", Abbreviation::month},
               {"Oct", Abbreviation::month},
               {"Nov", Abbreviation::month},
               {"Dec", Abbreviation::month},
               // Words that end sentences as often as not.
               {"etc", Abbreviation::lower_only},
               {"approx", Abbreviation::lower_only},
               {"cf", Abbreviation::lower_only},
               {"viz", Abbreviation::lower_only},
           }),
           entry_word);

// The first two letters of every abbreviation in the table, ignoring case: a cheap filter for the
// many sentence-final words that are not abbreviations.
struct LetterPairs {
  std::array<std::uint32_t, 26> second_letters{};  // bit b of [a]: some word starts with a, b
  constexpr void add(std::string_view word) {
    second_letters[ascii_lower(word[0]) - 'a'] |= 1u << (ascii_lower(word[1]) - 'a');
  }
  constexpr bool contains(std::string_view word) const {
    return is_ascii_letter(word[0]) && is_ascii_letter(word[1]) &&
           (second_letters[ascii_lower(word[0]) - 'a'] >> (ascii_lower(word[1]) - 'a') & 1u);
  }
};

constexpr LetterPairs make_abbreviation_prefixes() {
  LetterPairs pairs;
  for (const auto& entry : kAbbreviations) {
    pairs.add(entry.word);
  }
  return pairs;
}
constexpr LetterPairs kAbbreviationPrefixes = make_abbreviation_prefixes();
constexpr std::size_t longest_abbreviation() {
  std::size_t longest = 0;
  for (const auto& entry : kAbbreviations) {
    longest = std::max(longest, entry.word.size());
  }
  return longest;
}
constexpr std::size_t kLongestAbbreviation = longest_abbreviation();

// Capitalized words that begin sentences far more often than they continue a name, so a break
// after "U.S." or "Inc." before them stands.
constexpr auto kSentenceStarters = sorted(
    std::to_array<std::string_view>({
        "a",         "about",     "according", "after",   "all",   "also",    "although", "an",
        "and",       "another",   "any",       "as",      "at",    "because", "before",   "both",
        "but",       "by",        "despite",   "during",  "each",  "earlier", "even",     "every",
        "for",       "from",      "he",        "her",     "here",  "his",     "how",      "however",
        "i",         "if",        "in",        "instead", "it",    "its",     "last",     "later",
        "many",      "meanwhile", "more",      "most",    "my",    "neither", "no",       "nor",
        "not",       "now",       "of",        "on",      "once",  "one",     "only",     "or",
        "other",     "others",    "our",       "over",    "she",   "since",   "so",       "some",
        "still",     "such",      "that",      "the",     "their", "then",    "there",    "these",
        "they",      "this",      "those",     "though",  "thus",  "to",      "today",    "under",
        "unlike",    "until",     "we",        "what",    "when",  "where",   "whether",  "which",
        "while",     "who",       "whose",     "why",     "with",  "yet",     "you",      "your",
        "yesterday", "tomorrow",  "asked",     "did",     "does",  "do",      "is",       "was",
    }),
    itself);

constexpr auto kTimeZoneWords =
    sorted(std::to_array<std::string_view>({
               "AEST", "BST",     "CDT",     "CEST",    "CET",      "CST",      "CT",
               "EDT",  "EST",     "ET",      "GMT",     "HKT",      "IST",      "JST",
               "MDT",  "MST",     "MT",      "PDT",     "PST",      "PT",       "SGT",
               "UTC",  "Eastern", "Central", "Pacific", "Mountain", "Atlantic", "Greenwich",
           }),
           itself);

template <typename Entry, std::size_t size, typename Key>
const Entry* find_ignoring_case(const std::array<Entry, size>& entries, std::string_view word,
                                Key key) {
  const auto it = std::lower_bound(
      entries.begin(), entries.end(), word,
      [&](const Entry& entry, std::string_view w) { return less_ignoring_case(key(entry), w); });
  if (it == entries.end() || less_ignoring_case(word, key(*it))) return nullptr;
  return &*it;
}

bool is_all_upper_ascii(std::string_view word) {
  return std::none_of(word.begin(), word.end(), is_ascii_lower);
}

// `word` is the ASCII run of letters and periods before a period: "Mr", "U.S", "a.m", "J".
Abbreviation classify_abbreviation(std::string_view word) {
  if (word.empty() || word.front() == '.' || word.back() == '.') return Abbreviation::none;
  if (word.find('.') != std::string_view::npos) {
    // Dotted initials ("U.S", "a.m", "Ph.D", "J.R.R"): parts of one or two letters, so that a
    // missing space ("said.The") is not taken for one.
    std::size_t part = 0;
    for (char c : word) {
      if (c == '.') {
        if (part == 0) return Abbreviation::none;
        part = 0;
      } else if (++part > 2) {
        return Abbreviation::none;
      }
    }
    if (word.size() == 3 && (ascii_lower(word[0]) == 'a' || ascii_lower(word[0]) == 'p') &&
        ascii_lower(word[2]) == 'm') {
      return Abbreviation::time;
    }
    return Abbreviation::name;
  }
  if (word.size() == 1) {
    if (is_ascii_upper(word[0])) return Abbreviation::name;  // an initial
    if (word[0] == 'v') return Abbreviation::title;          // "Roe v. Wade"
    if (word[0] == 'p') return Abbreviation::number_prefix;  // "p. 12"
    return Abbreviation::none;
  }
  // Every sentence-final word comes here: reject most of them cheaply.
  if (word.size() > kLongestAbbreviation || !kAbbreviationPrefixes.contains(word)) {
    return Abbreviation::none;
  }
  const auto* entry = find_ignoring_case(kAbbreviations, word, entry_word);
  if (entry == nullptr) return Abbreviation::none;
  // "Ill." is Illinois but "ill." is not; headlines write "CORP." and sentences begin "Etc.".
  const bool matches_case =
      word == entry->word || (is_all_upper_ascii(word) && word.size() > 1) ||
      entry->kind == Abbreviation::number_prefix ||
      (is_ascii_lower(entry->word[0]) && word.substr(1) == entry->word.substr(1));
  return matches_case ? entry->kind : Abbreviation::none;
}

// The first word after a sentence break, past white space and opening quotes and brackets.
struct NextWord {
  enum class Shape : std::uint8_t { none, lower, upper, other_letter, number, other };
  Shape shape = Shape::none;
  std::string_view ascii;  // its leading ASCII letters, for the word lists
  bool followed_by_period = false;
};

NextWord next_word(std::string_view text, std::int32_t i) {
  NextWord next;
  const auto limit = static_cast<std::int32_t>(text.size());
  while (i < limit) {
    const std::int32_t start = i;
    const UChar32 c = next_code_point(text, i, limit);
    if (is_ignorable(c)) continue;
    if (c < 0x80 ? (c == '"' || c == '\'' || c == '(' || c == '[' || c == '{')
                 : (U_GET_GC_MASK(c) & (U_GC_PS_MASK | U_GC_PI_MASK | U_GC_PF_MASK)) != 0) {
      continue;
    }
    if (u_isdigit(c)) {
      next.shape = NextWord::Shape::number;
    } else if (u_isupper(c) || u_istitle(c)) {
      next.shape = NextWord::Shape::upper;
    } else if (u_islower(c)) {
      next.shape = NextWord::Shape::lower;
    } else if (u_isalpha(c)) {
      next.shape = NextWord::Shape::other_letter;
    } else {
      next.shape = NextWord::Shape::other;
    }
    std::int32_t end = start;
    while (end < limit && is_ascii_letter(text[end])) {
      ++end;
    }
    next.ascii = text.substr(start, end - start);
    next.followed_by_period = end < limit && text[end] == '.';
    return next;
  }
  return next;
}

bool is_sentence_starter(const NextWord& next) {
  // "A." and "I." after an initial are initials themselves ("J. A. Smith").
  if (next.followed_by_period) return false;
  return find_ignoring_case(kSentenceStarters, next.ascii, itself) != nullptr;
}

bool continues_after(Abbreviation kind, const NextWord& next) {
  using Shape = NextWord::Shape;
  if (next.shape == Shape::none) return false;
  switch (kind) {
    case Abbreviation::none:
      return false;
    case Abbreviation::title:
      return true;
    case Abbreviation::name:
      return next.shape != Shape::upper || !is_sentence_starter(next);
    case Abbreviation::number_prefix:
    case Abbreviation::month:
      return next.shape == Shape::number || next.shape == Shape::lower;
    case Abbreviation::time:
      return next.shape == Shape::lower ||
             find_ignoring_case(kTimeZoneWords, next.ascii, itself) != nullptr;
    case Abbreviation::lower_only:
      return next.shape == Shape::lower;
  }
  return false;
}

// Longer runs of letters and periods are not abbreviations; the limit bounds the work.
constexpr std::int32_t kLongestDotted = 16;

// The abbreviation ending just before the period at `period`, if any.
Abbreviation abbreviation_before(std::string_view text, std::int32_t period) {
  std::int32_t start = period;
  while (start > 0 && period - start <= kLongestDotted &&
         (is_ascii_letter(text[start - 1]) || text[start - 1] == '.')) {
    --start;
  }
  if (start > 0) {
    // Part of a longer word ("Müller.", "3Mr.") is not an abbreviation.
    std::int32_t before = start;
    const UChar32 c = previous_code_point(text, before);
    if (c >= 0 && (u_isalnum(c) || c == '\'' || c == 0x2019)) return Abbreviation::none;
  }
  return classify_abbreviation(text.substr(start, period - start));
}

bool is_closing_punctuation(UChar32 c) {
  if (c < 0x80) return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}';
  return (U_GET_GC_MASK(c) & (U_GC_PE_MASK | U_GC_PF_MASK | U_GC_PI_MASK)) != 0;
}

// Whether the sentence ICU ends at `boundary` goes on: after an abbreviation or an initial, or
// after a question or exclamation followed by a lower-case word ("“Why?” he asked.").
bool continues_across(std::string_view text, std::int32_t boundary) {
  std::int32_t at = boundary;  // where `last` starts
  UChar32 last = -1;
  while (at > 0) {
    last = previous_code_point(text, at);
    if (!is_ignorable(last)) break;
    last = -1;
  }
  if (last < 0) return false;
  if (last == '.') {
    const Abbreviation kind = abbreviation_before(text, at);
    return kind != Abbreviation::none && continues_after(kind, next_word(text, boundary));
  }
  while (is_closing_punctuation(last) && at > 0) {
    last = previous_code_point(text, at);
  }
  if (last == '?' || last == '!' || last == 0x203D || last == 0xFF1F || last == 0xFF01) {
    return next_word(text, boundary).shape == NextWord::Shape::lower;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// ICU iterators

struct SentenceIterator {
  std::unique_ptr<icu::BreakIterator> iterator;
  bool adjusted = false;  // has the changes below, which the fast path implements
};

// The news sentence rules (sentence_rules.hpp): the build's compiled form when this process runs
// the ICU that compiled them, else compiled here from ICU's stock rules; ICU's stock iterator when
// the rules are not the ones the edits were written for.
SentenceIterator make_sentence_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  CompiledSentenceRules compiled = compiled_sentence_rules();
  UVersionInfo running;
  u_getVersion(running);
  char running_version[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(running, running_version);
  if (compiled.size > 0 && compiled.icu_version == running_version) {
    auto iterator =
        std::make_unique<icu::RuleBasedBreakIterator>(compiled.data, compiled.size, status);
    if (U_SUCCESS(status)) return {std::move(iterator), true};
    status = U_ZERO_ERROR;
  }
  SentenceIterator stock{
      std::unique_ptr<icu::BreakIterator>(
          icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status)),
      false};
  if (U_FAILURE(status) || !stock.iterator) {
    throw std::runtime_error(std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  const auto* rule_based = dynamic_cast<const icu::RuleBasedBreakIterator*>(stock.iterator.get());
  if (rule_based == nullptr) return stock;
  std::string rules;
  rule_based->getRules().toUTF8String(rules);
  std::optional<std::string> adjusted_rules = news_sentence_rules(std::move(rules));
  if (!adjusted_rules) return stock;  // another ICU's rules: keep its behaviour
  UParseError parse_error;
  auto adjusted = std::make_unique<icu::RuleBasedBreakIterator>(
      icu::UnicodeString::fromUTF8(*adjusted_rules), parse_error, status);
  if (U_FAILURE(status)) return stock;
  return {std::move(adjusted), true};
}

std::unique_ptr<icu::BreakIterator> make_word_iterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), status));
  if (U_FAILURE(status) || !words) {
    throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  return words;
}

// Built once per process (compiling the sentence rules takes milliseconds), cloned per thread.
struct Prototypes {
  SentenceIterator sentences = make_sentence_iterator();
  std::unique_ptr<icu::BreakIterator> words = make_word_iterator();
  std::mutex clone_mutex;  // ICU promises nothing about cloning one iterator from two threads
};

Prototypes& prototypes() {
  static Prototypes instance;
  return instance;
}

// A thread's iterators and the UText they read, reused for every block it segments.
class Breakers {
 public:
  Breakers() {
    auto& prototype = prototypes();
    std::lock_guard lock(prototype.clone_mutex);
    sentences_.reset(prototype.sentences.iterator->clone());
    adjusted_sentence_rules_ = prototype.sentences.adjusted;
    words_.reset(prototype.words->clone());
    if (!sentences_ || !words_) throw std::bad_alloc();
  }
  ~Breakers() {
    utext_close(&sentence_text_);
    utext_close(&word_text_);
  }
  Breakers(const Breakers&) = delete;
  Breakers& operator=(const Breakers&) = delete;

  // The iterators read the caller's text until pointed elsewhere or released.
  void point_sentences_at(std::string_view range) { point(*sentences_, sentence_text_, range); }
  void point_words_at(std::string_view range) { point(*words_, word_text_, range); }
  // Leaves no pointer into the caller's text behind.
  void release() {
    point_sentences_at({});
    point_words_at({});
  }

  icu::BreakIterator& sentences() { return *sentences_; }
  icu::BreakIterator& words() { return *words_; }
  bool adjusted_sentence_rules() const { return adjusted_sentence_rules_; }

 private:
  static void point(icu::BreakIterator& iterator, UText& text, std::string_view range) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, range.data(), static_cast<std::int64_t>(range.size()), &status);
    iterator.setText(&text, status);
    if (U_FAILURE(status)) throw std::runtime_error(u_errorName(status));
  }

  std::unique_ptr<icu::BreakIterator> sentences_;
  std::unique_ptr<icu::BreakIterator> words_;
  bool adjusted_sentence_rules_ = false;
  UText sentence_text_ = UTEXT_INITIALIZER;
  UText word_text_ = UTEXT_INITIALIZER;
};

Breakers& thread_breakers() {
  thread_local Breakers breakers;
  return breakers;
}

// ---------------------------------------------------------------------------------------------
// Segmenting

std::uint8_t word_flags(std::string_view text, std::int32_t start, std::int32_t end,
                        TokenKind kind) {
  bool upper = false, lower = false, digit = false, period = false, first = true, capital = false;
  for (std::int32_t i = start; i < end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      const auto ascii = kAscii[byte];
      upper |= (ascii & kUpper) != 0;
      lower |= (ascii & kLower) != 0;
      digit |= (ascii & kDigit) != 0;
      period |= (ascii & kPeriod) != 0;
      if (first) capital = (ascii & kUpper) != 0;
      ++i;
    } else {
      const UChar32 c = next_code_point(text, i, end);
      if (c < 0) {
        first = false;
        continue;
      }
      const auto mask = U_GET_GC_MASK(c);
      const bool is_upper = (mask & (U_GC_LU_MASK | U_GC_LT_MASK)) != 0;
      upper |= is_upper;
      lower |= (mask & U_GC_LL_MASK) != 0;
      digit |= (mask & U_GC_ND_MASK) != 0;
      if (first) capital = is_upper;
    }
    first = false;
  }
  std::uint8_t flags = 0;
  if (capital) flags |= capitalized;
  if (upper && !lower) flags |= all_upper;
  if (digit) flags |= has_digit;
  if (period && kind == TokenKind::word) flags |= has_period;
  return flags;
}

std::uint8_t ascii_word_flags(unsigned char first, std::uint8_t classes, TokenKind kind) {
  std::uint8_t flags = 0;
  if (kAscii[first] & kUpper) flags |= capitalized;
  if ((classes & kUpper) && !(classes & kLower)) flags |= all_upper;
  if (classes & kDigit) flags |= has_digit;
  if ((classes & kPeriod) && kind == TokenKind::word) flags |= has_period;
  return flags;
}

// Appends the punctuation and symbol tokens of the non-word segment [start, end).
void add_other_tokens(std::string_view text, std::int32_t start, std::int32_t end,
                      std::uint32_t base, std::vector<Token>& tokens) {
  bool open = false;  // the last token ends where this character starts and may take it
  UChar32 previous = -1;
  int regional_indicators = 0;
  for (std::int32_t i = start; i < end;) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && (kAscii[byte] & kIgnorable)) {  // the common case: spaces
      ++i;
      open = false;
      continue;
    }
    const std::int32_t at = i;
    const UChar32 c =
        byte < 0x80 ? (++i, static_cast<UChar32>(byte)) : next_code_point(text, i, end);
    const bool pairs_flag =
        is_regional_indicator(c) && is_regional_indicator(previous) && regional_indicators % 2 == 1;
    if (open && (pairs_flag || continues_character(c, previous))) {
      tokens.back().end = base + static_cast<std::uint32_t>(i);
    } else if (is_ignorable(c)) {
      open = false;
    } else {
      tokens.push_back({base + static_cast<std::uint32_t>(at), base + static_cast<std::uint32_t>(i),
                        kind_of_character(c), 0});
      open = true;
      regional_indicators = 0;
    }
    if (is_regional_indicator(c)) ++regional_indicators;
    previous = c;
  }
}

struct RangeSegmenter {
  std::string_view text;  // the range, offsets relative to it
  std::uint32_t base;     // the range's offset in the document
  std::uint32_t paragraph;
  bool merge_abbreviations;
  Breakers& breakers;
  Segmentation& out;
  std::int32_t taken = 0;  // end of the period an abbreviation took, which ICU made a segment

  void add_sentence(std::int32_t start, std::int32_t end) {
    while (start < end) {
      std::int32_t next = start;
      if (!is_ignorable(next_code_point(text, next, end))) break;
      start = next;
    }
    while (end > start) {
      std::int32_t before = end;
      if (!is_ignorable(previous_code_point(text, before))) break;
      end = before;
    }
    if (start >= end) return;
    out.sentences.push_back(
        {{base + static_cast<std::uint32_t>(start), base + static_cast<std::uint32_t>(end)},
         0,
         0,
         paragraph});
  }

  void add_sentences(bool fast) {
    if (fast && add_sentences_fast()) return;
    auto& iterator = breakers.sentences();
    breakers.point_sentences_at(text);
    std::int32_t start = iterator.first();
    for (std::int32_t boundary = iterator.next(); boundary != icu::BreakIterator::DONE;
         boundary = iterator.next()) {
      if (boundary <= start || boundary > static_cast<std::int32_t>(text.size())) {
        continue;  // never trust offsets blindly
      }
      start = add_sentence_before(start, boundary);
    }
    add_sentence(start, static_cast<std::int32_t>(text.size()));
  }

  // At a sentence break after [start, boundary): adds that sentence, unless the break is after an
  // abbreviation; returns where the next sentence starts.
  std::int32_t add_sentence_before(std::int32_t start, std::int32_t boundary) {
    if (boundary < static_cast<std::int32_t>(text.size()) && merge_abbreviations &&
        continues_across(text, boundary)) {
      return start;
    }
    add_sentence(start, boundary);
    return boundary;
  }

  // The sentence breaks ICU's adjusted rules would find, for ranges of characters that
  // SentenceClass covers; false, having added nothing, for any other range.
  bool add_sentences_fast() {
    const SentenceClassTables& classes = sentence_classes();
    const auto limit = static_cast<std::int32_t>(text.size());
    const std::size_t first_sentence = out.sentences.size();
    std::int32_t start = 0;
    for (std::int32_t i = 0;;) {
      while (i < limit && !classes.stops[static_cast<unsigned char>(text[i])]) {
        ++i;
      }
      if (i >= limit) break;
      const std::int32_t at = i;
      const SentenceClass c = sentence_class_at(classes, text, i, limit);
      if (c != SentenceClass::full_stop && c != SentenceClass::terminal) {
        if (c != SentenceClass::unsupported) continue;
        out.sentences.resize(first_sentence);
        return false;
      }
      std::int32_t boundary = 0;
      switch (sentence_end_after(classes, text, at, i, c, boundary)) {
        case SentenceEnd::no:
          break;
        case SentenceEnd::yes:
          start = add_sentence_before(start, boundary);
          i = boundary;
          break;
        case SentenceEnd::unsupported:
          out.sentences.resize(first_sentence);
          return false;
      }
    }
    add_sentence(start, limit);
    return true;
  }

  void add_tokens(bool fast) {
    if (fast) {
      add_tokens_fast();
    } else {
      breakers.point_words_at(text);
      add_tokens_icu(0, static_cast<std::int32_t>(text.size()));
    }
  }

  // Tokens of [from, to) from ICU's word iterator, which points at exactly that part of the range.
  void add_tokens_icu(std::int32_t from, std::int32_t to) {
    auto& iterator = breakers.words();
    std::int32_t start = from + iterator.first();
    for (std::int32_t end = iterator.next(); end != icu::BreakIterator::DONE;
         start = std::max(start, end), end = iterator.next()) {
      end += from;
      if (end <= start || end > to) continue;  // never trust offsets blindly
      const std::int32_t status = iterator.getRuleStatus();
      if (status < UBRK_WORD_NONE_LIMIT) {
        add_other_tokens(text, std::max(start, taken), end, base, out.tokens);
      } else {
        const bool number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT;
        const TokenKind kind = number ? TokenKind::number : TokenKind::word;
        add_word(start, end, kind, word_flags(text, start, end, kind));
      }
    }
  }

  // The same tokens as add_tokens_icu() for ASCII and common news punctuation, found with UAX #29
  // word rules restricted to those characters (see WordClass). Any other character sends its
  // stretch of text, between white space that ICU always breaks at, to ICU.
  void add_tokens_fast() {
    const WordClassTables& classes = word_classes();
    const auto limit = static_cast<std::int32_t>(text.size());
    std::int32_t safe = 0;  // ICU would break here whatever came before: its tokens can restart
    std::size_t tokens_at_safe = out.tokens.size();
    for (std::int32_t i = 0; i < limit;) {
      if (text[i] == ' ') {  // the most common character, first
        if (i == 0 || !is_ascii_space(text[i - 1])) {
          safe = i;
          tokens_at_safe = out.tokens.size();
        }
        ++i;
        continue;
      }
      std::int32_t next = i;
      const WordClass first = word_class_at(classes, text, next, limit);
      std::int32_t unsupported = -1;
      switch (first) {
        case WordClass::space:
        case WordClass::line:
          if (i == 0 || !is_ascii_space(text[i - 1])) {
            safe = i;
            tokens_at_safe = out.tokens.size();
          }
          i = next;
          continue;
        case WordClass::letter:
        case WordClass::numeric:
        case WordClass::extend_num_let: {
          const WordRun run = scan_word(classes, text, i, limit);
          if (run.unsupported >= 0) {
            unsupported = run.unsupported;
            break;
          }
          if (run.status == UBRK_WORD_NONE) {
            add_other_tokens(text, i, run.end, base, out.tokens);  // a lone "_"
            i = run.end;
            continue;
          }
          const TokenKind kind =
              run.status == UBRK_WORD_NUMBER ? TokenKind::number : TokenKind::word;
          const std::uint8_t flags =
              run.ascii
                  ? ascii_word_flags(static_cast<unsigned char>(text[i]), run.ascii_classes, kind)
                  : word_flags(text, i, run.end, kind);
          i = add_word(i, run.end, kind, flags);
          continue;
        }
        case WordClass::unsupported:
          unsupported = i;
          break;
        default:  // punctuation, symbols and control characters are segments of their own
          add_other_tokens(text, i, next, base, out.tokens);
          i = next;
          continue;
      }
      // Hand the stretch from the last safe point to the next one to ICU.
      std::int32_t end = unsupported + 1;
      while (end < limit && !(is_ascii_space(text[end]) && !is_ascii_space(text[end - 1]))) {
        ++end;
      }
      out.tokens.resize(tokens_at_safe);
      taken = std::min(taken, safe);
      breakers.point_words_at(text.substr(safe, end - safe));
      add_tokens_icu(safe, end);
      i = safe = end;
      tokens_at_safe = out.tokens.size();
    }
  }

  // Appends a word or number token for the word segment [start, end), with the period after it
  // if it is an abbreviation; returns the end of what it took.
  std::int32_t add_word(std::int32_t start, std::int32_t end, TokenKind kind, std::uint8_t flags) {
    std::int32_t token_end = end;
    if (merge_abbreviations && kind == TokenKind::word &&
        end < static_cast<std::int32_t>(text.size()) && text[end] == '.' &&
        takes_period(start, end)) {
      token_end = end + 1;
      taken = token_end;
      flags |= has_period;
    }
    out.tokens.push_back({base + static_cast<std::uint32_t>(start),
                          base + static_cast<std::uint32_t>(token_end), kind, flags});
    return token_end;
  }

  bool takes_period(std::int32_t start, std::int32_t end) const {
    const auto word = text.substr(start, end - start);
    if (end - start > kLongestDotted || !std::all_of(word.begin(), word.end(), [](char c) {
          return is_ascii_letter(c) || c == '.';
        })) {
      return false;
    }
    const Abbreviation kind = classify_abbreviation(word);
    if (kind == Abbreviation::none) return false;
    if (kind == Abbreviation::number_prefix) {
      return next_word(text, end + 1).shape == NextWord::Shape::number;  // "No." alone is "no"
    }
    return true;
  }
};

// Start of the next range after a blank line inside [from, to), or `to`.
std::uint32_t blank_line_split(std::string_view prose, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t i = from; i < to; ++i) {
    const auto* newline = static_cast<const char*>(std::memchr(prose.data() + i, '\n', to - i));
    if (newline == nullptr) return to;
    i = static_cast<std::uint32_t>(newline - prose.data());
    std::uint32_t j = i + 1;
    while (j < to && (prose[j] == ' ' || prose[j] == '\t' || prose[j] == '\r' || prose[j] == '\f' ||
                      prose[j] == '\v')) {
      ++j;
    }
    if (j < to && prose[j] == '\n') return j;
  }
  return to;
}

// Gives the sentences from `first_sentence` on the tokens from `first_token` on: each token goes
// to the sentence it starts in. ICU's sentence and word rules can disagree at odd edges (a Thai
// word after "U.S." is one word but two sentences; a format character ends a word but is trimmed
// from a sentence): a sentence grows to cover its tokens, and a break inside a token is dropped.
void assign_tokens(Segmentation& out, std::size_t first_sentence, std::uint32_t first_token) {
  auto& sentences = out.sentences;
  const auto& tokens = out.tokens;
  const std::size_t end_sentence = sentences.size();
  const auto end_token = static_cast<std::uint32_t>(tokens.size());
  std::size_t kept = first_sentence;
  std::uint32_t token = first_token;
  for (std::size_t next = first_sentence; next < end_sentence;) {
    Sentence sentence = sentences[next++];
    sentence.first_token = token;
    for (;;) {
      const bool last = next == end_sentence;
      while (token < end_token && (last || tokens[token].start < sentence.span.end))
        ++token;
      if (token > sentence.first_token) {
        sentence.span.end = std::max(sentence.span.end, tokens[token - 1].end);
      }
      if (last || sentences[next].span.start >= sentence.span.end) break;
      sentence.span.end = std::max(sentence.span.end, sentences[next++].span.end);
    }
    sentence.end_token = token;
    if (token > sentence.first_token) {
      sentence.span.start = std::min(sentence.span.start, tokens[sentence.first_token].start);
    }
    sentences[kept++] = sentence;
  }
  sentences.resize(kept);
}

}  // namespace

Segmentation segment(std::string_view prose, const std::vector<Span>& blocks) {
  return segment(prose, blocks, SegmentationOptions{});
}

namespace {

// Appends the paragraph of `prose` in [start, end) to `out`: its sentences and tokens, with
// offsets into `prose`.
void segment_block(std::string_view prose, std::uint32_t start, std::uint32_t end,
                   const SegmentationOptions& options, Breakers& breakers, Segmentation& out) {
  const auto paragraph = static_cast<std::uint32_t>(out.paragraphs.size());
  const auto first_sentence = static_cast<std::uint32_t>(out.sentences.size());
  for (std::uint32_t from = start; from < end;) {
    const std::uint32_t to = blank_line_split(prose, from, end);
    const auto first_token = static_cast<std::uint32_t>(out.tokens.size());
    const auto range_first_sentence = static_cast<std::uint32_t>(out.sentences.size());
    RangeSegmenter range{prose.substr(from, to - from), from,     paragraph,
                         options.merge_abbreviations,   breakers, out};
    // The sentence fast path implements the adjusted rules, so it needs ICU to have them too.
    range.add_sentences(options.fast_paths && breakers.adjusted_sentence_rules());
    range.add_tokens(options.fast_paths);
    assign_tokens(out, range_first_sentence, first_token);
    from = to;
  }
  out.paragraphs.push_back(
      {{start, end}, first_sentence, static_cast<std::uint32_t>(out.sentences.size())});
}

// The blocks clipped to the text and to the block before, as segment() promises.
template <typename Visit>
void for_each_clipped_block(std::string_view prose, const std::vector<Span>& blocks, Visit visit) {
  const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(prose.size(), UINT32_MAX));
  std::uint32_t previous_end = 0;
  for (const Span& block : blocks) {
    const std::uint32_t start = std::min(std::max(block.start, previous_end), size);
    const std::uint32_t end = std::max(std::min(block.end, size), start);
    previous_end = end;
    visit(block, start, end);
  }
}

void reserve_for(const std::vector<Span>& blocks, Segmentation& out) {
  out.paragraphs.reserve(blocks.size());
  std::size_t block_bytes = 0;
  for (const Span& block : blocks) {
    block_bytes += block.size();
  }
  // News copy averages about 5.5 bytes a token and 150 a sentence; over-reserving a little is
  // cheaper than growing.
  out.tokens.reserve(block_bytes / 5 + 16);
  out.sentences.reserve(block_bytes / 100 + 16);
}

}  // namespace

Segmentation segment(std::string_view prose, const std::vector<Span>& blocks,
                     const SegmentationOptions& options) {
  Segmentation out;
  reserve_for(blocks, out);
  Breakers& breakers = thread_breakers();
  for_each_clipped_block(prose, blocks,
                         [&](const Span& block, std::uint32_t start, std::uint32_t end) {
                           segment_block(prose, start, end, options, breakers, out);
                           // The paragraph keeps the block's own span, clipped or not.
                           out.paragraphs.back().span = block;
                         });
  breakers.release();
  compute_word_keys(prose, out);
  return out;
}

Segmentation segment(std::string_view prose, const std::vector<Span>& blocks,
                     SegmentationCache& cache) {
  std::lock_guard lock(cache.mutex_);
  Segmentation out;
  reserve_for(blocks, out);
  const SegmentationOptions options;
  Breakers* breakers = nullptr;
  SegmentationCache::Blocks used;
  cache.stats_ = {};
  for_each_clipped_block(
      prose, blocks, [&](const Span& block, std::uint32_t start, std::uint32_t end) {
        std::string key(prose.substr(start, end - start));
        auto found = used.find(key);  // the same paragraph twice in one document
        if (found == used.end()) {
          auto node = cache.blocks_.extract(key);
          if (!node.empty()) found = used.insert(std::move(node)).position;
        }
        const auto paragraph = static_cast<std::uint32_t>(out.paragraphs.size());
        const auto first_token = static_cast<std::uint32_t>(out.tokens.size());
        const auto first_sentence = static_cast<std::uint32_t>(out.sentences.size());
        if (found != used.end()) {
          ++cache.stats_.hits;
          const SegmentationCache::Block& cached = found->second;
          for (Token token : cached.tokens) {
            token.start += start;
            token.end += start;
            out.tokens.push_back(token);
          }
          for (Sentence sentence : cached.sentences) {
            sentence.span.start += start;
            sentence.span.end += start;
            sentence.first_token += first_token;
            sentence.end_token += first_token;
            sentence.paragraph = paragraph;
            out.sentences.push_back(sentence);
          }
          out.paragraphs.push_back(
              {block, first_sentence, static_cast<std::uint32_t>(out.sentences.size())});
          return;
        }
        ++cache.stats_.misses;
        if (breakers == nullptr) breakers = &thread_breakers();
        segment_block(prose, start, end, options, *breakers, out);
        out.paragraphs.back().span = block;
        // Remembered relative to the block, so that it serves wherever the paragraph moves.
        SegmentationCache::Block fresh;
        fresh.tokens.assign(out.tokens.begin() + first_token, out.tokens.end());
        for (Token& token : fresh.tokens) {
          token.start -= start;
          token.end -= start;
        }
        fresh.sentences.assign(out.sentences.begin() + first_sentence, out.sentences.end());
        for (Sentence& sentence : fresh.sentences) {
          sentence.span.start -= start;
          sentence.span.end -= start;
          sentence.first_token -= first_token;
          sentence.end_token -= first_token;
        }
        used.emplace(std::move(key), std::move(fresh));
      });
  if (breakers != nullptr) breakers->release();
  // What this version did not use is gone: the cache holds one document's paragraphs.
  cache.blocks_ = std::move(used);
  compute_word_keys(prose, out);
  return out;
}

void compute_word_keys(std::string_view prose, Segmentation& segmentation) {
  const std::vector<Token>& tokens = segmentation.tokens;
  segmentation.word_keys.resize(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    segmentation.word_keys[i] =
        t.kind == TokenKind::word ? word_key(prose.substr(t.start, t.end - t.start)) : kNoWordKey;
  }
}

}  // namespace copydesk::analyzers
