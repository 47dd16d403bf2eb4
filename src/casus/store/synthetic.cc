#include "casus/store/synthetic.h"

#include <random>
#include <string>

#include "casus/util/hash.h"

namespace casus::store {

namespace {

const char* const kCountries[] = {"AFG", "ARM", "AZE", "BFA", "BRA", "CAF", "CHN", "COD", "COL", "EGY",
                                  "ETH", "FRA", "GBR", "IND", "IRN", "IRQ", "ISR", "JPN", "KEN", "LBN",
                                  "LBY", "MLI", "MMR", "MOZ", "NER", "NGA", "PAK", "PHL", "PSE", "RUS",
                                  "RWA", "SAU", "SDN", "SOM", "SSD", "SYR", "TUR", "UKR", "USA", "YEM"};
constexpr int kNumCountries = 40;
const char* const kOutlets[] = {"Northern Wire", "Daily Ledger", "Harbor Times", "Capital Post", "Evening Star",
                                "Valley Courier", "Global Dispatch", "Metro Herald", "Coastal Tribune",
                                "Frontier Report", "Morning Bulletin", "River Gazette", "Summit News",
                                "Plains Observer", "Island Chronicle", "Desert Sun", "Mountain Mail",
                                "Harbor Radio", "City Journal", "World Monitor"};
constexpr int kNumOutlets = 20;

struct Cat {
  doc::Plover p;
  const char* verb;
  const char* mode;
  doc::Plover alt;  // another category of the same family some outlets use
};
const Cat kCats[] = {
    {doc::Plover::kAssault, "shelled", "heavy-weapons", doc::Plover::kCoerce},
    {doc::Plover::kAssault, "carried out air strikes on", "aerial", doc::Plover::kAssault},
    {doc::Plover::kCoerce, "arrested members of", "arrest", doc::Plover::kAssault},
    {doc::Plover::kAccuse, "accused", "allege", doc::Plover::kThreaten},
    {doc::Plover::kThreaten, "threatened", "", doc::Plover::kAccuse},
    {doc::Plover::kAgree, "agreed to talks with", "", doc::Plover::kConcede},
    {doc::Plover::kConsult, "met officials of", "visit", doc::Plover::kConsult},
    {doc::Plover::kSanction, "imposed sanctions on", "", doc::Plover::kSanction},
    {doc::Plover::kProtest, "protested against", "demonstrate", doc::Plover::kProtest},
    {doc::Plover::kAid, "sent aid to", "", doc::Plover::kAid},
    {doc::Plover::kRequest, "called on", "", doc::Plover::kRequest},
    {doc::Plover::kMobilize, "deployed troops against", "troops", doc::Plover::kMobilize},
};
constexpr int kNumCats = 12;

struct Actor {
  std::string name, kb_id, country, type;
};

std::vector<Actor> make_actors() {
  std::vector<Actor> out;
  for (int c = 0; c < kNumCountries; ++c) {
    std::string iso = kCountries[c];
    out.push_back({"State of " + iso, "country:" + iso, iso, "GOV"});
    out.push_back({iso + " Armed Forces", "mil:" + iso, iso, "MIL"});
    out.push_back({iso + " Liberation Front", "org:front-" + iso, iso, "REB"});
  }
  return out;
}

struct Incident {
  int64_t id;
  int cat;
  int actor, recipient;
  int day;
  std::string place, place_country;
  std::optional<int64_t> fatalities;
};

std::string iso_day(int64_t day) { return Date::from_days(day).iso(); }

}  // namespace

SyntheticCorpus make_synthetic_corpus(const SyntheticOptions& opt) {
  std::mt19937_64 rng(opt.seed);
  auto uni = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  auto chance = [&](double p) { return (rng() % 10000) < static_cast<uint64_t>(p * 10000); };
  const std::vector<Actor> actors = make_actors();
  const int n_actors = static_cast<int>(actors.size());

  // Incidents, with near-misses: same dyad another day, same day another dyad, same place another category.
  std::vector<Incident> incidents;
  for (int i = 0; static_cast<int>(incidents.size()) < opt.incidents; ++i) {
    Incident inc;
    inc.id = static_cast<int64_t>(incidents.size());
    inc.cat = uni(kNumCats);
    inc.actor = uni(n_actors);
    do inc.recipient = uni(n_actors);
    while (actors[inc.recipient].country == actors[inc.actor].country);
    inc.day = opt.first_day + uni(opt.span_days);
    inc.place_country = actors[inc.recipient].country;
    inc.place = "Town " + std::to_string(uni(6)) + " of " + inc.place_country;
    if (kCats[inc.cat].p == doc::Plover::kAssault && chance(0.7)) inc.fatalities = 1 + uni(60);
    incidents.push_back(inc);
    if (static_cast<int>(incidents.size()) < opt.incidents && chance(0.2)) {
      Incident near = inc;
      near.id = static_cast<int64_t>(incidents.size());
      switch (uni(3)) {
        case 0: near.day += 3 + uni(10); break;                      // same dyad, another day
        case 1: near.actor = (near.actor + 3) % n_actors; break;     // same day, another actor
        default: near.cat = (near.cat + 1 + uni(kNumCats - 1)) % kNumCats;  // same place, another category
      }
      if (actors[near.actor].country == actors[near.recipient].country) near.actor = (near.actor + 3) % n_actors;
      incidents.push_back(near);
    }
  }

  SyntheticCorpus corpus;
  int64_t background_id = 1'000'000'000;
  for (const Incident& inc : incidents) {
    const int n_reports = 1 + uni(opt.max_reports);
    int first_outlet = uni(kNumOutlets);
    for (int rep = 0; rep < n_reports; ++rep) {
      doc::Document d;
      const int outlet = (first_outlet + rep * 7) % kNumOutlets;
      const int published = inc.day + uni(3);
      d.meta.id = "syn-" + std::to_string(opt.seed) + "-" + std::to_string(inc.id) + "-" + std::to_string(rep);
      d.meta.source = kOutlets[outlet];
      d.meta.url = "https://news" + std::to_string(outlet) + ".example/" + d.meta.id;
      d.meta.published = Date::from_days(published);
      std::vector<int64_t> gold;

      auto add_sentence = [&](const std::string& s) {
        if (!d.text.empty()) d.text += ' ';
        uint32_t b = static_cast<uint32_t>(d.text.size());
        d.text += s;
        uint32_t e = static_cast<uint32_t>(d.text.size());
        doc::TokenIdx t = d.tokens.add(b, e, b, e, d.strings.intern("w"), true);
        d.sentences.add(t, t + 1, 0);
        return static_cast<uint32_t>(d.sentences.size() - 1);
      };
      auto entity = [&](int a, bool resolved) {
        const Actor& ac = actors[a];
        doc::Entity e;
        e.text = resolved ? ac.name : "gunmen";
        if (resolved) {
          e.name = ac.name;
          e.kb_id = ac.kb_id;
          e.country = ac.country;
          e.type = ac.type;
        }
        return e;
      };
      auto add_event = [&](int cat_idx, bool alt_cat, int actor, int recipient, const std::string& date,
                           const std::string& place, const std::string& place_country,
                           std::optional<int64_t> fatalities, bool resolved_actor, int64_t gold_id) {
        const Cat& cat = kCats[cat_idx];
        std::string sentence = (resolved_actor ? actors[actor].name : std::string("Gunmen")) + " " + cat.verb + " " +
                               actors[recipient].name + (place.empty() ? "" : " in " + place) +
                               (fatalities ? ", killing " + std::to_string(*fatalities) + " people" : "") + ", " +
                               kOutlets[outlet] + " reported.";
        doc::Event e;
        e.sentence = add_sentence(sentence);
        e.id = d.meta.id + "-e" + std::to_string(d.events.size());
        e.category = alt_cat ? cat.alt : cat.p;
        e.mode = alt_cat ? "" : cat.mode;
        e.actor.push_back(entity(actor, resolved_actor));
        e.recipient.push_back(entity(recipient, true));
        e.trigger_text = cat.verb;
        e.date = date;
        // A report that dates the event does so with a phrase (the coder's date_text); one without a date is left
        // to its publication day.
        if (!date.empty()) e.date_text = "on " + date;
        if (!place.empty()) e.location = doc::Place{place, place, place_country, "", std::nullopt, std::nullopt};
        if (chance(0.3)) e.attribution = doc::Attribution{std::nullopt, {"Wire Service"}, chance(0.3)};
        e.fatalities = fatalities;
        e.score = cat.p == doc::Plover::kAssault ? -10 : 1;
        e.confidence = 0.8;
        e.rule = std::string(doc::plover_name(e.category)) + ".synthetic";
        d.events.push_back(std::move(e));
        gold.push_back(gold_id);
      };

      add_sentence(std::string(kOutlets[outlet]) + " — a report filed from the region.");
      // The incident, as this outlet tells it.
      std::string date;
      int form = uni(10);
      if (form < 6) date = iso_day(inc.day);
      else if (form < 8) date = "";
      else if (form < 9) date = iso_day(inc.day - 1) + "/" + iso_day(inc.day);
      else date = iso_day(inc.day).substr(0, 7);
      int actor = inc.actor;
      // Some outlets name the state instead of its forces (same country: the keys still agree).
      if (chance(0.2)) actor = (actor / 3) * 3;
      std::optional<int64_t> fat = inc.fatalities;
      if (fat && chance(0.3)) fat = *fat + uni(5);
      if (fat && chance(0.05)) fat = *fat * 10;  // a wild figure: not credible
      if (fat && chance(0.3)) fat.reset();
      add_event(inc.cat, chance(0.15), actor, inc.recipient, date, chance(0.7) ? inc.place : "", inc.place_country, fat,
                !chance(0.1), inc.id);
      // Sometimes restated in a second sentence.
      if (chance(0.25)) add_event(inc.cat, false, inc.actor, inc.recipient, "", "", "", std::nullopt, true, inc.id);
      // Background: unrelated events (other dyads, older dates).
      int n_bg = uni(opt.background_events + 1);
      for (int b = 0; b < n_bg; ++b) {
        int a = uni(n_actors), r;
        do r = uni(n_actors);
        while (actors[r].country == actors[a].country);
        add_event(uni(kNumCats), false, a, r, iso_day(inc.day - 30 - uni(600)), "", "", std::nullopt, true,
                  background_id++);
      }
      add_sentence("More details were not immediately available.");
      d.meta.content_hash = fnv1a64(d.meta.id + "\n" + d.text);
      d.layers = doc::kLayerTokens | doc::kLayerSentences | doc::kLayerEvents;
      corpus.documents.push_back(std::move(d));
      corpus.gold.push_back(std::move(gold));
    }
  }
  return corpus;
}

}  // namespace casus::store
