#include "analyzers/claims/words.hpp"

#include "analyzers/word_key.hpp"

namespace copydesk::analyzers::claims {
namespace {

constexpr std::size_t kMaxWord = 32;  // bytes; longer words are in no table

char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

Words::Words(std::string_view prose, const Segmentation& segmentation)
    : prose_(prose), segmentation_(segmentation) {
  entries_.resize(segmentation.tokens.size(), nullptr);
  classes_.resize(segmentation.tokens.size(), 0);
  const bool keyed = segmentation.word_keys.size() == segmentation.tokens.size();
  for (std::size_t i = 0; i < segmentation.tokens.size(); ++i) {
    const Token& t = segmentation.tokens[i];
    if (t.kind != TokenKind::word || t.end - t.start > kMaxWord) continue;
    if ((t.flags & TokenFlag::all_upper) && t.end - t.start > 1) continue;
    std::string_view word = prose.substr(t.start, t.end - t.start);
    entries_[i] = lookup_token(word, keyed ? segmentation.word_keys[i] : word_key(word));
    if (entries_[i]) classes_[i] = entries_[i]->classes;
  }
}

bool Words::is(std::uint32_t i, std::string_view lower) const {
  std::string_view word = text(i);
  std::size_t j = 0;
  for (std::size_t k = 0; k < word.size(); ++k, ++j) {
    char c = word[k];
    if (c == '\xE2' && k + 2 < word.size() && word[k + 1] == '\x80' && word[k + 2] == '\x99') {
      c = '\'';
      k += 2;
    }
    if (j >= lower.size() || lower_ascii(c) != lower[j]) return false;
  }
  return j == lower.size();
}

bool Words::is_quote_mark(std::uint32_t i) const {
  const Token& token = this->token(i);
  char first = prose_[token.start];
  if (first != '"' && first != '\xE2') return false;
  std::string_view t = text(i);
  return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";
}

std::uint32_t Words::match(const Phrase& phrase, std::uint32_t first, std::uint32_t end) const {
  if (first + phrase.words.size() > end) return 0;
  for (std::size_t k = 0; k < phrase.words.size(); ++k)
    if (entries_[first + k] != phrase.words[k]) return 0;
  return first + static_cast<std::uint32_t>(phrase.words.size());
}

std::uint32_t Words::match(std::string_view phrase, std::uint32_t first, std::uint32_t end) const {
  std::uint32_t i = first;
  while (!phrase.empty()) {
    std::size_t space = phrase.find(' ');
    std::string_view word = phrase.substr(0, space);
    phrase = space == std::string_view::npos ? std::string_view{} : phrase.substr(space + 1);
    if (i >= end || !is(i, word)) return 0;
    ++i;
  }
  return i;
}

}  // namespace copydesk::analyzers::claims
