// The PostgreSQL backend over libpq's C API: prepared statements with text parameters, typed results.
#include <libpq-fe.h>

#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "casus/store/sql.h"

namespace casus::store {

namespace {

// Type oids from pg_type.h (stable across releases).
constexpr Oid kBoolOid = 16, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23, kFloat4Oid = 700, kFloat8Oid = 701,
              kNumericOid = 1700;

// "postgresql://user:secret@host/db" → "postgresql://user@host/db" for messages.
std::string redact(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

// ?N → $N (the store writes SQLite-style numbered parameters; it never puts '?' inside string literals).
std::string to_pg_params(std::string_view sql) {
  std::string out;
  out.reserve(sql.size());
  for (size_t i = 0; i < sql.size(); ++i) {
    if (sql[i] == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') out += '$';
    else out += sql[i];
  }
  return out;
}

class PgConnection final : public Connection {
 public:
  ~PgConnection() override {
    if (conn_) PQfinish(conn_);
  }
  static Result<std::unique_ptr<Connection>> open(const std::string& url) {
    auto c = std::unique_ptr<PgConnection>(new PgConnection);
    c->name_ = redact(url);
    c->conn_ = PQconnectdb(url.c_str());
    if (!c->conn_ || PQstatus(c->conn_) != CONNECTION_OK)
      return Status(Code::kStore, c->name_ + ": cannot connect: " +
                                      (c->conn_ ? PQerrorMessage(c->conn_) : "out of memory"));
    // Quiet NOTICEs (CREATE … IF NOT EXISTS) and a fixed, UTF-8 session.
    PQsetNoticeProcessor(c->conn_, [](void*, const char*) {}, nullptr);
    CASUS_RETURN_IF_ERROR(c->exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'"));
    return std::unique_ptr<Connection>(std::move(c));
  }

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& name() const override { return name_; }

  Status exec(std::string_view sql) override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    Status s = check(r, sql);
    PQclear(r);
    return s;
  }

  Status run(std::string_view sql, const Params& params, const RowFn& on_row) override {
    std::string key(sql);
    auto it = names_.find(key);
    if (it == names_.end()) {
      std::string name = "casus_s" + std::to_string(names_.size());
      PGresult* r = PQprepare(conn_, name.c_str(), to_pg_params(sql).c_str(), 0, nullptr);
      Status s = check(r, sql);
      PQclear(r);
      if (!s) return s;
      it = names_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (params[i].is_null()) continue;
      texts[i] = params[i].as_text();
      values[i] = texts[i].c_str();
    }
    PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr,
                                 nullptr, 0);
    Status s = check(r, sql);
    if (s && on_row && PQresultStatus(r) == PGRES_TUPLES_OK) {
      int rows = PQntuples(r), cols = PQnfields(r);
      Row row(static_cast<size_t>(cols));
      for (int i = 0; i < rows; ++i) {
        for (int c = 0; c < cols; ++c) {
          if (PQgetisnull(r, i, c)) {
            row[c] = Value();
            continue;
          }
          const char* v = PQgetvalue(r, i, c);
          switch (PQftype(r, c)) {
            case kInt8Oid:
            case kInt4Oid:
            case kInt2Oid: row[c] = Value(static_cast<int64_t>(std::strtoll(v, nullptr, 10))); break;
            case kFloat4Oid:
            case kFloat8Oid:
            case kNumericOid: row[c] = Value(std::strtod(v, nullptr)); break;
            case kBoolOid: row[c] = Value(static_cast<int64_t>(v[0] == 't')); break;
            default: row[c] = Value(std::string_view(v, static_cast<size_t>(PQgetlength(r, i, c))));
          }
        }
        if (!on_row(row)) break;
      }
    }
    PQclear(r);
    return s;
  }

  Status begin_write() override {
    // One writer at a time across every client of the store: incident linking reads, then writes.
    return exec("BEGIN; SELECT pg_advisory_xact_lock(7316283)");
  }
  Status commit() override { return exec("COMMIT"); }
  Status rollback() override { return exec("ROLLBACK"); }

 private:
  PgConnection() = default;
  Status check(PGresult* r, std::string_view sql) {
    auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) return Status::ok();
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status(Code::kStore, name_ + ": " + msg + " in: " + std::string(sql.substr(0, 200)));
  }
  PGconn* conn_ = nullptr;
  std::string name_;
  std::unordered_map<std::string, std::string> names_;
};

}  // namespace

Result<std::unique_ptr<Connection>> open_postgres(const std::string& url) { return PgConnection::open(url); }

}  // namespace casus::store
