#include "analyzers/claims/caveats.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace copydesk::analyzers::claims {
namespace {

// How far back a caveat reaches for what it qualifies.
constexpr std::uint32_t kMaxSentencesBack = 10;
constexpr std::uint32_t kMaxParagraphsBack = 3;

struct Range {
  std::uint32_t first;
  std::uint32_t end;
};

bool is_any(const Words& w, std::uint32_t i, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (w.is(i, word)) return true;
  return false;
}

bool is_content_word(const Words& w, std::uint32_t i) {
  if (!w.is_word(i)) return false;
  if (w.has(i, kDeterminer | kBe | kHave | kModal | kPreposition | kNegation | kApproximator))
    return false;
  return !is_any(w, i, {"independently", "immediately", "and", "or", "both", "all", "also"});
}

// Nouns of a caveat's subject that are not what it qualifies: "the authenticity of the videos".
bool is_abstract(const Words& w, std::uint32_t i) {
  return is_any(w, i,
                {"authenticity", "veracity", "accuracy", "truth", "details", "identity",
                 "identities", "origin", "origins", "content", "contents", "source", "provenance",
                 "location", "date", "circumstances", "exact", "full", "extent"});
}

// "confirm" in the sense of approving: "has not been confirmed by a court", "unable to confirm
// its plan" (in bankruptcy court), "confirm his appointment".
bool is_approval(const Words& w, Range r, std::uint32_t after) {
  if (!w.is(after - 1, "confirmed") && !w.is(after - 1, "confirm")) return false;
  std::uint32_t i = after;
  if (i < r.end && w.is(i, "by")) {
    ++i;
    if (i < r.end && w.has(i, kDeterminer)) ++i;
    return i < r.end &&
           is_any(w, i,
                  {"court", "courts", "judge", "senate", "parliament", "congress", "board",
                   "shareholders", "regulators", "committee", "voters", "legislature"});
  }
  if (i < r.end && is_any(w, i, {"its", "his", "her", "their", "our"})) return true;
  if (i < r.end && w.has(i, kDeterminer)) ++i;
  return i < r.end && is_any(w, i,
                             {"appointment", "nomination", "plan", "deal", "order", "booking",
                              "reservation", "attendance", "participation"});
}

enum class Reference { none, report, figure, thing };

Reference classify(const Words& w, std::uint32_t head) {
  if (is_any(w, head,
             {"figure", "figures", "number", "numbers", "toll", "tolls", "casualties", "estimate",
              "estimates", "deaths", "count", "tally"}))
    return Reference::figure;
  if (is_any(w, head,
             {"claim",       "claims",    "report",     "reports",    "account",     "accounts",
              "information", "statement", "statements", "allegation", "allegations", "assertion",
              "assertions",  "reporting", "it",         "this",       "that",        "these",
              "those",       "they",      "either",     "any"}))
    return Reference::report;
  return Reference::thing;
}

// The head of the first noun phrase in [from, to) that is not abstract: the last content word of
// a run of content words. 0 when none.
std::uint32_t head_noun(const Words& w, std::uint32_t from, std::uint32_t to) {
  std::uint32_t i = from;
  while (i < to) {
    while (i < to && !is_content_word(w, i))
      ++i;
    std::uint32_t head = 0;
    while (i < to && is_content_word(w, i))
      head = i++;
    if (head && !is_abstract(w, head)) return head + 1;  // +1: 0 means none
  }
  return 0;
}

bool same_noun(const Words& w, std::uint32_t i, std::string_view noun) {
  if (w.is(i, noun)) return true;
  std::string_view text = w.text(i);
  // Singular and plural: "video" / "videos".
  if (noun.size() > 1 && noun.back() == 's' && text.size() + 1 == noun.size())
    return w.is(i, noun.substr(0, noun.size() - 1));
  if (text.size() != noun.size() + 1 || (text.back() != 's' && text.back() != 'S')) return false;
  for (std::size_t k = 0; k < noun.size(); ++k) {
    char c = text[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != noun[k]) return false;
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// From token `from` to the end of its sentence, without the final punctuation.
Span span_to_end(const Words& w, const Sentence& sentence, std::uint32_t from) {
  std::uint32_t last = sentence.end_token - 1;
  while (last > from && !w.is_word(last) && !w.is_number(last))
    --last;
  return {w.token(from).start, w.token(last).end};
}

bool within_reach(const Segmentation& seg, std::uint32_t sentence, std::uint32_t from) {
  return from + kMaxSentencesBack >= sentence &&
         seg.sentences[sentence].paragraph <= seg.sentences[from].paragraph + kMaxParagraphsBack;
}

// Where the caveat's clause starts: after ", which", "but", a comma... The sentence's first
// token when the caveat opens its sentence.
std::uint32_t clause_start(const Words& w, Range r, std::uint32_t caveat) {
  for (std::uint32_t i = caveat; i > r.first;) {
    --i;
    if (w.is_char(i, ',') || w.is_char(i, ';') || w.is_char(i, '(') ||
        w.text(i) == "\xE2\x80\x94" || w.text(i) == "\xE2\x80\x93" ||
        is_any(w, i, {"but", "which", "though", "although", "while", "and", "however"}))
      return i + 1;
  }
  return r.first;
}

void resolve(const Words& w, const std::vector<FoundHedge>& hedges,
             const std::vector<Candidate>& candidates, Range r, std::uint32_t first,
             std::uint32_t end, Caveat& caveat) {
  const Segmentation& seg = w.segmentation();
  std::uint32_t s = caveat.sentence;
  caveat.target_sentence = s;
  std::uint32_t start = clause_start(w, r, first);
  if (start > r.first + 2) return;  // ", which could not be verified": its own sentence

  bool active =
      w.is(end - 1, "verify") || w.is(end - 1, "confirm") || w.is(end - 1, "authenticate");
  std::uint32_t head = active ? head_noun(w, end, r.end) : head_noun(w, start, first);
  if (!active) {
    // A long subject carries its own claim: "Videos purporting to show ... could not be verified".
    bool hedged = std::any_of(hedges.begin(), hedges.end(), [&](const FoundHedge& h) {
      return h.sentence == s && h.first_token < first;
    });
    if (hedged || first - r.first >= 8) return;
  }
  Reference reference = head ? classify(w, head - 1) : Reference::report;

  if (reference == Reference::thing) {
    std::string noun = lower(w.text(head - 1));
    for (std::uint32_t t = s; t > 0 && within_reach(seg, s, t - 1);) {
      --t;
      const Sentence& sentence = seg.sentences[t];
      for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
        if (same_noun(w, i, noun)) {
          caveat.target_sentence = t;
          caveat.target_focus = span_to_end(w, sentence, i);
          return;
        }
      }
    }
  }
  // A report or a figure: the last check-worthy sentence before the caveat.
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    if (it->sentence >= s) continue;
    if (!within_reach(seg, s, it->sentence)) break;
    bool figure = false;
    for (const Trigger& t : it->triggers)
      figure = figure || t.kind == ClaimKind::casualties || t.kind == ClaimKind::losses ||
               t.kind == ClaimKind::people || t.kind == ClaimKind::statistic;
    if (reference == Reference::figure && !figure) continue;
    caveat.target_sentence = it->sentence;
    return;
  }
  if (s > 0) caveat.target_sentence = s - 1;
}

}  // namespace

std::vector<Caveat> find_caveats(const Words& w, const std::vector<FoundHedge>& hedges,
                                 const std::vector<Candidate>& candidates) {
  std::vector<Caveat> caveats;
  const auto& sentences = w.segmentation().sentences;
  for (std::uint32_t s = 0; s < sentences.size(); ++s) {
    Range r{sentences[s].first_token, sentences[s].end_token};
    // Every caveat has a word of checking in it: skip the sentences that have none.
    bool checking = false;
    for (std::uint32_t i = r.first; i < r.end && !checking; ++i)
      checking = w.has(i, kCaveatWord);
    if (!checking) continue;
    for (std::uint32_t i = r.first; i < r.end; ++i) {
      if (!w.has(i, kStartsCaveat)) continue;
      const WordEntry* e = w.entry(i);
      for (const Phrase* phrase : e->caveats) {
        std::uint32_t end = w.match(*phrase, i, r.end);
        if (!end) continue;
        if (is_approval(w, r, end)) break;
        Caveat caveat;
        caveat.span = {w.token(i).start, w.token(end - 1).end};
        caveat.sentence = s;
        resolve(w, hedges, candidates, r, i, end, caveat);
        caveats.push_back(caveat);
        i = end - 1;
        break;
      }
    }
  }
  // "unconfirmed reports", "an unverified video": the copy qualifies its own sentence.
  for (const FoundHedge& hedge : hedges) {
    if (hedge.end_token != hedge.first_token + 1) continue;
    if (!w.is(hedge.first_token, "unconfirmed") && !w.is(hedge.first_token, "unverified")) continue;
    Caveat caveat;
    caveat.span = hedge.span;
    caveat.sentence = hedge.sentence;
    caveat.target_sentence = hedge.sentence;
    caveats.push_back(caveat);
  }
  std::sort(caveats.begin(), caveats.end(),
            [](const Caveat& a, const Caveat& b) { return a.span.start < b.span.start; });
  return caveats;
}

}  // namespace copydesk::analyzers::claims
