#include "analyzers/attributions/sources.hpp"

#include <algorithm>

namespace copydesk::analyzers::attributions {
namespace {

// The last name mention that lies inside [first, end), or nullptr.
const NameMention* name_inside(const std::vector<NameMention>& names, std::uint32_t first,
                               std::uint32_t end) {
  auto it = std::lower_bound(
      names.begin(), names.end(), first,
      [](const NameMention& n, std::uint32_t token) { return n.first_token < token; });
  const NameMention* found = nullptr;
  for (; it != names.end() && it->first_token < end; ++it)
    if (it->end_token <= end) found = &*it;
  return found;
}

bool lower_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string lower_copy(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "The ministry" -> "the ministry": a canonical name reads the same mid-sentence.
std::string normalize_article(std::string name) {
  if (name.starts_with("The ")) name[0] = 't';
  return name;
}

}  // namespace

std::string phrase_text(const TaggedText& text, std::uint32_t first, std::uint32_t end) {
  std::string out;
  if (first >= end) return out;
  std::string_view prose = text.prose();
  std::uint32_t from = text.token(first).start;
  std::uint32_t to = text.token(end - 1).end;
  bool space = false;
  for (std::uint32_t i = from; i < to; ++i) {
    char c = prose[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

SourceReading read_source(const TaggedText& text, const NounPhrase& phrase,
                          const std::vector<NameMention>& names,
                          const std::vector<std::string>& known_sources) {
  SourceReading reading;
  TokenRange core = phrase.core;
  std::uint32_t head = phrase.head;
  reading.head = lower_copy(strip_possessive(text.text(head)));
  if (phrase.pronoun) {
    reading.pronoun = true;
    reading.name = std::string(text.text(head));
    reading.plural = text.has(head, kPlural);
    reading.kind = SourceKind::person;
    return reading;
  }
  for (std::uint32_t i = core.first; i < head; ++i)
    if (text.is_word(i) && !text.has(i, kDeterminer)) {
      if (!reading.modifiers.empty()) reading.modifiers += ' ';
      reading.modifiers += lower_copy(strip_possessive(text.text(i)));
    }
  reading.plural = text.has(head, kPlural);
  std::string core_text = normalize_article(phrase_text(text, core.first, core.end));

  for (const std::string& known : known_sources)
    if (lower_equals(known, core_text) || lower_equals("the " + known, core_text)) {
      reading.kind = SourceKind::organization;
      reading.name = core_text;
      return reading;
    }

  const NameMention* name = name_inside(names, core.first, core.end);
  // "Officials said": capitalized only because the sentence starts there.
  bool head_capitalized =
      text.is_capitalized(head) &&
      !(head == core.first && text.at_sentence_start(head) && text.info(head).classes != 0);
  const Token& head_token = text.token(head);
  bool acronym = (head_token.flags & TokenFlag::all_upper) && head_token.end - head_token.start > 1;

  if (text.has(head, kOrganizationNoun | kCorporateSuffix) || (acronym && !name) ||
      (text.has(head, kPlace) && head_capitalized)) {
    reading.kind = SourceKind::organization;
    reading.name = core_text;
    // "the ministry", "the Legion", "the group": a shortened mention of a named body.
    bool has_determiner = text.has(core.first, kDeterminer);
    reading.refers_back = has_determiner && (head == core.first + 1 || !name);
    return reading;
  }
  if (text.has(head, kDocumentNoun) && !head_capitalized) {
    reading.kind = SourceKind::document;
    reading.name = core_text;
    return reading;
  }
  if (text.has(head, kAnonymousNoun) && !head_capitalized) {
    reading.kind = SourceKind::anonymous;
    reading.name = core_text;
    return reading;
  }
  if (text.has(head, kRoleNoun | kPersonNoun) && !head_capitalized) {
    // "the spokesperson of the agency, Andrii Yusov": the appositive names the person.
    const NameMention* named =
        phrase.appositive.empty()
            ? nullptr
            : name_inside(names, phrase.appositive.first, phrase.appositive.end);
    if (named && named->kind == NameKind::person) {
      reading.kind = SourceKind::person;
      reading.name = named->text;
      reading.surname_key = spelling_key(named->surname);
      return reading;
    }
    reading.kind = text.has(head, kRoleNoun) ? SourceKind::official : SourceKind::anonymous;
    reading.name = core_text;
    return reading;
  }
  if (name && name->kind != NameKind::organization) {
    reading.kind = SourceKind::person;
    reading.name = name->text;
    reading.surname_key = spelling_key(name->surname);
    reading.single_name = name->end_token == name->first_token + 1;
    return reading;
  }
  if (name) {
    reading.kind = SourceKind::organization;
    reading.name = core_text;
    return reading;
  }
  if (head_capitalized) {
    reading.kind = SourceKind::person;
    reading.name = std::string(strip_possessive(text.text(head)));
    reading.surname_key = spelling_key(reading.name);
    reading.single_name = true;
    return reading;
  }
  // A plain noun phrase: people in the plural ("critics") are anonymous; a thing in the
  // singular ("the utility", "the agreement") is a source we cannot type.
  reading.kind = reading.plural || text.text(head).ends_with("s") ? SourceKind::anonymous
                                                                  : SourceKind::unnamed;
  reading.name = core_text;
  return reading;
}

}  // namespace copydesk::analyzers::attributions
