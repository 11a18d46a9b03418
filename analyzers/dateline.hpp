// Finding a document's reference date (its dateline).
#pragma once

#include <optional>
#include <string_view>

#include "analyzers/document.hpp"

namespace copydesk::analyzers {

struct DatelineInputs {
  std::optional<CalendarDate> override_value;  // --dateline or the LSP setting
  std::optional<CalendarDate> config_default;  // the config file's `dateline`
};

// In this order: the override; a `date YYYY-MM-DD` header at the start of the file (after
// optional white space; the article may continue on the same line); Markdown front matter
// (`date:` in YAML `---` or TOML `+++`); an opening news dateline in the first lines ("Friday,
// January 4, 2019", "WASHINGTON, March 3 (Reuters) -"); the config default; none.
// For header and front matter, `span` covers the whole metadata block, which is not prose.
// `metadata` is that block whenever one is present, even when another source supplies the date
// (a header with an impossible date is not metadata: it stays visible to the checks).
Dateline find_dateline(std::string_view text, DocumentFormat format, const DatelineInputs& inputs);

// Parses YYYY-MM-DD (also the date part of an ISO datetime); nullopt if not a real date.
std::optional<CalendarDate> parse_iso_date(std::string_view text);

}  // namespace copydesk::analyzers
