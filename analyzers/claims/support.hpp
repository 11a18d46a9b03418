// What stands behind each sentence: an attribution (from the attributions analyzer) whose cue,
// content or scope covers it, a reporting cue, a direct quotation, a named or trusted source.
// A claim's status is decided from this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/hedges.hpp"
#include "analyzers/claims/words.hpp"
#include "analyzers/span_index.hpp"

namespace copydesk::analyzers::claims {

struct Support {
  // An attribution whose cue is in the sentence or whose content overlaps it.
  std::optional<std::size_t> attribution;
  // A reporting cue in the sentence outside its hedges ("said", "according to", "told"), for
  // attributions the attributions analyzer did not report.
  std::optional<Span> cue;
  // The sentence names who stands behind all of it: "according to" a named source, or a
  // trusted source from the house list.
  bool named = false;
};

// The attributions' contents by start, to find those that hold a span without scanning them
// all: per claim and hedge, a scan would make a long document quadratic.
class ContentIndex {
 public:
  explicit ContentIndex(const std::vector<Attribution>& attributions);
  const std::vector<Attribution>& attributions() const { return *attributions_; }
  // The indexes (into attributions()) of those whose content holds `span`, ascending.
  std::vector<std::size_t> holding(Span span) const { return contents_.holding(span); }

 private:
  const std::vector<Attribution>* attributions_;
  SpanIndex contents_;
};

// Whether token `token` of sentence `sentence` is inside a direct quotation (double quotation
// marks, paired within a paragraph). Scans its paragraph up to the token: asked only for hedges
// and claims, which are few.
bool in_quotation(const Words& words, std::uint32_t sentence, std::uint32_t token);

// One Support per sentence. `trusted_sources` are the house list's names (any case).
std::vector<Support> sentence_support(const Words& words,
                                      const std::vector<Attribution>& attributions,
                                      const std::vector<FoundHedge>& hedges,
                                      const std::vector<std::string>& trusted_sources);

// Whether a hedge names its source after all: it is inside what a named source says ("the TASS
// agency cited officials as saying schools reportedly closed"), or its sentence is "according
// to" someone named.
bool hedge_sourced(const FoundHedge& hedge, const Support& support, const ContentIndex& contents);

// The attribution whose content holds `focus` (the first in document order), else the sentence's
// own attribution.
std::optional<std::size_t> attribution_for(Span focus, const Support& support,
                                           const ContentIndex& contents);

}  // namespace copydesk::analyzers::claims
