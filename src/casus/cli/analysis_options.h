// Options shared by the analysis verbs (series, network, fronts, alerts): store, KB, unit, date range.
#pragma once

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#include "casus/analysis/context.h"
#include "casus/cli/verbs.h"
#include "casus/util/file.h"

namespace casus::cli {

inline void add_analysis_common_options(CLI::App* cmd, analysis::CommonParams& p) {
  cmd->add_option("--db", p.db, "casus store: SQLite file or postgresql:// URL")->required();
  cmd->add_option("--kb", p.kb_dir, "KB directory (actor names, roles, parents, coalitions)")->capture_default_str();
  cmd->add_option("--unit", p.unit, "Count incidents (de-duplicated), reports (events), or auto")
      ->capture_default_str();
  cmd->add_option("--from", p.from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", p.to, "Last day (YYYY-MM-DD)");
}

// Errors of the analysis verbs: the store, the KB or an option cannot be used (exit code 2).
inline int analysis_fail(const Status& s) {
  print_error(s.to_string());
  return kExitUsage;
}

// Prints a verb's result to standard output, or writes it atomically to --out; the exit code of the verb.
inline int emit_result(const std::string& out_path, const std::string& text) {
  if (out_path.empty()) {
    std::cout << text;
    return kExitOk;
  }
  if (Status st = write_file_atomic(out_path, text); !st) return analysis_fail(st);
  return kExitOk;
}

}  // namespace casus::cli
