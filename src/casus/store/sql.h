// One small SQL interface over the two store backends: embedded SQLite (a file path) and PostgreSQL (a
// postgresql:// URL, for teams sharing one store). The store, the incident linker and the query engine are written
// once against it, so both backends run the same statements and give the same results.
//
// SQL text uses SQLite's numbered parameters (?1, ?2 …); the PostgreSQL connection rewrites them to $1, $2 ….
// Statements are prepared once per connection and cached by their text. Every failure is a Status (kStore) that
// names the backend's message and the statement.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/util/status.h"

namespace casus::store {

enum class Dialect : uint8_t { kSqlite = 0, kPostgres = 1 };

// A parameter or a result cell.
class Value {
 public:
  enum class Kind : uint8_t { kNull = 0, kInt, kReal, kText };
  Value() = default;
  Value(int64_t v) : kind_(Kind::kInt), int_(v) {}            // NOLINT: implicit by design
  Value(int v) : kind_(Kind::kInt), int_(v) {}                // NOLINT
  Value(double v) : kind_(Kind::kReal), real_(v) {}           // NOLINT
  Value(std::string v) : kind_(Kind::kText), text_(std::move(v)) {}  // NOLINT
  Value(std::string_view v) : kind_(Kind::kText), text_(v) {}        // NOLINT
  Value(const char* v) : kind_(Kind::kText), text_(v) {}             // NOLINT
  template <typename T>
  Value(const std::optional<T>& v) {  // NOLINT
    if (v) *this = Value(*v);
  }
  // "" → NULL: the store keeps absent strings as NULL.
  static Value text_or_null(std::string_view v) { return v.empty() ? Value() : Value(v); }

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  int64_t as_int() const;         // text is parsed; NULL → 0
  double as_real() const;         // NULL → 0
  std::string as_text() const;    // NULL → ""; numbers in a canonical form (same on both backends)
  const std::string& text() const { return text_; }

 private:
  Kind kind_ = Kind::kNull;
  int64_t int_ = 0;
  double real_ = 0;
  std::string text_;
};

using Row = std::vector<Value>;
using Params = std::vector<Value>;
// Called once per result row; return false to stop early.
using RowFn = std::function<bool(const Row&)>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // The file path, or the URL without its password.
  virtual const std::string& name() const = 0;
  // One or more statements without parameters or results (DDL, PRAGMA).
  virtual Status exec(std::string_view sql) = 0;
  // One statement with parameters; on_row (may be empty) sees every row.
  virtual Status run(std::string_view sql, const Params& params, const RowFn& on_row = {}) = 0;
  // Transactions. begin_write() takes the store's write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN plus
  // a transaction-scoped advisory lock), so concurrent writers serialise and incident linking sees a stable store.
  virtual Status begin_write() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;

  // Convenience: the first column of the first row (NULL Value when there is no row).
  Result<Value> scalar(std::string_view sql, const Params& params = {});
};

// A path opens (creating) a SQLite file; "postgresql://…" or "postgres://…" connects to PostgreSQL.
Result<std::unique_ptr<Connection>> connect(const std::string& target, bool read_only = false);
bool is_postgres_url(std::string_view target);

// Backends, for tests and tools that want one explicitly.
Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path, bool read_only);
Result<std::unique_ptr<Connection>> open_postgres(const std::string& url);

// Rolls back unless commit() succeeded.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& c) : c_(&c) { status_ = c.begin_write(); }
  ~WriteTransaction() {
    if (status_.is_ok() && !done_) (void)c_->rollback();
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  Status begin_status() const { return status_; }
  Status commit() {
    done_ = true;
    return c_->commit();
  }

 private:
  Connection* c_;
  Status status_;
  bool done_ = false;
};

}  // namespace casus::store
