#include "analyzers/suppression.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>

#include "analyzers/config.hpp"
#include "analyzers/rules.hpp"

namespace copydesk::analyzers {
namespace {

constexpr std::string_view kUnusedRule = "suppression.unused";
constexpr std::uint32_t kEndOfText = std::numeric_limits<std::uint32_t>::max();

enum class Command { disable_next_line, disable_line, disable, enable, unknown };

struct Directive {
  Command command = Command::unknown;
  std::string name;                // the command word as written
  std::vector<std::string> rules;  // empty: all rules
  std::string reason;              // after "--"
};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

Directive parse_directive(std::string_view body) {
  Directive directive;
  std::size_t i = 0;
  while (i < body.size() && !is_space(body[i]))
    ++i;
  directive.name = std::string(body.substr(0, i));
  if (directive.name == "copydesk-disable-next-line")
    directive.command = Command::disable_next_line;
  if (directive.name == "copydesk-disable-line") directive.command = Command::disable_line;
  if (directive.name == "copydesk-disable") directive.command = Command::disable;
  if (directive.name == "copydesk-enable") directive.command = Command::enable;
  std::string_view rest = body.substr(i);
  // The reason starts at a "--" that begins a word; rule ids never contain one.
  for (std::size_t at = rest.find("--"); at != std::string_view::npos;
       at = rest.find("--", at + 2)) {
    if (at == 0 || is_space(rest[at - 1])) {
      std::string_view reason = rest.substr(at + 2);
      while (!reason.empty() && is_space(reason.front()))
        reason.remove_prefix(1);
      while (!reason.empty() && is_space(reason.back()))
        reason.remove_suffix(1);
      directive.reason = std::string(reason);
      rest = rest.substr(0, at);
      break;
    }
  }
  std::string rule;
  for (char c : rest) {
    if (c == ',' || is_space(c)) {
      if (!rule.empty()) directive.rules.push_back(std::move(rule));
      rule.clear();
    } else {
      rule += c;
    }
  }
  if (!rule.empty()) directive.rules.push_back(std::move(rule));
  return directive;
}

// Line starts for \n, \r\n and lone \r breaks.
std::vector<std::uint32_t> line_starts(std::string_view text) {
  std::vector<std::uint32_t> starts = {0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') starts.push_back(static_cast<std::uint32_t>(i + 1));
  }
  return starts;
}

std::size_t line_of(const std::vector<std::uint32_t>& starts, std::uint32_t offset) {
  return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                  starts.begin()) -
         1;
}

// Where a directive is in force: [begin, end) of the text, for one rule or for all rules
// (then `except` lists rules enabled again inside a disable-all range).
struct Scope {
  std::size_t directive = 0;
  std::string rule;  // empty: all rules
  std::set<std::string> except;
  std::uint32_t begin = 0;
  std::uint32_t end = kEndOfText;

  bool covers(const Finding& finding) const {
    if (finding.span.start < begin || finding.span.start >= end) return false;
    return rule.empty() ? !except.contains(finding.rule) : rule == finding.rule;
  }
};

// Deletes the comment; when it is alone on its line, the whole line goes.
TextEdit remove_comment(std::string_view text, Span comment) {
  comment.end = std::min<std::uint32_t>(comment.end, static_cast<std::uint32_t>(text.size()));
  comment.start = std::min(comment.start, comment.end);
  std::uint32_t begin = comment.start;
  while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t'))
    --begin;
  std::uint32_t end = comment.end;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
    ++end;
  const bool line_starts_here = begin == 0 || text[begin - 1] == '\n' || text[begin - 1] == '\r';
  const bool line_ends_here = end == text.size() || text[end] == '\n' || text[end] == '\r';
  if (line_starts_here && line_ends_here) {
    if (end < text.size() && text[end] == '\r') ++end;
    if (end < text.size() && text[end] == '\n') ++end;
    return {{begin, end}, ""};
  }
  // Keep the text before the comment, minus the spaces that separated them.
  if (!line_starts_here) return {{begin, comment.end}, ""};
  return {{comment.start, end}, ""};
}

std::string write_comment(const Directive& directive, const std::vector<std::string>& rules) {
  std::string comment = "<!-- " + directive.name;
  for (std::size_t i = 0; i < rules.size(); ++i)
    comment += (i == 0 ? " " : ", ") + rules[i];
  if (!directive.reason.empty()) comment += " -- " + directive.reason;
  return comment + " -->";
}

Finding unused_finding(const DirectiveComment& comment, std::string message) {
  Finding finding;
  finding.rule = std::string(kUnusedRule);
  finding.severity = Severity::info;
  finding.message = std::move(message);
  finding.span = comment.span;
  return finding;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace

std::vector<Finding> apply_suppressions(std::string_view text,
                                        const std::vector<DirectiveComment>& directives,
                                        std::vector<Finding> findings) {
  if (directives.empty()) return findings;
  const std::vector<std::uint32_t> starts = line_starts(text);
  const auto line_span = [&](std::size_t line) {
    if (line >= starts.size()) return Span{kEndOfText, kEndOfText};  // past the last line
    const std::uint32_t end = line + 1 < starts.size() ? starts[line + 1] : kEndOfText;
    return Span{starts[line], end};
  };

  std::vector<Directive> parsed;
  for (const DirectiveComment& comment : directives)
    parsed.push_back(parse_directive(comment.body));
  std::vector<std::size_t> order(directives.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return directives[a].span.start < directives[b].span.start;
  });

  // Directives and the rules in them ("" for all) that did something.
  std::vector<std::set<std::string>> effective(directives.size());
  std::vector<Scope> scopes;
  std::map<std::string, std::size_t> open_rules;  // rule -> scope
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::size_t open_all = kNone;  // scope; an optional here trips -Wmaybe-uninitialized
  const auto close = [&](std::size_t scope, std::uint32_t at) { scopes[scope].end = at; };

  for (std::size_t index : order) {
    const Directive& directive = parsed[index];
    const Span span = directives[index].span;
    std::vector<std::string> names = directive.rules;
    if (names.empty()) names.push_back("");
    switch (directive.command) {
      case Command::disable_next_line:
      case Command::disable_line: {
        std::size_t line = line_of(starts, span.start);
        if (directive.command == Command::disable_next_line) line = line_of(starts, span.end) + 1;
        const Span lines = line_span(line);
        for (const std::string& name : names) {
          scopes.push_back({index, name, {}, lines.start, lines.end});
        }
        break;
      }
      case Command::disable:
        for (const std::string& name : names) {
          // Disabling what is already disabled does nothing, and is reported as unused.
          if (name.empty() ? open_all != kNone : open_rules.contains(name)) continue;
          scopes.push_back({index, name, {}, span.end, kEndOfText});
          if (name.empty()) {
            open_all = scopes.size() - 1;
          } else {
            open_rules[name] = scopes.size() - 1;
          }
        }
        break;
      case Command::enable:
        for (const std::string& name : names) {
          bool closed = false;
          if (name.empty()) {
            for (const auto& [rule, scope] : open_rules)
              close(scope, span.start);
            closed = !open_rules.empty() || open_all != kNone;
            open_rules.clear();
            if (open_all != kNone) close(open_all, span.start);
            open_all = kNone;
          } else {
            if (const auto it = open_rules.find(name); it != open_rules.end()) {
              close(it->second, span.start);
              open_rules.erase(it);
              closed = true;
            }
            // Inside a disable-all range, the rest stay disabled: split the range there.
            if (open_all != kNone && !scopes[open_all].except.contains(name)) {
              Scope rest = scopes[open_all];
              close(open_all, span.start);
              rest.except.insert(name);
              rest.begin = span.start;
              scopes.push_back(std::move(rest));
              open_all = scopes.size() - 1;
              closed = true;
            }
          }
          if (closed) effective[index].insert(name);
        }
        break;
      case Command::unknown:
        break;
    }
  }

  std::vector<Finding> kept;
  kept.reserve(findings.size());
  for (Finding& finding : findings) {
    bool suppressed = false;
    // Reports about suppressions must not hide themselves.
    if (finding.rule != kUnusedRule) {
      for (const Scope& scope : scopes) {
        if (!scope.covers(finding)) continue;
        suppressed = true;
        effective[scope.directive].insert(scope.rule);
      }
    }
    if (!suppressed) kept.push_back(std::move(finding));
  }

  for (std::size_t index : order) {
    const Directive& directive = parsed[index];
    const DirectiveComment& comment = directives[index];
    if (directive.command == Command::unknown) {
      kept.push_back(unused_finding(
          comment, "unknown directive " + quoted(directive.name) +
                       "; expected copydesk-disable-next-line, copydesk-disable-line, "
                       "copydesk-disable or copydesk-enable"));
      continue;
    }
    std::vector<std::string> names = directive.rules;
    if (names.empty()) names.push_back("");
    std::vector<std::string> unused;
    for (const std::string& name : names) {
      if (!effective[index].contains(name)) unused.push_back(name);
    }
    for (const std::string& name : unused) {
      std::string message;
      if (directive.command == Command::enable) {
        message = "this copydesk-enable of " + (name.empty() ? "all rules" : name) +
                  " matches no copydesk-disable";
      } else if (!name.empty() && !find_rule(name)) {
        message = "this suppression names " + quoted(name) + ", which is no known rule";
        if (const auto suggestion = suggest_rule_id(name); !suggestion.empty()) {
          message += " (did you mean " + quoted(suggestion) + "?)";
        }
      } else {
        message =
            "this suppression of " + (name.empty() ? "all rules" : name) + " suppressed nothing";
      }
      Finding finding = unused_finding(comment, std::move(message));
      if (unused.size() == names.size()) {
        finding.fixes.push_back(
            {"Remove the unused suppression comment", {remove_comment(text, comment.span)}});
      } else {
        std::vector<std::string> others;
        for (const std::string& rule : directive.rules) {
          if (rule != name) others.push_back(rule);
        }
        finding.fixes.push_back({"Remove " + name + " from the suppression comment",
                                 {{comment.span, write_comment(directive, others)}}});
      }
      kept.push_back(std::move(finding));
    }
  }
  return kept;
}

}  // namespace copydesk::analyzers
