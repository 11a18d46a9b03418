// The dates analyzer: temporal expressions recognized on the shared tokens, normalized to TIMEX3
// types and values, and resolved against the dateline. See docs/dates.md.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/document.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {

// Every temporal expression in the prose, in text order. `text` is the document as read, `prose`
// its prose view (the same length, so spans point into both) and `segmentation` the prose
// view's tokens.
std::vector<DateMention> recognize_dates(std::string_view text, std::string_view prose,
                                         const Segmentation& segmentation,
                                         const Dateline& dateline);

}  // namespace copydesk::analyzers
