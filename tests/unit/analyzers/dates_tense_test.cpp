#include "analyzers/dates/tense.hpp"

#include <doctest/doctest.h>

#include <string>

#include "analyzers/segmentation.hpp"

using namespace copydesk::analyzers;
using dates::Tense;

namespace {

// The tense around the first occurrence of `word` in a one-sentence text.
Tense tense_of(const std::string& text, std::string_view word) {
  Segmentation segmentation = segment(text, {{0, static_cast<std::uint32_t>(text.size())}});
  REQUIRE(segmentation.sentences.size() == 1);
  auto size = static_cast<std::uint32_t>(segmentation.tokens.size());
  dates::TenseCues cues;
  dates::compute_tense_cues(text, segmentation.tokens, 0, size, cues);
  for (std::uint32_t i = 0; i < size; ++i) {
    const Token& token = segmentation.tokens[i];
    if (text.substr(token.start, token.end - token.start) == word)
      return dates::tense_around(cues, segmentation.sentences[0], i, i + 1).tense;
  }
  FAIL("word not found");
  return Tense::unknown;
}

}  // namespace

TEST_CASE("tense: the nearest cue decides") {
  CHECK(tense_of("The ministry said on Tuesday that it had acted.", "Tuesday") == Tense::past);
  CHECK(tense_of("The council will meet on Tuesday.", "Tuesday") == Tense::future);
  CHECK(tense_of("The vote is scheduled for Sunday.", "Sunday") == Tense::future);
  CHECK(tense_of("Police arrested him on Friday.", "Friday") == Tense::past);
  CHECK(tense_of("The mayor says on Monday the road opens.", "Monday") == Tense::present);
  CHECK(tense_of("Talks on Friday.", "Friday") == Tense::unknown);
}

TEST_CASE("tense: a cue before the date beats one after it") {
  CHECK(tense_of("He said on Monday they will go.", "Monday") == Tense::past);
  CHECK(tense_of("They will meet Friday, officials said.", "Friday") == Tense::future);
}

TEST_CASE("tense: participles after be, and prepositions") {
  CHECK(tense_of("The talks will be held on Thursday.", "Thursday") == Tense::future);
  CHECK(tense_of("The road has been closed since March.", "March") == Tense::past);
  CHECK(tense_of("Reply by Friday, the office said.", "Friday") == Tense::future);
  CHECK(dates::tense_cue("they'll") == dates::TenseCue::future);
  CHECK(dates::tense_cue("hundred") == dates::TenseCue::none);
  CHECK(dates::tense_cue("announced") == dates::TenseCue::past);
}

TEST_CASE("tense: plans, reported futures and irregular past forms") {
  CHECK(tense_of("Trading is to resume in Paris on Tuesday.", "Tuesday") == Tense::future);
  CHECK(tense_of("She said the family would be traveling Thursday.", "Thursday") == Tense::future);
  CHECK(tense_of("Troops fought near the border on Sunday.", "Sunday") == Tense::past);
  CHECK(tense_of("Officials sold the shares on Monday.", "Monday") == Tense::past);
  // A participle after "is" is not the past: "is heard" here is a plan.
  CHECK(tense_of("The appeal is heard in May.", "May") == Tense::present);
  // Near-misses: "is" without "to" stays the present; "would" is a cue, "wood" is not.
  CHECK(tense_of("The market is open on Monday.", "Monday") == Tense::present);
  CHECK(tense_of("Wood arrives Friday.", "Friday") == Tense::unknown);
}

TEST_CASE("tense: adjectives in -ed, past-perfect deadlines and plans") {
  // "unspecified" after "a still" is an adjective: the sentence's "will" decides.
  CHECK(tense_of("It will be paid on a still unspecified date in January.", "January") ==
        Tense::future);
  CHECK(tense_of("The newly elected council will sit in May.", "May") == Tense::future);
  // Near-miss: a verb in -ed after a name, not a determiner, is still the past.
  CHECK(tense_of("Kane resigned in March.", "March") == Tense::past);
  // "by Wednesday" looks ahead, unless the sentence is in the past perfect.
  CHECK(tense_of("Members had filed their reports by Wednesday.", "Wednesday") == Tense::past);
  CHECK(tense_of("Members will file their reports by Wednesday.", "Wednesday") == Tense::future);
  // What was planned lies ahead.
  CHECK(tense_of("Protesters planned a march on Saturday.", "Saturday") == Tense::future);
}
