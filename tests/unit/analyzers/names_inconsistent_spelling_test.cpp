#include <doctest/doctest.h>

#include "analyzers/attributions/attributions.hpp"
#include "analyzers/attributions/spelling.hpp"
#include "analyzers/engine.hpp"
#include "tests/unit/analyzers/test_helpers.hpp"

using copydesk::testing::check_rule;
using copydesk::testing::findings_of;
using namespace copydesk::analyzers;

namespace {
constexpr std::string_view kRule = "names.inconsistent-spelling";

attributions::DocumentNames names_of(const std::string& path, const std::string& text) {
  Document document;
  document.text = text;
  Analysis analysis = analyze(document, {});
  Segmentation segmentation = analysis.segmentation;
  auto found = attributions::find_attributions(analysis.prose.prose, segmentation, {});
  return {path, analysis.prose.prose, found.names};
}
}  // namespace

TEST_CASE("names.inconsistent-spelling flags") {
  SUBCASE("two transliterations of a first name") {
    check_rule(kRule,
               "Andrii Petrenko, a spokesperson, said the units were local. [[Andriy]] Petrenko "
               "later added that they acted alone.");
  }
  SUBCASE("a surname with a doubled letter") {
    auto found = findings_of(
        kRule, "President Oleh Marchenko spoke on Monday. Marchenkoo said talks would go on.");
    REQUIRE(found.size() == 1);
    REQUIRE(found[0].related.size() == 1);
    CHECK(found[0].message.find("Marchenko") != std::string::npos);
  }
}

TEST_CASE("names.inconsistent-spelling near-misses") {
  SUBCASE("the surname alone after the full name") {
    check_rule(kRule, "Andrii Petrenko said the units were local. Petrenko added more.");
  }
  SUBCASE("two people who share a surname") {
    check_rule(kRule, "Maria Lind and Mario Lind spoke at the harbour.");
  }
  SUBCASE("different names") {
    check_rule(kRule, "Karl Johnson met Karl Johnston at the port.");
  }
}

TEST_CASE("names.inconsistent-spelling across documents") {
  std::vector<attributions::DocumentNames> documents = {
      names_of("a.txt", "Andrii Petrenko said the units were local."),
      names_of("b.txt", "Andriy Petrenko said the units acted alone."),
      names_of("c.txt", "Andriy Petrenko and Andrii Petrenko are one man."),
  };
  auto findings = attributions::cross_document_spellings(documents);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].empty());
  REQUIRE(findings[1].size() == 1);
  REQUIRE(findings[1][0].related.size() == 1);
  CHECK(findings[1][0].related[0].path == "a.txt");
  CHECK(findings[1][0].rule == kRule);
  CHECK(findings[2].empty());  // both spellings in c.txt: the in-document rule reports it
}

TEST_CASE("spelling keys: case, y/i, doubled letters, hyphens, apostrophes, possessives") {
  using copydesk::analyzers::attributions::append_spelling_key;
  using copydesk::analyzers::attributions::spelling_key;
  CHECK(spelling_key("Zelenskyy") == "zelenski");
  CHECK(spelling_key("Zelensky") == "zelenski");
  CHECK(spelling_key("Andriy") == spelling_key("Andrii"));
  CHECK(spelling_key("O'Brien's") == "obrien");
  CHECK(spelling_key("O\xE2\x80\x99"
                     "Brien\xE2\x80\x99"
                     "s") ==
        "o\xE2\x80\x99"
        "brien");
  CHECK(spelling_key("al-Assad") == "alasad");
  CHECK(spelling_key("Mich.") == "mich");
  CHECK(spelling_key("B52") == "b52");
  // Appending starts a word afresh: a doubled letter across the join is kept.
  std::string key = "s:a";
  append_spelling_key("Aaron", key);
  CHECK(key == "s:aaron");
  // Longer than the internal buffer: nothing lost.
  std::string tail;
  for (int i = 0; i < 4; ++i)
    tail += "cdefghijklmnopqrstuvwxzab";
  std::string long_key;
  append_spelling_key(std::string(40, 'A') + std::string(40, 'b') + tail, long_key);
  CHECK(long_key == "ab" + tail);
}
