#include "analyzers/document.hpp"

#include <array>
#include <cstdio>
#include <string_view>

namespace copydesk::analyzers {
namespace {

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

// Looks `name` up in a table indexed by enum value; names are compared case-insensitively so
// configs may say "Warning" as well as "warning".
template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<const char*, N>& names, std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (iequals(names[i], name)) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

constexpr std::array<const char*, 4> kSeverityNames = {"hint", "info", "warning", "error"};
constexpr std::array<const char*, 6> kSourceKindNames = {"person",    "organization", "official",
                                                         "anonymous", "document",     "unnamed"};
constexpr std::array<const char*, 4> kClaimStatusNames = {"attributed", "hedged", "unverified",
                                                          "unattributed"};
constexpr std::array<const char*, 6> kDatelineSourceNames = {
    "override", "header", "front-matter", "news-dateline", "config", "none"};

template <std::size_t N, typename Enum>
const char* name_of(const std::array<const char*, N>& names, Enum value) {
  auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : "unknown";
}

}  // namespace

const char* to_string(Severity severity) {
  return name_of(kSeverityNames, severity);
}

std::optional<Severity> parse_severity(std::string_view name) {
  return lookup<Severity>(kSeverityNames, name);
}

const char* to_string(SourceKind kind) {
  return name_of(kSourceKindNames, kind);
}

const char* to_string(ClaimStatus status) {
  return name_of(kClaimStatusNames, status);
}

const char* to_string(DatelineSource source) {
  return name_of(kDatelineSourceNames, source);
}

DocumentFormat format_for_path(std::string_view path) {
  // Only the last path component has an extension: "notes.md/readme" is not Markdown.
  std::size_t slash = path.find_last_of("/\\");
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return DocumentFormat::plain_text;
  std::string_view extension = name.substr(dot + 1);
  if (iequals(extension, "md") || iequals(extension, "markdown")) return DocumentFormat::markdown;
  return DocumentFormat::plain_text;
}

std::string to_iso(const CalendarDate& date) {
  char buffer[32];
  if (date.year) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", *date.year, date.month, date.day);
  } else {
    std::snprintf(buffer, sizeof buffer, "XXXX-%02d-%02d", date.month, date.day);
  }
  return buffer;
}

}  // namespace copydesk::analyzers
