// The engine's API: a pure function from a document to its annotations and findings. The LSP
// server and the CLI both call it; it knows nothing of either.
#pragma once

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
};

Analysis analyze(const Document& document, const AnalysisOptions& options);

}  // namespace copydesk::analyzers
