#include "server/hover.hpp"

#include <charconv>
#include <chrono>

#include "analyzers/rules.hpp"

namespace copydesk::server {
namespace {

using analyzers::Span;

bool covers(Span span, std::size_t offset) {
  // The end counts too, so a cursor just after the word still hovers it.
  return span.start <= offset && offset <= span.end && !span.empty();
}

std::optional<std::chrono::sys_days> parse_day(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::from_chars(value.data(), value.data() + 4, y).ec != std::errc{} ||
      std::from_chars(value.data() + 5, value.data() + 7, m).ec != std::errc{} ||
      std::from_chars(value.data() + 8, value.data() + 10, d).ec != std::errc{})
    return std::nullopt;
  std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days{day};
}

std::string plural(long n, const char* unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// Markdown or plain text, chosen once per hover.
struct Writer {
  bool markdown;
  std::string out;
  void separator() {
    if (!out.empty()) out += markdown ? "\n\n---\n\n" : "\n\n";
  }
  std::string bold(std::string_view text) const {
    return markdown ? "**" + std::string(text) + "**" : std::string(text);
  }
  std::string code(std::string_view text) const {
    return markdown ? "`" + std::string(text) + "`" : std::string(text);
  }
};

}  // namespace

std::string describe_date(const analyzers::DateMention& date, const analyzers::Dateline& dateline) {
  std::string text = date.value;
  if (!date.weekday.empty()) text += ", " + date.weekday;
  auto day = parse_day(date.value);
  if (day && dateline.date && dateline.date->year && date.value.size() == 10) {
    auto reference = std::chrono::sys_days{std::chrono::year_month_day{
        std::chrono::year{*dateline.date->year}, std::chrono::month{unsigned(dateline.date->month)},
        std::chrono::day{unsigned(dateline.date->day)}}};
    long days = (*day - reference).count();
    if (days == 0)
      text += ": the dateline day";
    else
      text += ": " + plural(std::labs(days), "day") + (days < 0 ? " before" : " after") +
              " the dateline";
  }
  return text;
}

std::optional<protocol::json> hover_at(const DocumentAnalysis& document, std::size_t offset,
                                       bool markdown) {
  const analyzers::Analysis& analysis = document.analysis;
  Writer w{markdown, {}};
  std::optional<Span> range;
  auto narrow_to = [&](Span span) {
    if (!range || span.size() < range->size()) range = span;
  };

  for (const analyzers::DateMention& date : analysis.annotations.dates) {
    if (!covers(date.span, offset)) continue;
    w.separator();
    w.out += w.bold(describe_date(date, analysis.dateline));
    w.out += "\n\n" + date.type + " " + w.code(date.value);
    if (date.relative && !date.anchor.empty()) w.out += ", resolved against " + date.anchor;
    narrow_to(date.span);
  }
  for (const analyzers::Attribution& attribution : analysis.annotations.attributions) {
    if (attribution.source && covers(attribution.source->span, offset)) {
      const analyzers::Source& source = *attribution.source;
      std::string name =
          source.canonical.empty() ? std::string(document.text(source.span)) : source.canonical;
      w.separator();
      w.out += w.bold(name) + " (" + analyzers::to_string(source.kind) + " source)";
      std::size_t claims = 0;
      for (const analyzers::Claim& claim : analysis.annotations.claims) {
        if (!claim.attribution) continue;
        const auto& other = analysis.annotations.attributions[*claim.attribution];
        if (other.source && (other.source->canonical == source.canonical)) {
          if (claims++ == 0) w.out += "\n\nClaims attributed to this source:";
          w.out += "\n- " + std::string(document.text(claim.span).substr(0, 120));
        }
      }
      narrow_to(source.span);
    } else if (covers(attribution.cue, offset)) {
      w.separator();
      w.out += w.bold("Attribution cue");
      if (attribution.source)
        w.out += ": " + (attribution.source->canonical.empty()
                             ? std::string(document.text(attribution.source->span))
                             : attribution.source->canonical);
      narrow_to(attribution.cue);
    }
  }
  for (const analyzers::Hedge& hedge : analysis.annotations.hedges) {
    if (!covers(hedge.span, offset)) continue;
    w.separator();
    w.out += w.bold("Hedge") + " (" + hedge.kind + "): the claim is qualified, not stated.";
    narrow_to(hedge.span);
  }
  for (const analyzers::Finding& finding : analysis.findings) {
    if (!covers(finding.span, offset)) continue;
    w.separator();
    const analyzers::RuleInfo* rule = analyzers::find_rule(finding.rule);
    w.out += w.bold(finding.rule) + " (" + analyzers::to_string(finding.severity) +
             "): " + finding.message;
    if (rule) w.out += "\n\n" + std::string(rule->summary);
    w.out += markdown ? "\n\n[Documentation](" + analyzers::rule_doc_url(finding.rule) + ")"
                      : "\n\n" + analyzers::rule_doc_url(finding.rule);
    narrow_to(finding.span);
  }
  if (w.out.empty()) {
    // A claim is the widest annotation: shown only when nothing narrower is under the cursor.
    for (const analyzers::Claim& claim : analysis.annotations.claims) {
      if (!covers(claim.span, offset)) continue;
      w.separator();
      w.out += w.bold(std::string("Claim: ") + analyzers::to_string(claim.status));
      for (const std::string& reason : claim.reasons)
        w.out += "\n- " + reason;
      narrow_to(claim.span);
    }
  }
  if (w.out.empty()) return std::nullopt;
  return protocol::json{
      {"contents", {{"kind", markdown ? "markdown" : "plaintext"}, {"value", w.out}}},
      {"range", document.range(*range)}};
}

}  // namespace copydesk::server
