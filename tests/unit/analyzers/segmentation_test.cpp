#include "analyzers/segmentation.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace copydesk::analyzers {
namespace {

using namespace std::string_literals;

Span whole(std::string_view text) {
  return {0, static_cast<std::uint32_t>(text.size())};
}

std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.start, span.size());
}

// Joined with " | " so that a failure prints every piece.
std::string sentences_of(std::string_view text, const SegmentationOptions& options = {}) {
  const Segmentation result = segment(text, {whole(text)}, options);
  std::string joined;
  for (const Sentence& sentence : result.sentences) {
    if (!joined.empty()) joined += " | ";
    joined += slice(text, sentence.span);
  }
  return joined;
}

std::string tokens_of(std::string_view text) {
  const Segmentation result = segment(text, {whole(text)});
  std::string joined;
  for (const Token& token : result.tokens) {
    if (!joined.empty()) joined += " ";
    joined += slice(text, token.span());
  }
  return joined;
}

const Token* find_token(const Segmentation& result, std::string_view text, std::string_view word) {
  for (const Token& token : result.tokens) {
    if (slice(text, token.span()) == word) return &token;
  }
  return nullptr;
}

// What every segmentation promises, whatever the input.
void check_invariants(std::string_view text, const std::vector<Span>& blocks,
                      const Segmentation& result) {
  REQUIRE(result.paragraphs.size() == blocks.size());
  std::uint32_t next_sentence = 0;
  std::uint32_t next_token = 0;
  std::uint32_t previous_end = 0;
  for (std::size_t p = 0; p < blocks.size(); ++p) {
    const Paragraph& paragraph = result.paragraphs[p];
    CHECK(paragraph.span == blocks[p]);
    REQUIRE(paragraph.first_sentence == next_sentence);
    REQUIRE(paragraph.end_sentence >= paragraph.first_sentence);
    for (auto s = paragraph.first_sentence; s < paragraph.end_sentence; ++s) {
      const Sentence& sentence = result.sentences[s];
      CHECK(sentence.paragraph == p);
      CHECK_FALSE(sentence.span.empty());
      CHECK(sentence.span.start >= blocks[p].start);
      CHECK(sentence.span.end <= blocks[p].end);
      CHECK(sentence.span.start >= previous_end);
      previous_end = sentence.span.end;
      REQUIRE(sentence.first_token == next_token);
      REQUIRE(sentence.end_token >= sentence.first_token);
      for (auto t = sentence.first_token; t < sentence.end_token; ++t) {
        const Token& token = result.tokens[t];
        CHECK(token.start < token.end);
        CHECK(token.start >= sentence.span.start);
        CHECK(token.end <= sentence.span.end);
        if (t > 0) CHECK(token.start >= result.tokens[t - 1].end);
        for (char c : slice(text, token.span())) {
          CHECK(c != ' ');
          CHECK(c != '\n');
          CHECK(c != '\0');
        }
      }
      next_token = sentence.end_token;
    }
    next_sentence = paragraph.end_sentence;
  }
  CHECK(next_sentence == result.sentences.size());
  CHECK(next_token == result.tokens.size());
}

void check_same(const Segmentation& a, const Segmentation& b) {
  REQUIRE(a.tokens.size() == b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    CHECK(a.tokens[i].span() == b.tokens[i].span());
    CHECK(a.tokens[i].kind == b.tokens[i].kind);
    CHECK(a.tokens[i].flags == b.tokens[i].flags);
  }
  REQUIRE(a.sentences.size() == b.sentences.size());
  for (std::size_t i = 0; i < a.sentences.size(); ++i) {
    CHECK(a.sentences[i].span == b.sentences[i].span);
    CHECK(a.sentences[i].first_token == b.sentences[i].first_token);
    CHECK(a.sentences[i].end_token == b.sentences[i].end_token);
  }
}

TEST_CASE("empty input and empty blocks") {
  CHECK(segment("", {}).paragraphs.empty());

  const std::string text = "   \n  ";
  const Segmentation result = segment(text, {{0, 0}, whole(text)});
  REQUIRE(result.paragraphs.size() == 2);
  CHECK(result.sentences.empty());
  CHECK(result.tokens.empty());
  for (const Paragraph& paragraph : result.paragraphs) {
    CHECK(paragraph.first_sentence == 0);
    CHECK(paragraph.end_sentence == 0);
  }
}

TEST_CASE("sentences end at full stops, questions and exclamations") {
  CHECK(sentences_of("One fish. Two fish? Red fish! Blue fish") ==
        "One fish. | Two fish? | Red fish! | Blue fish");
  CHECK(sentences_of("Really?! Yes.") == "Really?! | Yes.");
  CHECK(sentences_of("  Padded.   Both sides.  ") == "Padded. | Both sides.");
  CHECK(sentences_of("It cost 3.5 million. Then 4.") == "It cost 3.5 million. | Then 4.");
  CHECK(sentences_of("NO PERIOD IN THIS HEADLINE") == "NO PERIOD IN THIS HEADLINE");
}

TEST_CASE("a paragraph's line breaks are spaces, its blank lines are breaks") {
  CHECK(sentences_of("Rockwell International Corp has\nreceived a contract for work\non the "
                     "bomber, the Air Force said.") ==
        "Rockwell International Corp has\nreceived a contract for work\non the bomber, the Air "
        "Force said.");
  CHECK(sentences_of("Windows line\r\nbreaks too. Then") == "Windows line\r\nbreaks too. | Then");
  CHECK(sentences_of("A title without a stop\n\nThe body.") ==
        "A title without a stop | The body.");
  CHECK(sentences_of("Spaces on the\n  \t \nblank line") == "Spaces on the | blank line");
}

TEST_CASE("titles before a name never end a sentence") {
  for (const char* title : {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Sgt.",
                            "Capt.", "Gov.", "Sen.", "Rep.", "Rev.", "Maj.", "Adm.", "Messrs."}) {
    CAPTURE(title);
    const std::string text = "We met "s + title + " Smith there. He left.";
    CHECK(sentences_of(text) == "We met "s + title + " Smith there. | He left.");
  }
  CHECK(sentences_of("It was Roe vs. Wade. Then Roe v. Wade again.") ==
        "It was Roe vs. Wade. | Then Roe v. Wade again.");
  CHECK(sentences_of("Lt. Gen. John Smith spoke.") == "Lt. Gen. John Smith spoke.");
  CHECK(sentences_of("Mr.\nSmith wrapped.") == "Mr.\nSmith wrapped.");
  CHECK(sentences_of("MR. SMITH IN CAPITALS.") == "MR. SMITH IN CAPITALS.");
}

TEST_CASE("name endings continue unless a sentence plainly starts") {
  for (const char* ending : {"St.", "Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd."}) {
    CAPTURE(ending);
    const std::string text = "It was Acme "s + ending + " Louis said so. The end.";
    CHECK(sentences_of(text) == "It was Acme "s + ending + " Louis said so. | The end.");
    const std::string ended = "He works for Acme "s + ending + " The firm is big.";
    CHECK(sentences_of(ended) == "He works for Acme "s + ending + " | The firm is big.");
  }
  CHECK(sentences_of("They live in St. Louis.") == "They live in St. Louis.");
  CHECK(sentences_of("Martin Luther King Jr. Day is a holiday.") ==
        "Martin Luther King Jr. Day is a holiday.");
  CHECK(sentences_of("Acme Inc. Chief Executive John Smith said so.") ==
        "Acme Inc. Chief Executive John Smith said so.");
  CHECK(sentences_of("Acme Inc. reported a loss.") == "Acme Inc. reported a loss.");
  CHECK(sentences_of("He moved to Sacramento, Calif. Gov. Newsom spoke.") ==
        "He moved to Sacramento, Calif. Gov. Newsom spoke.");
  // Case matters: Illinois is "Ill.", feeling unwell is not.
  CHECK(sentences_of("He was ill. Doctors came.") == "He was ill. | Doctors came.");
}

TEST_CASE("No. continues only before a number") {
  CHECK(sentences_of("He is ranked No. 3 in the world.") == "He is ranked No. 3 in the world.");
  CHECK(sentences_of("The No. 3 Seed won.") == "The No. 3 Seed won.");
  CHECK(sentences_of("The answer was No. Then he left.") == "The answer was No. | Then he left.");
  CHECK(sentences_of("He said no. Then he left.") == "He said no. | Then he left.");
  CHECK(sentences_of("See Vol. 2 and p. 14 for more.") == "See Vol. 2 and p. 14 for more.");
}

TEST_CASE("etc. ends a sentence unless a lower-case word follows") {
  CHECK(sentences_of("Apples, pears, etc. and more.") == "Apples, pears, etc. and more.");
  CHECK(sentences_of("Apples, pears, etc. The store sells fruit.") ==
        "Apples, pears, etc. | The store sells fruit.");
}

TEST_CASE("months continue before a number or a lower-case word") {
  for (const char* month : {"Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}) {
    CAPTURE(month);
    CHECK(sentences_of("It began on "s + month + " 5 in Paris.") ==
          "It began on "s + month + " 5 in Paris.");
    CHECK(sentences_of("It began in "s + month + " The end came later.") ==
          "It began in "s + month + " | The end came later.");
  }
  CHECK(sentences_of("The Sept. 11 attacks changed that.") == "The Sept. 11 attacks changed that.");
}

TEST_CASE("U.S. and other dotted initials") {
  CHECK(sentences_of("The U.S. government said so.") == "The U.S. government said so.");
  CHECK(sentences_of("The U.S. Senate voted.") == "The U.S. Senate voted.");
  CHECK(
      sentences_of("The U.K. Parliament, the U.N. Security Council and the E.U. Commission met.") ==
      "The U.K. Parliament, the U.N. Security Council and the E.U. Commission met.");
  CHECK(sentences_of("He arrived in the U.S. The next day he left.") ==
        "He arrived in the U.S. | The next day he left.");
  CHECK(sentences_of("He arrived in the U.S. He left.") == "He arrived in the U.S. | He left.");
  // Decided: a capitalized word that is not a common sentence starter continues the name, since
  // "U.S. Senate", "U.S. Treasury", "U.S. President" are far more common than a sentence
  // beginning with a bare noun.
  CHECK(sentences_of("He arrived in the U.S. Officials said he left.") ==
        "He arrived in the U.S. Officials said he left.");
  CHECK(sentences_of("Fruit, e.g. Apples, sells.") == "Fruit, e.g. Apples, sells.");
  CHECK(sentences_of("He studied at M.I.T. and left.") == "He studied at M.I.T. and left.");
}

TEST_CASE("a.m. and p.m. continue before a time zone or a lower-case word") {
  CHECK(sentences_of("It ended at 3 p.m. Officials said so.") ==
        "It ended at 3 p.m. | Officials said so.");
  CHECK(sentences_of("It ended at 3 p.m. EST on Monday.") == "It ended at 3 p.m. EST on Monday.");
  CHECK(sentences_of("It began at 9 a.m. local time.") == "It began at 9 a.m. local time.");
  CHECK(sentences_of("It began at 9 A.M. Eastern time.") == "It began at 9 A.M. Eastern time.");
}

TEST_CASE("initials") {
  CHECK(sentences_of("J. R. R. Tolkien wrote it.") == "J. R. R. Tolkien wrote it.");
  CHECK(sentences_of("George W. Bush spoke. He left.") == "George W. Bush spoke. | He left.");
  CHECK(sentences_of("Write to J. A. Smith today.") == "Write to J. A. Smith today.");
  CHECK(sentences_of("They chose Plan B. The rest failed.") ==
        "They chose Plan B. | The rest failed.");
}

TEST_CASE("without the abbreviation pass, ICU's breaks stand") {
  SegmentationOptions plain;
  plain.merge_abbreviations = false;
  CHECK(sentences_of("We met Mr. Smith there.", plain) == "We met Mr. | Smith there.");
  CHECK(sentences_of("The U.S. government said so.", plain) == "The U.S. government said so.");
}

TEST_CASE("closing quotes and brackets stay with their sentence") {
  CHECK(sentences_of("He said \"Go.\" Then he left.") == "He said \"Go.\" | Then he left.");
  CHECK(sentences_of("He said “Go.” Then he left.") == "He said “Go.” | Then he left.");
  CHECK(sentences_of("He said ‘Go.’ Then he left.") == "He said ‘Go.’ | Then he left.");
  CHECK(sentences_of("(See above.) Next.") == "(See above.) | Next.");
  CHECK(sentences_of("“Stop!” She ran.") == "“Stop!” | She ran.");
  // A question quoted before its attribution is one sentence in news copy.
  CHECK(sentences_of("“Why?” he asked. “Now!” she said.") == "“Why?” he asked. | “Now!” she said.");
  CHECK(sentences_of("\"Why?\" he asked.") == "\"Why?\" he asked.");
}

TEST_CASE("ellipses and dashes") {
  CHECK(sentences_of("He paused… Then he left.") == "He paused… | Then he left.");
  CHECK(sentences_of("He paused… and then left.") == "He paused… and then left.");
  CHECK(sentences_of("He paused... Then he left.") == "He paused... | Then he left.");
  CHECK(sentences_of("He came — and went. Then") == "He came — and went. | Then");
  CHECK(tokens_of("He came — and… went...") == "He came — and … went . . .");
}

TEST_CASE("token kinds") {
  const std::string text = "U.S. GDP rose 3.5% to $1,000 — €2 a day — in 2024, Mr. O'Brien said.";
  const Segmentation result = segment(text, {whole(text)});
  CHECK(tokens_of(text) ==
        "U.S. GDP rose 3.5 % to $ 1,000 — € 2 a day — in 2024 , Mr. O'Brien said .");
  auto kind = [&](std::string_view word) {
    const Token* token = find_token(result, text, word);
    REQUIRE(token != nullptr);
    return token->kind;
  };
  CHECK(kind("U.S.") == TokenKind::word);
  CHECK(kind("rose") == TokenKind::word);
  CHECK(kind("O'Brien") == TokenKind::word);
  CHECK(kind("3.5") == TokenKind::number);
  CHECK(kind("1,000") == TokenKind::number);
  CHECK(kind("2024") == TokenKind::number);
  CHECK(kind("%") == TokenKind::symbol);
  CHECK(kind("$") == TokenKind::symbol);
  CHECK(kind("€") == TokenKind::symbol);
  CHECK(kind(",") == TokenKind::punctuation);
  CHECK(kind("—") == TokenKind::punctuation);
  CHECK(kind(".") == TokenKind::punctuation);

  // ICU's rule: the last character decides.
  const std::string mixed = "B1 3rd";
  const Segmentation segments = segment(mixed, {whole(mixed)});
  REQUIRE(segments.tokens.size() == 2);
  CHECK(segments.tokens[0].kind == TokenKind::number);
  CHECK(segments.tokens[1].kind == TokenKind::word);
}

TEST_CASE("token flags") {
  const std::string text = "The U.S. GDP of McDonald's rose 3rd in 1987 for Ph.D students, iPhone.";
  const Segmentation result = segment(text, {whole(text)});
  auto flags = [&](std::string_view word) {
    const Token* token = find_token(result, text, word);
    REQUIRE(token != nullptr);
    return token->flags;
  };
  CHECK(flags("The") == capitalized);
  CHECK(flags("U.S.") == (capitalized | all_upper | has_period));
  CHECK(flags("GDP") == (capitalized | all_upper));
  CHECK(flags("McDonald's") == capitalized);
  CHECK(flags("rose") == 0);
  CHECK(flags("3rd") == has_digit);
  CHECK(flags("1987") == has_digit);
  CHECK(flags("Ph.D") == (capitalized | has_period));
  CHECK(flags("iPhone") == 0);
  CHECK(flags(",") == 0);

  const std::string accented = "ÉCOLE Élan ñandú 東京";
  const Segmentation other = segment(accented, {whole(accented)});
  REQUIRE(other.tokens.size() == 4);
  CHECK(other.tokens[0].flags == (capitalized | all_upper));
  CHECK(other.tokens[1].flags == capitalized);
  CHECK(other.tokens[2].flags == 0);
  CHECK(other.tokens[3].flags == 0);  // no case at all
}

TEST_CASE("abbreviations take their period") {
  CHECK(tokens_of("Mr. Smith of Acme Inc. met U.S. officials at 3 p.m. on Jan. 5.") ==
        "Mr. Smith of Acme Inc. met U.S. officials at 3 p.m. on Jan. 5 .");
  CHECK(tokens_of("He is No. 3. The answer is no.") == "He is No. 3 . The answer is no .");
  CHECK(tokens_of("J. R. R. Tolkien") == "J. R. R. Tolkien");
  CHECK(tokens_of("He works for Acme Inc.") == "He works for Acme Inc.");
  CHECK(tokens_of("U.S.-based") == "U.S. - based");
  const std::string text = "Acme Inc.";
  const Segmentation result = segment(text, {whole(text)});
  REQUIRE(result.tokens.size() == 2);
  CHECK(result.tokens[1].flags == (capitalized | has_period));
}

TEST_CASE("Chinese and Japanese words, emoji and marks keep exact offsets") {
  const std::string japanese = "東京で会いました。";
  const Segmentation result = segment(japanese, {whole(japanese)});
  check_invariants(japanese, {whole(japanese)}, result);
  REQUIRE(result.tokens.size() >= 3);
  CHECK(slice(japanese, result.tokens.front().span()) == "東京");
  CHECK(result.tokens.front().span() == Span{0, 6});
  CHECK(result.tokens.front().kind == TokenKind::word);
  CHECK(slice(japanese, result.tokens.back().span()) == "。");
  CHECK(result.tokens.back().kind == TokenKind::punctuation);
  std::uint32_t end = 0;  // the words tile the text
  for (const Token& token : result.tokens) {
    CHECK(token.start == end);
    end = token.end;
  }
  CHECK(end == japanese.size());
  CHECK(tokens_of("我们在北京。") == "我们 在 北京 。");
  CHECK(sentences_of("我们在北京。我们走了。") == "我们在北京。 | 我们走了。");

  const std::string emoji = "Great 😀 👨‍👩‍👧 🇺🇸🇫🇷 👍🏽 news";
  CHECK(tokens_of(emoji) == "Great 😀 👨‍👩‍👧 🇺🇸 🇫🇷 👍🏽 news");
  const Segmentation symbols = segment(emoji, {whole(emoji)});
  REQUIRE(symbols.tokens.size() == 7);
  CHECK(symbols.tokens[1].span() == Span{6, 10});
  CHECK(symbols.tokens[2].span() == Span{11, 29});  // three people and two joiners
  for (std::size_t i = 1; i < 6; ++i) {
    CHECK(symbols.tokens[i].kind == TokenKind::symbol);
  }

  CHECK(tokens_of("cafe\u0301 naïve Zürich Ελλάδα Москва") ==
        "cafe\u0301 naïve Zürich Ελλάδα Москва");
}

TEST_CASE("invalid UTF-8 and NUL bytes") {
  const std::string text = "abc\xff\xfe def\0ghi \xc3 jkl\xe2\x80 \x80\x80. Next\xf0\x9f."s;
  const Segmentation result = segment(text, {whole(text)});
  check_invariants(text, {whole(text)}, result);
  CHECK(tokens_of(text) == "abc def ghi jkl . Next .");
  for (const Token& token : result.tokens) {
    for (char c : slice(text, token.span())) {
      CHECK(static_cast<unsigned char>(c) < 0x80);
    }
  }
  CHECK(sentences_of("\xff\xfe") == "");
  CHECK(sentences_of("\0\0\0"s) == "");
}

TEST_CASE("random bytes keep every invariant") {
  std::mt19937 random(20240312);
  const std::vector<std::string> pieces = {"a",
                                           "B",
                                           " ",
                                           ". ",
                                           "?",
                                           "\"",
                                           "U.S.",
                                           "Mr.",
                                           "No.",
                                           "3",
                                           "\n",
                                           "\n\n",
                                           "é",
                                           "—",
                                           "…",
                                           "’",
                                           "”",
                                           "東京",
                                           "😀",
                                           "\xe2\x80\x8d",
                                           "\xcc\x81",
                                           "\xff",
                                           "\xc3",
                                           "\t",
                                           "\r\n",
                                           "ไทย",
                                           "\xe2\x80\xa8",
                                           "\xef\xbb\xbf",
                                           std::string(1, '\0')};
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 30);
    for (int i = 0; i < length; ++i) {
      text += random() % 8 == 0 ? std::string(1, static_cast<char>(random() % 256))
                                : pieces[random() % pieces.size()];
    }
    std::vector<Span> blocks;
    for (std::uint32_t at = 0; at < text.size();) {
      const std::uint32_t start = at + static_cast<std::uint32_t>(random() % 3);
      if (start > text.size()) break;
      const auto end = std::min<std::uint32_t>(
          start + static_cast<std::uint32_t>(random() % (text.size() + 1)), text.size());
      blocks.push_back({start, end});
      at = end;
    }
    CAPTURE(text);
    for (const bool merge : {true, false}) {
      for (const bool fast : {true, false}) {
        SegmentationOptions options;
        options.merge_abbreviations = merge;
        options.fast_paths = fast;
        check_invariants(text, blocks, segment(text, blocks, options));
      }
    }
  }
}

TEST_CASE("the fast paths find exactly ICU's boundaries") {
  // Random text from characters the fast paths handle, and some they hand to ICU.
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"a",
                                           "B",
                                           "1",
                                           ".",
                                           "'",
                                           ",",
                                           ";",
                                           ":",
                                           "_",
                                           "@",
                                           " ",
                                           "  ",
                                           "\n",
                                           "\t",
                                           "\"",
                                           "-",
                                           "’",
                                           "‘",
                                           "“",
                                           "”",
                                           "—",
                                           "–",
                                           "…",
                                           "\xC2\xA0",
                                           "é",
                                           "€",
                                           "·",
                                           "$",
                                           "%",
                                           "?",
                                           "!",
                                           "(",
                                           ")",
                                           "Ω",
                                           "ω",
                                           "U.S.",
                                           "Mr.",
                                           "e.g.",
                                           "...",
                                           "He",
                                           "the",
                                           "No.",
                                           "3",
                                           "東",
                                           "😀",
                                           "\xcc\x81",
                                           "\xe2\x80\x8d",
                                           "\xff",
                                           "א"};
  SegmentationOptions icu;
  icu.fast_paths = false;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 16);
    for (int i = 0; i < length; ++i)
      text += pieces[random() % pieces.size()];
    CAPTURE(text);
    check_same(segment(text, {whole(text)}), segment(text, {whole(text)}, icu));
  }

  const std::string news =
      "WASHINGTON, Feb. 26 — Rockwell International Corp. said on Tuesday it had received a "
      "$28.3 million contract for work on the B-1B bomber, the U.S. Air Force said.\n"
      "“We’re pleased,” Dr. Jane O’Neil, 54, told Reuters at 3 p.m. EST. “It’s a big deal…” "
      "Shares rose 2.5% to 1,234.50 yen in Tokyo (東京) — up from ¥1,200 — and Zürich. Why? "
      "Nobody knows! See No. 3 e.g. pp. 4-5, etc. The end.";
  check_same(segment(news, {whole(news)}), segment(news, {whole(news)}, icu));
}

TEST_CASE("blocks become paragraphs with their own sentences") {
  const std::string text =
      "First paragraph. It has two sentences.\n"
      "\n"
      "   \n"
      "Second one?\n"
      "\n"
      "Third, with Mr. Smith.";
  const std::vector<Span> blocks = {{0, 38}, {40, 43}, {44, 55}, {57, 79}};
  REQUIRE(text.substr(44, 11) == "Second one?");
  REQUIRE(text.substr(57) == "Third, with Mr. Smith.");
  const Segmentation result = segment(text, blocks);
  check_invariants(text, blocks, result);
  REQUIRE(result.paragraphs.size() == 4);
  CHECK(result.paragraphs[0].end_sentence - result.paragraphs[0].first_sentence == 2);
  CHECK(result.paragraphs[1].first_sentence == result.paragraphs[1].end_sentence);  // blank
  CHECK(result.paragraphs[2].end_sentence - result.paragraphs[2].first_sentence == 1);
  CHECK(result.paragraphs[3].end_sentence - result.paragraphs[3].first_sentence == 1);
  REQUIRE(result.sentences.size() == 4);
  CHECK(slice(text, result.sentences[1].span) == "It has two sentences.");
  CHECK(result.sentences[2].paragraph == 2);
  CHECK(slice(text, result.sentences[3].span) == "Third, with Mr. Smith.");
  CHECK(result.sentences[3].paragraph == 3);
}

TEST_CASE("masked bytes are spaces that make no tokens") {
  // The prose view of "Read [the docs](https://x.y) now. <!-- c -->": same length, syntax masked.
  const std::string original = "Read [the docs](https://x.y) now. <!-- c -->";
  std::string masked = original;
  const auto mask = [&](std::string_view part) {
    const auto at = original.find(part);
    masked.replace(at, part.size(), part.size(), ' ');
  };
  mask("[");
  mask("](https://x.y)");
  mask("<!-- c -->");
  REQUIRE(masked.size() == original.size());
  const Segmentation result = segment(masked, {whole(masked)});
  CHECK(tokens_of(masked) == "Read the docs now .");
  REQUIRE(result.sentences.size() == 1);
  CHECK(slice(original, result.sentences[0].span) == "Read [the docs](https://x.y) now.");
}

TEST_CASE("blocks out of range or out of order are clipped") {
  const std::string text = "One. Two.";
  const std::vector<Span> blocks = {{0, 100}, {2, 5}, {7, 3}};
  const Segmentation result = segment(text, blocks);
  REQUIRE(result.paragraphs.size() == 3);
  CHECK(result.sentences.size() == 2);
  for (const Sentence& sentence : result.sentences) {
    CHECK(sentence.span.end <= text.size());
  }
  CHECK(result.paragraphs[1].first_sentence == result.paragraphs[1].end_sentence);
  CHECK(result.paragraphs[2].first_sentence == result.paragraphs[2].end_sentence);
}

TEST_CASE("segment() may be called from several threads at once") {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "Mr. Smith of the U.S. said “東京 is big.” Shares rose 3.5% on Jan. 5. Why? ";
  }
  const Segmentation expected = segment(text, {whole(text)});
  std::vector<Segmentation> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&text, &result] {
      for (int i = 0; i < 10; ++i)
        result = segment(text, {whole(text)});
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto& result : results)
    check_same(result, expected);
}

}  // namespace
}  // namespace copydesk::analyzers
