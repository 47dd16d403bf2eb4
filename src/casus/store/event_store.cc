#include "casus/store/event_store.h"

#include <ctime>
#include <unordered_map>

#include "casus/store/schema.h"
#include "casus/util/hash.h"
#include "casus/util/version.h"
#include "casus/write/jsonl.h"

namespace casus::store {

namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// "2023-11-01/2023-11-10" or "2023-11" → first and last day (YYYY-MM-DD) for range queries.
std::pair<std::string, std::string> date_bounds(const std::string& date) {
  if (date.empty()) return {};
  auto slash = date.find('/');
  auto lo = Date::parse(date.substr(0, slash));
  auto hi = slash == std::string::npos ? lo : Date::parse(date.substr(slash + 1));
  if (!lo || !hi) return {};
  return {Date::from_days(lo->first_day()).iso(), Date::from_days(hi->last_day()).iso()};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '|';
    out += p;
  }
  return out;
}

Value opt_text(std::string_view s) { return Value::text_or_null(s); }

}  // namespace

Result<EventStore> EventStore::open(const std::string& target, StoreOptions options) {
  auto conn = connect(target);
  if (!conn) return conn.status();
  EventStore store;
  store.conn_ = std::move(conn.value());
  store.options_ = std::move(options);
  Connection& c = *store.conn_;
  if (c.dialect() == Dialect::kSqlite) {
    // WAL: readers never block the writer; NORMAL sync is durable across process crashes (not power loss of the
    // last transaction), the usual trade-off for bulk ingest.
    CASUS_RETURN_IF_ERROR(c.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  }
  CASUS_RETURN_IF_ERROR(migrate(c));
  return store;
}

Status EventStore::write(const std::vector<const doc::Document*>& batch) {
  Connection& c = *conn_;
  WriteTransaction tx(c);
  CASUS_RETURN_IF_ERROR(tx.begin_status());
  IncidentLinker linker(c, options_.link);
  std::vector<int64_t> rows;
  rows.reserve(batch.size());
  for (const doc::Document* d : batch) {
    // Incidents the old version of this document reported are recomputed once it is gone.
    if (options_.link_incidents)
      CASUS_RETURN_IF_ERROR(linker.touch_incidents_of_documents(hex64(d->meta.content_hash), d->meta.id));
    auto row = write_one(*d);
    if (!row) return row.status().with_context(d->meta.id);
    rows.push_back(*row);
  }
  if (options_.link_incidents) {
    CASUS_RETURN_IF_ERROR(linker.refresh_touched());
    // An event id written twice in one batch belongs to the last document that wrote it.
    std::unordered_map<std::string_view, size_t> owner;
    for (size_t i = 0; i < batch.size(); ++i)
      for (const auto& e : batch[i]->events) owner[e.id] = i;
    for (size_t i = 0; i < batch.size(); ++i)
      for (const auto& e : batch[i]->events)
        if (owner[e.id] == i)
          CASUS_RETURN_IF_ERROR(linker.link(report_from_event(*batch[i], e, rows[i])).with_context(batch[i]->meta.id));
    CASUS_RETURN_IF_ERROR(linker.refresh_touched());
  }
  return tx.commit();
}

Status EventStore::relink_incidents(const LinkOptions& link) {
  WriteTransaction tx(*conn_);
  CASUS_RETURN_IF_ERROR(tx.begin_status());
  IncidentLinker linker(*conn_, link);
  CASUS_RETURN_IF_ERROR(linker.relink_all());
  return tx.commit();
}

Result<int64_t> EventStore::write_one(const doc::Document& d) {
  Connection& c = *conn_;
  const std::string hash = hex64(d.meta.content_hash);
  CASUS_RETURN_IF_ERROR(c.run("DELETE FROM documents WHERE content_hash = ?1 OR doc_id = ?2", {hash, d.meta.id}));
  Value row;
  CASUS_RETURN_IF_ERROR(c.run(
      "INSERT INTO documents(doc_id, content_hash, url, title, published, dateline, source, language, path, text, "
      "n_sentences, n_tokens, coded_at, casus_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14) "
      "RETURNING id",
      {d.meta.id, hash, opt_text(d.meta.url), opt_text(d.meta.title),
       d.meta.published ? Value(d.meta.published->iso()) : Value(), opt_text(d.meta.dateline),
       opt_text(d.meta.source), Value(d.meta.language), opt_text(d.meta.path), Value(d.text),
       static_cast<int64_t>(d.sentences.size()), static_cast<int64_t>(d.tokens.size()), now_utc(),
       std::string(kVersion)},
      [&](const Row& r) {
        row = r[0];
        return true;
      }));
  const int64_t doc_row = row.as_int();

  for (size_t s = 0; s < d.sentences.size(); ++s) {
    doc::TokenIdx f = d.sentences.first[s], l = d.sentences.last[s];
    if (f >= l) continue;
    CASUS_RETURN_IF_ERROR(c.run("INSERT INTO sentences(document, idx, start, \"end\", text) VALUES (?1,?2,?3,?4,?5)",
                                {doc_row, static_cast<int64_t>(s), static_cast<int64_t>(d.tokens.begin_cp[f]),
                                 static_cast<int64_t>(d.tokens.end_cp[l - 1]), std::string(d.sentence_text(s))}));
  }
  for (const auto& e : d.events) {
    auto [lo, hi] = date_bounds(e.date);
    const std::string text = e.sentence < d.sentences.size() ? std::string(d.sentence_text(e.sentence)) : "";
    // An event id already stored for another document moves to this one (the id names the event, not the row).
    CASUS_RETURN_IF_ERROR(c.run("DELETE FROM events WHERE id = ?1", {e.id}));
    Params p{e.id, doc_row, static_cast<int64_t>(e.sentence), std::string(doc::plover_name(e.category)),
             opt_text(e.mode), opt_text(doc::aux_name(e.aux)), opt_text(e.date), opt_text(lo), opt_text(hi)};
    if (e.location && !e.location->inferred) {  // the columns hold stated places; the record keeps implied ones
      p.push_back(opt_text(e.location->name.empty() ? e.location->text : e.location->name));
      p.push_back(opt_text(e.location->country));
      p.push_back(Value(e.location->lat));
      p.push_back(Value(e.location->lon));
    } else {
      p.insert(p.end(), 4, Value());
    }
    if (e.attribution) {
      const auto& sb = e.attribution->said_by;
      p.push_back(opt_text(sb ? (sb->name.empty() ? sb->text : sb->name) : ""));
      p.push_back(opt_text(sb ? sb->kb_id : ""));
      p.push_back(opt_text(join(e.attribution->via)));
      p.push_back(Value(int64_t{e.attribution->anonymous}));
    } else {
      p.insert(p.end(), 4, Value());
    }
    p.push_back(Value(e.fatalities));
    p.push_back(Value(e.injuries));
    p.push_back(Value(e.score));
    p.push_back(Value(e.confidence));
    p.push_back(Value(e.rule));
    p.push_back(Value(write::event_json(d, e).dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace)));
    p.push_back(opt_text(text));
    CASUS_RETURN_IF_ERROR(c.run(
        "INSERT INTO events(id, document, sentence, category, mode, aux, date, date_start, date_end, "
        "location_name, location_country, lat, lon, said_by, said_by_kb_id, via, anonymous, fatalities, injuries, "
        "score, confidence, rule, record, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
        "?17,?18,?19,?20,?21,?22,?23,?24)",
        p));
    auto add_entities = [&](const std::vector<doc::Entity>& list, const char* role) -> Status {
      for (size_t i = 0; i < list.size(); ++i) {
        const auto& a = list[i];
        CASUS_RETURN_IF_ERROR(c.run(
            "INSERT INTO event_actors(event, role, position, text, name, kb_id, country, type) "
            "VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
            {e.id, role, static_cast<int64_t>(i), a.text, opt_text(a.name), opt_text(a.kb_id), opt_text(a.country),
             opt_text(a.type)}));
      }
      return Status::ok();
    };
    CASUS_RETURN_IF_ERROR(add_entities(e.actor, "actor"));
    CASUS_RETURN_IF_ERROR(add_entities(e.recipient, "recipient"));
  }
  for (const auto& q : d.quotes) {
    CASUS_RETURN_IF_ERROR(c.run(
        "INSERT INTO quotes(document, sentence, speaker_text, speaker_name, speaker_kb_id, text, via, anonymous, "
        "start, \"end\") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        {doc_row, static_cast<int64_t>(q.sentence), opt_text(q.speaker.text), opt_text(q.speaker.name),
         opt_text(q.speaker.kb_id), q.text, opt_text(join(q.via)), int64_t{q.anonymous},
         static_cast<int64_t>(q.start), static_cast<int64_t>(q.end)}));
  }
  static constexpr const char* kKinds[] = {"actor", "place", "date", "number", "outlet"};
  for (const auto& m : d.mentions) {
    CASUS_RETURN_IF_ERROR(c.run(
        "INSERT INTO mentions(document, sentence, kind, text, start, \"end\", name, kb_id, country, entity_type) "
        "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
        {doc_row, static_cast<int64_t>(m.sentence), kKinds[static_cast<int>(m.kind)], m.entity.text,
         static_cast<int64_t>(m.entity.start), static_cast<int64_t>(m.entity.end), opt_text(m.entity.name),
         opt_text(m.entity.kb_id), opt_text(m.entity.country), opt_text(m.entity.type)}));
  }
  return doc_row;
}

Result<StoreStats> EventStore::stats() {
  StoreStats out;
  struct Count {
    const char* table;
    int64_t* field;
  };
  for (Count c : {Count{"documents", &out.documents}, Count{"sentences", &out.sentences},
                  Count{"events", &out.events}, Count{"quotes", &out.quotes}, Count{"mentions", &out.mentions},
                  Count{"incidents", &out.incidents}}) {
    auto v = conn_->scalar(std::string("SELECT count(*) FROM ") + c.table);
    if (!v) return v.status();
    *c.field = v->as_int();
  }
  return out;
}

}  // namespace casus::store
