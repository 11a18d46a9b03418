#include "analyzers/attributions/names.hpp"

namespace copydesk::analyzers::attributions {
namespace {

constexpr std::uint32_t kFunctionClasses =
    kAuxiliary | kModal | kNegation | kPersonalPronoun | kRelativePronoun | kDeterminer |
    kPreposition | kConjunction | kSubordinator | kObjectPronoun | kCueWord | kVerb | kVerbAdverb;

bool is_name_word(const TaggedText& text, std::uint32_t i) {
  if (!text.is_capitalized(i)) return false;
  const Token& t = text.token(i);
  if ((t.flags & TokenFlag::all_upper) && t.end - t.start > 1 && !(t.flags & TokenFlag::has_period))
    return false;  // acronyms and headline capitals are not spelled variants of anything
  return !text.has(i, kNotName | kTimeWord);
}

bool glued(const TaggedText& text, std::uint32_t a, std::uint32_t b) {
  return text.token(a).end == text.token(b).start;
}

}  // namespace

std::string_view strip_possessive(std::string_view word) {
  if (word.ends_with("'s") || word.ends_with("'S")) return word.substr(0, word.size() - 2);
  if (word.ends_with("\xE2\x80\x99s")) return word.substr(0, word.size() - 4);
  return word;
}

std::string spelling_key(std::string_view word) {
  std::string key;
  append_spelling_key(word, key);
  return key;
}

void append_spelling_key(std::string_view word, std::string& key) {
  // Built in a local buffer and appended once: character by character, std::string's capacity
  // checks cost more than the rules.
  word = strip_possessive(word);
  char buffer[64];
  std::size_t size = 0;
  char previous = '\0';  // the last character this word appended
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == 'y') c = 'i';
    if (c == '-' || c == '\'' || c == '.') continue;
    bool letter = c >= 'a' && c <= 'z';
    if (letter && c == previous) continue;
    if (size == sizeof buffer) {
      key.append(buffer, size);
      size = 0;
    }
    buffer[size++] = c;
    previous = c;
  }
  key.append(buffer, size);
}

std::vector<NameMention> find_names(const TaggedText& text) {
  std::vector<NameMention> names;
  const Segmentation& seg = text.segmentation();
  for (const Sentence& sentence : seg.sentences) {
    std::uint32_t i = sentence.first_token;
    while (i < sentence.end_token) {
      if (!is_name_word(text, i)) {
        ++i;
        continue;
      }
      bool titled = false;
      std::uint32_t first = i;
      // A sentence's first word is capitalized anyway: "But", "The", "Says" are no names.
      if (text.opens_sentence(i, sentence) && text.has(i, kFunctionClasses) &&
          !text.has(i, kTitle)) {
        ++i;
        continue;
      }
      std::uint32_t end = i;
      bool organization = false;
      while (end < sentence.end_token) {
        if (is_name_word(text, end)) {
          if (text.has(end, kTitle) && end + 1 < sentence.end_token &&
              is_name_word(text, end + 1) && !text.has(end + 1, kTitle | kOrganizationNoun)) {
            // "President Vladimir Putin": the name starts after the title.
            first = end + 1;
            titled = true;
            organization = false;
            ++end;
            continue;
          }
          if (text.has(end, kOrganizationNoun | kCorporateSuffix)) organization = true;
          std::string_view word = text.text(end);
          ++end;
          if (strip_possessive(word).size() != word.size()) break;  // "Ukraine's military"
          continue;
        }
        // "Freedom of Russia Legion", "Abu Bakr al-Baghdadi", "Jean-Claude", "J. R. Tolkien"
        if (end + 1 < sentence.end_token && is_name_word(text, end + 1) &&
            (text.has(end, kNameParticle) ||
             ((text.text(end) == "of" || text.text(end) == "for") && end > first) ||
             (text.text(end) == "-" && glued(text, end - 1, end) && glued(text, end, end + 1)))) {
          ++end;
          continue;
        }
        break;
      }
      if (end <= first) {
        i = end > i ? end : i + 1;
        continue;
      }
      // A run must not end on a particle or "of".
      std::uint32_t last = end - 1;
      while (last > first && !is_name_word(text, last))
        --last;
      end = last + 1;
      NameMention mention;
      mention.first_token = first;
      mention.end_token = end;
      mention.titled = titled;
      if (first > sentence.first_token) {
        std::string_view before = text.text(first - 1);
        mention.after_article = before == "the" || before == "The";
      }
      std::uint32_t words = 0;
      bool place = false;
      for (std::uint32_t t = first; t < end; ++t) {
        if (text.is_word(t)) ++words;
        if (text.has(t, kPlace)) place = true;
      }
      if (organization)
        mention.kind = NameKind::organization;
      else if (titled || (words >= 2 && words <= 4 && !place))
        mention.kind = NameKind::person;
      else
        mention.kind = place ? NameKind::organization : NameKind::other;
      std::string_view last_word = strip_possessive(text.text(end - 1));
      mention.span = {text.token(first).start,
                      static_cast<std::uint32_t>(text.token(end - 1).start + last_word.size())};
      for (std::uint32_t t = first; t < end; ++t) {
        std::string_view w = t + 1 == end ? last_word : text.text(t);
        if (!mention.text.empty() && !glued(text, t - 1, t)) mention.text += ' ';
        mention.text += w;
      }
      mention.surname = std::string(last_word);
      names.push_back(std::move(mention));
      i = end;
    }
  }
  return names;
}

}  // namespace copydesk::analyzers::attributions
