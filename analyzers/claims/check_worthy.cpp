#include "analyzers/claims/check_worthy.hpp"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <tuple>

namespace copydesk::analyzers::claims {
namespace {

struct Range {
  std::uint32_t first;
  std::uint32_t end;
};

bool is_any(const Words& w, std::uint32_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (w.is(i, word)) return true;
  return false;
}

// Digits of a number token without its thousands separators, as an integer (or -1).
long long integer_value(std::string_view text) {
  long long value = 0;
  int digits = 0;
  for (char c : text) {
    if (c == ',') continue;
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
    if (++digits > 15) return -1;
  }
  return digits ? value : -1;
}

// Words after a number that make it a measure, an age, a time or a date, not a count.
bool is_measure_word(const Words& w, std::uint32_t i) {
  return w.has(i, kPercent | kMonth | kCurrency | kMultiplier | kTimeWord) ||
         is_any(w, i, {"km",        "miles",   "mile",    "kilometres", "kilometers", "kilometre",
                       "kilometer", "metres",  "meters",  "feet",       "foot",       "hours",
                       "hour",      "minutes", "seconds", "days",       "day",        "times",
                       "am",        "pm",      "a.m.",    "p.m.",       "mph",        "kg",
                       "tonnes",    "tons",    "degrees", "acres",      "hectares",   "cents",
                       "points",    "storey",  "storeys", "floors",     "floor",      "per",
                       "inches",    "square",  "seats",   "votes",      "goals"});
}

// The token after a count's last word: "1,000", "two hundred", "twenty-five", "2.5 million".
std::uint32_t after_count(const Words& w, Range r, std::uint32_t j) {
  std::uint32_t end = j + 1;
  while (end < r.end) {
    if (w.has(end, kNumberWord | kMultiplier) || w.is_number(end)) {
      ++end;
    } else if (w.is_char(end, '-') && end + 1 < r.end && w.has(end - 1, kNumberWord) &&
               w.has(end + 1, kNumberWord)) {
      end += 2;
    } else {
      break;
    }
  }
  return end;
}

// A count of people or things: digits ("234", "1,000") or an exact number word ("seven"), not a
// year, an age, a time, a date, a percentage or an amount of money.
bool is_count(const Words& w, Range r, std::uint32_t j) {
  if (j < r.first || j >= r.end) return false;
  if (w.is_number(j)) {
    std::string_view text = w.text(j);
    long long value = integer_value(text);
    if (value < 0 && text.find('.') == std::string_view::npos) return false;  // "B1", "3:00"
    if (value >= 1800 && value <= 2100 && text.find(',') == std::string_view::npos)
      return false;  // a year
    if (value == 0) return false;
  } else if (w.has(j, kNumberWord)) {
    const WordEntry* e = w.entry(j);
    if (e->value <= 0) return false;  // "dozens": too vague to check
    if (w.is(j, "one") &&
        !(j + 1 < r.end && (w.has(j + 1, kPeopleNoun | kCasualty | kMaterielNoun))))
      return false;  // "one of the", "no one"
  } else {
    return false;
  }
  if (j + 1 < r.end) {
    std::uint32_t n = j + 1;
    // "twenty-five": the hyphen joins two number words.
    if (w.is_char(n, '-') && n + 1 < r.end && w.has(j, kNumberWord) && w.has(n + 1, kNumberWord))
      n = after_count(w, r, j);
    if (n >= r.end) return true;
    if (w.is_char(n, ':') || w.is_char(n, '-') || w.is_char(n, '%') || w.is_char(n, '/') ||
        w.is_char(n, '.'))
      return n + 1 >= r.end ? w.is_char(n, '.') : false;
    if (w.is_word(n) && is_measure_word(w, n)) return false;
    if (w.is(n, "of") && !w.has(j, kNumberWord)) return false;  // "5 of the 12"
    // "four or more": a threshold in a definition, not a count.
    if (w.is(n, "or") && n + 1 < r.end && is_any(w, n + 1, {"more", "fewer", "less", "over"}))
      return false;
  }
  if (j > r.first) {
    std::uint32_t p = j - 1;
    if (w.token(p).kind == TokenKind::symbol) return false;  // "$5", "#3"
    if (w.has(p, kMonth | kCurrency) ||
        is_any(w, p, {"aged", "age", "at", "no.", "number", "no", "page", "route", "flight"}))
      return false;
  }
  return true;
}

// Tokens that may stand between a casualty word and the count after it: "killed at least 20",
// "death toll rose to 31", "killing some 20".
bool between_casualty_and_count(const Words& w, std::uint32_t i) {
  return w.has(i, kApproximator | kBe | kHave) ||
         is_any(w, i,
                {"at", "to", "of", "rose", "risen", "climbed", "stood", "stands", "reached", "now",
                 "total", "a", "an", "as", "many"});
}

// Tokens that may stand between a count and the casualty word after it: "39 are confirmed
// dead", "five Ukrainian soldiers were killed", "20 people have died".
bool between_count_and_casualty(const Words& w, std::uint32_t i) {
  if (!w.is_word(i) || is_any(w, i, {"and", "or", "but", "who", "which", "that", "as"}))
    return false;
  if (w.has(i, kPeopleNoun | kBe | kHave | kDeterminer)) return true;
  if (is_any(w, i,
             {"confirmed", "reported", "reportedly", "now",      "already",  "more",  "others",
              "later",     "also",     "feared",     "believed", "were",     "been",  "people",
              "of",        "them",     "whom",       "thought",  "presumed", "being", "found",
              "other",     "on",       "aboard",     "in",       "from"}))
    return true;
  // A modifier: "Ukrainian soldiers", "armed men", "local residents".
  return !w.known(i);
}

void add(std::vector<Trigger>& triggers, ClaimKind kind, const Words& w, std::uint32_t first,
         std::uint32_t end) {
  triggers.push_back({kind, {w.token(first).start, w.token(end - 1).end}, first, end});
}

// The count starts at its approximator: "at least 20", "more than 1,000".
std::uint32_t count_start(const Words& w, Range r, std::uint32_t j) {
  // "Thirty four", "two hundred": the count's earlier number words.
  while (j > r.first && w.has(j, kNumberWord) && w.has(j - 1, kNumberWord))
    --j;
  std::uint32_t start = j;
  while (start > r.first && start + 3 > j && w.has(start - 1, kApproximator))
    --start;
  if (start > r.first && start < j && w.is(start, "least") && w.is(start - 1, "at")) --start;
  return start;
}

// Extends a count over the people noun after it: "234 combatants".
std::uint32_t count_end(const Words& w, Range r, std::uint32_t j) {
  std::uint32_t end = after_count(w, r, j);
  for (std::uint32_t k = end; k < r.end && k < end + 3; ++k) {
    if (!w.is_word(k)) break;
    if (w.has(k, kPeopleNoun | kMaterielNoun)) return k + 1;
    if (w.known(k)) break;
  }
  // A noun the lexicon does not know: "12 fishermen".
  if (end < r.end && w.is_word(end) && !w.known(end) && !w.is_capitalized(end)) return end + 1;
  return end;
}

void find_casualties(const Words& w, Range r, std::vector<Trigger>& out) {
  for (std::uint32_t k = r.first; k < r.end; ++k) {
    if (!w.has(k, kCasualty)) continue;
    if (k != r.first && w.is_capitalized(k)) continue;  // a name: "the Grateful Dead"
    // A rate: "four premature deaths per 100,000".
    if (k + 1 < r.end && w.is(k + 1, "per")) continue;
    // Forward: "killed 234 combatants".
    bool found = false;
    for (std::uint32_t j = k + 1; j < r.end && j <= k + 4; ++j) {
      if (is_count(w, r, j)) {
        std::uint32_t end = count_end(w, r, j);
        add(out, ClaimKind::casualties, w, k, end);
        k = end - 1;
        found = true;
        break;
      }
      if (!between_casualty_and_count(w, j)) break;
    }
    if (found) continue;
    // Backward: "39 are confirmed dead". "Bodies" only right after its count: "35 bodies", not
    // "five research bodies".
    bool adjacent_only = w.is(k, "bodies");
    for (std::uint32_t j = k; j > r.first && j + 6 > k && (!adjacent_only || j == k);) {
      --j;
      if (is_count(w, r, j)) {
        add(out, ClaimKind::casualties, w, count_start(w, r, j), k + 1);
        break;
      }
      if (!between_count_and_casualty(w, j)) break;
    }
  }
}

// "seven tanks and five armored vehicles" lost; "48 apartments were damaged".
void find_losses(const Words& w, Range r, std::vector<Trigger>& out) {
  bool has_loss_verb = false;
  for (std::uint32_t i = r.first; i < r.end; ++i)
    if (w.has(i, kCountVerb) && w.entry(i)->key != "arrested" && w.entry(i)->key != "rescued" &&
        w.entry(i)->key != "evacuated" && w.entry(i)->key != "hospitalized" &&
        w.entry(i)->key != "infected")
      has_loss_verb = true;
  if (!has_loss_verb) return;
  std::uint32_t first = 0, end = 0;
  for (std::uint32_t j = r.first; j < r.end; ++j) {
    if (!is_count(w, r, j)) continue;
    std::uint32_t after = after_count(w, r, j);
    for (std::uint32_t k = after; k < r.end && k <= after + 2; ++k) {
      if (w.has(k, kMaterielNoun)) {
        if (!end) first = count_start(w, r, j);
        end = k + 1;
        j = k;
        break;
      }
      if (!(w.is_word(k) || w.is_char(k, '-')) || w.has(k, kPreposition | kBe)) break;
    }
  }
  if (end) add(out, ClaimKind::losses, w, first, end);
}

bool is_people_count_verb(const Words& w, std::uint32_t i) {
  if (!w.has(i, kCountVerb)) return false;
  std::string_view key = w.entry(i)->key;
  return key == "arrested" || key == "evacuated" || key == "displaced" || key == "rescued" ||
         key == "hospitalized" || key == "infected" || key == "trapped" || key == "captured";
}

// "arrested 50 people", "1,000 residents were evacuated".
void find_people_counts(const Words& w, Range r, std::vector<Trigger>& out) {
  for (std::uint32_t j = r.first; j < r.end; ++j) {
    if (!is_count(w, r, j)) continue;
    std::uint32_t noun = 0;
    std::uint32_t after = after_count(w, r, j);
    for (std::uint32_t k = after; k < r.end && k <= after + 2; ++k) {
      if (w.has(k, kPeopleNoun)) {
        noun = k;
        break;
      }
      if (!w.is_word(k) || w.known(k)) break;
    }
    if (!noun) continue;
    for (std::uint32_t v = j; v > r.first && v + 4 > j;) {
      --v;
      if (is_people_count_verb(w, v)) {
        add(out, ClaimKind::people, w, v, noun + 1);
        return;
      }
      if (!(w.has(v, kApproximator) || is_any(w, v, {"at", "least", "than", "a", "total", "of"})))
        break;
    }
    for (std::uint32_t v = noun + 1; v < r.end && v <= noun + 4; ++v) {
      if (is_people_count_verb(w, v)) {
        add(out, ClaimKind::people, w, count_start(w, r, j), v + 1);
        return;
      }
      if (!w.is_word(v) ||
          !(w.has(v, kBe | kHave) || is_any(w, v, {"reportedly", "also", "later", "since"})))
        break;
    }
  }
}

// "the deadliest attack", "the largest since 1945", "the first time since", "a record high".
void find_records(const Words& w, Range r, std::vector<Trigger>& out) {
  for (std::uint32_t k = r.first; k < r.end; ++k) {
    if (w.has(k, kAlwaysRecord)) {
      add(out, ClaimKind::record, w, k > r.first && w.has(k - 1, kDeterminer) ? k - 1 : k, k + 1);
      return;
    }
    if (w.has(k, kSuperlative)) {
      // A superlative needs "the" (or a possessive) before it: "first" alone is an ordinal.
      bool definite = k > r.first && w.has(k - 1, kDeterminer);
      if (!definite) continue;
      for (std::uint32_t j = k + 1; j < r.end && j <= k + 8; ++j) {
        if (w.is_char(j, ',') || w.is_char(j, ';')) break;
        bool record = w.has(j, kRecordWord) && !w.is(j, "record");
        if (w.is(j, "record") && j > r.first && w.is(j - 1, "on")) record = true;
        if (w.is(j, "in") && j + 2 < r.end) {
          if (w.is_count(j + 1) && is_any(w, j + 2, {"years", "decades", "centuries"})) {
            add(out, ClaimKind::record, w, k - 1, j + 3);
            return;
          }
          if (is_any(w, j + 1, {"decades", "history", "memory"})) {
            add(out, ClaimKind::record, w, k - 1, j + 2);
            return;
          }
        }
        if (record) {
          // "since 1952": the year belongs to the record.
          std::uint32_t end = j + 1 < r.end && w.is_number(j + 1) ? j + 2 : j + 1;
          add(out, ClaimKind::record, w, k - 1, end);
          return;
        }
      }
    }
    if (w.is(k, "record") && k + 1 < r.end && k > r.first &&
        is_any(w, k - 1, {"a", "new", "all"}) &&
        is_any(w, k + 1,
               {"high", "low", "highs", "lows", "level", "levels", "number", "amount", "numbers",
                "temperatures", "turnout"})) {
      add(out, ClaimKind::record, w, k - 1, k + 2);
      return;
    }
  }
}

bool is_event_noun(const Words& w, std::uint32_t i) {
  return w.has(i, kEventNoun);
}

bool event_noun_near(const Words& w, Range r, std::uint32_t from, std::uint32_t to) {
  for (std::uint32_t i = from < r.first ? r.first : from; i < to && i < r.end; ++i)
    if (is_event_noun(w, i)) return true;
  return false;
}

// The end of the noun phrase at `i`: "the border militia", "Ukraine" (up to five words).
std::uint32_t noun_phrase_end(const Words& w, Range r, std::uint32_t i) {
  std::uint32_t end = i;
  while (end < r.end && end < i + 5 && w.is_word(end) &&
         (w.has(end, kDeterminer) || w.is_capitalized(end) || !w.known(end) ||
          w.has(end, kPeopleNoun)))
    ++end;
  return end > i ? end : (i < r.end ? i + 1 : i);
}

// "blamed on Ukraine", "responsible for the attack", "caused by a gas leak", "carried out by".
void find_accusations(const Words& w, Range r, std::vector<Trigger>& out) {
  for (std::uint32_t k = r.first; k < r.end; ++k) {
    if (!w.has(k, kAccusationCue)) continue;
    if (is_any(w, k, {"blamed", "blames", "blame", "blaming"})) {
      for (std::uint32_t j = k + 1; j < r.end && j <= k + 6; ++j) {
        if (!w.is_word(j)) break;
        if (is_any(w, j, {"on", "for"})) {
          add(out, ClaimKind::accusation, w, k, noun_phrase_end(w, r, j + 1));
          return;
        }
      }
      continue;
    }
    if (w.is(k, "responsible") && k + 1 < r.end && w.is(k + 1, "for") && k > r.first &&
        (w.has(k - 1, kBe) || w.is(k - 1, "held")) && event_noun_near(w, r, k + 2, k + 6)) {
      add(out, ClaimKind::accusation, w, k - 1, k + 2);
      return;
    }
    if (k >= r.first + 2 && w.match("at the hands of", k - 2, r.end)) {
      add(out, ClaimKind::accusation, w, k - 2, noun_phrase_end(w, r, k + 2));
      return;
    }
    if (k >= r.first + 1 && w.match("in retaliation for", k - 1, r.end)) {
      add(out, ClaimKind::accusation, w, k - 1, k + 2 <= r.end ? k + 2 : r.end);
      return;
    }
    if (is_any(w, k, {"orchestrated", "masterminded", "perpetrated"}) && k + 1 < r.end &&
        w.is(k + 1, "by")) {
      add(out, ClaimKind::accusation, w, k, k + 2);
      return;
    }
    if (w.is(k, "behind") && k > r.first && w.has(k - 1, kBe) &&
        event_noun_near(w, r, k + 1, k + 4)) {
      add(out, ClaimKind::accusation, w, k - 1, k + 1);
      return;
    }
    std::uint32_t end = w.match("carried out by", k, r.end);
    if (end && event_noun_near(w, r, k >= 6 ? k - 6 : 0, k)) {
      add(out, ClaimKind::accusation, w, k, end);
      return;
    }
    end = w.match("caused by", k, r.end);
    if (!end) end = w.match("triggered by", k, r.end);
    if (end && event_noun_near(w, r, k >= 6 ? k - 6 : 0, k)) {
      add(out, ClaimKind::cause, w, k, end);
      return;
    }
  }
}

// "rose 12 percent", "a 77% drop".
void find_statistics(const Words& w, Range r, std::vector<Trigger>& out) {
  for (std::uint32_t j = r.first; j + 1 < r.end; ++j) {
    if (!w.is_number(j)) continue;
    std::uint32_t unit = j + 1;
    if (!(w.is_char(unit, '%') || w.has(unit, kPercent))) continue;
    if (w.is(unit, "per") && !(unit + 1 < r.end && w.is(unit + 1, "cent"))) continue;
    for (std::uint32_t v = j; v > r.first && v + 6 > j;) {
      --v;
      if (w.has(v, kChangeVerb)) {
        add(out, ClaimKind::statistic, w, v, unit + 1);
        return;
      }
    }
    if (unit + 1 < r.end && is_any(w, unit + 1,
                                   {"rise", "fall", "drop", "increase", "decline", "jump", "gain",
                                    "growth", "surge", "cut", "decrease", "plunge"})) {
      add(out, ClaimKind::statistic, w, count_start(w, r, j), unit + 2);
      return;
    }
  }
}

// A figure of a dated past event, given as background: "Typhoon Haiyan, which killed over
// 6,000 people in 2013".
bool is_background(const Words& w, Range r, const Trigger& t) {
  for (std::uint32_t k = t.end_token; k + 1 < r.end && k < t.end_token + 6; ++k) {
    if (w.is_char(k, ',') || w.is_char(k, ';')) return false;
    if (!w.is(k, "in") || !w.is_number(k + 1)) continue;
    std::string_view year = w.text(k + 1);
    long long value = integer_value(year);
    if (year.size() == 4 && value >= 1800 && value <= 2100) return true;
  }
  return false;
}

bool overlaps_not_claim(const Words& w, Range r, const Trigger& t,
                        const std::vector<std::string>& not_claims) {
  std::uint32_t from = t.first_token >= r.first + 4 ? t.first_token - 4 : r.first;
  for (std::uint32_t i = from; i < t.end_token; ++i)
    for (const std::string& phrase : not_claims)
      if (std::uint32_t end = w.match(phrase, i, r.end); end && end > t.first_token) return true;
  return false;
}

}  // namespace

const char* describe(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::casualties:
      return "a casualty figure";
    case ClaimKind::losses:
      return "a count of losses or damage";
    case ClaimKind::people:
      return "a count of people";
    case ClaimKind::record:
      return "a record or superlative";
    case ClaimKind::accusation:
      return "an accusation";
    case ClaimKind::cause:
      return "a cause";
    case ClaimKind::statistic:
      return "a statistic";
    case ClaimKind::verifiable:
      return "material the copy could not verify";
  }
  return "a claim";
}

bool is_count_at(const Words& w, const Sentence& sentence, std::uint32_t j) {
  return is_count(w, {sentence.first_token, sentence.end_token}, j);
}

bool is_statement(const Words& w, const Sentence& sentence) {
  for (std::uint32_t i = sentence.end_token; i > sentence.first_token;) {
    --i;
    if (w.is_quote_mark(i) || w.is_char(i, ')') || w.is_char(i, '\'') ||
        w.text(i) == "\xE2\x80\x99")
      continue;
    if (w.is_char(i, '.') || w.is_char(i, '!')) return true;
    // An abbreviation takes the full stop that ends its sentence: "... in the U.S."
    return w.is_word(i) && (w.token(i).flags & TokenFlag::has_period) && w.text(i).back() == '.';
  }
  return false;
}

std::vector<Candidate> find_check_worthy(const Words& w,
                                         const std::vector<std::string>& not_claims) {
  std::vector<Candidate> candidates;
  const auto& sentences = w.segmentation().sentences;
  std::vector<Trigger> triggers;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    if (sentence.end_token - sentence.first_token < 4 || !is_statement(w, sentence)) continue;
    Range r{sentence.first_token, sentence.end_token};
    // What the sentence's words can do, so each finder runs only where it can find something.
    std::uint64_t classes = 0;
    bool numbers = false, percent_sign = false;
    for (std::uint32_t i = r.first; i < r.end; ++i) {
      classes |= w.classes(i);
      numbers = numbers || w.is_number(i);
      percent_sign = percent_sign || w.is_char(i, '%');
    }
    triggers.clear();
    if (classes & kCasualty) find_casualties(w, r, triggers);
    if (classes & kCountVerb) {
      find_losses(w, r, triggers);
      find_people_counts(w, r, triggers);
    }
    if (classes & (kSuperlative | kAlwaysRecord | kRecordWord)) find_records(w, r, triggers);
    if (classes & kAccusationCue) find_accusations(w, r, triggers);
    if (numbers && (percent_sign || (classes & kPercent))) find_statistics(w, r, triggers);
    std::erase_if(triggers, [&](const Trigger& t) { return is_background(w, r, t); });
    if (!not_claims.empty())
      std::erase_if(triggers,
                    [&](const Trigger& t) { return overlaps_not_claim(w, r, t, not_claims); });
    if (triggers.empty()) continue;
    std::sort(triggers.begin(), triggers.end(), [](const Trigger& a, const Trigger& b) {
      return std::tie(a.kind, a.focus.start) < std::tie(b.kind, b.focus.start);
    });
    candidates.push_back({s, triggers});
  }
  return candidates;
}

}  // namespace copydesk::analyzers::claims
