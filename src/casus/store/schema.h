// The store's schema and its migrations. PRAGMA user_version holds the schema version; each migration moves the
// database one version up inside a transaction. A database newer than this binary is refused (never downgraded).
// docs/STORE.md documents every table for R/Python users.
#pragma once

#include <string_view>
#include <vector>

#include "casus/store/sqlite_db.h"

namespace casus::store {

inline constexpr int kSchemaVersion = 1;

// Brings `db` to kSchemaVersion (creating it when empty). Fails with kStoreSchema when the file is newer.
Status migrate(Database& db);
int schema_version(Database& db);

}  // namespace casus::store
