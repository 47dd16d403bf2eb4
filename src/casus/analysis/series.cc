#include "casus/analysis/series.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "casus/analysis/format.h"
#include "casus/util/date.h"

namespace casus::analysis {

std::optional<Bucket> bucket_from_name(std::string_view s) {
  if (s == "day") return Bucket::kDay;
  if (s == "week") return Bucket::kWeek;
  if (s == "month") return Bucket::kMonth;
  return std::nullopt;
}

const char* bucket_name(Bucket b) {
  switch (b) {
    case Bucket::kDay: return "day";
    case Bucket::kWeek: return "week";
    case Bucket::kMonth: return "month";
  }
  return "week";
}

int64_t bucket_start(Bucket b, int64_t day) {
  switch (b) {
    case Bucket::kDay: return day;
    case Bucket::kWeek: {
      // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays.
      int64_t wd = ((day + 3) % 7 + 7) % 7;
      return day - wd;
    }
    case Bucket::kMonth: {
      Date d = Date::from_days(day);
      return days_from_civil(d.year, d.month, 1);
    }
  }
  return day;
}

int64_t next_bucket(Bucket b, int64_t start) {
  switch (b) {
    case Bucket::kDay: return start + 1;
    case Bucket::kWeek: return start + 7;
    case Bucket::kMonth: {
      Date d = Date::from_days(start);
      return start + days_in_month(d.year, d.month);
    }
  }
  return start + 1;
}

namespace {

bool any_within(Actors& actors, const std::vector<Party>& side, int64_t day, const std::string& query) {
  for (const auto& p : side) {
    std::string k = actors.key(p, day);
    if (!k.empty() && actors.within(k, query)) return true;
  }
  return false;
}

bool selected(Actors& actors, const Record& r, const SeriesQuery& q) {
  if (!q.categories.empty() &&
      std::find(q.categories.begin(), q.categories.end(), r.category) == q.categories.end())
    return false;
  if (!q.actor.empty() && !any_within(actors, r.actors, r.day, q.actor) &&
      !any_within(actors, r.recipients, r.day, q.actor))
    return false;
  if (!q.source.empty() || !q.target.empty()) {
    auto matches = [&](const std::vector<Party>& a, const std::vector<Party>& b) {
      return (q.source.empty() || any_within(actors, a, r.day, q.source)) &&
             (q.target.empty() || any_within(actors, b, r.day, q.target));
    };
    if (!matches(r.actors, r.recipients) && !(q.both_ways && matches(r.recipients, r.actors))) return false;
  }
  return true;
}

}  // namespace

Series compute_series(const Dataset& data, Actors& actors, const SeriesQuery& q) {
  Series s;
  s.unit = data.unit;
  s.bucket = q.bucket;
  std::string label;
  if (!q.source.empty() || !q.target.empty())
    label = (q.source.empty() ? "*" : q.source) + (q.both_ways ? " <-> " : " -> ") + (q.target.empty() ? "*" : q.target);
  else if (!q.actor.empty())
    label = q.actor;
  else
    label = "all";
  if (!q.categories.empty()) {
    label += ",";
    for (auto c : q.categories) label += " " + std::string(doc::plover_name(c));
  }
  s.label = label;

  std::vector<std::pair<int64_t, SeriesRow>> rows;  // bucket start → row, built in day order
  auto row_for = [&](int64_t start) -> SeriesRow& {
    if (rows.empty() || rows.back().first != start) rows.push_back({start, SeriesRow{start}});
    return rows.back().second;
  };
  for (const Record& r : data.records) {  // records are sorted by day, so buckets arrive in order
    if (q.from_day && r.day < *q.from_day) continue;
    if (q.to_day && r.day > *q.to_day) continue;
    if (!selected(actors, r, q)) continue;
    SeriesRow& row = row_for(bucket_start(q.bucket, r.day));
    ++row.count;
    row.score_sum += r.score;
    if (r.score < 0) ++row.conflict;
    if (r.score > 0) ++row.cooperation;
    if (r.fatalities > 0) row.fatalities += r.fatalities;
    row.reports += r.reports;
    ++s.total;
  }
  if (!q.fill_gaps) {
    for (auto& [start, row] : rows) s.rows.push_back(row);
    return s;
  }
  int64_t first = q.from_day ? bucket_start(q.bucket, *q.from_day) : (rows.empty() ? 0 : rows.front().first);
  int64_t last = q.to_day ? bucket_start(q.bucket, *q.to_day) : (rows.empty() ? -1 : rows.back().first);
  size_t i = 0;
  for (int64_t b = first; b <= last; b = next_bucket(q.bucket, b)) {
    while (i < rows.size() && rows[i].first < b) ++i;
    s.rows.push_back(i < rows.size() && rows[i].first == b ? rows[i].second : SeriesRow{b});
  }
  return s;
}


std::string series_csv(const Series& s) {
  std::string out = "bucket,start,count,conflict,cooperation,score_sum,score_mean,fatalities,reports\n";
  for (const auto& r : s.rows) {
    out += std::string(bucket_name(s.bucket)) + "," + day_iso(r.start) + "," + std::to_string(r.count) + "," +
           std::to_string(r.conflict) + "," + std::to_string(r.cooperation) + "," + fmt_number(r.score_sum) + "," +
           fmt_number(r.score_mean()) + "," + std::to_string(r.fatalities) + "," + std::to_string(r.reports) + "\n";
  }
  return out;
}

nlohmann::json series_json(const Series& s) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : s.rows)
    rows.push_back({{"start", day_iso(r.start)},
                    {"count", r.count},
                    {"conflict", r.conflict},
                    {"cooperation", r.cooperation},
                    {"score_sum", std::round(r.score_sum * 1000) / 1000},
                    {"score_mean", std::round(r.score_mean() * 1000) / 1000},
                    {"fatalities", r.fatalities},
                    {"reports", r.reports}});
  return {{"unit", unit_name(s.unit)}, {"bucket", bucket_name(s.bucket)}, {"selection", s.label},
          {"total", s.total},          {"rows", rows}};
}

std::optional<Metric> metric_from_name(std::string_view s) {
  if (s == "count") return Metric::kCount;
  if (s == "score_sum") return Metric::kScoreSum;
  if (s == "score_mean") return Metric::kScoreMean;
  if (s == "conflict") return Metric::kConflict;
  return std::nullopt;
}

namespace {

double metric_value(const SeriesRow& r, Metric m) {
  switch (m) {
    case Metric::kCount: return static_cast<double>(r.count);
    case Metric::kScoreSum: return r.score_sum;
    case Metric::kScoreMean: return r.score_mean();
    case Metric::kConflict: return static_cast<double>(r.conflict);
  }
  return 0;
}

const char* metric_title(Metric m) {
  switch (m) {
    case Metric::kCount: return "count";
    case Metric::kScoreSum: return "summed PLOVER score";
    case Metric::kScoreMean: return "mean PLOVER score";
    case Metric::kConflict: return "conflict records (score < 0)";
  }
  return "";
}

// A "nice" tick step (1, 2 or 5 × 10^k) giving about `ticks` intervals over span.
double nice_step(double span, int ticks) {
  if (span <= 0) return 1;
  double raw = span / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

}  // namespace

std::string series_svg(const Series& s, Metric m) {
  const double W = 900, H = 360, left = 60, right = 20, top = 40, bottom = 60;
  const double pw = W - left - right, ph = H - top - bottom;
  double lo = 0, hi = 0;
  for (const auto& r : s.rows) {
    lo = std::min(lo, metric_value(r, m));
    hi = std::max(hi, metric_value(r, m));
  }
  if (hi == lo) hi = lo + 1;
  double step = nice_step(hi - lo, 5);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  auto y_of = [&](double v) { return top + ph - (v - lo) / (hi - lo) * ph; };
  const size_t n = std::max<size_t>(s.rows.size(), 1);
  const double slot = pw / static_cast<double>(n);
  auto x_of = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };

  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H << "\" viewBox=\"0 0 " << W
    << " " << H << "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  o << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  o << "<text x=\"" << left << "\" y=\"22\" font-size=\"14\">" << xml_escape(s.label) << " — " << metric_title(m)
    << " per " << bucket_name(s.bucket) << " (" << unit_name(s.unit) << ")</text>\n";
  for (double v = lo; v <= hi + step / 2; v += step) {
    double y = y_of(v);
    o << "<line x1=\"" << left << "\" x2=\"" << W - right << "\" y1=\"" << y << "\" y2=\"" << y
      << "\" stroke=\"#ddd\"/>\n<text x=\"" << left - 6 << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">" << fmt_number(v)
      << "</text>\n";
  }
  const size_t every = std::max<size_t>(1, s.rows.size() / 10);
  for (size_t i = 0; i < s.rows.size(); i += every)
    o << "<text x=\"" << x_of(i) << "\" y=\"" << top + ph + 16 << "\" text-anchor=\"middle\">"
      << day_iso(s.rows[i].start) << "</text>\n";
  o << "<line x1=\"" << left << "\" x2=\"" << W - right << "\" y1=\"" << y_of(0) << "\" y2=\"" << y_of(0)
    << "\" stroke=\"#444\"/>\n";
  if (m == Metric::kCount || m == Metric::kConflict) {
    for (size_t i = 0; i < s.rows.size(); ++i) {
      double v = metric_value(s.rows[i], m), y = y_of(v), y0 = y_of(0);
      o << "<rect x=\"" << x_of(i) - slot * 0.4 << "\" y=\"" << std::min(y, y0) << "\" width=\"" << slot * 0.8
        << "\" height=\"" << std::abs(y0 - y) << "\" fill=\"#4575b4\"><title>" << day_iso(s.rows[i].start) << ": "
        << fmt_number(v) << "</title></rect>\n";
    }
  } else {
    o << "<polyline fill=\"none\" stroke=\"#d73027\" stroke-width=\"1.5\" points=\"";
    for (size_t i = 0; i < s.rows.size(); ++i) o << x_of(i) << "," << y_of(metric_value(s.rows[i], m)) << " ";
    o << "\"/>\n";
  }
  o << "</svg>\n";
  return o.str();
}

}  // namespace casus::analysis
