// Tests of the analysis layer over small generated stores (synthetic.h) and hand-written ones.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>

#include "casus/analysis/alerts.h"
#include "casus/analysis/fronts.h"
#include "casus/analysis/network.h"
#include "casus/analysis/series.h"
#include "casus/analysis/synthetic.h"
#include "casus/store/event_store.h"
#include "casus/util/hash.h"

namespace casus::analysis {
namespace {

namespace fs = std::filesystem;

std::string temp_path(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("casus_analysis_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return (dir / name).string();
}

// One store and one KB for the whole suite: both take a moment to build.
class AnalysisTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto k = kb::KnowledgeBase::load("kb");
    ASSERT_TRUE(k) << k.status().to_string();
    kb_ = new kb::KnowledgeBase(std::move(k.value()));
    path_ = new std::string(temp_path("synthetic.sqlite"));
    fs::remove(*path_);
    SyntheticStoreOptions opt;
    opt.days = 120;
    opt.incidents_per_day = 5;
    auto st = write_synthetic_store(*path_, opt);
    ASSERT_TRUE(st) << st.status().to_string();
    stats_ = new SyntheticStoreStats(*st);
  }
  static void TearDownTestSuite() {
    delete kb_;
    fs::remove_all(fs::path(*path_).parent_path());
    delete path_;
    delete stats_;
  }
  Dataset load(Unit unit) {
    auto c = open_store(*path_);
    EXPECT_TRUE(c) << c.status().to_string();
    LoadOptions o;
    o.unit = unit;
    auto d = load_dataset(**c, o);
    EXPECT_TRUE(d) << d.status().to_string();
    return std::move(d.value());
  }
  static kb::KnowledgeBase* kb_;
  static std::string* path_;
  static SyntheticStoreStats* stats_;
};
kb::KnowledgeBase* AnalysisTest::kb_ = nullptr;
std::string* AnalysisTest::path_ = nullptr;
SyntheticStoreStats* AnalysisTest::stats_ = nullptr;

TEST(Buckets, WeeksStartOnMondayAndMonthsOnTheFirst) {
  int64_t thu = *parse_day("2023-11-16");
  EXPECT_EQ(day_iso(bucket_start(Bucket::kWeek, thu)), "2023-11-13");
  EXPECT_EQ(day_iso(bucket_start(Bucket::kWeek, *parse_day("2023-11-13"))), "2023-11-13");
  EXPECT_EQ(day_iso(bucket_start(Bucket::kWeek, *parse_day("2023-11-19"))), "2023-11-13");
  EXPECT_EQ(day_iso(bucket_start(Bucket::kMonth, thu)), "2023-11-01");
  EXPECT_EQ(day_iso(next_bucket(Bucket::kMonth, *parse_day("2024-02-01"))), "2024-03-01");
  EXPECT_EQ(day_iso(next_bucket(Bucket::kWeek, *parse_day("2023-12-25"))), "2024-01-01");
}

TEST_F(AnalysisTest, IncidentsMergeReportsAndAutoPrefersThem) {
  Dataset reports = load(Unit::kReports);
  Dataset incidents = load(Unit::kAuto);
  EXPECT_EQ(incidents.unit, Unit::kIncidents);
  EXPECT_EQ(static_cast<int64_t>(reports.records.size()) + reports.skipped_undated + reports.skipped_vague,
            stats_->events);
  // Several outlets report most incidents: fewer incidents than reports, and roughly the generated number.
  EXPECT_LT(incidents.records.size(), reports.records.size());
  EXPECT_GT(static_cast<double>(incidents.records.size()), 0.8 * static_cast<double>(stats_->incidents));
  EXPECT_LT(static_cast<double>(incidents.records.size()), 1.3 * static_cast<double>(stats_->incidents));
  for (size_t i = 1; i < incidents.records.size(); ++i)
    ASSERT_LE(incidents.records[i - 1].day, incidents.records[i].day);
}

TEST_F(AnalysisTest, SeriesCountsTheDyadInBothDirectionsAndFillsGaps) {
  Dataset d = load(Unit::kReports);
  Actors actors(kb_, Level::kActor);
  SeriesQuery q;
  q.source = "org:hezbollah";
  q.target = "country:ISR";  // org:idf is a body of Israel: selected too
  q.bucket = Bucket::kWeek;
  Series one_way = compute_series(d, actors, q);
  q.both_ways = true;
  Series both = compute_series(d, actors, q);
  EXPECT_GT(one_way.total, 10);
  EXPECT_GT(both.total, one_way.total);
  // Count by hand.
  int64_t expected = 0;
  for (const auto& r : d.records) {
    bool h_acts = false, i_hit = false;
    for (const auto& p : r.actors) h_acts |= p.kb_id == "org:hezbollah";
    for (const auto& p : r.recipients) i_hit |= p.country == "ISR" && p.kb_id != "";
    expected += h_acts && i_hit;
  }
  EXPECT_EQ(one_way.total, expected);
  int64_t sum = 0;
  for (size_t i = 0; i < both.rows.size(); ++i) {
    sum += both.rows[i].count;
    if (i) {
      EXPECT_EQ(both.rows[i].start - both.rows[i - 1].start, 7);
    }
    EXPECT_LE(both.rows[i].score_sum, 0);  // a war: every record is conflict
  }
  EXPECT_EQ(sum, both.total);
  std::string csv = series_csv(both);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "bucket,start,count,conflict,cooperation,score_sum,score_mean,fatalities,reports");
  std::string svg = series_svg(both, Metric::kCount);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(series_json(both)["rows"].size(), both.rows.size());
}

TEST_F(AnalysisTest, CountryPairSeriesAndCategoryFilter) {
  Dataset d = load(Unit::kIncidents);
  Actors countries(kb_, Level::kCountry);
  SeriesQuery q;
  q.source = "country:RUS";
  q.target = "country:UKR";
  q.both_ways = true;
  q.categories = {doc::Plover::kAssault};
  q.bucket = Bucket::kMonth;
  Series s = compute_series(d, countries, q);
  EXPECT_GT(s.total, 0);
  for (const auto& r : s.rows) EXPECT_EQ(r.cooperation, 0);
  EXPECT_EQ(s.rows.size(), 4u);  // October 2023 .. January 2024
}

TEST_F(AnalysisTest, NetworkHasSignedEdgesCommunitiesAndBalance) {
  Dataset d = load(Unit::kIncidents);
  Actors actors(kb_, Level::kActor);
  Network net = build_network(d, actors, {});
  auto node = [&](const std::string& key) -> const Node* {
    for (const auto& n : net.nodes)
      if (n.key == key) return &n;
    return nullptr;
  };
  auto edge = [&](const std::string& a, const std::string& b) -> const Edge* {
    for (const auto& e : net.edges)
      if ((net.nodes[e.a].key == a && net.nodes[e.b].key == b) || (net.nodes[e.a].key == b && net.nodes[e.b].key == a))
        return &e;
    return nullptr;
  };
  ASSERT_TRUE(node("org:hamas") && node("country:ISR") && node("country:IRN") && node("country:GBR"));
  EXPECT_EQ(node("org:hamas")->name, "Hamas");
  EXPECT_EQ(node("country:ISR")->type, "GOV");
  // "Israeli troops" are Israel; the unidentified gunmen are nobody.
  EXPECT_EQ(node("agent:troops"), nullptr);
  for (const auto& n : net.nodes) EXPECT_FALSE(n.key.empty());
  ASSERT_TRUE(edge("org:hamas", "country:ISR"));
  EXPECT_EQ(edge("org:hamas", "country:ISR")->sign(), -1);
  ASSERT_TRUE(edge("country:USA", "country:GBR"));
  EXPECT_EQ(edge("country:USA", "country:GBR")->sign(), 1);
  EXPECT_EQ(edge("country:IRN", "org:hezbollah")->sign(), 1);
  // Iran and the groups it backs share a community; Russia and Ukraine (only conflict) do not.
  EXPECT_EQ(node("country:IRN")->community, node("org:hezbollah")->community);
  EXPECT_NE(node("country:RUS")->community, node("country:UKR")->community);
  EXPECT_GT(net.balance.triangles, 0);
  EXPECT_EQ(net.balance.triangles, net.balance.ppp + net.balance.ppn + net.balance.pnn + net.balance.nnn);
  // Iran backs Hamas and Hezbollah, both fight Israel: + + − closes nothing unbalanced; the synthetic world is
  // mostly balanced.
  EXPECT_GT(net.balance.share(), 0.5);
  std::string graphml = network_graphml(net), gexf = network_gexf(net);
  EXPECT_NE(graphml.find("<node id=\"org:hamas\">"), std::string::npos);
  EXPECT_NE(gexf.find("label=\"Hamas\""), std::string::npos);
  auto j = network_json(net);
  EXPECT_EQ(j["nodes"].size(), net.nodes.size());
  EXPECT_EQ(j["edges"].size(), net.edges.size());
}

TEST(Balance, CountsTriangleTypes) {
  Network net;
  for (const char* k : {"a", "b", "c", "d"}) net.nodes.push_back({k, k});
  auto add = [&](uint32_t a, uint32_t b, double s) {
    Edge e;
    e.a = a;
    e.b = b;
    e.records = 1;
    e.score_sum = s;
    net.edges.push_back(e);
  };
  add(0, 1, 5);   // a+b
  add(1, 2, -5);  // b-c
  add(0, 2, -5);  // a-c  → abc: + − − balanced
  add(0, 3, 5);
  add(1, 3, -5);  // abd: + + − unbalanced
  Balance b = structural_balance(net);
  EXPECT_EQ(b.triangles, 2);
  EXPECT_EQ(b.balanced, 1);
  EXPECT_EQ(b.pnn, 1);
  EXPECT_EQ(b.ppn, 1);
  detect_communities(net);
  EXPECT_EQ(net.nodes[0].community, net.nodes[1].community);
  EXPECT_NE(net.nodes[0].community, net.nodes[2].community);
}

TEST_F(AnalysisTest, AxisFrontsOpenOneAfterAnotherWithTheirTheatres) {
  Dataset d = load(Unit::kIncidents);
  FrontsOptions opt;
  opt.window_days = 30;
  auto rep = compute_fronts(d, *kb_, "Axis of Resistance", opt);
  ASSERT_TRUE(rep) << rep.status().to_string();
  EXPECT_EQ(rep->coalition_id, "alliance:axis_of_resistance");
  std::map<std::pair<std::string, std::string>, const Front*> by;
  std::set<std::string> theatres;
  for (const auto& f : rep->fronts) {
    by[{f.member, f.adversary}] = &f;
    theatres.insert(f.label);
    EXPECT_FALSE(f.evidence.empty());
    EXPECT_LE(f.first, f.last);
  }
  // The Qassam Brigades fight for Hamas, the IDF and "Israeli troops" for Israel: one dyad.
  ASSERT_TRUE(by.count({"org:hamas", "country:ISR"}));
  EXPECT_EQ(by.count({"org:qassam_brigades", "country:ISR"}), 0u);
  EXPECT_EQ(by[std::make_pair(std::string("org:hamas"), std::string("country:ISR"))]->label, "Gaza Strip");
  ASSERT_TRUE(by.count({"org:hezbollah", "country:ISR"}));
  EXPECT_EQ(by[std::make_pair(std::string("org:hezbollah"), std::string("country:ISR"))]->label, "Lebanon");
  ASSERT_TRUE(by.count({"org:kataib_hezbollah", "country:USA"}));
  EXPECT_EQ(by[std::make_pair(std::string("org:kataib_hezbollah"), std::string("country:USA"))]->label, "Iraq/Syria");
  ASSERT_TRUE(by.count({"org:houthis", "country:USA"}));
  EXPECT_EQ(by[std::make_pair(std::string("org:houthis"), std::string("country:USA"))]->label, "Red Sea/Yemen");
  // Russia's war is not the coalition's.
  for (const auto& f : rep->fronts) EXPECT_NE(f.adversary, "country:UKR");
  EXPECT_EQ(rep->peak_fronts, 4);
  ASSERT_TRUE(rep->first_multi_front.has_value());
  // Gaza opens at 5% of 120 days (day 6), Lebanon at 7% (day 9): the second theatre makes it multi-front.
  EXPECT_GE(*rep->first_multi_front, 19631 + 8);
  EXPECT_LE(*rep->first_multi_front, 19631 + 12);
  // Iran backs its members but never fights.
  bool iran = false;
  for (const auto& s : rep->stances)
    if (s.member == "country:IRN") {
      iran = true;
      EXPECT_TRUE(s.supports_without_fighting());
    } else if (s.member == "org:hezbollah") {
      EXPECT_FALSE(s.supports_without_fighting());
      EXPECT_GT(s.fights, 0);
    }
  EXPECT_TRUE(iran);
  auto j = fronts_json(*rep);
  EXPECT_EQ(j["coalition"], "Axis of Resistance");
  EXPECT_TRUE(j["first_multi_front"].is_string());
  EXPECT_EQ(j["peak"]["fronts"], 4);
  EXPECT_TRUE(j["fronts"][0].contains("evidence"));
  std::string table = fronts_table(*rep);
  EXPECT_NE(table.find("Support without intervention"), std::string::npos);
  EXPECT_NE(table.find("Iran"), std::string::npos);
}

TEST_F(AnalysisTest, FrontsBeforeTheSecondFrontAreNotMulti) {
  Dataset d = load(Unit::kIncidents);
  FrontsOptions opt;
  opt.to_day = 19631 + 7;  // only Gaza is open
  auto rep = compute_fronts(d, *kb_, "alliance:axis_of_resistance", opt);
  ASSERT_TRUE(rep);
  EXPECT_FALSE(rep->first_multi_front.has_value());
  EXPECT_LE(rep->peak_fronts, 1);
  EXPECT_FALSE(compute_fronts(d, *kb_, "Axis of Nothing", opt));
  auto nato = find_coalition(*kb_, "North Atlantic Treaty Organization");
  ASSERT_TRUE(nato) << nato.status().to_string();
  EXPECT_EQ((*nato)->id, "alliance:nato");
  EXPECT_EQ((*find_coalition(*kb_, "resistance axis"))->id, "alliance:axis_of_resistance");
}

// Labels when the records name only the adversary's territory, and civilians of a member state.
TEST(Fronts, MemberHomeNamesFrontsFoughtOnAdversaryTerritory) {
  auto k = kb::KnowledgeBase::load("kb");
  ASSERT_TRUE(k);
  Dataset d;
  auto add = [&](const char* id, const char* day, Party a, Party b, const char* place, const char* country) {
    Record r;
    r.id = id;
    r.day = r.last_day = *parse_day(day);
    r.category = doc::Plover::kAssault;
    r.score = -10;
    r.place = place;
    r.place_country = country;
    r.actors = {std::move(a)};
    r.recipients = {std::move(b)};
    d.records.push_back(std::move(r));
  };
  Party hamas{"org:hamas", "Hamas", "PSE", "REB", "Gunmen from Hamas"};
  Party iran{"country:IRN", "Iran", "IRN", "GOV", "Iran"};
  Party israel{"country:ISR", "Israel", "ISR", "GOV", "Israel"};
  Party children{"agent:children", "children", "SYR", "CVL", "12 children"};
  add("1", "2023-10-07", hamas, israel, "southern Israel", "ISR");
  add("2", "2024-04-13", iran, israel, "Israel", "ISR");
  add("3", "2024-07-27", israel, children, "Golan Heights", "SYR");
  auto rep = compute_fronts(d, *k, "Axis of Resistance", FrontsOptions{});
  ASSERT_TRUE(rep) << rep.status().to_string();
  std::map<std::string, std::string> label;
  for (const auto& f : rep->fronts) label[f.member] = f.label;
  EXPECT_EQ(label["org:hamas"], "Palestine");
  EXPECT_EQ(label["country:IRN"], "Iran");
  // Children killed in the Golan do not make Syria, a member until December 2024, a party to the war.
  EXPECT_EQ(label.count("country:SYR"), 0u);
  EXPECT_EQ(rep->fronts.size(), 2u);
}

// Which sides are actors: KB actors are themselves, agents and places their state, unresolved phrases nobody even
// when the coder gave them a country (the place's: "two sites" struck in Syria are not the Syrian state).
TEST(ActorKeys, AgentsAndPlacesAreTheirStateUnresolvedPhrasesNobody) {
  Actors actors(nullptr, Level::kActor);
  Actors countries(nullptr, Level::kCountry);
  int64_t day = *parse_day("2024-01-10");
  Party hezbollah{"org:hezbollah", "Hezbollah", "LBN", "REB", "Hezbollah"};
  Party troops{"agent:troops", "troops", "ISR", "MIL", "Israeli troops"};
  Party dnipro{"place:dnipro", "Dnipro", "UKR", "", "Dnipro"};
  Party sites{"", "", "SYR", "", "two sites"};
  Party proxies{"", "", "IRN", "", "Iran's proxies"};
  EXPECT_EQ(actors.key(hezbollah, day), "org:hezbollah");
  EXPECT_EQ(actors.key(troops, day), "country:ISR");
  EXPECT_EQ(actors.key(dnipro, day), "country:UKR");
  EXPECT_EQ(actors.key(sites, day), "");
  EXPECT_EQ(actors.key(proxies, day), "");
  EXPECT_EQ(countries.key(hezbollah, day), "country:LBN");
  EXPECT_EQ(countries.key(dnipro, day), "country:UKR");
  EXPECT_EQ(countries.key(sites, day), "");
}

TEST(Theatres, FromKbPlaces) {
  auto k = kb::KnowledgeBase::load("kb");
  ASSERT_TRUE(k);
  int64_t day = *parse_day("2024-01-10");
  EXPECT_EQ(theatre_of(*k, "Khan Younis", "PSE", day), "Gaza Strip");
  EXPECT_EQ(theatre_of(*k, "Red Sea", "", day), "Red Sea");
  EXPECT_EQ(theatre_of(*k, "Baalbek", "LBN", day), "Lebanon");
  EXPECT_EQ(theatre_of(*k, "", "IRQ", day), "Iraq");
}

// A hand-made store: a dyad quiet for a month, then a burst; a new actor and a new front in the last week.
TEST(Alerts, EscalationNewFrontNewActor) {
  std::string path = temp_path("alerts.sqlite");
  fs::remove(path);
  {
    auto store = store::EventStore::open(path);
    ASSERT_TRUE(store) << store.status().to_string();
    int n = 0;
    auto add = [&](const char* a, const char* a_country, const char* b, const char* b_country, doc::Plover cat,
                   double score, const std::string& date) {
      doc::Document d;
      d.meta.id = "doc" + std::to_string(n++);
      d.meta.content_hash = fnv1a64(d.meta.id);
      d.meta.published = Date::parse(date);
      d.meta.source = "Outlet" + std::to_string(n);
      d.text = "text";
      doc::Event e;
      e.id = d.meta.id + "-e";
      e.category = cat;
      e.score = score;
      e.rule = "test";
      e.date = date;
      e.actor.push_back({a, 0, 0, a, std::string("country:") + a_country, a_country, "GOV"});
      e.recipient.push_back({b, 0, 0, b, std::string("country:") + b_country, b_country, "GOV"});
      d.events.push_back(e);
      ASSERT_TRUE(store->write(d));
    };
    // Baseline: one clash a week for four weeks (different places and days keep them apart as incidents).
    for (int w = 0; w < 4; ++w) add("Armenia", "ARM", "Azerbaijan", "AZE", doc::Plover::kAssault, -9,
                                    day_iso(*parse_day("2024-01-01") + 7 * w + 2));
    for (int w = 0; w < 4; ++w) add("France", "FRA", "Germany", "DEU", doc::Plover::kConsult, 1,
                                    day_iso(*parse_day("2024-01-01") + 7 * w + 3));
    // Last week: the clashes triple, and Georgia appears fighting Russia (never before).
    for (int i = 0; i < 6; ++i)
      add(i % 2 ? "Armenia" : "Azerbaijan", i % 2 ? "ARM" : "AZE", i % 2 ? "Azerbaijan" : "Armenia",
          i % 2 ? "AZE" : "ARM", doc::Plover::kAssault, -9, day_iso(*parse_day("2024-01-29") + i));
    for (int i = 0; i < 3; ++i)
      add("Georgia", "GEO", "Russia", "RUS", doc::Plover::kCoerce, -7, day_iso(*parse_day("2024-01-29") + 2 * i));
    add("France", "FRA", "Germany", "DEU", doc::Plover::kConsult, 1, "2024-02-01");
  }
  auto c = open_store(path);
  ASSERT_TRUE(c);
  LoadOptions lo;
  lo.unit = Unit::kReports;
  auto d = load_dataset(**c, lo);
  ASSERT_TRUE(d);
  Actors actors(nullptr, Level::kActor);
  AlertOptions opt;
  opt.window_days = 7;
  opt.baseline_windows = 4;
  opt.end_day = *parse_day("2024-02-04");
  AlertReport r = compute_alerts(*d, actors, opt);
  std::map<std::string, std::vector<const Alert*>> by_kind;
  for (const auto& a : r.alerts) by_kind[a.kind].push_back(&a);
  ASSERT_EQ(by_kind["escalation"].size(), 1u);
  EXPECT_EQ(by_kind["escalation"][0]->a, "country:ARM");
  EXPECT_EQ(by_kind["escalation"][0]->b, "country:AZE");
  EXPECT_EQ(by_kind["escalation"][0]->records, 6);
  EXPECT_DOUBLE_EQ(by_kind["escalation"][0]->baseline_records, 1.0);
  ASSERT_EQ(by_kind["new_front"].size(), 1u);
  EXPECT_EQ(by_kind["new_front"][0]->a, "country:GEO");
  std::set<std::string> new_actors;
  for (const auto* a : by_kind["new_actor"]) new_actors.insert(a->a);
  EXPECT_EQ(new_actors, (std::set<std::string>{"country:GEO", "country:RUS"}));
  // France–Germany: one meeting a week, as before — no alert.
  for (const auto& a : r.alerts) EXPECT_NE(a.a, "country:DEU");
  EXPECT_EQ(alerts_json(r)["alerts"].size(), r.alerts.size());
}

TEST(Dataset, RefusesMissingIncidentsWhenAskedAndRejectsNonStores) {
  std::string path = temp_path("empty.sqlite");
  fs::remove(path);
  { ASSERT_TRUE(store::EventStore::open(path)); }
  auto c = open_store(path);
  ASSERT_TRUE(c);
  LoadOptions lo;
  lo.unit = Unit::kIncidents;
  auto d = load_dataset(**c, lo);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.status().code(), Code::kStoreSchema);
  lo.unit = Unit::kAuto;
  auto e = load_dataset(**c, lo);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->unit, Unit::kReports);
  EXPECT_FALSE(e->note.empty());
  EXPECT_FALSE(open_store(temp_path("missing-dir/none.sqlite")));
}

}  // namespace
}  // namespace casus::analysis
