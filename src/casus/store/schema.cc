#include "casus/store/schema.h"

#include <string>

namespace casus::store {

namespace {
// Migration i moves the schema from version i to i+1. Append only; never edit a released migration.
const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // v0 → v1: documents, sentences, events (+ actors), quotes, mentions.
      R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,          -- the document id of the output contract
  content_hash TEXT NOT NULL UNIQUE,    -- fnv1a64 of the raw input: same content = same document
  url TEXT, title TEXT, published TEXT, dateline TEXT, source TEXT, language TEXT, path TEXT,
  text TEXT NOT NULL,                   -- cleaned text; all offsets refer to it
  n_sentences INTEGER NOT NULL DEFAULT 0,
  n_tokens INTEGER NOT NULL DEFAULT 0,
  coded_at TEXT NOT NULL,
  casus_version TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE sentences (
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,   -- code points
  text TEXT NOT NULL,
  PRIMARY KEY (document, idx)
) WITHOUT ROWID;

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  category TEXT NOT NULL, mode TEXT, aux TEXT,
  date TEXT, date_start TEXT, date_end TEXT,        -- date as coded, and its interval bounds (YYYY-MM-DD)
  location_name TEXT, location_country TEXT, lat REAL, lon REAL,
  said_by TEXT, said_by_kb_id TEXT, via TEXT, anonymous INTEGER,
  fatalities INTEGER, injuries INTEGER,
  score REAL NOT NULL, confidence REAL NOT NULL, rule TEXT NOT NULL,
  record TEXT NOT NULL                               -- the full JSON record of the output contract
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_category_date ON events(category, date_start);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE event_actors (
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  position INTEGER NOT NULL,
  text TEXT NOT NULL, name TEXT, kb_id TEXT, country TEXT, type TEXT,
  PRIMARY KEY (event, role, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_kb ON event_actors(kb_id, role);
CREATE INDEX event_actors_country ON event_actors(country, role);

CREATE TABLE quotes (
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  speaker_text TEXT, speaker_name TEXT, speaker_kb_id TEXT,
  text TEXT NOT NULL, via TEXT, anonymous INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);

CREATE TABLE mentions (
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  name TEXT, kb_id TEXT, country TEXT, entity_type TEXT
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_kb ON mentions(kb_id);
)sql",
  };
  return kMigrations;
}
}  // namespace

int schema_version(Database& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  if (!stmt || !stmt->step()) return -1;
  return static_cast<int>(stmt->int64(0));
}

Status migrate(Database& db) {
  int version = schema_version(db);
  if (version < 0) return Status(Code::kStore, db.path() + ": cannot read the schema version");
  if (version > kSchemaVersion)
    return Status(Code::kStoreSchema, db.path() + ": database schema version " + std::to_string(version) +
                                          " is newer than this casus supports (" + std::to_string(kSchemaVersion) +
                                          "); upgrade casus");
  const auto& steps = migrations();
  for (int v = version; v < kSchemaVersion; ++v) {
    Transaction tx(db);
    CASUS_RETURN_IF_ERROR(tx.begin_status());
    Status s = db.exec(steps[static_cast<size_t>(v)]);
    if (!s) return Status(Code::kStoreSchema, "migration to schema v" + std::to_string(v + 1) + " failed: " + s.message());
    CASUS_RETURN_IF_ERROR(db.exec("PRAGMA user_version = " + std::to_string(v + 1)));
    CASUS_RETURN_IF_ERROR(tx.commit());
  }
  return Status::ok();
}

}  // namespace casus::store
