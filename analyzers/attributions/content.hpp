// What is attributed: the reported clause after a cue ("said [that the talks failed]"), the
// quotation or clause before it ("[“We stay,”] she said"), with the conventions of attribution
// corpora: the sentence's final period is left out, quotation marks and a question's mark are
// kept, and a quotation is taken whole even when it began sentences earlier.
#pragma once

#include <cstdint>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/phrases.hpp"
#include "analyzers/attributions/quotations.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

enum class ContentShape : std::uint8_t {
  none,
  clause,      // "that ...", "whether ...", a quotation, or after a colon
  infinitive,  // "to ..."
  bare,        // a clause or a noun phrase with no word to introduce it
};

// The shape of the content that starts at `first`.
ContentShape content_shape(const TaggedText& text, std::uint32_t first, std::uint32_t end);

// Whether [first, end) reads as a clause: a subject then a verb ("the groups were conducting").
bool looks_like_clause(const TaggedText& text, std::uint32_t first, std::uint32_t end);

// [first, end) without trailing punctuation that belongs to the sentence: a final ".", ",",
// ";", ":" or a dash (a closing quotation mark, "?" and "!" stay).
TokenRange trim_content(const TaggedText& text, TokenRange range);

// The byte span of a content range, widened to whole quotations: one that opens inside the range
// runs to its run's end; one that closes inside it starts at its run's first mark.
Span content_bytes(const TaggedText& text, const std::vector<Quotation>& quotations,
                   TokenRange range);

// A reported clause ends before a trailing clause the writer adds after a comma: ", before
// reversing himself", ", while critics ...". Commas inside quotations do not count.
TokenRange cut_trailing_clause(const TaggedText& text, const std::vector<Quotation>& quotations,
                               TokenRange range);

// Whether the range starts with an opening quotation mark.
bool starts_with_quote(const TaggedText& text, TokenRange range);

Span token_bytes(const TaggedText& text, TokenRange range);

}  // namespace copydesk::analyzers::attributions
