// Cue candidates in a sentence: reporting verbs in every inflection ("said", "has also said",
// "did not say"), "according to", phrasal verbs ("pointed out", "called for"), and "as saying"
// after "quoted"/"cited". The finder decides which candidates are attributions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/attributions/lexicon.hpp"
#include "analyzers/attributions/phrases.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

struct CueCandidate {
  std::uint32_t head = 0;  // the cue word
  TokenRange span;         // verb group: auxiliaries, negation, adverbs, the word, its particle
  const CueWord* word = nullptr;
  VerbForm form = VerbForm::base;
  bool passive = false;            // "was reported", "is expected"
  bool gerund = false;             // ", saying ...": its subject is the clause's
  bool infinitive = false;         // "to say", "declined to comment on"
  bool house_verb = false;         // from the house list of attribution verbs
  bool participle_clause = false;  // "when asked about ...": passive, no subject
};

// Extra cue words from the configuration, lower-cased, with their forms guessed.
struct HouseCues {
  std::vector<std::string> attribution_verbs;
  std::vector<std::string> loaded_verbs;
  bool empty() const { return attribution_verbs.empty() && loaded_verbs.empty(); }
};

// Candidates in [first, end) of one sentence, in order. `out` is cleared first.
void find_cue_candidates(const TaggedText& text, const Sentence& sentence, const HouseCues& house,
                         std::vector<CueCandidate>& out);

// Whether the lower-cased word is one of `words`, or one of their regular inflections.
bool matches_verb_list(std::string_view lower, const std::vector<std::string>& words);

}  // namespace copydesk::analyzers::attributions
