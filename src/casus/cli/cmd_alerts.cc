// casus alerts — escalation signals: dyads far above their baseline, new fronts, new actors (docs/ANALYSIS.md).
// The logic is casus::analysis (alerts.h).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "casus/analysis/alerts.h"
#include "casus/analysis/options.h"
#include "casus/cli/analysis_options.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct AlertsCliOptions {
  analysis::CommonParams common;
  std::string window = "7d", format = "table", out, level = "actor";
  int baseline = 4;
  double factor = 2.0;
  int64_t min_records = 3;
  bool people = false;
};

int run_alerts(const AlertsCliOptions& o) {
  if (o.format != "table" && o.format != "json") return analysis_fail(Status(Code::kUsage, "--format: table or json"));
  auto level = analysis::level_from_name(o.level);
  if (!level) return analysis_fail(Status(Code::kUsage, "--level must be actor or country"));
  auto w = analysis::parse_duration_days(o.window);
  if (!w) return analysis_fail(w.status());
  if (o.factor <= 0 || o.baseline < 1) return analysis_fail(Status(Code::kUsage, "--factor > 0 and --baseline ≥ 1"));
  auto ctx = analysis::prepare(o.common, false, /*history=*/true);
  if (!ctx) return analysis_fail(ctx.status());
  if (!ctx->data.note.empty()) std::cerr << "casus: note: " << ctx->data.note << "\n";
  analysis::AlertOptions ao;
  ao.window_days = *w;
  ao.baseline_windows = o.baseline;
  ao.factor = o.factor;
  ao.min_records = o.min_records;
  ao.end_day = ctx->to_day;
  analysis::Actors actors(ctx->kb.get(), *level, o.people);
  analysis::AlertReport rep = analysis::compute_alerts(ctx->data, actors, ao);
  std::string text = o.format == "json" ? analysis::alerts_json(rep).dump(2) + "\n" : analysis::alerts_table(rep);
  return emit_result(o.out, text);
}

}  // namespace

Verb add_alerts_verb(CLI::App& app) {
  auto o = std::make_shared<AlertsCliOptions>();
  auto* cmd = app.add_subcommand("alerts", "Escalation signals in the last window: dyads above their baseline, new "
                                           "fronts, new actors");
  add_analysis_common_options(cmd, o->common);
  cmd->add_option("--window", o->window, "The window examined, ending at --to or the last record (7d, 2w)")
      ->capture_default_str();
  cmd->add_option("--baseline", o->baseline, "Baseline = mean over this many windows before it")
      ->capture_default_str();
  cmd->add_option("--factor", o->factor, "Flag when the window is at least this many times the baseline")
      ->capture_default_str();
  cmd->add_option("--min-records", o->min_records, "Records a dyad needs in the window")->capture_default_str();
  cmd->add_option("--level", o->level, "actor or country")->capture_default_str();
  cmd->add_flag("--people", o->people, "Keep people as actors");
  cmd->add_option("--format", o->format, "table or json")->capture_default_str();
  cmd->add_option("--out", o->out, "Write here instead of standard output");
  return {cmd, [o] { return run_alerts(*o); }};
}

}  // namespace casus::cli
