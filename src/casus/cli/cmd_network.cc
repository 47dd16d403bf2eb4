// casus network — the actor network over a time window: signed weighted edges, communities, structural balance;
// GraphML, GEXF (Gephi) or JSON (docs/ANALYSIS.md). The logic is casus::analysis (network.h).
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "casus/analysis/format.h"
#include "casus/analysis/network.h"
#include "casus/analysis/options.h"
#include "casus/cli/analysis_options.h"
#include "casus/util/file.h"

namespace casus::cli {

namespace {

struct NetworkCliOptions {
  analysis::CommonParams common;
  std::string format = "summary", out, level = "actor", categories, window;
  int64_t min_edge = 1, min_node = 1;
  bool people = false;
};

std::string summary(const analysis::Network& net) {
  std::ostringstream o;
  o << "actor network over " << analysis::unit_name(net.unit) << ": " << net.nodes.size() << " nodes, "
    << net.edges.size() << " edges";
  size_t pos = 0, neg = 0;
  for (const auto& e : net.edges) (e.sign() > 0 ? pos : e.sign() < 0 ? neg : pos) += e.sign() != 0;
  o << " (" << pos << " cooperative, " << neg << " conflictual)\n";
  const auto& b = net.balance;
  o << "structural balance: " << b.balanced << " of " << b.triangles << " signed triangles balanced ("
    << analysis::fmt_number(100 * b.share()) << "%; +++ " << b.ppp << ", +-- " << b.pnn << ", ++- " << b.ppn
    << ", --- " << b.nnn << ")\n";
  o << "communities (label propagation on cooperative edges, modularity " << analysis::fmt_number(net.modularity)
    << "):\n";
  size_t shown = 0;
  for (size_t c = 0; c < net.communities.size() && shown < 10; ++c) {
    const auto& members = net.communities[c].nodes;
    if (members.size() < 2) continue;
    ++shown;
    o << "  " << c << ":";
    for (size_t i = 0; i < members.size() && i < 12; ++i) o << (i ? ", " : " ") << net.nodes[members[i]].name;
    if (members.size() > 12) o << " … (" << members.size() << ")";
    o << "\n";
  }
  std::vector<const analysis::Edge*> strongest;
  for (const auto& e : net.edges) strongest.push_back(&e);
  std::sort(strongest.begin(), strongest.end(),
            [](const auto* a, const auto* b) { return std::abs(a->score_sum) > std::abs(b->score_sum); });
  o << "strongest relations:\n";
  for (size_t i = 0; i < strongest.size() && i < 10; ++i) {
    const auto& e = *strongest[i];
    o << "  " << (e.sign() > 0 ? "+" : e.sign() < 0 ? "-" : "0") << " " << net.nodes[e.a].name << " — "
      << net.nodes[e.b].name << ": " << e.records << " records, score " << analysis::fmt_number(e.score_sum)
      << " (mean " << analysis::fmt_number(e.mean()) << ")\n";
  }
  return o.str();
}

int run_network(NetworkCliOptions o) {
  auto level = analysis::level_from_name(o.level);
  if (!level) return analysis_fail(Status(Code::kUsage, "--level must be actor or country"));
  if (o.format != "summary" && o.format != "graphml" && o.format != "gexf" && o.format != "json")
    return analysis_fail(Status(Code::kUsage, "--format must be summary, graphml, gexf or json"));
  analysis::LoadOptions load;
  if (!o.categories.empty()) {
    auto c = analysis::parse_categories(o.categories);
    if (!c) return analysis_fail(c.status());
    load.categories = *c;
  }
  if (!o.window.empty()) {
    // --window 90d: the last 90 days up to --to (or the last record).
    auto w = analysis::parse_duration_days(o.window);
    if (!w) return analysis_fail(w.status());
    auto ctx = analysis::prepare(o.common, false, /*history=*/true, load);
    if (!ctx) return analysis_fail(ctx.status());
    if (!ctx->data.records.empty()) {
      int64_t end = ctx->to_day ? *ctx->to_day : ctx->data.records.back().day;
      o.common.from = analysis::day_iso(end - *w + 1);
      o.common.to = analysis::day_iso(end);
    }
  }
  auto ctx = analysis::prepare(o.common, false, false, load);
  if (!ctx) return analysis_fail(ctx.status());
  if (!ctx->data.note.empty()) std::cerr << "casus: note: " << ctx->data.note << "\n";
  analysis::Actors actors(ctx->kb.get(), *level, o.people);
  analysis::NetworkOptions nopt;
  nopt.from_day = ctx->from_day;
  nopt.to_day = ctx->to_day;
  nopt.min_edge_records = o.min_edge;
  nopt.min_node_records = o.min_node;
  analysis::Network net = analysis::build_network(ctx->data, actors, nopt);
  std::string text = o.format == "graphml" ? analysis::network_graphml(net)
                     : o.format == "gexf"  ? analysis::network_gexf(net)
                     : o.format == "json"  ? analysis::network_json(net).dump(2) + "\n"
                                           : summary(net);
  return emit_result(o.out, text);
}

}  // namespace

Verb add_network_verb(CLI::App& app) {
  auto o = std::make_shared<NetworkCliOptions>();
  auto* cmd = app.add_subcommand("network", "Actor network over a time window: signed edges, communities, structural "
                                            "balance (summary, GraphML, GEXF, JSON)");
  add_analysis_common_options(cmd, o->common);
  cmd->add_option("--window", o->window, "Only the last N days up to --to or the last record (30d, 12w, 1y)");
  cmd->add_option("--level", o->level, "actor or country")->capture_default_str();
  cmd->add_option("--categories", o->categories, "Only these PLOVER categories");
  cmd->add_option("--min-edge", o->min_edge, "Drop edges with fewer records")->capture_default_str();
  cmd->add_option("--min-node", o->min_node, "Drop actors with fewer records")->capture_default_str();
  cmd->add_flag("--people", o->people, "Keep people as nodes (default: the body they lead)");
  cmd->add_option("--format", o->format, "summary, graphml, gexf or json")->capture_default_str();
  cmd->add_option("--out", o->out, "Write here instead of standard output");
  return {cmd, [o] { return run_network(*o); }};
}

}  // namespace casus::cli
