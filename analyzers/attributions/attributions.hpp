// Attributions: who said what. Finds cues (reporting verbs, "according to"), their sources (with
// kind and canonical name) and contents (reported clauses and direct quotations) over the shared
// tokens, and keeps what the attribution and name rules need besides.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/lexicon.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/config.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::attributions {

// Per attribution, in the same order as AttributionAnalysis::attributions.
struct AttributionDetail {
  Span verb;  // the cue's own word: "claimed" in "has claimed"
  VerbForm form = VerbForm::base;
  CueClass cue_class = CueClass::speech;
  bool loaded = false;              // a loaded verb (built-in or house list)
  bool reports_words = false;       // its content is a clause or a quotation, not an object noun
  bool infinitive_content = false;  // "claimed to have ...": no one-word fix keeps the sense
};

struct QuotationMention {
  Span span;
  bool speech_like = false;                // a clause, not a scare quote or a title
  std::optional<std::size_t> attribution;  // the attribution it belongs to, if any
};

struct AttributionAnalysis {
  std::vector<Attribution> attributions;
  std::vector<AttributionDetail> details;
  std::vector<QuotationMention> quotations;
  std::vector<NameMention> names;
};

AttributionAnalysis find_attributions(std::string_view prose, const Segmentation& segmentation,
                                      const HouseLists& lists);

}  // namespace copydesk::analyzers::attributions
