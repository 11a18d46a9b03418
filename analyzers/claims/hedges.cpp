#include "analyzers/claims/hedges.hpp"

#include <initializer_list>
#include <string_view>

namespace copydesk::analyzers::claims {
namespace {

// Bounds of the sentence being scanned: guards look at neighbours only inside it.
struct Range {
  std::uint32_t first;
  std::uint32_t end;
};

bool is_any(const Words& w, std::uint32_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (w.is(i, word)) return true;
  return false;
}

bool prev_is_any(const Words& w, Range r, std::uint32_t i,
                 std::initializer_list<std::string_view> words) {
  return i > r.first && is_any(w, i - 1, words);
}

bool next_is_any(const Words& w, Range r, std::uint32_t i,
                 std::initializer_list<std::string_view> words) {
  return i + 1 < r.end && is_any(w, i + 1, words);
}

// "may" the modal, not the month: a capitalized "May" inside a sentence is the month, and so is
// a sentence-initial one before a number ("May 5 was...").
bool may_is_modal(const Words& w, Range r, std::uint32_t i) {
  if (!w.is_capitalized(i)) return true;
  if (i != r.first) return false;
  return i + 1 < r.end && w.is_word(i + 1) && !w.is_capitalized(i + 1);
}

// "might", "thought", "doubt" as verbs or modals, not nouns: "military might", "the thought",
// "no doubt".
bool not_noun(const Words& w, Range r, std::uint32_t i) {
  if (i == r.first) return true;
  if (w.has(i - 1, kDeterminer)) return false;
  return !is_any(w, i - 1,
                 {"military", "economic", "naval", "full", "with", "of", "without", "beyond",
                  "some", "much", "second", "first", "little"}) ||
         w.is(i, "doubt");
}

bool followed_by_clause(const Words& w, Range r, std::uint32_t i) {
  if (i + 1 >= r.end) return false;
  if (w.is(i, "unknown"))
    return (i > r.first &&
            (w.has(i - 1, kBe) || is_any(w, i - 1, {"remains", "remain", "remained", "still"}))) ||
           next_is_any(w, r, i, {"whether", "how", "why", "if", "what", "who", "when", "where"});
  if (w.is(i + 1, "to")) return i + 2 < r.end && !w.has(i + 2, kDeterminer) && w.is_word(i + 2);
  return next_is_any(
      w, r, i,
      {"that",   "as",           "likely",   "unlikely",   "certain", "set",       "poised",
       "unable", "increasingly", "more",     "less",       "ready",   "willing",   "reluctant",
       "close",  "intent",       "keen",     "determined", "headed",  "bound",     "doomed",
       "eager",  "confident",    "sure",     "uncertain",  "unclear", "slim",      "remote",
       "low",    "high",         "imminent", "inevitable", "genuine", "authentic", "real"});
}

// "possible" of uncertainty, not of ability: "as soon as possible", "made it possible",
// "possible to reach".
bool possible_is_hedge(const Words& w, Range r, std::uint32_t i) {
  if (prev_is_any(
          w, r, i,
          {"as", "whenever", "wherever", "where", "everything", "all", "best", "every", "if"}))
    return false;
  if (next_is_any(w, r, i, {"to"})) return false;
  std::uint32_t from = i >= r.first + 4 ? i - 4 : r.first;
  for (std::uint32_t j = from; j < i; ++j)
    if (is_any(w, j, {"make", "makes", "made", "making", "as"})) return false;
  return true;
}

// "suspect" the verb: after a subject, a modal or "to" ("police suspect", "we suspect"), never
// "the suspect".
bool suspect_is_verb(const Words& w, Range r, std::uint32_t i) {
  if (i == r.first) return false;
  return w.has(i - 1, kSubjectPronoun | kModal) ||
         is_any(w, i - 1,
                {"police", "investigators", "officials", "authorities", "also", "still", "strongly",
                 "to", "experts", "scientists"});
}

// "considered a threat", "considered to be", not "had considered the bill"; "data suggest a
// link", "suggested that", not "suggested a meeting".
bool opinion_sense(const Words& w, Range r, std::uint32_t i) {
  if (w.is(i, "considered")) {
    if (i > r.first && w.has(i - 1, kHave)) return false;
    if (i + 1 >= r.end) return false;
    return !is_any(w, i + 1,
                   {"the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                    "whether", "how", "what", "options", "proposals", "a", "an"}) ||
           (i > r.first && w.has(i - 1, kBe) && is_any(w, i + 1, {"a", "an"}));
  }
  if (next_is_any(w, r, i, {"that", "there", "it", "he", "she", "they", "we", "otherwise"}))
    return true;
  std::uint32_t from = i >= r.first + 3 ? i - 3 : r.first;
  for (std::uint32_t j = from; j < i; ++j)
    if (is_any(w, j,
               {"evidence", "data",   "study",     "studies", "research", "results",  "findings",
                "reports",  "report", "polls",     "poll",    "figures",  "analysis", "survey",
                "records",  "signs",  "documents", "tests",   "evidence", "this",     "which"}))
      return true;
  return false;
}

bool guard_allows(const Words& w, Range r, std::uint32_t i, Guard guard) {
  switch (guard) {
    case Guard::none:
    case Guard::not_question:
    case Guard::condition_clause:
      return true;
    case Guard::not_month:
      return may_is_modal(w, r, i);
    case Guard::not_noun:
      return not_noun(w, r, i);
    case Guard::not_negated:
      return !(i + 1 < r.end && w.has(i + 1, kNegation));
    case Guard::clause_follows:
      return followed_by_clause(w, r, i);
    case Guard::not_ability:
      return possible_is_hedge(w, r, i);
    case Guard::verb_subject:
      return suspect_is_verb(w, r, i);
    case Guard::that_follows:
      return next_is_any(w, r, i, {"that"});
    case Guard::not_obligation:
      return !next_is_any(w, r, i, {"to"}) ||
             (i + 2 < r.end && is_any(w, i + 2, {"have", "be"}) && i > r.first &&
              w.has(i - 1, kBe) && !w.has(i - 1, kNegation));
    case Guard::opinion_sense:
      return opinion_sense(w, r, i);
    case Guard::not_take_on:
      return !(i + 1 < r.end && (w.has(i + 1, kDeterminer) || w.is_capitalized(i + 1) ||
                                 is_any(w, i + 1,
                                        {"office", "control", "power", "responsibility", "command",
                                         "duties", "leadership", "role", "the", "no"})));
    case Guard::not_by:
      return !next_is_any(w, r, i, {"by"});
    case Guard::not_attributive:
      return next_is_any(w, r, i, {"to", "that"}) || (i > r.first && w.has(i - 1, kBe));
  }
  return true;
}

// "it is believed", "it has been reported", "it was widely thought": the token after the end,
// or 0. The kind follows the verb.
std::uint32_t impersonal_it(const Words& w, Range r, std::uint32_t i, HedgeKind& kind) {
  std::uint32_t j = i + 1;
  if (j >= r.end || !w.has(j, kBe | kHave)) return 0;
  bool be = w.has(j, kBe);
  ++j;
  for (int extra = 0; extra < 2 && j < r.end; ++extra) {
    if (w.has(j, kBe) && !be) {  // "has been"
      be = true;
      ++j;
    } else if (w.has(j, kImpersonalAdverb) || w.is(j, "being")) {
      ++j;
    } else {
      break;
    }
  }
  if (!be || j >= r.end || !w.has(j, kImpersonalVerb)) return 0;
  if (is_any(w, j,
             {"said", "reported", "alleged", "claimed", "understood", "rumored", "rumoured",
              "argued"}))
    kind = HedgeKind::reported;
  else if (is_any(w, j, {"suggested", "estimated"}))
    kind = HedgeKind::epistemic;
  else
    kind = HedgeKind::doxastic;
  return j + 1;
}

bool is_reporting_word(std::string_view word) {
  for (std::string_view w : {"said", "say", "says", "reported", "reportedly", "according",
                             "alleged", "allegedly", "rumored", "rumoured", "sources", "reports"})
    if (word == w) return true;
  return false;
}

}  // namespace

HouseHedges::HouseHedges(const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    std::string text;
    bool reported = false;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!text.empty()) text += ' ';
      text += word;
      reported = reported || is_reporting_word(word);
      word.clear();
    };
    for (char c : phrase) {
      if (c == ' ' || c == '\t') {
        flush();
      } else {
        word += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
    }
    flush();
    if (!text.empty())
      entries.push_back({text, reported ? HedgeKind::reported : HedgeKind::epistemic, reported});
  }
}

std::vector<FoundHedge> find_hedges(const Words& w, const HouseHedges& house) {
  std::vector<FoundHedge> hedges;
  const auto& sentences = w.segmentation().sentences;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    Range r{sentences[s].first_token, sentences[s].end_token};
    for (std::uint32_t i = r.first; i < r.end; ++i) {
      if (!w.is_word(i)) continue;
      std::uint32_t end = 0;
      HedgeKind kind = HedgeKind::epistemic;
      bool impersonal = false;
      for (const HouseHedges::Entry& entry : house.entries) {
        if (std::uint32_t matched = w.match(entry.text, i, r.end)) {
          end = matched;
          kind = entry.kind;
          impersonal = entry.impersonal;
          break;
        }
      }
      if (!end && w.has(i, kSubjectPronoun) && w.is(i, "it")) {
        end = impersonal_it(w, r, i, kind);
        impersonal = end != 0;
      }
      if (!end) {
        if (!w.has(i, kStartsHedge)) continue;
        const WordEntry* e = w.entry(i);
        for (const Phrase* phrase : e->hedges) {
          std::uint32_t matched = w.match(*phrase, i, r.end);
          if (!matched || !guard_allows(w, r, i, phrase->guard)) continue;
          end = matched;
          kind = phrase->kind;
          impersonal = phrase->flags & kImpersonal;
          break;
        }
      }
      if (!end) continue;
      hedges.push_back({{w.token(i).start, w.token(end - 1).end}, kind, impersonal, i, end, s});
      i = end - 1;
    }
  }
  return hedges;
}

}  // namespace copydesk::analyzers::claims
