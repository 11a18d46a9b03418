#include "analyzers/attributions/coreference.hpp"

namespace copydesk::analyzers::attributions {
namespace {

std::string lower_copy(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The spelling keys of a name's words, space-separated: variants of one name share it.
std::string name_key(std::string_view name) {
  std::string key;
  std::size_t start = 0;
  while (start < name.size()) {
    std::size_t space = name.find(' ', start);
    if (space == std::string_view::npos) space = name.size();
    if (!key.empty()) key += ' ';
    key += spelling_key(name.substr(start, space - start));
    start = space + 1;
  }
  return key;
}

// Whether every word of `words` is among the words of `pool` (both space-separated).
bool words_within(std::string_view words, std::string_view pool) {
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t space = words.find(' ', start);
    if (space == std::string_view::npos) space = words.size();
    std::string_view word = words.substr(start, space - start);
    bool found = false;
    std::size_t p = 0;
    while (p < pool.size()) {
      std::size_t q = pool.find(' ', p);
      if (q == std::string_view::npos) q = pool.size();
      if (pool.substr(p, q - p) == word) {
        found = true;
        break;
      }
      p = q + 1;
    }
    if (!found) return false;
    start = space + 1;
  }
  return true;
}

std::string_view without_article(std::string_view name) {
  if (name.starts_with("the ") || name.starts_with("The ")) name.remove_prefix(4);
  return name;
}

}  // namespace

// How far back a pronoun looks among the sources seen last: antecedents are near.
constexpr std::size_t kPronounLookBack = 64;
// How many bodies sharing a head word ("company", "ministry") a later mention is matched against.
constexpr std::size_t kBodyLookBack = 256;

void Coreference::add(Entity entity) {
  auto index = static_cast<std::uint32_t>(entities_.size());
  if (entity.kind == SourceKind::person) {
    if (!entity.full_key.empty()) by_full_key_[entity.full_key].push_back(index);
    if (!entity.surname_key.empty()) by_surname_[entity.surname_key].push_back(index);
  } else if (entity.kind == SourceKind::organization) {
    by_head_[entity.head].push_back(index);
    organization_names_.insert(lower_copy(without_article(entity.canonical)));
  }
  std::uint32_t seen = entity.last_seen;
  entities_.push_back(std::move(entity));
  touch(index, seen);
}

void Coreference::touch(std::size_t index, std::uint32_t position) {
  Entity& entity = entities_[index];
  entity.last_seen = position;
  if (!entity.source) return;
  recent_sources_.push_back(static_cast<std::uint32_t>(index));
  // Keep the log short: only its tail is ever read.
  if (recent_sources_.size() > 4 * kPronounLookBack)
    recent_sources_.erase(recent_sources_.begin(),
                          recent_sources_.end() - static_cast<std::ptrdiff_t>(kPronounLookBack));
}

void Coreference::register_names_before(std::uint32_t position) {
  while (next_name_ < names_.size() && names_[next_name_].first_token < position) {
    const NameMention& name = names_[next_name_++];
    std::size_t words = 1;
    for (char c : name.text)
      words += c == ' ';
    if (name.kind == NameKind::person && words >= 2) {
      std::string full_key = name_key(name.text);
      if (auto known = by_full_key_.find(full_key); known != by_full_key_.end()) {
        for (std::uint32_t index : known->second)
          touch(index, name.first_token);
        continue;
      }
      Entity entity;
      entity.kind = SourceKind::person;
      entity.canonical = name.text;
      entity.surname_key = spelling_key(name.surname);
      entity.full_key = std::move(full_key);
      entity.head = lower_copy(name.surname);
      entity.last_seen = name.first_token;
      add(std::move(entity));
    } else if (name.kind == NameKind::organization && words >= 2) {
      std::string lower = lower_copy(name.text);
      if (organization_names_.contains(lower)) continue;
      std::size_t space = lower.rfind(' ');
      Entity entity;
      entity.kind = SourceKind::organization;
      entity.canonical = name.after_article ? "the " + name.text : name.text;
      entity.head = lower.substr(space + 1);
      entity.modifiers = lower.substr(0, space);
      entity.last_seen = name.first_token;
      add(std::move(entity));
    }
  }
}

Coreference::Entity* Coreference::find_person(const std::string& surname_key) {
  auto found = by_surname_.find(surname_key);
  if (found == by_surname_.end()) return nullptr;
  Entity* best = nullptr;
  for (std::uint32_t index : found->second) {
    Entity& e = entities_[index];
    if (e.canonical.find(' ') != std::string::npos && (!best || e.last_seen >= best->last_seen))
      best = &e;
  }
  return best;
}

Coreference::Entity* Coreference::find_body(const SourceReading& reading) {
  auto found = by_head_.find(reading.head);
  if (found == by_head_.end()) return nullptr;
  Entity* best = nullptr;
  // The latest bodies with this head word: a document rarely names more, and a concatenation of
  // thousands of articles must not make every lookup scan them all.
  const std::vector<std::uint32_t>& indexes = found->second;
  std::size_t first = indexes.size() > kBodyLookBack ? indexes.size() - kBodyLookBack : 0;
  for (std::size_t k = first; k < indexes.size(); ++k) {
    Entity& e = entities_[indexes[k]];
    if (!words_within(reading.modifiers, e.modifiers)) continue;
    if (!best || e.last_seen >= best->last_seen) best = &e;
  }
  return best;
}

Coreference::Entity* Coreference::nearest_source(bool (*fits)(const Entity&)) {
  Entity* best = nullptr;
  std::size_t looked = 0;
  for (auto it = recent_sources_.rbegin();
       it != recent_sources_.rend() && looked < kPronounLookBack; ++it, ++looked) {
    Entity& entity = entities_[*it];
    if (fits(entity) && (!best || entity.last_seen > best->last_seen)) best = &entity;
  }
  return best;
}

ResolvedSource Coreference::resolve(const SourceReading& reading, std::uint32_t position) {
  register_names_before(position);
  ResolvedSource resolved{reading.kind, reading.name};
  Entity* entity = nullptr;

  if (reading.pronoun) {
    std::string pronoun = lower_copy(reading.name);
    if (pronoun == "he" || pronoun == "she" || pronoun == "i") {
      entity = nearest_source([](const Entity& e) {
        return e.kind == SourceKind::person || e.kind == SourceKind::official;
      });
      if (!entity) {
        // A person named in passing before any source: the nearest one.
        for (auto it = entities_.rbegin(); it != entities_.rend() && !entity; ++it)
          if (it->kind == SourceKind::person) entity = &*it;
      }
    } else if (pronoun == "they" || pronoun == "we") {
      entity = nearest_source([](const Entity& e) {
        return e.plural || e.kind == SourceKind::organization || e.kind == SourceKind::anonymous;
      });
    } else if (pronoun == "it") {
      entity = nearest_source([](const Entity& e) {
        return e.kind == SourceKind::organization || e.kind == SourceKind::document;
      });
    }
    if (entity) {
      touch(static_cast<std::size_t>(entity - entities_.data()), position);
      return {entity->kind, entity->canonical};
    }
    // An antecedent not found is no anonymous source: the pronoun names someone unseen.
    resolved.kind = pronoun == "i" || pronoun == "he" || pronoun == "she" ? SourceKind::person
                                                                          : SourceKind::unnamed;
    return resolved;
  }

  switch (reading.kind) {
    case SourceKind::person:
      if (reading.single_name) {
        entity = find_person(reading.surname_key);
      } else {
        if (auto known = by_full_key_.find(name_key(reading.name)); known != by_full_key_.end())
          entity = &entities_[known->second.back()];
      }
      break;
    case SourceKind::organization:
      entity = find_body(reading);
      if (!entity && reading.refers_back && reading.modifiers.empty()) {
        // "the group", "the agency": the nearest body that has been a source.
        entity = nearest_source([](const Entity& e) { return e.kind == SourceKind::organization; });
      }
      break;
    default:
      break;
  }
  if (entity) {
    entity->source = true;
    touch(static_cast<std::size_t>(entity - entities_.data()), position);
    return {entity->kind, entity->canonical};
  }
  Entity added;
  added.kind = reading.kind;
  added.canonical = reading.name;
  added.surname_key = reading.surname_key;
  if (reading.kind == SourceKind::person) added.full_key = name_key(reading.name);
  added.head = reading.head;
  added.modifiers = reading.modifiers;
  added.plural = reading.plural;
  added.source = true;
  added.last_seen = position;
  add(std::move(added));
  return resolved;
}

}  // namespace copydesk::analyzers::attributions
