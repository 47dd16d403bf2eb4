// Writes a synthetic conflict store for the analysis timings (docs/benchmarks/analysis.md):
//   analysis_gen OUT.sqlite [DAYS] [INCIDENTS_PER_DAY] [SEED]
// The store has the shape of coded news (several outlets per incident, a coalition on several fronts, unrelated
// wars, diplomacy) and is linked into incidents by the store exactly as `casus code --db` does.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "casus/analysis/synthetic.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: analysis_gen OUT.sqlite [DAYS] [INCIDENTS_PER_DAY] [SEED]\n");
    return 2;
  }
  casus::analysis::SyntheticStoreOptions opt;
  opt.first_day = 7305;  // 1990-01-01
  opt.days = argc > 2 ? std::atoi(argv[2]) : 12400;
  opt.incidents_per_day = argc > 3 ? std::atof(argv[3]) : 11;
  if (argc > 4) opt.seed = std::strtoull(argv[4], nullptr, 10);
  auto t0 = std::chrono::steady_clock::now();
  auto st = casus::analysis::write_synthetic_store(argv[1], opt);
  if (!st) {
    std::fprintf(stderr, "analysis_gen: %s\n", st.status().to_string().c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s: %lld incidents generated, %lld documents, %lld events, %.1f s\n", argv[1],
              static_cast<long long>(st->incidents), static_cast<long long>(st->documents),
              static_cast<long long>(st->events), secs);
  return 0;
}
