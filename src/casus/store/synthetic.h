// Synthetic coded documents for store tests and benchmarks: news-like reports of generated incidents, several
// outlets per incident, with the same event seen through different wording, dates (exact, relative, missing),
// places and casualty figures, plus background events and near-miss incidents (same dyad on another day, same day
// with another dyad, same place with another category). Deterministic for a seed. Nothing here is real text.
#pragma once

#include <cstdint>
#include <vector>

#include "casus/doc/document.h"

namespace casus::store {

struct SyntheticOptions {
  uint64_t seed = 1;
  int incidents = 100;        // incidents reported
  int max_reports = 4;        // each incident has 1..max_reports reports from different outlets
  int background_events = 2;  // unrelated events per document (0..this)
  int first_day = 18262;      // days since 1970 of the first incident (2020-01-01)
  int span_days = 1500;       // incidents are spread over this many days
};

struct SyntheticCorpus {
  std::vector<doc::Document> documents;
  // gold[d][e] = incident of documents[d].events[e] (background events get their own singleton ids).
  std::vector<std::vector<int64_t>> gold;
};

SyntheticCorpus make_synthetic_corpus(const SyntheticOptions& opt);

}  // namespace casus::store
