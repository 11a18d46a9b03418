// Direct quotations: double quotation marks (straight or curly) paired within a paragraph, and
// quotations that run on over several paragraphs the news way (each paragraph reopens, only the
// last one closes).
#pragma once

#include <cstdint>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

struct Quotation {
  Span span;                      // opening mark to closing mark, both included
  std::uint32_t open_token = 0;   // token index of the opening mark
  std::uint32_t close_token = 0;  // token index of the closing mark (or last token when unclosed)
  std::uint32_t paragraph = 0;
  std::uint32_t words = 0;  // word tokens inside
  bool closed = false;      // false: runs to the paragraph's end
  // The end of the run this piece belongs to: the closing mark of the run's last paragraph (its
  // own end when the quotation does not run on).
  std::uint32_t run_end = 0;
  // Index of the run's first piece (itself when it opens the run).
  std::uint32_t run_first = 0;
  // Speech rather than a scare quote or a title: a clause of its own (several words, or
  // punctuation that ends a clause inside it).
  bool speech_like = false;
};

std::vector<Quotation> find_quotations(const TaggedText& text);

// The quotation that contains the token, or nullptr.
const Quotation* quotation_at(const std::vector<Quotation>& quotations, std::uint32_t token);

}  // namespace copydesk::analyzers::attributions
