#include "analyzers/dateline.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Without a year, February 29 is allowed: some year has it.
bool is_real_date(std::optional<int> year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  if (year && (*year < 1 || *year > 9999)) return false;
  int limit = kDays[month - 1];
  if (month == 2 && year && !is_leap(*year)) limit = 28;
  return day <= limit;
}

std::uint32_t offset(std::size_t value) {
  return static_cast<std::uint32_t>(value);
}

std::size_t skip_bom(std::string_view text) {
  return text.starts_with(kBom) ? kBom.size() : 0;
}

// Reads exactly `count` digits at `pos`.
std::optional<int> read_fixed_digits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

struct Found {
  CalendarDate date;
  Span span;
};

// `date YYYY-MM-DD` after optional white space; the article may follow on the same line.
std::optional<Found> find_header(std::string_view text) {
  std::size_t i = skip_bom(text);
  while (i < text.size() && is_space(text[i]))
    ++i;
  std::size_t start = i;
  if (text.substr(i, 4) != "date") return std::nullopt;
  i += 4;
  if (i >= text.size() || !is_blank(text[i])) return std::nullopt;
  while (i < text.size() && is_blank(text[i]))
    ++i;
  if (i + 10 > text.size()) return std::nullopt;
  std::optional<CalendarDate> date = parse_iso_date(text.substr(i, 10));
  i += 10;
  if (!date || (i < text.size() && !is_space(text[i]))) return std::nullopt;
  return Found{*date, {offset(start), offset(i)}};
}

struct Line {
  std::size_t start = 0;
  std::size_t end = 0;   // before '\n' and any '\r'
  std::size_t next = 0;  // start of the following line
};

Line line_at(std::string_view text, std::size_t start) {
  std::size_t newline = text.find('\n', start);
  Line line{start, newline == std::string_view::npos ? text.size() : newline, 0};
  line.next = newline == std::string_view::npos ? text.size() : newline + 1;
  if (line.end > line.start && text[line.end - 1] == '\r') --line.end;
  return line;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

// The value of a top-level `date:` (YAML) or `date =` (TOML) line, if this line is one.
std::optional<CalendarDate> front_matter_date(std::string_view line, char separator) {
  if (!line.starts_with("date")) return std::nullopt;
  std::size_t i = 4;
  while (i < line.size() && is_blank(line[i]))
    ++i;
  if (i >= line.size() || line[i] != separator) return std::nullopt;
  std::string_view value = trim(line.substr(i + 1));
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
    std::size_t close = value.find(value.front(), 1);
    if (close == std::string_view::npos) return std::nullopt;
    value = value.substr(1, close - 1);
  } else {
    // An unquoted value may carry a trailing comment.
    std::size_t comment = value.find(" #");
    if (comment != std::string_view::npos) value = trim(value.substr(0, comment));
  }
  return parse_iso_date(value);
}

struct FrontMatter {
  Span block;
  std::optional<CalendarDate> date;
};

bool is_fence_line(std::string_view line, std::string_view fence) {
  return line.starts_with(fence) && trim(line.substr(fence.size())).empty();
}

// YAML between `---` lines or TOML between `+++` lines, at the very start of the text.
std::optional<FrontMatter> find_front_matter(std::string_view text) {
  std::size_t start = skip_bom(text);
  Line first = line_at(text, start);
  std::string_view opening = text.substr(first.start, first.end - first.start);
  std::string_view fence;
  if (is_fence_line(opening, "---")) {
    fence = "---";
  } else if (is_fence_line(opening, "+++")) {
    fence = "+++";
  } else {
    return std::nullopt;
  }
  char separator = fence == "---" ? ':' : '=';
  FrontMatter result;
  for (std::size_t pos = first.next; pos < text.size();) {
    Line line = line_at(text, pos);
    std::string_view content = text.substr(line.start, line.end - line.start);
    // YAML also allows `...` as the closing fence.
    if (is_fence_line(content, fence) || (fence == "---" && is_fence_line(content, "..."))) {
      result.block = {offset(start), offset(line.start + fence.size())};
      return result;
    }
    if (!result.date) result.date = front_matter_date(content, separator);
    pos = line.next;
  }
  return std::nullopt;  // never closed: not front matter
}

// ---- News datelines ----

struct Word {
  std::string_view name;
  int value;
  bool abbreviation;
};

constexpr std::array<Word, 24> kMonths = {{
    {"january", 1, false},  {"february", 2, false},  {"march", 3, false},
    {"april", 4, false},    {"may", 5, false},       {"june", 6, false},
    {"july", 7, false},     {"august", 8, false},    {"september", 9, false},
    {"october", 10, false}, {"november", 11, false}, {"december", 12, false},
    {"jan", 1, true},       {"feb", 2, true},        {"mar", 3, true},
    {"apr", 4, true},       {"jun", 6, true},        {"jul", 7, true},
    {"aug", 8, true},       {"sep", 9, true},        {"sept", 9, true},
    {"oct", 10, true},      {"nov", 11, true},       {"dec", 12, true},
}};

constexpr std::array<Word, 17> kWeekdays = {{
    {"monday", 1, false},
    {"tuesday", 2, false},
    {"wednesday", 3, false},
    {"thursday", 4, false},
    {"friday", 5, false},
    {"saturday", 6, false},
    {"sunday", 7, false},
    {"mon", 1, true},
    {"tue", 2, true},
    {"tues", 2, true},
    {"wed", 3, true},
    {"thu", 4, true},
    {"thur", 4, true},
    {"thurs", 4, true},
    {"fri", 5, true},
    {"sat", 6, true},
    {"sun", 7, true},
}};

// A capitalized word from `table` at `i` (an abbreviation may end with '.'); advances `i`.
template <std::size_t N>
std::optional<int> read_word(std::string_view s, std::size_t& i, const std::array<Word, N>& table) {
  if (i >= s.size() || !is_upper(s[i])) return std::nullopt;
  std::size_t end = i;
  while (end < s.size() && is_alpha(s[end]))
    ++end;
  std::size_t length = end - i;
  for (const Word& word : table) {
    if (word.name.size() != length) continue;
    bool same = true;
    for (std::size_t k = 0; k < length && same; ++k)
      same = lower(s[i + k]) == word.name[k];
    if (!same) continue;
    if (word.abbreviation && end < s.size() && s[end] == '.') ++end;
    i = end;
    return word.value;
  }
  return std::nullopt;
}

// A number of `min`..`max` digits at `i` that is not part of a longer word; advances `i`.
std::optional<int> read_number(std::string_view s, std::size_t& i, std::size_t min,
                               std::size_t max) {
  std::size_t end = i;
  int value = 0;
  while (end < s.size() && is_digit(s[end]) && end - i < max)
    value = value * 10 + (s[end++] - '0');
  if (end - i < min || (end < s.size() && (is_digit(s[end]) || is_alpha(s[end]))))
    return std::nullopt;
  i = end;
  return value;
}

bool skip_blanks(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  while (i < s.size() && is_blank(s[i]))
    ++i;
  return i > start;
}

void skip_markup(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == '*' || s[i] == '_'))
    ++i;
}

struct DateWords {
  CalendarDate date;
  std::size_t start = 0;
  std::size_t end = 0;
  bool weekday = false;
};

// ", 2019" or " 2019" after a day or month; advances `i` only if a year is there.
std::optional<int> read_year(std::string_view s, std::size_t& i) {
  std::size_t j = i;
  if (j < s.size() && s[j] == ',') ++j;
  skip_blanks(s, j);
  if (j == i) return std::nullopt;
  std::optional<int> year = read_number(s, j, 4, 4);
  if (year) i = j;
  return year;
}

// "[Weekday,] January 4[, 2019]" or "[Weekday,] 4 January[ 2019]" at `i`.
std::optional<DateWords> read_date_words(std::string_view s, std::size_t i, bool allow_weekday) {
  DateWords words;
  words.start = i;
  std::size_t j = i;
  if (allow_weekday && read_word(s, j, kWeekdays)) {
    if (j < s.size() && s[j] == ',') ++j;
    if (!skip_blanks(s, j)) return std::nullopt;
    words.weekday = true;
  } else {
    j = i;
  }
  std::optional<int> month = read_word(s, j, kMonths);
  std::optional<int> day;
  if (month) {
    if (!skip_blanks(s, j) || !(day = read_number(s, j, 1, 2))) return std::nullopt;
  } else {
    if (!(day = read_number(s, j, 1, 2)) || !skip_blanks(s, j) ||
        !(month = read_word(s, j, kMonths)))
      return std::nullopt;
  }
  std::optional<int> year = read_year(s, j);
  if (!is_real_date(year, *month, *day)) return std::nullopt;
  words.date = {year, *month, *day};
  words.end = j;
  return words;
}

// After the date: optional markup, an optional "(Agency)", then a dash or (if allowed) the end of
// the line. Dashes: "-", "--", en dash, em dash.
bool dateline_tail(std::string_view s, std::size_t i, bool allow_end) {
  skip_markup(s, i);
  skip_blanks(s, i);
  if (i < s.size() && s[i] == '(') {
    std::size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 40) return false;
    i = close + 1;
    skip_blanks(s, i);
  }
  if (i >= s.size()) return allow_end;
  if (s[i] == '-') return true;
  std::string_view rest = s.substr(i);
  return rest.starts_with("\xE2\x80\x94") || rest.starts_with("\xE2\x80\x93");
}

// "WASHINGTON, March 3 (Reuters) -", "LONDON, Feb 26 -", "KYIV, Ukraine, March 3 -".
std::optional<DateWords> city_dateline(std::string_view s, std::size_t i) {
  std::size_t capitals = 0;
  std::size_t city_end = i;
  while (city_end < s.size()) {
    char c = s[city_end];
    if (is_upper(c)) {
      ++capitals;
    } else if (!(c == ' ' || c == '.' || c == '\'' || c == '-' ||
                 static_cast<unsigned char>(c) >= 0x80)) {
      break;
    }
    ++city_end;
  }
  if (capitals < 2) return std::nullopt;
  std::size_t j = city_end;
  skip_markup(s, j);
  if (j >= s.size() || s[j] != ',') return std::nullopt;
  ++j;
  skip_blanks(s, j);
  std::optional<DateWords> words = read_date_words(s, j, false);
  if (!words) {
    // A region or country between the city and the date: "KYIV, Ukraine, March 3".
    std::size_t comma = s.find(',', j);
    if (j >= s.size() || !is_upper(s[j]) || comma == std::string_view::npos || comma - j > 30)
      return std::nullopt;
    for (std::size_t k = j; k < comma; ++k) {
      if (is_digit(s[k])) return std::nullopt;
    }
    j = comma + 1;
    skip_blanks(s, j);
    words = read_date_words(s, j, false);
  }
  if (!words || !dateline_tail(s, words->end, false)) return std::nullopt;
  return words;
}

// "Friday, January 4, 2019" or "4 January 2019" opening a line, alone or before a dash.
std::optional<DateWords> standalone_dateline(std::string_view s, std::size_t i) {
  std::optional<DateWords> words = read_date_words(s, i, true);
  if (!words || !(words->date.year || words->weekday)) return std::nullopt;
  if (!dateline_tail(s, words->end, true)) return std::nullopt;
  return words;
}

std::optional<Found> find_news_dateline(std::string_view text, std::size_t from) {
  constexpr int kLinesToSearch = 3;
  int seen = 0;
  for (std::size_t pos = from; pos < text.size() && seen < kLinesToSearch;) {
    Line line = line_at(text, pos);
    pos = line.next;
    std::string_view s = text.substr(line.start, line.end - line.start);
    std::size_t i = 0;
    // Leading indentation and Markdown markup: "# ", "> ", "**".
    while (i < s.size() &&
           (is_blank(s[i]) || s[i] == '#' || s[i] == '>' || s[i] == '*' || s[i] == '_'))
      ++i;
    if (i >= s.size()) continue;
    ++seen;
    std::optional<DateWords> words = city_dateline(s, i);
    if (!words) words = standalone_dateline(s, i);
    if (words)
      return Found{words->date,
                   {offset(line.start + words->start), offset(line.start + words->end)}};
  }
  return std::nullopt;
}

}  // namespace

std::optional<CalendarDate> parse_iso_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10) {
    // Only a time may follow: 2024-03-12T09:30:00Z or 2024-03-12 09:30.
    char separator = text[10];
    if (!(separator == 'T' || separator == 't' || separator == ' ') || text.size() < 12 ||
        !is_digit(text[11]))
      return std::nullopt;
  }
  std::optional<int> year = read_fixed_digits(text, 0, 4);
  std::optional<int> month = read_fixed_digits(text, 5, 2);
  std::optional<int> day = read_fixed_digits(text, 8, 2);
  if (!year || !month || !day || !is_real_date(year, *month, *day)) return std::nullopt;
  return CalendarDate{year, *month, *day};
}

Dateline find_dateline(std::string_view text, DocumentFormat format, const DatelineInputs& inputs) {
  Dateline result;
  // Metadata is found whatever the date's source, so that it is always masked from prose.
  std::optional<Found> header = find_header(text);
  std::optional<FrontMatter> front_matter;
  if (header) {
    result.metadata = header->span;
  } else if (format == DocumentFormat::markdown) {
    front_matter = find_front_matter(text);
    if (front_matter) result.metadata = front_matter->block;
  }

  if (inputs.override_value) {
    result.date = inputs.override_value;
    result.source = DatelineSource::override_value;
  } else if (header) {
    result.date = header->date;
    result.source = DatelineSource::header;
    result.span = header->span;
  } else if (front_matter && front_matter->date) {
    result.date = front_matter->date;
    result.source = DatelineSource::front_matter;
    result.span = front_matter->block;
  } else if (std::optional<Found> news = find_news_dateline(
                 text, std::max<std::size_t>(result.metadata.end, skip_bom(text)))) {
    result.date = news->date;
    result.source = DatelineSource::news_dateline;
    result.span = news->span;
  } else if (inputs.config_default) {
    result.date = inputs.config_default;
    result.source = DatelineSource::config;
  }
  return result;
}

}  // namespace copydesk::analyzers
