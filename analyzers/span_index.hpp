// Spans with ids, ordered by start, to find those that hold or overlap a span without scanning
// them all: recognizers ask this once per claim, hedge or quotation, and a scan each time makes a
// long document cost quadratic time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analyzers/annotations.hpp"

namespace copydesk::analyzers {

class SpanIndex {
 public:
  void add(Span span, std::size_t id) { entries_.push_back({span.start, span.end, id}); }
  // Call once after the last add and before any query.
  void build();

  // The ids of the spans that hold `span` (start <= span.start, span.end <= end), ascending.
  std::vector<std::size_t> holding(Span span) const;
  // Whether any span overlaps [start, end) (shares at least one byte with it).
  bool any_overlapping(Span span) const;

 private:
  struct Entry {
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::size_t id = 0;
  };
  // Entries that start before `offset` (or at it, when `inclusive`), walked back from the last
  // one while an earlier entry can still reach `reach_at_least`.
  template <class Visit>
  void walk_back(std::uint32_t offset, bool inclusive, std::uint32_t reach_at_least,
                 Visit visit) const;

  std::vector<Entry> entries_;        // by start after build()
  std::vector<std::uint32_t> reach_;  // the largest end among entries_[0..i]
};

}  // namespace copydesk::analyzers
