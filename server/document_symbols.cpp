#include "server/document_symbols.hpp"

#include <map>

namespace copydesk::server {
namespace {

// LSP SymbolKind values.
constexpr int kNamespace = 3;
constexpr int kString = 15;
constexpr int kObject = 19;

std::string one_line(std::string_view text, std::size_t limit = 80) {
  std::string out;
  for (char c : text) {
    if (out.size() >= limit) {
      out += "…";
      break;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

}  // namespace

protocol::json document_symbols(const DocumentAnalysis& document) {
  const analyzers::Annotations& annotations = document.analysis.annotations;
  auto symbol = [&](std::string name, std::string detail, int kind, analyzers::Span span) {
    return protocol::json{{"name", name.empty() ? std::string("(unnamed)") : std::move(name)},
                          {"detail", std::move(detail)},
                          {"kind", kind},
                          {"range", document.range(span)},
                          {"selectionRange", document.range(span)},
                          {"children", protocol::json::array()}};
  };

  // Sources in order of first mention, keyed by canonical name.
  std::vector<protocol::json> sources;
  std::vector<analyzers::Span> source_extents;  // a parent's range must contain its children's
  std::map<std::string, std::size_t> index_of;
  std::vector<std::size_t> source_of_attribution(annotations.attributions.size(), SIZE_MAX);
  for (std::size_t i = 0; i < annotations.attributions.size(); ++i) {
    const auto& source = annotations.attributions[i].source;
    if (!source) continue;
    std::string name =
        source->canonical.empty() ? std::string(document.text(source->span)) : source->canonical;
    auto [it, added] = index_of.emplace(name, sources.size());
    if (added) {
      sources.push_back(symbol(name, analyzers::to_string(source->kind), kObject, source->span));
      source_extents.push_back(source->span);
    }
    source_of_attribution[i] = it->second;
  }
  protocol::json unattributed = symbol("Unattributed claims", "", kNamespace, {});
  analyzers::Span unattributed_span{};
  for (const analyzers::Claim& claim : annotations.claims) {
    protocol::json child = symbol(one_line(document.text(claim.span)),
                                  analyzers::to_string(claim.status), kString, claim.span);
    if (claim.attribution && source_of_attribution[*claim.attribution] != SIZE_MAX) {
      std::size_t parent = source_of_attribution[*claim.attribution];
      analyzers::Span& extent = source_extents[parent];
      extent = {std::min(extent.start, claim.span.start), std::max(extent.end, claim.span.end)};
      sources[parent]["children"].push_back(std::move(child));
    } else if (claim.status != analyzers::ClaimStatus::attributed) {
      if (unattributed["children"].empty()) unattributed_span = claim.span;
      unattributed_span.end = std::max(unattributed_span.end, claim.span.end);
      unattributed["children"].push_back(std::move(child));
    }
  }
  protocol::json result = protocol::json::array();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    sources[i]["range"] = document.range(source_extents[i]);
    result.push_back(std::move(sources[i]));
  }
  if (!unattributed["children"].empty()) {
    unattributed["range"] = document.range(unattributed_span);
    unattributed["selectionRange"] =
        document.range({unattributed_span.start, unattributed_span.start});
    result.push_back(std::move(unattributed));
  }
  return result;
}

}  // namespace copydesk::server
