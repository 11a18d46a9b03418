#include "analyzers/word_key.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// The next normalized byte of `word` at `i`, advancing `i` past what it read.
char next_normalized(std::string_view word, std::size_t& i) {
  char c = word[i];
  if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
    i += 3;
    return '\'';
  }
  ++i;
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::uint64_t word_key(std::string_view word) {
  std::uint64_t h = kFnvOffset;
  std::size_t size = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (++size > kMaxKeyedWord) return kNoWordKey;
    h = (h ^ static_cast<unsigned char>(next_normalized(word, i))) * kFnvPrime;
  }
  // FNV-1a never yields 0 for the short inputs here; keep the sentinel free all the same.
  return h == kNoWordKey ? 1 : h;
}

bool normalizes_to(std::string_view word, std::string_view lower) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (k == lower.size() || next_normalized(word, i) != lower[k]) return false;
    ++k;
  }
  return k == lower.size();
}

}  // namespace copydesk::analyzers
