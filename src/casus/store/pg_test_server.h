// Test-only: a throw-away PostgreSQL server (initdb into a temporary directory, started on a free 127.0.0.1 port,
// trust auth, C locale, fsync off) for the store's PostgreSQL test cases. Linked only into tests and benchmarks.
// When the server binaries are absent, available() is false and reason() says why, so the cases are skipped.
// initdb refuses to run as root: under root the server runs as the `postgres` user through runuser.
#pragma once

#include <string>

namespace casus::store {

class PgTestServer {
 public:
  // Starts the server once per process (later calls return the same one); stopped at process exit.
  static PgTestServer& instance();
  bool available() const { return available_; }
  const std::string& reason() const { return reason_; }
  // A URL to a fresh, empty database (CREATE DATABASE <name>).
  std::string fresh_database(const std::string& name);
  ~PgTestServer();

 private:
  PgTestServer();
  bool available_ = false;
  std::string reason_, bin_, dir_, run_as_;
  int port_ = 0;
};

}  // namespace casus::store
