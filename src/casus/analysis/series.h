// Time series: counts and summed/mean PLOVER scores per day, week or month, for a dyad, an actor, a country pair
// or a category set.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/analysis/actors.h"
#include "casus/analysis/dataset.h"

namespace casus::analysis {

enum class Bucket : uint8_t { kDay = 0, kWeek, kMonth };
std::optional<Bucket> bucket_from_name(std::string_view s);
const char* bucket_name(Bucket b);
// First day of the bucket holding `day` (weeks start on Monday).
int64_t bucket_start(Bucket b, int64_t day);
int64_t next_bucket(Bucket b, int64_t start);

struct SeriesQuery {
  // Selection; empty strings select everything. With source/target: records where a source side acts on a target
  // side (both_ways: either direction). With actor: records where it is on either side. Keys are actor keys
  // (actors.h); a key also selects the bodies under it in the KB (org:idf under country:ISR).
  std::string actor, source, target;
  bool both_ways = false;
  std::vector<doc::Plover> categories;  // empty = all
  Bucket bucket = Bucket::kWeek;
  std::optional<int64_t> from_day, to_day;  // range of buckets shown (default: the data's range)
  bool fill_gaps = true;                    // emit empty buckets between the first and last
};

struct SeriesRow {
  int64_t start = 0;       // first day of the bucket
  int64_t count = 0;
  int64_t conflict = 0;    // records with score < 0
  int64_t cooperation = 0; // records with score > 0
  double score_sum = 0;
  double score_mean() const { return count ? score_sum / static_cast<double>(count) : 0.0; }
  int64_t fatalities = 0;  // sum of stated figures
  int64_t reports = 0;     // documents behind the records
};

struct Series {
  Unit unit = Unit::kReports;
  Bucket bucket = Bucket::kWeek;
  std::string label;  // "org:hezbollah -> country:ISR, ASSAULT"
  std::vector<SeriesRow> rows;
  int64_t total = 0;
};

Series compute_series(const Dataset& data, Actors& actors, const SeriesQuery& q);

std::string series_csv(const Series& s);
nlohmann::json series_json(const Series& s);

enum class Metric : uint8_t { kCount = 0, kScoreSum, kScoreMean, kConflict };
std::optional<Metric> metric_from_name(std::string_view s);
// A self-contained SVG chart of one metric (bars for counts, a line for scores).
std::string series_svg(const Series& s, Metric m);

}  // namespace casus::analysis
