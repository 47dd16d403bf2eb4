#include "casus/analysis/synthetic.h"

#include <array>
#include <cmath>
#include <vector>

#include "casus/doc/document.h"
#include "casus/store/event_store.h"
#include "casus/util/date.h"
#include "casus/util/hash.h"

namespace casus::analysis {

namespace {

using doc::Plover;

struct Rng {
  uint64_t s;
  uint64_t next() {  // splitmix64
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

struct Actor {
  const char* text;
  const char* name;
  const char* kb_id;
  const char* country;
  const char* type;
};

struct Where {
  const char* text;     // "" = no place stated
  const char* country;  // ISO alpha-3
  double weight;
};

struct Action {
  Plover category;
  const char* mode;
  double score;
};

// A recurring relation: who does what to whom, where, during which part of the history, how often.
struct Scenario {
  std::vector<Actor> actors, recipients;
  std::vector<Action> actions;
  std::vector<Where> places;
  double from = 0, to = 1;  // share of the history
  double weight = 1;        // relative rate
  bool both_ways = false;   // recipients also act on actors (retaliation)
};

const Actor kHamas{"Hamas", "Hamas", "org:hamas", "PSE", "REB"};
const Actor kQassam{"the Qassam Brigades", "Izz ad-Din al-Qassam Brigades", "org:qassam_brigades", "PSE", "REB"};
const Actor kPij{"Islamic Jihad", "Palestinian Islamic Jihad", "org:pij", "PSE", "REB"};
const Actor kHezbollah{"Hezbollah", "Hezbollah", "org:hezbollah", "LBN", "REB"};
const Actor kKataib{"Kataib Hezbollah", "Kataib Hezbollah", "org:kataib_hezbollah", "IRQ", "REB"};
const Actor kIri{"the Islamic Resistance in Iraq", "Islamic Resistance in Iraq", "org:islamic_resistance_in_iraq", "IRQ",
                 "REB"};
const Actor kHouthis{"the Houthis", "Houthis", "org:houthis", "YEM", "REB"};
const Actor kIran{"Iran", "Iran", "country:IRN", "IRN", "GOV"};
const Actor kIsrael{"Israel", "Israel", "country:ISR", "ISR", "GOV"};
const Actor kIdf{"the IDF", "Israel Defense Forces", "org:idf", "ISR", "MIL"};
const Actor kIsraeliTroops{"Israeli troops", "", "agent:troops", "ISR", "MIL"};
const Actor kUsa{"the United States", "United States", "country:USA", "USA", "GOV"};
const Actor kCentcom{"CENTCOM", "United States Central Command", "org:centcom", "USA", "MIL"};
const Actor kUk{"Britain", "United Kingdom", "country:GBR", "GBR", "GOV"};
const Actor kRussia{"Russia", "Russia", "country:RUS", "RUS", "GOV"};
const Actor kUkraine{"Ukraine", "Ukraine", "country:UKR", "UKR", "GOV"};
const Actor kRsf{"the RSF", "Rapid Support Forces", "org:rsf", "SDN", "REB"};
const Actor kSaf{"the army", "Sudanese Armed Forces", "org:saf", "SDN", "MIL"};
const Actor kQatar{"Qatar", "Qatar", "country:QAT", "QAT", "GOV"};
const Actor kEgypt{"Egypt", "Egypt", "country:EGY", "EGY", "GOV"};
const Actor kGunmen{"gunmen", "", "", "", ""};  // unidentified: dropped from networks and fronts

const Action kAirstrike{Plover::kAssault, "aerial", -9.5};
const Action kShelling{Plover::kAssault, "firearms", -9};
const Action kRockets{Plover::kAssault, "missile", -9};
const Action kDrone{Plover::kAssault, "drone", -9};
const Action kRaid{Plover::kCoerce, "raid", -7};
const Action kDeploy{Plover::kMobilize, "military", -6};
const Action kWarn{Plover::kThreaten, "", -4};
const Action kAccuse{Plover::kAccuse, "", -2};
const Action kBack{Plover::kSupport, "", 3};
const Action kMeet{Plover::kConsult, "visit", 1};
const Action kDeal{Plover::kAgree, "", 4};
const Action kHelp{Plover::kAid, "humanitarian", 6};

std::vector<Scenario> scenarios() {
  std::vector<Scenario> s;
  // The coalition's fronts open one after another (shares of the history).
  s.push_back({{kHamas, kQassam, kPij}, {kIsrael, kIdf, kIsraeliTroops}, {kRockets, kShelling, kRaid},
               {{"Khan Younis", "PSE", 3}, {"Gaza City", "PSE", 3}, {"Rafah", "PSE", 2}, {"Sderot", "ISR", 2}},
               0.05, 1.0, 3.0, true});
  s.push_back({{kHezbollah}, {kIsrael, kIdf}, {kRockets, kDrone, kWarn},
               {{"Baalbek", "LBN", 3}, {"Lebanon", "LBN", 3}, {"Israel", "ISR", 2}}, 0.07, 1.0, 1.5, true});
  s.push_back({{kKataib, kIri}, {kUsa, kCentcom}, {kDrone, kRockets},
               {{"Erbil", "IRQ", 4}, {"Al-Tanf", "SYR", 2}}, 0.20, 0.85, 0.8, true});
  s.push_back({{kHouthis}, {kUsa, kUk, kIsrael}, {kDrone, kRockets, kDeploy},
               {{"Red Sea", "", 5}, {"Hodeidah", "YEM", 3}, {"Eilat", "ISR", 1}}, 0.25, 1.0, 1.0, true});
  // The sponsor backs its members and denounces their enemies, but never fights itself.
  s.push_back({{kIran}, {kHamas, kHezbollah, kHouthis}, {kBack, kMeet}, {{"Tehran", "IRN", 1}}, 0.05, 1.0, 0.4, false});
  s.push_back({{kIran}, {kIsrael, kUsa}, {kAccuse}, {{"", "", 1}}, 0.0, 1.0, 0.3, false});
  // Unrelated wars and diplomacy (the rest of the world).
  s.push_back({{kRussia}, {kUkraine}, {kAirstrike, kShelling, kDeploy}, {{"Kharkiv", "UKR", 2}, {"Kyiv", "UKR", 1}},
               0.0, 1.0, 1.5, true});
  s.push_back({{kRsf}, {kSaf}, {kShelling, kRaid}, {{"El Fasher", "SDN", 2}, {"Khartoum", "SDN", 2}}, 0.0, 1.0, 0.8,
               true});
  s.push_back({{kUsa}, {kUk, kIsrael}, {kMeet, kDeal, kBack}, {{"Washington", "USA", 1}}, 0.0, 1.0, 0.6, true});
  s.push_back({{kQatar, kEgypt}, {kHamas, kIsrael}, {kMeet, kHelp}, {{"Doha", "QAT", 1}, {"Cairo", "EGY", 1}}, 0.1,
               1.0, 0.4, false});
  s.push_back({{kGunmen}, {kSaf}, {kShelling}, {{"Khartoum", "SDN", 1}}, 0.0, 1.0, 0.1, false});
  return s;
}

const std::array<const char*, 6> kOutlets = {"Reuters", "AP", "AFP", "Al Jazeera", "BBC", "Times of Israel"};

doc::Entity entity(const Actor& a) {
  doc::Entity e;
  e.text = a.text;
  e.name = a.name;
  e.kb_id = a.kb_id;
  e.country = a.country;
  e.type = a.type;
  return e;
}

template <typename T>
const T& pick(Rng& rng, const std::vector<T>& v) {
  return v[rng.below(v.size())];
}

const Where& pick_place(Rng& rng, const std::vector<Where>& v) {
  double total = 0;
  for (const auto& w : v) total += w.weight;
  double x = rng.uniform() * total;
  for (const auto& w : v)
    if ((x -= w.weight) <= 0) return w;
  return v.back();
}

}  // namespace

Result<SyntheticStoreStats> write_synthetic_store(const std::string& path, const SyntheticStoreOptions& opt) {
  auto store = store::EventStore::open(path);
  if (!store) return store.status();
  Rng rng{opt.seed};
  const auto sc = scenarios();
  double total_weight = 0;
  for (const auto& s : sc) total_weight += s.weight;
  SyntheticStoreStats stats;
  std::vector<doc::Document> batch;
  auto flush = [&]() -> Status {
    std::vector<const doc::Document*> ptrs;
    for (const auto& d : batch) ptrs.push_back(&d);
    Status s = store->write(ptrs);
    batch.clear();
    return s;
  };
  for (int day = 0; day < opt.days; ++day) {
    const double share = static_cast<double>(day) / opt.days;
    for (size_t si = 0; si < sc.size(); ++si) {
      const Scenario& s = sc[si];
      if (share < s.from || share >= s.to) continue;
      // Poisson-like count: rate split by weight, rounded stochastically.
      const double rate = opt.incidents_per_day * s.weight / total_weight;
      int n = static_cast<int>(rate) + (rng.uniform() < rate - std::floor(rate) ? 1 : 0);
      for (int k = 0; k < n; ++k) {
        const bool reverse = s.both_ways && rng.uniform() < 0.4;
        const Actor& a = reverse ? pick(rng, s.recipients) : pick(rng, s.actors);
        const Actor& b = reverse ? pick(rng, s.actors) : pick(rng, s.recipients);
        const Action& act = pick(rng, s.actions);
        const Where& where = pick_place(rng, s.places);
        const int64_t incident_day = opt.first_day + day;
        const int reports = 1 + static_cast<int>(rng.below(static_cast<size_t>(std::max(1, opt.max_reports))));
        const size_t first_outlet = rng.below(kOutlets.size());
        const int64_t fatalities = act.category == Plover::kAssault ? static_cast<int64_t>(rng.below(12)) : -1;
        for (int rep = 0; rep < reports; ++rep) {
          doc::Document d;
          const int64_t doc_no = stats.documents++;
          d.meta.id = "synthetic-" + std::to_string(opt.seed) + "-" + std::to_string(doc_no);
          d.meta.content_hash = fnv1a64(d.meta.id);
          d.meta.source = kOutlets[(first_outlet + static_cast<size_t>(rep)) % kOutlets.size()];
          d.meta.published = Date::from_days(incident_day + (rep > 0 ? 1 : 0));
          d.text = std::string(a.text) + " " + std::string(doc::plover_name(act.category)) + " " + b.text + ".";
          doc::Event e;
          e.id = d.meta.id + "-e0";
          e.category = act.category;
          e.mode = act.mode;
          e.actor.push_back(entity(a));
          e.recipient.push_back(entity(b));
          // Most reports give the day (in a phrase: the coder's date_text); some leave it to the publication date.
          if (rng.uniform() < 0.85) {
            e.date = Date::from_days(incident_day).iso();
            e.date_text = "on " + e.date;
          }
          if (where.text[0]) {
            doc::Place p;
            p.text = where.text;
            p.name = where.text;
            p.country = where.country;
            e.location = p;
          }
          if (fatalities >= 0 && rng.uniform() < 0.7) e.fatalities = fatalities;
          e.score = act.score;
          e.confidence = 0.9;
          e.rule = "synthetic";
          d.events.push_back(std::move(e));
          ++stats.events;
          batch.push_back(std::move(d));
          if (static_cast<int>(batch.size()) >= opt.batch) CASUS_RETURN_IF_ERROR(flush());
        }
        ++stats.incidents;
      }
    }
  }
  if (!batch.empty()) CASUS_RETURN_IF_ERROR(flush());
  return stats;
}

}  // namespace casus::analysis
