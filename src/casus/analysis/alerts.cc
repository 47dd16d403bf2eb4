#include "casus/analysis/alerts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "casus/analysis/format.h"
#include "casus/analysis/fronts.h"

namespace casus::analysis {

AlertReport compute_alerts(const Dataset& data, Actors& actors, const AlertOptions& opt) {
  AlertReport rep;
  rep.unit = data.unit;
  if (data.records.empty()) return rep;
  const int64_t end = opt.end_day ? *opt.end_day : data.records.back().day;
  const int64_t W = std::max(1, opt.window_days);
  rep.window_last = end;
  rep.window_first = end - W + 1;
  rep.baseline_first = rep.window_first - W * std::max(0, opt.baseline_windows);
  const auto conflict_set = opt.conflict.empty() ? default_conflict_categories() : opt.conflict;

  struct DyadAcc {
    int64_t window = 0, baseline = 0;
    double window_conflict = 0, baseline_conflict = 0;
    bool conflict_before = false;
    int64_t window_material = 0;
    std::vector<std::string> evidence;
  };
  struct ActorAcc {
    bool before = false;
    int64_t window = 0;
    std::vector<std::string> evidence;
  };
  std::map<std::pair<std::string, std::string>, DyadAcc> dyads;
  std::map<std::string, ActorAcc> seen_actors;
  std::vector<std::string> a_keys, r_keys;
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Record& r : data.records) {
    if (r.day > end) break;  // records are sorted by day
    const bool in_window = r.day >= rep.window_first;
    const bool in_baseline = !in_window && r.day >= rep.baseline_first;
    const bool material = std::find(conflict_set.begin(), conflict_set.end(), r.category) != conflict_set.end();
    a_keys.clear();
    r_keys.clear();
    for (const auto& p : r.actors)
      if (auto k = actors.key(p, r.day); !k.empty()) a_keys.push_back(k);
    for (const auto& p : r.recipients)
      if (auto k = actors.key(p, r.day); !k.empty()) r_keys.push_back(k);
    for (const auto* side : {&a_keys, &r_keys})
      for (const auto& k : *side) {
        ActorAcc& acc = seen_actors[k];
        if (!in_window) {
          acc.before = true;
        } else if (acc.evidence.empty() || acc.evidence.back() != r.id) {
          ++acc.window;
          if (acc.evidence.size() < opt.max_evidence) acc.evidence.push_back(r.id);
        }
      }
    pairs.clear();
    for (const auto& a : a_keys)
      for (const auto& b : r_keys)
        if (a != b) pairs.insert(a < b ? std::make_pair(a, b) : std::make_pair(b, a));
    const double conflict = r.score < 0 ? -r.score : 0;
    for (const auto& key : pairs) {
      DyadAcc& d = dyads[key];
      if (in_window) {
        ++d.window;
        d.window_conflict += conflict;
        if (material) ++d.window_material;
        if (d.evidence.size() < opt.max_evidence) d.evidence.push_back(r.id);
      } else {
        if (in_baseline) {
          ++d.baseline;
          d.baseline_conflict += conflict;
        }
        if (material) d.conflict_before = true;
      }
    }
  }

  auto name = [&](const std::string& k) {
    const ActorInfo* i = actors.info(k);
    return i ? i->name : k;
  };
  const double K = std::max(1, opt.baseline_windows);
  std::vector<Alert> esc, fronts, news;
  for (const auto& [key, d] : dyads) {
    if (d.window == 0) continue;
    Alert a;
    a.a = key.first;
    a.b = key.second;
    a.a_name = name(key.first);
    a.b_name = name(key.second);
    a.records = d.window;
    a.conflict = d.window_conflict;
    a.baseline_records = static_cast<double>(d.baseline) / K;
    a.baseline_conflict = d.baseline_conflict / K;
    a.evidence = d.evidence;
    if (d.window_material >= opt.min_records && !d.conflict_before) {
      a.kind = "new_front";
      a.records = d.window;
      fronts.push_back(a);
      continue;
    }
    if (d.window < opt.min_records || a.baseline_records == 0) continue;
    const double rr = d.window / a.baseline_records;
    const double rc = a.baseline_conflict > 0 ? d.window_conflict / a.baseline_conflict : 0;
    // Conflict intensity rising with a flat count is an escalation too (ASSAULT replacing THREATEN).
    if (rr >= opt.factor || (rc >= opt.factor && d.window_conflict > 0)) {
      a.kind = "escalation";
      a.ratio = std::max(rr, rc);
      esc.push_back(a);
    }
  }
  for (const auto& [k, acc] : seen_actors) {
    if (acc.before || acc.window == 0) continue;
    Alert a;
    a.kind = "new_actor";
    a.a = k;
    a.a_name = name(k);
    a.records = acc.window;
    a.evidence = acc.evidence;
    news.push_back(a);
  }
  std::stable_sort(esc.begin(), esc.end(), [](const Alert& x, const Alert& y) { return x.ratio > y.ratio; });
  auto by_records = [](const Alert& x, const Alert& y) { return x.records > y.records; };
  std::stable_sort(fronts.begin(), fronts.end(), by_records);
  std::stable_sort(news.begin(), news.end(), by_records);
  for (auto* v : {&esc, &fronts, &news}) rep.alerts.insert(rep.alerts.end(), v->begin(), v->end());
  return rep;
}

nlohmann::json alerts_json(const AlertReport& r) {
  nlohmann::json list = nlohmann::json::array();
  auto round3 = [](double v) { return std::round(v * 1000) / 1000; };
  for (const auto& a : r.alerts) {
    nlohmann::json j = {{"kind", a.kind}, {"a", a.a}, {"a_name", a.a_name}, {"records", a.records}};
    if (!a.b.empty()) {
      j["b"] = a.b;
      j["b_name"] = a.b_name;
      j["conflict"] = round3(a.conflict);
      j["baseline_records"] = round3(a.baseline_records);
      j["baseline_conflict"] = round3(a.baseline_conflict);
    }
    if (a.kind == "escalation") j["ratio"] = round3(a.ratio);
    j["evidence"] = a.evidence;
    list.push_back(std::move(j));
  }
  return {{"unit", unit_name(r.unit)},
          {"window", {{"from", day_iso(r.window_first)}, {"to", day_iso(r.window_last)}}},
          {"baseline_from", day_iso(r.baseline_first)},
          {"alerts", list}};
}

std::string alerts_table(const AlertReport& r) {
  std::ostringstream o;
  o << "Alerts for " << day_iso(r.window_first) << " .. " << day_iso(r.window_last) << " (" << unit_name(r.unit)
    << "; baseline from " << day_iso(r.baseline_first) << ")\n";
  if (r.alerts.empty()) o << "none\n";
  for (const auto& a : r.alerts) {
    o << a.kind << "  " << a.a_name;
    if (!a.b.empty()) o << " — " << a.b_name;
    o << "  records " << a.records;
    if (a.kind == "escalation")
      o << " (baseline " << fmt_number(a.baseline_records) << "/window), conflict " << fmt_number(a.conflict)
        << " (baseline " << fmt_number(a.baseline_conflict) << "), x" << fmt_number(a.ratio);
    else if (a.kind == "new_front")
      o << ", conflict " << fmt_number(a.conflict);
    o << "  evidence";
    for (size_t i = 0; i < a.evidence.size() && i < 5; ++i) o << " " << a.evidence[i];
    o << "\n";
  }
  return o.str();
}

}  // namespace casus::analysis
