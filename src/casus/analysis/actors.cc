#include "casus/analysis/actors.h"

#include <algorithm>

#include "casus/util/date.h"

namespace casus::analysis {

std::optional<Level> level_from_name(std::string_view s) {
  if (s == "actor" || s == "actors") return Level::kActor;
  if (s == "country" || s == "countries") return Level::kCountry;
  return std::nullopt;
}

Actors::Actors(const kb::KnowledgeBase* kb, Level level, bool keep_people)
    : kb_(kb), level_(level), keep_people_(keep_people) {}

std::string country_name(const kb::KnowledgeBase* kb, std::string_view iso3) {
  if (kb)
    if (const kb::Entry* e = kb->country(iso3)) return e->name;
  return std::string(iso3);
}

void Actors::remember(const std::string& key, const Party& p) {
  auto [it, fresh] = info_.try_emplace(key);
  if (!fresh) return;
  ActorInfo& a = it->second;
  a.key = key;
  const kb::Entry* e = kb_ ? kb_->find_id(key) : nullptr;
  if (e) {
    a.name = e->name;
    a.type = e->type;
    a.country = e->country;
    if (e->kind == kb::EntryKind::kCountry && a.type.empty()) a.type = "GOV";
  } else if (key.starts_with("country:")) {
    a.name = key.substr(8);
    a.country = key.substr(8);
    a.type = "GOV";
  } else {
    a.name = p.name.empty() ? p.text : p.name;
    a.type = p.type;
    a.country = p.country;
  }
  if (a.name.empty()) a.name = key;
}

std::string Actors::key(const Party& p, int64_t day) {
  std::string k;
  if (p.kb_id.empty()) {
    // An unresolved phrase is nobody we know. Its country is where it was (the coder gives untyped phrases the
    // country of the event's place: "two sites" in Syria, "ships" off Gaza) or whose it was ("Iran's proxies"),
    // not the state itself.
  } else if (level_ == Level::kCountry) {
    if (!p.country.empty()) k = "country:" + p.country;
    else if (!p.kb_id.starts_with("agent:") && !p.kb_id.starts_with("place:")) k = p.kb_id;
  } else if (p.kb_id.starts_with("person:") && !keep_people_) {
    if (kb_) {
      auto roles = kb_->roles_at(p.kb_id, Date::from_days(day));
      if (!roles.empty() && !roles.front()->org.empty()) k = roles.front()->org;
    }
    if (k.empty()) k = p.country.empty() ? p.kb_id : "country:" + p.country;
  } else if (p.kb_id.starts_with("agent:") || p.kb_id.starts_with("place:")) {
    // Generic agents ("Israeli troops") act for their state; a town named as a target ("missiles fired at Dnipro")
    // stands for its country, as in the coding conventions, not for an actor of its own.
    if (!p.country.empty()) k = "country:" + p.country;
  } else {
    k = p.kb_id;
  }
  if (!k.empty()) remember(k, p);
  return k;
}

const ActorInfo* Actors::info(const std::string& key) const {
  auto it = info_.find(key);
  return it == info_.end() ? nullptr : &it->second;
}

std::string Actors::parent(const std::string& key) const {
  if (!kb_) return {};
  const kb::Entry* e = kb_->find_id(key);
  return e ? e->parent : std::string();
}

bool Actors::within(const std::string& key, const std::string& query) const {
  if (key == query) return true;
  if (!kb_) return false;
  std::string k = key;
  for (int depth = 0; depth < 8; ++depth) {  // parent chains are short; the bound guards against KB cycles
    k = parent(k);
    if (k.empty()) return false;
    if (k == query) return true;
  }
  return false;
}

Result<std::string> actor_query_key(const kb::KnowledgeBase* kb, std::string_view text, Level level) {
  std::string t(text);
  if (t.empty()) return Status(Code::kUsage, "empty actor");
  if (t.size() == 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return "country:" + t;
  if (t.find(':') != std::string::npos) {
    if (kb && !kb->find_id(t) && !t.starts_with("country:"))
      return Status(Code::kKbReference, "unknown KB id \"" + t + "\"");
    return t;
  }
  if (!kb) return Status(Code::kUsage, "\"" + t + "\": actor names need the KB (--kb); give an id or ISO code");
  // Resolution is time-aware only for people and roles; today's date is fine for naming an actor.
  kb::Resolution r = kb->resolve(t, Date::ymd(2100, 1, 1));
  if (!r.found()) r = kb->resolve(t, Date::ymd(2024, 1, 1));
  if (!r.found()) return Status(Code::kKbReference, "\"" + t + "\" is not in the KB (try `casus kb lookup`)");
  if (level == Level::kCountry && !r.country.empty()) return "country:" + r.country;
  if (r.kb_id.starts_with("agent:")) {
    if (r.country.empty()) return Status(Code::kKbReference, "\"" + t + "\" names no identifiable actor");
    return "country:" + r.country;
  }
  return r.kb_id;
}

}  // namespace casus::analysis
