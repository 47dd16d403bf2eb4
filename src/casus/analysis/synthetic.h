// Synthetic conflict stores for the analysis tests and benchmarks: generated news reports of generated incidents
// between KB actors (a coalition fighting on several fronts that open one after another, a sponsor that supports
// but does not fight, unrelated wars, diplomacy), several outlets per incident, written through
// store::EventStore so the store links them into incidents exactly as `casus code --db` does.
// Deterministic for a seed. Nothing here is real text or real data; it only has the shape of it.
#pragma once

#include <cstdint>
#include <string>

#include "casus/util/status.h"

namespace casus::analysis {

struct SyntheticStoreOptions {
  uint64_t seed = 7;
  int first_day = 19631;       // 2023-10-01: the days before the first front are quiet background
  int days = 120;              // length of the generated history
  double incidents_per_day = 6;  // average over all dyads
  int max_reports = 3;         // each incident is reported by 1..max_reports outlets
  int batch = 512;             // documents per write transaction
};

struct SyntheticStoreStats {
  int64_t incidents = 0, documents = 0, events = 0;
};

// Writes the store at `path` (created; an existing store is added to).
Result<SyntheticStoreStats> write_synthetic_store(const std::string& path, const SyntheticStoreOptions& opt);

}  // namespace casus::analysis
