// What a source phrase is: a person, an organization, an official (a role without a name), an
// anonymous source ("officials", "a person familiar with the talks"), or a document ("a report").
#pragma once

#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/attributions/phrases.hpp"
#include "analyzers/attributions/tagged_text.hpp"

namespace copydesk::analyzers::attributions {

struct SourceReading {
  SourceKind kind = SourceKind::unnamed;
  std::string name;         // the phrase's own name for it: "Andrii Yusov", "the ministry"
  std::string surname_key;  // a person's: spelling key of the last name
  std::string head;         // lower-cased head word: "ministry", "yusov"
  std::string modifiers;    // lower-cased words before the head, space-separated
  bool pronoun = false;     // he, she, they, it, who: resolved by coreference
  bool plural = false;
  bool single_name = false;  // a person named by one word: "Yusov", "Mr. Yusov"
  bool refers_back = false;  // "the ministry", "the group", "the Legion": a shortened mention
};

// `names` are the document's name mentions (find_names), in order.
SourceReading read_source(const TaggedText& text, const NounPhrase& phrase,
                          const std::vector<NameMention>& names,
                          const std::vector<std::string>& known_sources);

// The text of tokens [first, end) with runs of white space as one space.
std::string phrase_text(const TaggedText& text, std::uint32_t first, std::uint32_t end);

}  // namespace copydesk::analyzers::attributions
