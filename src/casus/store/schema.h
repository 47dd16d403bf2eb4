// The store's schema and its migrations. The schema version lives in PRAGMA user_version (SQLite) or the
// casus_schema table (PostgreSQL); each migration moves the database one version up inside a transaction. A
// database newer than this binary is refused (never downgraded). docs/STORE.md documents every table for R/Python
// users.
#pragma once

#include <string_view>
#include <vector>

#include "casus/store/sql.h"

namespace casus::store {

// v1: documents, sentences, events, event_actors, quotes, mentions.
// v2: events.text + full-text search, incidents, incident_reports, incident_keys.
inline constexpr int kSchemaVersion = 2;

// Brings the database to kSchemaVersion (creating it when empty). Fails with kStoreSchema when it is newer.
Status migrate(Connection& c);
// Brings the database up to `version` only (tests of a migration from an older schema).
Status migrate_to(Connection& c, int version);
// The database's schema version, -1 when it cannot be read.
int schema_version(Connection& c);

}  // namespace casus::store
