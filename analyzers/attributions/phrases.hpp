// Noun phrases around a cue, found by walking the tagged tokens without a parser: the subject
// before a verb ("Andrii Yusov, a spokesperson for the agency, said"), the phrase after it ("said
// the mayor", "according to the ministry"), and a listener after "told".
#pragma once

#include <cstdint>

#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

// Tokens [first, end).
struct TokenRange {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= first; }
  std::uint32_t size() const { return end > first ? end - first : 0; }
};

struct NounPhrase {
  TokenRange range;        // the whole phrase, appositive and its closing comma included
  TokenRange core;         // the phrase without its appositive: "Andrii Yusov"
  TokenRange appositive;   // ", a spokesperson for ..." without the commas; empty if none
  std::uint32_t head = 0;  // the core's last word
  bool pronoun = false;    // he, she, they, it, who...
};

// The noun phrase that ends right before token `end` (exclusive), within [limit, end). Handles
// "NAME, APPOSITIVE," (the closing comma included), "NAME, 58," (the age left out), and
// "NAME — aside —". Empty range when there is none.
NounPhrase subject_before(const TaggedText& text, std::uint32_t limit, std::uint32_t end);

// The noun phrase that starts at token `first`, within [first, end): "the mayor", "Dave Gorab,
// vice president of news" (an appositive that runs to `end` or to a comma is included).
NounPhrase phrase_after(const TaggedText& text, std::uint32_t first, std::uint32_t end,
                        bool allow_appositive);

// The listener after a verb such as "told": "reporters", "Ukraine's 24 Channel", "him". Returns
// the token after it, or `first` when there is none.
std::uint32_t skip_recipient(const TaggedText& text, std::uint32_t first, std::uint32_t end);

// Time words and short modifiers after a verb that come before its content: "Sunday", "last
// week", "in a statement", "on Twitter", "in an interview with CNN". Returns the token after them
// (or `first`).
std::uint32_t skip_verb_modifiers(const TaggedText& text, std::uint32_t first, std::uint32_t end);

// Whether a token can sit inside a noun phrase (a name, a noun, an adjective, a number...).
bool is_nominal(const TaggedText& text, std::uint32_t i);

}  // namespace copydesk::analyzers::attributions
