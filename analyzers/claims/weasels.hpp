// Weasel attributions: a claim credited to people nobody can call back: "some experts say",
// "critics argue", "many believe", "it is widely thought", "observers" without a name.
#pragma once

#include <vector>

#include "analyzers/claims/hedges.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {

// Every weasel phrase, in text order, as hedges of kind weasel (impersonal: they name no one).
std::vector<FoundHedge> find_weasels(const Words& words);

// Merges weasels into hedges: a weasel replaces the hedges it overlaps ("it is widely believed"
// is one weasel, not a weasel and a doxastic hedge). Keeps text order.
std::vector<FoundHedge> merge_weasels(std::vector<FoundHedge> hedges,
                                      const std::vector<FoundHedge>& weasels);

}  // namespace copydesk::analyzers::claims
