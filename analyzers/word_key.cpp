#include "analyzers/word_key.hpp"

namespace copydesk::analyzers {

std::uint64_t word_key(std::string_view word) {
  return constant_word_key(word);
}

bool normalizes_to(std::string_view word, std::string_view lower) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < word.size();) {
    if (k == lower.size() || word_key_detail::next_normalized(word, i) != lower[k]) return false;
    ++k;
  }
  return k == lower.size();
}

}  // namespace copydesk::analyzers
