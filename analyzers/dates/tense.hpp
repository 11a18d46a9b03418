// Tense around a temporal expression, from the nearest verb cue in its sentence. News copy names
// days without saying which week: "said on Monday" is the Monday before the dateline, "will meet
// on Monday" the one after. The cue nearest the expression decides: "will", "is scheduled to",
// "plans" point forward; "said", "was", verbs in -ed point back; "says", "is" are present.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/dates/lexicon.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::dates {

enum class Tense : std::uint8_t { unknown, past, present, future };

struct TenseReading {
  Tense tense = Tense::unknown;
  std::uint32_t distance = 0;  // tokens from the expression to the cue (after: plus two)
};

// The cues of a run of tokens, worked out on first use (only tokens near an expression are
// ever read) and kept for the other expressions in the run.
struct TenseCues {
  std::string_view prose;
  const std::vector<Token>* tokens = nullptr;
  const std::uint64_t* word_keys = nullptr;  // per token of `tokens`; null: hashed when read
  std::uint32_t first = 0;                   // the token marks[0] is for
  std::uint32_t end = 0;
  std::vector<std::uint8_t> marks;  // per token: a TenseCue and preposition bits, or unknown
};

// The cue a single word gives on its own: TenseCue::none when it gives none.
TenseCue tense_cue(std::string_view word);

// Sets `cues` up for tokens [first, end); `tokens` (and `word_keys`, the word key of each token
// as in Segmentation::word_keys, if given) must outlive the reads.
void compute_tense_cues(std::string_view prose, const std::vector<Token>& tokens,
                        std::uint32_t first, std::uint32_t end, TenseCues& cues,
                        const std::uint64_t* word_keys = nullptr);

// The tense that governs tokens [first, end) of `sentence`: a preposition right before them
// ("by May" ahead, "since March" back), else the nearest cue, where a cue after the expression
// counts as two tokens farther than one before it. Cues inside [first, end) are ignored. The
// sentence must lie in the run `cues` covers.
TenseReading tense_around(TenseCues& cues, const Sentence& sentence, std::uint32_t first,
                          std::uint32_t end);

}  // namespace copydesk::analyzers::dates
