// casus fronts — the active fronts of a KB coalition over time, multi-front windows, and members that support
// without fighting (docs/ANALYSIS.md). The logic is casus::analysis (fronts.h).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "casus/analysis/fronts.h"
#include "casus/analysis/options.h"
#include "casus/cli/analysis_options.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct FrontsCliOptions {
  analysis::CommonParams common;
  std::string coalition, window = "30d", categories, format = "table", out;
  int min_fronts = 2, min_records = 1;
  size_t evidence = 25;
  bool no_sponsored = false;
};

int run_fronts(const FrontsCliOptions& o) {
  if (o.format != "table" && o.format != "json") return analysis_fail(Status(Code::kUsage, "--format: table or json"));
  analysis::FrontsOptions fo;
  auto w = analysis::parse_duration_days(o.window);
  if (!w) return analysis_fail(w.status());
  fo.window_days = *w;
  fo.min_fronts = std::max(1, o.min_fronts);
  fo.min_records = std::max(1, o.min_records);
  fo.sponsored = !o.no_sponsored;
  fo.max_evidence = o.evidence;
  if (!o.categories.empty()) {
    auto c = analysis::parse_categories(o.categories);
    if (!c) return analysis_fail(c.status());
    fo.conflict = *c;
  }
  // The whole history is loaded up to --to so that "the first time" means the first time in the store.
  auto ctx = analysis::prepare(o.common, /*need_kb=*/true, /*history=*/true);
  if (!ctx) return analysis_fail(ctx.status());
  if (!ctx->data.note.empty()) std::cerr << "casus: note: " << ctx->data.note << "\n";
  fo.from_day = ctx->from_day;
  fo.to_day = ctx->to_day;
  auto rep = analysis::compute_fronts(ctx->data, *ctx->kb, o.coalition, fo);
  if (!rep) return analysis_fail(rep.status());
  if (o.common.from.empty() == false) {
    // With --from, "first multi-front" is only the first in the shown range: say whether it was earlier.
    analysis::FrontsOptions all = fo;
    all.from_day.reset();
    auto full = analysis::compute_fronts(ctx->data, *ctx->kb, o.coalition, all);
    if (full && full->first_multi_front) {
      rep->first_multi_front = full->first_multi_front;
      rep->first_multi_front_theatres = full->first_multi_front_theatres;
      rep->data_first = full->data_first;
    }
  }
  std::string text = o.format == "json" ? analysis::fronts_json(*rep).dump(2) + "\n" : analysis::fronts_table(*rep);
  return emit_result(o.out, text);
}

}  // namespace

Verb add_fronts_verb(CLI::App& app) {
  auto o = std::make_shared<FrontsCliOptions>();
  auto* cmd = app.add_subcommand("fronts", "Active fronts of a coalition over time (members vs adversaries in "
                                           "material conflict), multi-front windows, support without fighting");
  add_analysis_common_options(cmd, o->common);
  cmd->add_option("--coalition", o->coalition, "Coalition: KB id, name or alias (\"Axis of Resistance\")")
      ->required();
  cmd->add_option("--window", o->window, "A front is active when it has records in this window (30d, 4w)")
      ->capture_default_str();
  cmd->add_option("--min-fronts", o->min_fronts, "Theatres active at once that make it multi-front")
      ->capture_default_str();
  cmd->add_option("--min-records", o->min_records, "Records a front needs in the window to be active")
      ->capture_default_str();
  cmd->add_option("--categories", o->categories, "Material conflict categories (default ASSAULT,COERCE,MOBILIZE,"
                                                 "THREATEN)");
  cmd->add_flag("--no-sponsored", o->no_sponsored, "Armed groups the leader sponsors are not members");
  cmd->add_option("--evidence", o->evidence, "Evidence ids listed per front")->capture_default_str();
  cmd->add_option("--format", o->format, "table or json")->capture_default_str();
  cmd->add_option("--out", o->out, "Write here instead of standard output");
  return {cmd, [o] { return run_fronts(*o); }};
}

}  // namespace casus::cli
