#include "analyzers/claims/figures.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "analyzers/claims/check_worthy.hpp"

namespace copydesk::analyzers::claims {
namespace {

bool is_any(const Words& w, std::uint32_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (w.is(i, word)) return true;
  return false;
}

double digits_value(std::string_view text) {
  char buffer[32];
  std::size_t n = 0;
  for (char c : text) {
    if (c == ',') continue;
    if (n + 1 >= sizeof buffer) return 0;
    buffer[n++] = c;
  }
  double value = 0;
  std::from_chars(buffer, buffer + n, value);
  return value;
}

// The value of the count starting at token j ("1,000", "2.5 million", "two hundred",
// "twenty-five"), and the token after it.
std::pair<double, std::uint32_t> count_value(const Words& w, std::uint32_t j, std::uint32_t end) {
  double total = 0, current = 0;
  std::uint32_t i = j;
  if (w.is_number(i)) {
    current = digits_value(w.text(i));
    ++i;
  }
  for (; i < end; ++i) {
    if (w.is_char(i, '-') && i + 1 < end && w.has(i + 1, kNumberWord)) continue;
    const WordEntry* e = w.entry(i);
    if (!e || !e->has(kNumberWord | kMultiplier) || (e->value <= 0)) break;
    if (e->has(kMultiplier)) {
      current = (current == 0 ? 1 : current) * e->value;
      if (e->value >= 1000) {
        total += current;
        current = 0;
      }
    } else {
      current += e->value;
    }
  }
  return {total + current, i};
}

Bound bound_before(const Words& w, const Sentence& s, std::uint32_t j, std::uint32_t& start) {
  start = j;
  if (j >= s.first_token + 2 && w.is(j - 2, "at") && w.is(j - 1, "least")) {
    start = j - 2;
    return Bound::at_least;
  }
  if (j >= s.first_token + 2 && w.is(j - 1, "than")) {
    start = j - 2;
    return is_any(w, j - 2, {"more", "over"}) ? Bound::at_least : Bound::at_most;
  }
  if (j >= s.first_token + 2 && w.is(j - 2, "up") && w.is(j - 1, "to")) {
    start = j - 2;
    return Bound::at_most;
  }
  if (j > s.first_token) {
    if (is_any(w, j - 1, {"over", "upwards"})) {
      start = j - 1;
      return Bound::at_least;
    }
    if (is_any(w, j - 1, {"nearly", "almost", "under"})) {
      start = j - 1;
      return Bound::at_most;
    }
    if (is_any(w, j - 1,
               {"about", "around", "some", "roughly", "approximately", "estimated", "perhaps",
                "maybe"})) {
      start = j - 1;
      return Bound::about;
    }
  }
  return Bound::exact;
}

// Whether the sentence reports a change or another event.
bool is_changing(const Words& w, const Sentence& s) {
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    if (w.has(i, kUpdateWord | kOtherEvent | kChangeVerb)) return true;
    if (is_any(w, i, {"each", "every", "annually", "average", "since", "between", "or"}))
      return true;
    if (w.is_number(i)) {
      std::string_view text = w.text(i);
      double value = digits_value(text);
      if (text.size() == 4 && value >= 1800 && value <= 2100) return true;  // "in 2018"
    }
  }
  return false;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The noun a count counts, within three tokens after it; empty for generic ones.
std::string counted_noun(const Words& w, std::uint32_t from, std::uint32_t end) {
  for (std::uint32_t k = from; k < end && k < from + 3; ++k) {
    if (!w.is_word(k)) break;
    if (w.has(k, kPeopleNoun | kMaterielNoun)) {
      if (is_any(w, k, {"people", "persons", "others"})) return {};
      return lower(w.text(k));
    }
    if (w.known(k)) break;
  }
  return {};
}

// The event word a figure's claim turns on: the casualty word in it, else the count verb of
// its sentence.
std::string_view event_key(const Words& w, const Sentence& s, const Trigger& t) {
  if (t.kind == ClaimKind::casualties)
    for (std::uint32_t i = t.first_token; i < t.end_token; ++i)
      if (w.has(i, kCasualty)) return w.entry(i)->key;
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i)
    if (w.has(i, kCountVerb)) return w.entry(i)->key;
  return {};
}

}  // namespace

std::vector<Figure> find_figures(const Words& w) {
  std::vector<Figure> figures;
  const auto& sentences = w.segmentation().sentences;
  for (const Candidate& candidate : find_check_worthy(w, {})) {
    const Sentence& s = sentences[candidate.sentence];
    bool changing = is_changing(w, s);
    for (const Trigger& t : candidate.triggers) {
      if (t.kind != ClaimKind::casualties && t.kind != ClaimKind::losses &&
          t.kind != ClaimKind::people)
        continue;
      std::string_view event = event_key(w, s, t);
      if (event.empty()) continue;
      for (std::uint32_t j = t.first_token; j < t.end_token; ++j) {
        if (!is_count_at(w, s, j)) continue;
        auto [value, after] = count_value(w, j, s.end_token);
        if (value <= 0) continue;
        Figure f;
        std::uint32_t start = j;
        f.bound = bound_before(w, s, j, start);
        f.span = {w.token(start).start, w.token(after - 1).end};
        f.mention = t.focus;
        f.value = value;
        f.key = std::string(event);
        std::string noun = counted_noun(w, after, s.end_token);
        if (!noun.empty()) f.key += " " + noun;
        f.sentence = candidate.sentence;
        f.changing = changing;
        figures.push_back(std::move(f));
        j = after - 1;
      }
    }
  }
  return figures;
}

bool values_conflict(const Figure& a, const Figure& b) {
  // Whether `value` breaks what `bound` says.
  auto breaks = [](const Figure& bound, double value) {
    switch (bound.bound) {
      case Bound::exact:
        return std::fabs(bound.value - value) > 1e-9;
      case Bound::at_least:
        return value < bound.value;
      case Bound::at_most:
        return value > bound.value;
      case Bound::about:
        return false;
    }
    return false;
  };
  if (a.bound == Bound::about || b.bound == Bound::about) return false;
  if (a.bound == Bound::exact) return breaks(b, a.value);
  if (b.bound == Bound::exact) return breaks(a, b.value);
  if (a.bound == Bound::at_least && b.bound == Bound::at_most) return a.value > b.value;
  if (a.bound == Bound::at_most && b.bound == Bound::at_least) return b.value > a.value;
  return false;
}

std::string describe_value(const Figure& f) {
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, f.value);
  std::string number = ec == std::errc{} ? std::string(buffer, end) : "?";
  switch (f.bound) {
    case Bound::at_least:
      return "at least " + number;
    case Bound::at_most:
      return "at most " + number;
    case Bound::about:
      return "about " + number;
    case Bound::exact:
      break;
  }
  return number;
}

}  // namespace copydesk::analyzers::claims
