#include "analyzers/prose.hpp"

#include <md4c.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kCommentOpen = "<!--";
constexpr std::string_view kCommentClose = "-->";
constexpr std::string_view kDirectivePrefix = "copydesk-";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::uint32_t offset(std::size_t value) {
  return static_cast<std::uint32_t>(value);
}

// Where `needle` next occurs in `text` at or after `from`; npos if nowhere. The needles here
// ("://", "www.", "<!--") start with a byte that is rare in prose, so memchr to it and compare
// the rest: about a tenth of glibc memmem's instructions on news copy.
std::size_t find(std::string_view text, std::string_view needle, std::size_t from) {
  if (needle.empty() || from >= text.size()) return std::string_view::npos;
  const char* end = text.data() + text.size();
  for (const char* at = text.data() + from;;) {
    at = static_cast<const char*>(std::memchr(at, needle[0], end - at));
    if (!at || static_cast<std::size_t>(end - at) < needle.size()) return std::string_view::npos;
    if (std::memcmp(at, needle.data(), needle.size()) == 0) return at - text.data();
    ++at;
  }
}

// Every byte of [start, end) but line breaks becomes a space, so lines and columns survive.
void mask(std::string& prose, std::size_t start, std::size_t end) {
  char* p = prose.data();
  for (std::size_t i = start; i < end; ++i) {
    if (p[i] != '\n' && p[i] != '\r') p[i] = ' ';
  }
}

// Spaces everywhere except line breaks: the starting point of the Markdown view.
std::string masked_copy(std::string_view text) {
  std::string prose(text.size(), ' ');
  for (char line_break : {'\n', '\r'}) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, line_break, end - p)));
         ++p)
      prose[p - begin] = line_break;
  }
  return prose;
}

// Appends [start, end) to `blocks`, trimmed of white space in the prose view, unless empty.
void add_block(const std::string& prose, std::size_t start, std::size_t end,
               std::vector<Span>& blocks) {
  while (start < end && is_space(prose[start]))
    ++start;
  while (end > start && is_space(prose[end - 1]))
    --end;
  if (start < end) blocks.push_back({offset(start), offset(end)});
}

// The comment opening at `start`: records it if it is a copydesk directive. Returns where it ends
// (after "-->"), or the end of the text if it never closes.
std::size_t take_comment(std::string_view text, std::size_t start,
                         std::vector<DirectiveComment>& directives) {
  std::size_t body_start = start + kCommentOpen.size();
  std::size_t close = find(text, kCommentClose, body_start);
  if (close == std::string_view::npos) return text.size();
  std::string_view body = text.substr(body_start, close - body_start);
  while (!body.empty() && is_space(body.front()))
    body.remove_prefix(1);
  while (!body.empty() && is_space(body.back()))
    body.remove_suffix(1);
  std::size_t end = close + kCommentClose.size();
  if (body.starts_with(kDirectivePrefix))
    directives.push_back({{offset(start), offset(end)}, std::string(body)});
  return end;
}

// ---- Plain text ----

// Where a URL that starts before `from` ends: at white space, angle brackets or quotes, minus
// trailing punctuation and unbalanced closing brackets ("(see http://x.org/a).").
std::size_t url_end(std::string_view text, std::size_t from) {
  std::size_t end = from;
  int open_parens = 0;
  while (end < text.size()) {
    auto c = static_cast<unsigned char>(text[end]);
    if (c <= ' ' || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '`') break;
    // U+2000..U+203F (curly quotes, dashes, special spaces) and U+00A0..U+00BF (NBSP, guillemets).
    if (c == 0xE2 && end + 1 < text.size() && static_cast<unsigned char>(text[end + 1]) == 0x80)
      break;
    if (c == 0xC2 && end + 1 < text.size() && static_cast<unsigned char>(text[end + 1]) >= 0xA0)
      break;
    if (c == '(') ++open_parens;
    if (c == ')') --open_parens;
    ++end;
  }
  while (end > from) {
    char c = text[end - 1];
    if (c == ')' && open_parens < 0) {
      ++open_parens;
    } else if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                 c == '\'' || c == ']' || c == '}' || c == '*' || c == '_')) {
      break;
    }
    --end;
  }
  return end;
}

bool is_url_scheme(std::string_view scheme) {
  for (std::string_view known : {"http", "https", "ftp"}) {
    if (scheme.size() != known.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < known.size() && same; ++i)
      same = lower(scheme[i]) == known[i];
    if (same) return true;
  }
  return false;
}

// Masks http(s)://… and www.… runs. memmem skips ahead between candidates, so prose without
// URLs costs two fast scans.
void mask_plain_urls(std::string_view text, std::string& prose) {
  for (std::size_t pos = 0; (pos = find(text, "://", pos)) != std::string_view::npos;) {
    std::size_t start = pos;
    while (start > 0 && pos - start < 5 &&
           ((text[start - 1] >= 'a' && text[start - 1] <= 'z') ||
            (text[start - 1] >= 'A' && text[start - 1] <= 'Z')))
      --start;
    std::size_t end = url_end(text, pos + 3);
    if (end > pos + 3 && is_url_scheme(text.substr(start, pos - start)) &&
        (start == 0 || !is_alnum(text[start - 1]))) {
      mask(prose, start, end);
      pos = end;
    } else {
      pos += 3;
    }
  }
  for (std::size_t pos = 0; (pos = find(text, "www.", pos)) != std::string_view::npos;) {
    std::size_t end = url_end(text, pos + 4);
    // Not the middle of a word or of a URL masked above ("http://www.").
    bool starts_url = pos == 0 || !(is_alnum(text[pos - 1]) || text[pos - 1] == '/' ||
                                    text[pos - 1] == '.' || text[pos - 1] == '-');
    if (starts_url && end > pos + 4 && is_alnum(text[pos + 4])) {
      mask(prose, pos, end);
      pos = end;
    } else {
      pos += 4;
    }
  }
}

struct PlainLine {
  std::size_t start;
  std::size_t end;
  bool indented;
};

// True for a line with capitals and no lower-case letters: a wire headline.
bool is_shouted(std::string_view line) {
  int capitals = 0;
  for (char c : line) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++capitals;
  }
  return capitals >= 2;
}

// Splits one run of non-blank lines into blocks. In a run that mixes indented and flush lines
// (wire copy), every indented line opens a paragraph; a run indented throughout is one block.
// The first line of the text is its own block when it is an all-caps headline.
void add_run_blocks(const std::string& prose, const std::vector<PlainLine>& run, bool first_run,
                    std::vector<Span>& blocks) {
  if (run.empty()) return;
  bool mixed = false;
  for (const PlainLine& line : run)
    mixed = mixed || !line.indented;
  std::size_t block_start = run.front().start;
  std::size_t block_end = run.front().end;
  for (std::size_t i = 1; i < run.size(); ++i) {
    bool headline_before =
        i == 1 && first_run &&
        is_shouted(std::string_view(prose).substr(run[0].start, run[0].end - run[0].start));
    if ((mixed && run[i].indented) || headline_before) {
      add_block(prose, block_start, block_end, blocks);
      block_start = run[i].start;
    }
    block_end = run[i].end;
  }
  add_block(prose, block_start, block_end, blocks);
}

void plain_blocks(std::string_view text, const std::string& prose, std::vector<Span>& blocks) {
  std::vector<PlainLine> run;
  bool first_run = true;
  const char* data = prose.data();
  std::size_t size = prose.size();
  for (std::size_t pos = 0; pos <= size;) {
    const void* newline = pos < size ? std::memchr(data + pos, '\n', size - pos) : nullptr;
    std::size_t end = newline ? static_cast<const char*>(newline) - data : size;
    std::size_t first = pos;
    while (first < end && is_space(data[first]))
      ++first;
    // Blank is judged on the prose view, so a line holding only a URL or a directive is blank;
    // indentation on the text, so a masked word at the start of a line is no indent.
    if (first == end) {
      if (!run.empty()) {
        add_run_blocks(prose, run, first_run, blocks);
        first_run = false;
        run.clear();
      }
    } else {
      bool indented = text[pos] == '\t' || text.substr(pos, 3) == "   ";
      run.push_back({pos, end, indented});
    }
    if (!newline) break;
    pos = end + 1;
  }
  add_run_blocks(prose, run, first_run, blocks);
}

void mask_plain_directives(std::string_view text, Span metadata, ProseView& view) {
  for (std::size_t pos = 0; (pos = find(text, kCommentOpen, pos)) != std::string_view::npos;) {
    if (pos >= metadata.start && pos < metadata.end) {
      pos = metadata.end;
      continue;
    }
    std::size_t before = view.directives.size();
    std::size_t end = take_comment(text, pos, view.directives);
    if (view.directives.size() > before) mask(view.prose, pos, end);
    pos = end;
  }
}

ProseView plain_view(std::string_view text, Span metadata) {
  ProseView view;
  view.prose.assign(text);
  if (text.starts_with(kBom)) mask(view.prose, 0, kBom.size());
  mask(view.prose, metadata.start, metadata.end);
  mask_plain_directives(text, metadata, view);
  mask_plain_urls(text, view.prose);
  plain_blocks(text, view.prose, view.blocks);
  return view;
}

// ---- Markdown ----

// State for md4c's callbacks. md4c passes normal text as pointers into the buffer it parses, so
// an offset is the pointer minus the start of the text; anything else (soft breaks, NUL
// replacements) points elsewhere and is ignored.
struct MarkdownState {
  std::string_view text;
  const char* segment_begin = nullptr;
  const char* segment_end = nullptr;
  ProseView* view = nullptr;

  // The block being collected: from its first to its last prose byte.
  bool block_open = false;
  std::size_t block_start = 0;
  std::size_t block_end = 0;

  // Link text is held back until the link closes: an autolink's text is its URL, not prose.
  int link_depth = 0;
  std::string href;
  std::string link_text;
  std::vector<Span> link_chunks;

  std::size_t comments_done = 0;  // comments before this offset are already taken
};

void keep(MarkdownState& state, std::size_t start, std::size_t end) {
  std::memcpy(state.view->prose.data() + start, state.text.data() + start, end - start);
  if (!state.block_open) {
    state.block_open = true;
    state.block_start = start;
  }
  state.block_end = end;
}

void flush_block(MarkdownState& state) {
  if (!state.block_open) return;
  add_block(state.view->prose, state.block_start, state.block_end, state.view->blocks);
  state.block_open = false;
}

bool is_autolink(const std::string& href, const std::string& text) {
  if (href == text) return true;
  // www.… links get "http://", e-mail links "mailto:" before the text they show.
  for (std::string_view prefix : {"http://", "mailto:"}) {
    if (href.size() == prefix.size() + text.size() && href.starts_with(prefix) &&
        href.ends_with(text))
      return true;
  }
  return false;
}

int on_block(MD_BLOCKTYPE, void*, void* userdata) {
  // Any block boundary ends the current run of prose: a list item's own text ends where a nested
  // list begins.
  flush_block(*static_cast<MarkdownState*>(userdata));
  return 0;
}

int on_enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  auto& state = *static_cast<MarkdownState*>(userdata);
  if (type == MD_SPAN_A && state.link_depth++ == 0) {
    // The href may live in md4c's scratch memory (www. links), so it is copied.
    const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
    state.href.assign(href.text, href.size);
    state.link_text.clear();
    state.link_chunks.clear();
  }
  return 0;
}

int on_leave_span(MD_SPANTYPE type, void*, void* userdata) {
  auto& state = *static_cast<MarkdownState*>(userdata);
  if (type == MD_SPAN_A && --state.link_depth == 0 && !is_autolink(state.href, state.link_text)) {
    for (const Span& chunk : state.link_chunks)
      keep(state, chunk.start, chunk.end);
  }
  return 0;
}

// Comments in raw HTML as md4c found it, so an example inside a code block is no directive.
void take_html_comments(MarkdownState& state, std::size_t start, std::size_t end) {
  std::string_view chunk = state.text.substr(0, end);
  for (std::size_t pos = std::max(start, state.comments_done);
       (pos = find(chunk, kCommentOpen, pos)) != std::string_view::npos;) {
    pos = take_comment(state.text, pos, state.view->directives);
    state.comments_done = pos;
  }
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  auto& state = *static_cast<MarkdownState*>(userdata);
  if (text < state.segment_begin || text > state.segment_end ||
      size > static_cast<std::size_t>(state.segment_end - text))
    return 0;
  std::size_t start = text - state.text.data();
  std::size_t end = start + size;
  if (type == MD_TEXT_HTML) {
    take_html_comments(state, start, end);
  } else if (type == MD_TEXT_NORMAL) {
    if (state.link_depth > 0) {
      state.link_text.append(text, size);
      state.link_chunks.push_back({offset(start), offset(end)});
    } else {
      keep(state, start, end);
    }
  }
  // Entities, code and everything else stay masked.
  return 0;
}

constexpr unsigned kMarkdownFlags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                                    MD_FLAG_PERMISSIVEURLAUTOLINKS |
                                    MD_FLAG_PERMISSIVEWWWAUTOLINKS | MD_FLAG_TASKLISTS;

bool parse_markdown(MarkdownState& state, std::size_t begin, std::size_t end) {
  if (begin >= end) return true;
  MD_PARSER parser{};
  parser.flags = kMarkdownFlags;
  parser.enter_block = on_block;
  parser.leave_block = on_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  state.segment_begin = state.text.data() + begin;
  state.segment_end = state.text.data() + end;
  int result = md_parse(state.segment_begin, static_cast<MD_SIZE>(end - begin), &parser, &state);
  flush_block(state);
  return result == 0;
}

bool all_space(std::string_view text) {
  for (char c : text) {
    if (!is_space(c)) return false;
  }
  return true;
}

ProseView markdown_view(std::string_view text, Span metadata) {
  ProseView view;
  view.prose = masked_copy(text);
  MarkdownState state;
  state.text = text;
  state.view = &view;
  std::size_t begin = text.starts_with(kBom) ? kBom.size() : 0;
  bool parsed = true;
  if (metadata.empty()) {
    parsed = parse_markdown(state, begin, text.size());
  } else {
    // The metadata is cut out rather than blanked: blanking a header that the article continues
    // would indent the rest of its line into a code block.
    std::size_t after = metadata.end;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t'))
      ++after;
    if (metadata.start > begin && !all_space(text.substr(begin, metadata.start - begin)))
      parsed = parse_markdown(state, begin, metadata.start);
    parsed = parse_markdown(state, after, text.size()) && parsed;
  }
  if (!parsed) return plain_view(text, metadata);  // md4c ran out of memory: degrade, not fail
  return view;
}

}  // namespace

ProseView make_prose_view(std::string_view text, DocumentFormat format, Span metadata) {
  // A span past the end (a stale header on an edited document) is clamped, never trusted.
  metadata.end = std::min<std::uint32_t>(metadata.end, offset(text.size()));
  metadata.start = std::min(metadata.start, metadata.end);
  return format == DocumentFormat::markdown ? markdown_view(text, metadata)
                                            : plain_view(text, metadata);
}

}  // namespace copydesk::analyzers
