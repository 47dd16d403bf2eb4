#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>

#include "casus/kb/knowledge_base.h"
#include "casus/kb/unknown.h"

#include <sqlite3.h>

namespace casus::kb {
namespace {

namespace fs = std::filesystem;

using Rows = std::vector<std::vector<std::string>>;

void write_tsv(const fs::path& path, const std::vector<std::string>& header, const Rows& rows,
               const std::string& first_line = "# schema_version: 1") {
  fs::create_directories(path.parent_path());
  std::ofstream out(path);
  out << first_line << "\n# test fixture\n";
  auto line = [&](const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) out << (i ? "\t" : "") << cells[i];
    out << "\n";
  };
  line(header);
  for (const auto& r : rows) line(r);
}

const std::vector<std::string> kCountryCols = {"id",       "iso3",     "iso2",   "name",   "aliases",
                                               "demonyms", "capital", "metonyms", "status", "checked"};
const std::vector<std::string> kPlaceCols = {"id", "name", "aliases", "kind", "country", "admin1", "lat", "lon", "checked"};
const std::vector<std::string> kAgentCols = {"id", "nouns", "type", "description"};
const std::vector<std::string> kPeopleCols = {"id", "name", "aliases", "country", "born", "died", "description", "checked"};
const std::vector<std::string> kRoleCols = {"person", "role", "org", "title", "start", "end", "checked"};
const std::vector<std::string> kOrgCols = {"id", "name", "aliases", "kind", "type", "country", "parent",
                                           "sponsors", "start", "end", "description", "checked"};
const std::vector<std::string> kAllianceCols = {"id", "name", "aliases", "kind", "start", "end", "description", "checked"};
const std::vector<std::string> kMemberCols = {"alliance", "member", "start", "end", "role", "checked"};

// A small, self-written KB: enough states, people, roles and groups for time-aware tests.
fs::path good_fixture() {
  fs::path dir = fs::temp_directory_path() / ("casus_kb_good_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_tsv(dir / "countries.tsv", kCountryCols,
            {{"country:IRN", "IRN", "IR", "Iran", "Islamic Republic of Iran|Persia", "Iranian|Iranians", "Tehran",
              "Tehran|Teheran", "un_member", "iso-codes"},
             {"country:ISR", "ISR", "IL", "Israel", "", "Israeli|Israelis", "Jerusalem", "Jerusalem", "un_member", ""},
             {"country:LBN", "LBN", "LB", "Lebanon", "", "Lebanese", "Beirut", "Beirut", "un_member", ""},
             {"country:TUR", "TUR", "TR", "Turkey", "Türkiye", "Turkish|Turks", "Ankara", "Ankara", "un_member", ""},
             {"country:USA", "USA", "US", "United States", "US|U.S.|America|United States of America",
              "American|Americans", "Washington", "Washington|White House", "un_member", ""}});
  write_tsv(dir / "places.tsv", kPlaceCols,
            {{"place:khan_younis", "Khan Younis", "Khan Yunis", "city", "", "Gaza Strip", "31.34", "34.31", "geonames"},
             {"place:bab_el_mandeb", "Bab el-Mandeb", "Bab al-Mandab", "strait", "", "", "12.58", "43.33", ""},
             {"place:sanaa", "Sanaa", "Sana'a", "city", "", "", "15.35", "44.21", ""}});
  write_tsv(dir / "agents.tsv", kAgentCols,
            {{"agent:troops", "troops|troop|soldiers", "MIL", "ground forces"},
             {"agent:militias", "militias|militia", "REB", "militias"},
             {"agent:officials", "officials|official", "GOV", "officials"},
             {"agent:fighters", "fighters|fighter", "REB", "fighters"}});
  write_tsv(dir / "organizations.tsv", kOrgCols,
            {{"org:hezbollah", "Hezbollah", "Hizbollah|Hizballah", "armed_group", "REB", "LBN", "", "country:IRN", "1982",
              "", "Lebanese Shia armed group and party", "search"},
             {"org:hamas", "Hamas", "HAMAS", "armed_group", "REB", "", "", "country:IRN", "1987", "", "", ""},
             {"org:rsf", "Rapid Support Forces", "RSF", "armed_group", "REB", "", "", "", "2013", "", "", ""},
             {"org:nato", "NATO", "North Atlantic Treaty Organization", "igo", "IGO", "", "", "", "1949", "", "", ""}});
  write_tsv(dir / "alliances.tsv", kAllianceCols,
            {{"alliance:axis_of_resistance", "Axis of Resistance", "", "axis", "", "", "", ""}});
  write_tsv(dir / "alliance_members.tsv", kMemberCols,
            {{"alliance:axis_of_resistance", "country:IRN", "", "", "leader", ""},
             {"alliance:axis_of_resistance", "org:hezbollah", "1982", "", "member", ""}});
  write_tsv(dir / "people.tsv", kPeopleCols,
            {{"person:ali_khamenei", "Ali Khamenei", "Khamenei|Ayatollah Khamenei", "IRN", "1939", "", "", ""},
             {"person:hassan_nasrallah", "Hassan Nasrallah", "Nasrallah", "LBN", "1960", "2024-09-27", "", ""},
             {"person:naim_qassem", "Naim Qassem", "Qassem", "LBN", "1953", "", "", ""},
             {"person:hossein_amir_abdollahian", "Hossein Amir-Abdollahian", "Amir-Abdollahian", "IRN", "1964",
              "2024-05-19", "", ""},
             {"person:abbas_araghchi", "Abbas Araghchi", "Araghchi", "IRN", "1962", "", "", ""},
             {"person:lloyd_austin", "Lloyd Austin", "Austin", "USA", "1953", "", "", ""}});
  write_tsv(dir / "roles.tsv", kRoleCols,
            {{"person:ali_khamenei", "supreme_leader", "country:IRN", "Supreme Leader", "1989-06-04", "", ""},
             {"person:hassan_nasrallah", "group_leader", "org:hezbollah", "Secretary-General", "1992-02-16",
              "2024-09-27", ""},
             {"person:naim_qassem", "group_leader", "org:hezbollah", "Secretary-General", "2024-10-29", "", ""},
             {"person:hossein_amir_abdollahian", "foreign_minister", "country:IRN", "Foreign Minister", "2021-08-25",
              "2024-05-19", ""},
             {"person:abbas_araghchi", "foreign_minister", "country:IRN", "Foreign Minister", "2024-08-21", "", ""},
             {"person:lloyd_austin", "defence_minister", "country:USA", "Secretary of Defense", "2021-01-22",
              "2025-01-20", ""}});
  return dir;
}

Date D(const char* s) { return *Date::parse(s); }

class KbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(good_fixture());
    auto r = KnowledgeBase::load(dir_->string());
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    kb_ = new KnowledgeBase(std::move(r.value()));
  }
  static void TearDownTestSuite() {
    delete kb_;
    fs::remove_all(*dir_);
    delete dir_;
  }
  static fs::path* dir_;
  static KnowledgeBase* kb_;
};
fs::path* KbTest::dir_ = nullptr;
KnowledgeBase* KbTest::kb_ = nullptr;

TEST_F(KbTest, LoadsEntriesAndRoles) {
  EXPECT_EQ(kb_->entries().size(), 5u + 3 + 4 + 4 + 1 + 6);
  EXPECT_EQ(kb_->roles().size(), 6u);
  ASSERT_NE(kb_->country("IRN"), nullptr);
  EXPECT_EQ(kb_->country("IRN")->demonyms.size(), 2u);
  EXPECT_TRUE(KnowledgeBase::check(dir_->string()).errors() == 0);
}

TEST_F(KbTest, ResolvesNamesAliasesDemonyms) {
  auto r = kb_->resolve("Iranian", D("2024-01-01"));
  EXPECT_EQ(r.kb_id, "country:IRN");
  EXPECT_EQ(r.type, "GOV");
  EXPECT_EQ(r.via, "demonym");
  EXPECT_EQ(kb_->resolve("Hizballah", D("2024-01-01")).kb_id, "org:hezbollah");
  EXPECT_EQ(kb_->resolve("the Türkiye", D("2024-01-01")).kb_id, "country:TUR");
  EXPECT_EQ(kb_->resolve("Khan Yunis", D("2024-01-01")).kb_id, "place:khan_younis");
  EXPECT_EQ(kb_->resolve("Bab al-Mandab", D("2024-01-01")).kb_id, "place:bab_el_mandeb");
  EXPECT_EQ(kb_->resolve("Sana’a", D("2024-01-01")).kb_id, "place:sanaa");
  // Metonym: the capital stands for the government.
  auto w = kb_->resolve("Washington", D("2024-01-01"));
  EXPECT_EQ(w.kb_id, "country:USA");
  EXPECT_EQ(w.via, "metonym");
  EXPECT_FALSE(kb_->resolve("Atlantis", D("2024-01-01")).found());
}

TEST_F(KbTest, AcronymsAreCaseSensitive) {
  EXPECT_EQ(kb_->resolve("RSF", D("2024-01-01")).kb_id, "org:rsf");
  EXPECT_FALSE(kb_->resolve("rsf", D("2024-01-01")).found());
  EXPECT_EQ(kb_->resolve("US", D("2024-01-01")).kb_id, "country:USA");
  EXPECT_FALSE(kb_->resolve("us", D("2024-01-01")).found());
  // Capitalised names do not match lower-case words; headline capitals still match.
  EXPECT_FALSE(kb_->resolve("turkey", D("2024-01-01")).found());
  EXPECT_EQ(kb_->resolve("TURKEY", D("2024-01-01")).kb_id, "country:TUR");
  EXPECT_EQ(kb_->resolve("hezbollah", D("2024-01-01")).kb_id, "");  // lower-case name: not a match
}

// A giant noun phrase (a run-on line of text) resolves as a short one would, looking only at the heads and tails
// an alias can match (the KB's longest alias bounds them), so its cost stays linear in its length.
TEST_F(KbTest, LongPhrasesResolveByTheirEnds) {
  std::string filler;
  for (int i = 0; i < 20000; ++i) filler += "village ";
  EXPECT_EQ(kb_->resolve(filler + "Ali Khamenei", D("2024-01-01")).kb_id, "person:ali_khamenei");
  EXPECT_FALSE(kb_->resolve(filler + "village", D("2024-01-01")).found());
  EXPECT_GE(kb_->matcher().max_words(), 2u);
}

TEST_F(KbTest, TimeAwareRoles) {
  // A minister who left office.
  auto before = kb_->resolve("the Iranian foreign minister", D("2023-06-01"));
  EXPECT_EQ(before.kb_id, "person:hossein_amir_abdollahian");
  EXPECT_EQ(before.role_title, "Foreign Minister of Iran");
  auto after = kb_->resolve("Iran's foreign minister", D("2024-10-01"));
  EXPECT_EQ(after.kb_id, "person:abbas_araghchi");
  // A leader who died: his role ends, the successor's starts.
  EXPECT_EQ(kb_->resolve("Hezbollah leader", D("2023-01-01")).kb_id, "person:hassan_nasrallah");
  EXPECT_EQ(kb_->resolve("Hezbollah leader", D("2025-01-01")).kb_id, "person:naim_qassem");
  auto gone = kb_->resolve("Nasrallah", D("2025-01-01"));
  EXPECT_EQ(gone.kb_id, "person:hassan_nasrallah");
  EXPECT_EQ(gone.role, nullptr);
  EXPECT_EQ(gone.type, "");
  auto alive = kb_->resolve("Nasrallah", D("2020-01-01"));
  EXPECT_EQ(alive.type, "REB");
  EXPECT_EQ(alive.role_title, "Secretary-General of Hezbollah");
  EXPECT_EQ(kb_->resolve("Iran's supreme leader", D("2024-01-01")).kb_id, "person:ali_khamenei");
  EXPECT_EQ(kb_->resolve("the US defense secretary", D("2024-01-01")).kb_id, "person:lloyd_austin");
  EXPECT_EQ(kb_->resolve("the US defense secretary", D("2025-06-01")).kb_id, "country:USA");  // office unfilled in KB
  EXPECT_EQ(kb_->resolve("Iranian Foreign Minister Abbas Araghchi", D("2024-10-01")).kb_id, "person:abbas_araghchi");
  EXPECT_EQ(kb_->holders("foreign_minister", "country:IRN", D("2024-06-01")).size(), 0u);  // the gap between terms
}

TEST_F(KbTest, AgentOrTitleOfActor) {
  // "<agent> of <actor>" reads as "<actor> <agent>".
  auto r = kb_->resolve("the troops of Israel", D("2024-01-01"));
  EXPECT_EQ(r.kb_id, "agent:troops");
  EXPECT_EQ(r.country, "ISR");
  // Titles are not read this way ("Former head of Egypt's federation" in a capitalised run).
  EXPECT_FALSE(kb_->resolve("head of Egypt", D("2024-01-01")).found());
  // Not when what follows "of" is no actor's whole name.
  EXPECT_FALSE(kb_->resolve("troops of the region", D("2024-01-01")).found());
}

TEST_F(KbTest, DemonymAndAgentCombine) {
  auto r = kb_->resolve("Israeli troops", D("2024-01-01"));
  EXPECT_EQ(r.kb_id, "agent:troops");
  EXPECT_EQ(r.country, "ISR");
  EXPECT_EQ(r.type, "MIL");
  auto m = kb_->resolve("Iran-backed militias", D("2024-01-01"));
  EXPECT_EQ(m.kb_id, "agent:militias");
  EXPECT_EQ(m.type, "REB");
  EXPECT_EQ(m.sponsor, "country:IRN");
  EXPECT_EQ(m.country, "");
  auto o = kb_->resolve("Lebanese officials", D("2024-01-01"));
  EXPECT_EQ(o.country, "LBN");
  EXPECT_EQ(o.type, "GOV");
  auto hb = kb_->resolve("Iran-backed Hezbollah", D("2024-01-01"));
  EXPECT_EQ(hb.kb_id, "org:hezbollah");
  EXPECT_EQ(hb.sponsor, "country:IRN");
  EXPECT_EQ(kb_->resolve("Lebanon's Hezbollah", D("2024-01-01")).kb_id, "org:hezbollah");
  auto h = kb_->resolve("Hezbollah fighters", D("2024-01-01"));
  EXPECT_EQ(h.kb_id, "org:hezbollah");
  EXPECT_EQ(h.type, "REB");
}

TEST_F(KbTest, AllianceMembershipAtDate) {
  EXPECT_TRUE(kb_->is_member("alliance:axis_of_resistance", "org:hezbollah", D("2020-01-01")));
  EXPECT_FALSE(kb_->is_member("alliance:axis_of_resistance", "org:hezbollah", D("1979-01-01")));
  EXPECT_FALSE(kb_->is_member("alliance:axis_of_resistance", "org:hamas", D("2020-01-01")));
}

TEST_F(KbTest, MatcherFindsLongestMentionsInText) {
  auto ms = kb_->find_mentions("Iran-backed militias attacked Israeli troops near Khan Younis, the U.S. said.");
  std::vector<std::string> got;
  for (const auto& m : ms) got.push_back(kb_->entries()[m.candidates.front().entry].id);
  std::vector<std::string> want = {"country:IRN", "agent:militias", "country:ISR", "agent:troops",
                                   "place:khan_younis", "country:USA"};
  EXPECT_EQ(got, want);
  // Longest match wins over a shorter prefix: "United States of America" is one mention.
  auto us = kb_->find_mentions("The United States of America and Iran's leader");
  ASSERT_EQ(us.size(), 2u);
  EXPECT_EQ(us[0].end - us[0].begin, 4u);
  EXPECT_TRUE(us[1].possessive);
}

TEST_F(KbTest, FindsMentionsInTokenizedDocument) {
  // Tokens as the segmenter makes them: possessive 's and punctuation separate, "Iran-backed" one token.
  doc::Document d;
  d.text = "Iran's Iran-backed militias hit Khan Younis.";
  auto tok = [&](uint32_t b, uint32_t e, bool space) {
    d.tokens.add(b, e, b, e, d.strings.intern(std::string_view(d.text).substr(b, e - b)), space);
  };
  tok(0, 4, false);   // Iran
  tok(4, 6, true);    // 's
  tok(7, 18, true);   // Iran-backed
  tok(19, 27, true);  // militias
  tok(28, 31, true);  // hit
  tok(32, 36, true);  // Khan
  tok(37, 43, false); // Younis
  tok(43, 44, false); // .
  d.sentences.add(0, 8, 0);
  auto ms = kb_->find_mentions(d, 0);
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(kb_->entries()[ms[0].candidates[0].entry].id, "country:IRN");
  EXPECT_TRUE(ms[0].possessive);
  EXPECT_EQ(ms[0].end, 1u);  // the span is the name; the separate 's token is not part of it
  EXPECT_EQ(ms[1].begin, 2u);  // "Iran" inside "Iran-backed"
  EXPECT_EQ(ms[1].end_byte, 11u);
  EXPECT_EQ(kb_->entries()[ms[2].candidates[0].entry].id, "agent:militias");
  EXPECT_EQ(kb_->entries()[ms[3].candidates[0].entry].id, "place:khan_younis");
  EXPECT_EQ(ms[3].begin, 5u);
  EXPECT_EQ(ms[3].end, 7u);
}

TEST_F(KbTest, UnknownNamesFromStore) {
  fs::path db = *dir_ / "store.sqlite";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  const char* sql =
      "CREATE TABLE mentions(doc_id TEXT, sentence INTEGER, text TEXT, kb_id TEXT, entity_type TEXT);"
      "CREATE TABLE sentences(doc_id TEXT, sentence INTEGER, text TEXT);"
      "INSERT INTO sentences VALUES('d1',0,'Zorvan Brigade fighters attacked a checkpoint.');"
      "INSERT INTO sentences VALUES('d2',3,'The Zorvan Brigade denied it.');"
      "INSERT INTO mentions VALUES('d1',0,'Zorvan Brigade',NULL,NULL);"
      "INSERT INTO mentions VALUES('d2',3,'Zorvan Brigade','',NULL);"
      "INSERT INTO mentions VALUES('d2',3,'Hezbollah',NULL,NULL);"  // resolvable now: skipped
      "INSERT INTO mentions VALUES('d1',0,'checkpoint',NULL,NULL);"  // not a proper name
      "INSERT INTO mentions VALUES('d1',0,'Hamas','org:hamas','REB');";
  ASSERT_EQ(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto names = unknown_names(db.string(), 10, 2, kb_);
  ASSERT_TRUE(names.is_ok()) << names.status().to_string();
  ASSERT_EQ(names->size(), 1u);
  EXPECT_EQ((*names)[0].text, "Zorvan Brigade");
  EXPECT_EQ((*names)[0].count, 2);
  EXPECT_EQ((*names)[0].examples.size(), 2u);
  // A database without the mentions table fails with a clear message.
  fs::path empty = *dir_ / "empty.sqlite";
  ASSERT_EQ(sqlite3_open(empty.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE other(x);", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto bad = unknown_names(empty.string(), 10, 2, kb_);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_NE(bad.status().message().find("no `mentions` table"), std::string::npos);
}

TEST(KbLoad, BadFilesNameFileLineColumn) {
  fs::path dir = fs::temp_directory_path() / ("casus_kb_bad_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_tsv(dir / "countries.tsv", kCountryCols,
            {{"country:IRN", "IRN", "IR", "Iran", "", "Iranian", "Tehran", "", "un_member", ""},
             {"country:IRN", "IRN", "IR", "Iran again", "", "", "", "", "un_member", ""}});
  write_tsv(dir / "people.tsv", kPeopleCols,
            {{"person:x_y", "X Y", "", "ZZZ", "1950", "1940", "", ""}, {"Person:Bad", "Bad", "", "", "", "", "", ""}});
  write_tsv(dir / "roles.tsv", kRoleCols,
            {{"person:nobody", "foreign_minister", "country:IRN", "FM", "2020-13-01", "", ""},
             {"person:x_y", "emperor", "country:IRN", "Emperor", "", "", ""}});
  write_tsv(dir / "agents.tsv", kAgentCols, {{"agent:troops", "troops", "XXX"}});
  auto r = KnowledgeBase::load(dir.string());
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("countries.tsv:5:1"), std::string::npos) << r.status().message();
  auto report = KnowledgeBase::check(dir.string());
  std::string all;
  for (const auto& d : report.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("duplicate id \"country:IRN\""), std::string::npos) << all;
  EXPECT_NE(all.find("people.tsv:4:6: error E4004: start 1950 is after end 1940"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown country code \"ZZZ\""), std::string::npos) << all;
  EXPECT_NE(all.find("bad id \"Person:Bad\""), std::string::npos) << all;
  EXPECT_NE(all.find("bad date \"2020-13-01\""), std::string::npos) << all;
  EXPECT_NE(all.find("unknown role \"emperor\""), std::string::npos) << all;
  EXPECT_NE(all.find("unknown person \"person:nobody\""), std::string::npos) << all;
  EXPECT_NE(all.find("agents.tsv:4: error E4001: expected 4 tab-separated columns"), std::string::npos) << all;
  fs::remove_all(dir);
}

TEST(KbLoad, SchemaVersionHeaderAndCollisions) {
  fs::path dir = fs::temp_directory_path() / ("casus_kb_bad2_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_tsv(dir / "places.tsv", kPlaceCols, {}, "# schema_version: 2");
  write_tsv(dir / "agents.tsv", {"id", "noun", "type", "description"}, {});
  write_tsv(dir / "organizations.tsv", kOrgCols,
            {{"org:a", "Alpha Front", "The Front", "armed_group", "REB", "", "", "", "", "", "", ""},
             {"org:b", "Beta Front", "The Front", "armed_group", "REB", "", "", "", "", "", "", ""}});
  auto report = KnowledgeBase::check(dir.string());
  std::string all;
  for (const auto& d : report.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("places.tsv:1: error E4001: unsupported schema_version \"2\""), std::string::npos) << all;
  EXPECT_NE(all.find("agents.tsv:3: error E4001: header does not match"), std::string::npos) << all;
  EXPECT_NE(all.find("alias \"The Front\" names 2 entries"), std::string::npos) << all;
  EXPECT_EQ(report.errors(), 3u) << all;
  // Whitelisting the ambiguity turns the collision off.
  write_tsv(dir / "ambiguous.tsv", {"alias", "ids", "reason"}, {{"The Front", "org:a|org:b", "both call themselves so"}});
  EXPECT_EQ(KnowledgeBase::check(dir.string()).errors(), 2u);
  fs::remove_all(dir);
}

// A group that became a government: its type is read at the date, and bad periods are reported with their cell.
TEST(KbLoad, OrganisationTypeHistory) {
  fs::path dir = fs::temp_directory_path() / ("casus_kb_types_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  write_tsv(dir / "organizations.tsv", kOrgCols,
            {{"org:north_front", "Northern Front", "", "armed_group", "REB:2001/2019-06-30|GOV:2019-07-01/", "", "", "",
              "2001", "", "insurgents, then the government", ""}});
  auto kb = KnowledgeBase::load(dir.string());
  ASSERT_TRUE(kb.is_ok()) << kb.status().to_string();
  const Entry* e = kb->find_id("org:north_front");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(kb->type_at(*e, D("2010-03-01")), "REB");
  EXPECT_EQ(kb->type_at(*e, D("2019-06-30")), "REB");
  EXPECT_EQ(kb->type_at(*e, D("2019-07-01")), "GOV");
  EXPECT_EQ(kb->type_at(*e, D("1995-01-01")), "GOV");  // before every period: the latest type
  EXPECT_EQ(kb->resolve("Northern Front", D("2015-01-01")).type, "REB");
  write_tsv(dir / "organizations.tsv", kOrgCols,
            {{"org:a", "Alpha", "", "armed_group", "REB:2001/2019|XXX:2020/", "", "", "", "", "", "", ""},
             {"org:b", "Beta", "", "armed_group", "REB:2001/2019|GOV:2018/", "", "", "", "", "", "", ""},
             {"org:c", "Gamma", "", "armed_group", "REB:2001", "", "", "", "", "", "", ""}});
  auto report = KnowledgeBase::check(dir.string());
  std::string all;
  for (const auto& d : report.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("organizations.tsv:4:5: error E4001: unknown actor type code \"XXX\""), std::string::npos) << all;
  EXPECT_NE(all.find("organizations.tsv:5:5: error E4004: type periods must be ordered"), std::string::npos) << all;
  EXPECT_NE(all.find("organizations.tsv:6:5: error E4001: bad type period \"REB:2001\""), std::string::npos) << all;
  fs::remove_all(dir);
}

// The repository's own KB must always pass `casus kb check` (tests run from the repository root).
TEST(KbRepo, RepositoryKbHasNoErrors) {
  ASSERT_TRUE(fs::is_directory("kb")) << "run from the repository root";
  auto report = KnowledgeBase::check("kb");
  std::string errs;
  for (const auto& d : report.diagnostics)
    if (d.severity == Severity::kError) errs += d.to_string() + "\n";
  EXPECT_EQ(report.errors(), 0u) << errs;
  auto kb = KnowledgeBase::load("kb");
  ASSERT_TRUE(kb.is_ok()) << kb.status().to_string();
  EXPECT_GE(kb->entries().size(), 250u);
  EXPECT_EQ(kb->resolve("Lebanese", D("2024-01-01")).kb_id, "country:LBN");
}

}  // namespace
}  // namespace casus::kb
