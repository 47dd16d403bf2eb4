#include "casus/store/query.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace casus::store {

namespace {

using Json = nlohmann::ordered_json;

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string ordered(const Connection& c, const std::string& col) {
  return c.dialect() == Dialect::kPostgres ? col + " COLLATE \"C\"" : col;
}

// Builds the WHERE clause over `events e JOIN documents d`.
struct Where {
  std::string sql;
  Params params;
  std::string param(Value v) {
    params.push_back(std::move(v));
    return "?" + std::to_string(params.size());
  }
  void add(const std::string& cond) { sql += (sql.empty() ? " WHERE " : " AND ") + cond; }
};

std::string actor_match(Where& w, const std::string& value, const char* role) {
  // One pass over event_actors for the whole query (an IN set), not one probe per event row.
  std::string p = w.param(value);
  std::string cond = "e.id IN (SELECT a.event FROM event_actors a WHERE (a.kb_id = " + p +
                     " OR lower(a.name) = lower(CAST(" + p + " AS TEXT)) OR lower(a.text) = lower(CAST(" + p +
                     " AS TEXT)) OR a.country = " + p + ")";
  if (role) cond += std::string(" AND a.role = '") + role + "'";
  return cond + ")";
}

// FTS5 query from plain words: each quoted (no operators), implicitly ANDed — what plainto_tsquery does.
std::string fts_words(const std::string& text) {
  std::string out, word;
  auto flush = [&]() {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (unsigned char ch : text) {
    if (ch >= 0x80 || std::isalnum(ch)) word += static_cast<char>(ch);
    else flush();
  }
  flush();
  return out;
}

Where build_where(Connection& c, const QueryOptions& q) {
  Where w;
  if (!q.actor.empty()) w.add(actor_match(w, q.actor, "actor"));
  if (!q.recipient.empty()) w.add(actor_match(w, q.recipient, "recipient"));
  if (!q.either.empty()) w.add(actor_match(w, q.either, nullptr));
  if (!q.category.empty()) w.add("e.category = " + w.param(upper(q.category)));
  if (!q.mode.empty()) w.add("e.mode = " + w.param(q.mode));
  if (q.aux == "none") w.add("e.aux IS NULL");
  else if (!q.aux.empty()) w.add("e.aux = " + w.param(q.aux));
  if (!q.country.empty()) {
    std::string p = w.param(upper(q.country));
    w.add("(e.location_country = " + p + " OR e.id IN (SELECT a.event FROM event_actors a WHERE a.country = " + p + "))");
  }
  if (!q.date_from.empty()) w.add("coalesce(e.date_end, d.published) >= " + w.param(q.date_from));
  if (!q.date_to.empty()) w.add("coalesce(e.date_start, d.published) <= " + w.param(q.date_to));
  if (!q.source.empty()) w.add("lower(d.source) = lower(CAST(" + w.param(q.source) + " AS TEXT))");
  if (q.anonymous_only) w.add("e.anonymous = 1");
  if (!q.text.empty()) {
    if (c.dialect() == Dialect::kSqlite)
      w.add("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH " + w.param(fts_words(q.text)) + ")");
    else
      w.add("to_tsvector('simple', coalesce(e.text, '')) @@ plainto_tsquery('simple', CAST(" + w.param(q.text) +
            " AS TEXT))");
  }
  return w;
}

// PLOVER categories in GDELT's four quad classes.
int quad_class(const std::string& cat) {
  static const char* kVerbalCoop[] = {"AGREE", "CONSULT", "SUPPORT"};
  static const char* kMaterialCoop[] = {"CONCEDE", "COOPERATE", "AID", "RETREAT"};
  static const char* kVerbalConflict[] = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"};
  for (const char* c : kVerbalCoop)
    if (cat == c) return 1;
  for (const char* c : kMaterialCoop)
    if (cat == c) return 2;
  for (const char* c : kVerbalConflict)
    if (cat == c) return 3;
  return 4;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

std::string tsv_field(std::string s) {
  for (char& ch : s)
    if (ch == '\t' || ch == '\n' || ch == '\r') ch = ' ';
  return s;
}

void write_row(std::ostream& out, OutputFormat f, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out << (f == OutputFormat::kCsv ? ',' : '\t');
    out << (f == OutputFormat::kCsv ? csv_field(cells[i]) : tsv_field(cells[i]));
  }
  out << '\n';
}

std::string jstr(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// First entity of a side: display name, kb id, country, type.
std::array<std::string, 4> first_entity(const Json& side) {
  if (!side.is_array() || side.empty()) return {};
  const Json& e = side[0];
  std::string name = jstr(e, "name");
  if (name.empty()) name = jstr(e, "text");
  return {name, jstr(e, "kb_id"), jstr(e, "country"), jstr(e, "type")};
}

std::string yyyymmdd(const std::string& iso) {
  std::string out;
  for (char ch : iso.substr(0, 10))
    if (ch != '-') out += ch;
  return out;
}

const std::vector<std::string> kEventCsvColumns = {
    "id", "doc", "published", "source", "event", "mode", "aux", "date", "date_start", "date_end", "actor",
    "actor_kb_id", "actor_country", "actor_type", "recipient", "recipient_kb_id", "recipient_country",
    "recipient_type", "location", "location_country", "lat", "lon", "said_by", "via", "anonymous", "fatalities",
    "score", "confidence", "rule", "incident", "text"};

const std::vector<std::string> kIncidentCsvColumns = {
    "id", "event", "mode", "date", "date_start", "date_end", "actor", "actor_kb_id", "actor_country", "actor_type",
    "recipient", "recipient_kb_id", "recipient_country", "recipient_type", "location", "location_country", "lat",
    "lon", "fatalities", "fatalities_doc", "reports", "outlets", "sources", "docs", "first_reported"};

Status query_events(Connection& c, const QueryOptions& q, std::ostream& out, int64_t& n) {
  Where w = build_where(c, q);
  std::string sql =
      "SELECT e.record, e.id, d.doc_id, d.published, d.source, d.url, e.category, e.mode, e.aux, e.date, "
      "e.date_start, e.date_end, e.location_name, e.location_country, e.lat, e.lon, e.said_by, e.via, e.anonymous, "
      "e.fatalities, e.score, e.confidence, e.rule, r.incident, e.text "
      "FROM events e JOIN documents d ON d.id = e.document LEFT JOIN incident_reports r ON r.event = e.id" +
      w.sql + " ORDER BY coalesce(e.date_start, d.published, ''), " + ordered(c, "d.doc_id") + ", e.sentence, " +
      ordered(c, "e.id");
  if (q.limit > 0) sql += " LIMIT " + w.param(q.limit);
  if (q.format == OutputFormat::kCsv && q.header) write_row(out, q.format, kEventCsvColumns);
  return c.run(sql, w.params, [&](const Row& r) {
    ++n;
    if (q.format == OutputFormat::kJsonl) {
      out << r[0].as_text() << '\n';
      return true;
    }
    Json rec = Json::parse(r[0].as_text(), nullptr, false);
    auto a = first_entity(rec.is_discarded() ? Json() : rec["actor"]);
    auto b = first_entity(rec.is_discarded() ? Json() : rec["recipient"]);
    auto t = [&](size_t i) { return r[i].as_text(); };
    if (q.format == OutputFormat::kCsv) {
      write_row(out, q.format,
                {t(1), t(2), t(3), t(4), t(6), t(7), t(8), t(9), t(10), t(11), a[0], a[1], a[2], a[3], b[0], b[1],
                 b[2], b[3], t(12), t(13), t(14), t(15), t(16), t(17), t(18), t(19), t(20), t(21), t(22), t(23),
                 t(24)});
    } else {
      std::string day = yyyymmdd(r[10].is_null() ? t(3) : t(10));
      write_row(out, q.format,
                {t(1), day, a[1], a[0], a[2], a[3], b[1], b[0], b[2], b[3], t(6), t(7),
                 std::to_string(quad_class(t(6))), t(20), "1", "1", t(12), t(13), t(14), t(15), yyyymmdd(t(3)),
                 r[5].is_null() ? t(2) : t(5)});
    }
    return true;
  });
}

Status query_incidents(Connection& c, const QueryOptions& q, std::ostream& out, int64_t& n) {
  Where w = build_where(c, q);
  std::string sql =
      "SELECT i.id, i.category, i.mode, i.date, i.date_start, i.date_end, i.actor, i.recipient, i.location_name, "
      "i.location_country, i.lat, i.lon, i.fatalities, i.fatalities_doc, i.fatalities_outlet, i.reports, i.outlets, "
      "i.sources, i.first_reported FROM incidents i";
  const bool filtered = !w.sql.empty();
  if (filtered)
    sql += " WHERE i.id IN (SELECT r.incident FROM incident_reports r JOIN events e ON e.id = r.event "
           "JOIN documents d ON d.id = e.document" + w.sql + ")";
  sql += " ORDER BY coalesce(i.date_start, i.window_start), i.id";
  if (q.limit > 0) sql += " LIMIT " + w.param(q.limit);
  if (q.format == OutputFormat::kCsv && q.header) write_row(out, q.format, kIncidentCsvColumns);
  std::vector<Row> rows;
  CASUS_RETURN_IF_ERROR(c.run(sql, w.params, [&](const Row& r) {
    rows.push_back(r);
    return true;
  }));
  for (const Row& r : rows) {
    ++n;
    std::vector<std::string> docs;
    CASUS_RETURN_IF_ERROR(c.run("SELECT d.doc_id FROM incident_reports r JOIN documents d ON d.id = r.document "
                                "WHERE r.incident = ?1 GROUP BY d.doc_id ORDER BY " + ordered(c, "d.doc_id"),
                                {r[0]}, [&](const Row& d) {
                                  docs.push_back(d[0].as_text());
                                  return true;
                                }));
    Json actor = Json::parse(r[6].as_text(), nullptr, false), recipient = Json::parse(r[7].as_text(), nullptr, false);
    Json sources = Json::parse(r[17].as_text(), nullptr, false);
    auto t = [&](size_t i) { return r[i].as_text(); };
    auto js = [&](size_t i) { return r[i].is_null() ? Json(nullptr) : Json(r[i].as_text()); };
    if (q.format == OutputFormat::kJsonl) {
      Json j;
      j["type"] = "incident";
      j["id"] = r[0].as_int();
      j["event"] = t(1);
      j["mode"] = js(2);
      j["actor"] = actor;
      j["recipient"] = recipient;
      j["date"] = js(3);
      if (r[8].is_null()) {
        j["location"] = nullptr;
      } else {
        j["location"] = Json{{"name", t(8)}, {"country", js(9)},
                             {"lat", r[10].is_null() ? Json(nullptr) : Json(r[10].as_real())},
                             {"lon", r[11].is_null() ? Json(nullptr) : Json(r[11].as_real())}};
      }
      j["fatalities"] = r[12].is_null() ? Json(nullptr) : Json(r[12].as_int());
      j["fatalities_source"] = r[12].is_null() ? Json(nullptr) : Json{{"doc", js(13)}, {"outlet", js(14)}};
      j["reports"] = r[15].as_int();
      j["outlets"] = r[16].as_int();
      j["sources"] = sources;
      j["docs"] = docs;
      j["first_reported"] = js(18);
      out << j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace) << '\n';
      continue;
    }
    auto a = first_entity(actor), b = first_entity(recipient);
    std::string doc_list, source_list;
    for (const auto& d : docs) doc_list += (doc_list.empty() ? "" : "|") + d;
    if (sources.is_array())
      for (const auto& s : sources) source_list += (source_list.empty() ? "" : "|") + s.get<std::string>();
    if (q.format == OutputFormat::kCsv) {
      write_row(out, q.format,
                {t(0), t(1), t(2), t(3), t(4), t(5), a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3], t(8), t(9),
                 t(10), t(11), t(12), t(13), t(15), t(16), source_list, doc_list, t(18)});
    } else {
      write_row(out, q.format,
                {"I" + t(0), yyyymmdd(t(4)), a[1], a[0], a[2], a[3], b[1], b[0], b[2], b[3], t(1), t(2),
                 std::to_string(quad_class(t(1))), "", t(15), t(16), t(8), t(9), t(10), t(11), yyyymmdd(t(18)),
                 doc_list});
    }
  }
  return Status::ok();
}

}  // namespace

Status run_query(Connection& c, const QueryOptions& q, std::ostream& out, int64_t* rows) {
  int64_t n = 0;
  Status s = q.incidents ? query_incidents(c, q, out, n) : query_events(c, q, out, n);
  if (rows) *rows = n;
  return s;
}

}  // namespace casus::store
