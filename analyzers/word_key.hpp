// The key under which the attribution and claims lexicons file a word: its text with ASCII
// letters lower-cased and U+2019 (the typographic apostrophe) read as "'", hashed with 64-bit
// FNV-1a. Segmentation computes it once per word token, so that each lexicon probes its table
// with the token's key instead of lower-casing and hashing the word again.
#pragma once

#include <cstdint>
#include <string_view>

namespace copydesk::analyzers {

// Words longer than this (after normalization) are in no lexicon: their key is kNoWordKey.
inline constexpr std::size_t kMaxKeyedWord = 32;
inline constexpr std::uint64_t kNoWordKey = 0;

// The key of `word` as written ("Said", "don’t"), or kNoWordKey when it is too long.
std::uint64_t word_key(std::string_view word);

// The same key, worked out at compile time: a lexicon writes constant_word_key("said") to
// compare a token's key with a word it knows without hashing at run time.
constexpr std::uint64_t constant_word_key(std::string_view word);

// Whether `word` as written normalizes to `lower` (a lexicon key, already lower case).
bool normalizes_to(std::string_view word, std::string_view lower);

namespace word_key_detail {

inline constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// The next normalized byte of `word` at `i`, advancing `i` past what it read.
constexpr char next_normalized(std::string_view word, std::size_t& i) {
  char c = word[i];
  if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
    i += 3;
    return '\'';
  }
  ++i;
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace word_key_detail

constexpr std::uint64_t constant_word_key(std::string_view word) {
  using namespace word_key_detail;
  std::uint64_t h = kFnvOffset;
  std::size_t size = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (++size > kMaxKeyedWord) return kNoWordKey;
    h = (h ^ static_cast<unsigned char>(next_normalized(word, i))) * kFnvPrime;
  }
  // FNV-1a never yields 0 for the short inputs here; keep the sentinel free all the same.
  return h == kNoWordKey ? 1 : h;
}

}  // namespace copydesk::analyzers
