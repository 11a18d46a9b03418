// Recognition: finds temporal expressions by walking the shared tokens of each sentence. A token
// starts a match only if it is a number or a word of the temporal lexicon (a month, a weekday, a
// unit, "today", "now", ...); everything else costs one bit test on its word key. Modifiers
// ("last", "the past", "three", "early", "about") are taken in by looking left from the word that
// triggered the match, and complements ("ago", ", 2024", "Moscow time") by looking right.
//
// Extents follow TimeML's TIMEX3: "Tuesday", "March 12", "the last week", "three days",
// "about 3:00 am Moscow time"; prepositions are left out; "from March 15 till March 17" is two
// expressions; "three days before the vote" is the duration "three days".
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/dates/expression.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::dates {

// The word key of each token of `tokens` (kNoWordKey for all but words), as segment() fills
// Segmentation::word_keys; for a Segmentation built without them.
std::vector<std::uint64_t> word_keys_of(std::string_view prose, const std::vector<Token>& tokens);

// Per-token storage for a Recognizer, which a caller may keep for the next document instead of
// allocating it again.
struct RecognizerBuffers {
  std::vector<std::uint8_t> starts;  // 1 where a sentence starts
  // The lexeme of each token, worked out on first use: the scan looks up only words that may
  // start a match; others are looked up when a matcher reads them.
  std::vector<Lexeme> lexemes;
  std::vector<std::uint8_t> looked_up;
};

class Recognizer {
 public:
  // `word_keys` holds the word key of every token of `segmentation` (see word_keys_of()).
  Recognizer(std::string_view prose, const Segmentation& segmentation,
             const std::uint64_t* word_keys, RecognizerBuffers& buffers);

  // Appends the expressions in tokens [first_token, end_token) in text order; they never
  // overlap. The range is a paragraph: an expression may run over a sentence break the
  // segmenter made after an abbreviation ("at 9 a.m. Tuesday").
  void scan(std::uint32_t first_token, std::uint32_t end_token, std::vector<Expr>& out);

 private:
  using Index = std::uint32_t;

  // Token access, bounded by the current range: out-of-range tokens match nothing.
  // One comparison: below first_, i - first_ wraps around to a large number.
  bool in(Index i) const { return i - first_ < end_ - first_; }
  const Token& token(Index i) const { return tokens_[i]; }
  std::string_view text(Index i) const {
    // Not substr(): every token lies in the prose, so there is nothing to check.
    return {prose_.data() + tokens_[i].start, tokens_[i].end - tokens_[i].start};
  }
  // Inlined when the token has been looked up already, as most that matchers read have.
  Lexeme lexeme(Index i) const {
    if (in(i) && looked_up_[i]) return lexemes_[i];
    return look_up(i);
  }
  Lexeme look_up(Index i) const;
  WordClass word_class(Index i) const { return lexeme(i).word_class; }
  bool is(Index i, WordClass word_class) const { return lexeme(i).word_class == word_class; }
  // Whether token i is the word `lower` in any case. Keys are kNoWordKey for tokens that are
  // not words, and a literal's never is. Inlined: the matchers test a token against a dozen
  // words in a row, and then the token's key is loaded once and each word costs a comparison.
  [[gnu::always_inline]] bool word(Index i, WordLiteral lower) const {
    return in(i) && keys_[i] == lower.key && spelled(i, lower.text);
  }
  bool spelled(Index i, std::string_view lower) const;  // token i is `lower` in any case
  // Whether token i is any of `words`: its key is loaded once and compared with each word's.
  template <std::size_t N>
  bool word_in(Index i, const WordLiteral (&words)[N]) const {
    if (!in(i)) return false;
    std::uint64_t key = keys_[i];
    for (const WordLiteral& lower : words)
      if (key == lower.key && spelled(i, lower.text)) return true;
    return false;
  }
  // Inlined, as the tests on single tokens below are: the matchers make many of them.
  bool punct(Index i, char c) const {
    return in(i) && tokens_[i].kind != TokenKind::word && tokens_[i].kind != TokenKind::number &&
           tokens_[i].end == tokens_[i].start + 1 && prose_[tokens_[i].start] == c;
  }
  bool dash(Index i) const {  // "-", "–" or "—"
    if (!in(i) || tokens_[i].kind == TokenKind::word || tokens_[i].kind == TokenKind::number)
      return false;
    std::uint32_t size = tokens_[i].end - tokens_[i].start;
    if (size == 1) return prose_[tokens_[i].start] == '-';
    return size == 3 && (text(i) == "\xE2\x80\x93" || text(i) == "\xE2\x80\x94");
  }
  bool touching(Index left, Index right) const {
    return in(left) && in(right) && tokens_[left].end == tokens_[right].start;
  }
  bool capitalized(Index i) const {
    return in(i) && (tokens_[i].flags & TokenFlag::capitalized) != 0;
  }
  bool sentence_start(Index i) const { return in(i) && starts_[i] != 0; }
  bool lower_word(Index i) const {  // a word token starting with a lower-case letter
    if (!in(i) || tokens_[i].kind != TokenKind::word) return false;
    char c = prose_[tokens_[i].start];
    return c >= 'a' && c <= 'z';
  }
  int integer(Index i) const {  // a number token of plain digits (at most nine), else -1
    if (!in(i) || tokens_[i].kind != TokenKind::number) return -1;
    std::string_view t = text(i);
    if (t.size() > 9) return -1;
    int value = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  int digit_count(Index i) const { return integer(i) >= 0 ? static_cast<int>(text(i).size()) : 0; }

  bool number_may_start(Index i) const;

  // Tries the matcher for the token at `i` (a number number_may_start() let through, or a word
  // of `word_class`); on success appends what it found (and perhaps a range's second day) and
  // returns true.
  bool match_at(Index i, WordClass word_class, std::vector<Expr>& out);

  // Matchers: each reads from the core token at `i` and fills `e` on success.
  bool match_number(Index i, Expr& e);
  bool match_digit_word(Index i, Expr& e);
  bool match_month(Index i, Expr& e, bool from_weekday);
  bool match_weekday(Index i, Expr& e);
  bool match_unit(Index i, Expr& e);
  bool match_day_deixis(Index i, Expr& e);
  bool match_part_of_day(Index i, Expr& e);
  bool match_clock_word(Index i, Expr& e);
  bool match_season(Index i, Expr& e);
  bool match_reference(Index i, Expr& e);
  bool match_set_adverb(Index i, Expr& e);
  bool match_holiday(Index i, Expr& e);
  bool match_cardinal(Index i, Expr& e);
  bool match_decade_word(Index i, Expr& e);

  // Pieces shared by the matchers.
  bool read_time(Index i, Expr& e);         // a clock time starting at i, with its zone
  Index read_zone(Index i, Expr& e);        // a zone at i; returns the index after it (i: none)
  Index read_meridiem(Index i, int& hour);  // "am", "p.m." at i; returns the index after it
  Index read_year(Index i, int& year, Span& span) const;  // "2024", "nineteen ninety-six"
  Index read_day_of_month(Index i, int& day) const;       // "12", "12th", "twelfth"
  Index read_time_day(Index i, Expr& e);           // a day after a clock time: "Tuesday", "Nov. 9"
  Index read_part_of_day_after(Index i, Expr& e);  // "morning" after "Tuesday", "yesterday"
  bool read_quantity_left(Index end, double& amount, bool& vague, Index& first) const;
  void extend_position(Expr& e) const;       // "early", "late", "mid-", "the end of", ...
  void extend_approximation(Expr& e) const;  // "about", "more than", "at least", ...
  void extend_shift(Expr& e) const;          // "last", "next", "this", "this past", ...
  bool in_news_dateline(const Expr& e) const;
  void finish(Expr& e, std::vector<Expr>& out);
  void maybe_range_end(const Expr& first, std::vector<Expr>& out);

  std::string_view prose_;
  const std::vector<Token>& tokens_;
  const std::uint64_t* keys_;  // per token
  const std::vector<Sentence>& sentences_;
  // Per token (see RecognizerBuffers).
  const std::vector<std::uint8_t>& starts_;
  std::vector<Lexeme>& lexemes_;
  std::vector<std::uint8_t>& looked_up_;
  Index first_ = 0;
  Index end_ = 0;
  Index floor_ = 0;  // the end of the last expression found: left extensions stop there
};

}  // namespace copydesk::analyzers::dates
