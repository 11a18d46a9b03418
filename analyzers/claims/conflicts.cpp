#include "analyzers/claims/conflicts.hpp"

#include <optional>

#include "analyzers/claims/words.hpp"

namespace copydesk::analyzers::claims {
namespace {

bool overlaps(Span a, Span b) {
  return a.start < b.end && b.start < a.end;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Who stands behind a figure: "" for the copy itself (an unattributed or hedged claim), the
// source's name, or nullopt when it is attributed to someone the analysis cannot name.
std::optional<std::string> figure_source(std::string_view prose, const Figure& figure,
                                         const Annotations& annotations) {
  for (const Claim& claim : annotations.claims) {
    if (!overlaps(claim.focus, figure.mention) && !overlaps(claim.focus, figure.span)) continue;
    if (claim.status == ClaimStatus::unattributed || claim.status == ClaimStatus::hedged)
      return std::string();
    if (!claim.attribution || *claim.attribution >= annotations.attributions.size())
      return std::nullopt;
    const Attribution& a = annotations.attributions[*claim.attribution];
    if (!a.source || a.source->kind == SourceKind::anonymous ||
        a.source->kind == SourceKind::unnamed)
      return std::nullopt;
    std::string written(prose.substr(a.source->span.start, a.source->span.size()));
    // The canonical name when it is a fuller form of the words written ("the ministry" -> "the
    // Russian Defense Ministry"): its last word must be among them.
    const std::string& canonical = a.source->canonical;
    std::size_t space = canonical.find_last_of(' ');
    std::string head = lower(space == std::string::npos ? canonical : canonical.substr(space + 1));
    if (!canonical.empty() && lower(written).find(head) != std::string::npos) return canonical;
    return written;
  }
  return std::string();
}

std::string text_of(std::string_view prose, Span span) {
  return std::string(prose.substr(span.start, span.size()));
}

Figure as_figure(const CreditedFigure& c) {
  Figure f;
  f.value = c.value;
  f.bound = c.bound;
  f.key = c.key;
  f.span = c.span;
  f.changing = c.changing;
  return f;
}

// The path's last component, for messages.
std::string_view file_name(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::vector<Finding> conflicting_figures(std::string_view prose, const Segmentation& segmentation,
                                         const Annotations& annotations) {
  std::vector<Finding> findings;
  // Figures come from claims: with fewer than two there is nothing to compare.
  if (annotations.claims.size() < 2) return findings;
  Words words(prose, segmentation);
  std::vector<Figure> figures = find_figures(words);
  std::vector<std::optional<std::string>> sources;
  sources.reserve(figures.size());
  for (const Figure& f : figures)
    sources.push_back(figure_source(prose, f, annotations));

  for (std::size_t b = 1; b < figures.size(); ++b) {
    const Figure& later = figures[b];
    if (later.changing || !sources[b]) continue;
    for (std::size_t a = 0; a < b; ++a) {
      const Figure& earlier = figures[a];
      if (earlier.changing || earlier.sentence == later.sentence || earlier.key != later.key ||
          !sources[a] || lower(*sources[a]) != lower(*sources[b]) ||
          !values_conflict(earlier, later))
        continue;
      Finding f;
      f.rule = std::string(kConflictingFiguresRule);
      f.severity = Severity::warning;
      f.span = later.span;
      std::string who = sources[b]->empty() ? "" : " by " + *sources[b];
      f.message = "This figure (" + describe_value(later) + ") contradicts the " +
                  describe_value(earlier) + " given earlier" + who + " for the same thing ('" +
                  text_of(prose, earlier.mention) + "').";
      f.related.push_back({earlier.span, "the earlier figure", ""});
      findings.push_back(std::move(f));
      break;
    }
  }
  return findings;
}

std::vector<CreditedFigure> credited_figures(std::string_view prose,
                                             const Segmentation& segmentation,
                                             const Annotations& annotations) {
  std::vector<CreditedFigure> credited;
  if (annotations.claims.empty()) return credited;
  Words words(prose, segmentation);
  for (const Figure& f : find_figures(words)) {
    std::optional<std::string> source = figure_source(prose, f, annotations);
    if (!source || source->empty()) continue;
    credited.push_back(
        {*source, f.key, f.value, f.bound, f.changing, f.span, text_of(prose, f.mention)});
  }
  return credited;
}

std::vector<DocumentFinding> cross_document_conflicts(
    const std::vector<DocumentFigures>& documents) {
  std::vector<DocumentFinding> out;
  auto finding = [](const CreditedFigure& here, const CreditedFigure& there,
                    std::string_view there_path) {
    Finding f;
    f.rule = std::string(kConflictingFiguresRule);
    f.severity = Severity::warning;
    f.span = here.span;
    f.message = here.source + " is credited here with " + describe_value(as_figure(here)) + " ('" +
                here.text + "') and with " + describe_value(as_figure(there)) + " in " +
                std::string(file_name(there_path)) + " ('" + there.text + "').";
    f.related.push_back({there.span, "the other figure", std::string(there_path)});
    return f;
  };
  for (std::size_t i = 0; i < documents.size(); ++i) {
    for (std::size_t j = i + 1; j < documents.size(); ++j) {
      for (const CreditedFigure& a : documents[i].figures) {
        if (a.changing) continue;
        for (const CreditedFigure& b : documents[j].figures) {
          if (b.changing || a.key != b.key || lower(a.source) != lower(b.source) ||
              !values_conflict(as_figure(a), as_figure(b)))
            continue;
          out.push_back({i, finding(a, b, documents[j].path)});
          out.push_back({j, finding(b, a, documents[i].path)});
        }
      }
    }
  }
  return out;
}

}  // namespace copydesk::analyzers::claims
