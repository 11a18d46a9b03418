// Check-worthy statements: sentences that assert something a reader could check and an editor
// would want sourced: casualty figures, counts of losses and arrests, records and superlatives,
// causes and accusations, statistics. Opinion, questions, headlines and background are not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {

// In order of weight: a sentence with several is described by the first.
enum class ClaimKind : std::uint8_t {
  casualties,  // "killed 234 combatants", "39 are confirmed dead"
  losses,      // "seven tanks and five armored vehicles" lost, destroyed, downed
  people,      // "arrested 50 people", "1,000 residents were evacuated"
  accusation,  // "blamed on Ukraine", "responsible for the attack"
  cause,       // "caused by a gas leak"
  record,      // "the largest since 1945", "the deadliest attack"
  statistic,   // "rose 12 percent"
  verifiable,  // what a caveat says could not be verified: "videos purporting to show..."
};

// What makes the claim check-worthy, for messages: "a casualty figure".
const char* describe(ClaimKind kind);

struct Trigger {
  ClaimKind kind;
  Span focus;  // the words that make it check-worthy: "killed 234 combatants"
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
};

struct Candidate {
  std::uint32_t sentence = 0;
  std::vector<Trigger> triggers;  // by weight (ClaimKind order), then text order
};

// Whether a sentence is a statement of the copy: it ends with a full stop or an exclamation
// mark (headlines, captions and questions do not).
bool is_statement(const Words& words, const Sentence& sentence);

// Whether token `j` of `sentence` is a count of people or things: digits ("234", "1,000") or an
// exact number word ("seven"); not a year, an age, a time, a date, a percentage or money.
bool is_count_at(const Words& words, const Sentence& sentence, std::uint32_t j);

// One candidate per check-worthy sentence, in text order. `not_claims` are lower-case phrases
// (house list) that are never claims: a trigger whose words contain one is dropped.
std::vector<Candidate> find_check_worthy(const Words& words,
                                         const std::vector<std::string>& not_claims);

}  // namespace copydesk::analyzers::claims
