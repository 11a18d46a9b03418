#include "analyzers/attributions/scope.hpp"

#include <algorithm>

namespace copydesk::analyzers::attributions {

std::vector<bool> sentences_with_cue_words(const TaggedText& text,
                                           const std::vector<Quotation>& quotations) {
  const auto& sentences = text.segmentation().sentences;
  std::vector<bool> result(sentences.size(), false);
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (std::uint32_t i = sentences[s].first_token; i < sentences[s].end_token; ++i)
      if (text.has(i, kCueWord) && !text.is_capitalized(i) && text.info(i).cue &&
          text.info(i).cue->form != VerbForm::noun && !quotation_at(quotations, i)) {
        result[s] = true;
        break;
      }
  return result;
}

ScopeEnd continue_quotation(const TaggedText& text, const std::vector<Quotation>& quotations,
                            const std::vector<bool>& cue_sentences, std::uint32_t sentence,
                            std::uint32_t content_end) {
  const auto& sentences = text.segmentation().sentences;
  const auto& paragraphs = text.segmentation().paragraphs;
  ScopeEnd end{content_end, sentence + 1};
  std::uint32_t paragraph = sentences[sentence].paragraph;
  for (std::uint32_t s = sentence + 1; s < sentences.size(); ++s) {
    const Sentence& next = sentences[s];
    if (next.first_token >= next.end_token) break;
    if (next.span.end <= end.content_end) {  // inside the quotation already taken
      end.next_sentence = s + 1;
      continue;
    }
    if (cue_sentences[s]) break;
    if (next.paragraph != paragraph) {
      // Only the next paragraph, and only when it opens with the quotation.
      if (next.paragraph != paragraph + 1 || paragraphs[next.paragraph].first_sentence != s) break;
      paragraph = next.paragraph;
    }
    if (!text.is_opening_quote(next.first_token)) break;
    const Quotation* quotation = quotation_at(quotations, next.first_token);
    if (!quotation) break;
    end.content_end = std::max(end.content_end, quotation->run_end);
    end.next_sentence = s + 1;
  }
  return end;
}

}  // namespace copydesk::analyzers::attributions
