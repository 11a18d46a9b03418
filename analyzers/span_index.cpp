#include "analyzers/span_index.hpp"

#include <algorithm>

namespace copydesk::analyzers {

void SpanIndex::build() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.start < b.start; });
  reach_.clear();
  reach_.reserve(entries_.size());
  std::uint32_t reach = 0;
  for (const Entry& entry : entries_) {
    reach = std::max(reach, entry.end);
    reach_.push_back(reach);
  }
}

template <class Visit>
void SpanIndex::walk_back(std::uint32_t offset, bool inclusive, std::uint32_t reach_at_least,
                          Visit visit) const {
  auto after = inclusive
                   ? std::upper_bound(entries_.begin(), entries_.end(), offset,
                                      [](std::uint32_t o, const Entry& e) { return o < e.start; })
                   : std::lower_bound(entries_.begin(), entries_.end(), offset,
                                      [](const Entry& e, std::uint32_t o) { return e.start < o; });
  for (auto i = static_cast<std::size_t>(after - entries_.begin()); i > 0; --i) {
    if (reach_[i - 1] < reach_at_least) break;
    if (!visit(entries_[i - 1])) break;
  }
}

std::vector<std::size_t> SpanIndex::holding(Span span) const {
  std::vector<std::size_t> ids;
  walk_back(span.start, true, span.end, [&](const Entry& e) {
    if (span.end <= e.end) ids.push_back(e.id);
    return true;
  });
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool SpanIndex::any_overlapping(Span span) const {
  bool found = false;
  // Overlap: e.start < span.end and e.end > span.start.
  walk_back(span.end, false, span.start + 1, [&](const Entry& e) {
    found = e.end > span.start;
    return !found;
  });
  return found;
}

}  // namespace copydesk::analyzers
