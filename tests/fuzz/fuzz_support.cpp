#include "tests/fuzz/fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "protocol/jsonrpc.hpp"
#include "protocol/text_document.hpp"
#include "server/code_actions.hpp"
#include "server/code_lens.hpp"
#include "server/diagnostics.hpp"
#include "server/document_analysis.hpp"
#include "server/document_symbols.hpp"
#include "server/hover.hpp"
#include "server/inlay_hints.hpp"
#include "server/navigation.hpp"
#include "server/semantic_tokens.hpp"

namespace copydesk::fuzz {

using analyzers::Span;
using protocol::json;

void fail(const char* file, int line, const std::string& what) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what.c_str());
  std::abort();
}

std::uint8_t FuzzInput::byte() {
  if (bytes_.empty()) return 0;
  const auto value = static_cast<std::uint8_t>(bytes_.front());
  bytes_.remove_prefix(1);
  return value;
}

std::uint32_t FuzzInput::number(std::uint32_t bound) {
  std::uint64_t value = 0;
  for (std::uint64_t span = bound; span > 0; span >>= 8)
    value = (value << 8) | byte();
  return static_cast<std::uint32_t>(value % (std::uint64_t{bound} + 1));
}

std::string FuzzInput::bytes(std::size_t size) {
  std::string out(bytes_.substr(0, size));
  bytes_.remove_prefix(out.size());
  return out;
}

std::string FuzzInput::text(std::size_t max_size) {
  return bytes(number(static_cast<std::uint32_t>(max_size)));
}

std::string FuzzInput::rest() {
  std::string out(bytes_);
  bytes_ = {};
  return out;
}

protocol::PositionEncoding encoding_from(std::uint8_t choice) {
  switch (choice % 3) {
    case 0:
      return protocol::PositionEncoding::utf8;
    case 1:
      return protocol::PositionEncoding::utf16;
    default:
      return protocol::PositionEncoding::utf32;
  }
}

namespace {

void check_span(Span span, std::size_t text_size, const char* what) {
  FUZZ_CHECK(span.start <= span.end && span.end <= text_size,
             std::string(what) + " span [" + std::to_string(span.start) + ", " +
                 std::to_string(span.end) + ") outside a text of " + std::to_string(text_size) +
                 " bytes");
}

void check_annotations(const analyzers::Document& document, const analyzers::Analysis& analysis) {
  const std::size_t size = document.text.size();
  const std::string& text = document.text;
  const std::string& prose = analysis.prose.prose;

  // The prose view is the text with non-prose blanked: same length, same line breaks.
  FUZZ_CHECK(prose.size() == size, "prose view length differs from the text");
  for (std::size_t i = 0; i < size; ++i) {
    const bool line_break = text[i] == '\n' || text[i] == '\r';
    FUZZ_CHECK(prose[i] == text[i] || (!line_break && prose[i] == ' '),
               "prose view byte " + std::to_string(i) + " is neither the text's nor a blank");
  }
  for (Span block : analysis.prose.blocks)
    check_span(block, size, "prose block");
  for (const auto& directive : analysis.prose.directives)
    check_span(directive.span, size, "directive");
  check_span(analysis.dateline.span, size, "dateline");
  check_span(analysis.dateline.metadata, size, "dateline metadata");

  const analyzers::Segmentation& segmentation = analysis.segmentation;
  std::uint32_t previous_end = 0;
  for (const analyzers::Token& token : segmentation.tokens) {
    check_span(token.span(), size, "token");
    FUZZ_CHECK(token.start < token.end, "empty token");
    FUZZ_CHECK(token.start >= previous_end, "tokens overlap or are out of order");
    previous_end = token.end;
  }
  for (const analyzers::Sentence& sentence : segmentation.sentences) {
    check_span(sentence.span, size, "sentence");
    FUZZ_CHECK(sentence.first_token <= sentence.end_token &&
                   sentence.end_token <= segmentation.tokens.size(),
               "sentence token range out of bounds");
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const analyzers::Token& token = segmentation.tokens[t];
      FUZZ_CHECK(token.start >= sentence.span.start && token.end <= sentence.span.end,
                 "token outside its sentence");
    }
    FUZZ_CHECK(
        sentence.paragraph < segmentation.paragraphs.size() || segmentation.paragraphs.empty(),
        "sentence names a paragraph that does not exist");
  }
  for (const analyzers::Paragraph& paragraph : segmentation.paragraphs) {
    check_span(paragraph.span, size, "paragraph");
    FUZZ_CHECK(paragraph.first_sentence <= paragraph.end_sentence &&
                   paragraph.end_sentence <= segmentation.sentences.size(),
               "paragraph sentence range out of bounds");
  }

  const analyzers::Annotations& annotations = analysis.annotations;
  for (const analyzers::DateMention& date : annotations.dates) {
    for (Span span : {date.span, date.weekday_span, date.month_span, date.day_span, date.year_span,
                      date.time_span})
      check_span(span, size, "date");
    FUZZ_CHECK(!date.restated_by || *date.restated_by < annotations.dates.size(),
               "restated_by out of range");
  }
  for (const analyzers::Attribution& attribution : annotations.attributions) {
    check_span(attribution.cue, size, "attribution cue");
    if (attribution.source) check_span(attribution.source->span, size, "source");
    if (attribution.content) check_span(*attribution.content, size, "attribution content");
  }
  for (const analyzers::Hedge& hedge : annotations.hedges)
    check_span(hedge.span, size, "hedge");
  for (const analyzers::Claim& claim : annotations.claims) {
    check_span(claim.span, size, "claim");
    check_span(claim.focus, size, "claim focus");
    if (claim.caveat) check_span(*claim.caveat, size, "claim caveat");
    FUZZ_CHECK(!claim.attribution || *claim.attribution < annotations.attributions.size(),
               "claim attribution out of range");
  }
  for (const analyzers::Finding& finding : analysis.findings) {
    check_span(finding.span, size, "finding");
    for (const analyzers::RelatedSpan& related : finding.related)
      if (related.path.empty()) check_span(related.span, size, "related span");
    for (const analyzers::Fix& fix : finding.fixes)
      for (const analyzers::TextEdit& edit : fix.edits)
        check_span(edit.span, size, "fix edit");
  }
  for (const auto& name : analysis.names) {
    check_span(name.span, size, "name");
    FUZZ_CHECK(name.first_token <= name.end_token && name.end_token <= segmentation.tokens.size(),
               "name token range out of bounds");
  }
}

// Semantic tokens decoded: each inside one line's content, in order, none overlapping.
void check_semantic_tokens(const server::DocumentAnalysis& document,
                           const std::vector<std::uint32_t>& data) {
  FUZZ_CHECK(data.size() % 5 == 0, "semantic token data is not a multiple of 5");
  const std::string& text = document.document.text;
  std::uint32_t line = 0;
  std::uint32_t start = 0;
  std::uint32_t previous_end = 0;
  for (std::size_t i = 0; i < data.size(); i += 5) {
    const std::uint32_t delta_line = data[i];
    const std::uint32_t length = data[i + 2];
    line += delta_line;
    start = delta_line == 0 ? start + data[i + 1] : data[i + 1];
    FUZZ_CHECK(i == 0 || delta_line > 0 || start >= previous_end,
               "semantic tokens overlap on a line");
    FUZZ_CHECK(line < document.lines.line_count(), "semantic token on a line past the end");
    FUZZ_CHECK(length > 0, "empty semantic token");
    FUZZ_CHECK(data[i + 3] < 8, "semantic token type outside the legend");
    const std::size_t line_start = document.lines.line_start(line);
    const std::size_t line_end = document.lines.line_content_end(text, line);
    const std::size_t units = protocol::count_code_units(
        std::string_view(text).substr(line_start, line_end - line_start), document.encoding);
    FUZZ_CHECK(std::size_t{start} + length <= units, "semantic token runs past its line");
    previous_end = start + length;
  }
}

void check_range(const json& range, const server::DocumentAnalysis& document, const char* what) {
  auto position = [&](const char* key) {
    return protocol::Position{range.at(key).at("line").get<std::uint32_t>(),
                              range.at(key).at("character").get<std::uint32_t>()};
  };
  const protocol::Position start = position("start");
  const protocol::Position end = position("end");
  FUZZ_CHECK(start.line < document.lines.line_count() && end.line < document.lines.line_count(),
             std::string(what) + " range past the last line");
  FUZZ_CHECK(start.line < end.line || (start.line == end.line && start.character <= end.character),
             std::string(what) + " range reversed");
}

}  // namespace

void check_analysis(const analyzers::Document& document, const analyzers::Analysis& analysis,
                    protocol::PositionEncoding encoding, FuzzInput& choices) {
  check_annotations(document, analysis);

  auto result = std::make_shared<server::DocumentAnalysis>();
  result->uri = "file:///fuzz/" + (document.path.empty() ? std::string("doc.txt") : document.path);
  result->version = 1;
  result->encoding = encoding;
  result->document = document;
  result->analysis = analysis;
  result->lines = protocol::LineIndex(document.text);
  result->diagnostics = server::to_lsp_diagnostics(result->analysis.findings, document.text,
                                                   result->lines, result->uri, encoding);
  for (const json& diagnostic : result->diagnostics)
    check_range(diagnostic.at("range"), *result, "diagnostic");
  for (const json& hint : server::highlight_diagnostics(*result))
    check_range(hint.at("range"), *result, "highlight");
  const server::DocumentAnalysis& view = *result;

  // Every reply goes out through the JSON-RPC serializer, which must cope with any text.
  auto send = [](const json& value) { (void)protocol::serialize_result(1, value); };
  check_semantic_tokens(view, server::semantic_tokens(view));
  const auto last_line = static_cast<std::uint32_t>(view.lines.line_count() - 1);
  const std::uint32_t first = choices.number(last_line);
  check_semantic_tokens(view, server::semantic_tokens(view, first, choices.number(last_line)));

  const std::size_t size = document.text.size();
  std::vector<std::size_t> offsets{0, size};
  for (const auto& date : analysis.annotations.dates)
    offsets.push_back(date.span.start);
  for (const auto& attribution : analysis.annotations.attributions)
    if (attribution.source) offsets.push_back(attribution.source->span.start);
  for (const auto& claim : analysis.annotations.claims)
    offsets.push_back(claim.span.start);
  for (int i = 0; i < 4; ++i)
    offsets.push_back(choices.number(static_cast<std::uint32_t>(size)));
  if (offsets.size() > 16) offsets.erase(offsets.begin() + 8, offsets.end() - 8);
  for (std::size_t offset : offsets) {
    if (auto hover = server::hover_at(view, offset, choices.flag())) send(*hover);
    if (std::string canonical = server::source_at(view, offset); !canonical.empty()) {
      send(server::source_highlights(view, canonical));
      send(server::source_references({result}, canonical));
    }
  }
  const std::size_t from = choices.number(static_cast<std::uint32_t>(size));
  send(server::inlay_hints(view, from, choices.number(static_cast<std::uint32_t>(size)),
                           {choices.flag(), choices.flag()}));
  send(server::inlay_hints(view, 0, size, {}));
  send(server::document_symbols(view));
  send(server::summary_code_lens(view));
  send(server::source_symbols({result}, choices.text(4)));
  // A client sends the diagnostics back in a code action request. A client that resolves gets
  // the same actions without edits, and resolving each gives the edit the other client got.
  const json params = {{"context", {{"diagnostics", result->diagnostics}}}};
  const json whole = server::code_actions(view, params, server::CodeActionEdits::inline_edits);
  const json lazy = server::code_actions(view, params, server::CodeActionEdits::on_resolve);
  send(whole);
  send(lazy);
  FUZZ_CHECK(whole.size() == lazy.size(), "resolving changes the number of code actions");
  for (std::size_t i = 0; i < lazy.size(); ++i) {
    FUZZ_CHECK(!lazy[i].contains("edit") && lazy[i].contains("data"),
               "a code action for a resolving client carries an edit or no data");
    std::optional<json> edit = server::resolve_code_action_edit(
        view, server::read_code_action_data(lazy[i]), result->diagnostics);
    // Actions that look the same (one rule, range and title) resolve as the first of them.
    std::size_t first_alike = 0;
    while (lazy[first_alike]["title"] != lazy[i]["title"] ||
           lazy[first_alike]["data"] != lazy[i]["data"])
      ++first_alike;
    FUZZ_CHECK(edit && *edit == whole[first_alike]["edit"],
               "codeAction/resolve gives another edit than the inline one");
  }
}

}  // namespace copydesk::fuzz
