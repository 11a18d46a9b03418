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

namespace {

bool same(const Lexeme& a, const Lexeme& b) {
  return a.word_class == b.word_class && a.flags == b.flags && a.value == b.value;
}

}  // namespace

TEST_CASE("lexicon: a token found by its word key is found as by its text") {
  // Entries in every case and with every suffix lookup_word() strips, typographic apostrophes,
  // duplicates ("sat"), words it refuses ("won\u2019t" is not ASCII) and words it does not know.
  const char* words[] = {"March",
                         "MARCH",
                         "march.",
                         "Mar.",
                         "Mar",
                         "Jan.'s",
                         "Jan.\xE2\x80\x99s",
                         "Friday's",
                         "FRIDAY'S",
                         "Friday\xE2\x80\x99s",
                         "FRIDAY\xE2\x80\x99S",
                         "year's",
                         "years",
                         "sat",
                         "Sat.",
                         "won't",
                         "won\xE2\x80\x99t",
                         "Won't's",
                         "said",
                         "Said.",
                         "thanksgiving",
                         "Thanksgiving's",
                         "ministry",
                         "a",
                         "the",
                         "internationalization",
                         "caf\xC3\xA9",
                         "o'clock",
                         "'s",
                         "s's",
                         "today",
                         "Today's"};
  for (std::string_view word : words) {
    CAPTURE(word);
    CHECK(same(lookup_token(word, copydesk::analyzers::word_key(word)), lookup_word(word)));
  }
}

TEST_CASE("lexicon: the key filter passes every word that may start a match") {
  // A word may_trigger() passes and the lexicon files under a class that starts matches must
  // pass may_trigger_key(); most others do not.
  const char* triggers[] = {"March",     "Mar.",     "Tuesday",  "Tuesdays",
                            "Tues.",     "years",    "Year's",   "today",
                            "noon",      "spring",   "now",      "daily",
                            "Christmas", "nineties", "nineteen", "Friday\xE2\x80\x99s"};
  for (std::string_view word : triggers) {
    CAPTURE(word);
    CHECK(may_trigger(word));
    CHECK(may_trigger_key(copydesk::analyzers::word_key(word)));
  }
  int passed = 0;
  const char* others[] = {"the",   "said",    "government", "last",     "three",
                          "first", "of",      "and",        "minister", "percent",
                          "will",  "company", "market",     "would",    "bank"};
  for (std::string_view word : others)
    passed += may_trigger_key(copydesk::analyzers::word_key(word));
  CHECK(passed <= 2);
}

TEST_CASE("lexicon: a word literal's key is the key of the word as written") {
  constexpr WordLiteral of = "of";
  CHECK(of.key == copydesk::analyzers::word_key("OF"));
  constexpr WordLiteral oclock =
      "o\xE2\x80\x99"
      "clock";
  CHECK(oclock.key == copydesk::analyzers::word_key("o'clock"));
  CHECK(oclock.text.size() == 9);
  CHECK(is_word("Of", copydesk::analyzers::word_key("Of"), "of"));
  CHECK_FALSE(is_word("off", copydesk::analyzers::word_key("off"), "of"));
}
