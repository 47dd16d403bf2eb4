// Store tests: every case runs on SQLite and on PostgreSQL (a throw-away local server, skipped only when the
// server binaries are absent), plus a SQLite/PostgreSQL differential test of `casus query` output and a crash test
// that kills a writer with SIGKILL mid-ingest.
#include "casus/store/event_store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "casus/store/pg_test_server.h"
#include "casus/store/query.h"
#include "casus/store/schema.h"
#include "casus/store/synthetic.h"
#include "casus/util/hash.h"

namespace casus::store {

namespace {

std::string temp_db(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "casus_store_test";
  std::filesystem::create_directories(dir);
  auto path = dir / (name + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

doc::Entity ent(const char* text, const char* name, const char* kb, const char* country, const char* type) {
  return {text, 0, 0, name, kb, country, type};
}

doc::Document make_doc(const std::string& id, uint64_t hash, int n_events) {
  doc::Document d;
  d.meta.id = id;
  d.meta.content_hash = hash;
  d.meta.published = Date::ymd(2024, 1, 12);
  d.text = "US and UK warplanes struck Houthi targets in Yemen.";
  d.tokens.add(0, 2, 0, 2, d.strings.intern("US"), true);
  d.tokens.add(50, 51, 50, 51, d.strings.intern("."), false);
  d.sentences.add(0, 2, 0);
  for (int i = 0; i < n_events; ++i) {
    doc::Event e;
    e.id = id + "-e" + std::to_string(i);
    e.category = doc::Plover::kAssault;
    e.mode = "aerial";
    e.date = "2024-01-11/2024-01-12";
    e.actor.push_back({"US", 0, 2, "United States", "country:USA", "USA", "GOV"});
    e.recipient.push_back({"Houthi", 27, 33, "Houthis", "org:houthis", "YEM", "REB"});
    e.rule = "ASSAULT.strike";
    e.score = -10;
    d.events.push_back(e);
  }
  return d;
}

// One-sentence report of one event.
struct Spec {
  std::string id, outlet, published, sentence;
  doc::Plover cat;
  doc::Entity actor, recipient;
  std::string date, place, place_country;
  std::optional<int64_t> fatalities;
  bool anonymous = false;
};

doc::Document report(const Spec& s) {
  doc::Document d;
  d.meta.id = s.id;
  d.meta.source = s.outlet;
  d.meta.url = "https://" + s.outlet + "/" + s.id;
  d.meta.published = *Date::parse(s.published);
  d.meta.content_hash = fnv1a64(s.id + s.sentence);
  d.text = s.sentence;
  d.tokens.add(0, static_cast<uint32_t>(s.sentence.size()), 0, static_cast<uint32_t>(s.sentence.size()),
               d.strings.intern("w"), false);
  d.sentences.add(0, 1, 0);
  doc::Event e;
  e.id = s.id + "-e0";
  e.category = s.cat;
  e.actor.push_back(s.actor);
  e.recipient.push_back(s.recipient);
  e.date = s.date;
  if (!s.place.empty()) e.location = doc::Place{s.place, s.place, s.place_country, "", std::nullopt, std::nullopt};
  e.fatalities = s.fatalities;
  if (s.anonymous) e.attribution = doc::Attribution{std::nullopt, {}, true};
  e.score = -10;
  e.rule = "test";
  d.events.push_back(e);
  return d;
}

const doc::Entity kRussia = ent("Russian forces", "Russia", "country:RUS", "RUS", "GOV");
const doc::Entity kUkraine = ent("Ukraine", "Ukraine", "country:UKR", "UKR", "GOV");
const doc::Entity kKyivCity = ent("Kyiv", "Ukraine", "country:UKR", "UKR", "GOV");
const doc::Entity kIsrael = ent("Israel", "Israel", "country:ISR", "ISR", "GOV");
const doc::Entity kHamas = ent("Hamas", "Hamas", "org:hamas", "PSE", "REB");

// The Kyiv strike told by three outlets, plus near-misses.
std::vector<doc::Document> kyiv_reports() {
  return {
      report({"wire-1", "northwire.example", "2024-03-05",
              "Russian forces fired missiles at Kyiv on Monday, killing five people.", doc::Plover::kAssault, kRussia,
              kUkraine, "2024-03-04", "Kyiv", "UKR", 5}),
      report({"paper-2", "dailyledger.example", "2024-03-05",
              "A Russian missile barrage hit the Ukrainian capital overnight, officials said.", doc::Plover::kAssault,
              kRussia, kKyivCity, "", "Kyiv", "UKR", 7, true}),
      report({"radio-3", "harborradio.example", "2024-03-06",
              "Moscow's strike on Kyiv on Monday killed 70 people, a local channel claimed.", doc::Plover::kAssault,
              kRussia, kUkraine, "2024-03-04", "", "", 70}),
      report({"post-4", "capitalpost.example", "2024-03-06",
              "Russia's attack on Kyiv killed six, rescuers said.", doc::Plover::kAssault, kRussia, kUkraine,
              "2024-03-04", "Kyiv", "UKR", 6}),
      // Same dyad, another day.
      report({"wire-5", "northwire.example", "2024-03-09",
              "Russian drones struck Kyiv again on Friday.", doc::Plover::kAssault, kRussia, kUkraine, "2024-03-08",
              "Kyiv", "UKR", std::nullopt}),
      // Same day, another dyad.
      report({"wire-6", "northwire.example", "2024-03-05",
              "Israeli aircraft struck Hamas positions on Monday.", doc::Plover::kAssault, kIsrael, kHamas,
              "2024-03-04", "Gaza", "PSE", std::nullopt}),
      // Same place and day, another category.
      report({"paper-7", "dailyledger.example", "2024-03-05",
              "Ukraine protested to Russia over Monday's strikes on Kyiv.", doc::Plover::kProtest, kUkraine, kRussia,
              "2024-03-04", "Kyiv", "UKR", std::nullopt}),
  };
}

int64_t count(Connection& c, const std::string& sql) {
  auto v = c.scalar(sql);
  EXPECT_TRUE(v) << v.status().to_string();
  return v ? v->as_int() : -1;
}

std::vector<const doc::Document*> ptrs(const std::vector<doc::Document>& docs) {
  std::vector<const doc::Document*> out;
  for (const auto& d : docs) out.push_back(&d);
  return out;
}

std::string query(EventStore& s, QueryOptions q) {
  std::ostringstream out;
  Status st = run_query(s.connection(), q, out);
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  return out.str();
}

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

class Store : public ::testing::TestWithParam<Dialect> {
 protected:
  // A fresh store for the current test on the backend under test.
  std::string target(const std::string& name) {
    if (GetParam() == Dialect::kSqlite) return temp_db(name);
    return PgTestServer::instance().fresh_database("t_" + name);
  }
  void SetUp() override {
    if (GetParam() == Dialect::kPostgres && !PgTestServer::instance().available())
      GTEST_SKIP() << "PostgreSQL tests skipped: " << PgTestServer::instance().reason();
  }
  EventStore open(const std::string& name) {
    auto s = EventStore::open(target(name));
    EXPECT_TRUE(s) << s.status().to_string();
    return std::move(s.value());
  }
};

TEST_P(Store, RecodingReplacesNeverDuplicates) {
  EventStore store = open("replace");
  ASSERT_TRUE(store.write(make_doc("a", 1, 3)).is_ok());
  ASSERT_TRUE(store.write(make_doc("b", 2, 1)).is_ok());
  ASSERT_TRUE(store.write(make_doc("a", 1, 2)).is_ok());  // same content re-coded with a newer lexicon
  auto st = store.stats();
  ASSERT_TRUE(st);
  EXPECT_EQ(st->documents, 2);
  EXPECT_EQ(st->events, 3);
  Connection& c = store.connection();
  EXPECT_EQ(count(c, "SELECT count(*) FROM event_actors"), 6);
  EXPECT_EQ(count(c, "SELECT count(*) FROM events WHERE date_start = '2024-01-11' AND date_end = '2024-01-12'"), 3);
  // Same content under another id is the same document.
  ASSERT_TRUE(store.write(make_doc("a-copy", 1, 1)).is_ok());
  EXPECT_EQ(store.stats()->documents, 2);
  // Every event reports the one air strike: one incident, two documents.
  EXPECT_EQ(store.stats()->incidents, 1);
  EXPECT_EQ(count(c, "SELECT reports FROM incidents"), 2);
  EXPECT_EQ(count(c, "SELECT count(*) FROM incident_reports"), 2);
}

TEST_P(Store, ReopensAndRefusesNewerSchema) {
  std::string t = target("schema");
  {
    auto store = EventStore::open(t);
    ASSERT_TRUE(store) << store.status().to_string();
    ASSERT_TRUE(store->write(make_doc("a", 1, 1)).is_ok());
  }
  {
    auto store = EventStore::open(t);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->stats()->events, 1);
    EXPECT_EQ(schema_version(store->connection()), kSchemaVersion);
    Connection& c = store->connection();
    ASSERT_TRUE((c.dialect() == Dialect::kSqlite ? c.exec("PRAGMA user_version = 99")
                                                 : c.exec("UPDATE casus_schema SET version = 99"))
                    .is_ok());
  }
  auto again = EventStore::open(t);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.status().code(), Code::kStoreSchema);
}

TEST(StoreMigration, V1DatabaseMigratesToV2WithSearchAndIncidentTables) {
  // A v1 store as the first casus wrote it, with one event, then opened by the current code.
  auto path = temp_db("v1");
  {
    auto c = open_sqlite(path, false);
    ASSERT_TRUE(c);
    ASSERT_TRUE(migrate_to(**c, 1).is_ok());
    ASSERT_TRUE((*c)->exec("INSERT INTO documents(id, doc_id, content_hash, text, coded_at, casus_version) "
                           "VALUES (1, 'old', 'ff', 'Old text.', 'x', '0.1');"
                           "INSERT INTO events(id, document, sentence, category, score, confidence, rule, record) "
                           "VALUES ('old-e0', 1, 0, 'PROTEST', -5, 1, 'r', '{\"text\":\"Crowds marched in the capital.\"}')")
                    .is_ok());
  }
  auto store = EventStore::open(path);
  ASSERT_TRUE(store) << store.status().to_string();
  EXPECT_EQ(schema_version(store->connection()), 2);
  EXPECT_EQ(count(store->connection(), "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'marched'"), 1);
  ASSERT_TRUE(store->write(make_doc("a", 1, 1)).is_ok());
  EXPECT_EQ(count(store->connection(), "SELECT count(*) FROM events_fts WHERE events_fts MATCH 'warplanes'"), 1);
  EXPECT_EQ(count(store->connection(), "SELECT count(*) FROM incidents"), 1);
}

TEST_P(Store, FailedBatchKeepsNothing) {
  EventStore store = open("batch");
  doc::Document good = make_doc("good", 10, 1);
  doc::Document clash = make_doc("clash", 11, 1);
  clash.events[0].id = good.events[0].id;  // duplicate event id across documents: the later document keeps it
  ASSERT_TRUE(store.write({&good, &clash}).is_ok());
  EXPECT_EQ(store.stats()->documents, 2);
  EXPECT_EQ(store.stats()->events, 1);
  // A statement failure inside the batch rolls everything back.
  Connection& c = store.connection();
  Status refuse = c.dialect() == Dialect::kSqlite
                      ? c.exec("CREATE TRIGGER no_bad BEFORE INSERT ON documents WHEN NEW.doc_id = 'bad' "
                               "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                      : c.exec("ALTER TABLE documents ADD CONSTRAINT no_bad CHECK (doc_id <> 'bad')");
  ASSERT_TRUE(refuse.is_ok()) << refuse.to_string();
  doc::Document ok2 = make_doc("ok2", 12, 1), bad = make_doc("bad", 13, 1);
  Status s = store.write({&ok2, &bad});
  EXPECT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("bad"), std::string::npos);
  EXPECT_EQ(store.stats()->documents, 2);
  EXPECT_EQ(count(c, "SELECT count(*) FROM incident_reports"), 1);
}

TEST_P(Store, ReportsOfOneIncidentMergeAndNearMissesStayApart) {
  EventStore store = open("incidents");
  auto docs = kyiv_reports();
  // Incremental: the first two documents in one batch, the rest one by one.
  ASSERT_TRUE(store.write({&docs[0], &docs[1]}).is_ok());
  for (size_t i = 2; i < docs.size(); ++i) ASSERT_TRUE(store.write(docs[i]).is_ok());
  Connection& c = store.connection();
  EXPECT_EQ(count(c, "SELECT count(*) FROM incidents"), 4);
  QueryOptions q;
  q.incidents = true;
  q.recipient = "UKR";
  std::string out = query(store, q);
  ASSERT_EQ(lines(out), 2u) << out;
  auto first = nlohmann::json::parse(out.substr(0, out.find('\n')));
  EXPECT_EQ(first["type"], "incident");
  EXPECT_EQ(first["event"], "ASSAULT");
  EXPECT_EQ(first["reports"], 4);
  EXPECT_EQ(first["outlets"], 4);
  EXPECT_EQ(first["docs"], nlohmann::json({"paper-2", "post-4", "radio-3", "wire-1"}));
  EXPECT_EQ(first["date"], "2024-03-04");
  EXPECT_EQ(first["first_reported"], "2024-03-05");
  EXPECT_EQ(first["location"]["name"], "Kyiv");
  // 70 is far above the other figures (5, 6, 7): the largest credible figure is 7, from paper-2.
  EXPECT_EQ(first["fatalities"], 7);
  EXPECT_EQ(first["fatalities_source"]["doc"], "paper-2");
  EXPECT_EQ(first["actor"][0]["kb_id"], "country:RUS");

  // Re-coding a report moves it out of the incident when its reading changes, and the merged fields follow.
  doc::Document recoded = docs[3];
  recoded.events[0].date = "2024-02-20";
  ASSERT_TRUE(store.write(recoded).is_ok());
  EXPECT_EQ(count(c, "SELECT count(*) FROM incidents"), 5);
  EXPECT_EQ(count(c, "SELECT max(reports) FROM incidents"), 3);
  // Relinking from scratch gives the same partition as incremental linking did.
  ASSERT_TRUE(store.relink_incidents(LinkOptions{}).is_ok());
  EXPECT_EQ(count(c, "SELECT count(*) FROM incidents"), 5);
  EXPECT_EQ(count(c, "SELECT max(reports) FROM incidents"), 3);
}

// What the real coder writes: generic agents without a country, recipients guessed from the document (inferred),
// dates that are only the publication day, officials of international organisations.
TEST_P(Store, CoderReadingsLinkWithoutMergingNearMisses) {
  EventStore store = open("coder_readings");
  doc::Entity police = ent("Police", "police", "agent:police", "", "COP");
  doc::Entity protesters = ent("protesters", "protesters", "agent:protesters", "", "CVL");
  doc::Entity kenya = ent("Kenya", "Kenya", "country:KEN", "KEN", "GOV");
  doc::Entity kenyans = ent("Kenyan demonstrators", "", "", "KEN", "");
  doc::Entity guessed_kenya = kenya;
  guessed_kenya.inferred = true;
  doc::Entity uganda = ent("Ugandan police", "police", "agent:police", "UGA", "COP");
  doc::Entity un = ent("The United Nations", "United Nations", "org:un", "", "IGO");
  doc::Entity guterres = ent("UN chief Antonio Guterres", "António Guterres", "person:antonio_guterres", "PRT", "IGO");
  doc::Entity israel = ent("Israel", "Israel", "country:ISR", "ISR", "GOV");
  doc::Entity usa = ent("Washington", "United States", "country:USA", "USA", "GOV");
  doc::Entity russia = ent("Russia", "Russia", "country:RUS", "RUS", "GOV");
  doc::Entity eu = ent("The EU", "European Union", "org:eu", "", "IGO");
  doc::Entity guessed_russia = russia;
  guessed_russia.inferred = true;
  std::vector<doc::Document> docs = {
      report({"k1", "a.example", "2025-04-15", "Kenyan police arrested 30 protesters in Nairobi on Tuesday.",
              doc::Plover::kCoerce, ent("Kenyan police", "police", "agent:police", "KEN", "COP"), kenyans,
              "2025-04-15", "Nairobi", "KEN", std::nullopt}),
      // "Police" without a country and a recipient the coder guessed: neither proves another incident.
      report({"k2", "b.example", "2025-04-16", "Police detained thirty demonstrators, rights groups said.",
              doc::Plover::kCoerce, police, guessed_kenya, "2025-04-16", "", "", std::nullopt}),
      // Dated only by publication (no date phrase): it happened by then, so it joins Tuesday's arrests.
      report({"k3", "c.example", "2025-04-16", "Kenya's police arrested dozens of protesters, witnesses said.",
              doc::Plover::kCoerce, police, kenyans, "2025-04-16", "Nairobi", "KEN", std::nullopt}),
      // Near-miss: the police of another state the same day.
      report({"u1", "d.example", "2025-04-15", "Ugandan police arrested protesters in Kampala on Tuesday.",
              doc::Plover::kCoerce, uganda, protesters, "2025-04-15", "Kampala", "UGA", std::nullopt}),
      // The UN Secretary-General speaks for the UN, not for Portugal.
      report({"n1", "a.example", "2025-10-20", "The United Nations called on Israel on Monday to allow aid in.",
              doc::Plover::kRequest, un, israel, "2025-10-20", "", "", std::nullopt}),
      report({"n2", "b.example", "2025-10-21", "UN chief Antonio Guterres urged Israel on Monday to open crossings.",
              doc::Plover::kRequest, guterres, israel, "2025-10-20", "", "", std::nullopt}),
      // Only a guess in common and another category of the family: not enough to merge.
      report({"s1", "a.example", "2025-05-20", "Washington agreed with Moscow on Tuesday to resume flights.",
              doc::Plover::kAgree, usa, russia, "2025-05-20", "", "", std::nullopt}),
      report({"s2", "b.example", "2025-05-21", "The EU backed the plan, its statement said.", doc::Plover::kSupport, eu,
              guessed_russia, "2025-05-21", "", "", std::nullopt}),
      // Same category, day and place, but "the rebels" are not the United States: an agent cannot prove it, and
      // cannot make them the same scene either.
      report({"y1", "a.example", "2024-01-12", "The United States struck targets in the Red Sea overnight.",
              doc::Plover::kAssault, usa, ent("targets", "", "", "", ""), "2024-01-11/2024-01-12", "Red Sea", "",
              std::nullopt}),
      report({"y2", "b.example", "2024-01-12", "The strikes answered attacks by the rebels in the Red Sea.",
              doc::Plover::kAssault, ent("the rebels", "rebels", "agent:rebels", "", "REB"),
              ent("Houthi", "Houthis", "org:houthis", "YEM", "REB"), "2024-01-11/2024-01-12", "Red Sea", "",
              std::nullopt}),
      // Militants get the country of the place from the coder (BFA); JNIM is a Malian group: not a conflict.
      report({"j1", "a.example", "2026-10-04", "Jihadists attacked an army post in Djibo on Sunday.",
              doc::Plover::kAssault, ent("Jihadists", "militants", "agent:militants", "BFA", "REB"),
              ent("army", "army", "agent:army", "BFA", "MIL"), "2026-10-04", "Djibo", "BFA", 30}),
      report({"j2", "b.example", "2026-10-05", "JNIM fighters overran a base near Djibo on Sunday.",
              doc::Plover::kAssault, ent("JNIM fighters", "JNIM", "org:jnim", "MLI", "REB"),
              ent("Burkinabe soldiers", "Burkina Faso", "country:BFA", "BFA", "GOV"), "2026-10-04", "", "", 30}),
  };
  docs[docs.size() - 3].events[0].recipient[0].inferred = true;
  docs[0].events[0].date_text = "on Tuesday";  // dated by a phrase, not by its publication
  docs[3].events[0].date_text = "on Tuesday";
  ASSERT_TRUE(store.write(ptrs(docs)).is_ok());
  Connection& c = store.connection();
  auto incident_of = [&](const std::string& doc) {
    return count(c, "SELECT r.incident FROM incident_reports r JOIN documents d ON d.id = r.document "
                    "WHERE d.doc_id = '" + doc + "'");
  };
  EXPECT_EQ(incident_of("k2"), incident_of("k1"));
  EXPECT_EQ(incident_of("k3"), incident_of("k1"));
  EXPECT_NE(incident_of("u1"), incident_of("k1"));
  EXPECT_EQ(incident_of("n2"), incident_of("n1"));
  EXPECT_NE(incident_of("s2"), incident_of("s1"));
  EXPECT_NE(incident_of("y2"), incident_of("y1"));
  EXPECT_EQ(incident_of("j2"), incident_of("j1"));
  // The merged date stays the day a report gives, not the publication day of the undated one.
  EXPECT_EQ(count(c, "SELECT count(*) FROM incidents WHERE date = '2025-04-15' AND reports = 3"), 1);
}

TEST_P(Store, QueryFiltersAndFormats) {
  EventStore store = open("query");
  auto docs = kyiv_reports();
  ASSERT_TRUE(store.write(ptrs(docs)).is_ok());
  auto n = [&](QueryOptions q) { return lines(query(store, q)); };
  EXPECT_EQ(n({}), 7u);
  QueryOptions q;
  q.actor = "Russia";
  EXPECT_EQ(n(q), 5u);
  q = {};
  q.actor = "country:rus";  // kb ids are exact
  EXPECT_EQ(n(q), 0u);
  q = {};
  q.either = "RUS";
  EXPECT_EQ(n(q), 6u);
  q = {};
  q.recipient = "hamas";
  EXPECT_EQ(n(q), 1u);
  q = {};
  q.category = "protest";
  EXPECT_EQ(n(q), 1u);
  q = {};
  q.country = "PSE";
  EXPECT_EQ(n(q), 1u);
  q = {};
  q.date_from = "2024-03-05";
  q.date_to = "2024-03-31";
  EXPECT_EQ(n(q), 2u);  // the Friday strike, and the undated report published on the 5th
  q = {};
  q.source = "NorthWire.example";
  EXPECT_EQ(n(q), 3u);
  q = {};
  q.anonymous_only = true;
  EXPECT_EQ(n(q), 1u);
  q = {};
  q.text = "Kyiv killed";
  EXPECT_EQ(n(q), 2u);
  q.text = "strikes";
  EXPECT_EQ(n(q), 1u);
  q = {};
  q.limit = 2;
  EXPECT_EQ(n(q), 2u);
  q = {};
  q.format = OutputFormat::kCsv;
  q.category = "PROTEST";
  std::string csv = query(store, q);
  ASSERT_EQ(lines(csv), 2u);
  EXPECT_EQ(csv.substr(0, csv.find(',')), "id");
  EXPECT_NE(csv.find("\"Ukraine protested to Russia over Monday's strikes on Kyiv.\"") == std::string::npos &&
                csv.find("Ukraine protested to Russia over Monday's strikes on Kyiv.") != std::string::npos,
            false);
  q.format = OutputFormat::kTsv;
  std::string tsv = query(store, q);
  ASSERT_EQ(lines(tsv), 1u);
  EXPECT_EQ(std::count(tsv.begin(), tsv.end(), '\t'), 21);
  EXPECT_NE(tsv.find("\t20240304\t"), std::string::npos);
  q.incidents = true;
  q.format = OutputFormat::kCsv;
  EXPECT_EQ(lines(query(store, q)), 2u);
}

namespace {

// Pairwise same-incident links between documents: gold from the generator, system from the store.
struct Prf {
  double p, r, f;
};
Prf pairwise(Connection& c, const SyntheticCorpus& corpus) {
  std::map<std::string, size_t> doc_index;
  for (size_t i = 0; i < corpus.documents.size(); ++i) doc_index[corpus.documents[i].meta.id] = i;
  std::set<std::pair<size_t, size_t>> gold, sys;
  std::map<int64_t, std::set<size_t>> by_gold;
  for (size_t i = 0; i < corpus.gold.size(); ++i)
    for (int64_t g : corpus.gold[i]) by_gold[g].insert(i);
  auto add_pairs = [](const std::set<size_t>& docs, std::set<std::pair<size_t, size_t>>& out) {
    for (auto a = docs.begin(); a != docs.end(); ++a)
      for (auto b = std::next(a); b != docs.end(); ++b) out.insert({*a, *b});
  };
  for (const auto& [g, docs] : by_gold) add_pairs(docs, gold);
  std::map<int64_t, std::set<size_t>> by_incident;
  EXPECT_TRUE(c.run("SELECT r.incident, d.doc_id FROM incident_reports r JOIN documents d ON d.id = r.document", {},
                    [&](const Row& row) {
                      by_incident[row[0].as_int()].insert(doc_index[row[1].as_text()]);
                      return true;
                    })
                  .is_ok());
  for (const auto& [i, docs] : by_incident) add_pairs(docs, sys);
  size_t tp = 0;
  for (const auto& p : sys) tp += gold.count(p);
  double p = sys.empty() ? 1 : double(tp) / sys.size(), r = gold.empty() ? 1 : double(tp) / gold.size();
  return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
}

}  // namespace

TEST_P(Store, SyntheticCorpusDeduplicatesWithHighPairwiseF1) {
  EventStore store = open("synthetic");
  SyntheticOptions opt;
  opt.incidents = GetParam() == Dialect::kSqlite ? 150 : 60;
  auto corpus = make_synthetic_corpus(opt);
  // In batches of 50, like casus code's chunks.
  for (size_t i = 0; i < corpus.documents.size(); i += 50) {
    std::vector<const doc::Document*> batch;
    for (size_t j = i; j < std::min(i + 50, corpus.documents.size()); ++j) batch.push_back(&corpus.documents[j]);
    ASSERT_TRUE(store.write(batch).is_ok());
  }
  Prf prf = pairwise(store.connection(), corpus);
  EXPECT_GE(prf.f, 0.85) << "P " << prf.p << " R " << prf.r;
}

TEST_P(Store, KilledWriterLosesNothingCommittedAndLeavesNoHalfDocument) {
  const std::string t = target("crash");
  SyntheticOptions opt;
  opt.incidents = GetParam() == Dialect::kSqlite ? 400 : 80;  // PostgreSQL writes are round trips: keep it short
  auto corpus = make_synthetic_corpus(opt);
  { ASSERT_TRUE(EventStore::open(t)); }  // create the schema before the race
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    auto store = EventStore::open(t);
    if (!store) _exit(3);
    for (size_t i = 0; i < corpus.documents.size(); i += 10) {
      std::vector<const doc::Document*> batch;
      for (size_t j = i; j < std::min(i + 10, corpus.documents.size()); ++j) batch.push_back(&corpus.documents[j]);
      if (!store->write(batch).is_ok()) _exit(4);
      uint32_t committed = static_cast<uint32_t>(std::min(i + 10, corpus.documents.size()));
      if (write(fds[1], &committed, sizeof committed) != sizeof committed) _exit(5);
    }
    _exit(0);
  }
  close(fds[1]);
  // Let it commit some batches, then kill it in the middle of the next.
  uint32_t committed = 0, got = 0;
  while (committed < corpus.documents.size() / 3 && read(fds[0], &got, sizeof got) == sizeof got) committed = got;
  ::kill(child, SIGKILL);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  while (read(fds[0], &got, sizeof got) == sizeof got) committed = got;  // acknowledged before the kill landed
  close(fds[0]);
  ASSERT_GT(committed, 0u);
  ASSERT_LT(committed, corpus.documents.size()) << "the writer finished before it was killed";

  auto store = EventStore::open(t);
  ASSERT_TRUE(store) << store.status().to_string();
  Connection& c = store->connection();
  if (c.dialect() == Dialect::kSqlite) {
    auto ok = c.scalar("PRAGMA integrity_check");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->as_text(), "ok");
  }
  // Nothing committed was lost, and every stored document is whole.
  const int64_t docs = store->stats()->documents;
  EXPECT_GE(docs, static_cast<int64_t>(committed));
  std::map<std::string, size_t> expected_events;
  for (const auto& d : corpus.documents) expected_events[d.meta.id] = d.events.size();
  size_t checked = 0;
  ASSERT_TRUE(c.run("SELECT d.doc_id, d.n_sentences, (SELECT count(*) FROM sentences s WHERE s.document = d.id), "
                    "(SELECT count(*) FROM events e WHERE e.document = d.id) FROM documents d",
                    {},
                    [&](const Row& r) {
                      ++checked;
                      EXPECT_EQ(r[1].as_int(), r[2].as_int()) << r[0].as_text();
                      EXPECT_EQ(static_cast<size_t>(r[3].as_int()), expected_events[r[0].as_text()]) << r[0].as_text();
                      return true;
                    })
                  .is_ok());
  EXPECT_EQ(checked, static_cast<size_t>(docs));
  EXPECT_EQ(count(c, "SELECT count(*) FROM events e WHERE NOT EXISTS "
                     "(SELECT 1 FROM incident_reports r WHERE r.event = e.id) AND e.aux IS NULL"),
            0);
  // Running the whole ingest again completes the store (re-coding replaces, never duplicates).
  for (size_t i = 0; i < corpus.documents.size(); i += 100) {
    std::vector<const doc::Document*> batch;
    for (size_t j = i; j < std::min(i + 100, corpus.documents.size()); ++j) batch.push_back(&corpus.documents[j]);
    ASSERT_TRUE(store->write(batch).is_ok());
  }
  size_t total_events = 0;
  for (const auto& d : corpus.documents) total_events += d.events.size();
  EXPECT_EQ(store->stats()->documents, static_cast<int64_t>(corpus.documents.size()));
  EXPECT_EQ(store->stats()->events, static_cast<int64_t>(total_events));
}

INSTANTIATE_TEST_SUITE_P(Backends, Store, ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& info) { return info.param == Dialect::kSqlite ? "Sqlite" : "Postgres"; });

// The same corpus in both backends gives byte-identical query output for every filter and format.
TEST(StoreDifferential, SqliteAndPostgresAnswerEveryQueryIdentically) {
  if (!PgTestServer::instance().available())
    GTEST_SKIP() << "PostgreSQL tests skipped: " << PgTestServer::instance().reason();
  SyntheticOptions opt;
  opt.incidents = 40;
  opt.seed = 7;
  auto corpus = make_synthetic_corpus(opt);
  auto kyiv = kyiv_reports();
  auto sqlite = EventStore::open(temp_db("diff"));
  auto pg = EventStore::open(PgTestServer::instance().fresh_database("t_diff"));
  ASSERT_TRUE(sqlite && pg);
  for (EventStore* s : {&sqlite.value(), &pg.value()}) {
    for (size_t i = 0; i < corpus.documents.size(); i += 40) {
      std::vector<const doc::Document*> batch;
      for (size_t j = i; j < std::min(i + 40, corpus.documents.size()); ++j) batch.push_back(&corpus.documents[j]);
      ASSERT_TRUE(s->write(batch).is_ok());
    }
    ASSERT_TRUE(s->write(ptrs(kyiv)).is_ok());
  }
  std::vector<QueryOptions> queries(12);
  queries[1].actor = "mil:RUS";
  queries[2].either = "USA";
  queries[3].category = "assault";
  queries[3].date_from = "2021-01-01";
  queries[3].date_to = "2021-12-31";
  queries[4].country = "UKR";
  queries[5].source = "Harbor Times";
  queries[6].anonymous_only = true;
  queries[7].text = "killing people";
  queries[8].aux = "none";
  queries[8].mode = "aerial";
  queries[9].recipient = "State of SYR";
  queries[10].limit = 25;
  queries[11].category = "AGREE";
  size_t nonempty = 0;
  for (const OutputFormat f : {OutputFormat::kJsonl, OutputFormat::kCsv, OutputFormat::kTsv}) {
    for (bool incidents : {false, true}) {
      for (QueryOptions q : queries) {
        q.format = f;
        q.incidents = incidents;
        std::string a = query(*sqlite, q), b = query(*pg, q);
        if (a != b) {
          size_t at = 0;
          while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
          size_t line = a.rfind('\n', at) == std::string::npos ? 0 : a.rfind('\n', at) + 1;
          ADD_FAILURE() << "format " << int(f) << " incidents " << incidents << " actor " << q.actor << " category "
                        << q.category << " text " << q.text << "\nsqlite:   " << a.substr(line, 400)
                        << "\npostgres: " << b.substr(line, 400);
        }
        nonempty += !a.empty();
      }
    }
  }
  EXPECT_GT(nonempty, 40u);
}

}  // namespace casus::store
