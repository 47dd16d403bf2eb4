// casus query — filters over a store (SQLite file or postgresql:// URL): events, or incidents (de-duplicated
// reports), as JSON Lines, CSV or GDELT-style TSV. docs/STORE.md documents the filters and the formats.
#include <CLI/CLI.hpp>

#include <iostream>

#include "casus/cli/verbs.h"
#include "casus/store/event_store.h"
#include "casus/store/query.h"

namespace casus::cli {

namespace {

struct QueryCliOptions {
  std::string db, format = "jsonl";
  store::QueryOptions q;
  bool no_header = false, relink = false, count = false;
  store::LinkOptions link;
};

int run_query_verb(QueryCliOptions& opt) {
  if (opt.format == "jsonl") opt.q.format = store::OutputFormat::kJsonl;
  else if (opt.format == "csv") opt.q.format = store::OutputFormat::kCsv;
  else if (opt.format == "tsv") opt.q.format = store::OutputFormat::kTsv;
  else {
    print_error("query: --format must be jsonl, csv or tsv");
    return kExitUsage;
  }
  for (const std::string* d : {&opt.q.date_from, &opt.q.date_to}) {
    if (d->empty()) continue;
    auto date = Date::parse(*d);
    if (!date || date->precision != DatePrecision::kDay) {
      print_error("query: dates are YYYY-MM-DD, got '" + *d + "'");
      return kExitUsage;
    }
  }
  opt.q.header = !opt.no_header;
  store::StoreOptions so;
  so.link = opt.link;
  auto st = store::EventStore::open(opt.db, so);
  if (!st) {
    print_error("query: " + st.status().to_string());
    return kExitUsage;
  }
  if (opt.relink) {
    Status s = st->relink_incidents(opt.link);
    if (!s) {
      print_error("query: relink: " + s.to_string());
      return kExitUsage;
    }
    auto stats = st->stats();
    if (stats) std::cerr << "casus query: relinked " << stats->events << " events into " << stats->incidents
                         << " incidents\n";
    return kExitOk;
  }
  std::ios::sync_with_stdio(false);
  int64_t rows = 0;
  Status s = store::run_query(st->connection(), opt.q, std::cout, &rows);
  std::cout.flush();
  if (!s) {
    print_error("query: " + s.to_string());
    return kExitUsage;
  }
  if (opt.count) std::cerr << "casus query: " << rows << (opt.q.incidents ? " incidents\n" : " events\n");
  return kExitOk;
}

}  // namespace

Verb add_query_verb(CLI::App& app) {
  auto opt = std::make_shared<QueryCliOptions>();
  auto* cmd = app.add_subcommand("query", "Query a store: events or incidents, as JSON Lines, CSV or GDELT-style TSV");
  cmd->add_option("--db", opt->db, "Store: a SQLite file or a postgresql:// URL")->required();
  cmd->add_option("--actor", opt->q.actor, "Actor: KB id, name, surface text (case-blind) or ISO3 country");
  cmd->add_option("--recipient", opt->q.recipient, "Recipient (same forms as --actor)");
  cmd->add_option("--either", opt->q.either, "Actor or recipient (same forms as --actor)");
  cmd->add_option("--category", opt->q.category, "PLOVER category (ASSAULT, PROTEST, …)");
  cmd->add_option("--mode", opt->q.mode, "PLOVER mode (aerial, arrest, …)");
  cmd->add_option("--aux", opt->q.aux, "negation, hypothetical, future, historical, or none");
  cmd->add_option("--country", opt->q.country, "ISO3 country where it happened or of any actor/recipient");
  cmd->add_option("--from", opt->q.date_from, "Events whose date interval ends on or after YYYY-MM-DD");
  cmd->add_option("--to", opt->q.date_to, "Events whose date interval starts on or before YYYY-MM-DD");
  cmd->add_option("--source", opt->q.source, "Outlet (documents.source, case-blind)");
  cmd->add_flag("--anonymous", opt->q.anonymous_only, "Only events attributed to anonymous sources");
  cmd->add_option("--text", opt->q.text, "Words that must all occur in the event's sentence (full-text search)");
  cmd->add_flag("--incidents", opt->q.incidents,
                "Output incidents (de-duplicated) having at least one report that passes the filters");
  cmd->add_option("--limit", opt->q.limit, "At most this many records");
  cmd->add_option("--format", opt->format, "jsonl (default), csv or tsv (GDELT-style, no header)");
  cmd->add_flag("--no-header", opt->no_header, "CSV without its header line");
  cmd->add_flag("--count", opt->count, "Print the number of records to standard error");
  cmd->add_flag("--relink", opt->relink, "Rebuild every incident with the link knobs below, then exit");
  cmd->add_option("--link-date-slack", opt->link.date_slack_days, "Relink: days added to each side of date windows");
  cmd->add_option("--link-lag", opt->link.publication_lag_days, "Relink: days an undated event may precede publication");
  cmd->add_option("--link-min-score", opt->link.min_score, "Relink: minimum score to join an incident");
  return {cmd, [opt] { return run_query_verb(*opt); }};
}

}  // namespace casus::cli
