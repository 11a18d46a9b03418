// ICU's English sentence rules adjusted for news copy, and the same rules compiled at build time:
// compiling them from source costs about 45 million instructions (10-15 ms) at every start-up,
// most of what `copydesk check one.txt` does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace copydesk::analyzers {

// ICU's sentence rules with two changes for paragraphs of news copy: CR and LF are spaces rather
// than paragraph separators, because paragraphs are wrapped (blank lines are handled before ICU
// sees the text); and "…" is a full stop like "...". Empty sets are not allowed in the rules, so
// CR and LF become aliases of the paragraph separators, which only matters for "CR LF" pairs.
// nullopt when `stock_rules` are not the rules these edits were written for (another ICU).
std::optional<std::string> news_sentence_rules(std::string stock_rules);

// The adjusted rules as compiled by ICU's rule builder when copydesk was built
// (generated/compiled_sentence_rules.cpp, written by tools/compile_sentence_rules.cpp).
struct CompiledSentenceRules {
  const std::uint8_t* data = nullptr;
  std::uint32_t size = 0;        // 0: the build could not adjust the rules
  std::string_view icu_version;  // of the ICU that compiled them: binary rules are per version
};
CompiledSentenceRules compiled_sentence_rules();

}  // namespace copydesk::analyzers
