// Verification caveats: the copy's own admission that it could not check what it reports ("The
// authenticity of the videos couldn't be independently verified", "Reuters could not confirm
// the figures", "unconfirmed reports"), each tied to the sentence it qualifies, which is often
// an earlier one.
#pragma once

#include <cstdint>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/check_worthy.hpp"
#include "analyzers/claims/hedges.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {

struct Caveat {
  Span span;  // "couldn't be independently verified", "unconfirmed"
  std::uint32_t sentence = 0;
  // The sentence it qualifies, and the words there that name what could not be verified
  // ("videos ... operating in Russia"); an empty focus: the sentence's own claim, if any.
  std::uint32_t target_sentence = 0;
  Span target_focus;
};

// Every caveat with its target, in text order. A caveat that names a thing ("the videos")
// qualifies the last earlier sentence that mentions it (within a few paragraphs); one that
// names a report or a figure ("the claims", "the toll") qualifies the last check-worthy
// sentence before it; one inside a larger sentence (", which could not be verified")
// qualifies its own sentence; otherwise the sentence before it.
std::vector<Caveat> find_caveats(const Words& words, const std::vector<FoundHedge>& hedges,
                                 const std::vector<Candidate>& candidates);

}  // namespace copydesk::analyzers::claims
