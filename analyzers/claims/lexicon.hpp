// The claims lexicon: what a lower-cased English word can do for the claims analyzer (a hedge, a
// casualty word, a number, a report cue...), and the multi-word phrases (hedges, caveats,
// weasels) each word starts. Built once from static tables; looked up by the lower-cased word.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace copydesk::analyzers::claims {

// Word classes, as bits: a word can have several ("dead": casualty word and adjective). Words
// that only occur inside phrases have an entry with no classes.
enum WordClass : std::uint64_t {
  kDeterminer = 1ull << 0,         // the, a, his, their: a noun follows
  kNegation = 1ull << 1,           // not, never, couldn't
  kSubjectPronoun = 1ull << 2,     // i, we, they, he, she
  kBe = 1ull << 3,                 // is, was, been
  kHave = 1ull << 4,               // has, had
  kModal = 1ull << 5,              // will, would, can
  kNumberWord = 1ull << 6,         // one, twelve, dozens: a count (value in WordEntry)
  kMultiplier = 1ull << 7,         // million, mln, billion: scales the number before it
  kApproximator = 1ull << 8,       // about, nearly, at least, over: the figure is a bound
  kCasualty = 1ull << 9,           // killed, dead, wounded, casualties: a casualty figure
  kPeopleNoun = 1ull << 10,        // people, civilians, soldiers: what a casualty count counts
  kMaterielNoun = 1ull << 11,      // tanks, vehicles, drones, homes: counted losses and damage
  kCountVerb = 1ull << 12,         // arrested, destroyed, evacuated: an event that counts things
  kSuperlative = 1ull << 13,       // largest, deadliest, worst
  kRecordWord = 1ull << 14,        // since, ever, record, history: makes a superlative a record
  kAlwaysRecord = 1ull << 15,      // deadliest, bloodiest: a record claim on its own
  kCausal = 1ull << 16,            // blamed, caused, responsible: a cause or an accusation
  kReportCue = 1ull << 17,         // said, told, according: someone stands behind the sentence
  kWeaselQuantifier = 1ull << 18,  // some, many, most
  kWeaselNoun = 1ull << 19,        // critics, observers, experts: unnamed people who "say"
  kOpinionVerb = 1ull << 20,       // say, argue, believe, warn: what a weasel subject does
  kMonth = 1ull << 21,             // january ... december (not "may")
  kUpdateWord = 1ull << 22,        // rose, climbed, revised: a figure that changed, not a conflict
  kOtherEvent = 1ull << 23,        // last, previous, another: a figure of another event
  kPercent = 1ull << 24,           // percent, pct
  kCurrency = 1ull << 25,          // dollars, dlrs, euros
  kChangeVerb = 1ull << 26,        // rose, fell, increased: a statistic when a figure follows
  kPreposition = 1ull << 27,       // in, on, at, of: ends a noun phrase
  kOpinionWord = 1ull << 28,       // should, must, ought: an opinion, not a fact to check
  kNamedSourceNoun = 1ull << 29,   // ministry, police, agency: heads a source that is named
  kPluralPeople = 1ull << 30,      // officials, sources, residents: an unnamed group as source
  kTimeWord = 1ull << 31,          // monday, week, yesterday
  kBareWeasel = 1ull << 32,        // critics, observers, experts: weasels with no quantifier
  kOpinionPresent = 1ull << 33,    // say, argue, believe: what a weasel subject does now
  kOpinionPast = 1ull << 34,       // said, argued, believed
  kMajorityAdverb = 1ull << 35,    // widely, generally, commonly
  kMajorityVerb = 1ull << 36,      // believed, thought, regarded: after a majority adverb
  kWeaselStart = 1ull << 37,       // a word a weasel phrase can start with
  kAccusationCue = 1ull << 38,     // blamed, responsible, caused, behind, hands, retaliation
  kCaveatWord = 1ull << 39,        // verified, confirm, authenticated: a caveat is near
  kEventNoun = 1ull << 40,         // attack, blast, fire, crash: what an accusation is about
  kWeaselAux = 1ull << 41,         // have, will, also, widely: between a weasel and its verb
  kClauseLink = 1ull << 42,        // but, and, while, although: a clause starts after it
  kImpersonalVerb = 1ull << 43,    // believed, said, reported: "it is believed"
  kImpersonalAdverb = 1ull << 44,  // widely, now, also, long: "it is widely believed"
  kStartsHedge = 1ull << 45,       // a hedge phrase starts with it (set at start-up)
  kStartsCaveat = 1ull << 46,      // a caveat phrase starts with it (set at start-up)
};

enum class HedgeKind : std::uint8_t {
  epistemic,      // may, probably, appears
  doxastic,       // believe, expect, suspect
  investigation,  // whether, remains unclear
  condition,      // if, unless
  reported,       // reportedly, allegedly, is said to
  weasel,         // some experts say, critics argue
};
const char* to_string(HedgeKind kind);

// When a word or phrase is a hedge only in some contexts, the check that decides.
enum class Guard : std::uint8_t {
  none,
  not_month,         // "may", not the month "May"
  not_noun,          // "might", "thought": not after a determiner ("military might")
  not_negated,       // "could", not "could not" (ability)
  clause_follows,    // "appears to", "appeared likely": not "appeared in court"
  not_ability,       // "possible", not "as soon as possible" or "made it possible"
  verb_subject,      // "suspect" the verb after a subject, not "the suspect"
  that_follows,      // "felt that", "fear that"
  not_obligation,    // "supposed", not "was supposed to arrive"
  opinion_sense,     // "considered", "suggested": not "considered the bill", "suggested a date"
  not_question,      // "whether": not the "whether or not" of a choice
  condition_clause,  // "if": not "as if", "if any", "if so"
  not_take_on,       // "assume" a belief, not "assume office"
  not_attributive,   // "expected to", "is expected", not "expected losses" or "than expected"
  not_by,            // "unconfirmed reports", not "unconfirmed by the Senate"
};

enum PhraseFlag : std::uint8_t {
  kImpersonal = 1,  // names no one by its form: "reportedly", "it is believed", "is said to"
};

enum class PhraseRole : std::uint8_t { hedge, caveat, weasel };

// A word or phrase that starts with a given word: lower-case words separated by single spaces,
// matched token by token ("could n't" is not a phrase: "couldn't" is one token).
struct WordEntry;

struct Phrase {
  std::string_view text;
  PhraseRole role = PhraseRole::hedge;
  HedgeKind kind = HedgeKind::epistemic;
  std::uint8_t flags = 0;
  Guard guard = Guard::none;
  // The entries of its words, filled at start-up: a phrase matches by comparing pointers.
  std::span<const WordEntry* const> words = {};
};

struct WordEntry {
  std::uint64_t classes = 0;
  double value = 0;  // kNumberWord: the count; kMultiplier: the factor
  // The figure key a casualty or count word stands for: "killed", "dead" and "died" are all
  // "killed"; "wounded", "injured" and "hurt" are "injured".
  std::string_view key;
  // Hedge and caveat phrases that start with this word, longest first.
  std::span<const Phrase* const> hedges;
  std::span<const Phrase* const> caveats;
  bool has(std::uint64_t mask) const { return (classes & mask) != 0; }
};

// The entry of a word in any case (ASCII letters are folded; U+2019 reads as an apostrophe), or
// nullptr for a word the lexicon does not know.
const WordEntry* lookup_word(std::string_view word);
// The same by the word's word_key() (Segmentation::word_keys), computed once per token.
const WordEntry* lookup_token(std::string_view word, std::uint64_t key);

}  // namespace copydesk::analyzers::claims
