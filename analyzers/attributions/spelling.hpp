// Names spelled two ways: the same person or body written with different letters in one
// document ("Andrii Yusov" / "Andriy Yusov", "Zelensky" / "Zelenskyy"), or across documents
// checked together. Words meet under their spelling key (see names.hpp); a first name is only
// compared with first names of the same surname, so two different people are never confused.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/names.hpp"

namespace copydesk::analyzers::attributions {

struct SpellingVariant {
  Span span;            // the variant word as written
  std::string written;  // "Andriy"
  std::string other;    // the other spelling: "Andrii"
  Span other_span;      // where the other spelling first appears
  std::string house;    // the house spelling from the configuration, if any
};

// Variants within one document. The spelling met first (or the house spelling, when the
// configuration names one) is the reference; every other spelling's words are reported. A word
// the configuration lists as a variant is reported even when it is the only spelling used.
// `prose` is the text the names were read from.
std::vector<SpellingVariant> find_spelling_variants(
    std::string_view prose, const std::vector<NameMention>& names,
    const std::map<std::string, std::string>& house_spellings);

// The names of one document, for checks across several documents.
struct DocumentNames {
  std::string path;
  std::string prose;  // the document's prose view (offsets of `names` point into it)
  std::vector<NameMention> names;
};

// Variants across documents: a word spelled in one document differently from how another
// document spells it (differences within one document are left to names.inconsistent-spelling).
// Returns one list of findings per document, in the order given; each finding's related span
// carries the other document's path.
std::vector<std::vector<Finding>> cross_document_spellings(
    const std::vector<DocumentNames>& documents);

}  // namespace copydesk::analyzers::attributions
