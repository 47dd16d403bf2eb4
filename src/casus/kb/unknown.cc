#include "casus/kb/unknown.h"

#include <sqlite3.h>

#include <chrono>
#include <memory>

#include "casus/text/utf8.h"

namespace casus::kb {

namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtCloser>;

bool has_table(sqlite3* db, const char* name) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?", -1, &raw,
                         nullptr) != SQLITE_OK)
    return false;
  Stmt s(raw);
  sqlite3_bind_text(raw, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step(raw) == SQLITE_ROW;
}

bool has_column(sqlite3* db, const std::string& table, const char* column) {
  sqlite3_stmt* raw = nullptr;
  std::string sql = "PRAGMA table_info(" + table + ")";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) return false;
  Stmt s(raw);
  while (sqlite3_step(raw) == SQLITE_ROW)
    if (std::string(reinterpret_cast<const char*>(sqlite3_column_text(raw, 1))) == column) return true;
  return false;
}

bool proper_name_like(const std::string& s) {
  size_t pos = 0;
  if (s.empty()) return false;
  char32_t c = text::decode_at(s, pos);
  return text::is_upper(c);
}

}  // namespace

Result<std::vector<UnknownName>> unknown_names(const std::string& db_path, size_t limit, size_t examples,
                                               const KnowledgeBase* kb) {
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    return Status(Code::kStore, db_path + ": cannot open store: " + msg);
  }
  Db db(raw);
  if (!has_table(raw, "mentions"))
    return Status(Code::kStoreSchema, db_path + ": no `mentions` table: `casus kb unknown` needs a store written by "
                                                "`casus code --db` (mentions(doc_id, sentence, text, kb_id, ...))");
  for (const char* col : {"doc_id", "sentence", "text", "kb_id"})
    if (!has_column(raw, "mentions", col))
      return Status(Code::kStoreSchema, db_path + ": table mentions has no column `" + col + "`");
  bool with_examples = examples > 0 && has_table(raw, "sentences") && has_column(raw, "sentences", "text") &&
                       has_column(raw, "sentences", "doc_id") && has_column(raw, "sentences", "sentence");

  sqlite3_stmt* q = nullptr;
  const char* sql =
      "SELECT text, COUNT(*) AS n FROM mentions WHERE (kb_id IS NULL OR kb_id = '') AND text IS NOT NULL "
      "GROUP BY text ORDER BY n DESC, text LIMIT ?";
  if (sqlite3_prepare_v2(raw, sql, -1, &q, nullptr) != SQLITE_OK)
    return Status(Code::kStore, db_path + ": " + sqlite3_errmsg(raw));
  Stmt query(q);
  // Fetch generously: non-names and names the KB now knows are filtered below.
  sqlite3_bind_int64(q, 1, static_cast<sqlite3_int64>(limit * 4 + 100));
  std::vector<UnknownName> out;
  // Whether the KB knows a name does not depend on the date much; today's roles are the ones curators see.
  Date today = Date::from_days(std::chrono::duration_cast<std::chrono::hours>(
                                   std::chrono::system_clock::now().time_since_epoch()).count() / 24);
  while (sqlite3_step(q) == SQLITE_ROW && out.size() < limit) {
    const unsigned char* t = sqlite3_column_text(q, 0);
    if (!t) continue;
    std::string name(reinterpret_cast<const char*>(t));
    if (!proper_name_like(name)) continue;
    if (kb && kb->resolve(name, today).found()) continue;
    out.push_back({name, sqlite3_column_int64(q, 1), {}});
  }
  if (with_examples) {
    sqlite3_stmt* e = nullptr;
    const char* esql =
        "SELECT DISTINCT s.text FROM mentions m JOIN sentences s ON s.doc_id = m.doc_id AND s.sentence = m.sentence "
        "WHERE m.text = ? LIMIT ?";
    if (sqlite3_prepare_v2(raw, esql, -1, &e, nullptr) != SQLITE_OK)
      return Status(Code::kStore, db_path + ": " + sqlite3_errmsg(raw));
    Stmt ex(e);
    for (auto& u : out) {
      sqlite3_reset(e);
      sqlite3_bind_text(e, 1, u.text.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(e, 2, static_cast<sqlite3_int64>(examples));
      while (sqlite3_step(e) == SQLITE_ROW)
        if (const unsigned char* s = sqlite3_column_text(e, 0)) u.examples.emplace_back(reinterpret_cast<const char*>(s));
    }
  }
  return out;
}

}  // namespace casus::kb
