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

// Whether `word` as written normalizes to `lower` (a lexicon key, already lower case).
bool normalizes_to(std::string_view word, std::string_view lower);

}  // namespace copydesk::analyzers
