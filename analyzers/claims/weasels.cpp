#include "analyzers/claims/weasels.hpp"

#include <initializer_list>
#include <string_view>

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

// Nouns vague enough to be weasels with no quantifier before them ("critics say"). "analysts",
// "scientists" and "officials" are left to the attribution rules: wire copy uses them bare.
bool is_bare_weasel_noun(const Words& w, std::uint32_t i) {
  return w.has(i, kBareWeasel);
}

// Verbs in the present or perfect: "some say", "many have argued" (a bare quantifier with a past
// verb is usually witnesses: "some said they saw smoke").
bool is_present_opinion(const Words& w, std::uint32_t i) {
  return w.has(i, kOpinionPresent);
}
bool is_past_opinion(const Words& w, std::uint32_t i) {
  return w.has(i, kOpinionPast);
}
bool is_aux(const Words& w, std::uint32_t i) {
  return w.has(i, kWeaselAux);
}

// After the subject: optional auxiliaries and adverbs, then the verb. Returns the verb's index
// or 0. `present_only`: a past verb counts only after "have".
std::uint32_t opinion_verb_after(const Words& w, Range r, std::uint32_t i, bool present_only) {
  bool perfect = false;
  std::uint32_t j = i;
  for (int aux = 0; aux < 2 && j < r.end && is_aux(w, j); ++aux, ++j)
    perfect = perfect || w.has(j, kHave);
  if (j >= r.end || !w.is_word(j)) return 0;
  if (is_present_opinion(w, j)) return j;
  if (is_past_opinion(w, j) && (perfect || !present_only)) return j;
  return 0;
}

bool clause_start(const Words& w, Range r, std::uint32_t i) {
  if (i == r.first) return true;
  std::uint32_t p = i - 1;
  if (w.is_quote_mark(p) || w.is_char(p, '(')) return p == r.first || clause_start(w, r, p);
  return w.is_char(p, ',') || w.is_char(p, ';') || w.is_char(p, ':') || w.has(p, kClauseLink);
}

// "widely believed", "it is generally thought": the majority no one can name.
std::uint32_t majority_passive(const Words& w, Range r, std::uint32_t i) {
  if (!w.has(i, kMajorityAdverb) || i + 1 >= r.end || !w.has(i + 1, kMajorityVerb)) return 0;
  return i + 2;
}

FoundHedge weasel(const Words& w, std::uint32_t first, std::uint32_t end, std::uint32_t sentence) {
  return {
      {w.token(first).start, w.token(end - 1).end}, HedgeKind::weasel, true, first, end, sentence};
}

}  // namespace

std::vector<FoundHedge> find_weasels(const Words& w) {
  std::vector<FoundHedge> found;
  const auto& sentences = w.segmentation().sentences;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    Range r{sentences[s].first_token, sentences[s].end_token};
    for (std::uint32_t i = r.first; i < r.end; ++i) {
      if (!w.has(i, kWeaselStart)) continue;

      if (std::uint32_t end = majority_passive(w, r, i)) {
        // Start at "it is" when the phrase has it: "it is widely believed".
        std::uint32_t first = i;
        if (first >= r.first + 2 && w.has(first - 1, kBe) && w.is(first - 2, "it")) first -= 2;
        found.push_back(weasel(w, first, end, s));
        i = end - 1;
        continue;
      }

      if (w.has(i, kWeaselQuantifier) || (w.is(i, "a") && i + 2 < r.end && w.is(i + 2, "of") &&
                                          is_any(w, i + 1, {"number", "lot", "host"}))) {
        // Quantifier, up to two lower-case modifiers, a vague noun, then an opinion verb.
        std::uint32_t j = w.is(i, "a") ? i + 3 : i + 1;
        if (!clause_start(w, r, i) && !w.is(i, "a")) {
          // "of some experts" or "to many observers" are not subjects.
          if (i > r.first && w.has(i - 1, kPreposition)) continue;
        }
        bool bare = j < r.end && !w.is_capitalized(j) && !w.has(j, kWeaselNoun);
        std::uint32_t noun = 0;
        for (std::uint32_t k = j; k < r.end && k < j + 3; ++k) {
          if (!w.is_word(k) || w.is_capitalized(k)) break;
          if (w.has(k, kWeaselNoun)) {
            noun = k;
            break;
          }
        }
        if (noun) {
          if (std::uint32_t verb = opinion_verb_after(w, r, noun + 1, false)) {
            found.push_back(weasel(w, i, verb + 1, s));
            i = verb;
            continue;
          }
        } else if (bare && clause_start(w, r, i) && !w.is(i, "a") &&
                   is_any(w, i, {"some", "many", "most", "others"})) {
          if (std::uint32_t verb = opinion_verb_after(w, r, i + 1, true)) {
            found.push_back(weasel(w, i, verb + 1, s));
            i = verb;
            continue;
          }
        }
      }

      if ((is_bare_weasel_noun(w, i) || is_any(w, i, {"others", "people"})) &&
          clause_start(w, r, i)) {
        bool present_only = !is_bare_weasel_noun(w, i);
        if (std::uint32_t verb = opinion_verb_after(w, r, i + 1, present_only)) {
          found.push_back(weasel(w, i, verb + 1, s));
          i = verb;
          continue;
        }
      }

      // Inverted, at a clause's end: "..., critics say." / "..., say experts."
      if ((is_present_opinion(w, i) || is_past_opinion(w, i)) && i + 1 < r.end &&
          is_bare_weasel_noun(w, i + 1) && i > r.first && w.is_char(i - 1, ',')) {
        std::uint32_t after = i + 2;
        bool named = after < r.end &&
                     (w.is_capitalized(after) || is_any(w, after,
                                                        {"at", "from", "with", "in", "of",
                                                         "including", "such", "like", "who"}));
        if (!named) {
          found.push_back(weasel(w, i, i + 2, s));
          i = i + 1;
          continue;
        }
      }
      if (is_bare_weasel_noun(w, i) && i > r.first && w.is_char(i - 1, ',') && i + 1 < r.end &&
          (is_present_opinion(w, i + 1) || is_past_opinion(w, i + 1))) {
        std::uint32_t after = i + 2;
        if (after >= r.end || !w.is_word(after)) {
          found.push_back(weasel(w, i, i + 2, s));
          i = i + 1;
          continue;
        }
      }

      if (w.is(i, "there")) {
        std::uint32_t end = w.match("there are those who", i, r.end);
        if (!end) end = w.match("there are some who", i, r.end);
        if (!end) end = w.match("there are many who", i, r.end);
        if (end && end < r.end && (is_present_opinion(w, end) || is_past_opinion(w, end))) {
          found.push_back(weasel(w, i, end + 1, s));
          i = end;
        }
      }
    }
  }
  return found;
}

std::vector<FoundHedge> merge_weasels(std::vector<FoundHedge> hedges,
                                      const std::vector<FoundHedge>& weasels) {
  if (weasels.empty()) return hedges;
  std::vector<FoundHedge> merged;
  merged.reserve(hedges.size() + weasels.size());
  std::size_t h = 0;
  for (const FoundHedge& weasel : weasels) {
    for (; h < hedges.size() && hedges[h].span.start < weasel.span.start; ++h)
      if (hedges[h].span.end <= weasel.span.start) merged.push_back(hedges[h]);
    merged.push_back(weasel);
    while (h < hedges.size() && hedges[h].span.start < weasel.span.end)
      ++h;
  }
  for (; h < hedges.size(); ++h)
    merged.push_back(hedges[h]);
  return merged;
}

}  // namespace copydesk::analyzers::claims
