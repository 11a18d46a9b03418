#include "analyzers/word_key.hpp"

#include <array>

namespace copydesk::analyzers {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// ASCII letters lower-cased, every other byte as it is.
constexpr std::array<unsigned char, 256> kLower = [] {
  std::array<unsigned char, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return table;
}();

// Whether `word` has U+2019 (E2 80 99) at `i`.
bool apostrophe_at(std::string_view word, std::size_t i) {
  return word[i] == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99';
}

// The normalized byte of `word` at `i`, advancing `i` past what it read. The same as
// word_key_detail::next_normalized(), by table: this runs for every byte of every word.
unsigned char take_normalized(std::string_view word, std::size_t& i) {
  const auto c = static_cast<unsigned char>(word[i]);
  if (c == 0xE2 && apostrophe_at(word, i)) {
    i += 3;
    return '\'';
  }
  ++i;
  return kLower[c];
}

}  // namespace

std::uint64_t word_key(std::string_view word) {
  std::uint64_t h = kFnvOffset;
  std::size_t size = 0;
  for (std::size_t i = 0; i < word.size(); ++size) {
    if (size == kMaxKeyedWord) return kNoWordKey;
    h = (h ^ take_normalized(word, i)) * kFnvPrime;
  }
  // FNV-1a never yields 0 for the short inputs here; keep the sentinel free all the same.
  return h == kNoWordKey ? 1 : h;
}

bool normalizes_to(std::string_view word, std::string_view lower) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < word.size(); ++k) {
    if (k == lower.size() || take_normalized(word, i) != static_cast<unsigned char>(lower[k]))
      return false;
  }
  return k == lower.size();
}

}  // namespace copydesk::analyzers
