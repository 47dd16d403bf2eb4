#include "casus/analysis/fronts.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "casus/analysis/format.h"
#include "casus/util/date.h"

namespace casus::analysis {

std::vector<doc::Plover> default_conflict_categories() {
  using doc::Plover;
  return {Plover::kAssault, Plover::kCoerce, Plover::kMobilize, Plover::kThreaten};
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool in(const std::vector<doc::Plover>& set, doc::Plover p) { return std::find(set.begin(), set.end(), p) != set.end(); }

bool is_support(doc::Plover p) {
  using doc::Plover;
  return p == Plover::kSupport || p == Plover::kAid || p == Plover::kCooperate || p == Plover::kAgree ||
         p == Plover::kConsult;
}

// Membership logic of one coalition against the KB.
class Coalition {
 public:
  Coalition(const kb::KnowledgeBase& kb, const kb::Entry& entry, bool sponsored) : kb_(kb), id_(entry.id) {
    const auto& entries = kb.entries();
    for (const auto& m : kb.memberships()) {
      if (entries[m.alliance].id != id_) continue;
      CoalitionMember cm;
      cm.id = m.member;
      const kb::Entry* e = kb.find_id(m.member);
      cm.name = e ? e->name : m.member;
      cm.role = m.role;
      if (m.days.first != INT64_MIN) cm.start = Date::from_days(m.days.first);
      if (m.days.last != INT64_MAX) cm.end = Date::from_days(m.days.last);
      members_.push_back(cm);
      if (sponsored && (m.role == "leader" || m.role == "founder")) leaders_.insert(m.member);
    }
  }
  const std::vector<CoalitionMember>& members() const { return members_; }

  // The member a side fights for on the day, "" when it is not the coalition's.
  std::string member_of(const std::string& key, int64_t day) {
    auto cache_key = key + '@' + std::to_string(day);
    auto it = cache_.find(cache_key);
    if (it != cache_.end()) return it->second;
    std::string out = compute(key, day);
    cache_.emplace(std::move(cache_key), out);
    return out;
  }

 private:
  std::string compute(const std::string& key, int64_t day) const {
    const Date d = Date::from_days(day);
    std::string k = key;
    for (int depth = 0; depth < 8 && !k.empty(); ++depth) {  // bounded: guards against KB parent cycles
      if (kb_.is_member(id_, k, d)) return k;
      const kb::Entry* e = kb_.find_id(k);
      k = e ? e->parent : std::string();
    }
    if (!leaders_.empty()) {
      const kb::Entry* e = kb_.find_id(key);
      if (e && e->kind == kb::EntryKind::kOrganization && e->type == "REB")
        for (const auto& s : e->sponsors)
          if (leaders_.count(s) && kb_.is_member(id_, s, d)) return key;
    }
    return {};
  }
  const kb::KnowledgeBase& kb_;
  std::string id_;
  std::vector<CoalitionMember> members_;
  std::set<std::string> leaders_;
  std::unordered_map<std::string, std::string> cache_;
};

// A state's bodies fight as the state: org:idf → country:ISR (KB parent chain); others stay themselves.
std::string state_of(const kb::KnowledgeBase& kb, const std::string& key) {
  std::string k = key;
  for (int depth = 0; depth < 8 && !k.empty(); ++depth) {
    if (k.starts_with("country:")) return k;
    const kb::Entry* e = kb.find_id(k);
    k = e ? e->parent : std::string();
  }
  return key;
}

// A party that acts for its state: anything but a generic agent, or an agent of a state kind (officials, troops,
// police, courts, legislators).
bool state_agent(const Party& p) {
  if (!p.kb_id.starts_with("agent:")) return true;
  return p.type == "GOV" || p.type == "MIL" || p.type == "COP" || p.type == "JUD" || p.type == "LEG";
}

struct FrontAcc {
  Front front;
  std::map<std::string, int64_t> theatres;
};

// The label of a front from where its records happened. The adversary's own territory does not name the front:
// Hezbollah's rockets on northern Israel and Israel's strikes in southern Lebanon are the "Lebanon" front, not an
// "Israel" one. When the records name no other place, the member's home names it (Hamas's attack on southern
// Israel is the Palestine front, Iran's barrage on Israel the Iran front: otherwise every front against Israel
// would be one "Israel" theatre), and the adversary's territory only when the member has no home either.
// Theatres with at least a fifth of the records are named, most frequent first, at most two ("Iraq/Syria").
std::string front_label(const FrontAcc& acc, const std::string& adversary_home, const std::string& member_home) {
  std::vector<std::pair<std::string, int64_t>> t(acc.theatres.begin(), acc.theatres.end());
  int64_t other = 0;
  for (const auto& [name, n] : t)
    if (name != adversary_home) other += n;
  if (other == 0 && !member_home.empty()) return member_home;
  t.erase(std::remove_if(t.begin(), t.end(), [&](const auto& p) { return p.first == adversary_home; }), t.end());
  if (t.empty() && !adversary_home.empty()) return adversary_home;
  std::sort(t.begin(), t.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  int64_t total = 0;
  for (const auto& p : t) total += p.second;
  std::string label;
  int named = 0;
  for (const auto& [name, n] : t) {
    if (named == 2 || (named > 0 && n * 5 < total)) break;
    if (!label.empty()) label += '/';
    label += name;
    ++named;
  }
  return label.empty() ? std::string("unknown") : label;
}

}  // namespace

std::string theatre_of(const kb::KnowledgeBase& kb, const std::string& place, const std::string& country, int64_t day) {
  if (!place.empty()) {
    kb::Resolution r = kb.resolve(place, Date::from_days(day));
    if (r.entry) {
      const kb::Entry& e = *r.entry;
      if (e.kind == kb::EntryKind::kCountry) return e.name;
      if (e.kind == kb::EntryKind::kPlace) {
        // Seas, straits and territories are theatres of their own (the Red Sea, the Gaza Strip); a town belongs
        // to the territory its admin1 names when that is one (Khan Younis → Gaza Strip), else to its country.
        if (e.subkind == "water" || e.subkind == "strait" || e.subkind == "territory") return e.name;
        if (!e.admin1.empty()) {
          kb::Resolution a = kb.resolve(e.admin1, Date::from_days(day));
          if (a.entry && a.entry->kind == kb::EntryKind::kPlace && a.entry->subkind == "territory") return a.entry->name;
        }
        if (!e.country.empty()) return country_name(&kb, e.country);
      }
    }
  }
  if (!country.empty()) return country_name(&kb, country);
  return {};
}

Result<const kb::Entry*> find_coalition(const kb::KnowledgeBase& kb, std::string_view text) {
  if (const kb::Entry* e = kb.find_id(text); e && e->kind == kb::EntryKind::kAlliance) return e;
  if (const kb::Entry* e = kb.find_id("alliance:" + std::string(text)); e && e->kind == kb::EntryKind::kAlliance)
    return e;
  const std::string want = lower(text);
  for (const auto& e : kb.entries()) {
    if (e.kind != kb::EntryKind::kAlliance) continue;
    if (lower(e.name) == want) return &e;
    for (const auto& a : e.aliases)
      if (lower(a) == want) return &e;
  }
  // IGO-based alliances are "<IGO> membership" rows whose id mirrors the IGO's (org:nato → alliance:nato).
  for (const auto& e : kb.entries()) {
    if (e.kind != kb::EntryKind::kOrganization || e.id.find(':') == std::string::npos) continue;
    bool named = lower(e.name) == want;
    for (const auto& a : e.aliases) named = named || lower(a) == want;
    if (!named) continue;
    if (const kb::Entry* al = kb.find_id("alliance:" + e.id.substr(e.id.find(':') + 1));
        al && al->kind == kb::EntryKind::kAlliance)
      return al;
  }
  return Status(Code::kKbReference, "\"" + std::string(text) +
                                        "\" is not a coalition of the KB (kb/alliances.tsv: give its id, name or "
                                        "alias)");
}

Result<FrontsReport> compute_fronts(const Dataset& data, const kb::KnowledgeBase& kb, std::string_view coalition,
                                    const FrontsOptions& opt) {
  auto entry = find_coalition(kb, coalition);
  if (!entry) return entry.status();
  FrontsReport rep;
  rep.unit = data.unit;
  rep.coalition_id = (*entry)->id;
  rep.coalition_name = (*entry)->name;
  rep.window_days = opt.window_days;
  rep.min_fronts = opt.min_fronts;
  Coalition co(kb, **entry, opt.sponsored);
  rep.members = co.members();
  Actors actors(&kb, Level::kActor);

  std::map<std::pair<std::string, std::string>, FrontAcc> fronts;
  std::map<std::string, MemberStance> stances;
  for (const auto& m : rep.members) stances[m.id] = {m.id, m.name};
  std::unordered_map<std::string, std::string> theatre_cache;

  struct Side {
    std::string key, member;
  };
  std::vector<Side> as, rs;
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> fought, hit, supported;
  // Where each member acts inside its own country, over all its records (any category): a group's home is its
  // territory ("Gaza Strip" for Hamas), not just its state ("Palestine").
  std::map<std::string, std::map<std::string, int64_t>> home_theatres;
  for (const Record& r : data.records) {
    if (opt.from_day && r.day < *opt.from_day) continue;
    if (opt.to_day && r.day > *opt.to_day) continue;
    if (r.place.empty() && r.place_country.empty()) continue;
    for (const auto& p : r.actors) {
      std::string k = actors.key(p, r.day);
      std::string member = k.empty() ? std::string() : co.member_of(k, r.day);
      const kb::Entry* mem = member.empty() ? nullptr : kb.find_id(member);
      if (!mem || mem->kind == kb::EntryKind::kCountry || mem->country.empty() || r.place_country != mem->country)
        continue;
      const std::string ck = r.place + '|' + r.place_country;
      auto it = theatre_cache.find(ck);
      if (it == theatre_cache.end()) it = theatre_cache.emplace(ck, theatre_of(kb, r.place, r.place_country, r.day)).first;
      if (!it->second.empty()) ++home_theatres[member][it->second];
    }
  }

  for (const Record& r : data.records) {
    if (opt.from_day && r.day < *opt.from_day) continue;
    if (opt.to_day && r.day > *opt.to_day) continue;
    const bool conflict = in(opt.conflict, r.category);
    const bool support = is_support(r.category);
    if (!conflict && !support) continue;
    if (!rep.data_first) rep.data_first = r.day;
    rep.data_last = r.day;
    auto sides = [&](const std::vector<Party>& ps, std::vector<Side>& out) {
      out.clear();
      for (const auto& p : ps) {
        std::string k = actors.key(p, r.day);
        if (k.empty()) continue;
        std::string member = co.member_of(k, r.day);
        // Civilians, workers or militants of a member state are not that state at war: "12 children" killed in
        // the Golan do not make Syria a party (as an adversary they still are: attacks on Israeli civilians).
        if (!member.empty() && !state_agent(p)) continue;
        out.push_back({k, std::move(member)});
      }
    };
    sides(r.actors, as);
    sides(r.recipients, rs);
    seen.clear();
    fought.clear();
    hit.clear();
    supported.clear();
    for (const auto& a : as)
      for (const auto& b : rs) {
        if (a.member.empty() == b.member.empty()) {
          // Both members: cooperation inside the coalition. Neither: not the coalition's business.
          if (support && !a.member.empty() && a.member != b.member && supported.insert(a.member).second) {
            auto& st = stances[a.member];
            if (st.member.empty()) st = {a.member, actors.info(a.key) ? actors.info(a.key)->name : a.member};
            ++st.support;
            if (st.support_evidence.size() < opt.max_evidence) st.support_evidence.push_back(r.id);
          }
          continue;
        }
        if (!conflict) continue;
        const bool member_acts = !a.member.empty();
        const std::string& member = member_acts ? a.member : b.member;
        const std::string adversary = state_of(kb, member_acts ? b.key : a.key);
        if (co.member_of(adversary, r.day) == member) continue;  // a member's own state body
        if (member_acts ? fought.insert(member).second : hit.insert(member).second) {
          auto& st = stances[member];
          if (st.member.empty()) st = {member, actors.info(member) ? actors.info(member)->name : member};
          ++(member_acts ? st.fights : st.attacked);
        }
        if (!seen.insert({member, adversary}).second) continue;
        FrontAcc& acc = fronts[{member, adversary}];
        Front& f = acc.front;
        if (f.records == 0) {
          f.member = member;
          f.adversary = adversary;
          f.first = r.day;
        }
        ++f.records;
        if (member_acts) ++f.by_member;
        if (r.fatalities > 0) f.fatalities += r.fatalities;
        f.last = r.day;
        f.days.push_back(r.day);
        if (f.evidence.size() < opt.max_evidence) f.evidence.push_back(r.id);
        const std::string ck = r.place + '|' + r.place_country;
        auto it = theatre_cache.find(ck);
        if (it == theatre_cache.end()) it = theatre_cache.emplace(ck, theatre_of(kb, r.place, r.place_country, r.day)).first;
        if (!it->second.empty()) ++acc.theatres[it->second];
      }
  }

  auto name_of = [&](const std::string& key) {
    if (const kb::Entry* e = kb.find_id(key)) return e->name;
    if (const ActorInfo* i = actors.info(key)) return i->name;
    return key;
  };
  for (auto& [key, acc] : fronts) {
    Front& f = acc.front;
    f.member_name = name_of(f.member);
    f.adversary_name = name_of(f.adversary);
    const kb::Entry* adv = kb.find_id(f.adversary);
    std::string home = adv && adv->kind == kb::EntryKind::kCountry ? adv->name : std::string();
    const kb::Entry* mem = kb.find_id(f.member);
    std::string member_home = mem && !mem->country.empty() ? country_name(&kb, mem->country) : std::string();
    if (auto h = home_theatres.find(f.member); h != home_theatres.end()) {
      int64_t best = 0;
      for (const auto& [name, n] : h->second)
        if (n > best) best = n, member_home = name;
    }
    f.label = front_label(acc, home, member_home);
    rep.fronts.push_back(std::move(f));
  }
  // Fronts whose labels share a place are one theatre (Houthis–USA "Red Sea/Yemen" and Houthis–Israel "Yemen"):
  // union-find over the label components; the theatre is named by its front with the most records.
  {
    const size_t n = rep.fronts.size();
    std::vector<size_t> parent(n);
    for (size_t i = 0; i < n; ++i) parent[i] = i;
    auto find = [&](size_t x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    std::map<std::string, size_t> owner;
    for (size_t i = 0; i < n; ++i) {
      const std::string& l = rep.fronts[i].label;
      for (size_t a = 0; a <= l.size();) {
        size_t b = l.find('/', a);
        if (b == std::string::npos) b = l.size();
        auto [it, fresh] = owner.emplace(l.substr(a, b - a), i);
        if (!fresh) parent[find(i)] = find(it->second);
        a = b + 1;
      }
    }
    std::map<size_t, size_t> best;  // root → front with most records
    for (size_t i = 0; i < n; ++i) {
      auto [it, fresh] = best.emplace(find(i), i);
      if (!fresh && rep.fronts[i].records > rep.fronts[it->second].records) it->second = i;
    }
    for (size_t i = 0; i < n; ++i) rep.fronts[i].theatre = rep.fronts[best[find(i)]].label;
  }
  std::stable_sort(rep.fronts.begin(), rep.fronts.end(), [](const Front& a, const Front& b) {
    return a.first != b.first ? a.first < b.first : a.records > b.records;
  });

  // Timeline. The set of active theatres only grows on a record day and only shrinks the day after a record leaves
  // the window, so evaluating those days finds every change.
  std::set<int64_t> points;
  for (const auto& f : rep.fronts)
    for (int64_t d : f.days) {
      points.insert(d);
      points.insert(d + opt.window_days);
    }
  std::optional<MultiFrontSpell> spell;
  for (int64_t d : points) {
    if (opt.to_day && d > *opt.to_day) break;
    std::set<std::string> active;
    for (const auto& f : rep.fronts) {
      auto lo = std::upper_bound(f.days.begin(), f.days.end(), d - opt.window_days);
      auto hi = std::upper_bound(f.days.begin(), f.days.end(), d);
      if (hi - lo >= opt.min_records) active.insert(f.theatre);
    }
    const int n = static_cast<int>(active.size());
    if (n > rep.peak_fronts) {
      rep.peak_fronts = n;
      rep.peak_day = d;
      rep.peak_theatres.assign(active.begin(), active.end());
    }
    if (n >= opt.min_fronts) {
      if (!rep.first_multi_front) {
        rep.first_multi_front = d;
        rep.first_multi_front_theatres.assign(active.begin(), active.end());
      }
      if (!spell) spell = MultiFrontSpell{d, d, n};
      spell->last = d;
      spell->peak = std::max(spell->peak, n);
    } else if (spell) {
      spell->last = d - 1;  // the day before the window lost a theatre
      rep.spells.push_back(*spell);
      spell.reset();
    }
  }
  if (spell) rep.spells.push_back(*spell);
  for (auto& [id, st] : stances) rep.stances.push_back(st);
  return rep;
}

nlohmann::json fronts_json(const FrontsReport& r) {
  using nlohmann::json;
  auto opt_day = [](const std::optional<int64_t>& d) { return d ? json(day_iso(*d)) : json(nullptr); };
  json members = json::array();
  for (const auto& m : r.members)
    members.push_back({{"id", m.id},
                       {"name", m.name},
                       {"role", m.role},
                       {"start", m.start ? json(m.start->iso()) : json(nullptr)},
                       {"end", m.end ? json(m.end->iso()) : json(nullptr)}});
  json fronts = json::array();
  for (const auto& f : r.fronts)
    fronts.push_back({{"front", f.label},
                      {"theatre", f.theatre},
                      {"member", f.member},
                      {"member_name", f.member_name},
                      {"adversary", f.adversary},
                      {"adversary_name", f.adversary_name},
                      {"incidents", f.records},
                      {"by_member", f.by_member},
                      {"fatalities", f.fatalities},
                      {"first", day_iso(f.first)},
                      {"last", day_iso(f.last)},
                      {"evidence", f.evidence}});
  json spells = json::array();
  for (const auto& s : r.spells)
    spells.push_back({{"from", day_iso(s.first)}, {"to", day_iso(s.last)}, {"peak", s.peak}});
  json stances = json::array();
  for (const auto& s : r.stances)
    stances.push_back({{"member", s.member},
                       {"name", s.name},
                       {"fights", s.fights},
                       {"attacked", s.attacked},
                       {"support", s.support},
                       {"supports_without_fighting", s.supports_without_fighting()},
                       {"support_evidence", s.support_evidence}});
  return {{"coalition", r.coalition_name},
          {"coalition_id", r.coalition_id},
          {"unit", unit_name(r.unit)},
          {"window_days", r.window_days},
          {"min_fronts", r.min_fronts},
          {"members", members},
          {"fronts", fronts},
          {"peak", r.peak_day ? json{{"date", day_iso(*r.peak_day)}, {"fronts", r.peak_fronts}, {"theatres", r.peak_theatres}}
                              : json(nullptr)},
          {"first_multi_front", opt_day(r.first_multi_front)},
          {"first_multi_front_theatres", r.first_multi_front_theatres},
          {"multi_front_spells", spells},
          {"members_stance", stances}};
}

std::string fronts_table(const FrontsReport& r) {
  std::ostringstream o;
  o << r.coalition_name << " (" << r.coalition_id << "): fronts over " << unit_name(r.unit) << ", window "
    << r.window_days << " days, multi-front = at least " << r.min_fronts << " theatres at once\n";
  o << "Members:";
  for (size_t i = 0; i < r.members.size(); ++i) {
    const auto& m = r.members[i];
    o << (i ? ", " : " ") << m.name;
    if (!m.role.empty() && m.role != "member") o << " [" << m.role << "]";
    if (m.start || m.end)
      o << " (" << (m.start ? m.start->iso() : std::string("")) << ".." << (m.end ? m.end->iso() : std::string(""))
        << ")";
  }
  o << "\n\n";
  if (r.fronts.empty()) {
    o << "No fronts: no material conflict between members and non-members in the records.\n";
    return o.str();
  }
  auto pad = [](std::string s, size_t w) {
    // Pads by code points so names with accents line up.
    size_t cps = 0;
    for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
    if (cps < w) s.append(w - cps, ' ');
    return s;
  };
  size_t wl = 5, wm = 6, wa = 9;
  for (const auto& f : r.fronts) {
    wl = std::max(wl, f.label.size());
    wm = std::max(wm, f.member_name.size());
    wa = std::max(wa, f.adversary_name.size());
  }
  o << pad("front", wl) << "  " << pad("member", wm) << "  " << pad("adversary", wa)
    << "  records  first       last        evidence\n";
  for (const auto& f : r.fronts) {
    o << pad(f.label, wl) << "  " << pad(f.member_name, wm) << "  " << pad(f.adversary_name, wa) << "  "
      << pad(std::to_string(f.records), 7) << "  " << day_iso(f.first) << "  " << day_iso(f.last) << "  ";
    for (size_t i = 0; i < f.evidence.size() && i < 5; ++i) o << (i ? " " : "") << f.evidence[i];
    if (f.records > 5) o << " …";
    o << "\n";
  }
  o << "\n";
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  if (r.peak_day)
    o << "Peak: " << r.peak_fronts << " theatres active in the " << r.window_days << " days to "
      << day_iso(*r.peak_day) << ": " << join(r.peak_theatres) << "\n";
  if (r.first_multi_front)
    o << "First multi-front window: " << day_iso(*r.first_multi_front) << " (" << join(r.first_multi_front_theatres)
      << ") — the first time in these records"
      << (r.data_first ? " (from " + day_iso(*r.data_first) + ")" : std::string()) << "\n";
  else
    o << "Never active on " << r.min_fronts << " or more theatres at once in these records.\n";
  for (const auto& s : r.spells)
    o << "  multi-front " << day_iso(s.first) << " .. " << day_iso(s.last) << " (up to " << s.peak
      << " theatres)\n";
  bool any = false;
  for (const auto& s : r.stances)
    if (s.supports_without_fighting()) {
      if (!any) o << "Support without intervention (cooperates with members, no material conflict of its own):\n";
      any = true;
      o << "  " << s.name << ": " << s.support << " support records, 0 fights, attacked " << s.attacked
        << " times; evidence";
      for (size_t i = 0; i < s.support_evidence.size() && i < 5; ++i) o << " " << s.support_evidence[i];
      o << "\n";
    }
  return o.str();
}

}  // namespace casus::analysis
