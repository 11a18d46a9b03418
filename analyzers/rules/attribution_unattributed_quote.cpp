// attribution.unattributed-quote: a direct quotation with no speaker in its sentence, the
// sentences next to it, or its paragraph. Scare quotes and titles (a few words, no clause) are
// left alone; a quotation that runs on from an attributed one belongs to that speaker.
#include <algorithm>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/rules/rule_context.hpp"
#include "analyzers/span_index.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kRule = "attribution.unattributed-quote";

// The index of the sentence holding `offset`, or the last one before it.
std::size_t sentence_at(const std::vector<Sentence>& sentences, std::uint32_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](std::uint32_t o, const Sentence& s) { return o < s.span.start; });
  return it == sentences.begin() ? 0 : static_cast<std::size_t>(it - sentences.begin()) - 1;
}

}  // namespace

void check_attribution_unattributed_quote(const RuleContext& context,
                                          std::vector<Finding>& findings) {
  if (!context.attribution_analysis) return;
  const auto& sentences = context.segmentation.sentences;
  const auto& paragraphs = context.segmentation.paragraphs;
  const auto& attributions = context.annotations.attributions;
  if (sentences.empty()) return;
  SpanIndex cues;
  for (std::size_t k = 0; k < attributions.size(); ++k)
    cues.add(attributions[k].cue, k);
  cues.build();
  for (const auto& quotation : context.attribution_analysis->quotations) {
    if (!quotation.speech_like || quotation.attribution) continue;
    std::size_t s = sentence_at(sentences, quotation.span.start);
    std::uint32_t from = sentences[s > 0 ? s - 1 : 0].span.start;
    std::uint32_t to = sentences[std::min(s + 1, sentences.size() - 1)].span.end;
    to = std::max(to, quotation.span.end);
    const Span paragraph = paragraphs[sentences[s].paragraph].span;
    if (cues.any_overlapping({from, to}) || cues.any_overlapping(paragraph)) continue;
    Finding finding;
    finding.rule = std::string(kRule);
    finding.severity = Severity::warning;
    finding.message =
        "This quotation has no speaker: name who said it in this sentence or the next.";
    finding.span = quotation.span;
    findings.push_back(std::move(finding));
  }
}

}  // namespace copydesk::analyzers
