#include "analyzers/dates/lexicon.hpp"

#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("lexicon: may_trigger() passes every form of the words that start matches but one") {
  // The scan asks may_trigger() only for a word written with a period and a possessive
  // ("Jan.'s"): for every other form of a word the lexicon files under a class that starts
  // matches, it must pass. Every word, in three cases, with every suffix the lexicon strips.
  auto starts_matches = [](const Lexeme& lexeme) {
    switch (lexeme.word_class) {
      case WordClass::none:
      case WordClass::tense:
      case WordClass::shifter:
      case WordClass::ordinal:
        return false;
      case WordClass::cardinal:
        return lexeme.value == 18 || lexeme.value == 19;
      default:
        return true;
    }
  };
  int checked = 0;
  for (std::string_view entry : lexicon_words()) {
    std::string lower(entry);
    std::string capitalized = lower;
    capitalized[0] = static_cast<char>(capitalized[0] - 'a' + 'A');
    std::string upper = lower;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (const std::string& base : {lower, capitalized, upper}) {
      for (std::string_view suffix : {"", ".", "'s", "'S", "\xE2\x80\x99s", ".'s"}) {
        std::string word = base + std::string(suffix);
        Lexeme lexeme = lookup_word(word);
        CHECK(same(lexeme, lookup_token(word, copydesk::analyzers::word_key(word))));
        if (!starts_matches(lexeme) || (lexeme.has(with_period) && lexeme.has(possessive)))
          continue;
        CAPTURE(word);
        CHECK(may_trigger(word));
        CHECK(may_trigger_key(copydesk::analyzers::word_key(word)));
        ++checked;
      }
    }
  }
  CHECK(checked > 1000);
}
