// Figures: the counts in check-worthy claims, with what they count ("killed", "destroyed
// tanks"), their value and their bound ("at least 20"), so that two figures for the same thing
// can be compared.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {

enum class Bound : std::uint8_t { exact, at_least, at_most, about };

struct Figure {
  Span span;     // the number with its bound: "at least 20", "seven"
  Span mention;  // the claim's words: "killed at least 20 people"
  double value = 0;
  Bound bound = Bound::exact;
  // What is counted: the event and the noun, lower-case: "killed", "killed civilians",
  // "destroyed tanks". Generic nouns ("people") are dropped, so "killed 12" and "12 people
  // were killed" share a key.
  std::string key;
  std::uint32_t sentence = 0;
  // The sentence reports a change ("rose to 31", "from 14 to 31") or another event ("last
  // week", "in 2018", "another attack"): its figure is not comparable with the others.
  bool changing = false;
};

// Every figure in a casualty, loss or people-count claim, in text order.
std::vector<Figure> find_figures(const Words& words);

// Whether two figures of the same key cannot both be right: 12 and 20; "at least 20" and 15.
// Approximate figures ("about 20") conflict with nothing.
bool values_conflict(const Figure& a, const Figure& b);

// "12", "at least 20", "about 1,000", for messages.
std::string describe_value(const Figure& figure);

}  // namespace copydesk::analyzers::claims
