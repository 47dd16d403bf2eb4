// Who an event's side is, for counting: a canonical actor key per party.
//
// The coder gives each side a KB id when it resolved one. For analysis several of those are one actor:
// - agent phrases with a country ("Israeli troops": agent:troops + ISR) are that state: country:ISR; so is a KB
//   place named as a side ("missiles were fired at Dnipro": place:dnipro + UKR);
// - unresolved names are unidentified ("") and left out of networks and fronts (they are still counted by
//   category-only series), even with a country: that is the place's or the possessor's ("two sites" in Syria,
//   "Iran's proxies"), not the state acting;
// - people are rolled up to the body they hold a role in on the event's day (the Prime Minister of Israel acts
//   for country:ISR, Hezbollah's Secretary-General for org:hezbollah), unless keep_people is set; a person
//   without a role then is their country.
// At country level every side becomes its country (country:ISR); sides without one (IGOs) keep their id.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "casus/analysis/dataset.h"
#include "casus/kb/knowledge_base.h"

namespace casus::analysis {

enum class Level : uint8_t { kActor = 0, kCountry };
std::optional<Level> level_from_name(std::string_view s);

struct ActorInfo {
  std::string key;      // "org:hezbollah", "country:ISR"
  std::string name;     // display name
  std::string type;     // actor type code (GOV MIL REB …), "" unknown
  std::string country;  // ISO alpha-3, "" none
};

class Actors {
 public:
  // kb may be null: keys then come from the stored fields alone (no role roll-up, no parents).
  Actors(const kb::KnowledgeBase* kb, Level level, bool keep_people = false);

  // The canonical key of a party on a day; "" when the party cannot be identified.
  std::string key(const Party& p, int64_t day);
  // What is known about a key returned by key() (null for unknown keys).
  const ActorInfo* info(const std::string& key) const;
  // Is `key` the actor `query` or one of its bodies (KB parent chain: org:idf → country:ISR)?
  bool within(const std::string& key, const std::string& query) const;
  // The KB parent of a key ("" when none or no KB).
  std::string parent(const std::string& key) const;
  const kb::KnowledgeBase* kb() const { return kb_; }
  Level level() const { return level_; }

 private:
  void remember(const std::string& key, const Party& p);
  const kb::KnowledgeBase* kb_;
  Level level_;
  bool keep_people_;
  std::unordered_map<std::string, ActorInfo> info_;
};

// Turns what a user typed (--actor "Hezbollah", "org:hezbollah", "ISR", "Israel") into an actor key, using the KB
// when one is loaded. Fails with kKbReference when nothing matches.
Result<std::string> actor_query_key(const kb::KnowledgeBase* kb, std::string_view text, Level level);

// Display name of a country code ("ISR" → "Israel"), the code itself without a KB.
std::string country_name(const kb::KnowledgeBase* kb, std::string_view iso3);

}  // namespace casus::analysis
