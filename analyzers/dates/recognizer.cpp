#include "analyzers/dates/recognizer.hpp"

#include <algorithm>
#include <cstdlib>

namespace copydesk::analyzers::dates {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Parses "24", "1,000", "3.5" into a number; false for anything else.
bool parse_decimal(std::string_view text, double& value) {
  double whole = 0;
  double fraction = 0;
  double scale = 0.1;
  bool any = false;
  bool after_point = false;
  for (char c : text) {
    if (is_digit(c)) {
      any = true;
      if (after_point) {
        fraction += (c - '0') * scale;
        scale /= 10;
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else if (c == ',' && !after_point) {
      continue;
    } else if (c == '.' && !after_point) {
      after_point = true;
    } else {
      return false;
    }
  }
  value = whole + fraction;
  return any;
}

// Leading digits of a word token ("12th" -> 12, 2 digits); returns the digit count.
int leading_digits(std::string_view text, int& value) {
  value = 0;
  int count = 0;
  while (count < static_cast<int>(text.size()) && count < 9 && is_digit(text[count])) {
    value = value * 10 + (text[count] - '0');
    ++count;
  }
  return count;
}

bool is_ordinal_suffix(std::string_view suffix, int value) {
  if (suffix.size() != 2) return false;
  char a = static_cast<char>(suffix[0] | 0x20);
  char b = static_cast<char>(suffix[1] | 0x20);
  int last = value % 10;
  bool teen = value % 100 >= 11 && value % 100 <= 13;
  if (a == 's' && b == 't') return last == 1 && !teen;
  if (a == 'n' && b == 'd') return last == 2 && !teen;
  if (a == 'r' && b == 'd') return last == 3 && !teen;
  return a == 't' && b == 'h';
}

// "am", "a.m.", "pm", "p.m." (any case), or the same fused to digits: 0 for am, 12 for pm.
int meridiem_of(std::string_view text) {
  if (equals_lower(text, "am") || equals_lower(text, "a.m.") || equals_lower(text, "a.m")) return 0;
  if (equals_lower(text, "pm") || equals_lower(text, "p.m.") || equals_lower(text, "p.m"))
    return 12;
  return -1;
}

// The meridiem of a word token, given with its word key: the key rules out all but six words.
int meridiem_of_token(std::string_view text, std::uint64_t key) {
  static constexpr WordLiteral kMeridiems[] = {"am", "a.m.", "a.m", "pm", "p.m.", "p.m"};
  for (const WordLiteral& meridiem : kMeridiems)
    if (key == meridiem.key) return meridiem_of(text);
  return -1;
}

int apply_meridiem(int hour, int meridiem) {
  if (meridiem == 12 && hour < 12) return hour + 12;
  if (meridiem == 0 && hour == 12) return 0;
  return hour;
}

}  // namespace

std::vector<std::uint64_t> word_keys_of(std::string_view prose, const std::vector<Token>& tokens) {
  std::vector<std::uint64_t> keys(tokens.size(), kNoWordKey);
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].kind == TokenKind::word)
      keys[i] = word_key(prose.substr(tokens[i].start, tokens[i].end - tokens[i].start));
  return keys;
}

Recognizer::Recognizer(std::string_view prose, const Segmentation& segmentation,
                       const std::uint64_t* word_keys, RecognizerBuffers& buffers)
    : prose_(prose),
      tokens_(segmentation.tokens),
      keys_(word_keys),
      sentences_(segmentation.sentences),
      starts_(buffers.starts),
      lexemes_(buffers.lexemes),
      looked_up_(buffers.looked_up) {
  buffers.starts.assign(tokens_.size(), 0);
  for (const Sentence& sentence : sentences_)
    if (sentence.first_token < tokens_.size()) buffers.starts[sentence.first_token] = 1;
  // Lexemes are read only once looked up: growing is enough, no need to clear them.
  if (lexemes_.size() < tokens_.size()) lexemes_.resize(tokens_.size());
  looked_up_.assign(tokens_.size(), 0);
}

bool Recognizer::spelled(Index i, std::string_view lower) const {
  return tokens_[i].end - tokens_[i].start == lower.size() && equals_lower(text(i), lower);
}

Lexeme Recognizer::look_up(Index i) const {
  if (!in(i)) return {};
  if (!looked_up_[i]) {
    looked_up_[i] = 1;
    // Every token is written: the buffer may hold the previous document's lexemes.
    lexemes_[i] = tokens_[i].kind == TokenKind::word ? lookup_token(text(i), keys_[i]) : Lexeme{};
  }
  return lexemes_[i];
}

namespace {

// Whether a token can start a match: numbers, words with digits ("12th", "1990s", "3pm") and
// the lexicon's trigger words; modifiers ("last", "three") and tense cues only extend a match.
bool triggers(const Token& token, WordClass word_class) {
  switch (word_class) {
    case WordClass::none:
      return token.kind == TokenKind::number ||
             (token.kind == TokenKind::word && (token.flags & TokenFlag::has_digit));
    case WordClass::ordinal:
    case WordClass::shifter:
    case WordClass::tense:
      return false;
    default:
      return true;
  }
}

}  // namespace

void Recognizer::scan(std::uint32_t first_token, std::uint32_t end_token, std::vector<Expr>& out) {
  first_ = first_token;
  end_ = end_token;
  floor_ = first_;
  // The loop that visits every token walks pointers held in registers (members and indices
  // would be reloaded and recomputed for each token).
  const Token* const tokens = tokens_.data();
  const Token* const end = tokens + end_token;
  const std::uint64_t* key = keys_ + first_;
  for (const Token* t = tokens + first_; t < end; ++t, ++key) {
    WordClass word_class = WordClass::none;
    if (t->kind == TokenKind::word) {
      // Most words fail one bit test on their key here and are never looked up. The key test
      // only narrows may_trigger(), which passes every form of the words that start matches but
      // one ("Jan.'s": a period and a possessive): only that form needs asking.
      if (may_trigger_key(*key)) {
        Index i = static_cast<Index>(t - tokens);
        Lexeme lexeme_i = lexeme(i);
        if (!(lexeme_i.has(with_period) && lexeme_i.has(possessive)) || may_trigger(text(i)))
          word_class = lexeme_i.word_class;
      }
      if (word_class == WordClass::none && !(t->flags & TokenFlag::has_digit)) continue;
    } else if (t->kind != TokenKind::number) {
      continue;  // punctuation and symbols start nothing
    }
    if (!triggers(*t, word_class)) continue;
    // Most numbers are amounts: turned away here, before a matcher is set up.
    if (t->kind == TokenKind::number && !number_may_start(static_cast<Index>(t - tokens))) continue;
    if (match_at(static_cast<Index>(t - tokens), word_class, out)) {
      t = tokens + floor_ - 1;  // on after what was found
      key = keys_ + floor_ - 1;
    }
  }
}

// Out of line, so that the loop over every token above stays small enough to keep what it reads
// in registers.
[[gnu::noinline]] bool Recognizer::match_at(Index i, WordClass word_class, std::vector<Expr>& out) {
  const Token& t = tokens_[i];
  Expr e;
  bool found = false;
  if (t.kind == TokenKind::number) {
    found = match_number(i, e);
  } else {
    switch (word_class) {
      case WordClass::month:
        found = match_month(i, e, false);
        break;
      case WordClass::weekday:
        found = match_weekday(i, e);
        break;
      case WordClass::unit:
        found = match_unit(i, e);
        break;
      case WordClass::day_deixis:
        found = match_day_deixis(i, e);
        break;
      case WordClass::part_of_day:
        found = match_part_of_day(i, e);
        break;
      case WordClass::clock_word:
        found = match_clock_word(i, e);
        break;
      case WordClass::season:
        found = match_season(i, e);
        break;
      case WordClass::reference:
        found = match_reference(i, e);
        break;
      case WordClass::set_adverb:
        found = match_set_adverb(i, e);
        break;
      case WordClass::holiday:
        found = match_holiday(i, e);
        break;
      case WordClass::cardinal:
        found = match_cardinal(i, e);
        break;
      case WordClass::decade_word:
        found = match_decade_word(i, e);
        break;
      case WordClass::none:
        found = match_digit_word(i, e);
        break;
      default:
        break;
    }
  }
  if (!found) return false;
  e.first_token = std::max(e.first_token, floor_);
  finish(e, out);
  maybe_range_end(out.back(), out);
  return true;
}

void Recognizer::finish(Expr& e, std::vector<Expr>& out) {
  e.span = {tokens_[e.first_token].start, tokens_[e.end_token - 1].end};
  // TimeML leaves the possessive out: "[Friday]'s meeting".
  if (lexeme(e.end_token - 1).has(possessive)) {
    std::string_view last = text(e.end_token - 1);
    e.span.end -= last.back() == 's' && last[last.size() - 2] == '\'' ? 2 : 4;
    e.possessive_of_event = !(word(e.first_token - 1, "of") && word(e.first_token - 2, "ahead"));
  }
  floor_ = e.end_token;
  out.push_back(e);
}

// "March 15-17", "March 15 to 17": the second day is an expression of its own.
void Recognizer::maybe_range_end(const Expr& first, std::vector<Expr>& out) {
  if (first.kind != ExprKind::calendar || first.month == kNone || first.day == kNone) return;
  Index k = first.end_token;
  bool joined = (dash(k) && touching(k - 1, k) && touching(k, k + 1)) || word(k, "to") ||
                word(k, "through") || word(k, "till") || word(k, "until") || word(k, "and") ||
                word(k, "or") || word(k, "thru");
  if (!joined) return;
  int day = 0;
  Index after = read_day_of_month(k + 1, day);
  if (after == k + 1 || day <= first.day) return;
  if (is(after, WordClass::month) || is(after, WordClass::unit) || lower_word(after)) return;
  Expr second;
  second.kind = ExprKind::calendar;
  second.first_token = k + 1;
  second.month = first.month;
  second.day = day;
  second.day_span = {tokens_[k + 1].start, tokens_[after - 1].end};
  Index end = after;
  Index y = punct(after, ',') ? after + 1 : after;
  int year = 0;
  Span year_span;
  Index after_year = read_year(y, year, year_span);
  if (after_year != y && digit_count(y) == 4) {
    second.year = year;
    second.year_span = year_span;
    end = after_year;
    if (first.year == kNone) {
      out.back().year = year;  // "March 15-17, 2024": the year is both days'
    }
  } else if (first.year != kNone) {
    second.year = first.year;
  }
  second.end_token = end;
  finish(second, out);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

Recognizer::Index Recognizer::read_meridiem(Index i, int& hour) {
  if (!in(i) || tokens_[i].kind != TokenKind::word) return i;
  int meridiem = meridiem_of_token(text(i), keys_[i]);
  if (meridiem < 0) return i;
  hour = apply_meridiem(hour, meridiem);
  return i + 1;
}

Recognizer::Index Recognizer::read_zone(Index i, Expr& e) {
  if (!in(i) || tokens_[i].kind != TokenKind::word) return i;
  if (tokens_[i].flags & TokenFlag::all_upper) {
    ZoneId zone = find_zone_abbreviation(text(i));
    if (zone != kNoZone) {
      e.zone = zone;
      return i + 1;
    }
  }
  if (word(i, "local") && word(i + 1, "time")) {
    e.local_time = true;
    return i + 2;
  }
  if (!capitalized(i)) return i;
  // One or two capitalized words, perhaps "Standard", "Daylight", "Summer" or "Mean", then
  // "time": "Moscow time", "New York time", "Eastern Standard Time", "Greenwich Mean Time".
  for (Index words = 1; words <= 2; ++words) {
    Index k = i + words;
    Index name_end = k;
    if (word(k, "standard") || word(k, "daylight") || word(k, "summer") || word(k, "mean")) ++k;
    if (!word(k, "time")) continue;
    char name[40];
    std::size_t size = 0;
    bool fits = true;
    for (Index w = i; w < name_end; ++w) {
      if (!capitalized(w) || tokens_[w].kind != TokenKind::word) fits = false;
      std::string_view part = text(w);
      if (size + part.size() + 1 > sizeof name) fits = false;
      if (!fits) break;
      if (size) name[size++] = ' ';
      for (char c : part)
        name[size++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    if (!fits) continue;
    ZoneId zone = find_zone_place(std::string_view(name, size));
    if (zone != kNoZone) {
      e.zone = zone;
      return k + 1;
    }
  }
  return i;
}

Recognizer::Index Recognizer::read_day_of_month(Index i, int& day) const {
  if (!in(i)) return i;
  int value = integer(i);
  if (value >= 1 && value <= 31 && text(i).size() <= 2) {  // digit_count(i), not parsed again
    if (punct(i + 1, ':') && touching(i, i + 1) && touching(i + 1, i + 2) && integer(i + 2) >= 0)
      return i;  // a clock time
    if (punct(i + 1, '%')) return i;
    day = value;
    return i + 1;
  }
  if (tokens_[i].kind == TokenKind::word) {
    std::string_view t = text(i);
    int count = leading_digits(t, value);
    if (count >= 1 && count <= 2 && value >= 1 && value <= 31 &&
        is_ordinal_suffix(t.substr(count), value)) {
      day = value;
      return i + 1;
    }
    Lexeme lx = lexeme(i);
    if (lx.word_class == WordClass::ordinal && lx.value <= 31) {
      day = lx.value;
      return i + 1;
    }
    // "twenty-first", "thirty-first"
    if (lx.word_class == WordClass::cardinal && (lx.value == 20 || lx.value == 30) && dash(i + 1) &&
        touching(i, i + 1) && touching(i + 1, i + 2) && is(i + 2, WordClass::ordinal) &&
        lexeme(i + 2).value < 10 && lx.value + lexeme(i + 2).value <= 31) {
      day = lx.value + lexeme(i + 2).value;
      return i + 3;
    }
  }
  return i;
}

Recognizer::Index Recognizer::read_year(Index i, int& year, Span& span) const {
  if (!in(i)) return i;
  int value = integer(i);
  if (value >= 1000 && value <= 2999 && digit_count(i) == 4) {
    year = value;
    span = tokens_[i].span();
    return i + 1;
  }
  // Spelled out: "nineteen ninety-six", "nineteen eighty", "two thousand (and) four".
  Lexeme lx = lexeme(i);
  if (lx.word_class != WordClass::cardinal) return i;
  if ((lx.value == 19 || lx.value == 18 || lx.value == 20) && is(i + 1, WordClass::cardinal)) {
    int tens = lexeme(i + 1).value;
    if (tens < 10 || tens > 90 || tens % 10 != 0) return i;
    Index end = i + 2;
    int ones = 0;
    if (dash(end) && touching(i + 1, end) && is(end + 1, WordClass::cardinal) &&
        lexeme(end + 1).value < 10 && lexeme(end + 1).value > 0) {
      ones = lexeme(end + 1).value;
      end += 2;
    } else if (is(end, WordClass::cardinal) && lexeme(end).value < 10 && lexeme(end).value > 0) {
      ones = lexeme(end).value;
      end += 1;
    }
    year = lx.value * 100 + tens + ones;
    span = {tokens_[i].start, tokens_[end - 1].end};
    return end;
  }
  if (lx.value == 2 && word(i + 1, "thousand")) {
    Index end = i + 2;
    int rest = 0;
    Index k = word(end, "and") ? end + 1 : end;
    if (is(k, WordClass::cardinal) && lexeme(k).value > 0 && lexeme(k).value < 100) {
      rest = lexeme(k).value;
      end = k + 1;
    }
    year = 2000 + rest;
    span = {tokens_[i].start, tokens_[end - 1].end};
    return end;
  }
  return i;
}

bool Recognizer::read_time(Index i, Expr& e) {
  int first = integer(i);
  if (first < 0) return false;
  int hour = first;
  int minute = 0;
  Index j = i + 1;
  bool has_meridiem = false;
  if (punct(j, ':') && touching(i, j) && touching(j, j + 1) && digit_count(i) <= 2) {
    int fused_meridiem = -1;
    int m = integer(j + 1);
    if (m >= 0 && digit_count(j + 1) == 2) {
      j += 2;
      if (punct(j, ':') && touching(j - 1, j) && digit_count(j + 1) == 2) j += 2;  // :SS
    } else if (in(j + 1) && tokens_[j + 1].kind == TokenKind::word) {
      // "3:00am": the minutes carry the meridiem.
      std::string_view t = text(j + 1);
      if (leading_digits(t, m) != 2) return false;
      fused_meridiem = meridiem_of(t.substr(2));
      if (fused_meridiem < 0) return false;
      j += 2;
    } else {
      return false;
    }
    if (hour > 24 || m > 59) return false;
    minute = m;
    if (fused_meridiem >= 0) {
      hour = apply_meridiem(hour, fused_meridiem);
      has_meridiem = true;
    } else {
      Index k = read_meridiem(j, hour);
      has_meridiem = k != j;
      j = k;
    }
  } else if (digit_count(i) == 4 && first / 100 <= 24 && first % 100 < 60) {
    // "0000 GMT", "1530 local time": a four-digit clock time needs its zone.
    Index k = read_zone(j, e);
    if (k == j) return false;
    hour = first / 100;
    minute = first % 100;
    j = k;
  } else if (first >= 1 && first <= 12 && digit_count(i) <= 2) {
    Index k = read_meridiem(j, hour);
    if (k != j) {
      has_meridiem = true;
      j = k;
    } else if (word(j, "o'clock") || word(j,
                                          "o\xE2\x80\x99"
                                          "clock")) {
      j += 1;
    } else if (word(j, "in") && word(j + 1, "the") && is(j + 2, WordClass::part_of_day) &&
               !lexeme(j + 2).has(plural)) {
      // "4 in the morning"
      PartOfDay part = static_cast<PartOfDay>(lexeme(j + 2).value);
      if (part != PartOfDay::morning && hour < 12) hour += 12;
      j += 3;
      has_meridiem = true;
    } else {
      return false;
    }
  } else {
    return false;
  }
  j = read_zone(j, e);
  if (!has_meridiem && word(j, "in") && word(j + 1, "the") && is(j + 2, WordClass::part_of_day)) {
    PartOfDay part = static_cast<PartOfDay>(lexeme(j + 2).value);
    if (part != PartOfDay::morning && hour < 12) hour += 12;
    j += 3;
  }
  e.kind = ExprKind::time_only;
  e.minutes = hour * 60 + minute;
  e.first_token = i;
  e.end_token = j;
  e.time_span = {tokens_[i].start, tokens_[j - 1].end};
  return true;
}

// A day named right after a clock time: "9 a.m. Tuesday", "noon today", "5 p.m. EST Nov. 9".
Recognizer::Index Recognizer::read_time_day(Index i, Expr& e) {
  Index k = punct(i, ',') ? i + 1 : i;
  Lexeme lx = lexeme(k);
  if (lx.word_class == WordClass::weekday && capitalized(k) && !lx.has(plural) &&
      (!lx.has(abbreviation) || lx.has(with_period))) {
    e.kind = ExprKind::calendar;
    e.weekday = lx.value;
    e.weekday_span = tokens_[k].span();
    Index end = k + 1;
    Index m = punct(end, ',') ? end + 1 : end;
    if (is(m, WordClass::month)) {
      Expr date;
      Index saved = floor_;
      if (match_month(m, date, true) && date.day != kNone) {
        e.month = date.month;
        e.day = date.day;
        e.year = date.year;
        e.month_span = date.month_span;
        e.day_span = date.day_span;
        e.year_span = date.year_span;
        end = date.end_token;
      }
      floor_ = saved;
    }
    return end;
  }
  if (lx.word_class == WordClass::day_deixis) {
    e.kind = ExprKind::offset;
    e.unit = Unit::day;
    e.amount = std::abs(lx.value);
    e.direction = lx.value < 0 ? -1 : (lx.value > 0 ? 1 : 0);
    e.anchoring = Anchoring::dateline;
    return k + 1;
  }
  if (lx.word_class == WordClass::month) {
    Expr date;
    Index saved = floor_;
    bool ok = match_month(k, date, true) && date.day != kNone;
    floor_ = saved;
    if (ok) {
      e.kind = ExprKind::calendar;
      e.month = date.month;
      e.day = date.day;
      e.year = date.year;
      e.month_span = date.month_span;
      e.day_span = date.day_span;
      e.year_span = date.year_span;
      return date.end_token;
    }
  }
  return i;
}

Recognizer::Index Recognizer::read_part_of_day_after(Index i, Expr& e) {
  Lexeme lx = lexeme(i);
  if (lx.word_class != WordClass::part_of_day || lx.has(plural) || word(i, "overnight") ||
      word(i, "midafternoon"))
    return i;
  e.part = static_cast<PartOfDay>(lx.value);
  return i + 1;
}

bool Recognizer::read_quantity_left(Index end, double& amount, bool& vague, Index& first) const {
  if (end <= floor_) return false;
  Index j = end - 1;
  vague = false;
  if (word(j, "of")) {
    if (j > floor_ && word(j - 1, "couple")) {
      amount = 2;
      first = j - 1;
      if (first > floor_ && word(first - 1, "a")) --first;
      return true;
    }
    if (j > floor_ &&
        (word(j - 1, "dozens") || word(j - 1, "hundreds") || word(j - 1, "thousands"))) {
      vague = true;
      first = j - 1;
      return true;
    }
    return false;
  }
  if (tokens_[j].kind == TokenKind::number) {
    double value = 0;
    if (!parse_decimal(text(j), value)) return false;
    first = j;
    // "5 1/2": a fraction, perhaps after a whole number.
    if (j >= floor_ + 2 && punct(j - 1, '/') && touching(j - 1, j) &&
        tokens_[j - 2].kind == TokenKind::number && touching(j - 2, j - 1)) {
      double numerator = 0;
      if (!parse_decimal(text(j - 2), numerator) || value == 0) return false;
      double fraction = numerator / value;
      first = j - 2;
      value = fraction;
      if (first > floor_ && tokens_[first - 1].kind == TokenKind::number &&
          !touching(first - 1, first)) {
        double whole = 0;
        if (parse_decimal(text(first - 1), whole)) {
          value += whole;
          --first;
        }
      }
    }
    amount = value;
    return true;
  }
  Lexeme lx = lexeme(j);
  if (lx.word_class == WordClass::cardinal) {
    first = j;
    if (lx.value == kVague) {
      vague = true;
      if (first > floor_ && word(first - 1, "a")) --first;  // "a few"
      return true;
    }
    int value = lx.value;
    if (value < 10 && j >= floor_ + 2 && dash(j - 1) && touching(j - 1, j) &&
        touching(j - 2, j - 1) && is(j - 2, WordClass::cardinal) && lexeme(j - 2).value >= 20 &&
        lexeme(j - 2).value <= 90) {
      value += lexeme(j - 2).value;  // "twenty-four"
      first = j - 2;
    } else if (value < 10 && j > floor_ && is(j - 1, WordClass::cardinal) &&
               lexeme(j - 1).value >= 20 && lexeme(j - 1).value <= 90) {
      value += lexeme(j - 1).value;  // "twenty four"
      first = j - 1;
    }
    if (value == 100 || value == 1000 || word(j, "dozen") || word(j, "couple")) {
      if (first > floor_ && (word(first - 1, "a") || word(first - 1, "an"))) {
        --first;
      } else if (first > floor_ && is(first - 1, WordClass::cardinal) &&
                 lexeme(first - 1).value > 0 && lexeme(first - 1).value < 100) {
        value *= lexeme(first - 1).value;
        --first;
      } else if (first > floor_ && tokens_[first - 1].kind == TokenKind::number) {
        int multiplier = integer(first - 1);
        if (multiplier > 0) {
          value *= multiplier;
          --first;
        }
      }
    }
    amount = value;
    return true;
  }
  if (word(j, "a") || word(j, "an")) {
    amount = 1;
    first = j;
    return true;
  }
  return false;
}

void Recognizer::extend_shift(Expr& e) const {
  Index j = e.first_token;
  if (j <= floor_) return;
  if (word(j - 1, "past")) {
    e.shift = -1;  // "this past spring", "past Friday"
    e.first_token = j - 1;
    if (j - 1 > floor_ && (word(j - 2, "this") || word(j - 2, "the"))) --e.first_token;
    return;
  }
  Lexeme lx = lexeme(j - 1);
  if (lx.word_class != WordClass::shifter) return;
  e.shift = lx.value;
  e.first_token = j - 1;
  if (word(j - 1, "coming") || word(j - 1, "upcoming")) e.shift = kComing;
  if (lx.value != 0 && j - 1 > floor_ && word(j - 2, "the"))
    --e.first_token;  // "the previous Friday"
  // "this past spring", "this coming Sunday"
  if (lx.value != 0 && j - 1 > floor_ && word(j - 2, "this")) {
    --e.first_token;
    if (lx.value > 0) e.shift = kComing;
  }
}

void Recognizer::extend_position(Expr& e) const {
  Index j = e.first_token;
  if (j <= floor_) return;
  Index w = j - 1;
  if (dash(w) && touching(w, j) && w > floor_ && touching(w - 1, w) &&
      (word(w - 1, "mid") || word(w - 1, "early") || word(w - 1, "late"))) {
    e.first_token = w - 1;  // "mid-March", "late-November"
  } else if (word(w, "mid") || word(w, "early") || word(w, "late") || word(w, "earlier") ||
             word(w, "later")) {
    e.first_token = w;
  } else if (word(w, "in") && w > floor_ &&
             (word(w - 1, "early") || word(w - 1, "late") || word(w - 1, "earlier") ||
              word(w - 1, "later")) &&
             word(j, "the")) {
    e.first_token = w - 1;  // "earlier in the year"
  } else if (word(w, "of") && w > floor_) {
    Index n = w - 1;
    if (word(n, "end") || word(n, "beginning") || word(n, "start") || word(n, "middle") ||
        word(n, "close") || word(n, "turn")) {
      e.first_token = n;
      if (n > floor_ && word(n - 1, "the")) e.first_token = n - 1;
    } else if (word(n, "half") && n > floor_ &&
               ((is(n - 1, WordClass::ordinal) && lexeme(n - 1).value <= 2) ||
                word(n - 1, "last")) &&
               e.year != kNone && e.month == kNone) {
      e.half = word(n - 1, "last") ? 2 : lexeme(n - 1).value;  // "the second half of 1989"
      e.first_token = n - 1;
      if (n - 1 > floor_ && word(n - 2, "the")) e.first_token = n - 2;
    }
  }
}

void Recognizer::extend_approximation(Expr& e) const {
  Index j = e.first_token;
  if (j <= floor_) return;
  Index w = j - 1;
  bool clock = e.minutes != kNone;
  // As TimeBank does: "about 3:00 am", "nearly two years", "more than four hours", but not
  // "[over] three years" or "[about] two weeks".
  if (((word(w, "about") || word(w, "around") || word(w, "approximately")) && clock) ||
      word(w, "nearly") || word(w, "almost") || word(w, "roughly") || (word(w, "some") && !clock)) {
    e.first_token = w;
  } else if (word(w, "than") && w > floor_ &&
             (word(w - 1, "more") || word(w - 1, "less") || word(w - 1, "fewer"))) {
    e.first_token = w - 1;
    if (w - 1 > floor_ && word(w - 2, "no")) e.first_token = w - 2;
  } else if ((word(w, "least") || word(w, "most")) && w > floor_ && word(w - 1, "at")) {
    e.first_token = w - 1;
  } else if (word(w, "to") && w > floor_ && word(w - 1, "up")) {
    e.first_token = w - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

// Most numbers in news are amounts ("1,500 tonnes", "3.5 pct"); only these shapes can start a
// date or a time: four digits, a number joined to ":", "/" or "-", a number before a month, a
// meridiem, a zone or "o'clock", a dotted date, "Q3", "H1", "FY24".
bool Recognizer::number_may_start(Index i) const {
  std::string_view t = text(i);
  // digit_count(i), for the number token i the scan hands over: its length if it is plain
  // digits (at most nine), else 0.
  int digits = t.size() <= 9 ? static_cast<int>(t.size()) : 0;
  for (char c : t) {
    if (!is_digit(c)) {
      digits = 0;
      break;
    }
  }
  if (digits == 0) {
    if (t[0] < '0' || t[0] > '9') return true;  // "Q3", "H1", "FY2024"
    return std::count(t.begin(), t.end(), '.') == 2;
  }
  if (digits == 4) return true;
  Index j = i + 1;
  if (!in(j)) return false;
  if (touching(i, j) && (punct(j, ':') || punct(j, '/') || dash(j))) return true;
  if (tokens_[j].kind != TokenKind::word) return false;
  // Months and clock words start matches, so the key filter passes them: most words after a
  // number ("pct", "mln", "tonnes") are not looked up.
  if (may_trigger_key(keys_[j])) {
    Lexeme next = lexeme(j);
    if (next.word_class == WordClass::month || next.word_class == WordClass::clock_word)
      return true;
  }
  std::string_view w = text(j);
  return meridiem_of_token(w, keys_[j]) >= 0 || word(j, "o'clock") ||
         word(j,
              "o\xE2\x80\x99"
              "clock") ||
         word(j, "in") || (tokens_[j].flags & TokenFlag::all_upper);
}

namespace {

// Units and nouns after a four-digit number that make it a count, not a year: "2000 troops".
constexpr WordLiteral kCountedAfterYear[] = {
    "percent", "pct",    "mln",  "bln",     "million",  "billion", "dlrs",   "dollars", "yen",
    "euros",   "tonnes", "tons", "barrels", "shares",   "points",  "people", "km",      "miles",
    "metres",  "meters", "feet", "acres",   "hectares", "votes",   "troops", "units",   "employees",
    "workers", "jobs",   "men",  "cars",    "homes",    "hours",   "hrs"};

// Words before a four-digit number that make it a label: "No. 1987", "Flight 2024", "at 1530".
constexpr WordLiteral kNumberingBeforeYear[] = {
    "no.",        "no",      "number",  "flight",  "room",  "route",   "page", "pages",
    "resolution", "article", "section", "chapter", "model", "highway", "code", "at"};

}  // namespace

bool Recognizer::match_number(Index i, Expr& e) {
  std::string_view t = text(i);
  int value = integer(i);
  e.first_token = i;
  if (value < 0) {
    // "Q3", "H1", "FY2024": a letter and digits.
    if (t.size() == 2 && (t[0] == 'Q' || t[0] == 'q') && t[1] >= '1' && t[1] <= '4') {
      e.kind = ExprKind::calendar;
      e.quarter = t[1] - '0';
      Index j = i + 1;
      int year = 0;
      Span year_span;
      Index k = word(j, "of") ? j + 1 : j;
      Index after = read_year(k, year, year_span);
      if (after != k && digit_count(k) == 4) {
        e.year = year;
        e.year_span = year_span;
        j = after;
      }
      e.end_token = j;
      return true;
    }
    if (t.size() == 2 && (t[0] == 'H') && (t[1] == '1' || t[1] == '2')) {
      int year = 0;
      Span year_span;
      Index after = read_year(i + 1, year, year_span);
      if (after == i + 1) return false;  // "H1" alone is too often something else
      e.kind = ExprKind::calendar;
      e.half = t[1] - '0';
      e.year = year;
      e.year_span = year_span;
      e.end_token = after;
      return true;
    }
    if ((t.size() == 4 || t.size() == 6) && (t[0] == 'F' || t[0] == 'f') &&
        (t[1] == 'Y' || t[1] == 'y') && is_digit(t[2]) && is_digit(t[3])) {
      int year = 0;
      for (char c : t.substr(2)) {
        if (!is_digit(c)) return false;
        year = year * 10 + (c - '0');
      }
      if (t.size() == 4) year += 2000;
      e.kind = ExprKind::calendar;
      e.year = year;
      e.fiscal = true;
      e.year_span = tokens_[i].span();
      e.end_token = i + 1;
      return true;
    }
    // "12.03.2024": day, month, year.
    int parts[3] = {0, 0, 0};
    int lengths[3] = {0, 0, 0};
    int part = 0;
    for (char c : t) {
      if (c == '.') {
        if (++part > 2) return false;
      } else if (is_digit(c)) {
        parts[part] = parts[part] * 10 + (c - '0');
        ++lengths[part];
      } else {
        return false;
      }
    }
    if (part != 2 || lengths[0] > 2 || lengths[1] > 2 || lengths[2] != 4 || parts[1] < 1 ||
        parts[1] > 12 || parts[0] < 1 || parts[0] > 31)
      return false;
    e.kind = ExprKind::calendar;
    e.day = parts[0];
    e.month = parts[1];
    e.year = parts[2];
    e.day_span = e.month_span = e.year_span = tokens_[i].span();
    e.end_token = i + 1;
    return true;
  }

  int digits = digit_count(i);
  // ISO: 2024-03-12 (and 2024-03).
  if (digits == 4 && dash(i + 1) && touching(i, i + 1) && touching(i + 1, i + 2) &&
      digit_count(i + 2) == 2) {
    int month = integer(i + 2);
    if (month >= 1 && month <= 12) {
      if (dash(i + 3) && touching(i + 2, i + 3) && touching(i + 3, i + 4) &&
          digit_count(i + 4) == 2 && integer(i + 4) >= 1 && integer(i + 4) <= 31) {
        e.kind = ExprKind::calendar;
        e.year = value;
        e.month = month;
        e.day = integer(i + 4);
        e.year_span = tokens_[i].span();
        e.month_span = tokens_[i + 2].span();
        e.day_span = tokens_[i + 4].span();
        e.end_token = i + 5;
        return true;
      }
      if (text(i + 2)[0] == '0' && !(dash(i + 3) && touching(i + 2, i + 3))) {
        e.kind = ExprKind::calendar;
        e.year = value;
        e.month = month;
        e.year_span = tokens_[i].span();
        e.month_span = tokens_[i + 2].span();
        e.end_token = i + 3;
        return true;
      }
    }
  }
  // Slashes: 3/12/2024 (month first, as in US copy, unless the first number cannot be a month).
  if (digits <= 2 && punct(i + 1, '/') && touching(i, i + 1) && touching(i + 1, i + 2) &&
      digit_count(i + 2) >= 1 && digit_count(i + 2) <= 2 && punct(i + 3, '/') &&
      touching(i + 2, i + 3) && touching(i + 3, i + 4) &&
      (digit_count(i + 4) == 4 || digit_count(i + 4) == 2)) {
    int a = value;
    int b = integer(i + 2);
    int year = integer(i + 4);
    if (digit_count(i + 4) == 2) year += year < 50 ? 2000 : 1900;
    int month = a;
    int day = b;
    Span month_span = tokens_[i].span();
    Span day_span = tokens_[i + 2].span();
    if (a > 12 && b <= 12) {
      std::swap(month, day);
      std::swap(month_span, day_span);
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    e.kind = ExprKind::calendar;
    e.year = year;
    e.month = month;
    e.day = day;
    e.month_span = month_span;
    e.day_span = day_span;
    e.year_span = tokens_[i + 4].span();
    e.end_token = i + 5;
    return true;
  }
  // A clock time: "3:00 am", "0000 GMT", "3 p.m. local time".
  if (read_time(i, e)) {
    e.end_token = read_time_day(e.end_token, e);
    extend_approximation(e);
    return true;
  }
  // "12 March 2024", "12 March".
  if (digits <= 2 && value >= 1 && value <= 31 && is(i + 1, WordClass::month) &&
      capitalized(i + 1)) {
    e.kind = ExprKind::calendar;
    e.day = value;
    e.day_span = tokens_[i].span();
    e.month = lexeme(i + 1).value;
    e.month_span = tokens_[i + 1].span();
    Index j = i + 2;
    Index k = punct(j, ',') ? j + 1 : j;
    int year = 0;
    Span year_span;
    Index after = read_year(k, year, year_span);
    if (after != k && digit_count(k) == 4) {
      e.year = year;
      e.year_span = year_span;
      j = after;
    }
    e.end_token = j;
    return true;
  }
  // A year.
  if (digits != 4 || value < 1000 || value > 2199) return false;
  if (i > first_) {
    std::string_view before = text(i - 1);
    if (before == "$" || before == "#" || before == "\xE2\x82\xAC" || before == "\xC2\xA3" ||
        word_in(i - 1, kNumberingBeforeYear) || (punct(i - 1, '.') && touching(i - 1, i)))
      return false;
    // After a name it is a model or a title: "Kopp's 1987 Chevrolet", "Orion 1980".
    if (capitalized(i - 1) && tokens_[i - 1].kind == TokenKind::word && !sentence_start(i - 1) &&
        !lexeme(i - 1) && !(tokens_[i - 1].flags & TokenFlag::all_upper) &&
        text(i - 1).back() != 's')
      return false;
    // "Kopp's 1987 Chevrolet": a model year between a name and a name.
    if (tokens_[i - 1].kind == TokenKind::word && capitalized(i - 1) && capitalized(i + 1) &&
        tokens_[i + 1].kind == TokenKind::word && !lexeme(i + 1) && !sentence_start(i - 1))
      return false;
  }
  Index j = i + 1;
  if (in(j)) {
    if (punct(j, '%') || (is(j, WordClass::unit) && !word(j, "period") && !word(j, "quarter")) ||
        is(j, WordClass::cardinal) ||
        (dash(j) && touching(i, j) && (is(j + 1, WordClass::unit) || lower_word(j + 1))) ||
        word_in(j, kCountedAfterYear) ||
        (punct(j, '.') && touching(i, j) &&
         tokens_[j + 1 < end_ ? j + 1 : j].kind == TokenKind::number))
      return false;
  }
  e.kind = ExprKind::calendar;
  e.year = value;
  e.year_span = tokens_[i].span();
  // "the 1988 period", "the 1988 second quarter", "1989's third quarter"
  bool with_the = false;
  if (word(j, "period") || word(j, "quarter")) {
    ++j;  // "the 1988 period", "the 1988 quarter"
    with_the = true;
    e.reported_period = true;
  } else if (is(j, WordClass::ordinal) && lexeme(j).value <= 4 &&
             (word(j + 1, "quarter") ||
              (dash(j + 1) && touching(j, j + 1) && word(j + 2, "quarter")))) {
    e.quarter = lexeme(j).value;
    j += word(j + 1, "quarter") ? 2 : 3;
    with_the = true;
  } else if (is(j, WordClass::ordinal) && lexeme(j).value <= 2 && word(j + 1, "half")) {
    e.half = lexeme(j).value;
    j += 2;
    with_the = true;
  }
  e.end_token = j;
  e.first_token = i;
  if (i > floor_ && word(i - 1, "fiscal")) {
    e.fiscal = true;
    e.first_token = i - 1;
  } else if (i > floor_ + 1 && word(i - 1, "year") && word(i - 2, "fiscal")) {
    e.fiscal = true;
    e.first_token = i - 2;
  } else if (i > floor_ && word(i - 1, "year") && !lexeme(i - 1).has(possessive)) {
    e.first_token = i - 1;  // "the year 2000"
    with_the = true;
  }
  extend_position(e);
  if (with_the && e.first_token > floor_ && word(e.first_token - 1, "the")) --e.first_token;
  return true;
}

bool Recognizer::match_digit_word(Index i, Expr& e) {
  std::string_view t = text(i);
  if (t.size() > 3 && (t.substr(t.size() - 2) == "'s")) t.remove_suffix(2);
  int value = 0;
  int count = leading_digits(t, value);
  if (count == 0) return false;
  std::string_view suffix = t.substr(count);
  e.first_token = i;
  e.end_token = i + 1;

  // Decades and centuries: "1990s", "1800s", "'80s".
  if (suffix == "s" && (count == 4 || count == 2)) {
    e.kind = ExprKind::calendar;
    if (count == 4) {
      if (value % 100 == 0)
        e.century = value / 100;
      else if (value % 10 == 0)
        e.decade = value / 10;
      else
        return false;
    } else {
      if (value % 10 != 0) return false;
      bool apostrophe =
          i > floor_ && touching(i - 1, i) && (punct(i - 1, '\'') || text(i - 1) == "\xE2\x80\x99");
      if (!apostrophe && !word(i - 1, "the") && !word(i - 1, "early") && !word(i - 1, "late") &&
          !word(i - 1, "mid"))
        return false;
      e.decade = (value <= 10 ? 200 : 190) + value / 10;
      if (apostrophe) e.first_token = i - 1;
    }
    extend_position(e);
    if (e.first_token > floor_ && word(e.first_token - 1, "the")) --e.first_token;
    return true;
  }

  // Ordinal days and centuries: "12th", "the 20th century".
  if (count <= 2 && is_ordinal_suffix(suffix, value) && value >= 1) {
    Index j = i + 1;
    bool hyphen = dash(j) && touching(i, j) && touching(j, j + 1);
    if (word(j, "century") || (hyphen && word(j + 1, "century"))) {
      e.kind = ExprKind::calendar;
      e.century = value - 1;
      e.end_token = hyphen ? j + 2 : j + 1;
      extend_position(e);
      if (e.first_token > floor_ && word(e.first_token - 1, "the")) --e.first_token;
      return true;
    }
    if (value > 31) return false;
    e.kind = ExprKind::calendar;
    e.day = value;
    e.day_span = tokens_[i].span();
    Index m = word(j, "of") ? j + 1 : j;
    if (is(m, WordClass::month) && capitalized(m)) {
      e.month = lexeme(m).value;
      e.month_span = tokens_[m].span();
      Index end = m + 1;
      Index k = punct(end, ',') ? end + 1 : end;
      int year = 0;
      Span year_span;
      Index after = read_year(k, year, year_span);
      if (after != k && digit_count(k) == 4) {
        e.year = year;
        e.year_span = year_span;
        end = after;
      }
      e.end_token = end;
      if (i > floor_ && word(i - 1, "the")) e.first_token = i - 1;
      return true;
    }
    // "on the 12th": a day of the dateline's month, when nothing follows that it could count.
    if (i > floor_ && word(i - 1, "the") && !lower_word(j) && !capitalized(j) && i - 1 > floor_ &&
        (word(i - 2, "on") || word(i - 2, "by") || word(i - 2, "until") || word(i - 2, "since") ||
         word(i - 2, "from") || word(i - 2, "before") || word(i - 2, "after"))) {
      e.first_token = i - 1;
      return true;
    }
    return false;
  }

  // "3pm", "10am", "11p.m."
  int meridiem = meridiem_of(suffix);
  if (count <= 2 && meridiem >= 0 && value >= 1 && value <= 12) {
    e.kind = ExprKind::time_only;
    e.minutes = apply_meridiem(value, meridiem) * 60;
    Index j = read_zone(i + 1, e);
    e.time_span = {tokens_[i].start, tokens_[j - 1].end};
    e.end_token = read_time_day(j, e);
    extend_approximation(e);
    return true;
  }
  return false;
}

bool Recognizer::match_cardinal(Index i, Expr& e) {
  // Only spelled-out years start here ("nineteen ninety-six"); other numbers are quantities
  // that a unit to their right takes in.
  int value = lexeme(i).value;
  if (value != 19 && value != 18) return false;
  int year = 0;
  Span year_span;
  Index end = read_year(i, year, year_span);
  if (end == i) return false;
  e.kind = ExprKind::calendar;
  e.year = year;
  e.year_span = year_span;
  e.first_token = i;
  e.end_token = end;
  extend_position(e);
  return true;
}

bool Recognizer::match_decade_word(Index i, Expr& e) {
  if (i <= floor_ || !(word(i - 1, "the") || word(i - 1, "early") || word(i - 1, "late") ||
                       (dash(i - 1) && word(i - 2, "mid"))))
    return false;
  e.kind = ExprKind::calendar;
  e.decade = 190 + lexeme(i).value;
  e.first_token = i;
  e.end_token = i + 1;
  extend_position(e);
  if (e.first_token > floor_ && word(e.first_token - 1, "the")) --e.first_token;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Named days and months

bool Recognizer::match_month(Index i, Expr& e, bool from_weekday) {
  Lexeme lx = lexeme(i);
  if (!capitalized(i)) return false;
  e.kind = ExprKind::calendar;
  e.month = lx.value;
  e.month_span = tokens_[i].span();
  e.first_token = i;
  Index j = i + 1;
  int day = 0;
  Index after_day = read_day_of_month(j, day);
  // An abbreviation without its period needs a number after it: "Mar 12", not "Mar".
  bool bare_abbreviation = lx.has(abbreviation) && !lx.has(with_period);
  if (after_day != j && !(lexeme(j).word_class == WordClass::ordinal && !capitalized(i))) {
    e.day = day;
    e.day_span = {tokens_[j].start, tokens_[after_day - 1].end};
    j = after_day;
    Index k = punct(j, ',') ? j + 1 : j;
    int year = 0;
    Span year_span;
    Index after_year = read_year(k, year, year_span);
    if (after_year != k && (digit_count(k) == 4 || k == j)) {
      e.year = year;
      e.year_span = year_span;
      j = after_year;
    }
  } else {
    if (from_weekday) return false;
    Index k = word(j, "of") ? j + 1 : (punct(j, ',') ? j + 1 : j);
    int year = 0;
    Span year_span;
    Index after_year = read_year(k, year, year_span);
    if (after_year != k) {
      e.year = year;
      e.year_span = year_span;
      j = after_year;
    } else if (is(j, WordClass::shifter) && word(j + 1, "year") && !lexeme(j + 1).has(possessive)) {
      e.year_shift = lexeme(j).value;  // "June last year", "January this year"
      j += 2;
    } else {
      if (bare_abbreviation) return false;
      // "the March of Dimes", "the March of the Combatant Mothers": a name.
      Index named = word(j + 1, "the") ? j + 2 : j + 1;
      if (word(j, "of") && capitalized(named) && tokens_[named].kind == TokenKind::word &&
          !lexeme(named))
        return false;
      // A month named alone: "May" is a verb and a name too, so it needs a preposition or
      // modifier before it; any month right after a capitalized word is likely a name.
      bool introduced = false;
      if (!sentence_start(i)) {
        static constexpr WordLiteral kBefore[] = {
            "in",      "since",  "until", "till",   "by",     "of",         "during",
            "through", "from",   "to",    "before", "after",  "between",    "and",
            "or",      "early",  "late",  "mid",    "last",   "next",       "this",
            "that",    "each",   "every", "for",    "around", "throughout", "until",
            "past",    "coming", "on",    "than",   "but",    "nor"};
        if (word_in(i - 1, kBefore)) introduced = true;
        if (dash(i - 1) && word(i - 2, "mid")) introduced = true;
        if (!introduced && lx.value == 5) return false;
        // "a June agreement", "the October slaying": a month before its noun.
        if (!introduced && lx.value != 5 &&
            (word(i - 1, "the") || word(i - 1, "a") || word(i - 1, "an") ||
             lexeme(i - 1).has(possessive)) &&
            lower_word(j) && !word(j, "for") && !word(j, "of"))
          introduced = true;
        // After any other word ("the annual March for Life", "Jon March") it is not a month.
        if (!introduced && tokens_[i - 1].kind == TokenKind::word) return false;
      } else if (lx.value == 5) {
        return false;
      }
      if (capitalized(j) && tokens_[j].kind == TokenKind::word && !introduced) return false;
    }
  }
  e.end_token = j;
  // "each July", "every March 1": a date that recurs, a SET.
  if (!from_weekday && e.year == kNone && e.year_shift == kNone && i > floor_ &&
      (word(i - 1, "each") || word(i - 1, "every"))) {
    e.kind = ExprKind::set;
    e.first_token = i - 1;
    return true;
  }
  if (!from_weekday) {
    if (e.day == kNone) extend_shift(e);
    extend_position(e);
  }
  return true;
}

bool Recognizer::match_weekday(Index i, Expr& e) {
  Lexeme lx = lexeme(i);
  if (!capitalized(i)) return false;
  Index j = i + 1;
  Span weekday_span = tokens_[i].span();
  if (lx.has(abbreviation) && !lx.has(with_period) && punct(j, '.') && touching(i, j)) {
    weekday_span.end = tokens_[j].end;  // "Thu." split from its period by the segmenter
    lx.flags |= with_period;
    ++j;
  }
  if (lx.has(abbreviation) && !lx.has(with_period) &&
      !(punct(j, ',') && (is(j + 1, WordClass::month) || integer(j + 1) > 0)))
    return false;
  e.kind = ExprKind::calendar;
  e.weekday = lx.value;
  e.weekday_span = weekday_span;
  e.first_token = i;
  if (lx.has(plural)) {
    // "on Mondays", "Monday nights": every such day.
    e.kind = ExprKind::set;
    Lexeme next = lexeme(j);
    if (next.word_class == WordClass::part_of_day) {
      e.part = static_cast<PartOfDay>(next.value);
      ++j;
    }
    e.end_token = j;
    return true;
  }
  // "Tuesday, March 12, 2024", "Tuesday March 12", "Tuesday, 12 March", "Tuesday the 12th"
  Index k = punct(j, ',') ? j + 1 : j;
  if (is(k, WordClass::month)) {
    Expr date;
    if (match_month(k, date, true) && date.day != kNone) {
      e.month = date.month;
      e.day = date.day;
      e.year = date.year;
      e.month_span = date.month_span;
      e.day_span = date.day_span;
      e.year_span = date.year_span;
      j = date.end_token;
    }
  } else if (integer(k) >= 1 && integer(k) <= 31 && digit_count(k) <= 2 &&
             is(k + 1, WordClass::month) && capitalized(k + 1)) {
    e.day = integer(k);
    e.day_span = tokens_[k].span();
    e.month = lexeme(k + 1).value;
    e.month_span = tokens_[k + 1].span();
    j = k + 2;
    Index y = punct(j, ',') ? j + 1 : j;
    int year = 0;
    Span year_span;
    Index after = read_year(y, year, year_span);
    if (after != y && digit_count(y) == 4) {
      e.year = year;
      e.year_span = year_span;
      j = after;
    }
  } else if (word(k, "the")) {
    int day = 0;
    Index after = read_day_of_month(k + 1, day);
    if (after != k + 1 && tokens_[k + 1].kind == TokenKind::word && !lower_word(after) &&
        !is(after, WordClass::unit)) {
      e.day = day;
      e.day_span = {tokens_[k + 1].start, tokens_[after - 1].end};
      j = after;
    }
  }
  if (e.day == kNone) {
    // "Tuesday (Mar 12)" is paired later; here only the part of the day.
    j = read_part_of_day_after(j, e);
  }
  e.end_token = j;
  if (i > floor_ && (word(i - 1, "every") || word(i - 1, "each"))) {
    e.kind = ExprKind::set;
    e.first_token = i - 1;
    return true;
  }
  Index before_shift = e.first_token;
  extend_shift(e);
  if (e.day != kNone && e.first_token != before_shift) e.shift = kNone;  // the date decides
  extend_position(e);
  return true;
}

bool Recognizer::match_day_deixis(Index i, Expr& e) {
  // Title case after a capitalized word inside a sentence is a name: "USA Today", "The Today
  // show" (not "The Deadline is Tomorrow").
  if (capitalized(i) && !sentence_start(i) && !(tokens_[i].flags & TokenFlag::all_upper) &&
      i > first_ && tokens_[i - 1].kind == TokenKind::word && capitalized(i - 1))
    return false;
  int value = lexeme(i).value;
  e.kind = ExprKind::offset;
  e.unit = Unit::day;
  e.anchoring = Anchoring::dateline;
  e.amount = std::abs(value);
  e.direction = value < 0 ? -1 : (value > 0 ? 1 : 0);
  e.first_token = i;
  if (word(i, "tonight")) e.part = PartOfDay::night;
  Index j = i + 1;
  if (e.part == PartOfDay::none) j = read_part_of_day_after(j, e);
  e.end_token = j;
  extend_position(e);
  return true;
}

bool Recognizer::match_part_of_day(Index i, Expr& e) {
  Lexeme lx = lexeme(i);
  if (lx.has(plural)) return false;
  PartOfDay part = static_cast<PartOfDay>(lx.value);
  e.part = part;
  e.first_token = i;
  e.end_token = i + 1;
  e.kind = ExprKind::offset;
  e.unit = Unit::day;
  e.anchoring = Anchoring::dateline;
  e.amount = 0;
  bool mid_hyphen = i > floor_ + 1 && dash(i - 1) && touching(i - 1, i) && word(i - 2, "mid");
  bool mid = word(i, "midafternoon") || mid_hyphen || (i > floor_ && word(i - 1, "mid"));
  if (mid) {
    // "mid-afternoon", "mid afternoon", "midafternoon yesterday"
    if (mid_hyphen)
      e.first_token = i - 2;
    else if (!word(i, "midafternoon"))
      e.first_token = i - 1;
    Index j = i + 1;
    Lexeme next = lexeme(j);
    if (next.word_class == WordClass::day_deixis) {
      e.amount = std::abs(next.value);
      e.direction = next.value < 0 ? -1 : (next.value > 0 ? 1 : 0);
      e.end_token = j + 1;
    } else if (next.word_class == WordClass::weekday && capitalized(j) && !next.has(plural)) {
      e.kind = ExprKind::calendar;
      e.weekday = next.value;
      e.weekday_span = tokens_[j].span();
      e.end_token = j + 1;
    }
    return true;
  }
  if (word(i, "overnight")) return false;
  if (i > floor_ && word(i - 1, "this")) {
    e.first_token = i - 1;  // "this morning"
    return true;
  }
  if (i > floor_ && word(i - 1, "last") && part == PartOfDay::night) {
    e.first_token = i - 1;  // "last night"
    e.amount = 1;
    e.direction = -1;
    return true;
  }
  // "the next morning", "the following night": the day after the date last named.
  if (i > floor_ + 1 && word(i - 2, "the") && (word(i - 1, "next") || word(i - 1, "following"))) {
    e.first_token = i - 2;
    e.anchoring = Anchoring::previous;
    e.amount = 1;
    e.direction = 1;
    return true;
  }
  // "in the morning": of the day the sentence is about.
  if (i > floor_ + 1 && word(i - 1, "the") && (word(i - 2, "in") || word(i - 2, "during")) &&
      !word(i + 1, "of")) {
    e.first_token = i - 1;
    e.kind = ExprKind::time_only;
    return true;
  }
  // "the morning of March 12" is left to "March 12", as TimeBank does.
  return false;
}

bool Recognizer::match_clock_word(Index i, Expr& e) {
  if (i > floor_ && word(i - 1, "high")) return false;  // "High Noon"
  e.kind = ExprKind::time_only;
  e.minutes = lexeme(i).value;
  e.first_token = i;
  if (i > floor_ && integer(i - 1) == 12) e.first_token = i - 1;  // "12 noon"
  Index j = read_zone(i + 1, e);
  e.time_span = {tokens_[e.first_token].start, tokens_[j - 1].end};
  e.end_token = read_time_day(j, e);
  extend_approximation(e);
  return true;
}

bool Recognizer::match_season(Index i, Expr& e) {
  e.kind = ExprKind::calendar;
  e.season = lexeme(i).value;
  e.first_token = i;
  Index j = i + 1;
  // "summer 2024", "the winter of 1994"
  Index k = word(j, "of") ? j + 1 : j;
  int year = 0;
  Span year_span;
  Index after = read_year(k, year, year_span);
  bool has_year = after != k && (digit_count(k) == 4 || k != j);
  if (has_year) {
    e.year = year;
    e.year_span = year_span;
    j = after;
  } else if (word(j, "of")) {
    return false;  // "the fall of the regime"
  }
  e.end_token = j;
  extend_shift(e);
  extend_position(e);
  bool modified = e.first_token != i;
  if (!modified && i > floor_ && word(i - 1, "the")) {
    // "in the summer", not "the spring collection"
    if (i - 1 > floor_ &&
        (word(i - 2, "in") || word(i - 2, "during") || word(i - 2, "by") || word(i - 2, "until") ||
         word(i - 2, "since") || word(i - 2, "over") || word(i - 2, "through") ||
         word(i - 2, "throughout")) &&
        !lower_word(j)) {
      e.first_token = i - 1;
      modified = true;
    } else if (has_year) {
      e.first_token = i - 1;
      modified = true;
    }
  }
  if (!modified && !has_year) {
    bool introduced =
        i > floor_ && (word(i - 1, "in") || word(i - 1, "during") || word(i - 1, "into") ||
                       word(i - 1, "since") || word(i - 1, "until") || word(i - 1, "by") ||
                       word(i - 1, "through"));
    if (!introduced || word(i, "fall") || word(i, "spring")) return false;
  }
  return true;
}

bool Recognizer::match_holiday(Index i, Expr& e) {
  if (!capitalized(i)) return false;
  e.kind = ExprKind::calendar;
  e.holiday = static_cast<Holiday>(lexeme(i).value);
  e.first_token = i;
  Index j = i + 1;
  if (e.holiday == Holiday::christmas && word(j, "eve") && capitalized(j)) {
    e.holiday = Holiday::christmas_eve;
    ++j;
  } else if ((e.holiday == Holiday::christmas || e.holiday == Holiday::thanksgiving) &&
             word(j, "day") && capitalized(j)) {
    ++j;
  } else if (e.holiday == Holiday::easter &&
             (word(j, "sunday") || word(j, "week") || word(j, "weekend"))) {
    ++j;
  }
  e.end_token = j;
  extend_shift(e);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Units: durations, offsets, relative periods, sets

namespace {

// Words between a number and its unit that keep the duration: "six more years".
constexpr WordLiteral kBetweenQuantityAndUnit[] = {
    "more", "additional", "further", "straight", "consecutive", "full", "extra", "long"};

// Modifiers after "the" that make "the ... two months" a duration.
constexpr WordLiteral kDurationModifiers[] = {
    "past",     "last",      "next",       "first",   "coming", "final",
    "previous", "following", "remaining",  "initial", "latest", "recent",
    "ensuing",  "preceding", "succeeding", "same",    "prior"};

// Words that make "a year" a frequency: "$5 a year", "twice a week", "10 times a day".
constexpr WordLiteral kRateWords[] = {
    "times", "twice",  "once",  "thrice",  "million", "billion", "trillion",
    "mln",   "bln",    "dlrs",  "dollars", "cents",   "percent", "pct",
    "euros", "pounds", "yen",   "tonnes",  "tons",    "barrels", "bpd",
    "units", "shares", "hours", "days",    "miles",   "meals",   "visits"};

}  // namespace

bool Recognizer::match_unit(Index i, Expr& e) {
  Lexeme lx = lexeme(i);
  Unit unit = static_cast<Unit>(lx.value);
  bool plural_unit = lx.has(plural);
  bool possessive_unit = lx.has(possessive);
  e.first_token = i;
  e.end_token = i + 1;
  e.unit = unit;

  // Holidays named on "Day" or "Eve": "Independence Day", "New Year's Eve".
  if ((unit == Unit::day || unit == Unit::year) && capitalized(i) && !plural_unit) {
    Holiday holiday = Holiday::none;
    Index first = i;
    if (unit == Unit::year && possessive_unit && i > floor_ && word(i - 1, "new") &&
        capitalized(i - 1)) {
      holiday = Holiday::new_years_day;
      first = i - 1;
      if (word(i + 1, "eve") && capitalized(i + 1)) {
        holiday = Holiday::new_years_eve;
        e.end_token = i + 2;
      } else if (word(i + 1, "day") && capitalized(i + 1)) {
        e.end_token = i + 2;
      }
    } else if (unit == Unit::day && i > floor_ && capitalized(i - 1)) {
      if (word(i - 1, "independence"))
        holiday = Holiday::independence_day;
      else if (word(i - 1, "labor") || word(i - 1, "labour"))
        holiday = Holiday::labor_day;
      else if (word(i - 1, "memorial"))
        holiday = Holiday::memorial_day;
      else if (word(i - 1, "election"))
        holiday = Holiday::election_day;
      else if (word(i - 1, "boxing"))
        holiday = Holiday::boxing_day;
      else if (word(i - 1, "veterans") || word(i - 1, "veterans'"))
        holiday = Holiday::veterans_day;
      else if (word(i - 1, "valentine's") || text(i - 1) == "Valentine\xE2\x80\x99s")
        holiday = Holiday::valentines;
      first = i - 1;
    }
    if (holiday != Holiday::none) {
      e.kind = ExprKind::calendar;
      e.holiday = holiday;
      e.first_token = first;
      extend_shift(e);
      return true;
    }
    if (!sentence_start(i) && unit == Unit::day) return false;
  }

  // Title-case units inside a sentence are names: "60 Minutes", "This Week".
  if (capitalized(i) && !sentence_start(i) && !(tokens_[i].flags & TokenFlag::all_upper) &&
      !(i > first_ && sentence_start(i - 1) && tokens_[i - 1].kind != TokenKind::word))
    return false;

  // "the latest period", "the same period last year": a reporting quarter.
  if (word(i, "period")) {
    Index b = i - 1;
    if (i <= floor_ + 1 || !word(b - 1, "the") ||
        !(word(b, "latest") || word(b, "same") || word(b, "comparable") ||
          word(b, "corresponding") || word(b, "current")))
      return false;
    e.kind = ExprKind::unit_relative;
    e.shift = kNone;
    e.first_token = b - 1;
    if ((word(i + 1, "last") && word(i + 2, "year")) ||
        (word(i + 1, "a") && word(i + 2, "year") &&
         (word(i + 3, "ago") || word(i + 3, "earlier")))) {
      e.kind = ExprKind::calendar;
      e.year_before_context = true;
      e.unit = Unit::quarter;
      e.end_token = word(i + 1, "last") ? i + 3 : i + 4;
    }
    return true;
  }

  if (unit == Unit::year && !plural_unit) {
    // "year end", "by year's end"
    if (word(i + 1, "end")) {
      e.kind = ExprKind::unit_relative;
      e.shift = 0;
      e.end_token = i + 2;
      extend_position(e);
      return true;
    }
    // "the year two thousand", "the year 2000"
    if (i > floor_ && word(i - 1, "the") && !possessive_unit) {
      int year = 0;
      Span year_span;
      Index after = read_year(i + 1, year, year_span);
      if (after != i + 1) {
        e.kind = ExprKind::calendar;
        e.year = year;
        e.year_span = year_span;
        e.first_token = i - 1;
        e.end_token = after;
        return true;
      }
    }
    // "the full year"
    if (i > floor_ + 1 && (word(i - 1, "full") || word(i - 1, "entire") || word(i - 1, "whole")) &&
        word(i - 2, "the")) {
      e.kind = ExprKind::unit_relative;
      e.shift = 0;
      e.first_token = i - 2;
      return true;
    }
  }

  bool named_period = false;  // "third-quarter", "the first half": a calendar quarter or half
  // Hyphenated adjectives: "two-year", "16-hour", "third-quarter".
  if (!plural_unit && i >= floor_ + 2 && dash(i - 1) && touching(i - 1, i) &&
      touching(i - 2, i - 1)) {
    Index n = i - 2;
    if (is(n, WordClass::ordinal) && (unit == Unit::quarter || unit == Unit::half) &&
        lexeme(n).value <= (unit == Unit::quarter ? 4 : 2)) {
      e.kind = ExprKind::calendar;
      if (unit == Unit::quarter)
        e.quarter = lexeme(n).value;
      else
        e.half = lexeme(n).value;
      e.first_token = n;
      named_period = true;
    } else {
      double amount = 0;
      bool vague = false;
      Index first = n;
      if (!read_quantity_left(n + 1, amount, vague, first) ||
          (first == n && (word(n, "a") || word(n, "an"))))
        return false;
      // Ages ("a 6-year-old") are not times.
      if (dash(i + 1) && touching(i, i + 1) && word(i + 2, "old")) return false;
      if (unit == Unit::half) return false;
      e.kind = ExprKind::duration;
      e.amount = amount;
      e.vague_amount = vague;
      e.first_token = first;
      if (dash(i + 1) && touching(i, i + 1) && word(i + 2, "long")) e.end_token = i + 3;
      return true;
    }
  }

  // "year-end", "year-ago", "year-earlier", "year-long"
  if (unit == Unit::year && !plural_unit && dash(i + 1) && touching(i, i + 1) &&
      touching(i + 1, i + 2)) {
    Index k = i + 2;
    if (word(k, "end")) {
      e.kind = ExprKind::unit_relative;
      e.shift = 0;
      e.end_token = k + 1;
      return true;
    }
    if (word(k, "ago") || word(k, "earlier")) {
      e.kind = ExprKind::calendar;
      e.year_before_context = true;
      e.end_token = k + 1;
      Index n = k + 1;
      if (is(n, WordClass::ordinal) && word(n + 1, "quarter") && lexeme(n).value <= 4) {
        e.quarter = lexeme(n).value;
        e.end_token = n + 2;
      } else if (word(n, "quarter") || word(n, "period")) {
        e.unit = Unit::quarter;
        e.end_token = n + 1;
      }
      if (e.end_token > k + 1 && i > floor_ && word(i - 1, "the")) e.first_token = i - 1;
      return true;
    }
    if (word(k, "long")) {
      e.kind = ExprKind::duration;
      e.end_token = k + 1;
      return true;
    }
    return false;
  }

  // Quarters and halves with an ordinal: "the third quarter", "the first half of 1989".
  if ((unit == Unit::quarter || unit == Unit::half) && !plural_unit && !named_period &&
      i > floor_ && is(i - 1, WordClass::ordinal) &&
      lexeme(i - 1).value <= (unit == Unit::quarter ? 4 : 2)) {
    e.kind = ExprKind::calendar;
    if (unit == Unit::quarter)
      e.quarter = lexeme(i - 1).value;
    else
      e.half = lexeme(i - 1).value;
    e.first_token = i - 1;
    named_period = true;
  }
  if (named_period) {
    Index j = e.end_token;
    Index k = word(j, "of") ? j + 1 : (punct(j, ',') ? j + 1 : j);
    int year = 0;
    Span year_span;
    Index after = read_year(k, year, year_span);
    if (after != k && digit_count(k) == 4) {
      e.year = year;
      e.year_span = year_span;
      e.end_token = after;
    }
    Index f = e.first_token;
    if (f > floor_ && word(f - 1, "fiscal")) --f;
    if (f > floor_ && dash(f - 1) && f - 1 > floor_ && word(f - 2, "fiscal")) f -= 2;
    // "the third quarter", but "third-quarter" as an adjective stands without its article.
    bool adjective = e.first_token + 2 == i;
    if (!adjective && f > floor_ && (word(f - 1, "the") || word(f - 1, "this"))) --f;
    e.first_token = f;
    return true;
  }

  // A quantity: "three days", "24 hours", "a decade", "the past two months".
  Index quantity_end = i;
  if (i > floor_ && word_in(i - 1, kBetweenQuantityAndUnit)) quantity_end = i - 1;
  double amount = 1;
  bool vague = false;
  Index qfirst = i;
  bool has_quantity = read_quantity_left(quantity_end, amount, vague, qfirst);
  if (!has_quantity) quantity_end = i;
  if ((unit == Unit::quarter || unit == Unit::half) && has_quantity &&
      (word(i + 1, "of") || !plural_unit))
    return false;  // "a quarter of", "a half": fractions
  if (unit == Unit::half) return false;

  if (has_quantity) {
    e.amount = amount;
    e.vague_amount = vague;
    e.first_token = qfirst;
    e.kind = ExprKind::duration;
    Index j = i + 1;
    // "an hour and a half", "a week or so"
    if (word(j, "and") && word(j + 1, "a") && word(j + 2, "half") && !vague) {
      e.amount += 0.5;
      j += 3;
    }
    if (word(j, "or") && word(j + 1, "so")) j += 2;
    // "will one day be": some day in the future, not a day's length.
    if (unit == Unit::day && !plural_unit && word(qfirst, "one") && qfirst > floor_ &&
        (word(qfirst - 1, "will") || word(qfirst - 1, "would") || word(qfirst - 1, "could") ||
         word(qfirst - 1, "might") || word(qfirst - 1, "may") || word(qfirst - 1, "can") ||
         word(qfirst - 1, "should") || word(qfirst - 1, "must"))) {
      e.kind = ExprKind::reference;
      e.ref = RefKind::future;
      e.end_token = i + 1;
      return true;
    }
    bool indefinite = word(qfirst, "a") || word(qfirst, "an");
    if (indefinite && qfirst > floor_ && word(qfirst - 1, "half")) {
      e.amount = 0.5;  // "half an hour"
      e.first_token = qfirst - 1;
      indefinite = false;
    }
    if (word(j, "ago")) {
      e.kind = ExprKind::offset;
      e.direction = -1;
      e.anchoring = Anchoring::dateline;
      ++j;
    } else if ((word(j, "earlier") || word(j, "later")) && unit >= Unit::day) {
      // "two days later" is a date; "five hours later" stays the duration "five hours".
      e.kind = ExprKind::offset;
      e.direction = word(j, "earlier") ? -1 : 1;
      e.anchoring = Anchoring::previous;
      if (unit == Unit::year && e.direction < 0 && amount == 1) e.year_before_context = true;
      ++j;
    } else if (word(j, "from") && word(j + 1, "now")) {
      e.kind = ExprKind::offset;
      e.direction = 1;
      e.anchoring = Anchoring::dateline;
      j += 2;
    } else if (word(j, "hence")) {
      e.kind = ExprKind::offset;
      e.direction = 1;
      e.anchoring = Anchoring::dateline;
      ++j;
    } else if ((word(j, "before") || word(j, "after")) &&
               (!in(j + 1) || tokens_[j + 1].kind == TokenKind::punctuation)) {
      e.kind = ExprKind::offset;
      e.direction = word(j, "before") ? -1 : 1;
      e.anchoring = Anchoring::previous;
      ++j;
    } else if (word(j, "old") || (word(j, "of") && word(j + 1, "age"))) {
      return false;  // an age ("52 years old") is not a time
    }
    e.end_token = j;
    if (e.kind == ExprKind::offset && vague) {
      e.kind = ExprKind::reference;  // "several years ago", "a few days earlier"
      e.ref = e.direction < 0 ? RefKind::past : RefKind::future;
    }
    // Left of the quantity: "the past", "the first", "another", "every", "per".
    Index f = e.first_token;
    if (e.kind == ExprKind::duration && f > floor_) {
      if (word(f - 1, "every") || word(f - 1, "each")) {
        e.kind = ExprKind::set;
        e.first_token = f - 1;
        return true;
      }
      if (indefinite && !plural_unit) {
        // "$5 a year", "twice a week": a rate, not a length.
        Index p = f - 1;
        bool rate = tokens_[p].kind == TokenKind::number || punct(p, '%');
        if (word_in(p, kRateWords)) rate = true;
        // "700 seats a week": a plural noun before "a week".
        if (lower_word(p) && text(p).size() >= 4 && text(p).back() == 's' && !lexeme(p)) {
          static constexpr WordLiteral kNotPlural[] = {
              "this",    "has",    "does",    "its",     "his",     "hers",
              "ours",    "less",   "unless",  "thus",    "plus",    "always",
              "perhaps", "across", "whereas", "besides", "towards", "was"};
          rate = true;
          if (word_in(p, kNotPlural)) rate = false;
        }
        if (rate) {
          // "twice a week", "three times a year" are frequencies; "$5 a year" is a price per
          // year, which TimeBank does not mark and editors do not need.
          e.kind = ExprKind::set;
          if (word(p, "twice") || word(p, "once") || word(p, "thrice")) {
            e.first_token = p;
            return true;
          }
          if (word(p, "times") && p > floor_ &&
              (integer(p - 1) > 0 || is(p - 1, WordClass::cardinal))) {
            e.first_token = p - 1;
            return true;
          }
          return false;
        }
      }
      if (word(f - 1, "another")) {
        e.first_token = f - 1;
        f = e.first_token;
      }
      bool modified = word_in(f - 1, kDurationModifiers);
      if (modified) {
        --f;
        if (f > floor_ && word(f - 1, "the")) --f;
        e.first_token = f;
      } else if (word(f - 1, "the") && !indefinite) {
        e.first_token = f - 1;
      }
    }
    if (e.kind == ExprKind::duration || e.kind == ExprKind::offset || e.kind == ExprKind::reference)
      extend_approximation(e);
    return true;
  }

  // No quantity.
  Index before = i > floor_ ? i - 1 : i;
  bool has_before = i > floor_;
  if (has_before && (word(before, "every") || word(before, "each") || word(before, "per"))) {
    e.kind = ExprKind::set;
    e.first_token = before;
    if (word(before, "every") && unit == Unit::day && false) return true;
    return !plural_unit;
  }
  if (has_before && word(before, "other") && before > floor_ && word(before - 1, "every")) {
    e.kind = ExprKind::set;
    e.amount = 2;
    e.first_token = before - 1;
    return true;
  }

  Lexeme prev = lexeme(before);
  bool has_the_before = false;
  if (has_before && prev.word_class == WordClass::shifter) {
    Index s = before;
    bool with_the = s > floor_ && word(s - 1, "the");
    int value = prev.value;
    if (plural_unit) {
      // "the coming weeks", "the next months": an open stretch of time.
      if (value == 0) return false;
      e.kind = ExprKind::duration;
      e.vague_amount = true;
      e.first_token = with_the ? s - 1 : s;
      return true;
    }
    if (with_the && word(s, "last")) {
      e.kind = ExprKind::duration;  // "the last week": the seven days up to now
      e.first_token = s - 1;
      return true;
    }
    if (with_the && value != 0 && !word(s, "coming") && !word(s, "upcoming")) {
      // "the next day", "the following year", "the previous week": from the date last named.
      e.kind = ExprKind::offset;
      e.anchoring = Anchoring::previous;
      e.direction = value;
      e.amount = 1;
      e.first_token = s - 1;
      return true;
    }
    e.kind = ExprKind::unit_relative;
    e.shift = value;
    e.first_token = with_the ? s - 1 : s;
    if (value == 0 && s > floor_ && word(s - 1, "this") == false && word(i + 1, "past")) {
      // nothing: "this past" is read from the other side
    }
    if (value != 0 && s > floor_ && word(s - 1, "this")) {
      --e.first_token;  // "this coming week", "this past week"
    }
    if (value == 0 && possessive_unit && unit == Unit::year) {
      // "this year's third quarter"
      Index n = i + 1;
      if (is(n, WordClass::ordinal) && lexeme(n).value <= 4 &&
          (word(n + 1, "quarter") || word(n + 1, "half"))) {
        e.kind = ExprKind::calendar;
        e.year_shift = 0;
        if (word(n + 1, "quarter"))
          e.quarter = lexeme(n).value;
        else
          e.half = lexeme(n).value;
        e.end_token = n + 2;
      }
    }
    if (possessive_unit && value != 0 && unit == Unit::year) {
      Index n = i + 1;
      if (is(n, WordClass::ordinal) && lexeme(n).value <= 4 && word(n + 1, "quarter")) {
        e.kind = ExprKind::calendar;
        e.year_shift = value;
        e.quarter = lexeme(n).value;
        e.end_token = n + 2;
      }
    }
    extend_position(e);
    return true;
  }
  if (has_before && word(before, "past") && !plural_unit) {
    // "the past year", "past week": the stretch up to now.
    e.kind = ExprKind::duration;
    e.first_token = before > floor_ && word(before - 1, "the") ? before - 1 : before;
    return true;
  }
  if (has_before && (word(before, "current") || word(before, "latest")) && !plural_unit) {
    e.kind = ExprKind::unit_relative;
    e.shift = word(before, "current") ? 0 : -1;
    if (unit == Unit::quarter && word(before, "latest")) e.shift = kNone;
    e.first_token = before > floor_ && word(before - 1, "the") ? before - 1 : before;
    return true;
  }
  if (has_before && word(before, "fiscal") && unit == Unit::year && !plural_unit) {
    Index f = before;
    if (f > floor_ && (word(f - 1, "current") || word(f - 1, "this"))) --f;
    if (f > floor_ && word(f - 1, "the")) {
      // "the current fiscal year" is this one; "the fiscal year" a year's length.
      bool current = f != before;
      --f;
      e.kind = current ? ExprKind::unit_relative : ExprKind::duration;
      e.shift = 0;
      e.first_token = f;
      return true;
    }
    return false;
  }
  if (has_before && (word(before, "that") || word(before, "same"))) {
    // "that day", "the same day", "that same year": the date named last.
    if (plural_unit) return false;
    Index f = before;
    if (word(f, "same") && f > floor_ && (word(f - 1, "the") || word(f - 1, "that"))) --f;
    e.kind = ExprKind::offset;
    e.anchoring = Anchoring::previous;
    e.amount = 0;
    e.direction = 0;
    e.first_token = f;
    extend_position(e);
    return true;
  }
  if (has_before && (word(before, "these") || word(before, "those")) && plural_unit) {
    if (word(before, "these") && unit == Unit::day) {
      e.kind = ExprKind::reference;  // "these days"
      e.ref = RefKind::present;
      e.first_token = before;
      return true;
    }
    return false;
  }
  if (has_before && word(before, "recent") && plural_unit) {
    e.kind = ExprKind::duration;  // "recent years", "in recent days", as TimeBank mostly has it
    e.vague_amount = true;
    e.first_token = before;
    if (before > floor_ && (word(before - 1, "more") || word(before - 1, "most"))) --e.first_token;
    return true;
  }
  if (has_before && word(before, "future") && plural_unit) {
    e.kind = ExprKind::reference;  // "future quarters"
    e.ref = RefKind::future;
    e.first_token = before;
    return true;
  }
  has_the_before = has_before && word(before, "the");

  if (has_the_before && !plural_unit) {
    // "the day before", "the day after tomorrow"
    if (unit == Unit::day || unit == Unit::week || unit == Unit::month || unit == Unit::year) {
      Index j = i + 1;
      if (word(j, "before") || word(j, "after")) {
        int direction = word(j, "before") ? -1 : 1;
        if (unit == Unit::day && (word(j + 1, "yesterday") || word(j + 1, "tomorrow"))) {
          e.kind = ExprKind::offset;
          e.anchoring = Anchoring::dateline;
          e.amount = 2;
          e.direction = word(j + 1, "yesterday") ? -1 : 1;
          e.first_token = before;
          e.end_token = j + 2;
          return true;
        }
        if (!in(j + 1) || tokens_[j + 1].kind == TokenKind::punctuation) {
          e.kind = ExprKind::offset;
          e.anchoring = Anchoring::previous;
          e.amount = 1;
          e.direction = direction;
          e.first_token = before;
          e.end_token = j + 1;
          return true;
        }
      }
    }
    if (unit == Unit::weekend || unit == Unit::week || unit == Unit::month ||
        unit == Unit::quarter) {
      e.kind = ExprKind::unit_relative;
      e.first_token = before;
      if (word(i + 1, "of")) return false;  // "the week of March 6" is left alone
      extend_position(e);
      return true;
    }
    if (unit == Unit::year && !possessive_unit) {
      if (word(i + 1, "ended") || word(i + 1, "ending") || word(i + 1, "to")) {
        e.kind = ExprKind::duration;  // "for the year ended Sept. 30"
        e.first_token = before;
        return true;
      }
      bool in_the = before > floor_ && (word(before - 1, "in") || word(before - 1, "during") ||
                                        word(before - 1, "for") || word(before - 1, "throughout"));
      if (word(i + 1, "of") || (lower_word(i + 1) && !in_the)) return false;
      e.first_token = before;
      bool stretch =
          before > floor_ && (word(before - 1, "for") || word(before - 1, "during") ||
                              word(before - 1, "throughout") || word(before - 1, "over"));
      if (stretch) {
        e.kind = ExprKind::duration;
      } else {
        e.kind = ExprKind::unit_relative;
        e.shift = 0;
      }
      extend_position(e);
      return true;
    }
    // "earlier in the day", "later in the day": the day the sentence is about.
    if (unit == Unit::day && before > floor_ + 1 && word(before - 1, "in") &&
        (word(before - 2, "earlier") || word(before - 2, "later") || word(before - 2, "early") ||
         word(before - 2, "late"))) {
      e.kind = ExprKind::offset;
      e.anchoring = Anchoring::previous;
      e.amount = 0;
      e.first_token = before - 2;
      return true;
    }
    return false;
  }

  if (plural_unit && has_the_before && (word(i + 1, "ahead") || word(i + 1, "to"))) {
    if (word(i + 1, "to") && !word(i + 2, "come")) return false;
    e.kind = ExprKind::duration;  // "the weeks ahead", "the years to come"
    e.vague_amount = true;
    e.first_token = before;
    e.end_token = word(i + 1, "ahead") ? i + 2 : i + 3;
    return true;
  }
  if (plural_unit && has_before && (word(before, "first") || word(before, "final")) &&
      before > floor_ && word(before - 1, "the")) {
    e.kind = ExprKind::duration;  // "the first hours"
    e.vague_amount = true;
    e.first_token = before - 1;
    return true;
  }
  if (plural_unit && !has_the_before) {
    // Bare plurals: "for years", "months of talks", "hours later".
    if (unit == Unit::minute || unit == Unit::second || unit == Unit::quarter ||
        unit == Unit::weekend || unit == Unit::millennium)
      return false;
    if (has_before &&
        (prev.word_class == WordClass::ordinal || prev.has(possessive) || word(before, "their") ||
         word(before, "its") || word(before, "his") || word(before, "her") || word(before, "our") ||
         word(before, "my") || word(before, "your") || word(before, "school") ||
         word(before, "dog") || word(before, "early") || word(before, "golden") ||
         word(before, "glory") || word(before, "old")))
      return false;
    e.kind = ExprKind::duration;
    e.vague_amount = true;
    Index j = i + 1;
    if (word(j, "ago")) {
      e.kind = ExprKind::reference;
      e.ref = RefKind::past;
      ++j;
    } else if (word(j, "earlier") || word(j, "later")) {
      e.kind = ExprKind::reference;
      e.ref = word(j, "earlier") ? RefKind::past : RefKind::future;
      ++j;
    }
    e.end_token = j;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// References and frequencies

bool Recognizer::match_reference(Index i, Expr& e) {
  RefKind ref = static_cast<RefKind>(lexeme(i).value);
  e.kind = ExprKind::reference;
  e.ref = ref;
  e.first_token = i;
  e.end_token = i + 1;
  Index j = i + 1;
  Lexeme next = lexeme(j);
  // Words that start a longer expression leave it to the word that triggers it.
  bool leads_on = next.word_class == WordClass::shifter || next.word_class == WordClass::weekday ||
                  next.word_class == WordClass::day_deixis || next.word_class == WordClass::month ||
                  next.word_class == WordClass::unit || next.word_class == WordClass::cardinal ||
                  next.word_class == WordClass::season || next.word_class == WordClass::ordinal ||
                  next.word_class == WordClass::part_of_day ||
                  (in(j) && tokens_[j].kind == TokenKind::number) ||
                  (word(j, "that") && is(j + 1, WordClass::unit));
  if (word(i, "now")) {
    if (i > floor_ && word(i - 1, "from")) return false;
    return true;
  }
  if (word(i, "current")) {
    // Adjective: "the current quarter" is the unit's; "current account" is not time at all.
    if (leads_on || word(j, "fiscal")) return false;
    static constexpr WordLiteral kNotTime[] = {
        "account", "accounts", "assets",   "liabilities", "affairs", "flow",    "flows",
        "ratio",   "prices",   "dollars",  "yield",       "yields",  "density", "sea",
        "river",   "water",    "electric", "electricity", "rate",    "rates",   "costs"};
    if (word_in(j, kNotTime)) return false;
    return lower_word(j) && !dash(j);
  }
  if (word(i, "recent")) return false;  // an adjective; "recent years" is the unit's
  if (word(i, "recently") || word(i, "lately")) {
    if (i > floor_ && (word(i - 1, "more") || word(i - 1, "most"))) e.first_token = i - 1;
    return true;
  }
  // "earlier" on its own ("had earlier said", "Earlier, they had...") orders one event before
  // another rather than naming a time: TimeML leaves it to the events. "earlier this month"
  // belongs to "month", "Earlier Friday" to "Friday".
  if (word(i, "earlier")) return false;
  if (word(i, "past")) {
    // "the past" as a noun; "the past two months" belongs to "months".
    if (leads_on || word(j, "few") || word(j, "several")) return false;
    if (i <= floor_ || !word(i - 1, "the")) return false;
    bool after_preposition = i - 1 > floor_ && (word(i - 2, "in") || word(i - 2, "from") ||
                                                word(i - 2, "of") || word(i - 2, "to"));
    if (!after_preposition && lower_word(j) && !lexeme(j) && !word(j, "and") && !word(j, "or") &&
        !word(j, "that") && !word(j, "to") && !word(j, "as") && !word(j, "but"))
      return false;  // "the past president"
    e.first_token = i - 1;
    return true;
  }
  if (word(i, "future")) {
    // "the future", "the near future"; the adjective ("future earnings") is not a time.
    if (next.word_class == WordClass::unit && next.has(plural)) return false;
    Index f = i;
    if (f > floor_ && (word(f - 1, "near") || word(f - 1, "foreseeable") ||
                       word(f - 1, "distant") || word(f - 1, "immediate")))
      --f;
    if (f <= floor_ || !word(f - 1, "the")) return false;
    if (lower_word(j) && !lexeme(j) && !word(j, "and") && !word(j, "or")) return false;
    e.first_token = f - 1;
    return true;
  }
  if (word(i, "term")) {
    // "the near term", "the short term", "the longer term"
    if (i <= floor_ + 1 ||
        !(word(i - 1, "near") || word(i - 1, "short") || word(i - 1, "long") ||
          word(i - 1, "longer") || word(i - 1, "shorter")) ||
        !word(i - 2, "the"))
      return false;
    if (lower_word(j) || dash(j)) return false;  // "the short term rates", "long-term"
    e.first_token = i - 2;
    return true;
  }
  if (word(i, "soon")) {
    if (i > floor_ && word(i - 1, "as")) {
      if (!(word(j, "as") && word(j + 1, "possible"))) return false;
      e.first_token = i - 1;
      e.end_token = j + 2;
    }
    return true;
  }
  // "currently", "presently", "nowadays", "previously", "formerly"
  return true;
}

bool Recognizer::match_set_adverb(Index i, Expr& e) {
  // "the party daily Granma": a newspaper, not a frequency.
  if (capitalized(i + 1) && tokens_[i + 1].kind == TokenKind::word && !sentence_start(i + 1))
    return false;
  // "its quarterly dividend", "quarterly results": in earnings copy the adjective names a kind
  // of report, not a frequency (TimeBank leaves it out); "daily", "weekly" before a noun stay.
  if (word(i, "quarterly") && lower_word(i + 1) && !word(i + 1, "and") && !word(i + 1, "or"))
    return false;
  e.kind = ExprKind::set;
  e.unit = static_cast<Unit>(lexeme(i).value);
  e.first_token = i;
  e.end_token = i + 1;
  if (word(i, "nightly")) e.part = PartOfDay::night;
  if (word(i, "biweekly")) {
    e.unit = Unit::week;
    e.amount = 2;
  }
  return true;
}

}  // namespace copydesk::analyzers::dates
