#include "casus/store/event_store.h"

#include <chrono>
#include <ctime>

#include "casus/store/schema.h"
#include "casus/util/hash.h"
#include "casus/util/version.h"
#include "casus/write/jsonl.h"

namespace casus::store {

struct EventStore::Statements {
  Statement delete_doc, insert_doc, insert_sentence, insert_event, insert_actor, insert_quote, insert_mention;
};

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

}  // namespace

Result<EventStore> EventStore::open(const std::string& path) {
  auto db = Database::open(path);
  if (!db) return db.status();
  EventStore store;
  store.db_ = std::make_unique<Database>(std::move(db.value()));
  Database& d = *store.db_;
  // WAL: readers never block the writer; NORMAL sync is durable across process crashes (not power loss of the
  // last transaction), the usual trade-off for bulk ingest.
  CASUS_RETURN_IF_ERROR(d.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  CASUS_RETURN_IF_ERROR(migrate(d));
  auto prep = [&d](const char* sql, Statement& out) -> Status {
    auto s = d.prepare(sql);
    if (!s) return s.status();
    out = std::move(s.value());
    return Status::ok();
  };
  auto st = std::make_shared<Statements>();
  CASUS_RETURN_IF_ERROR(prep("DELETE FROM documents WHERE content_hash = ?1 OR doc_id = ?2", st->delete_doc));
  CASUS_RETURN_IF_ERROR(prep(
      "INSERT INTO documents(doc_id, content_hash, url, title, published, dateline, source, language, path, text, "
      "n_sentences, n_tokens, coded_at, casus_version) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
      st->insert_doc));
  CASUS_RETURN_IF_ERROR(prep("INSERT INTO sentences(document, idx, start, \"end\", text) VALUES (?1,?2,?3,?4,?5)",
                             st->insert_sentence));
  CASUS_RETURN_IF_ERROR(prep(
      "INSERT OR REPLACE INTO events(id, document, sentence, category, mode, aux, date, date_start, date_end, "
      "location_name, location_country, lat, lon, said_by, said_by_kb_id, via, anonymous, fatalities, injuries, "
      "score, confidence, rule, record) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,"
      "?19,?20,?21,?22,?23)",
      st->insert_event));
  CASUS_RETURN_IF_ERROR(prep(
      "INSERT OR REPLACE INTO event_actors(event, role, position, text, name, kb_id, country, type) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
      st->insert_actor));
  CASUS_RETURN_IF_ERROR(prep(
      "INSERT INTO quotes(document, sentence, speaker_text, speaker_name, speaker_kb_id, text, via, anonymous, "
      "start, \"end\") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
      st->insert_quote));
  CASUS_RETURN_IF_ERROR(prep(
      "INSERT INTO mentions(document, sentence, kind, text, start, \"end\", name, kb_id, country, entity_type) "
      "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
      st->insert_mention));
  store.stmts_ = std::move(st);
  return store;
}

Status EventStore::write(const std::vector<const doc::Document*>& batch) {
  Transaction tx(*db_);
  CASUS_RETURN_IF_ERROR(tx.begin_status());
  for (const doc::Document* d : batch) CASUS_RETURN_IF_ERROR(write_one(*d).with_context(d->meta.id));
  return tx.commit();
}

Status EventStore::write_one(const doc::Document& d) {
  Statements& st = *stmts_;
  const std::string hash = hex64(d.meta.content_hash);
  CASUS_RETURN_IF_ERROR(st.delete_doc.bind(1, hash).bind(2, d.meta.id).exec());
  st.insert_doc.bind(1, d.meta.id).bind(2, hash);
  st.insert_doc.bind_text_or_null(3, d.meta.url).bind_text_or_null(4, d.meta.title);
  if (d.meta.published) st.insert_doc.bind(5, d.meta.published->iso()); else st.insert_doc.bind_null(5);
  st.insert_doc.bind_text_or_null(6, d.meta.dateline).bind_text_or_null(7, d.meta.source);
  st.insert_doc.bind(8, d.meta.language).bind_text_or_null(9, d.meta.path).bind(10, d.text);
  st.insert_doc.bind(11, static_cast<int64_t>(d.sentences.size())).bind(12, static_cast<int64_t>(d.tokens.size()));
  st.insert_doc.bind(13, now_utc()).bind(14, std::string(kVersion));
  CASUS_RETURN_IF_ERROR(st.insert_doc.exec());
  const int64_t row = db_->last_insert_rowid();

  for (size_t s = 0; s < d.sentences.size(); ++s) {
    doc::TokenIdx f = d.sentences.first[s], l = d.sentences.last[s];
    if (f >= l) continue;
    st.insert_sentence.bind(1, row).bind(2, static_cast<int64_t>(s));
    st.insert_sentence.bind(3, static_cast<int64_t>(d.tokens.begin_cp[f]));
    st.insert_sentence.bind(4, static_cast<int64_t>(d.tokens.end_cp[l - 1]));
    st.insert_sentence.bind(5, d.sentence_text(s));
    CASUS_RETURN_IF_ERROR(st.insert_sentence.exec());
  }
  for (const auto& e : d.events) {
    auto [lo, hi] = date_bounds(e.date);
    Statement& q = st.insert_event;
    q.bind(1, e.id).bind(2, row).bind(3, static_cast<int64_t>(e.sentence));
    q.bind(4, doc::plover_name(e.category)).bind_text_or_null(5, e.mode).bind_text_or_null(6, doc::aux_name(e.aux));
    q.bind_text_or_null(7, e.date).bind_text_or_null(8, lo).bind_text_or_null(9, hi);
    if (e.location) {
      q.bind_text_or_null(10, e.location->name.empty() ? e.location->text : e.location->name);
      q.bind_text_or_null(11, e.location->country).bind(12, e.location->lat).bind(13, e.location->lon);
    } else {
      q.bind_null(10).bind_null(11).bind_null(12).bind_null(13);
    }
    if (e.attribution) {
      const auto& sb = e.attribution->said_by;
      q.bind_text_or_null(14, sb ? (sb->name.empty() ? sb->text : sb->name) : "");
      q.bind_text_or_null(15, sb ? sb->kb_id : "");
      q.bind_text_or_null(16, join(e.attribution->via)).bind(17, int64_t{e.attribution->anonymous});
    } else {
      q.bind_null(14).bind_null(15).bind_null(16).bind_null(17);
    }
    q.bind(18, e.fatalities).bind(19, e.injuries).bind(20, e.score).bind(21, e.confidence).bind(22, e.rule);
    q.bind(23, write::event_json(d, e).dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace));
    CASUS_RETURN_IF_ERROR(q.exec());
    auto add_entities = [&](const std::vector<doc::Entity>& list, const char* role) -> Status {
      for (size_t i = 0; i < list.size(); ++i) {
        const auto& a = list[i];
        st.insert_actor.bind(1, e.id).bind(2, std::string_view(role)).bind(3, static_cast<int64_t>(i));
        st.insert_actor.bind(4, a.text).bind_text_or_null(5, a.name).bind_text_or_null(6, a.kb_id);
        st.insert_actor.bind_text_or_null(7, a.country).bind_text_or_null(8, a.type);
        CASUS_RETURN_IF_ERROR(st.insert_actor.exec());
      }
      return Status::ok();
    };
    CASUS_RETURN_IF_ERROR(add_entities(e.actor, "actor"));
    CASUS_RETURN_IF_ERROR(add_entities(e.recipient, "recipient"));
  }
  for (const auto& q : d.quotes) {
    st.insert_quote.bind(1, row).bind(2, static_cast<int64_t>(q.sentence));
    st.insert_quote.bind_text_or_null(3, q.speaker.text).bind_text_or_null(4, q.speaker.name);
    st.insert_quote.bind_text_or_null(5, q.speaker.kb_id).bind(6, q.text).bind_text_or_null(7, join(q.via));
    st.insert_quote.bind(8, int64_t{q.anonymous}).bind(9, static_cast<int64_t>(q.start));
    st.insert_quote.bind(10, static_cast<int64_t>(q.end));
    CASUS_RETURN_IF_ERROR(st.insert_quote.exec());
  }
  static constexpr const char* kKinds[] = {"actor", "place", "date", "number", "outlet"};
  for (const auto& m : d.mentions) {
    st.insert_mention.bind(1, row).bind(2, static_cast<int64_t>(m.sentence));
    st.insert_mention.bind(3, std::string_view(kKinds[static_cast<int>(m.kind)]));
    st.insert_mention.bind(4, m.entity.text).bind(5, static_cast<int64_t>(m.entity.start));
    st.insert_mention.bind(6, static_cast<int64_t>(m.entity.end)).bind_text_or_null(7, m.entity.name);
    st.insert_mention.bind_text_or_null(8, m.entity.kb_id).bind_text_or_null(9, m.entity.country);
    st.insert_mention.bind_text_or_null(10, m.entity.type);
    CASUS_RETURN_IF_ERROR(st.insert_mention.exec());
  }
  return Status::ok();
}

Result<StoreStats> EventStore::stats() {
  StoreStats out;
  struct Count {
    const char* table;
    int64_t* field;
  };
  for (Count c : {Count{"documents", &out.documents}, Count{"sentences", &out.sentences},
                  Count{"events", &out.events}, Count{"quotes", &out.quotes}, Count{"mentions", &out.mentions}}) {
    auto q = db_->prepare(std::string("SELECT count(*) FROM ") + c.table);
    if (!q) return q.status();
    if (q->step()) *c.field = q->int64(0);
    if (!q->status()) return q->status();
  }
  return out;
}

}  // namespace casus::store
