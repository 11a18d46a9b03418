// The broader cues of attribution corpora (PolNeAR, PARC): stances taken in words, polls as
// sources, headlines, participle clauses. Each pattern has a case it must find and a near-miss.
#include <doctest/doctest.h>

#include <string>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/engine.hpp"

using namespace copydesk::analyzers;

namespace {

struct Found {
  std::string cue, source, content, kind;
};

std::vector<Found> found_in(const std::string& text) {
  Document document;
  document.text = text;
  Analysis analysis = analyze(document, {});
  std::vector<Found> out;
  auto words = [&](Span s) { return text.substr(s.start, s.end - s.start); };
  for (const Attribution& a : analysis.annotations.attributions) {
    Found f;
    f.cue = words(a.cue);
    if (a.source) f.source = words(a.source->span);
    if (a.content) f.content = words(*a.content);
    f.kind = to_string(a.cue_kind);
    out.push_back(f);
  }
  return out;
}

bool has_cue(const std::vector<Found>& found, const std::string& cue) {
  for (const Found& f : found)
    if (f.cue == cue) return true;
  return false;
}

}  // namespace

TEST_CASE("attribution recall: a quantifier standing as the subject") {
  auto found = found_in("Most said the council should vote again.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == "said");
  CHECK(found[0].source == "Most");
  auto two = found_in("Two in three said they would stay home.");
  REQUIRE(two.size() == 1);
  CHECK(two[0].source == "Two in three");
  // near-miss: an article before a past form is still an adjective use
  CHECK(found_in("The said property was sold in May.").empty());
}

TEST_CASE("attribution recall: headlines in title case") {
  auto found = found_in("Mayor Lind Says The Bridge Will Reopen In June");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == "Says");
  CHECK(found[0].source == "Mayor Lind");
  // near-miss: a capitalized cue word in running text is a name
  CHECK(found_in("She reads the Harbour Post every morning before work.").empty());
}

TEST_CASE("attribution recall: a poll as the source") {
  SUBCASE("a sentence that opens with the poll") {
    auto found = found_in("In a Harbour Times poll released Monday, 40 percent backed the levy.");
    REQUIRE(!found.empty());
    CHECK(found[0].cue == "In");
    CHECK(found[0].source == "a Harbour Times poll released Monday");
    CHECK(found[0].content == "40 percent backed the levy");
    CHECK(found[0].kind == "attitude");
  }
  SUBCASE("a standing measured by one poll") {
    auto found = found_in("Lind leads the race by six points in the latest Civic Lab survey.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].source == "the latest Civic Lab survey");
    CHECK(found[0].content == "Lind leads the race by six points");
  }
  SUBCASE("near-misses: polls in general, polling places, other prepositions") {
    CHECK(found_in("Lind has slipped in the polls since March.").empty());
    CHECK(found_in("Voters in five towns went to the polls on Sunday.").empty());
    CHECK(found_in("The mayor waited in light of the poll numbers.").empty());
  }
}

TEST_CASE("attribution recall: stances taken in words") {
  auto found = found_in("Senator Okafor mocked the proposal.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == "mocked");
  CHECK(found[0].source == "Senator Okafor");
  CHECK(found[0].content == "the proposal");
  auto voiced = found_in("The union voiced concern about the schedule.");
  REQUIRE(voiced.size() == 1);
  CHECK(voiced[0].cue == "voiced");
  auto voted = found_in("Three council members voted against the levy.");
  REQUIRE(voted.size() == 1);
  CHECK(voted[0].cue == "voted against");
  // near-misses: the -s form as a noun; "voted" without a stance particle
  CHECK(found_in("The recent terror attacks changed the campaign.").empty());
  CHECK(found_in("His opening remarks ran long.").empty());
  CHECK(found_in("The council voted on Tuesday.").empty());
}

TEST_CASE("attribution recall: participle clauses") {
  SUBCASE("after a noun phrase") {
    auto found =
        found_in("The council approved the levy, with most members saying it was overdue.");
    REQUIRE(has_cue(found, "saying"));
    CHECK(found.back().source == "most members");
    CHECK(found.back().content == "it was overdue");
  }
  SUBCASE("coordinated with another participle") {
    auto found =
        found_in("Lind attacked the plan, calling it reckless and vowing to block the vote.");
    CHECK(has_cue(found, "calling"));
    CHECK(has_cue(found, "vowing"));
  }
  SUBCASE("near-miss: a participle used as a noun") {
    CHECK(found_in("That may be wishful thinking at this stage.").empty());
    CHECK(found_in("Lind's thinking on the levy has shifted.").empty());
  }
}

TEST_CASE("attribution recall: a clause of its own after as, when, while") {
  auto found = found_in("Lind praised the vote as she urged members to back the levy.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].cue == "praised");
  CHECK(found[0].content == "the vote");
  CHECK(found[1].cue == "urged");
  CHECK(found[1].source == "she");
}

TEST_CASE("attribution recall: a speaker's colon in a transcript or headline") {
  auto found = found_in("OKAFOR: I think the levy will pass.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == ":");
  CHECK(found[0].source == "OKAFOR");
  // near-miss: a label is no speaker
  CHECK(found_in("The Latest: Lind says the levy will pass.").size() == 1);
  CHECK(found_in("The Latest: Lind says the levy will pass.")[0].cue == "says");
}

TEST_CASE("attribution recall: a verb that carries on into the cue") {
  auto found = found_in("Lind went on to say the levy was fair.");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == "went on to say");
  CHECK(found[0].source == "Lind");
  CHECK(found[0].content == "the levy was fair");
  auto continued = found_in("The union has continued to back the levy.");
  REQUIRE(continued.size() == 1);
  CHECK(continued[0].cue == "has continued to back");
  // near-miss: an infinitive of another verb reports nothing by itself
  CHECK(found_in("Lind went to the harbour to see the boats.").empty());
}

TEST_CASE("attribution recall: a question put to someone") {
  auto found = found_in("\"Never,\" Lind said when asked whether she would resign.");
  REQUIRE(found.size() == 2);
  CHECK(found[0].content == "\"Never,\"");
  CHECK(found[1].cue == "asked");
  CHECK(found[1].source.empty());
  CHECK(found[1].content == "whether she would resign");
  auto passive = found_in("Lind was asked about the levy.");
  REQUIRE(passive.size() == 1);
  CHECK(passive[0].cue == "was asked");
  CHECK(passive[0].content == "about the levy");
  // near-miss: "asked" with a thing asked for and no clause
  CHECK(found_in("When asked, the clerk left.").empty());
}

TEST_CASE("attribution recall: a quotation that ended the sentence before") {
  auto found = found_in("\"Is that fair?\" Lind asked. \"We will see.\"");
  REQUIRE(found.size() == 1);
  CHECK(found[0].cue == "asked");
  CHECK(found[0].source == "Lind");
  CHECK(found[0].content.starts_with("\"Is that fair?\""));
  // near-miss: a sentence that only follows a quotation in another paragraph
  CHECK(found_in("\"Is that fair?\"\n\nLind left.").empty());
}

TEST_CASE("attribution recall: noun cues after a possessive") {
  auto plan = found_in("Lind's plan to close the harbour drew protests.");
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].cue == "plan");
  CHECK(plan[0].source == "Lind's");
  CHECK(plan[0].content.starts_with("to close the harbour"));
  auto support = found_in("Voters noticed its support for the levy.");
  REQUIRE(support.size() == 1);
  CHECK(support[0].cue == "support for");
  CHECK(support[0].source == "its");
  CHECK(support[0].content == "the levy");
  // near-misses: no possessor, or no content
  CHECK(found_in("The plan to close the harbour drew protests.").empty());
  CHECK(found_in("Lind's support grew in March.").empty());
}
