// Highlights: semantic tokens for dates, times, durations, attribution cues, sources, quotes,
// claims and hedges (textDocument/semanticTokens/full, /full/delta and /range).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "protocol/jsonrpc.hpp"
#include "server/document_analysis.hpp"

namespace copydesk::server {

// The legend the server advertises: token types and modifiers, in index order.
protocol::json semantic_tokens_legend();

// The LSP integer encoding (5 integers a token, relative positions) of every token in the
// document, or only of those on lines [first_line, last_line] when a range is given. Tokens
// never overlap: a small annotation (a date inside a claim) wins over the one around it, which
// is split around it. Tokens never span lines.
std::vector<std::uint32_t> semantic_tokens(const DocumentAnalysis& analysis,
                                           std::optional<std::uint32_t> first_line = {},
                                           std::optional<std::uint32_t> last_line = {});

// The single edit that turns `previous` into `current` (a SemanticTokensEdit), or nullopt when
// they are equal.
std::optional<protocol::json> semantic_tokens_edit(const std::vector<std::uint32_t>& previous,
                                                   const std::vector<std::uint32_t>& current);

}  // namespace copydesk::server
