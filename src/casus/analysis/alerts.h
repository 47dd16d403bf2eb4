// Escalation signals over the last window of the store's records:
// - escalation: a dyad whose conflict score or record count in the last window is at least `factor` times its
//   baseline, the mean over the `baseline_windows` windows before it (and at least `min_records`);
// - new front: a dyad with material conflict in the window and none before it in the records;
// - new actor: an actor key first seen in the window.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/analysis/actors.h"
#include "casus/analysis/dataset.h"

namespace casus::analysis {

struct AlertOptions {
  int window_days = 7;
  int baseline_windows = 4;
  double factor = 2.0;
  int64_t min_records = 3;        // escalations and new fronts need at least this many records in the window
  std::optional<int64_t> end_day;  // last day of the window (default: the last record's day)
  std::vector<doc::Plover> conflict;  // material conflict for new fronts (default: fronts.h's set)
  size_t max_evidence = 10;
};

struct Alert {
  std::string kind;        // "escalation", "new_front", "new_actor"
  std::string a, b;        // actor keys (b empty for new_actor); a < b for dyads
  std::string a_name, b_name;
  int64_t records = 0;     // in the window
  double conflict = 0;     // −Σ negative scores in the window
  double baseline_records = 0, baseline_conflict = 0;  // mean per baseline window
  double ratio = 0;        // max of the two window/baseline ratios (0 when the baseline is 0)
  std::vector<std::string> evidence;
};

struct AlertReport {
  Unit unit = Unit::kReports;
  int64_t window_first = 0, window_last = 0;
  int64_t baseline_first = 0;
  std::vector<Alert> alerts;  // escalations (by ratio), new fronts (by records), new actors (by records)
};

AlertReport compute_alerts(const Dataset& data, Actors& actors, const AlertOptions& opt);
nlohmann::json alerts_json(const AlertReport& r);
std::string alerts_table(const AlertReport& r);

}  // namespace casus::analysis
