// The analysis unit: what the analyses count. A Record is one incident (cross-document de-duplicated, the default)
// or one report (an event row of one document), loaded from the store with its actors and recipients.
//
// Every SQL statement of the analysis layer lives in dataset.cc, so adapting to a change of the incident schema
// is a change in one file. The analyses themselves (series, network, fronts, alerts) work on the loaded records in
// memory and never touch the database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "casus/doc/enums.h"
#include "casus/store/sql.h"
#include "casus/util/status.h"

namespace casus::analysis {

enum class Unit : uint8_t { kAuto = 0, kIncidents, kReports };
const char* unit_name(Unit u);  // "incidents", "reports", "auto"
std::optional<Unit> unit_from_name(std::string_view s);

// One side of an event as coded: the entity fields of the output contract.
struct Party {
  std::string kb_id, name, country, type, text;
};

struct Record {
  std::string id;             // incident id (decimal) or event id
  int64_t day = 0;            // first day it happened (days since 1970-01-01)
  int64_t last_day = 0;       // last day of its date interval
  doc::Plover category = doc::Plover::kNone;
  std::string mode;
  double score = 0;           // PLOVER score (an incident: mean over its reports)
  std::string place, place_country;  // location name and ISO alpha-3 ("" when unknown)
  int64_t fatalities = -1;    // -1 = not stated
  int32_t reports = 1;        // documents reporting it (1 for a report)
  std::vector<Party> actors, recipients;
};

struct LoadOptions {
  Unit unit = Unit::kAuto;
  std::optional<int64_t> from_day, to_day;  // inclusive bounds on the record's first day
  std::vector<doc::Plover> categories;       // empty = all
  // Records whose date interval is longer than this are too vague to place in a time bucket ("2006", "last
  // year") and are left out; 0 keeps everything.
  int max_span_days = 31;
};

struct Dataset {
  Unit unit = Unit::kReports;       // what was actually loaded
  std::string note;                 // e.g. why auto fell back to reports
  std::vector<Record> records;      // sorted by (day, id)
  int64_t skipped_undated = 0;      // no usable date
  int64_t skipped_vague = 0;        // interval longer than max_span_days
  int64_t skipped_unreal = 0;       // reports under negation/hypothesis/future (reports unit only)
};

// Which unit the store supports: incidents when its schema has them and they are filled, else reports.
Result<Unit> available_unit(store::Connection& c);

// Loads the records of the store. Fails with kStore on database errors and kStoreSchema when the store has no
// incidents but they were asked for explicitly.
Result<Dataset> load_dataset(store::Connection& c, const LoadOptions& opt);

// Opens a store read-only (SQLite path or postgresql:// URL) for the analyses.
Result<std::unique_ptr<store::Connection>> open_store(const std::string& target);

// "2023-11-05" → days since 1970; nullopt when malformed.
std::optional<int64_t> parse_day(std::string_view iso);
std::string day_iso(int64_t day);

}  // namespace casus::analysis
