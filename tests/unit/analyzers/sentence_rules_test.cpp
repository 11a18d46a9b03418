#include "analyzers/sentence_rules.hpp"

#include <doctest/doctest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/rbbi.h>

#include <memory>
#include <string>

using namespace copydesk::analyzers;

namespace {

std::string stock_rules() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> stock(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
  REQUIRE(U_SUCCESS(status));
  const auto* rule_based = dynamic_cast<const icu::RuleBasedBreakIterator*>(stock.get());
  REQUIRE(rule_based != nullptr);
  std::string rules;
  rule_based->getRules().toUTF8String(rules);
  return rules;
}

}  // namespace

TEST_CASE("sentence rules: the news edits apply to this ICU's rules") {
  std::optional<std::string> adjusted = news_sentence_rules(stock_rules());
  REQUIRE(adjusted);
  CHECK(adjusted->find("$ATerm=[\\p{Sentence_Break=ATerm}\\u2026];") != std::string::npos);
  // Near-miss: rules without the expected lines are left to ICU, not half-edited.
  CHECK_FALSE(news_sentence_rules("$Other=[a];"));
}

TEST_CASE("sentence rules: the build's compiled form is the adjusted rules") {
  CompiledSentenceRules compiled = compiled_sentence_rules();
  REQUIRE(compiled.size > 0);
  CHECK(compiled.icu_version == U_ICU_VERSION);
  UErrorCode status = U_ZERO_ERROR;
  icu::RuleBasedBreakIterator iterator(compiled.data, compiled.size, status);
  REQUIRE(U_SUCCESS(status));
  std::string source;
  iterator.getRules().toUTF8String(source);
  std::optional<std::string> adjusted = news_sentence_rules(stock_rules());
  REQUIRE(adjusted);
  CHECK(source == *adjusted);
}
