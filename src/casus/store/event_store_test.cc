#include "casus/store/event_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "casus/store/schema.h"

namespace casus::store {

namespace {
std::string temp_db(const char* name) {
  auto dir = std::filesystem::temp_directory_path() / "casus_store_test";
  std::filesystem::create_directories(dir);
  auto path = dir / (std::string(name) + std::to_string(::getpid()) + ".sqlite");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
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

int64_t count(EventStore& s, const char* sql) {
  auto q = s.database().prepare(sql);
  EXPECT_TRUE(q);
  EXPECT_TRUE(q->step());
  return q->int64(0);
}
}  // namespace

TEST(EventStore, RecodingReplacesNeverDuplicates) {
  auto path = temp_db("replace");
  auto store = EventStore::open(path);
  ASSERT_TRUE(store) << store.status().to_string();
  ASSERT_TRUE(store->write(make_doc("a", 1, 3)).is_ok());
  ASSERT_TRUE(store->write(make_doc("b", 2, 1)).is_ok());
  ASSERT_TRUE(store->write(make_doc("a", 1, 2)).is_ok());  // same content re-coded with a newer lexicon
  auto st = store->stats();
  ASSERT_TRUE(st);
  EXPECT_EQ(st->documents, 2);
  EXPECT_EQ(st->events, 3);
  EXPECT_EQ(count(*store, "SELECT count(*) FROM event_actors"), 6);
  EXPECT_EQ(count(*store, "SELECT count(*) FROM events WHERE date_start = '2024-01-11' AND date_end = '2024-01-12'"), 3);
  // Same content under another id is the same document.
  ASSERT_TRUE(store->write(make_doc("a-copy", 1, 1)).is_ok());
  EXPECT_EQ(store->stats()->documents, 2);
}

TEST(EventStore, ReopensAndRefusesNewerSchema) {
  auto path = temp_db("schema");
  {
    auto store = EventStore::open(path);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->write(make_doc("a", 1, 1)).is_ok());
  }
  {
    auto store = EventStore::open(path);
    ASSERT_TRUE(store);
    EXPECT_EQ(store->stats()->events, 1);
    EXPECT_EQ(schema_version(store->database()), kSchemaVersion);
    ASSERT_TRUE(store->database().exec("PRAGMA user_version = 99").is_ok());
  }
  auto again = EventStore::open(path);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.status().code(), Code::kStoreSchema);
}

TEST(EventStore, FailedBatchKeepsNothing) {
  auto path = temp_db("batch");
  auto store = EventStore::open(path);
  ASSERT_TRUE(store);
  doc::Document good = make_doc("good", 10, 1);
  doc::Document clash = make_doc("clash", 11, 1);
  clash.events[0].id = good.events[0].id;  // duplicate event id across documents → constraint replaced, not failed
  ASSERT_TRUE(store->write({&good, &clash}).is_ok());
  EXPECT_EQ(store->stats()->documents, 2);
  // A statement failure inside the batch rolls everything back.
  ASSERT_TRUE(store->database().exec("CREATE TRIGGER no_bad BEFORE INSERT ON documents WHEN NEW.doc_id = 'bad' "
                                     "BEGIN SELECT RAISE(ABORT, 'refused'); END").is_ok());
  doc::Document ok2 = make_doc("ok2", 12, 1), bad = make_doc("bad", 13, 1);
  Status s = store->write({&ok2, &bad});
  EXPECT_FALSE(s.is_ok());
  EXPECT_NE(s.message().find("bad"), std::string::npos);
  EXPECT_EQ(store->stats()->documents, 2);
}

}  // namespace casus::store
