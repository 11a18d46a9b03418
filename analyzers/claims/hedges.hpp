// Hedges: the words and phrases that qualify a statement instead of stating it ("reportedly",
// "may have", "it is believed", "whether", "if"), with the uncertainty kind the Szeged corpus
// gives them, plus the reporting hedges of news copy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/lexicon.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {

struct FoundHedge {
  Span span;
  HedgeKind kind = HedgeKind::epistemic;
  bool impersonal = false;  // names no one by its form: "reportedly", "is said to"
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;
  std::uint32_t sentence = 0;
};

// House hedges: extra words and phrases from the config, lower-cased and split into words once
// per analysis.
struct HouseHedges {
  explicit HouseHedges(const std::vector<std::string>& phrases);
  struct Entry {
    std::string text;  // lower-case words separated by single spaces
    HedgeKind kind;
    bool impersonal;
  };
  std::vector<Entry> entries;
};

// Every hedge, in text order, none overlapping.
std::vector<FoundHedge> find_hedges(const Words& words, const HouseHedges& house);

}  // namespace copydesk::analyzers::claims
