#include "analyzers/attributions/phrases.hpp"

namespace copydesk::analyzers::attributions {
namespace {

constexpr std::uint32_t kNominalClasses = kRoleNoun | kOrganizationNoun | kAnonymousNoun |
                                          kDocumentNoun | kPersonNoun | kRecipientNoun | kTitle |
                                          kNumberWord | kCorporateSuffix | kNameParticle;

// Classes that end a noun phrase even when capitalized ("But", "In", "He", "Has").
constexpr std::uint32_t kStopClasses = kAuxiliary | kModal | kNegation | kPersonalPronoun |
                                       kRelativePronoun | kPreposition | kConjunction |
                                       kSubordinator | kObjectPronoun;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// "-", "&", "/" or an apostrophe glued to its neighbours: "Ukraine-based", "AT&T", "Reuters'".
bool is_connector(const TaggedText& text, std::uint32_t i) {
  const Token& t = text.token(i);
  if (t.kind != TokenKind::punctuation && t.kind != TokenKind::symbol) return false;
  std::string_view s = text.text(i);
  std::string_view prose = text.prose();
  bool glued_before = t.start > 0 && !is_space(prose[t.start - 1]);
  bool glued_after = t.end < prose.size() && !is_space(prose[t.end]);
  if (s == "-" || s == "&" || s == "/" || s == "\xE2\x80\x90" || s == "\xE2\x80\x91")
    return glued_before && glued_after;
  if (s == "'" || s == "\xE2\x80\x99") return glued_before;  // Reuters' report
  return false;
}

bool is_determiner(const TaggedText& text, std::uint32_t i) {
  return text.is_word(i) && text.has(i, kDeterminer) &&
         !text.has(i, kRelativePronoun | kNumberWord);
}

// "of", "for" always; "at", "from", "with", "in" after a noun that names people or a body
// ("officials in Kyiv", "a lawyer with the firm").
bool is_inner_preposition(const TaggedText& text, std::uint32_t prep, std::uint32_t before) {
  if (!text.is_word(prep) || text.is_capitalized(prep)) return false;
  std::string_view t = text.text(prep);
  if (t == "of" || t == "for") return true;
  // "a person familiar with the talks", "sources close to the ministry"
  std::string_view b = text.text(before);
  if (b == "familiar" || b == "close" || b == "knowledgeable" || b == "briefed" || b == "involved")
    return t == "with" || t == "to" || t == "about" || t == "on" || t == "in";
  if (t == "at" || t == "from" || t == "with" || t == "in")
    return text.has(before,
                    kRoleNoun | kOrganizationNoun | kAnonymousNoun | kPersonNoun | kDocumentNoun);
  return false;
}

bool is_boundary(const TaggedText& text, std::uint32_t i) {
  const Token& t = text.token(i);
  if (t.kind == TokenKind::punctuation) return !is_connector(text, i);
  if (t.kind != TokenKind::word) return false;
  return text.has(i, kConjunction | kSubordinator | kRelativePronoun | kPreposition | kCueWord |
                         kTimeWord | kVerb | kAuxiliary | kModal);
}

// The chunk of nominal tokens ending at `last` (inclusive), not before `limit`.
TokenRange chunk_ending_at(const TaggedText& text, std::uint32_t limit, std::uint32_t last) {
  if (last < limit || last >= text.size()) return {};
  if (!is_nominal(text, last) && !is_connector(text, last)) return {};
  if (is_connector(text, last)) {
    // Reuters' or a trailing hyphen: the word before carries the phrase.
    if (last == limit || !is_nominal(text, last - 1)) return {};
  }
  std::uint32_t start = last + 1;
  std::int64_t i = last;
  while (i >= static_cast<std::int64_t>(limit)) {
    std::uint32_t u = static_cast<std::uint32_t>(i);
    if (is_connector(text, u)) {
      if (u > limit && is_nominal(text, u - 1)) {
        --i;
        continue;
      }
      break;
    }
    if (is_determiner(text, u)) {
      start = u;
      // "the head of the ministry": a preposition inside the phrase joins two of them.
      if (u >= limit + 2 && is_inner_preposition(text, u - 1, u - 2) && is_nominal(text, u - 2)) {
        i = static_cast<std::int64_t>(u) - 2;
        continue;
      }
      break;
    }
    if (is_nominal(text, u)) {
      start = u;
      if (u >= limit + 2 && is_inner_preposition(text, u - 1, u - 2) && is_nominal(text, u - 2)) {
        i = static_cast<std::int64_t>(u) - 2;
        continue;
      }
      --i;
      continue;
    }
    break;
  }
  if (start > last) return {};
  // "at least two", "more than 30": the quantifier's words belong to the phrase.
  if (start >= limit + 1 && (text.text(start) == "least" || text.text(start) == "most") &&
      (text.text(start - 1) == "at" || text.text(start - 1) == "At"))
    --start;
  else if (start >= limit + 2) {
    std::string_view before = text.text(start - 1);
    std::string_view before2 = text.text(start - 2);
    if ((before == "least" || before == "most") && (before2 == "at" || before2 == "At"))
      start -= 2;
    else if (before == "than" && (before2 == "more" || before2 == "fewer" || before2 == "less" ||
                                  before2 == "More" || before2 == "Fewer" || before2 == "Less"))
      start -= 2;
  }
  // The phrase must start where a phrase can: after a boundary, or at a capital, a determiner
  // or a number. "visited the ministry" is no subject; drop leading plain words until it is.
  if (start > limit && !is_boundary(text, start - 1)) {
    while (start <= last && text.is_plain_lower(start))
      ++start;
    if (start > last) return {};
  }
  return {start, last + 1};
}

bool is_age(const TaggedText& text, TokenRange range) {
  return range.end == range.first + 1 && text.token(range.first).kind == TokenKind::number;
}

// The appositive between two commas must read as a noun phrase or a relative clause.
bool starts_appositive(const TaggedText& text, std::uint32_t i) {
  if (!text.is_word(i)) return false;
  if (text.has(i, kDeterminer | kRoleNoun | kTitle | kRelativePronoun | kNumberWord)) return true;
  if (text.has(i, kStopClasses | kCueWord | kVerb)) return false;
  return text.is_capitalized(i) || text.is_plain_lower(i) || text.has(i, kNominalClasses);
}

bool is_time_or_day(const TaggedText& text, std::uint32_t i) {
  return text.has(i, kTimeWord | kNotName);
}

// The phrase's head: its last word, or the lower-case noun before "of"/"for" ("the spokesperson
// of the agency"); a capitalized name keeps its last word ("the Freedom of Russia Legion").
std::uint32_t head_of(const TaggedText& text, TokenRange core) {
  for (std::uint32_t j = core.first + 1; j + 1 < core.end; ++j) {
    if (!text.is_word(j) || text.is_capitalized(j) || !text.has(j, kPreposition)) continue;
    std::uint32_t before = j - 1;
    if (text.is_word(before) && !text.is_capitalized(before) &&
        is_inner_preposition(text, j, before)) {
      // "a person familiar with": the noun before the adjective heads the phrase.
      std::string_view b = text.text(before);
      if ((b == "familiar" || b == "close" || b == "knowledgeable" || b == "briefed" ||
           b == "involved") &&
          before > core.first)
        return before - 1;
      return before;
    }
  }
  std::uint32_t last = core.end - 1;
  while (last > core.first && !text.is_word(last) && text.token(last).kind != TokenKind::number)
    --last;
  return last;
}

}  // namespace

bool is_nominal(const TaggedText& text, std::uint32_t i) {
  const Token& t = text.token(i);
  if (t.kind == TokenKind::number) return true;
  if (t.kind != TokenKind::word) return false;
  const WordInfo& info = text.info(i);
  if (info.has(kNominalClasses)) {
    // "that", "one": determiners first; "who", "him": never.
    return !info.has(kPersonalPronoun | kObjectPronoun | kRelativePronoun);
  }
  if (info.has(kStopClasses)) return false;
  if (info.has(kTimeWord | kNotName)) return false;
  if (text.is_capitalized(i)) return !info.has(kVerb);
  // "the talks", "his claims": a verb form after a determiner is a noun.
  if (info.cue && i > 0 && text.is_word(i - 1) && text.has(i - 1, kDeterminer) &&
      !text.has(i - 1, kRelativePronoun) &&
      (info.cue->form == VerbForm::third_person || info.cue->form == VerbForm::base ||
       info.cue->form == VerbForm::noun))
    return true;
  if (info.has(kCueWord | kVerb | kDeterminer)) return false;
  std::string_view word = text.text(i);
  if (word.size() > 4 && word.ends_with("ly")) return false;  // an adverb: "supposedly"
  // A participle that takes a phrase: "composed of", "based in", "backed by".
  if (word.size() > 4 && word.ends_with("ed") && i + 1 < text.size() && text.is_word(i + 1) &&
      text.has(i + 1, kPreposition) && !text.is_capitalized(i + 1))
    return false;
  return true;  // a plain lower-case word: adjective or noun
}

NounPhrase subject_before(const TaggedText& text, std::uint32_t limit, std::uint32_t end) {
  NounPhrase phrase;
  if (end <= limit) return phrase;
  std::uint32_t p = end - 1;
  if (text.is_word(p) && text.has(p, kPersonalPronoun | kRelativePronoun)) {
    std::string_view t = text.text(p);
    // "that" as a subject is mostly a conjunction ("said that"), never a source here.
    if (t == "that" || t == "That") return phrase;
    phrase.range = phrase.core = {p, p + 1};
    phrase.head = p;
    phrase.pronoun = true;
    return phrase;
  }
  if (text.is_word(p) && text.has(p, kQuantifier)) {
    // A quantifier standing alone: "most said", "the two said", "two in three said", "all but two
    // said".
    std::uint32_t first = p;
    if (p >= limit + 1 && is_determiner(text, p - 1) && !text.has(p - 1, kQuantifier))
      first = p - 1;
    else if (p >= limit + 2 && text.is_word(p - 1) && text.is_word(p - 2) &&
             ((text.text(p - 1) == "in" && text.has(p - 2, kQuantifier)) ||
              (text.text(p - 1) == "but" &&
               (text.text(p - 2) == "all" || text.text(p - 2) == "All"))))
      first = p - 2;
    phrase.range = phrase.core = {first, p + 1};
    phrase.head = p;
    return phrase;
  }
  if (text.is_char(p, ',')) {
    // NAME, APPOSITIVE, said
    std::int64_t q = static_cast<std::int64_t>(p) - 1;
    while (q >= static_cast<std::int64_t>(limit)) {
      std::uint32_t u = static_cast<std::uint32_t>(q);
      if (text.is_char(u, ',')) break;
      if (text.is_quote_mark(u) || text.is_char(u, ';') || text.is_char(u, ':') ||
          text.is_sentence_end_mark(u))
        return phrase;
      --q;
    }
    if (q < static_cast<std::int64_t>(limit) + 1) return phrase;
    std::uint32_t comma = static_cast<std::uint32_t>(q);
    TokenRange appositive{comma + 1, p};
    if (appositive.empty()) return phrase;
    TokenRange core = chunk_ending_at(text, limit, comma - 1);
    if (core.empty()) return phrase;
    phrase.core = core;
    phrase.head = head_of(text, core);
    if (is_age(text, appositive)) {
      phrase.range = core;
      return phrase;
    }
    if (!starts_appositive(text, appositive.first)) return {};
    phrase.appositive = appositive;
    phrase.range = {core.first, p + 1};
    return phrase;
  }
  if (text.is_dash(p) || text.is_char(p, ')')) {
    // NAME — aside — said; NAME (R-Texas) said
    bool dash = text.is_dash(p);
    std::int64_t q = static_cast<std::int64_t>(p) - 1;
    while (q >= static_cast<std::int64_t>(limit)) {
      std::uint32_t u = static_cast<std::uint32_t>(q);
      if (dash ? text.is_dash(u) : text.is_char(u, '(')) break;
      --q;
    }
    if (q < static_cast<std::int64_t>(limit) + 1) return phrase;
    std::uint32_t open = static_cast<std::uint32_t>(q);
    TokenRange core = chunk_ending_at(text, limit, open - 1);
    if (core.empty()) return phrase;
    phrase.core = core;
    phrase.head = head_of(text, core);
    phrase.range = dash ? core : TokenRange{core.first, p + 1};
    return phrase;
  }
  TokenRange core = chunk_ending_at(text, limit, p);
  if (core.empty()) return phrase;
  // Compound subjects: "Google and Yahoo", "the Legion and the Battalion".
  if (core.first >= limit + 2 && text.has(core.first - 1, kConjunction) &&
      !text.has(core.first - 1, kSubordinator)) {
    std::string_view conjunction = text.text(core.first - 1);
    if (conjunction == "and" || conjunction == "&" || conjunction == "or") {
      TokenRange left = chunk_ending_at(text, limit, core.first - 2);
      // "both the Legion and the Battalion", "either side or the other"
      if (!left.empty() && left.first > limit) {
        std::string_view pair = text.text(left.first - 1);
        if (pair == "both" || pair == "Both" || pair == "either" || pair == "Either" ||
            pair == "neither" || pair == "Neither")
          --left.first;
      }
      if (!left.empty() && (left.first == limit || is_boundary(text, left.first - 1)))
        core.first = left.first;
    }
  }
  phrase.range = phrase.core = core;
  phrase.head = head_of(text, core);
  return phrase;
}

NounPhrase phrase_after(const TaggedText& text, std::uint32_t first, std::uint32_t end,
                        bool allow_appositive) {
  NounPhrase phrase;
  if (first >= end) return phrase;
  if (text.is_word(first) && text.has(first, kPersonalPronoun)) {
    phrase.range = phrase.core = {first, first + 1};
    phrase.head = first;
    phrase.pronoun = true;
    return phrase;
  }
  std::uint32_t i = first;
  bool any_nominal = false;
  while (i < end) {
    if (is_determiner(text, i)) {
      // A determiner opens the phrase, or follows a preposition inside it.
      if (i != first &&
          !(i > first && is_inner_preposition(text, i - 1, i - 1 > first ? i - 2 : i)))
        break;
      ++i;
      continue;
    }
    if (is_nominal(text, i) && !is_time_or_day(text, i)) {
      any_nominal = true;
      ++i;
      continue;
    }
    if (any_nominal && is_connector(text, i) && i + 1 < end && is_nominal(text, i + 1)) {
      ++i;
      continue;
    }
    if (any_nominal && i + 1 < end && is_inner_preposition(text, i, i - 1) &&
        (is_nominal(text, i + 1) || is_determiner(text, i + 1))) {
      ++i;
      continue;
    }
    if (any_nominal && i + 1 < end && text.has(i, kConjunction) && text.text(i) != "but" &&
        text.text(i) != "or" && (text.is_capitalized(i + 1) || is_determiner(text, i + 1))) {
      ++i;
      continue;
    }
    break;
  }
  // Trailing prepositions and determiners do not end a phrase.
  while (i > first && (text.has(i - 1, kPreposition | kConjunction) || is_determiner(text, i - 1)))
    --i;
  if (!any_nominal || i == first) return phrase;
  phrase.core = {first, i};
  phrase.head = head_of(text, phrase.core);
  phrase.range = phrase.core;
  if (allow_appositive && i + 1 < end && text.is_char(i, ',') && starts_appositive(text, i + 1) &&
      !text.has(i + 1, kRelativePronoun)) {
    std::uint32_t j = i + 1;
    while (j < end && !text.is_char(j, ',') && !text.is_sentence_end_mark(j) &&
           !text.is_quote_mark(j) && !text.has(j, kCueWord | kAuxiliary | kModal) &&
           !(text.has(j, kVerb) && !text.is_capitalized(j)) && !text.is_char(j, ';') &&
           !text.is_char(j, ':'))
      ++j;
    bool at_end = j == end || (j + 1 == end && text.is_sentence_end_mark(j));
    if (j > i + 1 && (at_end || text.is_char(j, ','))) {
      phrase.appositive = {i + 1, j};
      phrase.range = {first, j};
    }
  }
  return phrase;
}

std::uint32_t skip_recipient(const TaggedText& text, std::uint32_t first, std::uint32_t end) {
  if (first >= end) return first;
  if (text.is_word(first) && text.has(first, kObjectPronoun) && !text.has(first, kDeterminer))
    return first + 1;
  if (text.text(first) == "her") return first + 1;
  NounPhrase listener = phrase_after(text, first, end, false);
  if (listener.core.empty()) return first;
  bool named = true;
  for (std::uint32_t i = listener.core.first; i < listener.core.end; ++i)
    if (text.is_word(i) && !text.is_capitalized(i) && !text.has(i, kDeterminer)) named = false;
  if (!named && !text.has(listener.head, kRecipientNoun) && !text.is_capitalized(listener.head))
    return first;
  // Something must remain to be the content.
  std::uint32_t after = skip_verb_modifiers(text, listener.core.end, end);
  while (after < end && text.is_char(after, ','))
    ++after;
  if (after >= end || text.is_sentence_end_mark(after)) return first;
  return listener.core.end;
}

std::uint32_t skip_verb_modifiers(const TaggedText& text, std::uint32_t first, std::uint32_t end) {
  std::uint32_t i = first;
  while (i < end) {
    // Sunday; last week; March 12; earlier this year
    if (text.is_word(i) && is_time_or_day(text, i) && !text.has(i, kDeterminer | kModal)) {
      ++i;
      while (i < end && (text.token(i).kind == TokenKind::number || is_time_or_day(text, i)))
        ++i;
      continue;
    }
    if (text.is_word(i) && text.has(i, kDeterminer) && i + 1 < end &&
        (text.text(i) == "last" || text.text(i) == "this" || text.text(i) == "next") &&
        text.has(i + 1, kTimeWord)) {
      i += 2;
      continue;
    }
    if (text.is_word(i) && (text.text(i) == "last" || text.text(i) == "next") && i + 1 < end &&
        text.has(i + 1, kTimeWord)) {
      i += 2;
      continue;
    }
    // Adverbs: repeatedly, publicly, later.
    if (text.is_word(i) && !text.is_capitalized(i) &&
        (text.has(i, kVerbAdverb) ||
         (text.text(i).ends_with("ly") && text.text(i).size() > 4 && text.info(i).classes == 0))) {
      ++i;
      continue;
    }
    // (Mar 12)
    if (text.is_char(i, '(')) {
      std::uint32_t j = i + 1;
      while (j < end && j < i + 8 && !text.is_char(j, ')'))
        ++j;
      if (j < end && text.is_char(j, ')')) {
        i = j + 1;
        continue;
      }
      break;
    }
    // in a statement; on Twitter; at a news conference in Ohio; to reporters
    if (text.is_word(i) && !text.is_capitalized(i) && text.has(i, kPreposition)) {
      std::string_view p = text.text(i);
      if (p != "in" && p != "on" && p != "at" && p != "during" && p != "to" && p != "via" &&
          p != "through" && p != "over" && p != "after" && p != "before" && p != "from" &&
          p != "with" && p != "about" && p != "of")
        break;
      // "to reporters", "to the AP"; "to extend his rule" is an infinitive, not a modifier.
      if (p == "to" && i + 1 < end &&
          !(text.has(i + 1, kDeterminer | kObjectPronoun | kRecipientNoun) ||
            text.is_capitalized(i + 1)))
        break;
      std::uint32_t j = i + 1;
      bool any = false;
      while (j < end && j < i + 10) {
        if (is_determiner(text, j) && !any) {
          ++j;
          continue;
        }
        if (is_nominal(text, j) || is_time_or_day(text, j) || is_connector(text, j)) {
          any = true;
          ++j;
          continue;
        }
        if (any && text.is_word(j) && is_inner_preposition(text, j, j - 1)) {
          ++j;
          continue;
        }
        break;
      }
      if (!any) break;
      // What follows must open the content, another modifier, or end the sentence.
      bool ok = j >= end || text.is_char(j, ',') || text.is_char(j, ':') || text.is_char(j, '(') ||
                text.is_opening_quote(j) || text.is_sentence_end_mark(j) ||
                (text.is_word(j) && text.has(j, kPreposition | kRelativePronoun | kPersonalPronoun |
                                                    kDeterminer | kTimeWord));
      if (!ok) break;
      i = j;
      continue;
    }
    break;
  }
  return i;
}

}  // namespace copydesk::analyzers::attributions
