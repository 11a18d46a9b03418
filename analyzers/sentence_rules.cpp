#include "analyzers/sentence_rules.hpp"

#include <array>
#include <utility>

namespace copydesk::analyzers {

std::optional<std::string> news_sentence_rules(std::string rules) {
  constexpr std::array<std::pair<std::string_view, std::string_view>, 4> edits{{
      {"$CR=[\\p{Sentence_Break=CR}];", "$CR=[\\p{Sentence_Break=Sep}];"},
      {"$LF=[\\p{Sentence_Break=LF}];", "$LF=[\\p{Sentence_Break=Sep}];"},
      {"$Sp=[\\p{Sentence_Break=Sp}];", "$Sp=[\\p{Sentence_Break=Sp}\\u000A\\u000D];"},
      {"$ATerm=[\\p{Sentence_Break=ATerm}];", "$ATerm=[\\p{Sentence_Break=ATerm}\\u2026];"},
  }};
  for (const auto& [from, to] : edits) {
    const auto at = rules.find(from);
    if (at == std::string::npos) return std::nullopt;
    rules.replace(at, from.size(), to);
  }
  return rules;
}

}  // namespace copydesk::analyzers
