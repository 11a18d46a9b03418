#include "analyzers/dates/lexicon.hpp"

#include <doctest/doctest.h>

using namespace copydesk::analyzers::dates;

TEST_CASE("lexicon: temporal words in any case") {
  CHECK(lookup_word("March").word_class == WordClass::month);
  CHECK(lookup_word("MARCH").value == 3);
  CHECK(lookup_word("tuesday").word_class == WordClass::weekday);
  CHECK(lookup_word("Tuesdays").has(plural));
  CHECK(lookup_word("years").word_class == WordClass::unit);
  CHECK(lookup_word("twenty").value == 20);
  CHECK(lookup_word("yesterday").value == -1);
  CHECK(lookup_word("noon").value == 720);
  CHECK(lookup_word("annually").word_class == WordClass::set_adverb);
}

TEST_CASE("lexicon: periods and possessives are stripped and flagged") {
  Lexeme jan = lookup_word("Jan.");
  CHECK(jan.word_class == WordClass::month);
  CHECK(jan.has(abbreviation));
  CHECK(jan.has(with_period));
  Lexeme friday = lookup_word("Friday's");
  CHECK(friday.word_class == WordClass::weekday);
  CHECK(friday.has(possessive));
  CHECK(lookup_word("year\xE2\x80\x99s").has(possessive));
}

TEST_CASE("lexicon: everything else is rejected") {
  CHECK_FALSE(lookup_word("ministry"));
  CHECK_FALSE(lookup_word("a"));
  CHECK_FALSE(lookup_word("internationalization"));  // longer than any entry
  CHECK_FALSE(lookup_word("caf\xC3\xA9"));
  CHECK_FALSE(lookup_word(""));
  CHECK(equals_lower("Tuesday", "tuesday"));
  CHECK_FALSE(equals_lower("Tuesdays", "tuesday"));
}
