// The event store: documents and everything coded from them, in SQLite (embedded default: WAL, foreign keys) or
// PostgreSQL (a postgresql:// URL, for teams sharing one store). Both run the same statements through
// store::Connection and give the same results.
//
// Writing a document replaces any earlier version of it — same content hash or same document id — with its
// sentences, events, quotes and mentions, inside one transaction, so re-coding never duplicates and a crash never
// leaves half a document. Documents are written in batches (one transaction per batch) for speed. In the same
// transaction the batch's events are linked into incidents (cross-document de-duplication, docs/INCIDENTS.md).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "casus/doc/document.h"
#include "casus/store/incidents.h"
#include "casus/store/sql.h"

namespace casus::store {

struct StoreStats {
  int64_t documents = 0, sentences = 0, events = 0, quotes = 0, mentions = 0, incidents = 0;
};

struct StoreOptions {
  LinkOptions link;
  bool link_incidents = true;  // false: leave incidents alone (relink later with relink_incidents)
};

class EventStore {
 public:
  // Opens (creating and migrating) the store: a SQLite file path or a postgresql:// URL.
  static Result<EventStore> open(const std::string& target, StoreOptions options = {});

  // Writes a batch of coded documents in one transaction. On error nothing of the batch is kept.
  Status write(const std::vector<const doc::Document*>& batch);
  Status write(const doc::Document& doc) { return write(std::vector<const doc::Document*>{&doc}); }
  // Drops and rebuilds every incident with the given knobs (one transaction).
  Status relink_incidents(const LinkOptions& link);
  Result<StoreStats> stats();
  Connection& connection() { return *conn_; }

 private:
  EventStore() = default;
  Result<int64_t> write_one(const doc::Document& doc);
  std::unique_ptr<Connection> conn_;
  StoreOptions options_;
};

}  // namespace casus::store
