#include <doctest/doctest.h>

#include <string>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/engine.hpp"

using namespace copydesk::analyzers;

namespace {

struct Found {
  std::string cue, source, kind, canonical, content;
  bool direct = false;
};

std::vector<Found> attributions_of(const std::string& text) {
  Document document;
  document.text = text;
  Analysis analysis = analyze(document, {});
  std::vector<Found> out;
  auto words = [&](Span s) { return text.substr(s.start, s.end - s.start); };
  for (const Attribution& a : analysis.annotations.attributions) {
    Found f;
    f.cue = words(a.cue);
    if (a.source) {
      f.source = words(a.source->span);
      f.kind = to_string(a.source->kind);
      f.canonical = a.source->canonical;
    }
    if (a.content) f.content = words(*a.content);
    f.direct = a.direct;
    out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("attribution cues, sources and contents in the positions news uses") {
  SUBCASE("subject, verb, that-clause") {
    auto found = attributions_of("The port authority said that the ferry would resume on Monday.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cue == "said");
    CHECK(found[0].source == "The port authority");
    CHECK(found[0].kind == "organization");
    CHECK(found[0].content == "that the ferry would resume on Monday");
  }
  SUBCASE("a quotation first, then the speaker") {
    auto found = attributions_of("“We are not leaving,” Marta Keller said.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].source == "Marta Keller");
    CHECK(found[0].kind == "person");
    CHECK(found[0].content == "“We are not leaving,”");
    CHECK(found[0].direct);
  }
  SUBCASE("inverted: said the speaker, with an appositive") {
    auto found = attributions_of(
        "\"The bridge is closed,\" said Tomas Brandt, a spokesperson for the city council.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].source == "Tomas Brandt, a spokesperson for the city council");
    CHECK(found[0].canonical == "Tomas Brandt");
  }
  SUBCASE("according to, before and after the content") {
    auto first = attributions_of("According to the harbour office, three boats sank.");
    REQUIRE(first.size() == 1);
    CHECK(first[0].cue == "According to");
    CHECK(first[0].source == "the harbour office");
    CHECK(first[0].content == "three boats sank");
    auto second = attributions_of("Three boats sank, according to the harbour office.");
    REQUIRE(second.size() == 1);
    CHECK(second[0].content == "Three boats sank");
  }
  SUBCASE("told a listener: the listener is not the content") {
    auto found = attributions_of(
        "Lena Ortiz, a spokesperson for the agency, told Channel 9 the pumps were working.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cue == "told");
    CHECK(found[0].source == "Lena Ortiz, a spokesperson for the agency,");
    CHECK(found[0].content == "the pumps were working");
  }
  SUBCASE("the verb group and its modifiers") {
    auto found = attributions_of("The agency has also said in a statement that it would appeal.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cue == "has also said in a statement");
    CHECK(found[0].content == "that it would appeal");
  }
  SUBCASE("a colon before a quotation joins the cue") {
    auto found = attributions_of("The union posted on social media: \"We strike at dawn.\"");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cue == "posted on social media:");
    CHECK(found[0].content == "\"We strike at dawn.\"");
  }
  SUBCASE("a quotation that goes on in the next sentence and paragraph") {
    auto found =
        attributions_of("“We stayed,” she said. “We had no choice.\n\n“Nobody came for us.”");
    REQUIRE(found.size() == 1);
    CHECK(found[0].content == "“We stayed,” she said. “We had no choice.\n\n“Nobody came for us.”");
  }
  SUBCASE("a cue inside a quotation is part of what was said") {
    auto found = attributions_of("\"I think the dam will hold,\" the mayor said.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].cue == "said");
    CHECK(found[0].kind == "official");
  }
  SUBCASE("as saying after cited") {
    auto found = attributions_of(
        "Schools moved online, the Harbor Times cited local authorities as saying.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].cue == "as saying");
    CHECK(found[1].source == "local authorities");
    CHECK(found[1].content == "Schools moved online");
  }
}

TEST_CASE("attribution source kinds") {
  auto kind_of = [](const std::string& text) {
    auto found = attributions_of(text);
    return found.empty() ? std::string("none") : found[0].kind;
  };
  CHECK(kind_of("Officials said the road was open.") == "anonymous");
  CHECK(kind_of("A person familiar with the talks said a deal was close.") == "anonymous");
  CHECK(kind_of("A ministry spokesperson said the road was open.") == "official");
  CHECK(kind_of("The report said the road was open.") == "document");
  CHECK(kind_of("The Northern Water Board said the road was open.") == "organization");
  CHECK(kind_of("Ida Marsh said the road was open.") == "person");
}

TEST_CASE("attribution canonical names resolve later mentions") {
  auto found = attributions_of(
      "The Eastern Defence Ministry said the border was quiet. Pavel Orlan, a spokesperson, "
      "said patrols had doubled.\n\nThe ministry added that no one was hurt. Orlan said the "
      "patrols would stay. He said they were ready.");
  REQUIRE(found.size() == 5);
  CHECK(found[0].canonical == "the Eastern Defence Ministry");
  CHECK(found[2].canonical == "the Eastern Defence Ministry");
  CHECK(found[3].canonical == "Pavel Orlan");
  CHECK(found[4].canonical == "Pavel Orlan");
  CHECK(found[4].kind == "person");
}

TEST_CASE("attribution near-misses: no attribution") {
  CHECK(attributions_of("The said property was sold in May.").empty());
  CHECK(attributions_of("Tanks backed by artillery crossed the river.").empty());
  CHECK(attributions_of("The company added 500 jobs last year.").empty());
  CHECK(attributions_of("In a Telegram post, the council listed the closed roads.").empty());
}

TEST_CASE("attribution cue kinds: speech and attitude") {
  auto found = attributions_of("The mayor believes the bridge is safe.");
  REQUIRE(found.size() == 1);
  Document document;
  document.text = "The mayor believes the bridge is safe. The mayor said it was safe.";
  Analysis analysis = analyze(document, {});
  REQUIRE(analysis.annotations.attributions.size() == 2);
  CHECK(analysis.annotations.attributions[0].cue_kind == CueKind::attitude);
  CHECK(analysis.annotations.attributions[1].cue_kind == CueKind::speech);
}

TEST_CASE("attribution: nested reports") {
  SUBCASE("a report that closes the sentence holds an earlier one") {
    auto found = attributions_of(
        "The harbour code called for the ferry to be held at the pier, port sources said.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].cue == "called for");
    CHECK(found[1].cue == "said");
    CHECK(found[1].source == "port sources");
    CHECK(found[1].content == "The harbour code called for the ferry to be held at the pier");
  }
  SUBCASE("a speech cue with its own source inside another's content") {
    auto found = attributions_of(
        "A spokeswoman said the company told customers on Monday that the update was faulty.");
    REQUIRE(found.size() == 2);
    CHECK(found[0].source == "A spokeswoman");
    CHECK(found[1].cue == "told");
    CHECK(found[1].source == "the company");
  }
  SUBCASE("near-miss: a weak cue inside a content is not a nested report") {
    auto found = attributions_of("The mayor said the plan calls for three new bridges.");
    REQUIRE(found.size() == 1);
    CHECK(found[0].source == "The mayor");
  }
}
