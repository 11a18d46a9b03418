#include "analyzers/claims/claims.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "analyzers/claims/caveats.hpp"
#include "analyzers/claims/check_worthy.hpp"
#include "analyzers/claims/hedges.hpp"
#include "analyzers/claims/support.hpp"
#include "analyzers/claims/weasels.hpp"
#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers {
namespace {

using claims::Candidate;
using claims::Caveat;
using claims::FoundHedge;
using claims::Support;
using claims::Words;

// House-list phrases as the matcher wants them: lower-case words separated by single spaces.
std::vector<std::string> normalized(const std::vector<std::string>& phrases) {
  std::vector<std::string> out;
  for (const std::string& phrase : phrases) {
    std::string text;
    bool space = false;
    for (char c : phrase) {
      if (c == ' ' || c == '\t') {
        space = !text.empty();
        continue;
      }
      if (space) text += ' ';
      space = false;
      text += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::string quoted(std::string_view prose, Span span) {
  return "'" + std::string(prose.substr(span.start, span.size())) + "'";
}

bool overlaps(Span a, Span b) {
  return a.start < b.end && b.start < a.end;
}

bool contains(Span outer, Span inner) {
  return outer.start <= inner.start && inner.end <= outer.end;
}

struct Draft {
  std::uint32_t sentence;
  Claim claim;
  bool quoted = false;  // its focus is inside a direct quotation
};

Draft draft_from(const Words& words, const Candidate& candidate) {
  Draft d{candidate.sentence, {}, false};
  const Sentence& sentence = words.segmentation().sentences[candidate.sentence];
  d.claim.span = sentence.span;
  d.claim.focus = candidate.triggers.front().focus;
  for (const claims::Trigger& trigger : candidate.triggers) {
    std::string reason = claims::describe(trigger.kind);
    if (std::find(d.claim.reasons.begin(), d.claim.reasons.end(), reason) == d.claim.reasons.end())
      d.claim.reasons.push_back(std::move(reason));
  }
  const claims::Trigger& main = candidate.triggers.front();
  d.quoted = claims::in_quotation(words, candidate.sentence, main.first_token) &&
             claims::in_quotation(words, candidate.sentence, main.end_token - 1);
  return d;
}

// Decides a claim's status from what stands behind its sentence.
void decide(std::string_view prose, const std::vector<FoundHedge>& hedges,
            const std::vector<Support>& support, const claims::ContentIndex& contents, Draft& d) {
  const std::vector<Attribution>& attributions = contents.attributions();
  Claim& claim = d.claim;
  const Support& s = support[d.sentence];
  claim.attribution = claims::attribution_for(claim.focus, s, contents);
  if (claim.attribution && attributions[*claim.attribution].content &&
      contains(*attributions[*claim.attribution].content, claim.focus))
    claim.span = *attributions[*claim.attribution].content;

  if (claim.caveat) {
    claim.status = ClaimStatus::unverified;
    claim.reasons.push_back("the copy says it is not verified: " + quoted(prose, *claim.caveat));
    return;
  }
  // An attribution to a weasel ("some experts say") credits no one.
  const FoundHedge* weasel = nullptr;
  for (const FoundHedge& hedge : hedges)
    if (hedge.sentence == d.sentence && hedge.kind == claims::HedgeKind::weasel &&
        (!claim.attribution || overlaps(hedge.span, attributions[*claim.attribution].cue)))
      weasel = &hedge;
  if (weasel) {
    claim.status = ClaimStatus::hedged;
    claim.reasons.push_back("credited to no one by name: " + quoted(prose, weasel->span));
    return;
  }
  if (claim.attribution) {
    claim.status = ClaimStatus::attributed;
    claim.reasons.push_back("attributed: " + quoted(prose, attributions[*claim.attribution].cue));
    return;
  }
  if (s.cue) {
    claim.status = ClaimStatus::attributed;
    claim.reasons.push_back("attributed: " + quoted(prose, *s.cue));
    return;
  }
  if (d.quoted) {
    claim.status = ClaimStatus::attributed;
    claim.reasons.push_back("inside a direct quotation");
    return;
  }
  const FoundHedge* qualifier = nullptr;
  for (const FoundHedge& hedge : hedges) {
    if (hedge.sentence != d.sentence) continue;
    // A weasel says more about the claim than any other hedge.
    if (!qualifier || hedge.kind == claims::HedgeKind::weasel) qualifier = &hedge;
  }
  if (qualifier) {
    claim.status = ClaimStatus::hedged;
    claim.reasons.push_back((qualifier->kind == claims::HedgeKind::weasel
                                 ? "credited to no one by name: "
                                 : "qualified by ") +
                            quoted(prose, qualifier->span));
    return;
  }
  claim.status = ClaimStatus::unattributed;
}

}  // namespace

void annotate_claims(std::string_view prose, const Segmentation& segmentation,
                     const HouseLists& lists, Annotations& annotations) {
  Words words(prose, segmentation);
  std::vector<FoundHedge> hedges = claims::find_hedges(words, claims::HouseHedges(lists.hedges));
  hedges = claims::merge_weasels(std::move(hedges), claims::find_weasels(words));
  std::vector<Candidate> candidates =
      claims::find_check_worthy(words, normalized(lists.not_claims));
  std::vector<Caveat> caveats = claims::find_caveats(words, hedges, candidates);
  std::vector<Support> support = claims::sentence_support(words, annotations.attributions, hedges,
                                                          normalized(lists.trusted_sources));

  const claims::ContentIndex contents(annotations.attributions);
  annotations.hedges.clear();
  annotations.hedges.reserve(hedges.size());
  for (const FoundHedge& hedge : hedges) {
    Hedge out;
    out.span = hedge.span;
    out.kind = claims::to_string(hedge.kind);
    out.impersonal = hedge.impersonal;
    // Inside a direct quotation the speaker stands behind it. A weasel is its own source.
    out.sourced = claims::in_quotation(words, hedge.sentence, hedge.first_token) ||
                  (hedge.kind != claims::HedgeKind::weasel &&
                   claims::hedge_sourced(hedge, support[hedge.sentence], contents));
    annotations.hedges.push_back(std::move(out));
  }

  std::vector<Draft> drafts;
  drafts.reserve(candidates.size() + caveats.size());
  for (const Candidate& candidate : candidates)
    drafts.push_back(draft_from(words, candidate));
  for (const Caveat& caveat : caveats) {
    auto it = std::find_if(drafts.begin(), drafts.end(),
                           [&](const Draft& d) { return d.sentence == caveat.target_sentence; });
    if (it == drafts.end()) {
      // What the caveat qualifies is a claim because the copy doubts it.
      Draft d{caveat.target_sentence, {}, false};
      const Sentence& sentence = segmentation.sentences[caveat.target_sentence];
      d.claim.span = sentence.span;
      d.claim.focus = caveat.target_focus.empty() ? sentence.span : caveat.target_focus;
      d.claim.reasons.push_back(claims::describe(claims::ClaimKind::verifiable));
      drafts.push_back(std::move(d));
      it = drafts.end() - 1;
    }
    if (!it->claim.caveat) it->claim.caveat = caveat.span;
  }
  std::sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.claim.focus.start < b.claim.focus.start;
  });

  annotations.claims.clear();
  annotations.claims.reserve(drafts.size());
  for (Draft& d : drafts) {
    decide(prose, hedges, support, contents, d);
    annotations.claims.push_back(std::move(d.claim));
  }
}

}  // namespace copydesk::analyzers
