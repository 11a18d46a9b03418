#include "server/inlay_hints.hpp"

#include <algorithm>
#include <array>

#include "protocol/lsp_types.hpp"
#include "server/hover.hpp"

namespace copydesk::server {
namespace {

bool is_pronoun(std::string_view word) {
  static constexpr std::array<std::string_view, 10> kPronouns = {
      "he", "she", "they", "it", "He", "She", "They", "It", "him", "her"};
  return std::find(kPronouns.begin(), kPronouns.end(), word) != kPronouns.end();
}

// A resolved calendar value: 2024-03-12, 2024-03, 2024-W11, 2024.
bool is_resolved_value(const std::string& value) {
  return value.size() >= 4 && std::isdigit(static_cast<unsigned char>(value[0])) &&
         value.find('X') == std::string::npos;
}

}  // namespace

protocol::json inlay_hints(const DocumentAnalysis& document, std::size_t from, std::size_t to,
                           const InlayHintOptions& options) {
  protocol::json hints = protocol::json::array();
  auto in_range = [&](analyzers::Span span) { return span.end >= from && span.end <= to; };
  if (options.dates) {
    for (const analyzers::DateMention& date : document.analysis.annotations.dates) {
      if (!date.relative || !is_resolved_value(date.value) || !in_range(date.span)) continue;
      hints.push_back({{"position", protocol::to_json(document.position(date.span.end))},
                       {"label", date.value},
                       {"paddingLeft", true},
                       {"tooltip", describe_date(date, document.analysis.dateline)}});
    }
  }
  if (options.sources) {
    for (const analyzers::Attribution& attribution : document.analysis.annotations.attributions) {
      if (!attribution.source || attribution.source->canonical.empty()) continue;
      const analyzers::Source& source = *attribution.source;
      if (!in_range(source.span) || !is_pronoun(document.text(source.span))) continue;
      hints.push_back({{"position", protocol::to_json(document.position(source.span.end))},
                       {"label", source.canonical},
                       {"paddingLeft", true},
                       {"tooltip", "the source this pronoun stands for"}});
    }
  }
  return hints;
}

}  // namespace copydesk::server
