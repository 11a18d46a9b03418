// Canonical names: a later, shorter mention resolves to the first full one ("Yusov" -> "Andrii
// Yusov", "the ministry" -> "the Russian Defense Ministry"), and a pronoun to the nearest source
// that fits it ("he" -> a person, "they" -> a group, "it" -> a body or a document).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyzers/annotations.hpp"
#include "analyzers/attributions/names.hpp"
#include "analyzers/attributions/sources.hpp"

namespace copydesk::analyzers::attributions {

struct ResolvedSource {
  SourceKind kind = SourceKind::unnamed;
  std::string canonical;
};

// Walks the document once, in order: names and sources are registered as they are met.
class Coreference {
 public:
  explicit Coreference(const std::vector<NameMention>& names) : names_(names) {}

  // Resolves a source read at token `position`, then remembers it as the latest source.
  ResolvedSource resolve(const SourceReading& reading, std::uint32_t position);

 private:
  struct Entity {
    SourceKind kind = SourceKind::unnamed;
    std::string canonical;
    std::string surname_key;  // persons
    std::string full_key;     // persons: the spelling keys of every word of the name
    std::string head;         // lower-cased head word
    std::string modifiers;    // lower-cased words before the head
    bool plural = false;
    bool source = false;  // has been a source (not only a name in passing)
    std::uint32_t last_seen = 0;
  };

  void register_names_before(std::uint32_t position);
  Entity* find_person(const std::string& surname_key);
  Entity* find_body(const SourceReading& reading);
  Entity* nearest_source(bool (*fits)(const Entity&));
  // Adds an entity and indexes it; `touch` records it as the latest seen.
  void add(Entity entity);
  void touch(std::size_t index, std::uint32_t position);

  const std::vector<NameMention>& names_;
  std::size_t next_name_ = 0;
  std::vector<Entity> entities_;
  // Indexes into entities_, so that a long document costs linear time, not quadratic.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_full_key_;  // persons
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_surname_;   // persons
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_head_;      // organizations
  std::unordered_set<std::string> organization_names_;  // lower case, without "the"
  // Sources in the order they were last seen; pronouns look back over the latest few.
  std::vector<std::uint32_t> recent_sources_;
};

}  // namespace copydesk::analyzers::attributions
