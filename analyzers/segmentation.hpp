// Sentence and word segmentation (ICU) over the prose view, computed once per document version
// and shared by every recognizer.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"

namespace copydesk::analyzers {

enum class TokenKind : std::uint8_t { word, number, punctuation, symbol };

// Token flags, for recognizers that test case without re-reading the text.
enum TokenFlag : std::uint8_t {
  capitalized = 1,  // first letter upper case
  all_upper = 2,    // every letter upper case (and at least one letter)
  has_digit = 4,
  has_period = 8,  // an abbreviation-like word with an internal or trailing period ("U.S.")
};

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  std::uint8_t flags = 0;
  Span span() const { return {start, end}; }
};

struct Sentence {
  Span span;                  // trimmed of surrounding white space
  std::uint32_t first_token;  // [first_token, end_token) into Segmentation::tokens
  std::uint32_t end_token;
  std::uint32_t paragraph;
};

struct Paragraph {
  Span span;
  std::uint32_t first_sentence;  // [first_sentence, end_sentence)
  std::uint32_t end_sentence;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

// Segments each block of `prose` into sentences and tokens. Abbreviations ("Mr.", "Dr.", "U.S.",
// "Gen.", "Jan.", "No. 3") and initials ("J. R. R. Tolkien") do not end sentences.
Segmentation segment(std::string_view prose, const std::vector<Span>& blocks);

}  // namespace copydesk::analyzers
