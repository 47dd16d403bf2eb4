#include "casus/code/event_merge.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "casus/text/utf8.h"

namespace casus::code {

namespace {

std::string without_article(std::string s) {
  s = text::lower(s);
  for (std::string_view a : {"the ", "a ", "an "})
    if (s.rfind(a, 0) == 0) return s.substr(a.size());
  return s;
}

// "2023-11" → ["2023-11-01", "2023-11-31"] (string order is date order; day 31 is a safe upper bound).
std::pair<std::string, std::string> interval(const std::string& iso) {
  auto slash = iso.find('/');
  std::string lo = iso.substr(0, slash), hi = slash == std::string::npos ? lo : iso.substr(slash + 1);
  auto pad = [](std::string x, bool end) {
    if (x.size() == 4) return x + (end ? "-12-31" : "-01-01");
    if (x.size() == 7) return x + (end ? "-31" : "-01");
    return x.substr(0, 10);
  };
  return {pad(lo, false), pad(hi, true)};
}

bool dates_compatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  auto [a0, a1] = interval(a);
  auto [b0, b1] = interval(b);
  return a0 <= b1 && b0 <= a1;
}

// Every party of `part` is one of `whole`.
bool covers(const std::vector<doc::Entity>& whole, const std::vector<doc::Entity>& part) {
  return std::all_of(part.begin(), part.end(), [&](const doc::Entity& e) {
    return std::any_of(whole.begin(), whole.end(), [&](const doc::Entity& f) { return same_party(e, f); });
  });
}

bool same_parties(const std::vector<doc::Entity>& a, const std::vector<doc::Entity>& b) {
  return covers(a, b) && covers(b, a);
}

bool parties_compatible(const std::vector<doc::Entity>& a, const std::vector<doc::Entity>& b) {
  return a.empty() || b.empty() || same_parties(a, b);
}

// Union by identity: "United States" and "Mike Pompeo" are compatible for merging, and both stay listed.
void add_parties(std::vector<doc::Entity>& into, const std::vector<doc::Entity>& from) {
  // "Opposition figure detained" (headline) and "Police detained the activist Maria Kolesnikova": a side that is
  // only bare descriptions (agents of no named state) is the one person the other statement names, not a second
  // party. (A state and "civilians" stay two: the people are not the state.)
  auto bare = [](const std::vector<doc::Entity>& v) {
    return !v.empty() && std::all_of(v.begin(), v.end(), [](const doc::Entity& e) {
      return e.kb_id.starts_with("agent:") && e.country.empty();
    });
  };
  auto one_named = [](const std::vector<doc::Entity>& v) {
    return v.size() == 1 && (v[0].kb_id.starts_with("person:") ||
                             (v[0].kb_id.empty() && !v[0].text.empty() &&
                              std::isupper(static_cast<unsigned char>(v[0].text[0]))));
  };
  if (bare(from) && one_named(into)) return;
  if (bare(into) && one_named(from)) {
    into = from;
    return;
  }
  auto key = [](const doc::Entity& e) { return e.kb_id.empty() ? without_article(e.text) : e.kb_id; };
  for (const auto& e : from) {
    auto same = std::find_if(into.begin(), into.end(), [&](const doc::Entity& f) { return key(e) == key(f); });
    if (same == into.end())
      into.push_back(e);
    else if (same->inferred && !e.inferred)
      *same = e;  // the party as a statement names it beats the same party inferred
  }
  // "Government eases curbs" (headline) and "The Kenyan government agreed to ease …": the bare "government" is
  // the state the other statement names, not a second party.
  auto state_named = [&](const doc::Entity& g) {
    return std::any_of(into.begin(), into.end(), [&](const doc::Entity& s) {
      return s.kb_id.rfind("country:", 0) == 0 && s.type == "GOV" && (g.country.empty() || g.country == s.country);
    });
  };
  std::erase_if(into, [&](const doc::Entity& g) {
    return (g.kb_id == "agent:government" || g.kb_id == "agent:authorities") && state_named(g);
  });
}

// An attack noun with neither attacker nor target ("explosions were heard").
bool bare_attack(const Candidate& c) {
  return c.nominal && c.event.category == doc::Plover::kAssault && c.event.actor.empty() && c.event.recipient.empty();
}

// "I have decided to break relations" and "Maduro broke relations": an announced act the document also reports as
// done, by the same parties, is that act.
bool announced_and_done(const Candidate& a, const Candidate& b) {
  const doc::Event& x = a.event;
  const doc::Event& y = b.event;
  const bool pair = (x.aux == doc::Aux::kFuture && y.aux == doc::Aux::kNone) ||
                    (x.aux == doc::Aux::kNone && y.aux == doc::Aux::kFuture);
  return pair && x.category == y.category && x.mode == y.mode && !x.actor.empty() && !x.recipient.empty() &&
         !y.actor.empty() && !y.recipient.empty() && same_parties(x.actor, y.actor) &&
         same_parties(x.recipient, y.recipient);
}

bool compatible(const Candidate& a, const Candidate& b) {
  const doc::Event& x = a.event;
  const doc::Event& y = b.event;
  if (announced_and_done(a, b)) return true;
  if (x.category != y.category || x.aux != y.aux) return false;
  // "Russia carried out missile strikes …, and explosions had been heard in many cities", "explosions and gunfire
  // continue": an attack noun naming neither side, in a sentence that states an attack, is that attack (its sound,
  // its effect), whatever its weapon.
  if (x.category == doc::Plover::kAssault && x.sentence == y.sentence && (bare_attack(a) || bare_attack(b)))
    return true;
  // "ahead of the aerial assault" restates the drone and missile attack the story reported: a nominal reference's
  // loose mode ("aerial") does not keep it apart from the act's precise one.
  auto loose_match = [&] {
    const bool nominal_ref = a.nominal || b.nominal;
    auto aerial = [](const std::string& m) { return m == "drone" || m == "heavy-weapons" || m == "aerial"; };
    return nominal_ref && (x.mode == "aerial" || y.mode == "aerial") && aerial(x.mode) && aerial(y.mode);
  };
  if (!x.mode.empty() && !y.mode.empty() && x.mode != y.mode && !loose_match()) return false;
  // "announced a military operation" and, later, "launched missile strikes": the campaign and one of its attacks
  // are two events.
  if ((x.rule == "ASSAULT.special.operation" || y.rule == "ASSAULT.special.operation") && x.rule != y.rule &&
      x.mode.empty() != y.mode.empty() && x.sentence != y.sentence)
    return false;
  if (distinct_acts(a, b)) return false;
  // Statements are acts of their speakers: "The Russian Defense Ministry considers the attack a violation" and, later,
  // "Russia views the US actions as aggression" are two statements (a ministry and its state are one party for acts,
  // not for what each of them says; a state's official does speak for it).
  const bool statement = x.category == doc::Plover::kAccuse || x.category == doc::Plover::kRequest ||
                         x.category == doc::Plover::kReject || x.category == doc::Plover::kThreaten;
  if (statement && !a.nominal && !b.nominal && x.sentence != y.sentence && !x.actor.empty() && !y.actor.empty()) {
    const bool shared_speaker = std::any_of(x.actor.begin(), x.actor.end(), [&](const doc::Entity& p) {
      return std::any_of(y.actor.begin(), y.actor.end(), [&](const doc::Entity& q) {
        if (p.kb_id.empty()) return without_article(p.text) == without_article(q.text);
        // An official speaks for the state ("US blames Iran" restates what Pompeo said).
        auto speaks_for = [](const doc::Entity& person, const doc::Entity& state) {
          return person.kb_id.rfind("person:", 0) == 0 && doc::is_state_organ_type(person.type) &&
                 state.kb_id.rfind("country:", 0) == 0 && person.country == state.country;
        };
        return p.kb_id == q.kb_id || speaks_for(p, q) || speaks_for(q, p);
      });
    });
    if (!shared_speaker) return false;
  }
  // Only dates a phrase gave count (a default publication date says nothing about which incident it is).
  if (!x.date_text.empty() && !y.date_text.empty() && !dates_compatible(x.date, y.date)) return false;
  // Meetings and clashes list all parties as actors; a restatement may name only some of them ("the two met").
  bool subset_ok = a.reciprocal && b.reciprocal && (covers(x.actor, y.actor) || covers(y.actor, x.actor));
  // "Khamenei received Haniyeh" and "Khamenei met Haniyeh": a visit's two sides are among a meeting's parties.
  if (x.category == doc::Plover::kConsult && a.reciprocal != b.reciprocal) {
    const Candidate& meeting = a.reciprocal ? a : b;
    const Candidate& visit = a.reciprocal ? b : a;
    std::vector<doc::Entity> sides = visit.event.actor;
    sides.insert(sides.end(), visit.event.recipient.begin(), visit.event.recipient.end());
    if (!sides.empty() && covers(meeting.event.actor, sides)) return true;
  }
  // An attack or arrest statement that names no perpetrator ("the bus was struck", "dozens were killed") details
  // the incident the document is about: its targets join that incident's.
  if ((y.category == doc::Plover::kAssault || y.category == doc::Plover::kCoerce) && (y.actor.empty() || x.actor.empty()))
    subset_ok = true;
  // Restatements of one attack in other sentences name the attacker again but its victims differently ("struck a
  // bus", "killed dozens of children", "hit a market"): the same attacker, the same incident.
  if (y.category == doc::Plover::kAssault && (x.sentence != y.sentence || a.nominal || b.nominal) &&
      same_parties(x.actor, y.actor) && !x.actor.empty())
    subset_ok = true;
  if (!subset_ok && (!parties_compatible(x.actor, y.actor) || !parties_compatible(x.recipient, y.recipient)))
    return false;
  // Two fully specified statements in one sentence are two actions ("launched drones and missiles" gives two
  // modes; "Russia attacked Kyiv and Kharkiv" stays one only when the parties are equal).
  if (x.sentence == y.sentence && !a.nominal && !b.nominal && !x.actor.empty() && !y.actor.empty() &&
      !x.recipient.empty() && !y.recipient.empty())
    return same_parties(x.recipient, y.recipient) && same_parties(x.actor, y.actor);
  return true;
}

// Folds b into a: evidence, then every field a lacks.
void absorb(Candidate& a, Candidate&& b) {
  doc::Event& x = a.event;
  doc::Event& y = b.event;
  // The first verbal statement leads: it carries the trigger, sentence and rule.
  // Its own date, place and source come with it; the reference only fills what the statement lacks.
  const bool verbal_takes_lead = a.nominal && !b.nominal;
  const bool a_bare = bare_attack(a), b_bare = bare_attack(b);
  // Actors only a nominal or reciprocal reading offered ("Suu Kyi's detention" read with the possessor as actor,
  // "the two met" listing the host).
  std::set<std::string> nominal_actors;
  for (const Candidate* c : {&a, &b})
    if (c->nominal || c->reciprocal)  // a meeting lists its host among its actors too
      for (const auto& e : c->event.actor)
        if (!e.kb_id.empty()) nominal_actors.insert(e.kb_id);
  if (verbal_takes_lead) {
    std::swap(x.attribution, y.attribution);
    std::swap(x.location, y.location);
    if (!y.date_text.empty() || x.date_text.empty()) {
      std::swap(x.date, y.date);
      std::swap(x.date_text, y.date_text);
    }
    std::swap(x.sentence, y.sentence);
    std::swap(x.trigger_text, y.trigger_text);
    std::swap(x.trigger_start, y.trigger_start);
    std::swap(x.trigger_end, y.trigger_end);
    std::swap(x.rule, y.rule);
    std::swap(x.id, y.id);
    std::swap(a.trigger_token, b.trigger_token);
    a.nominal = false;
  }
  a.asserted = a.asserted || b.asserted;
  if (x.aux == doc::Aux::kFuture && y.aux == doc::Aux::kNone) x.aux = doc::Aux::kNone;  // done, not only announced
  // Evidence sentences stay sorted and unique: insert in place (a story repeating one act thousands of times
  // merges into one cluster, and re-sorting on every merge made that quadratic in n log n).
  auto add_evidence = [&x](uint32_t s) {
    if (s == x.sentence) return;
    auto it = std::lower_bound(x.evidence_sentences.begin(), x.evidence_sentences.end(), s);
    if (it == x.evidence_sentences.end() || *it != s) x.evidence_sentences.insert(it, s);
  };
  add_evidence(y.sentence);
  for (uint32_t s : y.evidence_sentences) add_evidence(s);
  add_parties(x.actor, y.actor);
  add_parties(x.recipient, y.recipient);
  // A party offered as actor by a nominal reading and as recipient by another statement ("Suu Kyi's detention"
  // read with the possessor as actor) is the recipient. An actor a verb's subject gave stays ("U.S. jets strike
  // … after attacks on American troops" keeps the United States as the striker).
  std::erase_if(x.actor, [&](const doc::Entity& a) {
    return nominal_actors.count(a.kb_id) &&
           std::any_of(x.recipient.begin(), x.recipient.end(), [&](const doc::Entity& r) { return r.kb_id == a.kb_id; });
  });
  // The rest of the overlap came from merging a different act's target: the subject's party does not act on itself.
  std::erase_if(x.recipient, [&](const doc::Entity& r) {
    return !r.kb_id.empty() &&
           std::any_of(x.actor.begin(), x.actor.end(), [&](const doc::Entity& a) { return a.kb_id == r.kb_id; });
  });
  if (x.mode.empty() || (a_bare && !b_bare && !y.mode.empty())) {
    x.mode = y.mode;
    x.score = y.score;
  } else if (a_bare && b_bare && !y.mode.empty() && y.mode != x.mode) {
    x.mode.clear();  // "explosions and gunfire": mixed weapons, no one mode (PLOVER's null)
  }
  if (x.date.empty() || (x.date_text.empty() && !y.date_text.empty())) x.date = y.date, x.date_text = y.date_text;
  // A stated place beats one implied by the parties.
  if (!x.location || (x.location->inferred && y.location && !y.location->inferred)) x.location = y.location;
  // Who reported it comes from a statement of it, not from a bare reference ("… after the attack, sources said").
  // (After a swap, y holds the reference's fields: they never fill the statement's source.)
  if (!x.attribution && !verbal_takes_lead && b.asserted && !b.nominal) x.attribution = y.attribution;
  if (!x.fatalities || (y.fatalities && *y.fatalities > *x.fatalities)) x.fatalities = y.fatalities ? y.fatalities : x.fatalities;
  if (!x.injuries || (y.injuries && *y.injuries > *x.injuries)) x.injuries = y.injuries ? y.injuries : x.injuries;
  for (auto& c : y.context)
    if (std::find(x.context.begin(), x.context.end(), c) == x.context.end()) x.context.push_back(c);
  x.confidence = std::max(x.confidence, y.confidence);
}

}  // namespace

bool distinct_acts(const Candidate& a, const Candidate& b) {
  const doc::Event& x = a.event;
  const doc::Event& y = b.event;
  const bool material = x.category == doc::Plover::kCoerce || x.category == doc::Plover::kSanction ||
                        x.category == doc::Plover::kRetreat || x.category == doc::Plover::kAid ||
                        x.category == doc::Plover::kMobilize;
  return material && x.mode.empty() != y.mode.empty();
}

bool same_party(const doc::Entity& a, const doc::Entity& b) {
  // "Ukrainian citizens" resolve to country:UKR with type CVL: a part of the country, not its state.
  auto state_of = [](const doc::Entity& e) -> std::string {
    return e.kb_id.rfind("country:", 0) == 0 && doc::is_state_organ_type(e.type) ? e.country : std::string();
  };
  if (!a.kb_id.empty() && a.kb_id == b.kb_id && a.type != b.type &&
      (!doc::is_state_organ_type(a.type) || !doc::is_state_organ_type(b.type)))
    return false;
  if (!a.kb_id.empty() && a.kb_id == b.kb_id) return true;
  std::string sa = state_of(a), sb = state_of(b);
  if (!sa.empty() && sa == b.country && doc::is_state_organ_type(b.type)) return true;
  if (!sb.empty() && sb == a.country && doc::is_state_organ_type(a.type)) return true;
  if (a.kb_id.empty() && b.kb_id.empty()) return without_article(a.text) == without_article(b.text);
  // Within one document a generic agent is the specific one of its kind: "protesters" ~ "Hong Kong protesters"
  // (the same word in both phrases), never merely another party of its type ("civilians" ≁ "hostages").
  auto generic = [](const doc::Entity& e) { return e.kb_id.rfind("agent:", 0) == 0 && e.country.empty(); };
  auto names_it = [](const doc::Entity& g, const doc::Entity& other) {
    std::string word = text::lower(g.text);
    if (auto sp = word.rfind(' '); sp != std::string::npos) word = word.substr(sp + 1);
    return word.size() > 3 && text::lower(other.text).find(word) != std::string::npos;
  };
  if (!a.type.empty() && a.type == b.type && !doc::is_state_organ_type(a.type) &&
      ((generic(a) && names_it(a, b)) || (generic(b) && names_it(b, a))))
    return true;
  return false;
}

std::vector<Candidate> merge_candidates(std::vector<Candidate> cands) {
  // cluster[i]: index of the candidate i was folded into (itself when it leads a cluster).
  std::vector<int32_t> leader(cands.size());
  std::vector<size_t> leaders;
  for (size_t i = 0; i < cands.size(); ++i) {
    leader[i] = static_cast<int32_t>(i);
    int32_t into = -1;
    // The action of another candidate of the same category: the same event.
    // ("broke ties with the U.S., giving its diplomats 72 hours to leave" is two sanctions: two modes.)
    if (int32_t gov = cands[i].content_of; gov >= 0 && static_cast<size_t>(gov) < i) {
      int32_t l = leader[gov];
      const std::string& lm = cands[l].event.mode;
      const std::string& im = cands[i].event.mode;
      if (cands[l].event.category == cands[i].event.category && (lm.empty() || im.empty() || lm == im)) into = l;
    }
    // An actor read from another candidate's trigger: the same action.
    if (int32_t src = cands[i].actor_from; into < 0 && src >= 0 && static_cast<size_t>(src) < i) {
      int32_t l = leader[src];
      if (cands[l].event.category == cands[i].event.category && cands[l].event.aux == cands[i].event.aux &&
          !distinct_acts(cands[l], cands[i]))
        into = l;
    }
    // The content of an allegation ("accused Syria of [carrying out a chemical attack]") is what someone claims,
    // not a restatement of an event the text asserts: it joins no cluster by compatibility. (What is condemned is
    // asserted: "condemned today's attack on …" details that attack.)
    const bool claimed = cands[i].content_of >= 0 && static_cast<size_t>(cands[i].content_of) < i &&
                         cands[cands[i].content_of].event.category == doc::Plover::kAccuse &&
                         cands[cands[i].content_of].event.mode == "allege" &&
                         cands[i].event.category != doc::Plover::kAccuse;
    // Otherwise the most recent compatible cluster.
    for (auto it = leaders.rbegin(); into < 0 && !claimed && it != leaders.rend(); ++it)
      if (compatible(cands[*it], cands[i])) into = static_cast<int32_t>(*it);
    if (into >= 0) {
      leader[i] = into;
      absorb(cands[into], std::move(cands[i]));
    } else {
      leaders.push_back(i);
    }
  }
  std::vector<Candidate> out;
  for (size_t l : leaders) {
    Candidate& c = cands[l];
    if (!c.asserted) continue;
    if (c.event.actor.empty() && c.needs_actor) continue;
    if (c.event.actor.empty() && c.event.recipient.empty() && c.event.category != doc::Plover::kAssault) continue;
    // A visit or reception needs someone visited ("Lula received 48.4%" is no meeting).
    if (c.event.category == doc::Plover::kConsult && !c.reciprocal && (c.event.recipient.empty() || c.event.actor.empty()))
      continue;
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.event.sentence != b.event.sentence ? a.event.sentence < b.event.sentence
                                                : a.event.trigger_start < b.event.trigger_start;
  });
  return out;
}

}  // namespace casus::code
