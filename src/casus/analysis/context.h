// What every analysis request needs: the store opened read-only, the KB (when the analysis uses it) and the records
// loaded for a range. The CLI verbs and the HTTP server build one per request from the same parameters.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "casus/analysis/dataset.h"
#include "casus/kb/knowledge_base.h"
#include "casus/store/sql.h"

namespace casus::analysis {

struct CommonParams {
  std::string db;            // SQLite path or postgresql:// URL
  std::string kb_dir = "kb"; // "" = no KB
  std::string unit = "auto"; // incidents | reports | auto
  std::string from, to;      // YYYY-MM-DD bounds ("" = open)
};

struct Context {
  std::unique_ptr<store::Connection> store;
  std::shared_ptr<const kb::KnowledgeBase> kb;  // null without a KB
  LoadOptions load;
  std::optional<int64_t> from_day, to_day;      // the requested range (load.from/to may be wider)
  Dataset data;
  double load_seconds = 0;
};

// Opens the store, loads the KB (unless kb_dir is empty or `kb` is given: servers load it once) and the records.
// history: load every record before `from` too (alerts' baselines, fronts' "first time").
Result<Context> prepare(const CommonParams& p, bool need_kb, bool history, LoadOptions load = {},
                        std::shared_ptr<const kb::KnowledgeBase> kb = nullptr);

}  // namespace casus::analysis
