#include "analyzers/claims/support.hpp"

#include <algorithm>

namespace copydesk::analyzers::claims {
namespace {

// The sentence that holds byte `offset` (the last one starting at or before it).
std::uint32_t sentence_at(const Segmentation& seg, std::uint32_t offset) {
  auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(), offset,
                             [](std::uint32_t o, const Sentence& s) { return o < s.span.start; });
  return it == seg.sentences.begin() ? 0
                                     : static_cast<std::uint32_t>(it - seg.sentences.begin() - 1);
}

bool names_someone(SourceKind kind) {
  return kind == SourceKind::person || kind == SourceKind::organization ||
         kind == SourceKind::official || kind == SourceKind::document;
}

bool inside_hedge(const std::vector<FoundHedge>& hedges, std::size_t from, std::uint32_t token) {
  for (std::size_t h = from; h < hedges.size() && hedges[h].first_token <= token; ++h)
    if (token < hedges[h].end_token) return true;
  return false;
}

// Report cues that mislead on their own: "states" (the United States), "found" ("bodies were
// found"), "estimated" (a hedge), "reports" and "claims" as nouns are left to the hedges.
bool is_cue(const Words& w, std::uint32_t i) {
  return w.has(i, kReportCue) && !w.is(i, "states") && !w.is(i, "found") && !w.is(i, "estimated") &&
         !w.is(i, "estimates") && !w.is(i, "reports");
}

// A subject right before a belief verb: "police believe", "Smith thinks", "they suspect".
bool has_subject_before(const Words& w, const Sentence& sentence, std::uint32_t verb) {
  std::uint32_t i = verb;
  while (i > sentence.first_token) {
    --i;
    if (w.is(i, "also") || w.is(i, "still") || w.is(i, "now") || w.has(i, kHave | kModal)) continue;
    return w.is_capitalized(i) ||
           w.has(i, kSubjectPronoun | kPluralPeople | kNamedSourceNoun | kPeopleNoun);
  }
  return false;
}

bool inside_any_hedge(const std::vector<FoundHedge>& hedges, Span span) {
  for (const FoundHedge& hedge : hedges)
    if (hedge.span.start <= span.start && span.end <= hedge.span.end) return true;
  return false;
}

// "according to": an attribution that covers the whole sentence it is in.
bool is_according(std::string_view prose, Span cue) {
  constexpr std::string_view kAccording = "according";
  if (cue.size() < kAccording.size()) return false;
  for (std::size_t k = 0; k < kAccording.size(); ++k) {
    char c = prose[cue.start + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kAccording[k]) return false;
  }
  return true;
}

std::optional<Span> toll_giver(const Words& w, const Sentence& sentence) {
  bool toll = false;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token && !toll; ++i)
    toll = w.has(i, kCasualty) && w.is(i, "toll");
  if (!toll) return std::nullopt;
  bool named = false;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    if (w.is_capitalized(i) && !w.has(i, kDeterminer)) named = true;
    if (named && (w.is(i, "raised") || w.is(i, "revised") || w.is(i, "increased") ||
                  w.is(i, "updated") || w.is(i, "put") || w.is(i, "puts") || w.is(i, "lowered")))
      return w.token(i).span();
  }
  return std::nullopt;
}

}  // namespace

bool in_quotation(const Words& w, std::uint32_t sentence, std::uint32_t token) {
  const Segmentation& seg = w.segmentation();
  const Paragraph& paragraph = seg.paragraphs[seg.sentences[sentence].paragraph];
  bool open = false;
  for (std::uint32_t i = seg.sentences[paragraph.first_sentence].first_token; i < token; ++i) {
    if (!w.is_quote_mark(i)) continue;
    std::string_view mark = w.text(i);
    open = mark == "\"" ? !open : mark == "\xE2\x80\x9C";
  }
  return open;
}

std::vector<Support> sentence_support(const Words& w, const std::vector<Attribution>& attributions,
                                      const std::vector<FoundHedge>& hedges,
                                      const std::vector<std::string>& trusted_sources) {
  const Segmentation& seg = w.segmentation();
  std::vector<Support> support(seg.sentences.size());
  if (seg.sentences.empty()) return support;

  for (std::size_t k = 0; k < attributions.size(); ++k) {
    const Attribution& a = attributions[k];
    auto cover = [&](std::uint32_t s) {
      if (!support[s].attribution) support[s].attribution = k;
    };
    std::uint32_t cue_sentence = sentence_at(seg, a.cue.start);
    cover(cue_sentence);
    // "according to" anyone covers its sentence, unless it is itself a hedge ("according to
    // reports").
    if (a.source && is_according(w.prose(), a.cue) && !inside_any_hedge(hedges, a.cue))
      support[cue_sentence].named = true;
    if (a.content && !a.content->empty()) {
      std::uint32_t last = sentence_at(seg, a.content->end - 1);
      for (std::uint32_t s = sentence_at(seg, a.content->start); s <= last; ++s)
        cover(s);
    }
  }

  std::size_t h = 0;
  for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    while (h < hedges.size() && hedges[h].sentence < s)
      ++h;
    Support& out = support[s];
    for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      if (!out.cue && is_cue(w, i) && !inside_hedge(hedges, h, i)) out.cue = w.token(i).span();
      for (const std::string& trusted : trusted_sources)
        if (w.match(trusted, i, sentence.end_token)) {
          out.named = true;
          if (!out.cue) out.cue = w.token(i).span();
        }
      if (out.cue && trusted_sources.empty()) break;
    }
    // An agency that revises a toll gives it: "the council increased the death toll to six".
    if (!out.cue) out.cue = toll_giver(w, sentence);
    // A belief with a subject is attributed to it: "police believe the fire was arson".
    for (std::size_t k = h; !out.cue && k < hedges.size() && hedges[k].sentence == s; ++k) {
      const FoundHedge& hedge = hedges[k];
      if (hedge.kind == HedgeKind::doxastic && !hedge.impersonal &&
          has_subject_before(w, sentence, hedge.first_token))
        out.cue = hedge.span;
    }
  }
  return support;
}

ContentIndex::ContentIndex(const std::vector<Attribution>& attributions)
    : attributions_(&attributions) {
  for (std::size_t k = 0; k < attributions.size(); ++k)
    if (const auto& content = attributions[k].content) contents_.add(*content, k);
  contents_.build();
}

bool hedge_sourced(const FoundHedge& hedge, const Support& support, const ContentIndex& contents) {
  if (support.named) return true;
  for (std::size_t k : contents.holding(hedge.span)) {
    const Attribution& a = contents.attributions()[k];
    if (a.source && names_someone(a.source->kind)) return true;
  }
  return false;
}

std::optional<std::size_t> attribution_for(Span focus, const Support& support,
                                           const ContentIndex& contents) {
  std::vector<std::size_t> holding = contents.holding(focus);
  if (!holding.empty()) return holding.front();
  return support.attribution;
}

}  // namespace copydesk::analyzers::claims
