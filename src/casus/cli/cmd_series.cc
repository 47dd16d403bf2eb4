// casus series — counts and PLOVER scores per day/week/month for a dyad, an actor, a country pair or categories
// (docs/ANALYSIS.md). The logic is casus::analysis (series.h); this file maps options to it.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "casus/analysis/context.h"
#include "casus/analysis/options.h"
#include "casus/analysis/series.h"
#include "casus/cli/analysis_options.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct SeriesOptions {
  analysis::CommonParams common;
  std::string actor, source, target, country_pair, categories;
  bool both_ways = false, people = false, sparse = false;
  std::string bucket = "week", format = "csv", out, plot, metric = "count";
};

int run_series(const SeriesOptions& o) {
  auto bucket = analysis::bucket_from_name(o.bucket);
  if (!bucket) return analysis_fail(Status(Code::kUsage, "--bucket must be day, week or month"));
  auto metric = analysis::metric_from_name(o.metric);
  if (!metric) return analysis_fail(Status(Code::kUsage, "--metric must be count, score_sum, score_mean or conflict"));
  if (o.format != "csv" && o.format != "json") return analysis_fail(Status(Code::kUsage, "--format must be csv or json"));
  analysis::SeriesQuery q;
  q.bucket = *bucket;
  q.both_ways = o.both_ways;
  q.fill_gaps = !o.sparse;
  if (!o.categories.empty()) {
    auto c = analysis::parse_categories(o.categories);
    if (!c) return analysis_fail(c.status());
    q.categories = *c;
  }
  analysis::LoadOptions load;
  load.categories = q.categories;  // filter in SQL too: less to load
  auto ctx = analysis::prepare(o.common, /*need_kb=*/false, /*history=*/false, load);
  if (!ctx) return analysis_fail(ctx.status());
  if (!ctx->data.note.empty()) std::cerr << "casus: note: " << ctx->data.note << "\n";
  const kb::KnowledgeBase* kb = ctx->kb.get();
  analysis::Level level = analysis::Level::kActor;
  std::string src = o.source, tgt = o.target;
  if (!o.country_pair.empty()) {
    auto sep = o.country_pair.find_first_of(",:");
    if (sep == std::string::npos) return analysis_fail(Status(Code::kUsage, "--country-pair expects A,B (ISO codes or names)"));
    src = o.country_pair.substr(0, sep);
    tgt = o.country_pair.substr(sep + 1);
    level = analysis::Level::kCountry;
    q.both_ways = true;
  }
  auto key = [&](const std::string& text, std::string& out) -> Status {
    if (text.empty()) return Status::ok();
    auto k = analysis::actor_query_key(kb, text, level);
    if (!k) return k.status();
    out = *k;
    return Status::ok();
  };
  if (Status s = key(o.actor, q.actor); !s) return analysis_fail(s);
  if (Status s = key(src, q.source); !s) return analysis_fail(s);
  if (Status s = key(tgt, q.target); !s) return analysis_fail(s);
  q.from_day = ctx->from_day;
  q.to_day = ctx->to_day;
  analysis::Actors actors(kb, level, o.people);
  analysis::Series s = analysis::compute_series(ctx->data, actors, q);
  std::string text = o.format == "json" ? analysis::series_json(s).dump(2) + "\n" : analysis::series_csv(s);
  if (int rc = emit_result(o.out, text); rc != kExitOk) return rc;
  if (!o.plot.empty()) {
    if (!o.plot.ends_with(".svg")) return analysis_fail(Status(Code::kUsage, "--plot writes SVG: give a FILE.svg"));
    if (Status st = write_file_atomic(o.plot, analysis::series_svg(s, *metric)); !st) return analysis_fail(st);
  }
  return kExitOk;
}

}  // namespace

Verb add_series_verb(CLI::App& app) {
  auto o = std::make_shared<SeriesOptions>();
  auto* cmd = app.add_subcommand("series", "Counts and PLOVER scores per time bucket for a dyad, actor, country pair "
                                           "or categories (CSV/JSON, optional SVG plot)");
  add_analysis_common_options(cmd, o->common);
  cmd->add_option("--actor", o->actor, "Actor on either side (name, KB id or ISO code)");
  cmd->add_option("--source", o->source, "Dyad: the acting side");
  cmd->add_option("--target", o->target, "Dyad: the side acted upon");
  cmd->add_flag("--both-ways", o->both_ways, "Dyad in either direction");
  cmd->add_option("--country-pair", o->country_pair, "Two countries A,B at country level, both ways (ISR,LBN)");
  cmd->add_option("--categories", o->categories, "PLOVER categories (ASSAULT,COERCE; 'material')");
  cmd->add_option("--bucket", o->bucket, "day, week or month")->capture_default_str();
  cmd->add_flag("--sparse", o->sparse, "Omit empty buckets");
  cmd->add_flag("--people", o->people, "Keep people as actors (default: the body they lead)");
  cmd->add_option("--format", o->format, "csv or json")->capture_default_str();
  cmd->add_option("--out", o->out, "Write here instead of standard output");
  cmd->add_option("--plot", o->plot, "Also write a chart (FILE.svg)");
  cmd->add_option("--metric", o->metric, "Plotted metric: count, score_sum, score_mean, conflict")
      ->capture_default_str();
  return {cmd, [o] { return run_series(*o); }};
}

}  // namespace casus::cli
