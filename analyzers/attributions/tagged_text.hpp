// The shared tokens with what the attribution lexicon knows of each, looked up once per document:
// every later stage tests bits instead of comparing strings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/attributions/lexicon.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::attributions {

class TaggedText {
 public:
  TaggedText(std::string_view prose, const Segmentation& segmentation);

  std::string_view prose() const { return prose_; }
  const Segmentation& segmentation() const { return segmentation_; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(infos_.size()); }

  const Token& token(std::uint32_t i) const { return segmentation_.tokens[i]; }
  std::string_view text(std::uint32_t i) const {
    const Token& t = segmentation_.tokens[i];
    return prose_.substr(t.start, t.end - t.start);
  }
  const WordInfo& info(std::uint32_t i) const { return infos_[i]; }
  bool has(std::uint32_t i, std::uint32_t classes) const { return infos_[i].has(classes); }

  bool is_word(std::uint32_t i) const { return token(i).kind == TokenKind::word; }
  bool is_capitalized(std::uint32_t i) const {
    return is_word(i) && (token(i).flags & TokenFlag::capitalized);
  }
  // A lower-case word the lexicon does not know: an adjective or a noun, most likely.
  bool is_plain_lower(std::uint32_t i) const {
    return is_word(i) && !(token(i).flags & TokenFlag::capitalized) && infos_[i].classes == 0;
  }
  // One punctuation character (ASCII).
  bool is_char(std::uint32_t i, char c) const {
    const Token& t = token(i);
    return t.end == t.start + 1 && prose_[t.start] == c;
  }
  bool is_quote_mark(std::uint32_t i) const;  // " “ ” or '' (not single quotes)
  // The last token of the quotation mark at `i`: `i`, or the second apostrophe of a '' pair.
  std::uint32_t mark_last(std::uint32_t i) const { return i + (pair_[i] == 1 ? 1 : 0); }
  // The second apostrophe of a '' pair (part of the mark before it).
  bool is_pair_tail(std::uint32_t i) const { return pair_[i] == 2; }
  bool is_opening_quote(std::uint32_t i) const;  // “ or a straight quote that opens
  bool is_dash(std::uint32_t i) const;           // — – or a spaced hyphen
  // The first token at or after `i` that separates teaser items ("×", "|", "•", "·"), or the
  // token count: looked up once, not scanned for per cue.
  std::uint32_t next_separator(std::uint32_t i) const { return next_separator_[i]; }
  bool is_sentence_end_mark(std::uint32_t i) const;  // . ! ?

  // Whether the token is the first of its sentence (after opening quotes or brackets).
  bool at_sentence_start(std::uint32_t i) const;

  // Whether a capitalized word is only capitalized because it opens its sentence.
  bool opens_sentence(std::uint32_t i, const Sentence& sentence) const;

 private:
  std::string_view prose_;
  const Segmentation& segmentation_;
  std::vector<WordInfo> infos_;
  // Two apostrophes typed for a double quotation mark, as some wires do: 1 first, 2 second.
  std::vector<std::uint8_t> pair_;
  std::vector<std::uint32_t> next_separator_;  // size: tokens + 1
};

}  // namespace copydesk::analyzers::attributions
