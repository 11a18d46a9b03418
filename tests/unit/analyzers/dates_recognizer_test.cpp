// Extents of recognized temporal expressions, marked with [[ ]] in the input (TimeML TIMEX3
// extents: modifiers in, prepositions out).
#include <doctest/doctest.h>

#include <string>

#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

using namespace copydesk::analyzers;
using copydesk::testing::parse_annotations;

namespace {

void check_extents(std::string_view marked) {
  copydesk::testing::AnnotatedText input = parse_annotations(marked);
  Document document;
  document.text = input.text;
  AnalysisOptions options;
  options.dateline_override = CalendarDate{2024, 3, 12};
  Analysis analysis = analyze(document, options);
  std::vector<Span> spans;
  std::string found;
  for (const DateMention& date : analysis.annotations.dates) {
    spans.push_back(date.span);
    found += " [" + input.text.substr(date.span.start, date.span.size()) + "]";
  }
  INFO("input: ", input.text);
  INFO("found:", found);
  CHECK(spans == input.ranges);
}

}  // namespace

TEST_CASE("recognizer: calendar dates in their common forms") {
  check_extents("The talks ended on [[March 12, 2024]] and resume [[Mar. 14]].");
  check_extents("It opened [[12 March]] and closed [[March 15th]].");
  check_extents("Filed [[2024-03-12]], amended [[3/14/2024]] and [[14.03.2024]].");
  check_extents("Payment is due on [[the 12th]].");
  check_extents("Voting runs from [[March 15]] till [[March 17]].");
  check_extents("Voting runs [[March 15]]-[[17]].");
  check_extents("The summit is in [[mid-March]], not [[early April]].");
  check_extents("He was born on [[Tuesday, March 12, 2024]].");
}

TEST_CASE("recognizer: years, decades, seasons, quarters") {
  check_extents("He will rule until at least [[2030]].");
  check_extents("Prices fell in [[the 1990s]] and [[the early 1980s]].");
  check_extents("Sales rose in [[the third quarter]] and in [[Q4 2023]].");
  check_extents("Its [[third-quarter]] profit beat [[the year-ago quarter]].");
  check_extents("Results for [[fiscal 2023]] come out [[this summer]].");
  check_extents("The bridge opens [[the second half of 2025]].");
  check_extents("Profit fell from [[the 1988 quarter]] and rose from [[the 1989 period]].");
}

TEST_CASE("recognizer: relative dates") {
  check_extents("Russia said on [[Tuesday]] that it had acted [[yesterday]].");
  check_extents("The council met [[last week]] and meets again [[next Tuesday]].");
  check_extents("Sales rose [[earlier this year]] and fell [[this month]].");
  check_extents("He left [[three days ago]] and returned [[two weeks later]].");
  // "earlier" alone orders events; it names no time.
  check_extents("Officials said earlier that the road was closed. Earlier, it was open.");
  check_extents("It rained [[earlier this week]] and [[Earlier Friday]] too.");
  check_extents("Prices are rising [[now]] and rose [[recently]].");
  check_extents("The storm hit [[this morning]] and [[last night]].");
  check_extents("[[The day before]], the road was open.");
}

TEST_CASE("recognizer: clock times and zones") {
  check_extents("The raid began at [[about 3:00 am Moscow time]] ([[0000 GMT]]).");
  check_extents("Polls close at [[3 p.m. local time]] and [[15:30 UTC]].");
  check_extents("The deadline is [[noon]], not [[midnight Friday]].");
  check_extents("Flights leave at [[9 a.m. Tuesday]].");
  check_extents("The statement came at [[10:35 a.m. EDT]].");
}

TEST_CASE("recognizer: durations and sets") {
  check_extents("He seeks [[six more years]] after [[24 hours]] of talks.");
  check_extents("The war has lasted [[a decade]] and [[the past two months]] were worst.");
  check_extents("Attacks happened just [[three days]] before the start of voting.");
  check_extents("The paper comes out [[daily]]; the board meets [[every week]].");
  check_extents("Inspectors visit [[twice a year]] and earn $500 a week.");
  check_extents("The plant runs for [[twenty-four hours]] over [[a dozen years]].");
  check_extents("Marchers parade [[each July]] and pay [[every March 1]].");
}

TEST_CASE("recognizer: near-misses that are not times") {
  check_extents("The March for Life drew crowds, Theresa May said.");
  check_extents("A 6-year-old boy was found; 1,500 troops and 2000 people came.");
  check_extents("The current account deficit widened; the fall of the regime followed.");
  check_extents("They may go. The Sun reported an earlier draft.");
  check_extents("Flight 2024 landed at Gate 7 with the Communist Party daily Granma.");
  check_extents("He told USA Today so. This is VOA Today. The Today show aired it.");
  check_extents("She led the March of the Combatant Mothers and the March of Dimes.");
  // Near-misses: "today" in running text, at a sentence's start, and a month "of" a year.
  check_extents("He said [[today]] it was over. [[Today]] it is. \"[[Today]] we won.\"");
  check_extents("The Deadline is [[Tomorrow]].");
  check_extents("It ended in [[March of 2023]] and resumed in [[March]] of [[the next year]].");
}
