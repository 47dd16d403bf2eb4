// The embedded event store: documents and everything coded from them, in SQLite (WAL, foreign keys).
//
// Writing a document replaces any earlier version of it — same content hash or same document id — with its
// sentences, events, quotes and mentions, inside one transaction, so re-coding never duplicates and a crash never
// leaves half a document. Documents are written in batches (one transaction per batch) for speed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "casus/doc/document.h"
#include "casus/store/sqlite_db.h"

namespace casus::store {

struct StoreStats {
  int64_t documents = 0, sentences = 0, events = 0, quotes = 0, mentions = 0;
};

class EventStore {
 public:
  // Opens (creating and migrating) the store at `path`.
  static Result<EventStore> open(const std::string& path);

  // Writes a batch of coded documents in one transaction. On error nothing of the batch is kept.
  Status write(const std::vector<const doc::Document*>& batch);
  Status write(const doc::Document& doc) { return write(std::vector<const doc::Document*>{&doc}); }
  Result<StoreStats> stats();
  Database& database() { return *db_; }

 private:
  struct Statements;
  EventStore() = default;
  Status write_one(const doc::Document& doc);
  std::unique_ptr<Database> db_;
  std::shared_ptr<Statements> stmts_;
};

}  // namespace casus::store
