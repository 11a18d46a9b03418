// Conflicting figures: the same quantity of the same thing given two different numbers, in one
// document (the copy contradicts itself, or one source contradicts itself), or credited to the
// same source in two documents (for the CLI and the language server, which see several files).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/claims/figures.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::claims {

inline constexpr std::string_view kConflictingFiguresRule = "claims.conflicting-figures";

// Findings of claims.conflicting-figures in one document: a figure that contradicts an earlier
// one with the same key, when both stand on the copy's own word or on the same named source.
// Figures attributed to different sources are a reported disagreement, not a conflict.
std::vector<Finding> conflicting_figures(std::string_view prose, const Segmentation& segmentation,
                                         const Annotations& annotations);

// A figure the document credits to a named source.
struct CreditedFigure {
  std::string source;  // the source's canonical name as written: "the Russian Defense Ministry"
  std::string key;     // Figure::key
  double value = 0;
  Bound bound = Bound::exact;
  bool changing = false;
  Span span;         // the number with its bound
  std::string text;  // the figure's claim words, for messages: "killed 234 combatants"
};

// The figures of one document whose claims an attribution with a named source covers.
std::vector<CreditedFigure> credited_figures(std::string_view prose,
                                             const Segmentation& segmentation,
                                             const Annotations& annotations);

struct DocumentFigures {
  std::string path;
  std::vector<CreditedFigure> figures;
};

struct DocumentFinding {
  std::size_t document = 0;  // index into the input
  Finding finding;           // related spans carry the other document's path
};

// The same source credited with figures for the same thing that cannot both be right, across
// documents: one finding in each document, pointing at the other. Pure: the caller gathers
// each document's credited_figures().
std::vector<DocumentFinding> cross_document_conflicts(
    const std::vector<DocumentFigures>& documents);

}  // namespace copydesk::analyzers::claims
