// store_bench — whole-command figures for the event store (docs/benchmarks/store.md):
//   ingest: writes a synthetic corpus (src/casus/store/synthetic.h) into a store in batches and reports events/s
//           and the pairwise same-incident P/R/F1 of the incidents it built against the generator's gold;
//   query:  runs typical `casus query` filters on that store and reports p50/p99 latency;
//   import: writes JSON Lines in the output contract ("document" and "event" records, as `casus code --emit all`
//           prints them) into a store, e.g. gold events converted by bench/store_dedup_eval.py --gold-events, to
//           measure incident linking independently of the coder.
// --db takes a SQLite path or a postgresql:// URL; --pg starts a throw-away local PostgreSQL server instead.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "casus/store/event_store.h"
#include "casus/store/pg_test_server.h"
#include "casus/store/query.h"
#include "casus/store/synthetic.h"
#include "casus/util/hash.h"

#include <fstream>
#include <nlohmann/json.hpp>

using namespace casus;
using namespace casus::store;

namespace {

double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Args {
  std::string db, input;
  bool pg = false, no_link = false;
  int incidents = 40000, batch = 256, repeat = 50;
  uint64_t seed = 1;
};

void pairwise(Connection& c, const SyntheticCorpus& corpus) {
  std::map<std::string, size_t> doc_index;
  for (size_t i = 0; i < corpus.documents.size(); ++i) doc_index[corpus.documents[i].meta.id] = i;
  std::set<std::pair<size_t, size_t>> gold, sys;
  auto add_pairs = [](const std::set<size_t>& docs, std::set<std::pair<size_t, size_t>>& out) {
    for (auto a = docs.begin(); a != docs.end(); ++a)
      for (auto b = std::next(a); b != docs.end(); ++b) out.insert({*a, *b});
  };
  std::map<int64_t, std::set<size_t>> by_gold, by_incident;
  for (size_t i = 0; i < corpus.gold.size(); ++i)
    for (int64_t g : corpus.gold[i]) by_gold[g].insert(i);
  for (const auto& [g, docs] : by_gold) add_pairs(docs, gold);
  Status s = c.run("SELECT r.incident, d.doc_id FROM incident_reports r JOIN documents d ON d.id = r.document", {},
                   [&](const Row& row) {
                     by_incident[row[0].as_int()].insert(doc_index[row[1].as_text()]);
                     return true;
                   });
  if (!s) std::fprintf(stderr, "%s\n", s.to_string().c_str());
  for (const auto& [i, docs] : by_incident) add_pairs(docs, sys);
  size_t tp = 0;
  for (const auto& p : sys) tp += gold.count(p);
  double p = sys.empty() ? 1 : double(tp) / sys.size(), r = gold.empty() ? 1 : double(tp) / gold.size();
  std::printf("dedup (synthetic gold): gold pairs %zu, system pairs %zu, P %.3f R %.3f F1 %.3f\n", gold.size(),
              sys.size(), p, r, p + r > 0 ? 2 * p * r / (p + r) : 0.0);
}

int ingest(const Args& a, const std::string& target) {
  SyntheticOptions opt;
  opt.incidents = a.incidents;
  opt.seed = a.seed;
  double t0 = now_s();
  auto corpus = make_synthetic_corpus(opt);
  size_t events = 0;
  for (const auto& d : corpus.documents) events += d.events.size();
  std::printf("generated %zu documents, %zu events in %.1f s\n", corpus.documents.size(), events, now_s() - t0);
  StoreOptions so;
  so.link_incidents = !a.no_link;
  auto store = EventStore::open(target, so);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return 2;
  }
  t0 = now_s();
  for (size_t i = 0; i < corpus.documents.size(); i += static_cast<size_t>(a.batch)) {
    std::vector<const doc::Document*> batch;
    for (size_t j = i; j < std::min(i + a.batch, corpus.documents.size()); ++j) batch.push_back(&corpus.documents[j]);
    Status s = store->write(batch);
    if (!s) {
      std::fprintf(stderr, "%s\n", s.to_string().c_str());
      return 2;
    }
  }
  double secs = now_s() - t0;
  auto st = store->stats();
  std::printf("ingest %s: %zu documents, %zu events in %.1f s = %.0f events/s (%.0f docs/s), linking %s; store: %lld "
              "events, %lld incidents\n",
              store->connection().dialect() == Dialect::kSqlite ? "sqlite" : "postgresql", corpus.documents.size(),
              events, secs, events / secs, corpus.documents.size() / secs, a.no_link ? "off" : "on",
              static_cast<long long>(st->events), static_cast<long long>(st->incidents));
  if (!a.no_link) pairwise(store->connection(), corpus);
  return 0;
}

int query(const Args& a, const std::string& target) {
  auto store = EventStore::open(target);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return 2;
  }
  struct Named {
    const char* name;
    QueryOptions q;
  };
  std::vector<Named> qs(8);
  qs[0].name = "actor (kb id), all events";
  qs[0].q.actor = "mil:RUS";
  qs[1].name = "either side (country) + date month";
  qs[1].q.either = "UKR";
  qs[1].q.date_from = "2022-03-01";
  qs[1].q.date_to = "2022-03-31";
  qs[2].name = "category + date year";
  qs[2].q.category = "ASSAULT";
  qs[2].q.date_from = "2021-01-01";
  qs[2].q.date_to = "2021-12-31";
  qs[3].name = "dyad (actor + recipient)";
  qs[3].q.actor = "country:USA";
  qs[3].q.recipient = "ISR";
  qs[4].name = "source outlet + limit 100";
  qs[4].q.source = "Harbor Times";
  qs[4].q.limit = 100;
  qs[5].name = "text search (2 words)";
  qs[5].q.text = "sanctions Town";
  qs[5].q.limit = 100;
  qs[6].name = "incidents: country + date month";
  qs[6].q.incidents = true;
  qs[6].q.country = "SYR";
  qs[6].q.date_from = "2022-03-01";
  qs[6].q.date_to = "2022-03-31";
  qs[7].name = "incidents: category + limit 100";
  qs[7].q.incidents = true;
  qs[7].q.category = "PROTEST";
  qs[7].q.limit = 100;
  std::printf("%-36s %8s %10s %10s\n", "query (JSON Lines)", "rows", "p50 ms", "p99 ms");
  for (auto& [name, q] : qs) {
    std::vector<double> ms;
    int64_t rows = 0;
    for (int i = 0; i < a.repeat; ++i) {
      std::ostringstream out;
      double t0 = now_s();
      Status s = run_query(store->connection(), q, out, &rows);
      ms.push_back((now_s() - t0) * 1000);
      if (!s) {
        std::fprintf(stderr, "%s\n", s.to_string().c_str());
        return 2;
      }
    }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
    std::printf("%-36s %8lld %10.2f %10.2f\n", name, static_cast<long long>(rows), pct(0.5), pct(0.99));
  }
  return 0;
}


std::string jtext(const nlohmann::json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

doc::Entity jentity(const nlohmann::json& j) {
  doc::Entity e;
  e.text = jtext(j, "text");
  e.name = jtext(j, "name");
  e.kb_id = jtext(j, "kb_id");
  e.country = jtext(j, "country");
  e.type = jtext(j, "type");
  return e;
}

int import_jsonl(const Args& a, const std::string& target) {
  std::ifstream in(a.input);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", a.input.c_str());
    return 2;
  }
  std::vector<doc::Document> docs;
  std::map<std::string, size_t> index;
  std::string line;
  auto doc_for = [&](const std::string& id) -> doc::Document& {
    auto [it, fresh] = index.try_emplace(id, docs.size());
    if (fresh) {
      docs.emplace_back();
      docs.back().meta.id = id;
    }
    return docs[it->second];
  };
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    std::string type = jtext(j, "type");
    if (type == "document") {
      doc::Document& d = doc_for(jtext(j, "id"));
      d.meta.url = jtext(j, "url");
      d.meta.source = jtext(j, "source");
      if (auto p = Date::parse(jtext(j, "published"))) d.meta.published = *p;
    } else if (type == "event") {
      doc::Document& d = doc_for(jtext(j, "doc"));
      if (!d.meta.published)
        if (auto p = Date::parse(jtext(j, "published"))) d.meta.published = *p;
      std::string sentence = jtext(j, "text");
      if (!d.text.empty()) d.text += ' ';
      uint32_t b = static_cast<uint32_t>(d.text.size());
      d.text += sentence;
      uint32_t e_ = static_cast<uint32_t>(d.text.size());
      doc::TokenIdx t = d.tokens.add(b, e_, b, e_, d.strings.intern("w"), false);
      d.sentences.add(t, t + 1, 0);
      doc::Event e;
      e.id = jtext(j, "id");
      e.sentence = static_cast<uint32_t>(d.sentences.size() - 1);
      e.category = doc::plover_from_name(jtext(j, "event")).value_or(doc::Plover::kNone);
      e.mode = jtext(j, "mode");
      e.aux = doc::aux_from_name(jtext(j, "aux")).value_or(doc::Aux::kNone);
      for (const auto& x : j.value("actor", nlohmann::json::array())) e.actor.push_back(jentity(x));
      for (const auto& x : j.value("recipient", nlohmann::json::array())) e.recipient.push_back(jentity(x));
      e.date = jtext(j, "date");
      if (j.contains("location") && j["location"].is_object()) {
        const auto& l = j["location"];
        e.location = doc::Place{jtext(l, "text"), jtext(l, "name"), jtext(l, "country"), "", std::nullopt,
                                std::nullopt};
      }
      if (j.contains("fatalities") && j["fatalities"].is_number_integer()) e.fatalities = j["fatalities"].get<int64_t>();
      e.rule = jtext(j, "rule");
      d.events.push_back(std::move(e));
    }
  }
  for (auto& d : docs) d.meta.content_hash = fnv1a64(d.meta.id + "\n" + d.text);
  auto store = EventStore::open(target);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return 2;
  }
  std::vector<const doc::Document*> batch;
  for (const auto& d : docs) batch.push_back(&d);
  Status s = store->write(batch);
  if (!s) {
    std::fprintf(stderr, "%s\n", s.to_string().c_str());
    return 2;
  }
  auto st = store->stats();
  std::printf("imported %zu documents; store: %lld events, %lld incidents\n", docs.size(),
              static_cast<long long>(st->events), static_cast<long long>(st->incidents));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: store_bench ingest|query|both|import (--db TARGET | --pg) [--incidents N] [--batch B] "
                 "[--repeat R] [--seed S] [--no-link] [--input FILE.jsonl]\n");
    return 2;
  }
  std::string verb = argv[1];
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string k = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (k == "--db") a.db = next();
    else if (k == "--pg") a.pg = true;
    else if (k == "--input") a.input = next();
    else if (k == "--incidents") a.incidents = std::stoi(next());
    else if (k == "--batch") a.batch = std::stoi(next());
    else if (k == "--repeat") a.repeat = std::stoi(next());
    else if (k == "--seed") a.seed = std::stoull(next());
    else if (k == "--no-link") a.no_link = true;
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  std::string target = a.db;
  if (a.pg) {
    auto& server = PgTestServer::instance();
    if (!server.available()) {
      std::fprintf(stderr, "no PostgreSQL server: %s\n", server.reason().c_str());
      return 2;
    }
    target = server.fresh_database("bench");
  }
  if (target.empty()) {
    std::fprintf(stderr, "--db or --pg is required\n");
    return 2;
  }
  int rc = 0;
  if (verb == "ingest" || verb == "both") rc = ingest(a, target);
  if (rc == 0 && (verb == "query" || verb == "both")) rc = query(a, target);
  if (verb == "import") rc = import_jsonl(a, target);
  return rc;
}
