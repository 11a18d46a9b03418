// Figures and their conflicts (analyzers/claims/figures.cpp, conflicts.cpp), in one document
// and across documents.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/claims/conflicts.hpp"
#include "analyzers/claims/figures.hpp"
#include "analyzers/claims/words.hpp"
#include "analyzers/engine.hpp"

namespace {

using copydesk::analyzers::claims::Bound;
using copydesk::analyzers::claims::Figure;

std::vector<Figure> figures_of(const std::string& text) {
  copydesk::analyzers::Document document;
  document.text = text;
  auto analysis = copydesk::analyzers::analyze(document, {});
  copydesk::analyzers::claims::Words words(analysis.prose.prose, analysis.segmentation);
  return copydesk::analyzers::claims::find_figures(words);
}

Figure figure(double value, Bound bound) {
  Figure f;
  f.value = value;
  f.bound = bound;
  f.key = "killed";
  return f;
}

}  // namespace

TEST_CASE("figures: values, bounds and keys") {
  auto figures = figures_of(
      "The strike killed at least 1,200 people. Rebels lost seven tanks and five armored "
      "vehicles. Police arrested twenty-five protesters.");
  REQUIRE(figures.size() == 4);
  CHECK(figures[0].value == 1200);
  CHECK(figures[0].bound == Bound::at_least);
  CHECK(figures[0].key == "killed");
  CHECK(figures[1].value == 7);
  CHECK(figures[1].key == "lost tanks");
  CHECK(figures[2].value == 5);
  CHECK(figures[2].key == "lost vehicles");
  CHECK(figures[3].value == 25);
  CHECK(figures[3].key == "arrested protesters");
}

TEST_CASE("figures: a change is not comparable") {
  auto figures = figures_of("The toll rose from 14 to 31 overnight.");
  for (const Figure& f : figures)
    CHECK(f.changing);
}

TEST_CASE("figures: which values conflict") {
  using copydesk::analyzers::claims::values_conflict;
  CHECK(values_conflict(figure(12, Bound::exact), figure(15, Bound::exact)));
  CHECK_FALSE(values_conflict(figure(12, Bound::exact), figure(12, Bound::exact)));
  CHECK(values_conflict(figure(20, Bound::at_least), figure(15, Bound::exact)));
  CHECK_FALSE(values_conflict(figure(20, Bound::at_least), figure(25, Bound::exact)));
  CHECK(values_conflict(figure(10, Bound::at_most), figure(25, Bound::exact)));
  CHECK_FALSE(values_conflict(figure(20, Bound::about), figure(25, Bound::exact)));
  CHECK(values_conflict(figure(30, Bound::at_least), figure(20, Bound::at_most)));
}

TEST_CASE("cross-document conflicts: the same source, the same thing, two numbers") {
  using copydesk::analyzers::claims::CreditedFigure;
  using copydesk::analyzers::claims::DocumentFigures;
  CreditedFigure a{"The Coast Guard", "killed", 12, Bound::exact, false, {10, 12}, "killed 12"};
  CreditedFigure b{"the coast guard", "killed", 15, Bound::exact, false, {40, 42}, "15 died"};
  CreditedFigure other_source{"The Navy", "killed", 30, Bound::exact, false, {5, 7}, "killed 30"};
  CreditedFigure other_thing{"The Coast Guard", "injured",   40, Bound::exact, false,
                             {50, 52},          "injured 40"};
  std::vector<DocumentFigures> documents = {{"desk/first.txt", {a, other_thing}},
                                            {"desk/second.txt", {b, other_source}}};
  auto found = copydesk::analyzers::claims::cross_document_conflicts(documents);
  REQUIRE(found.size() == 2);
  CHECK(found[0].document == 0);
  CHECK(found[0].finding.rule == "claims.conflicting-figures");
  CHECK(found[0].finding.span.start == 10);
  REQUIRE(found[0].finding.related.size() == 1);
  CHECK(found[0].finding.related[0].path == "desk/second.txt");
  CHECK(found[0].finding.related[0].span.start == 40);
  CHECK(found[0].finding.message ==
        "The Coast Guard is credited here with 12 ('killed 12') and with 15 in second.txt "
        "('15 died').");
  CHECK(found[1].document == 1);
  CHECK(found[1].finding.related[0].path == "desk/first.txt");
}

TEST_CASE("credited figures come from attributions with a named source") {
  copydesk::analyzers::Document document;
  document.text = "The Coast Guard said 12 people drowned off the cape.";
  auto analysis = copydesk::analyzers::analyze(document, {});
  auto credited = copydesk::analyzers::claims::credited_figures(
      analysis.prose.prose, analysis.segmentation, analysis.annotations);
  REQUIRE(credited.size() == 1);
  CHECK(credited[0].source == "the Coast Guard");
  CHECK(credited[0].value == 12);
  CHECK(credited[0].key == "killed");
}
