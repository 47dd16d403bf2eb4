#include "casus/store/sql.h"

#include <sqlite3.h>

#include <charconv>
#include <cstdlib>
#include <unordered_map>

namespace casus::store {

int64_t Value::as_int() const {
  switch (kind_) {
    case Kind::kInt: return int_;
    case Kind::kReal: return static_cast<int64_t>(real_);
    case Kind::kText: return std::strtoll(text_.c_str(), nullptr, 10);
    case Kind::kNull: return 0;
  }
  return 0;
}

double Value::as_real() const {
  switch (kind_) {
    case Kind::kInt: return static_cast<double>(int_);
    case Kind::kReal: return real_;
    case Kind::kText: return std::strtod(text_.c_str(), nullptr);
    case Kind::kNull: return 0;
  }
  return 0;
}

std::string Value::as_text() const {
  switch (kind_) {
    case Kind::kInt: return std::to_string(int_);
    case Kind::kReal: {
      // Shortest round-trip form: the same on both backends whatever each prints by itself.
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, real_);
      return std::string(buf, r.ptr);
    }
    case Kind::kText: return text_;
    case Kind::kNull: return {};
  }
  return {};
}

Result<Value> Connection::scalar(std::string_view sql, const Params& params) {
  Value out;
  Status s = run(sql, params, [&](const Row& row) {
    if (!row.empty()) out = row[0];
    return false;
  });
  if (!s) return s;
  return out;
}

bool is_postgres_url(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

Result<std::unique_ptr<Connection>> connect(const std::string& target, bool read_only) {
  if (is_postgres_url(target)) return open_postgres(target);
  return open_sqlite(target, read_only);
}

namespace {

Status sqlite_error(sqlite3* db, std::string_view what) {
  return Status(Code::kStore, std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

class SqliteConnection final : public Connection {
 public:
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    if (db_) sqlite3_close_v2(db_);
  }
  static Result<std::unique_ptr<Connection>> open(const std::string& path, bool read_only) {
    auto c = std::unique_ptr<SqliteConnection>(new SqliteConnection);
    c->name_ = path;
    int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &c->db_, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
      return sqlite_error(c->db_, path + ": cannot open database");
    sqlite3_busy_timeout(c->db_, 10000);
    sqlite3_extended_result_codes(c->db_, 1);
    return std::unique_ptr<Connection>(std::move(c));
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& name() const override { return name_; }

  Status exec(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      Status st(Code::kStore, name_ + ": " + (err ? err : "error") + " in: " + s.substr(0, 200));
      sqlite3_free(err);
      return st;
    }
    return Status::ok();
  }

  Status run(std::string_view sql, const Params& params, const RowFn& on_row) override {
    sqlite3_stmt* stmt = nullptr;
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                             nullptr) != SQLITE_OK)
        return sqlite_error(db_, name_ + ": cannot prepare " + std::string(sql.substr(0, 200)));
      cache_.emplace(std::string(sql), stmt);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      int idx = static_cast<int>(i + 1);
      switch (v.kind()) {
        case Value::Kind::kNull: sqlite3_bind_null(stmt, idx); break;
        case Value::Kind::kInt: sqlite3_bind_int64(stmt, idx, v.as_int()); break;
        case Value::Kind::kReal: sqlite3_bind_double(stmt, idx, v.as_real()); break;
        case Value::Kind::kText:
          sqlite3_bind_text(stmt, idx, v.text().data(), static_cast<int>(v.text().size()), SQLITE_STATIC);
          break;
      }
    }
    Status status;
    int rc;
    Row row;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (!on_row) continue;
      int n = sqlite3_column_count(stmt);
      row.resize(static_cast<size_t>(n));
      for (int c = 0; c < n; ++c) {
        switch (sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER: row[c] = Value(static_cast<int64_t>(sqlite3_column_int64(stmt, c))); break;
          case SQLITE_FLOAT: row[c] = Value(sqlite3_column_double(stmt, c)); break;
          case SQLITE_NULL: row[c] = Value(); break;
          default: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
            row[c] = Value(std::string_view(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
          }
        }
      }
      if (!on_row(row)) {
        rc = SQLITE_DONE;
        break;
      }
    }
    if (rc != SQLITE_DONE) status = sqlite_error(db_, name_ + ": " + std::string(sql.substr(0, 200)));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return status;
  }

  Status begin_write() override { return exec("BEGIN IMMEDIATE"); }
  Status commit() override { return exec("COMMIT"); }
  Status rollback() override { return exec("ROLLBACK"); }

 private:
  SqliteConnection() = default;
  sqlite3* db_ = nullptr;
  std::string name_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_sqlite(const std::string& path, bool read_only) {
  return SqliteConnection::open(path, read_only);
}

}  // namespace casus::store
