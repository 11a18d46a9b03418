#include "analyzers/attributions/tagged_text.hpp"

#include <algorithm>

namespace copydesk::analyzers::attributions {
namespace {

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr std::string_view kEmDash = "\xE2\x80\x94";
constexpr std::string_view kEnDash = "\xE2\x80\x93";

}  // namespace

TaggedText::TaggedText(std::string_view prose, const Segmentation& segmentation)
    : prose_(prose), segmentation_(segmentation) {
  infos_.resize(segmentation.tokens.size());
  pair_.resize(segmentation.tokens.size());
  for (std::size_t i = 0; i + 1 < segmentation.tokens.size(); ++i) {
    const Token& a = segmentation.tokens[i];
    const Token& b = segmentation.tokens[i + 1];
    if (a.end == a.start + 1 && b.end == b.start + 1 && a.end == b.start &&
        ((prose[a.start] == '\'' && prose[b.start] == '\'') ||
         (prose[a.start] == '`' && prose[b.start] == '`')) &&
        pair_[i] == 0) {
      pair_[i] = 1;
      pair_[i + 1] = 2;
    }
  }
  const auto count = static_cast<std::uint32_t>(segmentation.tokens.size());
  next_separator_.assign(count + 1, count);
  for (std::uint32_t i = count; i-- > 0;) {
    const Token& t = segmentation.tokens[i];
    // Separators are symbols or punctuation: words need no comparison.
    std::string_view w =
        t.kind == TokenKind::word ? std::string_view{} : prose.substr(t.start, t.end - t.start);
    bool separator = w == "\xC3\x97" || w == "|" || w == "\xE2\x80\xA2" || w == "\xC2\xB7";
    next_separator_[i] = separator ? i : next_separator_[i + 1];
  }
  char buffer[32];
  for (std::size_t i = 0; i < segmentation.tokens.size(); ++i) {
    const Token& t = segmentation.tokens[i];
    if (t.kind != TokenKind::word) {
      // "&" joins compound names like a conjunction.
      if (t.end == t.start + 1 && prose[t.start] == '&') infos_[i].classes = kConjunction;
      continue;
    }
    std::string_view lower = lower_word(prose.substr(t.start, t.end - t.start), buffer, 32);
    if (!lower.empty()) infos_[i] = lookup_word(lower);
    // An all-capital word is an acronym ("US", "AP") or headline type ("SAYS"): never a function
    // word or a cue.
    if ((t.flags & TokenFlag::all_upper) && t.end - t.start >= 2) {
      infos_[i].classes &= kPlace | kOrganizationNoun | kTitle | kCorporateSuffix;
      infos_[i].cue = nullptr;
    }
  }
}

bool TaggedText::is_quote_mark(std::uint32_t i) const {
  if (pair_[i] != 0) return true;
  std::string_view t = text(i);
  return t == "\"" || t == kLeftDouble || t == kRightDouble;
}

bool TaggedText::is_opening_quote(std::uint32_t i) const {
  if (pair_[i] == 2) return is_opening_quote(i - 1);
  std::string_view t = text(i);
  if (t == kLeftDouble || (pair_[i] == 1 && t == "`")) return true;
  if (t != "\"" && pair_[i] != 1) return false;
  // A straight mark opens when what follows it touches it and what precedes it does not.
  std::uint32_t at = token(i).start;
  std::uint32_t after = token(mark_last(i)).end;
  auto spacy = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  bool space_before = at == 0 || spacy(prose_[at - 1]) || prose_[at - 1] == '(';
  bool space_after = after >= prose_.size() || spacy(prose_[after]);
  if (space_before != space_after) return space_before;
  return false;
}

bool TaggedText::is_dash(std::uint32_t i) const {
  std::string_view t = text(i);
  if (t == kEmDash || t == kEnDash) return true;
  if (t != "-") return false;
  std::uint32_t at = token(i).start;
  return at > 0 && prose_[at - 1] == ' ' && at + 1 < prose_.size() && prose_[at + 1] == ' ';
}

bool TaggedText::is_sentence_end_mark(std::uint32_t i) const {
  return is_char(i, '.') || is_char(i, '!') || is_char(i, '?');
}

bool TaggedText::at_sentence_start(std::uint32_t i) const {
  const auto& sentences = segmentation_.sentences;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), i,
                             [](std::uint32_t t, const Sentence& s) { return t < s.first_token; });
  if (it == sentences.begin()) return false;
  return opens_sentence(i, *(it - 1));
}

bool TaggedText::opens_sentence(std::uint32_t i, const Sentence& sentence) const {
  std::uint32_t first = sentence.first_token;
  while (first < i && (is_quote_mark(first) || is_char(first, '(') || is_char(first, '\'')))
    ++first;
  return first == i;
}

}  // namespace copydesk::analyzers::attributions
