// Queries over a store (`casus query`): filters on events (or on incidents, through their reports) and three
// output formats. The same SQL runs on SQLite and PostgreSQL and the output is byte-identical on both (ordering
// uses byte order on text, numbers are printed in one canonical form). docs/STORE.md documents the formats.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "casus/store/sql.h"

namespace casus::store {

enum class OutputFormat : uint8_t { kJsonl = 0, kCsv, kTsv };

struct QueryOptions {
  // Each filter is ignored when empty. Actor values match a KB id, a canonical name or surface text (case-blind,
  // ASCII) or a country code (ISO alpha-3).
  std::string actor, recipient, either;
  std::string category;   // PLOVER category (any case)
  std::string mode;       // PLOVER mode
  std::string aux;        // negation|hypothetical|future|historical, or "none" for events without
  std::string country;    // ISO alpha-3: where it happened or the country of any actor/recipient
  std::string date_from, date_to;  // YYYY-MM-DD; an event matches when its date interval overlaps the range
  std::string source;     // outlet (documents.source, case-blind)
  bool anonymous_only = false;
  std::string text;       // words that must all occur in the sentence (SQLite FTS5 / PostgreSQL text search)
  bool incidents = false; // output incidents having at least one report that passes the filters
  int64_t limit = 0;      // 0 = no limit
  OutputFormat format = OutputFormat::kJsonl;
  bool header = true;     // CSV header line (TSV follows GDELT: no header)
};

// Writes the matching records to `out`; `rows` (optional) receives their number.
Status run_query(Connection& c, const QueryOptions& q, std::ostream& out, int64_t* rows = nullptr);

}  // namespace casus::store
