// Sentence and word segmentation (ICU) over the prose view, computed once per document version
// and shared by every recognizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/annotations.hpp"

namespace copydesk::analyzers {

// Words and numbers are ICU's word segments: a number ends in a digit ("3.5", "1,000", "B1"), a
// word in a letter ("3rd", "O'Brien", "東京"). Punctuation and symbols are one token per
// character, with combining marks, emoji modifiers and zero-width-joiner sequences attached.
// Symbols are Unicode symbols (Sm, Sc, Sk, So: "$", "€", "+", emoji) and percent signs ("%", "‰").
enum class TokenKind : std::uint8_t { word, number, punctuation, symbol };

// Token flags, for recognizers that test case without re-reading the text.
enum TokenFlag : std::uint8_t {
  capitalized = 1,  // first character is an upper- or title-case letter
  all_upper = 2,    // at least one upper-case letter and no lower-case letter ("US", "U.S.", "1B")
  has_digit = 4,
  // A word with an internal or trailing period: "U.S.", "a.m.", "Ph.D". A word token takes the
  // period that follows it when it is an abbreviation ("Mr.", "Inc.", "Jan.", "No." before a
  // number, an initial "J."), even when that period also ends the sentence.
  has_period = 8,
};

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  std::uint8_t flags = 0;
  Span span() const { return {start, end}; }
};

struct Sentence {
  Span span;                      // trimmed of white space, control and format characters
  std::uint32_t first_token = 0;  // [first_token, end_token) into Segmentation::tokens
  std::uint32_t end_token = 0;
  std::uint32_t paragraph = 0;
};

// One per block, in block order: paragraphs[i].span == blocks[i]. A block with no text has an
// empty sentence range.
struct Paragraph {
  Span span;
  std::uint32_t first_sentence = 0;  // [first_sentence, end_sentence)
  std::uint32_t end_sentence = 0;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  // Per token: word_key() of a word token's text, kNoWordKey for other tokens. The lexicons of
  // attributions and claims probe with it; segment() fills it, and a Segmentation built by hand
  // may leave it empty (readers then compute keys themselves).
  std::vector<std::uint64_t> word_keys;
};

// Fills segmentation.word_keys from its tokens.
void compute_word_keys(std::string_view prose, Segmentation& segmentation);

struct SegmentationOptions {
  // Merges sentence breaks after abbreviations and initials, and gives abbreviation tokens their
  // period. Off only to measure or compare against plain ICU.
  bool merge_abbreviations = true;
  // Finds sentence and word boundaries in ASCII, Latin, Greek and Cyrillic text with common
  // punctuation without calling ICU, exactly as ICU's iterators would (tests compare the two);
  // other text goes to ICU. Off: every boundary comes from ICU, at a quarter of the speed.
  bool fast_paths = true;
};

// Segments each block of `prose` into sentences and tokens. Abbreviations ("Mr.", "Dr.", "U.S.",
// "Gen.", "Jan.", "No. 3") and initials ("J. R. R. Tolkien") do not end sentences.
//
// A block is a paragraph: a line break inside it is a space (wrapped text), a blank line inside
// it is a sentence break. A closing quote after a full stop stays in its sentence ("Go." / “Go.”);
// a question or exclamation followed by a lower-case word does not end one ("“Why?” he asked").
// Every sentence and token lies inside its block, every token inside its sentence; white space,
// control characters and invalid UTF-8 make no tokens. Blocks are expected in order and disjoint;
// ones that are not are clipped to the text and to the previous block. Safe to call from several
// threads at once.
Segmentation segment(std::string_view prose, const std::vector<Span>& blocks);
Segmentation segment(std::string_view prose, const std::vector<Span>& blocks,
                     const SegmentationOptions& options);

// Remembers the segmentation of each paragraph by its text, so that segmenting the next version
// of a document redoes only the paragraphs that changed: a keystroke changes one. (Harper caches
// its lints per paragraph for the same reason.) It keeps the paragraphs the last call used, so
// it holds one document's worth. One per document; calls on one cache take turns.
class SegmentationCache {
 public:
  struct Stats {
    std::size_t hits = 0;    // paragraphs taken from the cache by the last call
    std::size_t misses = 0;  // paragraphs segmented by the last call
  };
  Stats last_call() const {
    std::lock_guard lock(mutex_);
    return stats_;
  }

 private:
  friend Segmentation segment(std::string_view, const std::vector<Span>&, SegmentationCache&);
  struct Block {  // offsets relative to the paragraph's start
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
  };
  using Blocks = std::unordered_map<std::string, Block>;
  mutable std::mutex mutex_;
  Blocks blocks_;
  Stats stats_;
};

// The same result as segment(prose, blocks), with unchanged paragraphs taken from `cache`.
Segmentation segment(std::string_view prose, const std::vector<Span>& blocks,
                     SegmentationCache& cache);

}  // namespace copydesk::analyzers
