// The prose view: a copy of the text of the same length in which every byte that is not prose is
// a space (line breaks are kept). Markdown syntax, code, URLs, HTML, the date header, front
// matter and copydesk's own comments are masked. Recognizers read the prose view, so every
// offset they produce is an offset into the original text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/document.hpp"

namespace copydesk::analyzers {

// A copydesk comment, `<!-- copydesk-... -->`, for suppressions.
struct DirectiveComment {
  Span span;         // the whole comment
  std::string body;  // the text between "<!--" and "-->", trimmed
};

struct ProseView {
  std::string prose;
  // Paragraph-level blocks in document order: Markdown paragraphs, headings, list items, quotes
  // and table cells; in plain text, runs of lines separated by blank lines or by a line that
  // starts with an indent (Reuters-style paragraphs).
  std::vector<Span> blocks;
  std::vector<DirectiveComment> directives;
};

// `metadata` is the date header or front matter to mask (empty span: none).
ProseView make_prose_view(std::string_view text, DocumentFormat format, Span metadata);

}  // namespace copydesk::analyzers
