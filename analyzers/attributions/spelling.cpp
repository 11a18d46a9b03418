#include "analyzers/attributions/spelling.hpp"

#include <algorithm>
#include <unordered_map>

namespace copydesk::analyzers::attributions {
namespace {

// One capitalized word of a name, with the key its variants share. The key is kept in an arena
// string the caller owns (one allocation for all words, not two per word); `written` views the
// prose the names were read from.
struct NameWord {
  Span span;
  std::string_view written;
  std::uint32_t group_start = 0;  // "s:" + surname key, or "f:" + first-name key + "|" + surname
  std::uint32_t group_size = 0;   // key, at keys[group_start, group_start + group_size)
  std::string_view group(const std::string& keys) const {
    return std::string_view(keys).substr(group_start, group_size);
  }
};

bool starts_capitalized(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool is_corporate_suffix(std::string_view word) {
  return word == "Corp" || word == "Inc" || word == "Co" || word == "Ltd" || word == "Cos" ||
         word == "Bhd" || word == "Plc" || word == "PLC" || word == "Corporation";
}

// Appends the words of `names` worth comparing to `words`, their group keys to `keys`.
void name_words(std::string_view prose, const std::vector<NameMention>& names,
                std::vector<NameWord>& words, std::string& keys) {
  std::string surname_key;
  std::string key;
  for (const NameMention& name : names) {
    surname_key.clear();
    append_spelling_key(name.surname, surname_key);
    if (surname_key.size() < 4 && name.text.find(' ') == std::string::npos) continue;
    std::uint32_t cursor = name.span.start;
    std::size_t start = 0;
    while (start < name.text.size()) {
      std::size_t space = name.text.find(' ', start);
      if (space == std::string::npos) space = name.text.size();
      std::string_view word = std::string_view(name.text).substr(start, space - start);
      start = space + 1;
      // Searched within the name's own span: a word not found there must not cost a scan of
      // the rest of the document.
      std::size_t at = prose.substr(0, name.span.end).find(word, cursor);
      if (at == std::string_view::npos) break;
      cursor = static_cast<std::uint32_t>(at + word.size());
      // "Corp." and "Corp", "Mich." and "Mich": an abbreviation's period is no spelling.
      while (!word.empty() && word.back() == '.')
        word.remove_suffix(1);
      // The cheap tests first: most words fail one and need no key.
      if (!starts_capitalized(word)) continue;
      if (word.find('.') != std::string_view::npos) continue;  // initials: "C.Czarnikow"
      if (is_corporate_suffix(word)) continue;
      key.clear();
      append_spelling_key(word, key);
      if (key.size() < 4) continue;
      bool last = start >= name.text.size();
      NameWord entry;
      entry.span = {static_cast<std::uint32_t>(at), cursor};
      entry.written = prose.substr(at, word.size());
      entry.group_start = static_cast<std::uint32_t>(keys.size());
      keys += last ? "s:" : "f:";
      keys += key;
      if (!last) {
        keys += '|';
        keys += surname_key;
      }
      entry.group_size = static_cast<std::uint32_t>(keys.size() - entry.group_start);
      words.push_back(entry);
    }
  }
}

}  // namespace

std::vector<SpellingVariant> find_spelling_variants(
    std::string_view prose, const std::vector<NameMention>& names,
    const std::map<std::string, std::string>& house_spellings) {
  std::vector<SpellingVariant> variants;
  std::vector<NameWord> words;
  std::string keys;
  name_words(prose, names, words, keys);
  // Groups as runs of word indices sorted by key, each run in text order: no map of strings.
  std::vector<std::uint32_t> order(words.size());
  for (std::uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    int c = words[a].group(keys).compare(words[b].group(keys));
    return c != 0 ? c < 0 : a < b;
  });
  struct Group {
    std::size_t begin, end;  // into `order`
  };
  std::vector<Group> groups;
  for (std::size_t k = 0; k < order.size();) {
    std::size_t end = k + 1;
    while (end < order.size() && words[order[end]].group(keys) == words[order[k]].group(keys))
      ++end;
    groups.push_back({k, end});
    k = end;
  }
  // Reported in the order of each group's first word, as a reader meets them.
  std::sort(groups.begin(), groups.end(),
            [&](const Group& a, const Group& b) { return order[a.begin] < order[b.begin]; });

  std::vector<bool> reported(words.size(), false);
  for (const Group& group : groups) {
    if (group.end - group.begin == 1) continue;  // one word: nothing to compare
    // The reference: a spelling the house list prefers, else the one met first.
    std::size_t reference = order[group.begin];
    for (std::size_t k = group.begin; k < group.end; ++k) {
      for (const auto& [variant, house] : house_spellings)
        if (house == words[order[k]].written) reference = order[k];
    }
    for (std::size_t k = group.begin; k < group.end; ++k) {
      std::size_t w = order[k];
      if (words[w].written == words[reference].written) continue;
      SpellingVariant variant;
      variant.span = words[w].span;
      variant.written = std::string(words[w].written);
      variant.other = std::string(words[reference].written);
      variant.other_span = words[reference].span;
      if (auto it = house_spellings.find(std::string(words[w].written));
          it != house_spellings.end())
        variant.house = it->second;
      variants.push_back(std::move(variant));
      reported[w] = true;
    }
  }
  // A variant the house list names, even when the document uses no other spelling.
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (reported[w]) continue;
    if (house_spellings.empty()) break;
    auto it = house_spellings.find(std::string(words[w].written));
    if (it == house_spellings.end() || it->second == words[w].written) continue;
    SpellingVariant variant;
    variant.span = words[w].span;
    variant.written = std::string(words[w].written);
    variant.other = it->second;
    variant.house = it->second;
    variants.push_back(std::move(variant));
  }
  return variants;
}

std::vector<std::vector<Finding>> cross_document_spellings(
    const std::vector<DocumentNames>& documents) {
  struct Occurrence {
    std::size_t document;
    NameWord word;
  };
  std::vector<std::vector<Finding>> findings(documents.size());
  std::unordered_map<std::string, std::vector<Occurrence>> groups;
  std::vector<std::string> order;
  std::string keys;
  std::vector<NameWord> words;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    words.clear();
    name_words(documents[d].prose, documents[d].names, words, keys);
    for (const NameWord& word : words) {
      std::string group(word.group(keys));
      auto [it, added] = groups.try_emplace(group);
      if (added) order.push_back(std::move(group));
      it->second.push_back({d, word});
    }
  }
  for (const std::string& key : order) {
    const std::vector<Occurrence>& group = groups[key];
    const Occurrence& reference = group.front();
    for (const Occurrence& o : group) {
      if (o.word.written == reference.word.written || o.document == reference.document) continue;
      // The same document spells it the reference way too: names.inconsistent-spelling says so.
      bool also_here = false;
      for (const Occurrence& other : group)
        if (other.document == o.document && other.word.written == reference.word.written)
          also_here = true;
      if (also_here) continue;
      Finding finding;
      finding.rule = "names.inconsistent-spelling";
      finding.severity = Severity::warning;
      const std::string written(o.word.written);
      const std::string reference_written(reference.word.written);
      finding.message = "“" + written + "” is spelled “" + reference_written + "” in " +
                        documents[reference.document].path + ".";
      finding.span = o.word.span;
      finding.related.push_back({reference.word.span, "spelled “" + reference_written + "” here",
                                 documents[reference.document].path});
      findings[o.document].push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace copydesk::analyzers::attributions
