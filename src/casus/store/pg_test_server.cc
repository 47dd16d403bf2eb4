#include "casus/store/pg_test_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "casus/store/sql.h"

namespace casus::store {

namespace fs = std::filesystem;

namespace {

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

std::string find_bin() {
  if (const char* env = std::getenv("CASUS_PG_BIN")) return env;
  std::string best;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    auto bin = entry.path() / "bin";
    if (fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl") && bin.string() > best) best = bin.string();
  }
  return best;
}

}  // namespace

PgTestServer& PgTestServer::instance() {
  static PgTestServer server;
  return server;
}

PgTestServer::PgTestServer() {
  bin_ = find_bin();
  if (bin_.empty()) {
    reason_ = "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb; Debian package postgresql)";
    return;
  }
  if (geteuid() == 0) {
    if (!getpwnam("postgres")) {
      reason_ = "running as root and there is no 'postgres' user to run the server as";
      return;
    }
    run_as_ = "runuser -u postgres -- ";
  }
  char tmpl[] = "/tmp/casus_pg_XXXXXX";
  if (!mkdtemp(tmpl)) {
    reason_ = "cannot create a temporary directory";
    return;
  }
  dir_ = tmpl;
  if (!run_as_.empty()) {
    passwd* pw = getpwnam("postgres");
    if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
      reason_ = "cannot give " + dir_ + " to the postgres user";
      return;
    }
  }
  std::string initdb = run_as_ + bin_ + "/initdb -D " + dir_ + "/data -U casus --auth=trust --no-locale -E UTF8 " +
                       "> " + dir_ + "/initdb.log 2>&1";
  if (std::system(initdb.c_str()) != 0) {
    reason_ = "initdb failed (see " + dir_ + "/initdb.log)";
    return;
  }
  for (int attempt = 0; attempt < 5 && !available_; ++attempt) {
    port_ = free_port();
    std::string start = run_as_ + bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/server.log -w -t 60 -o \"-p " +
                        std::to_string(port_) + " -k " + dir_ +
                        " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off\" start > /dev/null 2>&1";
    available_ = std::system(start.c_str()) == 0;
  }
  if (!available_) reason_ = "the PostgreSQL test server did not start (see " + dir_ + "/server.log)";
}

PgTestServer::~PgTestServer() {
  if (available_) {
    std::string stop = run_as_ + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate stop > /dev/null 2>&1";
    (void)std::system(stop.c_str());
  }
  if (!dir_.empty()) {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

std::string PgTestServer::fresh_database(const std::string& name) {
  const std::string base = "postgresql://casus@127.0.0.1:" + std::to_string(port_) + "/";
  auto admin = open_postgres(base + "postgres");
  if (!admin) return {};
  (void)(*admin)->exec("DROP DATABASE IF EXISTS " + name);
  if (!(*admin)->exec("CREATE DATABASE " + name)) return {};
  return base + name;
}

}  // namespace casus::store
