#include "analyzers/span_index.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace copydesk::analyzers;

TEST_CASE("span index: holding and overlapping agree with a scan") {
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<Span> spans;
    SpanIndex index;
    int count = static_cast<int>(random() % 40);
    for (int k = 0; k < count; ++k) {
      std::uint32_t start = random() % 200;
      Span span{start, start + static_cast<std::uint32_t>(random() % 60)};
      spans.push_back(span);
      index.add(span, static_cast<std::size_t>(k));
    }
    index.build();
    for (int q = 0; q < 100; ++q) {
      std::uint32_t start = random() % 260;
      Span query{start, start + static_cast<std::uint32_t>(random() % 20)};
      std::vector<std::size_t> expected_holding;
      bool expected_overlap = false;
      for (std::size_t k = 0; k < spans.size(); ++k) {
        if (spans[k].start <= query.start && query.end <= spans[k].end)
          expected_holding.push_back(k);
        if (spans[k].start < query.end && spans[k].end > query.start) expected_overlap = true;
      }
      CHECK(index.holding(query) == expected_holding);
      CHECK(index.any_overlapping(query) == expected_overlap);
    }
  }
}

TEST_CASE("span index: near-misses at the edges") {
  SpanIndex index;
  index.add({10, 20}, 0);
  index.build();
  CHECK(index.holding({10, 20}) == std::vector<std::size_t>{0});
  CHECK(index.holding({9, 12}).empty());
  CHECK(index.holding({15, 21}).empty());
  CHECK_FALSE(index.any_overlapping({20, 25}));  // touching is not overlapping
  CHECK_FALSE(index.any_overlapping({5, 10}));
  CHECK(index.any_overlapping({19, 25}));
}
