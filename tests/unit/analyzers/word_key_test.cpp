#include "analyzers/word_key.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/attributions/lexicon.hpp"
#include "analyzers/claims/lexicon.hpp"
#include "analyzers/segmentation.hpp"

using namespace copydesk::analyzers;

TEST_CASE("word_key: case and the typographic apostrophe do not change the key") {
  CHECK(word_key("Said") == word_key("said"));
  CHECK(word_key("SAID") == word_key("said"));
  CHECK(word_key("don\xE2\x80\x99t") == word_key("don't"));
  CHECK(word_key("said") != word_key("says"));
  CHECK(word_key("said") != kNoWordKey);
}

TEST_CASE("word_key: words over 32 bytes have no key") {
  CHECK(word_key(std::string(32, 'a')) != kNoWordKey);
  CHECK(word_key(std::string(33, 'a')) == kNoWordKey);
}

TEST_CASE("normalizes_to compares a word as written with a lower-case key") {
  CHECK(normalizes_to("Said", "said"));
  CHECK(normalizes_to("DON\xE2\x80\x99T", "don't"));
  CHECK_FALSE(normalizes_to("Said", "sai"));
  CHECK_FALSE(normalizes_to("Sai", "said"));
  CHECK_FALSE(normalizes_to("Saïd", "said"));
}

TEST_CASE("lexicons find a token by its key as they find its lower-cased text") {
  for (std::string word : {"Said", "told", "According", "reportedly", "Allegedly", "may", "mln",
                           "Yusov", "don\xE2\x80\x99t"}) {
    CAPTURE(word);
    std::string lower;
    for (char c : word)
      lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower == "don\xE2\x80\x99t") lower = "don't";
    const attributions::WordInfo by_text = attributions::lookup_word(lower);
    const attributions::WordInfo by_key = attributions::lookup_token(word, word_key(word));
    CHECK(by_text.classes == by_key.classes);
    CHECK(by_text.cue == by_key.cue);
    CHECK(claims::lookup_word(word) == claims::lookup_token(word, word_key(word)));
  }
}

TEST_CASE("segment() keys every word token and no other") {
  const std::string prose = "Officials said 3 tanks were hit.";
  Segmentation segmentation = segment(prose, {{0, static_cast<std::uint32_t>(prose.size())}});
  REQUIRE(segmentation.word_keys.size() == segmentation.tokens.size());
  for (std::size_t i = 0; i < segmentation.tokens.size(); ++i) {
    const Token& t = segmentation.tokens[i];
    CAPTURE(prose.substr(t.start, t.end - t.start));
    if (t.kind == TokenKind::word)
      CHECK(segmentation.word_keys[i] == word_key(prose.substr(t.start, t.end - t.start)));
    else
      CHECK(segmentation.word_keys[i] == kNoWordKey);
  }
}

TEST_CASE("constant_word_key gives the run-time key") {
  static_assert(constant_word_key("said") != kNoWordKey);
  for (const std::string& word :
       std::vector<std::string>{"said", "Said", "SAID", "don\xE2\x80\x99t", "don't", "Tuesday", "a",
                                std::string(32, 'x'), std::string(33, 'x')}) {
    CAPTURE(word);
    CHECK(word_key(word) == constant_word_key(word));
  }
}
