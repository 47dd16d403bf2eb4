#include "casus/store/incidents.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "casus/util/date.h"

namespace casus::store {

namespace {

using Json = nlohmann::ordered_json;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<int64_t> day_of(const std::string& iso, bool last) {
  auto d = Date::parse(iso);
  if (!d) return std::nullopt;
  return last ? d->last_day() : d->first_day();
}

std::string iso_of_day(int64_t day) { return Date::from_days(day).iso(); }

// Week buckets a window covers (blocking without scanning a key's whole history); -1 holds vague windows.
constexpr int64_t kVagueBucket = -1;
int64_t week_of(int64_t day) { return day >= 0 ? day / 7 : -((-day + 6) / 7); }
std::vector<int64_t> buckets_of(int64_t lo, int64_t hi, int vague_days) {
  if (hi - lo + 1 > vague_days) return {kVagueBucket};
  std::vector<int64_t> out;
  for (int64_t w = week_of(lo); w <= week_of(hi); ++w) out.push_back(w);
  return out;
}

// Keys of one entity: kb:<KB id> (a KB actor), c:<ISO3> (the state it belongs to), n:<lower-case name> (an
// unresolved name) or n:agent:<noun> (a generic agent: "police", "protesters"). Agents are names, not identities:
// "the police" of one report and "Kenya" of another may be the same side. The nationality of someone acting for
// an international or non-governmental organisation (the UN Secretary-General) is not the side they act for. An
// inferred entity's keys are marked "~": the coder's guess from the document's context; so is the country of a
// non-state agent (below).
void entity_keys(const Report::Ent& e, std::set<std::string>& out) {
  const std::string mark = e.inferred ? "~" : "";
  if (e.kb_id.starts_with("agent:")) {
    out.insert(mark + "n:" + e.kb_id);
  } else if (!e.kb_id.empty()) {
    out.insert(mark + "kb:" + e.kb_id);
  } else {
    std::string n = lower(e.name.empty() ? e.text : e.name);
    if (!n.empty()) out.insert(mark + "n:" + n);
  }
  if (e.country.empty() || e.type == "IGO" || e.type == "NGO") return;
  // The country of a generic agent that is not a state's (militants, protesters, civilians) says where they were or
  // came from, not whose side they are on — the coder gives local agents the country of the event's place, so
  // "jihadists" in Djibo are BFA and JNIM is MLI. Only state agents' countries (troops, police, officials) are
  // their side.
  const bool state_kind = e.type == "GOV" || e.type == "MIL" || e.type == "COP" || e.type == "JUD" || e.type == "LEG";
  const bool guessed = e.inferred || (e.kb_id.starts_with("agent:") && !state_kind);
  out.insert((guessed ? "~" : "") + std::string("c:") + e.country);
}

std::set<std::string> side_keys(const std::vector<Report::Ent>& side) {
  std::set<std::string> out;
  for (const auto& e : side) entity_keys(e, out);
  return out;
}

std::string_view unmarked(std::string_view k) { return k.starts_with('~') ? k.substr(1) : k; }

// Keys that tell who a side is, so that two sides without a common one are different parties: a state, or a KB
// actor that is not a person (a person may speak for their state, an IGO or a party) and not a guess.
bool proves_identity(const std::string& k) {
  return k.starts_with("c:") || (k.starts_with("kb:") && !k.starts_with("kb:person:"));
}

// A shared key identifies the party unless it is a guess or a generic agent noun.
bool specific(std::string_view k) { return !k.starts_with('~') && !k.starts_with("n:agent:"); }

// kMatch: a specific key in common; kWeak: only an agent noun or an inferred entity in common; kConflict: both
// name identified parties and none is shared; kDiffer: nothing in common and both name parties, but an agent, a
// person or a guess on one side cannot prove they differ ("the rebels" against "the United States");
// kUnknown: otherwise (a side empty or only unresolved names).
enum class SideMatch { kMatch, kWeak, kUnknown, kDiffer, kConflict };

// A key naming a kind of party rather than a bare unresolved name.
bool names_party(const std::string& key) {
  std::string_view k = unmarked(key);
  return k.starts_with("kb:") || k.starts_with("c:") || k.starts_with("n:agent:");
}

SideMatch compare_sides(const std::set<std::string>& a, const std::set<std::string>& b) {
  bool a_proof = false, b_proof = false, shared_proof = false;
  for (const auto& k : a)
    if (proves_identity(k)) {
      a_proof = true;
      shared_proof |= b.count(k) > 0;
    }
  for (const auto& k : b) b_proof |= proves_identity(k);
  if (a_proof && b_proof && !shared_proof) return SideMatch::kConflict;
  std::map<std::string_view, bool> b_base;  // unmarked key → some form of it in b is specific
  for (const auto& k : b) b_base[unmarked(k)] |= specific(k);
  bool weak = false;
  for (const auto& k : a) {
    auto it = b_base.find(unmarked(k));
    if (it == b_base.end()) continue;
    if (specific(k) && it->second) return SideMatch::kMatch;
    weak = true;
  }
  if (weak) return SideMatch::kWeak;
  const bool a_party = std::any_of(a.begin(), a.end(), names_party);
  const bool b_party = std::any_of(b.begin(), b.end(), names_party);
  return a_party && b_party ? SideMatch::kDiffer : SideMatch::kUnknown;
}

double side_score(SideMatch m) {
  switch (m) {
    case SideMatch::kMatch: return 1.0;
    case SideMatch::kWeak: return 0.75;
    case SideMatch::kUnknown:
    case SideMatch::kDiffer: return 0.5;
    case SideMatch::kConflict: break;
  }
  return 0.0;
}

bool symmetric(doc::Plover p) {
  return p == doc::Plover::kAgree || p == doc::Plover::kConsult || p == doc::Plover::kCooperate;
}

std::string place_key(const std::string& name) { return name.empty() ? std::string() : "p|" + lower(name); }

Json entity_out(const Report::Ent& e) {
  Json j;
  j["text"] = e.text;
  j["name"] = e.name.empty() ? Json(nullptr) : Json(e.name);
  j["kb_id"] = e.kb_id.empty() ? Json(nullptr) : Json(e.kb_id);
  j["country"] = e.country.empty() ? Json(nullptr) : Json(e.country);
  j["type"] = e.type.empty() ? Json(nullptr) : Json(e.type);
  return j;
}

std::vector<Report::Ent> entities_from_json(const Json& arr) {
  std::vector<Report::Ent> out;
  if (!arr.is_array()) return out;
  auto s = [](const Json& j, const char* k) {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& j : arr) {
    auto inf = j.find("inferred");
    out.push_back({s(j, "text"), s(j, "name"), s(j, "kb_id"), s(j, "country"), s(j, "type"),
                   inf != j.end() && inf->is_boolean() && inf->get<bool>()});
  }
  return out;
}

// Merged side of an incident: the entities the reports name, most often named first (ties: first named).
Json merge_entities(const std::vector<const std::vector<Report::Ent>*>& sides) {
  struct Slot {
    Report::Ent e;
    int count = 0;
    size_t first = 0;
  };
  std::map<std::string, Slot> slots;
  size_t order = 0;
  for (const auto* side : sides) {
    std::set<std::string> seen;
    for (const auto& e : *side) {
      std::string key = !e.kb_id.empty() ? "kb:" + e.kb_id : "n:" + lower(e.name.empty() ? e.text : e.name);
      if (!seen.insert(key).second) continue;
      auto [it, fresh] = slots.try_emplace(key);
      if (fresh) it->second = {e, 0, order++};
      ++it->second.count;
    }
  }
  std::vector<const Slot*> list;
  for (const auto& [k, s] : slots) list.push_back(&s);
  std::sort(list.begin(), list.end(), [](const Slot* a, const Slot* b) {
    return a->count != b->count ? a->count > b->count : a->first < b->first;
  });
  Json out = Json::array();
  for (size_t i = 0; i < list.size() && i < 4; ++i) out.push_back(entity_out(list[i]->e));
  return out;
}

constexpr const char* kReportColumns =
    "SELECT e.id, e.document, d.doc_id, d.source, d.url, d.published, e.category, e.mode, e.aux, e.date, "
    "e.date_start, e.date_end, e.location_name, e.location_country, e.lat, e.lon, e.fatalities, e.record "
    "FROM events e JOIN documents d ON d.id = e.document ";

Report report_from_row(const Row& row) {
  Report r;
  r.event_id = row[0].as_text();
  r.document = row[1].as_int();
  r.doc_id = row[2].as_text();
  r.outlet = outlet_of(row[3].as_text(), row[4].as_text());
  r.published = row[5].as_text();
  r.category = doc::plover_from_name(row[6].as_text()).value_or(doc::Plover::kNone);
  r.mode = row[7].as_text();
  r.aux = doc::aux_from_name(row[8].as_text()).value_or(doc::Aux::kNone);
  r.date = row[9].as_text();
  r.date_start = row[10].as_text();
  r.date_end = row[11].as_text();
  r.location_name = row[12].as_text();
  r.location_country = row[13].as_text();
  if (!row[14].is_null()) r.lat = row[14].as_real();
  if (!row[15].is_null()) r.lon = row[15].as_real();
  if (!row[16].is_null()) r.fatalities = row[16].as_int();
  Json rec = Json::parse(row[17].as_text(), nullptr, false);
  if (!rec.is_discarded()) {
    r.actor = entities_from_json(rec["actor"]);
    r.recipient = entities_from_json(rec["recipient"]);
    auto dt = rec.find("date_text");
    r.dated_by_publication = !r.date.empty() && r.date == r.published && (dt == rec.end() || !dt->is_string());
  }
  return r;
}

// Text ordering that is the same on both backends (byte order; PostgreSQL would otherwise use its collation).
std::string ordered(const Connection& c, const std::string& col) {
  return c.dialect() == Dialect::kPostgres ? col + " COLLATE \"C\"" : col;
}

// Inserts (key, bucket, incident) rows in multi-row statements: one round trip instead of one per row matters on
// PostgreSQL, where every statement crosses the network.
Status insert_keys(Connection& c, int64_t incident, const std::set<std::string>& keys,
                   const std::vector<int64_t>& buckets) {
  constexpr size_t kRowsPerStatement = 32;
  std::vector<std::pair<const std::string*, int64_t>> rows;
  for (const auto& k : keys)
    for (int64_t b : buckets) rows.push_back({&k, b});
  for (size_t i = 0; i < rows.size(); i += kRowsPerStatement) {
    size_t n = std::min(kRowsPerStatement, rows.size() - i);
    std::string sql = "INSERT INTO incident_keys(key, bucket, incident) VALUES ";
    Params params{incident};
    for (size_t j = 0; j < n; ++j) {
      params.emplace_back(*rows[i + j].first);
      params.emplace_back(rows[i + j].second);
      sql += (j ? ",(?" : "(?") + std::to_string(params.size() - 1) + ",?" + std::to_string(params.size()) + ",?1)";
    }
    sql += " ON CONFLICT DO NOTHING";
    CASUS_RETURN_IF_ERROR(c.run(sql, params));
  }
  return Status::ok();
}

}  // namespace

std::string_view category_family(doc::Plover p) {
  using P = doc::Plover;
  switch (p) {
    case P::kAgree:
    case P::kConcede:
    case P::kSupport:
    case P::kCooperate: return "deal";
    case P::kAssault:
    case P::kCoerce: return "force";
    case P::kAccuse:
    case P::kThreaten:
    case P::kReject: return "claim";
    default: return doc::plover_name(p);
  }
}

std::string outlet_of(const std::string& source, const std::string& url) {
  if (!source.empty()) return source;
  auto scheme = url.find("://");
  if (scheme == std::string::npos) return {};
  auto host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (host.starts_with("www.")) host = host.substr(4);
  return lower(host);
}

bool Report::window(const LinkOptions& opt, int64_t& lo, int64_t& hi) const {
  auto a = day_of(date_start, false), b = day_of(date_end.empty() ? date_start : date_end, true);
  if (a && b && !dated_by_publication) {
    lo = *a;
    hi = *b;
    return true;
  }
  auto p = day_of(published, false);
  if (!p) return false;
  lo = *p - opt.publication_lag_days;
  hi = *p;
  return true;
}

std::set<std::string> Report::keys() const {
  std::set<std::string> out;
  for (const auto& k : side_keys(actor)) out.insert("a|" + k);
  for (const auto& k : side_keys(recipient)) out.insert("r|" + k);
  if (!location_name.empty()) out.insert(place_key(location_name));
  return out;
}

Report report_from_event(const doc::Document& d, const doc::Event& e, int64_t document_row) {
  Report r;
  r.event_id = e.id;
  r.document = document_row;
  r.doc_id = d.meta.id;
  r.outlet = outlet_of(d.meta.source, d.meta.url);
  if (d.meta.published) r.published = d.meta.published->iso();
  r.category = e.category;
  r.mode = e.mode;
  r.aux = e.aux;
  auto conv = [](const std::vector<doc::Entity>& in) {
    std::vector<Report::Ent> out;
    for (const auto& a : in) out.push_back({a.text, a.name, a.kb_id, a.country, a.type, a.inferred});
    return out;
  };
  r.actor = conv(e.actor);
  r.recipient = conv(e.recipient);
  r.date = e.date;
  r.dated_by_publication = !e.date.empty() && e.date_text.empty() && e.date == r.published;
  if (!e.date.empty()) {
    auto slash = e.date.find('/');
    auto lo = day_of(e.date.substr(0, slash), false);
    auto hi = day_of(slash == std::string::npos ? e.date : e.date.substr(slash + 1), true);
    if (lo && hi) {
      r.date_start = iso_of_day(*lo);
      r.date_end = iso_of_day(*hi);
    }
  }
  // Only stated places link incidents: a place implied by the parties (a targeted state) would join unrelated
  // attacks on the same country.
  if (e.location && !e.location->inferred) {
    r.location_name = e.location->name.empty() ? e.location->text : e.location->name;
    r.location_country = e.location->country;
    r.lat = e.location->lat;
    r.lon = e.location->lon;
  }
  r.fatalities = e.fatalities;
  return r;
}

Result<int64_t> IncidentLinker::next_id() {
  if (next_id_ == 0) {
    auto v = c_.scalar("SELECT max(id) FROM incidents");
    if (!v) return v.status();
    next_id_ = v->as_int() + 1;
  }
  return next_id_++;
}

Status IncidentLinker::link(const Report& r) {
  if (r.category == doc::Plover::kNone) return Status::ok();
  const bool unreal = r.aux == doc::Aux::kNegation || r.aux == doc::Aux::kHypothetical;
  if (unreal && !opt_.link_unreal) return Status::ok();
  if (r.aux == doc::Aux::kFuture && !opt_.link_future) return Status::ok();
  int64_t lo = 0, hi = 0;
  if (!r.window(opt_, lo, hi)) return Status::ok();  // no time anchor: cannot be placed among incidents
  const std::string family(category_family(r.category));
  const std::set<std::string> keys = r.keys();
  const auto r_actor = side_keys(r.actor), r_recipient = side_keys(r.recipient);
  const bool r_vague = hi - lo + 1 > opt_.vague_window_days;

  // Blocking: same family, overlapping window, at least one shared key in either role.
  std::set<std::string> probe;
  for (const auto& k : keys) {
    if (k.starts_with("a|") || k.starts_with("r|")) {
      // Either role, guessed or not: "~c:SRB" of one report finds "c:SRB" of another and the reverse.
      const std::string base(unmarked(std::string_view(k).substr(2)));
      for (const char* form : {"a|", "r|", "a|~", "r|~"}) probe.insert(form + base);
    } else {
      probe.insert(k);
    }
  }
  int64_t best_id = 0;
  double best_score = 0;
  if (!probe.empty()) {
    std::string sql =
        "SELECT DISTINCT i.id, i.category, i.window_start, i.window_end, i.location_name, i.location_country "
        "FROM incident_keys k JOIN incidents i ON i.id = k.incident "
        "WHERE i.family = ?1 AND i.window_end >= ?2 AND i.window_start <= ?3 AND k.key IN (";
    const int64_t plo = lo - opt_.date_slack_days, phi = hi + opt_.date_slack_days;
    Params params{family, iso_of_day(plo), iso_of_day(phi)};
    for (const auto& k : probe) {
      sql += params.size() > 3 ? ",?" : "?";
      params.emplace_back(k);
      sql += std::to_string(params.size());
    }
    // Weeks the (widened) window covers, capped for very long windows, plus the vague bucket.
    sql += ") AND k.bucket IN (?";
    params.emplace_back(kVagueBucket);
    sql += std::to_string(params.size());
    for (int64_t w = week_of(plo); w <= week_of(phi) && w <= week_of(plo) + 60; ++w) {
      params.emplace_back(w);
      sql += ",?" + std::to_string(params.size());
    }
    sql += ") ORDER BY i.id";
    struct Cand {
      int64_t id;
      std::string category, wlo, whi, place, country;
    };
    std::vector<Cand> cands;
    CASUS_RETURN_IF_ERROR(c_.run(sql, params, [&](const Row& row) {
      cands.push_back({row[0].as_int(), row[1].as_text(), row[2].as_text(), row[3].as_text(), row[4].as_text(),
                       row[5].as_text()});
      return true;
    }));
    for (const Cand& cand : cands) {
      std::set<std::string> i_actor, i_recipient;
      CASUS_RETURN_IF_ERROR(c_.run("SELECT DISTINCT key FROM incident_keys WHERE incident = ?1", {cand.id}, [&](const Row& row) {
        const std::string k = row[0].as_text();
        if (k.starts_with("a|")) i_actor.insert(k.substr(2));
        else if (k.starts_with("r|")) i_recipient.insert(k.substr(2));
        return true;
      }));
      const bool same_category = cand.category == doc::plover_name(r.category);
      const double cat = same_category ? 1.0 : opt_.family_score;
      auto wlo = day_of(cand.wlo, false), whi = day_of(cand.whi, true);
      if (!wlo || !whi) continue;
      const double date = (*wlo <= hi && lo <= *whi) ? 1.0 : 0.6;
      SideMatch am = compare_sides(r_actor, i_actor), rm = compare_sides(r_recipient, i_recipient);
      if (symmetric(r.category)) {
        SideMatch sa = compare_sides(r_actor, i_recipient), sr = compare_sides(r_recipient, i_actor);
        if (side_score(sa) + side_score(sr) > side_score(am) + side_score(rm)) {
          am = sa;
          rm = sr;
        }
      }
      if (am == SideMatch::kConflict || rm == SideMatch::kConflict) continue;
      double place = 0.5;
      bool place_match = false;
      if (!r.location_country.empty() && !cand.country.empty() && r.location_country != cand.country) {
        if (opt_.place_must_agree) continue;
        place = 0;
      } else if (!r.location_name.empty() && lower(r.location_name) == lower(cand.place)) {
        place = 1;
        place_match = true;
      } else if (!r.location_country.empty() && r.location_country == cand.country) {
        place = 0.75;
      }
      // Evidence that it is the same incident, beyond time and category: a side in common, or the same category
      // at the same named place when the parties are unnamed or unresolved (not when they differ in kind).
      const bool any_side = am == SideMatch::kMatch || rm == SideMatch::kMatch ||
                            (same_category && (am == SideMatch::kWeak || rm == SideMatch::kWeak));
      const bool same_scene =
          place_match && same_category && am != SideMatch::kDiffer && rm != SideMatch::kDiffer;
      if (!any_side && !same_scene) continue;
      const bool vague = r_vague || *whi - *wlo + 1 > opt_.vague_window_days;
      if (vague && !(same_category && am == SideMatch::kMatch && rm == SideMatch::kMatch)) continue;
      const double score = 0.3 * cat + 0.2 * date + 0.2 * side_score(am) + 0.2 * side_score(rm) + 0.1 * place;
      if (score >= opt_.min_score && score > best_score) {
        best_score = score;
        best_id = cand.id;
        if (*wlo < lo || *whi > hi) {
          // remembered below through the window update
        }
      }
    }
  }

  if (best_id != 0) {
    CASUS_RETURN_IF_ERROR(c_.run("INSERT INTO incident_reports(event, incident, document, score) VALUES (?1,?2,?3,?4)",
                                 {r.event_id, best_id, r.document, best_score}));
    // Widen the window now so later reports of this batch see it (refresh_touched recomputes it exactly).
    CASUS_RETURN_IF_ERROR(c_.run(
        "UPDATE incidents SET window_start = CASE WHEN window_start > ?2 THEN ?2 ELSE window_start END, "
        "window_end = CASE WHEN window_end < ?3 THEN ?3 ELSE window_end END WHERE id = ?1",
        {best_id, iso_of_day(lo), iso_of_day(hi)}));
  } else {
    auto id = next_id();
    if (!id) return id.status();
    best_id = *id;
    CASUS_RETURN_IF_ERROR(c_.run(
        "INSERT INTO incidents(id, category, family, mode, date, date_start, date_end, window_start, window_end, "
        "location_name, location_country, lat, lon, fatalities, actor, recipient, reports, outlets, sources, "
        "first_reported) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,'[]','[]',1,0,'[]',?15)",
        {best_id, std::string(doc::plover_name(r.category)), family, Value::text_or_null(r.mode),
         Value::text_or_null(r.date), Value::text_or_null(r.date_start), Value::text_or_null(r.date_end),
         iso_of_day(lo), iso_of_day(hi), Value::text_or_null(r.location_name),
         Value::text_or_null(r.location_country), Value(r.lat), Value(r.lon), Value(r.fatalities),
         Value::text_or_null(r.published)}));
    CASUS_RETURN_IF_ERROR(c_.run("INSERT INTO incident_reports(event, incident, document, score) VALUES (?1,?2,?3,1.0)",
                                 {r.event_id, best_id, r.document}));
  }
  CASUS_RETURN_IF_ERROR(insert_keys(c_, best_id, keys, buckets_of(lo, hi, opt_.vague_window_days)));
  touched_.insert(best_id);
  return Status::ok();
}

Status IncidentLinker::touch_incidents_of_documents(const std::string& content_hash, const std::string& doc_id) {
  return c_.run(
      "SELECT DISTINCT r.incident FROM incident_reports r JOIN documents d ON d.id = r.document "
      "WHERE d.content_hash = ?1 OR d.doc_id = ?2",
      {content_hash, doc_id}, [&](const Row& row) {
        touched_.insert(row[0].as_int());
        return true;
      });
}

Status IncidentLinker::refresh_touched() {
  for (int64_t id : touched_) CASUS_RETURN_IF_ERROR(refresh(id));
  touched_.clear();
  return Status::ok();
}

Status IncidentLinker::refresh(int64_t id) {
  std::vector<Report> reports;
  const std::string sql = std::string(kReportColumns) +
                          "JOIN incident_reports r ON r.event = e.id WHERE r.incident = ?1 "
                          "ORDER BY coalesce(d.published, ''), " + ordered(c_, "d.doc_id") + ", e.sentence, " +
                          ordered(c_, "e.id");
  CASUS_RETURN_IF_ERROR(c_.run(sql, {id}, [&](const Row& row) {
    reports.push_back(report_from_row(row));
    return true;
  }));
  if (reports.empty()) return c_.run("DELETE FROM incidents WHERE id = ?1", {id});

  // Category: the one most reports give (ties: the first report's).
  std::map<std::string, int> cat_count;
  for (const auto& r : reports) ++cat_count[std::string(doc::plover_name(r.category))];
  std::string category = std::string(doc::plover_name(reports[0].category));
  for (const auto& r : reports) {
    std::string c(doc::plover_name(r.category));
    if (cat_count[c] > cat_count[category]) category = c;
  }
  std::map<std::string, int> mode_count;
  std::string mode;
  for (const auto& r : reports)
    if (doc::plover_name(r.category) == category && !r.mode.empty() && ++mode_count[r.mode] > mode_count[mode])
      mode = r.mode;

  // Best date: the most precise one (shortest interval); ties go to the one more reports give, then the earliest.
  // A date a report stated outranks one that is only its publication day: the later outlet publishing on
  // Wednesday does not move Tuesday's strike.
  const Report* best_date = nullptr;
  int64_t best_span = 0;
  std::map<std::string, int> date_count;
  for (const auto& r : reports)
    if (!r.date.empty()) ++date_count[r.date];
  int64_t wlo = INT64_MAX, whi = INT64_MIN;
  for (const auto& r : reports) {
    int64_t lo, hi;
    if (r.window(opt_, lo, hi)) {
      wlo = std::min(wlo, lo);
      whi = std::max(whi, hi);
    }
    if (r.date_start.empty()) continue;
    int64_t span = *day_of(r.date_end, true) - *day_of(r.date_start, false);
    auto better = [&] {
      if (!best_date) return true;
      if (r.dated_by_publication != best_date->dated_by_publication) return !r.dated_by_publication;
      if (span != best_span) return span < best_span;
      if (date_count[r.date] != date_count[best_date->date]) return date_count[r.date] > date_count[best_date->date];
      return r.date_start < best_date->date_start;
    };
    if (better()) {
      best_date = &r;
      best_span = span;
    }
  }
  if (wlo == INT64_MAX) wlo = whi = 0;

  // Location: the place most reports name (ties: first named).
  std::map<std::string, int> place_count;
  const Report* place = nullptr;
  for (const auto& r : reports) {
    if (r.location_name.empty()) continue;
    int n = ++place_count[r.location_name];
    if (!place || n > place_count[place->location_name]) place = &r;
  }

  // Fatalities: the largest credible figure. With three or more figures, one far above the median of the others
  // (fatality_outlier_ratio) is not credible.
  std::vector<const Report*> figures;
  for (const auto& r : reports)
    if (r.fatalities) figures.push_back(&r);
  std::stable_sort(figures.begin(), figures.end(),
                   [](const Report* a, const Report* b) { return *a->fatalities > *b->fatalities; });
  const Report* fatal = nullptr;
  for (size_t i = 0; i < figures.size(); ++i) {
    if (figures.size() - i >= 3) {
      std::vector<int64_t> rest;
      for (size_t j = i + 1; j < figures.size(); ++j) rest.push_back(*figures[j]->fatalities);
      int64_t median = rest[rest.size() / 2];
      if (median > 0 && static_cast<double>(*figures[i]->fatalities) > opt_.fatality_outlier_ratio * median) continue;
    }
    fatal = figures[i];
    break;
  }

  std::vector<const std::vector<Report::Ent>*> actors, recipients;
  std::set<std::string> docs, outlets;
  std::string first_reported;
  std::set<std::string> keys;
  for (const auto& r : reports) {
    actors.push_back(&r.actor);
    recipients.push_back(&r.recipient);
    docs.insert(r.doc_id);
    if (!r.outlet.empty()) outlets.insert(r.outlet);
    if (!r.published.empty() && (first_reported.empty() || r.published < first_reported)) first_reported = r.published;
    for (const auto& k : r.keys()) keys.insert(k);
  }
  Json sources = Json::array();
  for (const auto& o : outlets) sources.push_back(o);

  CASUS_RETURN_IF_ERROR(c_.run(
      "UPDATE incidents SET category = ?2, family = ?3, mode = ?4, date = ?5, date_start = ?6, date_end = ?7, "
      "window_start = ?8, window_end = ?9, location_name = ?10, location_country = ?11, lat = ?12, lon = ?13, "
      "fatalities = ?14, fatalities_doc = ?15, fatalities_outlet = ?16, actor = ?17, recipient = ?18, "
      "reports = ?19, outlets = ?20, sources = ?21, first_reported = ?22 WHERE id = ?1",
      {id, category, std::string(category_family(*doc::plover_from_name(category))), Value::text_or_null(mode),
       best_date ? Value(best_date->date) : Value(), best_date ? Value(best_date->date_start) : Value(),
       best_date ? Value(best_date->date_end) : Value(), iso_of_day(wlo), iso_of_day(whi),
       place ? Value(place->location_name) : Value(), place ? Value::text_or_null(place->location_country) : Value(),
       place ? Value(place->lat) : Value(), place ? Value(place->lon) : Value(),
       fatal ? Value(*fatal->fatalities) : Value(), fatal ? Value(fatal->doc_id) : Value(),
       fatal ? Value::text_or_null(fatal->outlet) : Value(), merge_entities(actors).dump(),
       merge_entities(recipients).dump(), static_cast<int64_t>(docs.size()), static_cast<int64_t>(outlets.size()),
       sources.dump(), Value::text_or_null(first_reported)}));
  CASUS_RETURN_IF_ERROR(c_.run("DELETE FROM incident_keys WHERE incident = ?1", {id}));
  return insert_keys(c_, id, keys, buckets_of(wlo, whi, opt_.vague_window_days));
}

Status IncidentLinker::relink_all() {
  CASUS_RETURN_IF_ERROR(c_.exec("DELETE FROM incident_keys; DELETE FROM incident_reports; DELETE FROM incidents"));
  next_id_ = 0;
  touched_.clear();
  std::vector<Report> all;
  const std::string sql = std::string(kReportColumns) + "ORDER BY coalesce(d.published, ''), " +
                          ordered(c_, "d.doc_id") + ", e.sentence, " + ordered(c_, "e.id");
  CASUS_RETURN_IF_ERROR(c_.run(sql, {}, [&](const Row& row) {
    all.push_back(report_from_row(row));
    return true;
  }));
  for (const auto& r : all) CASUS_RETURN_IF_ERROR(link(r));
  return refresh_touched();
}

}  // namespace casus::store
