#include "casus/store/schema.h"

#include <string>

namespace casus::store {

namespace {
// Migration i moves the schema from version i to i+1, one list per dialect with the same tables, columns and
// meaning. Append only; never edit a released migration.
const std::vector<std::string_view>& sqlite_migrations() {
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
      // v1 → v2: incidents (cross-document de-duplication, docs/INCIDENTS.md) and full-text search over the
      // event sentences (FTS5, external content = events.text).
      R"sql(
ALTER TABLE events ADD COLUMN text TEXT;               -- the sentence the event was coded from
UPDATE events SET text = json_extract(record, '$.text');
CREATE INDEX event_actors_name ON event_actors(name);
CREATE INDEX events_location_country ON events(location_country);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  category TEXT NOT NULL,               -- PLOVER category most reports give
  family TEXT NOT NULL,                 -- blocking family of the category (docs/INCIDENTS.md)
  mode TEXT,
  date TEXT, date_start TEXT, date_end TEXT,   -- best (most precise) date reported, and its bounds
  window_start TEXT NOT NULL, window_end TEXT NOT NULL,  -- union of the reports' date windows (blocking)
  location_name TEXT, location_country TEXT, lat REAL, lon REAL,
  fatalities INTEGER, fatalities_doc TEXT, fatalities_outlet TEXT,
  actor TEXT NOT NULL, recipient TEXT NOT NULL,           -- JSON arrays of entities
  reports INTEGER NOT NULL,             -- distinct documents reporting it
  outlets INTEGER NOT NULL,             -- distinct outlets among them
  sources TEXT NOT NULL,                -- JSON array of those outlets
  first_reported TEXT                   -- earliest publication date among the reports
);
CREATE INDEX incidents_date ON incidents(date_start);

CREATE TABLE incident_reports (
  event TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  incident INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  score REAL NOT NULL                   -- link score when it joined (1 for the report that opened it)
);
CREATE INDEX incident_reports_incident ON incident_reports(incident);
CREATE INDEX incident_reports_document ON incident_reports(document);

CREATE TABLE incident_keys (
  key TEXT NOT NULL,                    -- a|kb:<id>, a|c:<ISO3>, a|n:<name>, r|…, p|<place>
  bucket INTEGER NOT NULL,              -- week (days since 1970 / 7) the incident's window covers; -1: vague window
  incident INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  PRIMARY KEY (key, bucket, incident)
) WITHOUT ROWID;
CREATE INDEX incident_keys_incident ON incident_keys(incident);

CREATE VIRTUAL TABLE events_fts USING fts5(text, content='events', content_rowid='rowid');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF text ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
  INSERT INTO events_fts(rowid, text) VALUES (new.rowid, new.text);
END;
)sql",
  };
  return kMigrations;
}

const std::vector<std::string_view>& postgres_migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // v0 → v1: as SQLite v1 (BIGINT for INTEGER, DOUBLE PRECISION for REAL, identity for the row id).
      R"sql(
CREATE TABLE documents (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT, title TEXT, published TEXT, dateline TEXT, source TEXT, language TEXT, path TEXT,
  text TEXT NOT NULL,
  n_sentences BIGINT NOT NULL DEFAULT 0,
  n_tokens BIGINT NOT NULL DEFAULT 0,
  coded_at TEXT NOT NULL,
  casus_version TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE sentences (
  document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx BIGINT NOT NULL,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (document, idx)
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence BIGINT NOT NULL,
  category TEXT NOT NULL, mode TEXT, aux TEXT,
  date TEXT, date_start TEXT, date_end TEXT,
  location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  said_by TEXT, said_by_kb_id TEXT, via TEXT, anonymous BIGINT,
  fatalities BIGINT, injuries BIGINT,
  score DOUBLE PRECISION NOT NULL, confidence DOUBLE PRECISION NOT NULL, rule TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX events_document ON events(document);
CREATE INDEX events_category_date ON events(category, date_start);
CREATE INDEX events_date ON events(date_start);

CREATE TABLE event_actors (
  event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
  position BIGINT NOT NULL,
  text TEXT NOT NULL, name TEXT, kb_id TEXT, country TEXT, type TEXT,
  PRIMARY KEY (event, role, position)
);
CREATE INDEX event_actors_kb ON event_actors(kb_id, role);
CREATE INDEX event_actors_country ON event_actors(country, role);

CREATE TABLE quotes (
  document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence BIGINT NOT NULL,
  speaker_text TEXT, speaker_name TEXT, speaker_kb_id TEXT,
  text TEXT NOT NULL, via TEXT, anonymous BIGINT NOT NULL,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);

CREATE TABLE mentions (
  document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence BIGINT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  name TEXT, kb_id TEXT, country TEXT, entity_type TEXT
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_kb ON mentions(kb_id);
)sql",
      // v1 → v2: as SQLite v2; full-text search is a GIN index over to_tsvector('simple', text).
      R"sql(
ALTER TABLE events ADD COLUMN text TEXT;
UPDATE events SET text = record::json->>'text';
CREATE INDEX event_actors_name ON event_actors(name);
CREATE INDEX events_location_country ON events(location_country);
CREATE INDEX events_text_search ON events USING GIN (to_tsvector('simple', coalesce(text, '')));

CREATE TABLE incidents (
  id BIGINT PRIMARY KEY,
  category TEXT NOT NULL,
  family TEXT NOT NULL,
  mode TEXT,
  date TEXT, date_start TEXT, date_end TEXT,
  window_start TEXT NOT NULL, window_end TEXT NOT NULL,
  location_name TEXT, location_country TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  fatalities BIGINT, fatalities_doc TEXT, fatalities_outlet TEXT,
  actor TEXT NOT NULL, recipient TEXT NOT NULL,
  reports BIGINT NOT NULL,
  outlets BIGINT NOT NULL,
  sources TEXT NOT NULL,
  first_reported TEXT
);
CREATE INDEX incidents_date ON incidents(date_start);

CREATE TABLE incident_reports (
  event TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  incident BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  document BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  score DOUBLE PRECISION NOT NULL
);
CREATE INDEX incident_reports_incident ON incident_reports(incident);
CREATE INDEX incident_reports_document ON incident_reports(document);

CREATE TABLE incident_keys (
  key TEXT NOT NULL,
  bucket BIGINT NOT NULL,
  incident BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  PRIMARY KEY (key, bucket, incident)
);
CREATE INDEX incident_keys_incident ON incident_keys(incident);
)sql",
  };
  return kMigrations;
}

const std::vector<std::string_view>& migrations(Dialect d) {
  return d == Dialect::kSqlite ? sqlite_migrations() : postgres_migrations();
}

// PostgreSQL has no user_version: a one-row table holds it.
Result<int> read_version(Connection& c) {
  if (c.dialect() == Dialect::kSqlite) {
    auto v = c.scalar("PRAGMA user_version");
    if (!v) return v.status();
    return static_cast<int>(v->as_int());
  }
  CASUS_RETURN_IF_ERROR(c.exec("CREATE TABLE IF NOT EXISTS casus_schema (version BIGINT NOT NULL)"));
  auto v = c.scalar("SELECT max(version) FROM casus_schema");
  if (!v) return v.status();
  return static_cast<int>(v->as_int());
}

Status write_version(Connection& c, int version) {
  if (c.dialect() == Dialect::kSqlite) return c.exec("PRAGMA user_version = " + std::to_string(version));
  CASUS_RETURN_IF_ERROR(c.exec("DELETE FROM casus_schema"));
  return c.exec("INSERT INTO casus_schema(version) VALUES (" + std::to_string(version) + ")");
}

}  // namespace

int schema_version(Connection& c) {
  auto v = read_version(c);
  return v ? *v : -1;
}

Status migrate(Connection& c) { return migrate_to(c, kSchemaVersion); }

Status migrate_to(Connection& c, int target) {
  // Read the version inside the write transaction: two clients opening an old PostgreSQL store at once migrate it
  // once (the second waits for the lock, then sees the new version).
  auto version_now = [&]() -> Result<int> {
    auto v = read_version(c);
    if (!v) return v.status();
    if (*v > kSchemaVersion)
      return Status(Code::kStoreSchema, c.name() + ": database schema version " + std::to_string(*v) +
                                            " is newer than this casus supports (" + std::to_string(kSchemaVersion) +
                                            "); upgrade casus");
    return *v;
  };
  auto first = version_now();
  if (!first) return first.status();
  if (*first >= target) return Status::ok();
  WriteTransaction tx(c);
  CASUS_RETURN_IF_ERROR(tx.begin_status());
  auto version = version_now();
  if (!version) return version.status();
  const auto& steps = migrations(c.dialect());
  for (int v = *version; v < target; ++v) {
    Status s = c.exec(steps[static_cast<size_t>(v)]);
    if (!s) return Status(Code::kStoreSchema, "migration to schema v" + std::to_string(v + 1) + " failed: " + s.message());
    CASUS_RETURN_IF_ERROR(write_version(c, v + 1));
  }
  return tx.commit();
}

}  // namespace casus::store
