// The claims analyzer: fills Annotations::hedges and Annotations::claims from the shared tokens
// and the attributions already found. Runs after the attributions analyzer, before the rules.
#pragma once

#include <string_view>

#include "analyzers/annotations.hpp"
#include "analyzers/config.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {

// Hedges (with their kind, and whether they name anyone) and check-worthy claims with their
// status: attributed (an attribution covers it), unverified (the copy says it could not verify
// it), hedged (qualified by a hedge or a weasel that names no one) or unattributed.
// Reads annotations.attributions; writes annotations.hedges and annotations.claims.
void annotate_claims(std::string_view prose, const Segmentation& segmentation,
                     const HouseLists& lists, Annotations& annotations);

}  // namespace copydesk::analyzers
