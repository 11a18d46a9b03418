// The shared tokens with what the claims lexicon knows of each, looked up once per document, so
// that every stage (hedges, weasels, claims, caveats, figures) tests bits instead of strings.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/claims/lexicon.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers::claims {

class Words {
 public:
  Words(std::string_view prose, const Segmentation& segmentation);

  std::string_view prose() const { return prose_; }
  const Segmentation& segmentation() const { return segmentation_; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(entries_.size()); }

  const Token& token(std::uint32_t i) const { return segmentation_.tokens[i]; }
  std::string_view text(std::uint32_t i) const {
    const Token& t = segmentation_.tokens[i];
    return prose_.substr(t.start, t.end - t.start);
  }
  // nullptr for words the lexicon does not know, and for all-capital words longer than one
  // letter: wire headlines ("MAY", "KILLED") are not prose.
  const WordEntry* entry(std::uint32_t i) const { return entries_[i]; }
  // The classes are copied beside the tokens: every stage tests them, and reading them from
  // one array beats chasing each entry.
  bool has(std::uint32_t i, std::uint64_t classes) const { return (classes_[i] & classes) != 0; }
  std::uint64_t classes(std::uint32_t i) const { return classes_[i]; }
  // Whether token i is `lower` (ASCII case-insensitive; U+2019 matches an apostrophe).
  bool is(std::uint32_t i, std::string_view lower) const;
  bool is_word(std::uint32_t i) const { return token(i).kind == TokenKind::word; }
  bool is_number(std::uint32_t i) const { return token(i).kind == TokenKind::number; }
  bool is_capitalized(std::uint32_t i) const {
    return is_word(i) && (token(i).flags & TokenFlag::capitalized);
  }
  bool is_char(std::uint32_t i, char c) const {
    const Token& t = token(i);
    return t.end == t.start + 1 && prose_[t.start] == c;
  }
  bool is_quote_mark(std::uint32_t i) const;  // " “ ”
  // A count: digits ("234", "1,000") or a number word ("seven", "dozens").
  bool is_count(std::uint32_t i) const { return is_number(i) || has(i, kNumberWord); }

  // A word with classes in the lexicon (not one that only occurs inside phrases).
  bool known(std::uint32_t i) const { return (classes_[i] & ~(kStartsHedge | kStartsCaveat)) != 0; }

  // Matches `phrase` (lower-case words separated by spaces) at token `first`, within [.., end).
  // Returns the index one past the last matched token, or 0 when it does not match.
  std::uint32_t match(std::string_view phrase, std::uint32_t first, std::uint32_t end) const;
  // The same for a lexicon phrase, by its words' entries.
  std::uint32_t match(const Phrase& phrase, std::uint32_t first, std::uint32_t end) const;

 private:
  std::string_view prose_;
  const Segmentation& segmentation_;
  std::vector<const WordEntry*> entries_;
  std::vector<std::uint64_t> classes_;
};

}  // namespace copydesk::analyzers::claims
