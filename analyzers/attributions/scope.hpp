// How far an attribution reaches past its own sentence: a direct quotation that goes on in the
// next sentences, or in the next paragraph reopened with a quotation mark, still belongs to the
// speaker named once ("“We stayed,” she said. “We had no choice.”").
#pragma once

#include <cstdint>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/quotations.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

// Whether each sentence holds a word that could be a cue outside quotation marks, so a
// continuation stops before it.
std::vector<bool> sentences_with_cue_words(const TaggedText& text,
                                           const std::vector<Quotation>& quotations);

struct ScopeEnd {
  std::uint32_t content_end = 0;    // byte offset the content now reaches
  std::uint32_t next_sentence = 0;  // the first sentence not taken by the continuation
};

// Extends a direct quotation's content over the sentences after `sentence` that continue it: each
// opens with a quotation mark and holds no cue word. In the next paragraph only when that
// paragraph opens with the quotation.
ScopeEnd continue_quotation(const TaggedText& text, const std::vector<Quotation>& quotations,
                            const std::vector<bool>& cue_sentences, std::uint32_t sentence,
                            std::uint32_t content_end);

}  // namespace copydesk::analyzers::attributions
