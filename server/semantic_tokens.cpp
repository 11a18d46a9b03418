#include "server/semantic_tokens.hpp"

#include <algorithm>

namespace copydesk::server {
namespace {

using analyzers::Span;

// Token type indexes and modifier bits, in the order of semantic_tokens_legend().
namespace type {
constexpr std::uint32_t date = 0, time = 1, duration = 2, attribution_cue = 3, source = 4,
                        quote = 5, claim = 6, hedge = 7;
}
namespace modifier {
constexpr std::uint32_t relative = 1u << 0, resolved = 1u << 1, unverified = 1u << 2,
                        unattributed = 1u << 3, hedged = 1u << 4, anonymous = 1u << 5,
                        mismatch = 1u << 6;
}

struct Paint {
  Span span;
  std::uint32_t type;
  std::uint32_t modifiers;
  int priority;  // higher wins where paints overlap
};

bool is_calendar_value(const std::string& value) {
  return value.size() >= 4 && std::isdigit(static_cast<unsigned char>(value[0]));
}

bool overlaps(Span a, Span b) {
  return a.start < b.end && b.start < a.end;
}

std::vector<Paint> collect_paints(const DocumentAnalysis& document) {
  const analyzers::Analysis& analysis = document.analysis;
  std::vector<Paint> paints;
  std::vector<Span> mismatches;
  for (const analyzers::Finding& finding : analysis.findings)
    if (finding.rule.starts_with("dates.")) mismatches.push_back(finding.span);

  for (const analyzers::DateMention& date : analysis.annotations.dates) {
    std::uint32_t token = type::date;
    if (date.type == "TIME") token = type::time;
    if (date.type == "DURATION" || date.type == "SET") token = type::duration;
    std::uint32_t modifiers = 0;
    if (date.relative) modifiers |= modifier::relative;
    if (date.relative && is_calendar_value(date.value)) modifiers |= modifier::resolved;
    for (Span span : mismatches)
      if (overlaps(span, date.span)) modifiers |= modifier::mismatch;
    paints.push_back({date.span, token, modifiers, 3});
  }
  for (const analyzers::Attribution& attribution : analysis.annotations.attributions) {
    paints.push_back({attribution.cue, type::attribution_cue, 0, 3});
    if (attribution.source) {
      std::uint32_t modifiers = 0;
      if (attribution.source->kind == analyzers::SourceKind::anonymous)
        modifiers = modifier::anonymous;
      paints.push_back({attribution.source->span, type::source, modifiers, 3});
    }
    if (attribution.direct && attribution.content)
      paints.push_back({*attribution.content, type::quote, 0, 1});
  }
  for (const analyzers::Hedge& hedge : analysis.annotations.hedges)
    paints.push_back({hedge.span, type::hedge, 0, 3});
  for (const analyzers::Claim& claim : analysis.annotations.claims) {
    std::uint32_t modifiers = 0;
    switch (claim.status) {
      case analyzers::ClaimStatus::unverified:
        modifiers = modifier::unverified;
        break;
      case analyzers::ClaimStatus::unattributed:
        modifiers = modifier::unattributed;
        break;
      case analyzers::ClaimStatus::hedged:
        modifiers = modifier::hedged;
        break;
      case analyzers::ClaimStatus::attributed:
        break;
    }
    paints.push_back({claim.span, type::claim, modifiers, 0});
  }
  std::erase_if(paints, [](const Paint& p) { return p.span.empty(); });
  return paints;
}

// Flattens possibly overlapping paints into disjoint segments: each stretch of text takes the
// highest-priority paint over it, and of equals the narrowest ("Tuesday" inside the cue "said on
// Tuesday").
std::vector<Paint> flatten(std::vector<Paint> paints) {
  std::vector<std::uint32_t> bounds;
  for (const Paint& p : paints) {
    bounds.push_back(p.span.start);
    bounds.push_back(p.span.end);
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::stable_sort(paints.begin(), paints.end(),
                   [](const Paint& a, const Paint& b) { return a.span.start < b.span.start; });

  std::vector<Paint> segments;
  std::vector<const Paint*> active;
  std::size_t next = 0;
  for (std::size_t i = 0; i + 1 < bounds.size(); ++i) {
    Span piece{bounds[i], bounds[i + 1]};
    std::erase_if(active, [&](const Paint* p) { return p->span.end <= piece.start; });
    while (next < paints.size() && paints[next].span.start <= piece.start)
      active.push_back(&paints[next++]);
    const Paint* best = nullptr;
    for (const Paint* p : active)
      if (p->span.end > piece.start &&
          (!best || p->priority > best->priority ||
           (p->priority == best->priority && p->span.size() < best->span.size())))
        best = p;
    if (!best) continue;
    if (!segments.empty() && segments.back().span.end == piece.start &&
        segments.back().type == best->type && segments.back().modifiers == best->modifiers &&
        segments.back().priority == best->priority)
      segments.back().span.end = piece.end;
    else
      segments.push_back({piece, best->type, best->modifiers, best->priority});
  }
  return segments;
}

}  // namespace

protocol::json semantic_tokens_legend() {
  return {
      {"tokenTypes",
       {"date", "time", "duration", "attributionCue", "source", "quote", "claim", "hedge"}},
      {"tokenModifiers",
       {"relative", "resolved", "unverified", "unattributed", "hedged", "anonymous", "mismatch"}}};
}

std::vector<std::uint32_t> semantic_tokens(const DocumentAnalysis& document,
                                           std::optional<std::uint32_t> first_line,
                                           std::optional<std::uint32_t> last_line) {
  const std::string& text = document.document.text;
  std::vector<std::uint32_t> data;
  protocol::Position previous{0, 0};
  for (const Paint& segment : flatten(collect_paints(document))) {
    std::size_t start_line = document.lines.line_of(segment.span.start);
    std::size_t end_line = document.lines.line_of(segment.span.end);
    for (std::size_t line = start_line; line <= end_line; ++line) {
      if (first_line && line < *first_line) continue;
      if (last_line && line > *last_line) break;
      std::size_t from = std::max<std::size_t>(segment.span.start, document.lines.line_start(line));
      std::size_t to =
          std::min<std::size_t>(segment.span.end, document.lines.line_content_end(text, line));
      if (from >= to) continue;
      protocol::Position at = document.position(static_cast<std::uint32_t>(from));
      std::size_t length = protocol::count_code_units(
          std::string_view(text).substr(from, to - from), document.encoding);
      std::uint32_t delta_line = at.line - previous.line;
      std::uint32_t delta_start =
          delta_line == 0 ? at.character - previous.character : at.character;
      data.insert(data.end(), {delta_line, delta_start, static_cast<std::uint32_t>(length),
                               segment.type, segment.modifiers});
      previous = at;
    }
  }
  return data;
}

std::optional<protocol::json> semantic_tokens_edit(const std::vector<std::uint32_t>& previous,
                                                   const std::vector<std::uint32_t>& current) {
  if (previous == current) return std::nullopt;
  std::size_t prefix = 0;
  while (prefix < previous.size() && prefix < current.size() && previous[prefix] == current[prefix])
    ++prefix;
  std::size_t suffix = 0;
  while (suffix < previous.size() - prefix && suffix < current.size() - prefix &&
         previous[previous.size() - 1 - suffix] == current[current.size() - 1 - suffix])
    ++suffix;
  std::vector<std::uint32_t> inserted(current.begin() + prefix, current.end() - suffix);
  return protocol::json{
      {"start", prefix}, {"deleteCount", previous.size() - prefix - suffix}, {"data", inserted}};
}

}  // namespace copydesk::server
