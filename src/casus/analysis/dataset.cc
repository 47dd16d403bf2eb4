#include "casus/analysis/dataset.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "casus/store/schema.h"
#include "casus/util/date.h"

namespace casus::analysis {

namespace {

// ---- All SQL of the analysis layer. ----
// Both backends run the same text (store/sql.h). A record's day is its coded date; an event coded without a date
// is placed on its document's publication day (news reports recent events), an incident without one on the end of
// its blocking window (the latest publication day minus nothing: docs/INCIDENTS.md).

constexpr const char* kSqlIncidentsFilled = "SELECT count(*) FROM incidents";

// One row per (event, actor-or-recipient); the rows of one event are adjacent.
constexpr const char* kSqlReports = R"sql(
SELECT e.id, COALESCE(e.date_start, d.published), COALESCE(e.date_end, e.date_start, d.published),
       e.category, e.mode, e.score, e.location_name, e.location_country, e.fatalities, e.aux,
       a.role, a.kb_id, a.name, a.country, a.type, a.text
FROM events e JOIN documents d ON d.id = e.document
LEFT JOIN event_actors a ON a.event = e.id
WHERE COALESCE(e.date_start, d.published) >= ?1 AND COALESCE(e.date_start, d.published) <= ?2 %CATEGORIES%
ORDER BY e.id, a.role, a.position)sql";

// One row per incident; actors and recipients are the merged JSON arrays, the score the mean of its reports'.
constexpr const char* kSqlIncidents = R"sql(
SELECT i.id, COALESCE(i.date_start, i.window_end), COALESCE(i.date_end, i.date_start, i.window_end),
       i.category, i.mode,
       (SELECT avg(e.score) FROM incident_reports r JOIN events e ON e.id = r.event WHERE r.incident = i.id),
       i.location_name, i.location_country, i.fatalities, i.actor, i.recipient, i.reports
FROM incidents i
WHERE COALESCE(i.date_start, i.window_end) >= ?1 AND COALESCE(i.date_start, i.window_end) <= ?2 %CATEGORIES%
ORDER BY i.id)sql";

std::string with_categories(std::string sql, const char* column, const std::vector<doc::Plover>& cats) {
  std::string clause;
  if (!cats.empty()) {
    // Category names come from the closed PLOVER enum, never from user text: safe to inline.
    clause = std::string("AND ") + column + " IN (";
    for (size_t i = 0; i < cats.size(); ++i) {
      if (i) clause += ',';
      clause += "'" + std::string(doc::plover_name(cats[i])) + "'";
    }
    clause += ")";
  }
  sql.replace(sql.find("%CATEGORIES%"), 12, clause);
  return sql;
}

bool fill_dates(Record& r, const store::Value& lo, const store::Value& hi, const LoadOptions& opt, Dataset& out) {
  auto a = parse_day(lo.as_text()), b = parse_day(hi.as_text());
  if (!a) {
    ++out.skipped_undated;
    return false;
  }
  r.day = *a;
  r.last_day = b && *b >= *a ? *b : *a;
  if (opt.max_span_days > 0 && r.last_day - r.day + 1 > opt.max_span_days) {
    ++out.skipped_vague;
    return false;
  }
  return true;
}

std::vector<Party> parties_from_json(const std::string& text) {
  std::vector<Party> out;
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  auto s = [](const nlohmann::json& o, const char* k) {
    auto it = o.find(k);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  for (const auto& o : j)
    if (o.is_object()) out.push_back({s(o, "kb_id"), s(o, "name"), s(o, "country"), s(o, "type"), s(o, "text")});
  return out;
}

Status load_reports(store::Connection& c, const LoadOptions& opt, const std::string& lo, const std::string& hi,
                    Dataset& out) {
  const std::string sql = with_categories(kSqlReports, "e.category", opt.categories);
  std::string current;
  bool keep = false;
  Status s = c.run(sql, {lo, hi}, [&](const store::Row& row) {
    const std::string id = row[0].as_text();
    if (id != current) {
      current = id;
      keep = false;
      const std::string aux = row[9].as_text();
      if (aux == "negation" || aux == "hypothetical" || aux == "future") {
        ++out.skipped_unreal;
        return true;
      }
      Record r;
      r.id = id;
      if (!fill_dates(r, row[1], row[2], opt, out)) return true;
      r.category = doc::plover_from_name(row[3].as_text()).value_or(doc::Plover::kNone);
      r.mode = row[4].as_text();
      r.score = row[5].as_real();
      r.place = row[6].as_text();
      r.place_country = row[7].as_text();
      r.fatalities = row[8].is_null() ? -1 : row[8].as_int();
      out.records.push_back(std::move(r));
      keep = true;
    }
    if (!keep || row[10].is_null()) return true;
    Party p{row[11].as_text(), row[12].as_text(), row[13].as_text(), row[14].as_text(), row[15].as_text()};
    (row[10].as_text() == "actor" ? out.records.back().actors : out.records.back().recipients).push_back(std::move(p));
    return true;
  });
  return s;
}

Status load_incidents(store::Connection& c, const LoadOptions& opt, const std::string& lo, const std::string& hi,
                      Dataset& out) {
  const std::string sql = with_categories(kSqlIncidents, "i.category", opt.categories);
  return c.run(sql, {lo, hi}, [&](const store::Row& row) {
    Record r;
    r.id = row[0].as_text();
    if (!fill_dates(r, row[1], row[2], opt, out)) return true;
    r.category = doc::plover_from_name(row[3].as_text()).value_or(doc::Plover::kNone);
    r.mode = row[4].as_text();
    r.score = row[5].as_real();
    r.place = row[6].as_text();
    r.place_country = row[7].as_text();
    r.fatalities = row[8].is_null() ? -1 : row[8].as_int();
    r.actors = parties_from_json(row[9].as_text());
    r.recipients = parties_from_json(row[10].as_text());
    r.reports = static_cast<int32_t>(row[11].as_int());
    out.records.push_back(std::move(r));
    return true;
  });
}

}  // namespace

const char* unit_name(Unit u) {
  switch (u) {
    case Unit::kIncidents: return "incidents";
    case Unit::kReports: return "reports";
    case Unit::kAuto: return "auto";
  }
  return "auto";
}

std::optional<Unit> unit_from_name(std::string_view s) {
  if (s == "incidents") return Unit::kIncidents;
  if (s == "reports" || s == "events") return Unit::kReports;
  if (s == "auto") return Unit::kAuto;
  return std::nullopt;
}

std::optional<int64_t> parse_day(std::string_view iso) {
  if (iso.size() < 4) return std::nullopt;
  auto d = Date::parse(iso.substr(0, std::min<size_t>(iso.size(), 10)));
  if (!d || !d->valid()) return std::nullopt;
  return d->first_day();
}

std::string day_iso(int64_t day) { return Date::from_days(day).iso(); }

Result<std::unique_ptr<store::Connection>> open_store(const std::string& target) {
  auto c = store::connect(target, /*read_only=*/true);
  if (!c) return c.status();
  int v = store::schema_version(**c);
  if (v < 1)
    return Status(Code::kStoreSchema, target + ": not a casus store (no schema version; write one with `casus code "
                                               "--db`)");
  if (v > store::kSchemaVersion)
    return Status(Code::kStoreSchema, target + ": store schema v" + std::to_string(v) +
                                          " is newer than this casus supports; upgrade casus");
  return c;
}

Result<Unit> available_unit(store::Connection& c) {
  if (store::schema_version(c) < 2) return Unit::kReports;
  auto n = c.scalar(kSqlIncidentsFilled);
  if (!n) return n.status();
  return n->as_int() > 0 ? Unit::kIncidents : Unit::kReports;
}

Result<Dataset> load_dataset(store::Connection& c, const LoadOptions& opt) {
  Dataset out;
  auto avail = available_unit(c);
  if (!avail) return avail.status();
  Unit unit = opt.unit;
  if (unit == Unit::kAuto) {
    unit = *avail;
    if (unit == Unit::kReports)
      out.note = "the store has no incidents (schema v1 or not linked yet): counting reports";
  } else if (unit == Unit::kIncidents && *avail != Unit::kIncidents) {
    return Status(Code::kStoreSchema, c.name() + ": the store has no incidents (schema v" +
                                          std::to_string(store::schema_version(c)) +
                                          " or nothing linked); use --unit reports");
  }
  out.unit = unit;
  const std::string lo = opt.from_day ? day_iso(*opt.from_day) : std::string("0000-01-01");
  const std::string hi = opt.to_day ? day_iso(*opt.to_day) : std::string("9999-12-31");
  Status s = unit == Unit::kIncidents ? load_incidents(c, opt, lo, hi, out) : load_reports(c, opt, lo, hi, out);
  if (!s) return s;
  std::stable_sort(out.records.begin(), out.records.end(),
                   [](const Record& a, const Record& b) { return a.day < b.day; });
  return out;
}

}  // namespace casus::analysis
