// Names in running text: runs of capitalized words that name a person or a body ("Andrii Yusov",
// "the Freedom of Russia Legion"), each word with a spelling key under which transliteration
// variants meet ("Andrii"/"Andriy", "Zelensky"/"Zelenskyy").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

enum class NameKind : std::uint8_t { person, organization, other };

struct NameMention {
  Span span;  // the name's words, titles and possessive 's left out
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // [first_token, end_token)
  NameKind kind = NameKind::other;
  bool titled = false;         // after a title: "Mr. Yusov", "President Putin"
  bool after_article = false;  // "the Freedom of Russia Legion"
  std::string text;            // as written, white space normalized: "Andrii Yusov"
  std::string surname;         // the last word as written: "Yusov"
};

// Names in document order.
std::vector<NameMention> find_names(const TaggedText& text);

// The spelling key of one word: lower case, "y" read as "i", doubled letters single, hyphens and
// apostrophes dropped, a possessive "'s" removed. "Zelenskyy" and "Zelensky" share "zelenski".
std::string spelling_key(std::string_view word);
// The same, appended to `key` (a reused buffer: no allocation once it has grown).
void append_spelling_key(std::string_view word, std::string& key);

// The word without a possessive ending: "Yusov's" -> "Yusov", "Reuters'" -> "Reuters".
std::string_view strip_possessive(std::string_view word);

}  // namespace copydesk::analyzers::attributions
