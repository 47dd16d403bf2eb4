// casus kb check | lookup | unknown — tooling around the actor knowledge base (docs/KB.md).
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "casus/cli/verbs.h"
#include "casus/kb/knowledge_base.h"
#include "casus/kb/unknown.h"

namespace casus::cli {

namespace {

struct KbOptions {
  std::string kb_dir = "kb";
  bool verbose = false;
  std::string date;
  std::vector<std::string> names;
  std::string db;
  size_t limit = 50;
  size_t examples = 2;
};

Date today_utc() {
  auto hours = std::chrono::duration_cast<std::chrono::hours>(std::chrono::system_clock::now().time_since_epoch());
  return Date::from_days(hours.count() / 24);
}

nlohmann::json str_or_null(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

int run_check(const KbOptions& o) {
  auto t0 = std::chrono::steady_clock::now();
  kb::CheckReport report = kb::KnowledgeBase::check(o.kb_dir);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  size_t shown_warnings = 0;
  for (const auto& d : report.diagnostics) {
    if (d.severity == kb::Severity::kWarning && !o.verbose && ++shown_warnings > 20) continue;
    std::cout << d.to_string() << "\n";
  }
  if (!o.verbose && report.warnings() > 20)
    std::cout << "... " << (report.warnings() - 20) << " more warnings (--verbose shows all)\n";
  std::cout << "kb check " << o.kb_dir << ": " << report.errors() << " errors, " << report.warnings()
            << " warnings (" << secs << " s)\n";
  return report.errors() ? 1 : kExitOk;
}

int run_lookup(const KbOptions& o) {
  Date date = today_utc();
  if (!o.date.empty()) {
    auto d = Date::parse(o.date);
    if (!d || !d->valid()) {
      print_error("kb lookup: bad --date \"" + o.date + "\" (expected YYYY-MM-DD, YYYY-MM or YYYY)");
      return kExitUsage;
    }
    date = *d;
  }
  auto kb = kb::KnowledgeBase::load(o.kb_dir);
  if (!kb) {
    print_error(kb.status().to_string());
    return 1;
  }
  for (const auto& name : o.names) {
    kb::Resolution r = kb->resolve(name, date);
    nlohmann::json j = {{"query", name},
                        {"name", str_or_null(r.name)},
                        {"kb_id", str_or_null(r.kb_id)},
                        {"country", str_or_null(r.country)},
                        {"type", str_or_null(r.type)},
                        {"role", str_or_null(r.role_title)},
                        {"sponsor", str_or_null(r.sponsor)}};
    std::cout << j.dump() << "\n";
  }
  return kExitOk;
}

int run_unknown(const KbOptions& o) {
  std::unique_ptr<kb::KnowledgeBase> kb;
  {
    auto loaded = kb::KnowledgeBase::load(o.kb_dir);
    if (loaded) kb = std::make_unique<kb::KnowledgeBase>(std::move(loaded.value()));
  }
  auto names = kb::unknown_names(o.db, o.limit, o.examples, kb.get());
  if (!names) {
    print_error(names.status().to_string());
    return 1;
  }
  for (const auto& u : *names) {
    nlohmann::json j = {{"text", u.text}, {"count", u.count}, {"examples", u.examples}};
    std::cout << j.dump() << "\n";
  }
  return kExitOk;
}

}  // namespace

Verb add_kb_verb(CLI::App& app) {
  auto opts = std::make_shared<KbOptions>();
  auto* cmd = app.add_subcommand("kb", "Actor knowledge base: check, lookup, unknown (docs/KB.md)");
  cmd->require_subcommand(1);

  auto* check = cmd->add_subcommand("check", "Validate the KB files (schema, ids, aliases, dates, references)");
  check->add_option("--kb", opts->kb_dir, "KB directory")->capture_default_str();
  check->add_flag("--verbose,-v", opts->verbose, "Print every warning");

  auto* lookup = cmd->add_subcommand("lookup", "Resolve names, aliases, demonyms, titles at a date (one JSON per name)");
  lookup->add_option("--kb", opts->kb_dir, "KB directory")->capture_default_str();
  lookup->add_option("--date", opts->date, "Date the roles must be valid at (YYYY-MM-DD; default today)");
  lookup->add_option("names", opts->names, "Names or phrases to resolve")->required();

  auto* unknown = cmd->add_subcommand("unknown", "Frequent unresolved proper-name mentions in a store, with examples");
  unknown->add_option("--db", opts->db, "casus store (SQLite) with a mentions table")->required();
  unknown->add_option("--kb", opts->kb_dir, "KB directory (names it now resolves are skipped)")->capture_default_str();
  unknown->add_option("--limit", opts->limit, "How many names")->capture_default_str();
  unknown->add_option("--examples", opts->examples, "Example sentences per name")->capture_default_str();

  return {cmd, [opts, check, lookup, unknown] {
            if (check->parsed()) return run_check(*opts);
            if (lookup->parsed()) return run_lookup(*opts);
            if (unknown->parsed()) return run_unknown(*opts);
            return kExitUsage;
          }};
}

}  // namespace casus::cli
