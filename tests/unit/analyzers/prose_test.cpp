#include "analyzers/prose.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace copydesk::analyzers;

namespace {

constexpr auto kPlain = DocumentFormat::plain_text;
constexpr auto kMarkdown = DocumentFormat::markdown;

// The view's invariants: same length, and every byte is the original or a masking space, with
// line breaks never masked.
void check_shape(std::string_view text, const ProseView& view) {
  REQUIRE(view.prose.size() == text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    INFO("byte " << i);
    if (text[i] == '\n' || text[i] == '\r') {
      CHECK(view.prose[i] == text[i]);
    } else {
      CHECK((view.prose[i] == text[i] || view.prose[i] == ' '));
    }
  }
}

ProseView view_of(std::string_view text, DocumentFormat format, Span metadata = {}) {
  ProseView view = make_prose_view(text, format, metadata);
  check_shape(text, view);
  return view;
}

Span span_of(std::string_view text, std::string_view needle, std::size_t nth = 0) {
  std::size_t pos = text.find(needle);
  for (; nth > 0 && pos != std::string_view::npos; --nth)
    pos = text.find(needle, pos + 1);
  REQUIRE_MESSAGE(pos != std::string_view::npos, "fixture lacks: " << needle);
  return {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

// True when every byte of the needle's occurrence is masked (line breaks aside).
bool masked(std::string_view text, const ProseView& view, std::string_view needle,
            std::size_t nth = 0) {
  Span span = span_of(text, needle, nth);
  for (std::uint32_t i = span.start; i < span.end; ++i) {
    if (text[i] != '\n' && text[i] != '\r' && view.prose[i] != ' ') return false;
  }
  return true;
}

// True when the needle's occurrence is unchanged in the prose view.
bool kept(std::string_view text, const ProseView& view, std::string_view needle,
          std::size_t nth = 0) {
  Span span = span_of(text, needle, nth);
  return std::string_view(view.prose).substr(span.start, span.size()) == needle;
}

std::vector<std::string> blocks_of(std::string_view text, const ProseView& view) {
  std::vector<std::string> out;
  for (const Span& block : view.blocks)
    out.emplace_back(text.substr(block.start, block.size()));
  return out;
}

using Blocks = std::vector<std::string>;

}  // namespace

// ---- Plain text ----

TEST_CASE("plain: prose is unchanged, and the metadata is masked") {
  std::string_view text = "date 2024-03-13 TALLINN, Estonia - The port reopened.\n\nShips left.\n";
  ProseView view = view_of(text, kPlain, span_of(text, "date 2024-03-13"));
  CHECK(masked(text, view, "date 2024-03-13"));
  CHECK(kept(text, view, "TALLINN, Estonia - The port reopened."));
  CHECK(kept(text, view, "Ships left."));
  CHECK(blocks_of(text, view) == Blocks{"TALLINN, Estonia - The port reopened.", "Ships left."});
}

TEST_CASE("plain: a header on its own line never joins the first block") {
  std::string_view text = "\n\n  date 2024-03-12\nThe council met.\nIt voted.\n";
  ProseView view = view_of(text, kPlain, span_of(text, "date 2024-03-12"));
  CHECK(masked(text, view, "date 2024-03-12"));
  CHECK(blocks_of(text, view) == Blocks{"The council met.\nIt voted."});
}

TEST_CASE("plain: a byte order mark is masked") {
  std::string_view text = "\xEF\xBB\xBFThe council met.";
  ProseView view = view_of(text, kPlain);
  CHECK(view.prose.starts_with("   The"));
  CHECK(blocks_of(text, view) == Blocks{"The council met."});
}

TEST_CASE("plain: paragraphs are separated by blank and white-space-only lines") {
  std::string_view text = "First line\nstill first.\n\nSecond.\n \t \r\nThird.\r\n\r\n\r\n";
  ProseView view = view_of(text, kPlain);
  CHECK(blocks_of(text, view) == Blocks{"First line\nstill first.", "Second.", "Third."});
  CHECK(view.prose == text);
}

TEST_CASE("plain: wire copy opens a paragraph at each indented line") {
  std::string_view text =
      "HARBOUR BOARD CUTS FEES\n"
      "KESTREL BAY, March 3 - The harbour board cut mooring\n"
      "fees by five pct on Tuesday.\n"
      "    The cut takes effect in April, the board\n"
      "said.\n"
      "    Fees rose last year.\n"
      "    Pilots welcomed the move.\n"
      "\tA tab indents too,\n"
      "as here.\n";
  ProseView view = view_of(text, kPlain);
  CHECK(blocks_of(text, view) == Blocks{"HARBOUR BOARD CUTS FEES",
                                        "KESTREL BAY, March 3 - The harbour board cut mooring\n"
                                        "fees by five pct on Tuesday.",
                                        "The cut takes effect in April, the board\nsaid.",
                                        "Fees rose last year.", "Pilots welcomed the move.",
                                        "A tab indents too,\nas here."});
}

TEST_CASE("plain: two spaces are no indent; a run indented throughout is one block") {
  std::string_view two = "One line\n  goes on.\n";
  CHECK(blocks_of(two, view_of(two, kPlain)) == Blocks{"One line\n  goes on."});
  std::string_view quoted = "Intro.\n\n    An indented passage\n    wraps here.\n\nOutro.";
  CHECK(blocks_of(quoted, view_of(quoted, kPlain)) ==
        Blocks{"Intro.", "An indented passage\n    wraps here.", "Outro."});
}

TEST_CASE("plain: a headline is split off only at the top and only in capitals") {
  std::string_view text = "Harbour board cuts fees\nThe board said so.\n\nNATO\nmet today.";
  CHECK(blocks_of(text, view_of(text, kPlain)) ==
        Blocks{"Harbour board cuts fees\nThe board said so.", "NATO\nmet today."});
}

TEST_CASE("plain: URLs are masked, trailing punctuation is not") {
  std::string_view text =
      "See https://example.org/a?b=1, or (http://example.com/x_(y)). Also www.example.net/path.\n"
      "HTTPS://EXAMPLE.ORG and ftp://files.example.org are links; www. and wwwx.com are not.\n"
      "A \xE2\x80\x9Chttp://example.org/q\xE2\x80\x9D quote.";
  ProseView view = view_of(text, kPlain);
  CHECK(masked(text, view, "https://example.org/a?b=1"));
  CHECK(kept(text, view, ", or ("));
  CHECK(masked(text, view, "http://example.com/x_(y)"));
  CHECK(kept(text, view, "). Also "));
  CHECK(masked(text, view, "www.example.net/path"));
  CHECK(view.prose[span_of(text, "path.").end - 1] == '.');
  CHECK(masked(text, view, "HTTPS://EXAMPLE.ORG"));
  CHECK(masked(text, view, "ftp://files.example.org"));
  CHECK(kept(text, view, "www. and wwwx.com are not."));
  CHECK(masked(text, view, "http://example.org/q"));
  CHECK(kept(text, view, "\xE2\x80\x9D quote."));
}

TEST_CASE("plain: URLs glued to words or schemes are left alone") {
  std::string_view text = "xhttp://example.org and notwww.example.org and foo://bar stay.";
  ProseView view = view_of(text, kPlain);
  CHECK(view.prose == text);
}

TEST_CASE("plain: a line holding only a URL separates nothing but is not a block") {
  std::string_view text = "Read more:\nhttps://example.org/story\n\nNext.";
  ProseView view = view_of(text, kPlain);
  CHECK(blocks_of(text, view) == Blocks{"Read more:", "Next."});
}

TEST_CASE("plain: copydesk directives are masked and recorded; other comments stay") {
  std::string_view text =
      "<!-- copydesk-disable claims.unattributed -->\nThe mayor resigned.\n"
      "Fees <!-- ordinary --> rose. <!--copydesk-enable-->\n<!-- copydesk-never closed";
  ProseView view = view_of(text, kPlain);
  REQUIRE(view.directives.size() == 2);
  CHECK(view.directives[0].span == span_of(text, "<!-- copydesk-disable claims.unattributed -->"));
  CHECK(view.directives[0].body == "copydesk-disable claims.unattributed");
  CHECK(view.directives[1].body == "copydesk-enable");
  CHECK(masked(text, view, "<!-- copydesk-disable claims.unattributed -->"));
  CHECK(masked(text, view, "<!--copydesk-enable-->"));
  CHECK(kept(text, view, "Fees <!-- ordinary --> rose."));
  CHECK(kept(text, view, "<!-- copydesk-never closed"));
  // A masked directive inside a run of lines does not break the block.
  CHECK(blocks_of(text, view) ==
        Blocks{"The mayor resigned.\nFees <!-- ordinary --> rose. <!--copydesk-enable-->\n"
               "<!-- copydesk-never closed"});
}

TEST_CASE("plain: empty text and a metadata span past the end") {
  CHECK(view_of("", kPlain).blocks.empty());
  std::string_view text = "date 2024-03-12";
  ProseView view = view_of(text, kPlain, {0, 400});
  CHECK(view.prose == std::string(text.size(), ' '));
  CHECK(view.blocks.empty());
}

// ---- Markdown ----

TEST_CASE("markdown: headings, emphasis and paragraphs keep only their words") {
  std::string_view text = "# The *harbour* reopens\n\nShips **left** at _dawn_, officials said.\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(view.prose == "  The  harbour  reopens\n\nShips   left   at  dawn , officials said.\n");
  CHECK(blocks_of(text, view) ==
        Blocks{"The *harbour* reopens", "Ships **left** at _dawn_, officials said."});
}

TEST_CASE("markdown: setext headings and soft breaks") {
  std::string_view text = "Harbour news\n============\n\nOne line\ncontinues.\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "============"));
  CHECK(kept(text, view, "One line\ncontinues."));
  CHECK(blocks_of(text, view) == Blocks{"Harbour news", "One line\ncontinues."});
}

TEST_CASE("markdown: code blocks and code spans are masked") {
  std::string_view text =
      "Run `make test` first.\n\n```sh\necho said Tuesday\n```\n\n    indented code said\n\nEnd.";
  ProseView view = view_of(text, kMarkdown);
  CHECK(kept(text, view, "Run "));
  CHECK(masked(text, view, "`make test`"));
  CHECK(kept(text, view, " first."));
  CHECK(masked(text, view, "```sh\necho said Tuesday\n```"));
  CHECK(masked(text, view, "indented code said"));
  CHECK(blocks_of(text, view) == Blocks{"Run `make test` first.", "End."});
}

TEST_CASE("markdown: HTML blocks, inline HTML and comments are masked") {
  std::string_view text =
      "<div class=\"box\">\nBoxed said.\n</div>\n\nA <b>bold</b> move <!-- note --> here.\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "<div class=\"box\">\nBoxed said.\n</div>"));
  CHECK(masked(text, view, "<b>"));
  CHECK(kept(text, view, "bold"));
  CHECK(masked(text, view, "</b>"));
  CHECK(masked(text, view, "<!-- note -->"));
  CHECK(view.directives.empty());
  CHECK(blocks_of(text, view) == Blocks{"A <b>bold</b> move <!-- note --> here."});
}

TEST_CASE("markdown: link text stays, destinations and titles go") {
  std::string_view text =
      "The [ministry said](https://example.org/a \"Title\") so; see [the report][r].\n\n"
      "[r]: https://example.org/report\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "["));
  CHECK(kept(text, view, "ministry said"));
  CHECK(masked(text, view, "](https://example.org/a \"Title\")"));
  CHECK(kept(text, view, "the report"));
  CHECK(masked(text, view, "[r]: https://example.org/report"));
  CHECK(blocks_of(text, view) == Blocks{"The [ministry said](https://example.org/a \"Title\") so; "
                                        "see [the report][r]."});
}

TEST_CASE("markdown: image URLs are masked, alt text is kept") {
  std::string_view text = "Before ![Smoke over the pier](img/pier.jpg \"Pier\") after.";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "!["));
  CHECK(kept(text, view, "Smoke over the pier"));
  CHECK(masked(text, view, "](img/pier.jpg \"Pier\")"));
}

TEST_CASE("markdown: autolinks of every kind are masked") {
  std::string_view text =
      "Visit <https://example.org/a>, https://example.org/b, www.example.net/c or "
      "<desk@example.org>. Also [https://example.org/d](https://example.org/d).";
  ProseView view = view_of(text, kMarkdown);
  CHECK(kept(text, view, "Visit "));
  CHECK(masked(text, view, "<https://example.org/a>"));
  CHECK(masked(text, view, "https://example.org/b"));
  CHECK(masked(text, view, "www.example.net/c"));
  CHECK(masked(text, view, "<desk@example.org>"));
  CHECK(masked(text, view, "[https://example.org/d](https://example.org/d)"));
  CHECK(kept(text, view, ". Also "));
}

TEST_CASE("markdown: entities are masked, escaped characters kept") {
  std::string_view text = "Fish &amp; chips cost \\*five\\* pounds&#33;";
  ProseView view = view_of(text, kMarkdown);
  CHECK(view.prose == "Fish       chips cost  *five * pounds     ");
}

TEST_CASE("markdown: lists, nested lists and task lists") {
  std::string_view text =
      "- First item\n  - Nested item\n- [x] Done task\n\n1. Loose one\n\n2. Loose two\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "- ", 0));
  CHECK(masked(text, view, "[x]"));
  CHECK(masked(text, view, "1."));
  CHECK(blocks_of(text, view) ==
        Blocks{"First item", "Nested item", "Done task", "Loose one", "Loose two"});
}

TEST_CASE("markdown: block quotes") {
  std::string_view text = "> Quoted line\n> goes on.\n>\n> Second quote paragraph.\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(view.prose == "  Quoted line\n  goes on.\n \n  Second quote paragraph.\n");
  CHECK(blocks_of(text, view) == Blocks{"Quoted line\n> goes on.", "Second quote paragraph."});
}

TEST_CASE("markdown: tables, one block per cell") {
  std::string_view text = "| Port | Ships |\n|------|------:|\n| Kestrel | 12 |\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(view.prose == "  Port   Ships  \n                \n  Kestrel   12  \n");
  CHECK(blocks_of(text, view) == Blocks{"Port", "Ships", "Kestrel", "12"});
}

TEST_CASE("markdown: thematic breaks and strikethrough") {
  std::string_view text = "Above.\n\n---\n\nA ~~wrong~~ word.";
  ProseView view = view_of(text, kMarkdown);
  CHECK(masked(text, view, "---"));
  CHECK(masked(text, view, "~~", 0));
  CHECK(kept(text, view, "wrong"));
  CHECK(blocks_of(text, view) == Blocks{"Above.", "A ~~wrong~~ word."});
}

TEST_CASE("markdown: directive comments as HTML blocks and inline, not in code") {
  std::string_view text =
      "<!-- copydesk-disable dates.weekday -->\n\nThe vote was Tuesday. "
      "<!-- copydesk-ignore-line -->\n\n```\n<!-- copydesk-in-code -->\n```\n\n"
      "`<!-- copydesk-in-span -->`\n\n<!--\n  copydesk-enable\n-->\n";
  ProseView view = view_of(text, kMarkdown);
  REQUIRE(view.directives.size() == 3);
  CHECK(view.directives[0].body == "copydesk-disable dates.weekday");
  CHECK(view.directives[0].span == span_of(text, "<!-- copydesk-disable dates.weekday -->"));
  CHECK(view.directives[1].body == "copydesk-ignore-line");
  CHECK(view.directives[2].body == "copydesk-enable");
  CHECK(view.directives[2].span == span_of(text, "<!--\n  copydesk-enable\n-->"));
  CHECK(masked(text, view, "<!-- copydesk-ignore-line -->"));
  CHECK(blocks_of(text, view) == Blocks{"The vote was Tuesday."});
}

TEST_CASE("markdown: a header that the article continues is cut out, not indented into code") {
  std::string_view text = "date 2024-03-13     TALLINN, Estonia - Ships left.\n\n    Code.\n";
  ProseView view = view_of(text, kMarkdown, span_of(text, "date 2024-03-13"));
  CHECK(masked(text, view, "date 2024-03-13"));
  CHECK(kept(text, view, "TALLINN, Estonia - Ships left."));
  CHECK(masked(text, view, "Code."));
  CHECK(blocks_of(text, view) == Blocks{"TALLINN, Estonia - Ships left."});
}

TEST_CASE("markdown: front matter is masked and never a heading") {
  std::string_view text = "---\ntitle: Ferry strike\ndate: 2024-05-06\n---\n\nFerries stopped.\n";
  ProseView view = view_of(text, kMarkdown,
                           span_of(text,
                                   "---\ntitle: Ferry strike\n"
                                   "date: 2024-05-06\n---"));
  CHECK(masked(text, view, "title: Ferry strike"));
  CHECK(masked(text, view, "---", 1));
  CHECK(blocks_of(text, view) == Blocks{"Ferries stopped."});
}

TEST_CASE("markdown: metadata after leading text splits the parse in two") {
  std::string_view text = "Intro.\n\nMETA\n\nBody.";
  ProseView view = view_of(text, kMarkdown, span_of(text, "META"));
  CHECK(masked(text, view, "META"));
  CHECK(blocks_of(text, view) == Blocks{"Intro.", "Body."});
}

TEST_CASE("markdown: NUL bytes and CRLF line ends") {
  std::string text = "Null";
  text += '\0';
  text += "byte.\r\nNext line.\r\n";
  ProseView view = view_of(text, kMarkdown);
  CHECK(kept(text, view, "Null"));
  CHECK(kept(text, view, "byte.\r\nNext line."));
  CHECK(view.prose[4] == ' ');
  CHECK(blocks_of(text, view).size() == 1);
}

TEST_CASE("markdown: empty and white-space-only input") {
  CHECK(view_of("", kMarkdown).blocks.empty());
  ProseView view = view_of("  \n\n \t\n", kMarkdown);
  CHECK(view.blocks.empty());
}
