// The engine's API: a pure function from a document to its annotations and findings. The LSP
// server and the CLI both call it; it knows nothing of either.
#pragma once

#include <atomic>
#include <exception>
#include <optional>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/config.hpp"
#include "analyzers/document.hpp"
#include "analyzers/prose.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {

struct AnalysisOptions {
  std::optional<CalendarDate> dateline_override;  // --dateline or the LSP setting
  EffectiveSettings settings;
  // Set from another thread when the result is no longer wanted (the document changed again):
  // analyze() looks at it between stages and throws AnalysisCancelled.
  const std::atomic<bool>* cancelled = nullptr;
  // The document's paragraphs as segmented for its previous version (the editor keeps one per
  // open document): only changed paragraphs are segmented again. Null: segment them all.
  SegmentationCache* segmentation_cache = nullptr;
};

struct AnalysisCancelled : std::exception {
  const char* what() const noexcept override { return "analysis cancelled"; }
};

// Seconds each stage of analyze() took, for `check --profile` and benchmarks. Reading a clock
// seven times per document costs nothing measurable.
struct StageTimings {
  double prose = 0;  // dateline and prose view
  double segmentation = 0;
  double dates = 0;
  double attributions = 0;
  double claims = 0;
  double rules = 0;  // rules, suppressions and severities
  StageTimings& operator+=(const StageTimings& other);
  double total() const { return prose + segmentation + dates + attributions + claims + rules; }
};

struct Analysis {
  Dateline dateline;
  ProseView prose;
  Segmentation segmentation;
  Annotations annotations;
  std::vector<Finding> findings;  // configured severities applied, suppressions applied, sorted
  // Names of people and organizations, for checks across documents (names.inconsistent-spelling
  // over several files).
  std::vector<attributions::NameMention> names;
  StageTimings timings;
};

Analysis analyze(const Document& document, const AnalysisOptions& options);

}  // namespace copydesk::analyzers
