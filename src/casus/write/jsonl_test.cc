#include "casus/write/jsonl.h"

#include <gtest/gtest.h>

namespace casus::write {

TEST(Jsonl, EventRecordFollowsTheContract) {
  doc::Document d;
  d.text = "Yemen’s Houthis launched drones at Israel.";
  d.meta.id = "demo-1";
  d.meta.published = Date::ymd(2023, 11, 16);
  d.tokens.add(0, 5, 0, 5, d.strings.intern("Yemen"), false);
  d.tokens.add(static_cast<uint32_t>(d.text.size()) - 1, static_cast<uint32_t>(d.text.size()), 41, 42,
               d.strings.intern("."), false);
  d.sentences.add(0, 2, 0);
  doc::Event e;
  e.id = "ev1";
  e.category = doc::Plover::kAssault;
  e.mode = "aerial";
  e.context = {"military"};
  e.actor.push_back({"Houthis", 8, 15, "Houthis", "org:houthis", "YEM", "REB"});
  e.recipient.push_back({"Israel", 35, 41, "Israel", "country:ISR", "ISR", "GOV"});
  e.trigger_text = "launched";
  e.trigger_start = 16;
  e.trigger_end = 24;
  e.score = -10;
  e.confidence = 0.8;
  e.rule = "ASSAULT.launch";
  d.events.push_back(e);
  std::string out;
  append_records(d, Emit::kEvents, out);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["type"], "event");
  EXPECT_EQ(j["doc"], "demo-1");
  EXPECT_EQ(j["published"], "2023-11-16");
  EXPECT_EQ(j["text"], d.text);
  EXPECT_EQ(j["event"], "ASSAULT");
  EXPECT_TRUE(j["aux"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["attribution"].is_null());
  EXPECT_EQ(j["actor"][0]["kb_id"], "org:houthis");
  EXPECT_EQ(j["trigger"]["start"], 16);
  // Every field of the contract is present, in order.
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  for (const char* k : {"type", "id", "doc", "published", "sentence", "text", "event", "mode", "context", "aux",
                        "actor", "recipient", "trigger", "date", "date_text", "location", "attribution",
                        "fatalities", "score", "confidence", "rule"})
    EXPECT_NE(std::find(keys.begin(), keys.end(), k), keys.end()) << k;
  // A stated place carries no "inferred" key; a place implied by the parties says so, with empty text.
  EXPECT_TRUE(j["location"].is_null());
  d.events[0].location = doc::Place{"Israel", "Israel", "ISR", "", std::nullopt, std::nullopt};
  out.clear();
  append_records(d, Emit::kEvents, out);
  EXPECT_FALSE(nlohmann::json::parse(out)["location"].contains("inferred"));
  d.events[0].location = doc::Place{"", "Israel", "ISR", "", std::nullopt, std::nullopt, true};
  out.clear();
  append_records(d, Emit::kEvents, out);
  auto implied = nlohmann::json::parse(out)["location"];
  EXPECT_EQ(implied["inferred"], true);
  EXPECT_EQ(implied["text"], "");
  EXPECT_EQ(implied["country"], "ISR");
}

TEST(Jsonl, AllEmitsDocumentQuotesMentionsAndSurvivesBadBytes) {
  doc::Document d;
  d.text = "bad \xff byte";
  d.meta.id = "x";
  d.quotes.push_back({});
  d.mentions.push_back({});
  std::string out;
  append_records(d, Emit::kAll, out);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
  auto first = nlohmann::json::parse(out.substr(0, out.find('\n')));
  EXPECT_EQ(first["type"], "document");
  EXPECT_TRUE(first["published"].is_null());
}

}  // namespace casus::write
