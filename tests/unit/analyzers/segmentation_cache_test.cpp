// segment(prose, blocks, SegmentationCache&): the same result as segmenting everything, with
// only changed paragraphs segmented again.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/engine.hpp"
#include "analyzers/segmentation.hpp"

namespace copydesk::analyzers {
namespace {

// Paragraphs separated by blank lines, as the prose view of plain text makes them.
std::vector<Span> paragraph_blocks(std::string_view text) {
  std::vector<Span> blocks;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    blocks.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
    start = end + 2;
  }
  return blocks;
}

void check_same(const Segmentation& cached, const Segmentation& fresh) {
  REQUIRE(cached.tokens.size() == fresh.tokens.size());
  for (std::size_t i = 0; i < fresh.tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(cached.tokens[i].start == fresh.tokens[i].start);
    CHECK(cached.tokens[i].end == fresh.tokens[i].end);
    CHECK(cached.tokens[i].kind == fresh.tokens[i].kind);
    CHECK(cached.tokens[i].flags == fresh.tokens[i].flags);
  }
  REQUIRE(cached.sentences.size() == fresh.sentences.size());
  for (std::size_t i = 0; i < fresh.sentences.size(); ++i) {
    CAPTURE(i);
    CHECK(cached.sentences[i].span == fresh.sentences[i].span);
    CHECK(cached.sentences[i].first_token == fresh.sentences[i].first_token);
    CHECK(cached.sentences[i].end_token == fresh.sentences[i].end_token);
    CHECK(cached.sentences[i].paragraph == fresh.sentences[i].paragraph);
  }
  REQUIRE(cached.paragraphs.size() == fresh.paragraphs.size());
  for (std::size_t i = 0; i < fresh.paragraphs.size(); ++i) {
    CAPTURE(i);
    CHECK(cached.paragraphs[i].span == fresh.paragraphs[i].span);
    CHECK(cached.paragraphs[i].first_sentence == fresh.paragraphs[i].first_sentence);
    CHECK(cached.paragraphs[i].end_sentence == fresh.paragraphs[i].end_sentence);
  }
}

// Segments `text` through the cache, checks the result against an uncached segment(), and
// returns the cache's counts for the call.
SegmentationCache::Stats segment_and_compare(SegmentationCache& cache, std::string_view text) {
  std::vector<Span> blocks = paragraph_blocks(text);
  check_same(segment(text, blocks, cache), segment(text, blocks));
  return cache.last_call();
}

const std::string kFirst = "Mr. Smith arrived on Tuesday. He left at 3 p.m.";
const std::string kSecond = "The ministry said 234 fighters were killed. Officials agreed.";
const std::string kThird = "\"We will rebuild,\" the mayor told reporters on Wednesday.";

std::string join(const std::vector<std::string>& paragraphs) {
  std::string text;
  for (const std::string& paragraph : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  return text;
}

TEST_CASE("segmentation cache: the first call segments every paragraph, a repeat none") {
  SegmentationCache cache;
  std::string text = join({kFirst, kSecond, kThird});
  SegmentationCache::Stats first = segment_and_compare(cache, text);
  CHECK(first.hits == 0);
  CHECK(first.misses == 3);
  SegmentationCache::Stats again = segment_and_compare(cache, text);
  CHECK(again.hits == 3);
  CHECK(again.misses == 0);
}

TEST_CASE("segmentation cache: an edit re-segments only its paragraph") {
  SegmentationCache cache;
  segment_and_compare(cache, join({kFirst, kSecond, kThird}));
  SegmentationCache::Stats typed =
      segment_and_compare(cache, join({kFirst, kSecond + " More", kThird}));
  CHECK(typed.hits == 2);
  CHECK(typed.misses == 1);
}

TEST_CASE("segmentation cache: moved paragraphs are served at their new offsets") {
  SegmentationCache cache;
  segment_and_compare(cache, join({kFirst, kSecond, kThird}));
  // A paragraph pasted at the top shifts every other one.
  SegmentationCache::Stats pasted = segment_and_compare(
      cache, join({"A new lede. It moves everything.", kFirst, kSecond, kThird}));
  CHECK(pasted.hits == 3);
  CHECK(pasted.misses == 1);
  SegmentationCache::Stats reordered =
      segment_and_compare(cache, join({kThird, kFirst, "A new lede. It moves everything."}));
  CHECK(reordered.hits == 3);
  CHECK(reordered.misses == 0);
}

TEST_CASE("segmentation cache: a paragraph twice in one document") {
  SegmentationCache cache;
  SegmentationCache::Stats twice = segment_and_compare(cache, join({kFirst, kFirst, kSecond}));
  CHECK(twice.misses == 2);
  CHECK(twice.hits == 1);
}

TEST_CASE("segmentation cache: it keeps only the paragraphs the last call used") {
  SegmentationCache cache;
  segment_and_compare(cache, join({kFirst, kSecond}));
  segment_and_compare(cache, join({kThird}));
  // kFirst was dropped when the document no longer had it.
  SegmentationCache::Stats back = segment_and_compare(cache, join({kFirst, kThird}));
  CHECK(back.hits == 1);
  CHECK(back.misses == 1);
}

TEST_CASE("segmentation cache: empty, overlapping and out-of-range blocks as segment() has them") {
  SegmentationCache cache;
  std::string text = kFirst + " " + kSecond;
  const auto size = static_cast<std::uint32_t>(text.size());
  std::vector<Span> blocks{{0, 0}, {0, 20}, {10, 40}, {40, 40}, {35, size + 50}};
  check_same(segment(text, blocks, cache), segment(text, blocks));
  check_same(segment(text, blocks, cache), segment(text, blocks));
  CHECK(cache.last_call().misses == 0);
}

TEST_CASE("segmentation cache: analyze() with it finds what it finds without") {
  SegmentationCache cache;
  AnalysisOptions cached;
  cached.segmentation_cache = &cache;
  std::vector<std::string> versions{
      join({"KYIV, March 13, 2024", kFirst, kSecond, kThird}),
      join({"KYIV, March 13, 2024", kFirst, kSecond + " Reportedly, more died.", kThird}),
      join({"KYIV, March 13, 2024", kThird, kFirst}),
  };
  for (const std::string& text : versions) {
    CAPTURE(text);
    Document document{"article.txt", text, DocumentFormat::plain_text};
    Analysis with = analyze(document, cached);
    Analysis without = analyze(document, AnalysisOptions{});
    check_same(with.segmentation, without.segmentation);
    REQUIRE(with.findings.size() == without.findings.size());
    for (std::size_t i = 0; i < with.findings.size(); ++i) {
      CHECK(with.findings[i].rule == without.findings[i].rule);
      CHECK(with.findings[i].span == without.findings[i].span);
    }
    CHECK(with.annotations.dates.size() == without.annotations.dates.size());
    CHECK(with.annotations.attributions.size() == without.annotations.attributions.size());
    CHECK(with.annotations.claims.size() == without.annotations.claims.size());
  }
  // The last version only reorders paragraphs the one before had.
  CHECK(cache.last_call().misses == 0);
  CHECK(cache.last_call().hits >= 2);
}

}  // namespace
}  // namespace copydesk::analyzers
