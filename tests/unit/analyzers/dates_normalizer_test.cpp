// Values of recognized expressions, resolved against a dateline and the tense around them.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "analyzers/engine.hpp"

using namespace copydesk::analyzers;

namespace {

struct Expected {
  std::string type;
  std::string value;
};

std::vector<DateMention> dates_of(const std::string& text, std::optional<CalendarDate> dateline) {
  Document document;
  document.text = text;
  AnalysisOptions options;
  options.dateline_override = dateline;
  return analyze(document, options).annotations.dates;
}

// The mention whose text is `words` in `text` analysed with the dateline 2024-03-12 (a
// Tuesday) unless another is given.
std::optional<DateMention> mention(const std::string& text, std::string_view words,
                                   std::optional<CalendarDate> dateline = CalendarDate{2024, 3,
                                                                                       12}) {
  for (const DateMention& date : dates_of(text, dateline))
    if (std::string_view(text).substr(date.span.start, date.span.size()) == words) return date;
  return std::nullopt;
}

void check_value(const std::string& text, std::string_view words, Expected expected,
                 std::optional<CalendarDate> dateline = CalendarDate{2024, 3, 12}) {
  INFO("text: ", text);
  INFO("expression: ", words);
  std::optional<DateMention> found = mention(text, words, dateline);
  REQUIRE(found);
  CHECK(found->type == expected.type);
  CHECK(found->value == expected.value);
}

}  // namespace

TEST_CASE("normalizer: absolute dates") {
  check_value("It ended on March 12, 2024.", "March 12, 2024", {"DATE", "2024-03-12"});
  check_value("Filed 3/14/2023.", "3/14/2023", {"DATE", "2023-03-14"});
  check_value("He ruled until at least 2030.", "2030", {"DATE", "2030"});
  check_value("Prices fell in the 1990s.", "the 1990s", {"DATE", "199"});
  check_value("Sales rose in Q3 2023.", "Q3 2023", {"DATE", "2023-Q3"});
  check_value("It starts in the summer of 2025.", "the summer of 2025", {"DATE", "2025-SU"});
  check_value("Results for fiscal 2023 are out.", "fiscal 2023", {"DATE", "2023"});
  check_value("The war began in the 20th century.", "the 20th century", {"DATE", "19"});
}

TEST_CASE("normalizer: a date without a year takes the dateline's, or the nearest") {
  check_value("The ministry reported on March 12 that it won.", "March 12", {"DATE", "2024-03-12"});
  check_value("Voting runs from March 15 till March 17.", "March 17", {"DATE", "2024-03-17"});
  check_value("The fair opens in April.", "April", {"DATE", "2024-04"});
  check_value("He was hired in December.", "December", {"DATE", "2023-12"});
  check_value("The treaty was signed Dec. 28.", "Dec. 28", {"DATE", "2023-12-28"},
              CalendarDate{2024, 1, 4});
  check_value("Payment is due on the 20th.", "the 20th", {"DATE", "2024-03-20"});
  check_value("No year given: March 12.", "March 12", {"DATE", "XXXX-03-12"}, std::nullopt);
}

TEST_CASE("normalizer: a month alone follows the tense of its clause, near the verb or not") {
  // Dateline 2024-11-02: March is nearer ahead, but the clause is in the past.
  CalendarDate november{2024, 11, 2};
  check_value("He stepped down as chairman, president and chief executive in March.", "March",
              {"DATE", "2024-03"}, november);
  check_value("Collins will be named commander of the shuttle for a mission in December.",
              "December", {"DATE", "2024-12"}, CalendarDate{2024, 3, 4});
  check_value("He stepped down as chairman, president and chief executive in December.", "December",
              {"DATE", "2023-12"}, CalendarDate{2024, 3, 4});
  // Near-misses: the month just behind or ahead is taken whatever the tense; no cue at all
  // takes the nearest, the past favoured.
  check_value("It said the plant will reopen in October.", "October", {"DATE", "2024-10"},
              november);
  check_value("The fair, in January.", "January", {"DATE", "2025-01"}, november);
}

TEST_CASE("normalizer: weekdays follow the tense") {
  // The dateline 2024-03-12 is a Tuesday.
  check_value("Russia claimed on Tuesday that it had acted.", "Tuesday", {"DATE", "2024-03-12"});
  check_value("Officials met on Friday.", "Friday", {"DATE", "2024-03-08"});
  check_value("Officials will meet on Friday.", "Friday", {"DATE", "2024-03-15"});
  check_value("The vote is scheduled for Sunday.", "Sunday", {"DATE", "2024-03-17"});
  check_value("They met last Monday.", "last Monday", {"DATE", "2024-03-11"});
  check_value("They meet next Monday.", "next Monday", {"DATE", "2024-03-18"});
  check_value("They met on Friday night.", "Friday night", {"DATE", "2024-03-08TNI"});
  check_value("They met on Friday.", "Friday", {"DATE", "XXXX-WXX-5"}, std::nullopt);
}

TEST_CASE("normalizer: a weekday with 's names an event the copy reports: the past") {
  // The dateline 2024-03-12 is a Tuesday; "would" is not about the ruling.
  check_value("They said they would look for ways around Friday's ruling.", "Friday",
              {"DATE", "2024-03-08"});
  check_value("Traders will study Monday's close.", "Monday", {"DATE", "2024-03-11"});
  // Near-misses: "ahead of" an event looks forward, and without 's the verb decides.
  check_value("Officials will gather ahead of Sunday's vote.", "Sunday", {"DATE", "2024-03-17"});
  check_value("They would look for ways around the ruling on Friday.", "Friday",
              {"DATE", "2024-03-15"});
}

TEST_CASE("normalizer: a weekday restated by a date in parentheses takes the date") {
  std::optional<DateMention> tuesday =
      mention("Russia said on Tuesday (Mar 12) it won.", "Tuesday");
  REQUIRE(tuesday);
  CHECK(tuesday->value == "2024-03-12");
  CHECK(tuesday->weekday == "Tuesday");
  CHECK(tuesday->stated_weekday == "Tuesday");
  CHECK(tuesday->restated_by.has_value());
}

TEST_CASE("normalizer: days, weeks, months and years around the dateline") {
  check_value("It rained yesterday.", "yesterday", {"DATE", "2024-03-11"});
  check_value("It rains tomorrow.", "tomorrow", {"DATE", "2024-03-13"});
  check_value("It rained today.", "today", {"DATE", "2024-03-12"});
  check_value("The storm hit this morning.", "this morning", {"TIME", "2024-03-12TMO"});
  check_value("Shots rang out last night.", "last night", {"TIME", "2024-03-11TNI"});
  check_value("They met last week.", "last week", {"DATE", "2024-W10"});
  check_value("Sales fell this month.", "this month", {"DATE", "2024-03"});
  check_value("Sales fell earlier this year.", "earlier this year", {"DATE", "2024"});
  check_value("Sales fell last year.", "last year", {"DATE", "2023"});
  check_value("Prices rose last quarter.", "last quarter", {"DATE", "2023-Q4"});
  check_value("It happened three days ago.", "three days ago", {"DATE", "2024-03-09"});
  check_value("It happened two years ago.", "two years ago", {"DATE", "2022"});
  check_value("They met last March.", "last March", {"DATE", "2023-03"});
}

TEST_CASE("normalizer: counted from the date named last") {
  std::string text =
      "The raid came on March 3. Two days later, troops withdrew. The day before, "
      "scouts were seen.";
  check_value(text, "Two days later", {"DATE", "2024-03-05"});
  check_value(text, "The day before", {"DATE", "2024-03-04"});
  std::optional<DateMention> later = mention(text, "Two days later");
  REQUIRE(later);
  CHECK(later->relative);
  CHECK(later->anchor == "2024-03-03");
  // In March 2024 "the third quarter" is 2023's; "a year earlier", that quarter a year before.
  check_value("Profit rose in the third quarter. A year earlier it fell.", "A year earlier",
              {"DATE", "2022-Q3"});
}

TEST_CASE("normalizer: earnings copy keeps to the quarter it reports") {
  CalendarDate october{1989, 10, 26};
  std::string text =
      "Sun said net income rose in the fiscal first quarter. Revenue rose 39% from a year "
      "earlier. Earlier this month, the company said it expected to break even for the quarter. "
      "In the 1988 period, it earned $20 million, and it earned $9 million in the 1989 period.";
  check_value(text, "the quarter", {"DATE", "1989-Q1"}, october);
  check_value(text, "the 1988 period", {"DATE", "1988-Q1"}, october);
  check_value(text, "the 1989 period", {"DATE", "1989-Q1"}, october);
  // Near-misses: with no quarter reported, "the 1988 period" is the year and "the quarter" the
  // last one completed; a quarter not yet over is not the one reported.
  check_value("In the 1988 period, it earned $20 million.", "the 1988 period", {"DATE", "1988"},
              october);
  check_value("It earned $1 a share in the quarter.", "the quarter", {"DATE", "1989-Q3"}, october);
  check_value(
      "It has no estimate for fourth-quarter results. Its shares fell Friday. In the latest "
      "quarter, it lost money.",
      "the latest quarter", {"DATE", "1989-Q3"}, october);
}

TEST_CASE("normalizer: \"that year\" is the year of the period named last, of any grain") {
  check_value("He left in June 1998 and returned later that year.", "later that year",
              {"DATE", "1998"});
  check_value("Sales fell in the third quarter of 2019. That year, the plant closed.", "That year",
              {"DATE", "2019"});
  // Near-miss: with nothing named before, "that year" stays on the dateline's year.
  check_value("That year, the plant closed.", "That year", {"DATE", "2024"});
}

TEST_CASE("normalizer: clock times") {
  check_value("It began at about 3:00 am Moscow time (0000 GMT).", "about 3:00 am Moscow time",
              {"TIME", "2024-03-12T03:00"});
  check_value("It began at about 3:00 am Moscow time (0000 GMT).", "0000 GMT",
              {"TIME", "2024-03-12T00:00"});
  check_value("Polls will close at 8 p.m. Sunday.", "8 p.m. Sunday", {"TIME", "2024-03-17T20:00"});
  check_value("The deadline is midnight.", "midnight", {"TIME", "2024-03-12T24:00"});
  std::optional<DateMention> moscow =
      mention("It began at 3:00 am Moscow time (0000 GMT).", "3:00 am Moscow time");
  REQUIRE(moscow);
  CHECK(moscow->zone == "Europe/Moscow");
  CHECK(moscow->utc_offset_minutes == 180);
  CHECK(moscow->minutes == 180);
}

TEST_CASE("normalizer: durations, sets and references") {
  check_value("Just three days before the vote.", "three days", {"DURATION", "P3D"});
  check_value("He seeks six more years.", "six more years", {"DURATION", "P6Y"});
  check_value("Talks ran 24 hours.", "24 hours", {"DURATION", "PT24H"});
  check_value("Talks ran 5 1/2 hours.", "5 1/2 hours", {"DURATION", "PT5H30M"});
  check_value("The war lasted a decade.", "a decade", {"DURATION", "P10Y"});
  check_value("It has gone on for years.", "years", {"DURATION", "PXY"});
  check_value("Sales grew over the past two months.", "the past two months", {"DURATION", "P2M"});
  check_value("The board meets every week.", "every week", {"SET", "P1W"});
  check_value("Inspections happen annually.", "annually", {"SET", "P1Y"});
  check_value("Orangemen march each July.", "each July", {"SET", "XXXX-07"});
  check_value("Rent is due every March 1.", "every March 1", {"SET", "XXXX-03-01"});
  check_value("The club meets on Mondays.", "Mondays", {"SET", "XXXX-WXX-1"});
  check_value("Prices are rising now.", "now", {"DATE", "PRESENT_REF"});
  check_value("Prices rose recently.", "recently", {"DATE", "PAST_REF"});
  check_value("Prices will rise in the future.", "the future", {"DATE", "FUTURE_REF"});
}

TEST_CASE("normalizer: days that do not exist are marked invalid, not moved") {
  std::optional<DateMention> date = mention("The vote is on February 30.", "February 30");
  REQUIRE(date);
  CHECK_FALSE(date->valid);
  CHECK(date->value == "2024-02-30");
  std::optional<DateMention> leap = mention("Filed 2023-02-29.", "2023-02-29");
  REQUIRE(leap);
  CHECK_FALSE(leap->valid);
  std::optional<DateMention> fine = mention("Filed 2024-02-29.", "2024-02-29");
  REQUIRE(fine);
  CHECK(fine->valid);
  CHECK(fine->weekday == "Thursday");
}
