#include "casus/code/coder.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "casus/code/attribution.h"
#include "casus/code/casualties.h"
#include "casus/code/clause_repair.h"
#include "casus/code/evaluation.h"
#include "casus/code/event_merge.h"
#include "casus/code/participants.h"
#include "casus/code/place.h"
#include "casus/code/quotes.h"
#include "casus/code/time_expr.h"
#include "casus/code/tree.h"
#include "casus/mention/mentions.h"
#include "casus/text/utf8.h"
#include "casus/util/hash.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {


// (With the type: "the Kenyan opposition party" and "the Kenyan government" share the state's KB id.)
std::string entity_key(const doc::Entity& e) { return e.kb_id.empty() ? text::lower(e.text) : e.kb_id + "/" + e.type; }

// One reading per trigger word. Rules that fire on the same head token compete; the split modes of one rule
// ("launched drones and missiles") all stay. Preference: more trigger words (the more specific multiword
// rule), then the higher prior confidence, then a decided mode, then lexicon order.
std::vector<lexicon::TriggerMatch> one_reading_per_trigger(std::vector<lexicon::TriggerMatch> matches) {
  auto better = [](const lexicon::TriggerMatch& a, const lexicon::TriggerMatch& b) {
    if (a.trigger_tokens.size() != b.trigger_tokens.size()) return a.trigger_tokens.size() > b.trigger_tokens.size();
    double ca = a.rule ? a.rule->confidence : 0, cb = b.rule ? b.rule->confidence : 0;
    if (ca != cb) return ca > cb;
    if (a.mode.empty() != b.mode.empty()) return !a.mode.empty();
    return false;
  };
  std::vector<lexicon::TriggerMatch> out;
  for (size_t i = 0; i < matches.size(); ++i) {
    const auto& m = matches[i];
    bool lose = false;
    for (size_t j = 0; j < matches.size() && !lose; ++j) {
      if (i == j || matches[j].trigger != m.trigger || matches[j].rule == m.rule) continue;
      lose = better(matches[j], m) || (!better(m, matches[j]) && j < i);
    }
    if (!lose) out.push_back(m);
  }
  return out;
}

bool is_conflict(doc::Plover c) {
  return c == doc::Plover::kAssault || c == doc::Plover::kCoerce || c == doc::Plover::kMobilize ||
         c == doc::Plover::kThreaten || c == doc::Plover::kSanction || c == doc::Plover::kProtest;
}

// The party most often on the other side of `actors` in the document's conflict events (as their target, or as
// the one targeting them); nullopt when they have no stated conflict.
std::optional<doc::Entity> adversary(const std::vector<Candidate>& events, const std::vector<doc::Entity>& actors) {
  auto ours = [&](const doc::Entity& x) {
    return std::any_of(actors.begin(), actors.end(), [&](const doc::Entity& a) { return same_party(a, x); });
  };
  std::map<std::string, std::pair<size_t, const doc::Entity*>> counts;
  auto count = [&](const doc::Entity& x) {
    if (x.inferred || ours(x) || (x.kb_id.empty() && x.country.empty())) return;
    auto& slot = counts[x.kb_id.empty() ? x.text : x.kb_id];
    ++slot.first;
    slot.second = &x;
  };
  for (const auto& c : events) {
    const doc::Event& e = c.event;
    if (!is_conflict(e.category) || e.aux == doc::Aux::kNegation) continue;
    bool acting = std::any_of(e.actor.begin(), e.actor.end(), ours);
    bool targeted = std::any_of(e.recipient.begin(), e.recipient.end(), ours);
    if (acting) for (const auto& r : e.recipient) count(r);
    if (targeted) for (const auto& a : e.actor) count(a);
    if (acting && c.reciprocal) for (const auto& a : e.actor) count(a);
  }
  const doc::Entity* best = nullptr;
  size_t n = 0;
  for (const auto& [_, v] : counts)
    if (v.first > n) n = v.first, best = v.second;
  if (!best) return std::nullopt;
  return *best;
}

// The party that carries out the document's attacks (most often; ties: first), other than `actors`: whom a
// condemnation with no stated object condemns ("the director condemned what he called the massacre").
std::optional<doc::Entity> main_attacker(const std::vector<Candidate>& events, const std::vector<doc::Entity>& actors) {
  std::map<std::string, std::pair<size_t, const doc::Entity*>> counts;
  const doc::Entity* best = nullptr;
  size_t n = 0;
  for (const auto& c : events) {
    const doc::Event& e = c.event;
    if (e.category != doc::Plover::kAssault || e.aux == doc::Aux::kNegation || c.reciprocal) continue;
    for (const auto& a : e.actor) {
      if (a.inferred || (a.kb_id.empty() && a.country.empty())) continue;
      if (std::any_of(actors.begin(), actors.end(), [&](const doc::Entity& x) { return same_party(a, x); })) continue;
      auto& slot = counts[a.kb_id.empty() ? a.text : a.kb_id];
      if (++slot.first > n) n = slot.first, best = &a;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

// Is the object of trigger t a claim ("rejected the allegations", "dismissed the accusation")?
bool rejects_claims(const doc::Document& d, doc::TokenIdx t) {
  const size_t s = d.sentence_of(t);
  for (doc::TokenIdx k = d.sentences.first[s]; k < d.sentences.last[s]; ++k) {
    if (d.tokens.head[k] != static_cast<int32_t>(t) || d.tokens.deprel[k] != doc::Deprel::kObj) continue;
    std::string l = text::lower(d.lemma(k).empty() ? d.token_text(k) : d.lemma(k));
    if (one_of(l, {"allegation", "accusation", "claim", "charge", "criticism", "assertion"})) return true;
  }
  return false;
}

// The latest accuser before event `upto` other than `actors`: whom "rejected the allegations" answers.
std::optional<doc::Entity> latest_accuser(const std::vector<Candidate>& events, size_t upto,
                                          const std::vector<doc::Entity>& actors) {
  for (size_t i = upto; i-- > 0;) {
    const doc::Event& e = events[i].event;
    if (e.category != doc::Plover::kAccuse || e.aux == doc::Aux::kNegation) continue;
    for (const auto& a : e.actor) {
      if (a.inferred) continue;
      if (std::any_of(actors.begin(), actors.end(), [&](const doc::Entity& x) { return same_party(a, x); })) continue;
      return a;
    }
  }
  return std::nullopt;
}

// Who pressed `actors` (protests, demands, threats against them; most often, ties: first): the party a concession
// with no stated recipient answers ("the president agreed to resign" after protesters demanded it).
std::optional<doc::Entity> pressing_party(const std::vector<Candidate>& events, const std::vector<doc::Entity>& actors) {
  auto ours = [&](const doc::Entity& x) {
    return std::any_of(actors.begin(), actors.end(), [&](const doc::Entity& a) { return same_party(a, x); });
  };
  std::map<std::string, size_t> counts;
  const doc::Entity* best = nullptr;
  size_t n = 0;
  for (const auto& c : events) {
    const doc::Event& e = c.event;
    if (e.category != doc::Plover::kProtest && e.category != doc::Plover::kRequest &&
        e.category != doc::Plover::kThreaten)
      continue;
    if (e.aux == doc::Aux::kNegation || std::none_of(e.recipient.begin(), e.recipient.end(), ours)) continue;
    for (const auto& a : e.actor) {
      if (a.inferred || ours(a)) continue;
      size_t k = ++counts[a.kb_id.empty() ? a.text : a.kb_id];
      if (k > n) n = k, best = &a;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

// A KB entry as an entity no phrase names: empty text, a zero-length span at the trigger, inferred.
doc::Entity unnamed_entity(const kb::Entry& entry, std::string type, uint32_t at) {
  doc::Entity e;
  e.start = e.end = at;
  e.name = entry.name;
  e.kb_id = entry.id;
  e.country = entry.country;
  e.type = std::move(type);
  e.inferred = true;
  return e;
}

// The country an event happens in: its place's, else the first of its targets' that has one; "" when neither says.
std::string country_it_happens_in(const doc::Event& e) {
  if (e.location && !e.location->country.empty()) return e.location->country;
  for (const auto& r : e.recipient)
    if (!r.country.empty()) return r.country;
  return {};
}

// The country a story is about: its dateline's, else the state its mentions name most (at least twice).
std::string document_country(const doc::Document& d, const kb::KnowledgeBase& kb, const Date& date) {
  if (!d.meta.dateline.empty()) {
    kb::Resolution r = kb.resolve(d.meta.dateline, date);
    if (r.found() && !r.country.empty()) return r.country;
  }
  std::map<std::string, size_t> counts;
  for (const auto& m : d.mentions)
    if (m.kind == doc::MentionKind::kActor && m.entity.kb_id.rfind("country:", 0) == 0) ++counts[m.entity.country];
  std::string best;
  size_t n = 1;
  for (const auto& [c, k] : counts)
    if (k > n) best = c, n = k;
  return best;
}

// Resolved states, organisations and groups the document names, most mentioned first (ties: first named), each
// with the text and offsets of its first mention.
std::vector<doc::Entity> document_focus(const doc::Document& d) {
  struct Count {
    size_t n = 0, first = 0;
    const doc::Entity* entity = nullptr;
  };
  std::map<std::string, Count> counts;
  for (size_t i = 0; i < d.mentions.size(); ++i) {
    const doc::Mention& m = d.mentions[i];
    const doc::Entity& e = m.entity;
    if (m.kind != doc::MentionKind::kActor || e.kb_id.empty() || e.kb_id.rfind("agent:", 0) == 0 ||
        e.kb_id.rfind("person:", 0) == 0)
      continue;
    Count& c = counts[e.kb_id];
    if (!c.entity) c.first = i, c.entity = &e;
    ++c.n;
  }
  std::vector<Count> ranked;
  for (auto& [_, c] : counts)
    if (c.n >= 2) ranked.push_back(c);
  std::sort(ranked.begin(), ranked.end(),
            [](const Count& a, const Count& b) { return a.n != b.n ? a.n > b.n : a.first < b.first; });
  std::vector<doc::Entity> out;
  for (const auto& c : ranked) {
    doc::Entity e = *c.entity;
    out.push_back(std::move(e));
    if (out.size() == 3) break;
  }
  return out;
}

// Is the trigger the complement of "continue" / "keep" ("continue to provide", "keep supporting")?
bool continues(const SentenceTree& tree, TokenIdx t) {
  int32_t h = tree.head(t);
  return h >= 0 && tree.rel(t) == Deprel::kXcomp &&
         one_of(tree.lemma(static_cast<TokenIdx>(h)), {"continue", "keep", "remain", "maintain"});
}

// An anaphoric event: "X followed suit" / "X did the same" repeats the latest stated event of the document with X
// as its actor (same category, mode and recipients). Nullopt when the sentence has no such phrase, no actor, or
// nothing earlier to repeat.
std::optional<Candidate> follow_suit(const doc::Document& d, size_t sentence, const SentenceTree& tree,
                                     const std::vector<Candidate>& earlier,
                                     const std::vector<lexicon::TriggerMatch>& matches,
                                     const ParticipantResolver& participants) {
  for (TokenIdx t = tree.first(); t < tree.last(); ++t) {
    // By words, not by tree: the parser often makes "suit" the root of "X followed suit".
    std::string_view lemma = tree.lemma(t);
    bool anaphor = t + 1 < tree.last() && ((lemma == "follow" && tree.lemma(t + 1) == "suit") ||
                                           (lemma == "do" && t + 2 < tree.last() && tree.lower(t + 1) == "the" &&
                                            tree.lemma(t + 2) == "same"));
    if (!anaphor) continue;
    int32_t subj = tree.child(t, Deprel::kNsubj);
    if (subj < 0) subj = tree.child(t + 1, Deprel::kNsubj);
    if (subj < 0) return std::nullopt;
    std::vector<doc::Entity> actors;
    for (TokenIdx h : tree.conjuncts(static_cast<TokenIdx>(subj)))
      if (auto p = participants.actor(h); p && p->event_ref == doc::Plover::kNone) actors.push_back(p->entity);
    if (actors.empty()) return std::nullopt;
    // The act followed is the latest one done by the same kind of actor: states follow a state's recognition,
    // not the crowd's rally in between.
    auto state_like = [](const doc::Entity& x) { return x.type == "GOV" || x.type == "MIL" || x.type == "IGO"; };
    const bool states = state_like(actors.front());
    // "followed suit in throwing support behind Guaido": the clause names the kind of act followed.
    doc::Plover named = doc::Plover::kNone;
    for (const auto& m : matches)
      if (m.trigger != t && m.trigger != t + 1 && (tree.dominates(t, m.trigger) || tree.dominates(t + 1, m.trigger))) {
        named = m.category;
        break;
      }
    const Candidate* source = nullptr;
    // A clause that names its act follows only that kind of act (it is coded on its own otherwise).
    for (int pass = named == doc::Plover::kNone ? 1 : 0; pass < (named == doc::Plover::kNone ? 2 : 1) && !source; ++pass)
      for (auto it = earlier.rbegin(); it != earlier.rend() && !source; ++it)
        if (it->asserted && !it->event.actor.empty() && it->event.aux != doc::Aux::kNegation &&
            state_like(it->event.actor.front()) == states && (pass == 1 || it->event.category == named))
          source = &*it;
    if (!source) return std::nullopt;
    Candidate c = *source;
    doc::Event& e = c.event;
    e.actor = std::move(actors);
    e.evidence_sentences.clear();
    e.sentence = static_cast<uint32_t>(sentence);
    e.trigger_text = std::string(span_text(d, t, t + 1));
    e.trigger_start = d.tokens.begin_cp[t];
    e.trigger_end = d.tokens.end_cp[t];
    e.rule = "ANAPHOR.follow.suit";
    e.attribution.reset();
    e.confidence *= 0.8;
    e.id = hex64(fnv1a64(e.id + "|suit|" + std::to_string(e.trigger_start)));
    c.trigger_token = t;
    c.nominal = false;
    c.actor_from = -1;
    return c;
  }
  return std::nullopt;
}

// Is `t` the action head `a` or reached from it only through complements ("to join [the fight]")? An adverbial
// clause ("threatened to retaliate after strikes killed seven") states something else.
bool complement_of(const SentenceTree& tree, TokenIdx t, TokenIdx a) {
  for (int guard = 0; guard < 32; ++guard) {
    if (t == a) return true;
    Deprel r = tree.urel(t);
    if (r != Deprel::kXcomp && r != Deprel::kCcomp && r != Deprel::kObj && r != Deprel::kConj &&
        r != Deprel::kCompound && r != Deprel::kNmod)
      return false;
    int32_t h = tree.head(t);
    if (h < 0) return false;
    t = static_cast<TokenIdx>(h);
  }
  return false;
}

// Does the trigger's clause carry a condition ("unless the Kremlin closes its base", "if cooperation founders")?
bool conditional(const SentenceTree& tree, TokenIdx t) {
  auto has_condition = [&](TokenIdx v, TokenIdx after) {
    for (TokenIdx c : tree.children(v)) {
      if (tree.urel(c) != Deprel::kAdvcl || c < after) continue;
      for (TokenIdx g : tree.children(c))
        if (tree.urel(g) == Deprel::kMark && one_of(tree.lemma(g), {"unless", "if"})) return true;
    }
    return false;
  };
  if (has_condition(t, tree.first())) return true;
  // "announced that it will withdraw its force from Chad unless …": the parser often hangs a condition that
  // follows the reported clause on the reporting verb.
  const int32_t h = tree.head(t);
  return h >= 0 && (tree.urel(t) == Deprel::kCcomp || tree.urel(t) == Deprel::kXcomp) &&
         has_condition(static_cast<TokenIdx>(h), t);
}

// PLOVER THREATEN mode for a threatened act.
std::string threat_mode(const doc::Event& act) {
  switch (act.category) {
    case doc::Plover::kAssault:
      return act.rule.find("capture") != std::string::npos || act.rule.find("invade") != std::string::npos
                 ? "territory" : "violence";
    case doc::Plover::kCoerce:
      return act.mode == "arrest" ? "arrest" : "restrict";
    case doc::Plover::kSanction:
      return act.mode == "expel" ? "expel" : "relations";
    case doc::Plover::kReject:
    case doc::Plover::kRetreat:  // withdrawing peacekeepers or a mission: a threat to relations
      return "relations";
    case doc::Plover::kProtest:  // strikes and blockades restrict (codebook)
      return "restrict";
    default:
      return "";
  }
}

// "Some countries including the US and UK": the members a group phrase names (they act too).
std::vector<TokenIdx> included_members(const SentenceTree& tree, TokenIdx h) {
  std::vector<TokenIdx> out;
  for (TokenIdx c : tree.children(h)) {
    Deprel r = tree.urel(c);
    TokenIdx first = tree.last();
    if ((r == Deprel::kAcl || r == Deprel::kNmod) && (tree.lemma(c) == "include" || tree.lemma(c) == "including")) {
      for (TokenIdx g : tree.children(c))
        if (tree.urel(g) == Deprel::kObj) first = g;
    } else if (r == Deprel::kNmod && tree.has_case(c, {"include", "including", "like"})) {
      first = c;
    }
    if (first != tree.last())
      for (TokenIdx m : tree.conjuncts(first)) out.push_back(m);
  }
  return out;
}

// "The Turkish and Greek sides", "Israeli and Palestinian leaders", "US and British troops": a plural party noun
// whose coordinated adjectives or names name its members stands for each of them (the adjectives, resolved as demonyms).
std::vector<TokenIdx> coordinated_modifiers(const doc::Document& d, const SentenceTree& tree, TokenIdx h) {
  std::vector<TokenIdx> out;
  if (!one_of(tree.lemma(h), {"side", "party", "government", "leader", "delegation", "community", "official",
                              "negotiator", "minister", "force", "army", "military", "troop", "troops", "soldier", "warship",
                              "ship", "vessel", "jet", "warplane", "navy", "diplomat", "envoy", "president",
                              "authority", "representative", "counterpart", "team", "police"}) ||
      d.xpos(h) != "NNS")
    return out;
  for (TokenIdx c : tree.children(h)) {
    // "US and British troops", "the foreign ministers of India and China".
    const bool of_phrase = tree.urel(c) == Deprel::kNmod && c > h && tree.has_case(c, {"of"});
    if (tree.urel(c) != Deprel::kAmod && tree.urel(c) != Deprel::kCompound && !of_phrase) continue;
    std::vector<TokenIdx> conj = tree.conjuncts(c);
    if (conj.size() >= 2) return conj;
  }
  return out;
}

// Does the trigger's clause name a sum of money ("$38 million", "500 million euros")?
bool names_sum(const SentenceTree& tree, TokenIdx trigger) {
  for (TokenIdx t = trigger + 1; t < tree.last() && t <= trigger + 10; ++t) {
    if (!tree.dominates(trigger, t)) continue;
    std::string_view w = tree.lower(t);
    if (one_of(w, {"$", "€", "£", "us$", "dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan"})) return true;
  }
  return false;
}

// Is a nominal trigger stated as happening ("explosions were heard", "the attack killed 13", a headline), rather
// than only referred to ("condemned the attack", "after the attack")?
bool asserted_nominal(const SentenceTree& tree, TokenIdx t, const std::vector<bool>& is_trigger) {
  // "drones and missile attacks": a conjunct is asserted as its first conjunct is.
  for (int guard = 0; tree.rel(t) == Deprel::kConj && tree.head(t) >= 0 && guard < 8; ++guard)
    t = static_cast<TokenIdx>(tree.head(t));
  // A copular predicate is a clause of its own: "the IDF is on high alert".
  if (tree.child(t, Deprel::kCop) >= 0 && tree.child(t, Deprel::kNsubj) >= 0) return true;
  int32_t h = tree.head(t);
  if (h < 0) return true;
  Deprel r = tree.urel(t);
  bool head_is_event = is_trigger[static_cast<TokenIdx>(h) - tree.first()];
  std::string_view head_lemma = tree.lemma(static_cast<TokenIdx>(h));
  if (r == Deprel::kNsubj) return !head_is_event;
  // Light and occurrence verbs state what their object names: "launched attacks", "had the backing of",
  // "drew recognition from", "explosions were heard", "sparked a firefight".
  if (r == Deprel::kObj)
    return one_of(head_lemma, {"report", "confirm", "hear", "see", "spark", "trigger", "witness", "record", "cause",
                           "claim", "carry", "conduct", "launch", "mount", "stage", "wage", "unleash", "execute",
                           "perpetrate", "commit", "begin", "start", "continue", "resume", "intensify", "escalate",
                           "step", "hold", "have", "receive", "get", "win", "enjoy", "draw", "gain", "secure",
                           "earn", "face", "suffer", "express", "voice", "lodge", "issue", "make", "offer", "give",
                           "extend", "impose", "declare", "announce", "deliver", "order", "promise", "pledge",
                           "concede", "complete", "finish", "speed", "accelerate", "hasten", "expedite",
                           // more of what the object names: "expanded recruitment", "increased patrols"
                           "expand", "increase", "boost", "double", "triple", "widen",
                           // the act in preparation (the modality cues make it future): "preparing new sanctions"
                           "prepare", "plan", "draft"});
  for (TokenIdx c : tree.children(t)) {
    if (tree.urel(c) != Deprel::kCase) continue;
    // "were killed in an airstrike": the clause states it.
    if (r == Deprel::kObl && one_of(tree.lemma(c), {"in", "during", "by"}) && head_is_event) return true;
    // "The grid was knocked out by a cyber attack": the agent of what happened happened.
    if (r == Deprel::kObl && tree.lemma(c) == "by" && tree.rel(t) == Deprel::kOblAgent) return true;
    // "resulted in protests", "led to clashes": the consequence is stated as having happened.
    if (one_of(tree.lemma(c), {"in", "to"}) && one_of(head_lemma, {"result", "lead", "culminate", "escalate", "erupt", "turn"}))
      return true;
    // "has been involved in the heaviest clashes with Israel".
    if (r == Deprel::kObl && one_of(tree.lemma(c), {"in"}) &&
        one_of(head_lemma, {"involve", "engage", "embroil", "entangle", "lock", "mire", "participate", "join"}))
      return true;
    // "claimed responsibility for rocket attacks": a claimed act happened.
    if (tree.lemma(c) == "for" && one_of(head_lemma, {"responsibility", "credit"}) && tree.head(h) >= 0 &&
        one_of(tree.lemma(static_cast<TokenIdx>(tree.head(h))), {"claim", "assume", "accept", "take", "admit", "bear"}))
      return true;
    // "in retaliation for an Israeli strike": the cause is stated as having happened.
    if (tree.lemma(c) == "for" && one_of(head_lemma, {"retaliation", "response", "revenge", "reprisal"})) return true;
  }
  return false;
}

// Does the time expression date a noun rather than a clause: a possessive or compound modifier of a noun that is
// neither the trigger nor its argument ("arrested over fraud in March's referendum", "claimed the March 24
// bombing")? A noun that itself says when its clause happened passes the date on ("razed during Sunday's
// demonstration"), and an expression with its own preposition is adverbial.
bool dates_a_noun(const SentenceTree& tree, const TimeExpression& te, int32_t trigger = -1) {
  for (TokenIdx t = te.first; t < te.last; ++t)
    if (tree.contains(t) && tree.upos(t) == doc::UPos::kAdp) return false;
  for (TokenIdx t = te.first; t < te.last; ++t) {
    const int32_t h = tree.head(t);
    if (h < 0 || (static_cast<TokenIdx>(h) >= te.first && static_cast<TokenIdx>(h) < te.last)) continue;
    if (tree.rel(t) != Deprel::kNmodPoss && tree.rel(t) != Deprel::kCompound) continue;
    // "last year's attack", "condemned Friday's assassination", "Saturday's march, organized by …": the trigger's
    // own noun, its argument, or the noun its clause describes.
    if (h == trigger ||
        (trigger >= 0 && (tree.head(static_cast<TokenIdx>(h)) == trigger || tree.head(static_cast<TokenIdx>(trigger)) == h)))
      return false;
    // "on Tuesday, a police officer and hospital sources said", "In November opposition activists began": a
    // "compound" right after a preposition is a misparsed adverbial.
    if (tree.rel(t) == Deprel::kCompound && te.first > tree.first() && tree.upos(te.first - 1) == doc::UPos::kAdp)
      return false;
    // A compound date is a calendar date ("the October 1998 incident"); "yesterday morning", "Sunday evening" and
    // the like are the parser splitting one adverbial.
    if (tree.rel(t) == Deprel::kCompound && te.text.find_first_of("0123456789") == std::string::npos) return false;
    const TokenIdx noun = static_cast<TokenIdx>(h);
    if (tree.urel(noun) == Deprel::kObl && tree.has_case(noun, {"during", "in", "at", "on"})) return false;
    return true;
  }
  return false;
}

// "Kenya to expel Ugandan envoy", "US to send more troops, boost air defences": the headline idiom for what a party
// is to do — a root infinitive with its own subject and no verb above it, or a verb coordinated with one.
bool headline_infinitive(const SentenceTree& tree, TokenIdx trigger) {
  TokenIdx v = trigger;
  if (tree.urel(v) == Deprel::kConj && tree.head(v) >= 0) v = static_cast<TokenIdx>(tree.head(v));
  if (tree.head(v) >= 0 || tree.upos(v) != doc::UPos::kVerb) return false;
  bool to = false, subject = false;
  for (TokenIdx c : tree.children(v)) {
    if (tree.rel(c) == Deprel::kMark && tree.lemma(c) == "to") to = true;
    if (tree.urel(c) == Deprel::kNsubj) subject = true;
    if (tree.urel(c) == Deprel::kAux) return false;
  }
  return to && subject;
}

// The time cue later sentences of the paragraph inherit: the sentence's last point or range that dates a clause. A
// duration ("for nearly 20 years") or "since 2015" describes its own clause's state, not the next sentence's
// events; a date of a noun ("March's referendum") dates that noun.
const TimeExpression* carriable(const std::vector<TimeExpression>& times, const SentenceTree& tree) {
  for (auto it = times.rbegin(); it != times.rend(); ++it)
    if ((it->kind == TimeKind::kPoint || it->kind == TimeKind::kRange) && !dates_a_noun(tree, *it)) return &*it;
  return nullptr;
}

// "Hundreds", "tens of thousands", "Dozens": a phrase that counts people without naming them.
bool is_crowd_count(std::string_view text) {
  const std::string lower = text::lower(text);
  return is_crowd_count_word(std::string_view(lower).substr(0, lower.find(' ')));
}

// Is an attack a cyber attack: done by hackers, or by a cyber attack named as its subject or agent ("was hit by a
// cyber attack", "ransomware crippled the port")?
bool cyber_act(const SentenceTree& tree, TokenIdx trigger, const std::vector<doc::Entity>& actors) {
  for (const auto& a : actors)
    if (text::lower(a.text).find("hacker") != std::string::npos) return true;
  auto cyber_noun = [&](TokenIdx n) {
    if (one_of(tree.lemma(n), {"cyberattack", "cyber-attack", "ransomware", "malware", "ddos", "hacker", "hack",
                               "hacking"}))
      return true;
    for (TokenIdx c : tree.children(n))
      if ((tree.rel(c) == Deprel::kCompound || tree.rel(c) == Deprel::kAmod) &&
          one_of(tree.lemma(c), {"cyber", "ransomware", "hacker", "computer"}))
        return true;
    return false;
  };
  for (TokenIdx c : tree.children(trigger)) {
    const Deprel r = tree.urel(c);
    if ((r == Deprel::kNsubj || r == Deprel::kObl) && cyber_noun(c)) return true;
  }
  return false;
}

// Are all these parties crowds (protesters, demonstrators, a mob), and is there at least one?
bool all_crowds(const std::vector<doc::Entity>& parties) {
  return !parties.empty() && std::all_of(parties.begin(), parties.end(), [](const doc::Entity& a) {
    return one_of(a.kb_id, {"agent:protesters", "agent:demonstrators", "agent:crowd", "agent:mob", "agent:rioters"});
  });
}

// Storming or torching a place ("stormed the palace", "set fire to his home"): by crowds, the coding convention's
// riot.
bool storming(const doc::Event& e) {
  return e.category == doc::Plover::kAssault && (e.rule == "ASSAULT.set.fire" || e.rule == "ASSAULT.invade");
}

// The event becomes the crowd's riot (PROTEST/riot).
void make_riot(doc::Event& e, std::vector<doc::Entity> crowd) {
  e.category = doc::Plover::kProtest;
  e.mode = "riot";
  e.actor = std::move(crowd);
}

// The last word of a phrase, lower-cased ("several European nations" → "nations").
std::string last_word(std::string_view text) {
  const size_t sp = text.rfind(' ');
  return text::lower(sp == std::string_view::npos ? text : text.substr(sp + 1));
}

// People no body or state stands behind: a generic agent noun, or an unresolved word for people ("Volunteers";
// not "U.N. relief efforts", not a name), with no country and no type but civilian.
bool private_people(const doc::Entity& a, const lexicon::Lexicon& lexicon) {
  bool generic = a.kb_id.rfind("agent:", 0) == 0;
  if (a.kb_id.empty()) {
    bool named = false;  // a capitalised word after the first: "U.N. relief efforts"
    for (size_t k = 1; k < a.text.size(); ++k)
      if (a.text[k - 1] == ' ' && std::isupper(static_cast<unsigned char>(a.text[k]))) named = true;
    const std::string w = last_word(a.text);
    generic = !named && (lexicon.noun_class(w) == lexicon::NounClass::kAgent ||
                         (w.size() > 3 && w.back() == 's' &&
                          lexicon.noun_class(w.substr(0, w.size() - 1)) == lexicon::NounClass::kAgent));
  }
  return generic && (a.type.empty() || a.type == "CVL") && a.country.empty();
}

// A party the public record can place: a KB entity, a country or an actor type, or an unnamed public body ("Some
// 195 countries", "the two sides", "military chiefs"). "My coach" is none.
bool public_party(const doc::Entity& x) {
  if (!x.kb_id.empty() || !x.country.empty() || !x.type.empty()) return true;
  const std::string lower = text::lower(x.text);
  for (std::string_view w : {"countr", "nation", "state", "side", "delegat", "leader", "minister", "official",
                             "government", "part", "chief", "head", "representative", "envoy", "diplomat", "member",
                             "negotiator", "mediator"})
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// "a commitment to ease restrictions", "Iran's decision to resume talks", "offer to mediate": an infinitive
// clause under a noun of commitment names an act promised, not one described.
bool promised_act(const SentenceTree& tree, TokenIdx t) {
  if (tree.rel(t) != Deprel::kAcl || tree.head(t) < 0) return false;
  bool infinitive = false;
  for (TokenIdx c : tree.children(t))
    if (tree.urel(c) == Deprel::kMark && tree.lemma(c) == "to") infinitive = true;
  return infinitive && one_of(tree.lemma(static_cast<TokenIdx>(tree.head(t))),
                              {"commitment", "pledge", "promise", "decision", "plan", "offer", "vow", "undertaking",
                               "proposal", "readiness", "willingness", "intention", "determination", "threat"});
}

// Is t, under the trigger, inside a clause that modifies a noun on the way ("hand over two nationals suspected of
// blowing up a plane in 1988", "the deal that was signed in 2015")? That clause's time is its own.
bool in_noun_clause(const SentenceTree& tree, TokenIdx trigger, TokenIdx t) {
  for (int guard = 0; t != trigger && guard < 64; ++guard) {
    if (tree.rel(t) == Deprel::kAcl || tree.rel(t) == Deprel::kAclRelcl) return true;
    int32_t h = tree.head(t);
    if (h < 0) return false;
    t = static_cast<TokenIdx>(h);
  }
  return false;
}

// The time expression for a trigger: one under the trigger's clause first, else the nearest in the sentence.
const TimeExpression* pick_time(const std::vector<TimeExpression>& times, const SentenceTree& tree,
                                TokenIdx trigger) {
  // Under the trigger ("attacked on Tuesday"), else modifying a clause that contains it ("said on Thursday that
  // Russia had struck"); a date inside some other clause ("… the 2015 memorandum") says nothing of this event.
  const TimeExpression* best = nullptr;
  int64_t best_rank = INT64_MAX;
  for (const auto& te : times) {
    if (dates_a_noun(tree, te, static_cast<int32_t>(trigger))) continue;
    bool under = false, governs = false;
    for (TokenIdx t = te.first; t < te.last; ++t) {
      if (tree.dominates(trigger, t) && !in_noun_clause(tree, trigger, t)) under = true;
      int32_t h = tree.head(t);
      if (h >= 0 && !(static_cast<TokenIdx>(h) >= te.first && static_cast<TokenIdx>(h) < te.last) &&
          tree.dominates(static_cast<TokenIdx>(h), trigger))
        governs = true;
    }
    // "Britain, several Gulf states and Canada on Friday announced the expulsion of …": a time the parser hung
    // on the subject (or a conjunct of it) dates the subject's clause.
    if (!under && !governs) {
      int32_t h = tree.head(te.first);
      for (int guard = 0; h >= 0 && guard < 6 && !governs; ++guard) {
        const auto n = static_cast<TokenIdx>(h);
        const Deprel r = tree.urel(n);
        if (r == Deprel::kNsubj) {
          const int32_t v = tree.head(n);
          governs = v >= 0 && tree.dominates(static_cast<TokenIdx>(v), trigger);
        }
        if (r != Deprel::kConj && r != Deprel::kNmod && r != Deprel::kAppos) break;
        h = tree.head(n);
      }
    }
    if (!under && !governs) continue;
    int64_t rank = std::abs(static_cast<int64_t>(te.first) - static_cast<int64_t>(trigger)) - (under ? 1000 : 0);
    if (rank < best_rank) {
      best = &te;
      best_rank = rank;
    }
  }
  return best;
}

}  // namespace

std::optional<doc::Entity> Coder::government_of_place(const doc::Event& e, const Date& date) const {
  // The country: where it happens, else the protesters' own (a crowd, an opposition).
  std::string c = e.location ? e.location->country : std::string();
  if (c.empty())
    for (const auto& a : e.actor)
      if (!a.country.empty() && (a.type == "CVL" || a.type == "OPP" || a.type.empty())) c = a.country;
  if (c.empty()) return std::nullopt;
  // Foreign parties protesting in a country target its government only when they are its residents or inmates
  // ("inmates rioting in a prison of the state that holds them"): a stated place and a crowd.
  const bool crowd_in_stated_place = e.location && !e.location->inferred &&
                                     std::all_of(e.actor.begin(), e.actor.end(),
                                                 [](const doc::Entity& a) { return a.type == "CVL"; });
  for (const auto& a : e.actor)
    if (!a.country.empty() && a.country != c && !crowd_in_stated_place) return std::nullopt;
  for (std::string_view role : {"head_of_government", "head_of_state"}) {
    auto holders = kb_.holders(role, "country:" + c, date);
    if (holders.size() != 1) continue;
    doc::Entity g = unnamed_entity(kb_.entries()[holders.front()->person], "GOV", e.trigger_start);
    g.country = c;
    return g;
  }
  const kb::Entry* state = kb_.find_id("country:" + c);
  if (!state) return std::nullopt;
  return unnamed_entity(*state, "GOV", e.trigger_start);
}

void Coder::link_national_forces(doc::Entity& e) const {
  if (e.country.empty() || e.type != "MIL") return;
  // Agents ("soldiers") and the state named as a military ("Myanmar's military" resolves to the state, type MIL).
  if (!one_of(e.kb_id, {"agent:army", "agent:military", "agent:troops", "agent:forces", "agent:army_officer",
                        "agent:government_soldier", "agent:paratroopers", "country:" + e.country}))
    return;
  if (text::lower(e.text).find("security") != std::string::npos) return;  // police as often as soldiers
  const kb::Entry* forces = kb_.national_forces(e.country);
  if (!forces) return;
  e.name = forces->name;
  e.kb_id = forces->id;
}

void Coder::name_by_people(doc::Entity& e) const {
  if (e.type != "CVL" || e.country.empty() || e.kb_id.rfind("agent:", 0) != 0) return;
  const kb::Entry* state = kb_.find_id("country:" + e.country);
  if (!state || state->demonyms.empty()) return;
  // The singular form is listed first ("Sri Lankan"); a demonym built on the name ("Hong Konger") gives way to
  // the name itself as adjective ("Hong Kong protesters").
  const std::string& demonym = state->demonyms.front();
  const std::string& adjective = demonym == state->name + "er" ? state->name : demonym;
  if (e.name.rfind(adjective, 0) == 0) return;
  e.name = adjective + " " + e.name;
}

std::optional<doc::Place> Coder::country_place(const std::string& country) const {
  const kb::Entry* state = kb_.find_id("country:" + country);
  if (!state) return std::nullopt;
  doc::Place p;
  p.name = state->name;
  p.inferred = true;
  p.country = country;
  p.lat = state->lat;
  p.lon = state->lon;
  return p;
}

std::optional<doc::Place> Coder::implied_place(const doc::Event& e, const std::string& story_country) const {
  if (e.category == doc::Plover::kAssault || e.category == doc::Plover::kCoerce)
    for (const auto& r : e.recipient)
      if (!r.inferred && r.kb_id.rfind("country:", 0) == 0 && !r.country.empty()) return country_place(r.country);
  if (story_country.empty() || e.aux == doc::Aux::kHistorical) return std::nullopt;
  if (e.category != doc::Plover::kProtest && e.category != doc::Plover::kCoerce &&
      e.category != doc::Plover::kMobilize && e.category != doc::Plover::kAssault)
    return std::nullopt;
  for (const auto* side : {&e.actor, &e.recipient}) {
    // An attack by the story country's forces is as often abroad: only its targets place it.
    if (side == &e.actor && e.category == doc::Plover::kAssault) continue;
    for (const auto& x : *side)
      if (!x.inferred && x.country == story_country) {
        // Foreign forces are not placed at home: only the story country's own people, forces and government.
        bool foreign_actor = std::any_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) {
          return !a.country.empty() && a.country != story_country;
        });
        if (foreign_actor && side == &e.recipient) continue;
        return country_place(story_country);
      }
  }
  return std::nullopt;
}

std::optional<doc::Place> Coder::domestic_place(const doc::Event& e, const std::string& story_country) const {
  // Domestic politics: an act whose stated parties are all of the story's country (a resignation, a concession to
  // protesters, a ban, a court's ruling) happens in it; one party of another country leaves the place open.
  if (story_country.empty() || e.aux == doc::Aux::kHistorical) return std::nullopt;
  // Talks, agreements and signings are as often held abroad ("the Ethiopian government and the TPLF signed a
  // ceasefire" in Pretoria).
  if (e.category == doc::Plover::kConsult || e.category == doc::Plover::kAgree || e.category == doc::Plover::kSupport ||
      e.rule.find("sign") != std::string::npos || e.mode == "ceasefire")
    return std::nullopt;
  bool ours = false;
  for (const auto* side : {&e.actor, &e.recipient})
    for (const auto& x : *side) {
      if (x.inferred) continue;
      // A body of no country ("the European Union", "the UN") acts from elsewhere; a generic word ("officials")
      // says nothing.
      if (x.country.empty() && (x.kb_id.empty() || x.kb_id.starts_with("agent:"))) continue;
      if (x.country != story_country) return std::nullopt;
      ours = true;
    }
  if (!ours) return std::nullopt;
  return country_place(story_country);
}

void Coder::code(doc::Document& d) const {
  d.events.clear();
  d.quotes.clear();
  const Date resolve_date = d.meta.published.value_or(options_.fallback_date);
  repair_split_names(d, kb_);
  repair_participle_clauses(d);
  mention::MentionIndex index = mention::annotate(d, kb_, resolve_date);
  if (!d.has(doc::kLayerParse)) return;  // without a parse only mentions are available

  const PlaceFinder places(d, kb_, lexicon_, resolve_date);
  const std::string story_country = document_country(d, kb_, resolve_date);
  const bool has_dateline_country = !d.meta.dateline.empty() && !story_country.empty() &&
                                    kb_.resolve(d.meta.dateline, resolve_date).country == story_country;
  auto facing_own_state = [&](const doc::Event& e) {
    return std::any_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) {
      return a.country == story_country && (a.type == "GOV" || a.type == "MIL" || a.type == "COP");
    });
  };
  d.quotes = find_quotes(d, index, lexicon_.cues());
  const QuoteSpeakers speakers(d, d.quotes);

  // The state a sentence is about: the country its resolved actor mentions name most (ties: first named), "" none.
  auto sentence_country = [&](size_t sentence) {
    std::map<std::string, std::pair<int, size_t>> n;
    for (size_t i = 0; i < d.mentions.size(); ++i) {
      const doc::Mention& m = d.mentions[i];
      if (m.sentence != sentence || m.kind != doc::MentionKind::kActor || m.entity.country.empty() ||
          m.entity.kb_id.empty() || m.entity.kb_id.rfind("agent:", 0) == 0)
        continue;
      auto& slot = n[m.entity.country];
      if (slot.first++ == 0) slot.second = i;
    }
    std::string best;
    std::pair<int, size_t> top{0, 0};
    for (const auto& [c, v] : n)
      if (v.first > top.first || (v.first == top.first && v.second < top.second)) best = c, top = v;
    return best;
  };
  // Local actors: students, police or protesters the text gives no nationality are of the country the event takes
  // place in (the CAMEO/PLOVER convention: "students throughout Indonesia" are IDN); state agents (soldiers, police,
  // officials) with no place named are of the country the story is about.
  auto localize = [&](doc::Event& e) {
    auto with_country = std::find_if(e.recipient.begin(), e.recipient.end(),
                                     [](const doc::Entity& y) { return !y.country.empty(); });
    const std::string recipient_country = with_country == e.recipient.end() ? std::string() : with_country->country;
    for (auto* side : {&e.actor, &e.recipient})
      for (doc::Entity& x : *side) {
        if (!x.country.empty() || !(x.kb_id.empty() || x.kb_id.rfind("agent:", 0) == 0) || x.type == "IGO" ||
            x.type == "NGO" || x.type == "MED")
          continue;
        // "Several European nations", "other Latin American countries", "our allies": many states, no one country.
        if (one_of(last_word(x.text), {"nations", "countries", "states", "governments", "allies", "partners", "members"}))
          continue;
        const bool state_agent = x.type == "MIL" || x.type == "COP" || x.type == "GOV" || x.type == "LEG";
        // Delegates at a meeting come from anywhere: the venue names nobody's country.
        if (e.category == doc::Plover::kConsult && !state_agent) continue;
        // "Attacked Israel, killing 1,200 people": civilians hit alongside a state are that state's people.
        if (x.type == "CVL" && side == &e.recipient) {
          for (const doc::Entity& y : e.recipient)
            if (y.kb_id.rfind("country:", 0) == 0 && y.type == "GOV") x.country = y.country;
          if (!x.country.empty()) continue;
        }
        // Ministers meeting in Beijing are not Chinese: a place names only its own civilians' country.
        if (e.location && !e.location->country.empty() && (!state_agent || side == &e.recipient))
          x.country = e.location->country;
        else if (state_agent && side == &e.actor && e.category == doc::Plover::kCoerce && !recipient_country.empty())
          // "Navalny was detained by police": a state arrests, censors and restricts its own people.
          x.country = recipient_country;
        else if (state_agent && side == &e.actor && e.category == doc::Plover::kCoerce && e.location &&
                 !e.location->inferred && !e.location->country.empty())
          // "The military government declared a state of siege in Haiti": repression where it is stated.
          x.country = e.location->country;
        else if (state_agent) x.country = story_country;
        // Crowds where no place is named: facing their own state's forces in the dateline's country ("MINSK —
        // … riot police fired tear gas at the crowd"), they are its people; protesters are the people of the
        // country the story is about.
        else if (x.type == "CVL" && e.category == doc::Plover::kProtest) {
          // Crowds protest in the country their sentence is about ("demonstrators … demanding President Maduro's
          // removal"), which beats the story's most named state (a US reaction story names the US most).
          const std::string own = sentence_country(e.sentence);
          x.country = own.empty() ? story_country : own;
        }
        else if (x.type == "CVL" && has_dateline_country && facing_own_state(e))
          x.country = story_country;
      }
  };

  std::vector<Candidate> cands;
  // Arguments that name another event ("condemned the airstrike"), resolved once every trigger is coded.
  struct PendingRef {
    size_t candidate;
    bool actor_role;
    Participant ref;
  };
  std::vector<PendingRef> pending;

  const TimeExpression* carried_time = nullptr;  // most recent time cue in the paragraph
  std::optional<doc::Attribution> last_source, sentence_source;  // named sources of the paragraph so far
  std::vector<std::vector<TimeExpression>> times_by_sentence(d.sentences.size());
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    if (s > 0 && d.sentences.paragraph[s] != d.sentences.paragraph[s - 1]) {
      carried_time = nullptr;
      last_source.reset();
    }
    if (sentence_source) last_source = std::move(sentence_source);
    sentence_source.reset();
    SentenceTree tree(d, s);
    auto matches = one_reading_per_trigger(lexicon_.match(d, s));
    // "Canada and Brazil followed suit", "Britain did the same": the latest stated event, new actors.
    if (auto copy = follow_suit(d, s, tree, cands, matches, ParticipantResolver(d, tree, index, lexicon_, kb_, speakers)))
      cands.push_back(std::move(*copy));
    // A sentence with no trigger may still accuse by characterising an act ("Russia views the US move as
    // aggression"): it goes on when it holds a word of condemnation.
    bool condemns = false;
    for (TokenIdx t = tree.first(); t < tree.last() && matches.empty() && !condemns; ++t)
      condemns = d.tokens.upos[t] != doc::UPos::kPropn && (lexicon_.cues().is_condemnation_word(tree.lemma(t)) ||
                                                           lexicon_.cues().is_condemnation_word(tree.lower(t)));
    if (matches.empty() && !condemns) {
      times_by_sentence[s] = find_time_expressions(d, s, d.meta.published);
      if (const TimeExpression* c = carriable(times_by_sentence[s], tree)) carried_time = c;
      continue;
    }
    AttributionFinder attribution{d, tree, index, lexicon_.cues(), s};
    ParticipantResolver participants(d, tree, index, lexicon_, kb_, speakers);
    Casualties casualties = find_casualties(d, s);
    bool future_sentence = false;
    std::vector<bool> is_trigger(tree.last() - tree.first(), false);
    std::vector<bool> trigger_head(tree.last() - tree.first(), false);  // head words of the matches
    for (const auto& m : matches) {
      if (m.aux_hint == doc::Aux::kFuture) future_sentence = true;
      for (TokenIdx t : m.trigger_tokens) is_trigger[t - tree.first()] = true;
      is_trigger[m.trigger - tree.first()] = true;
      trigger_head[m.trigger - tree.first()] = true;
    }
    // Tokens inside what an accusation or denial is about: the content, not an event.
    std::vector<bool> accused(tree.last() - tree.first(), false);
    for (const auto& m : matches) {
      // What is alleged is claimed; what is condemned is a stated fact ("condemned sanctions that the EU imposed").
      if (m.category != doc::Plover::kAccuse || m.mode == "disapprove") continue;
      for (TokenIdx a : m.action)
        for (TokenIdx t = tree.first(); t < tree.last(); ++t)
          if (a != m.trigger && tree.dominates(a, t)) accused[t - tree.first()] = true;
    }
    // Bare weekdays and dates resolve forward only inside a future clause: "announced on Sunday that he will extend
    // the curfew" — Sunday is past (it modifies "announced"), the extension is future.
    times_by_sentence[s] = find_time_expressions(d, s, d.meta.published);
    const auto& times = times_by_sentence[s];
    std::vector<TimeExpression> future_times;
    if (future_sentence) future_times = find_time_expressions(d, s, d.meta.published, {true});

    // Tokens of time expressions are never participants ("on Tuesday" is not a recipient).
    std::vector<bool> is_time(tree.last() - tree.first(), false);
    for (const auto& te : times)
      for (TokenIdx t = te.first; t < te.last; ++t) is_time[t - tree.first()] = true;
    auto participant = [&](TokenIdx h) { return !is_time[h - tree.first()]; };

    const size_t sentence_cands = cands.size();
    std::vector<std::vector<TokenIdx>> actions;  // per candidate of this sentence: its action heads
    for (const auto& m : matches) {
      Candidate cand;
      doc::Event& e = cand.event;
      e.category = m.category;
      e.mode = std::string(m.mode);
      e.sentence = static_cast<uint32_t>(s);
      e.rule = m.rule ? m.rule->id : "";
      if (m.rule) e.context = m.rule->context;
      cand.trigger_token = m.trigger;
      cand.nominal = d.tokens.upos[m.trigger] == doc::UPos::kNoun;
      cand.passive = m.passive;
      // Background, not an event of its own (kept only as evidence of an event stated elsewhere): a nominal the
      // clause does not assert ("condemned Iran's attacks", "after the invasion"), a participle describing a
      // noun ("M23 rebels, reportedly supported by Rwanda"), the content of an accusation ("accuse Rwanda of
      // backing M23").
      // (An acl verb with a subject of its own is a relative clause stating a fact: "sanctions that the EU
      // imposed on it".)
      // ("A commitment to ease restrictions", "Iran's decision to resume talks": an infinitive under a noun of
      // commitment states the promised act, not a description.)
      const bool promised = promised_act(tree, m.trigger);
      // "students protesting tuition fees": people described as protesting are protesting.
      const bool protesting = m.category == doc::Plover::kProtest && d.xpos(m.trigger) == "VBG";
      const bool descriptive =
          (tree.rel(m.trigger) == Deprel::kAcl && tree.child(m.trigger, Deprel::kNsubj) < 0 && !promised &&
           !protesting) ||
          tree.rel(m.trigger) == Deprel::kAmod || tree.rel(m.trigger) == Deprel::kCompound;
      cand.asserted = cand.nominal ? asserted_nominal(tree, m.trigger, is_trigger)
                                   : !descriptive && !accused[m.trigger - tree.first()];
      // With nobody named as actor, only incident nouns (prior ≥ 0.5: attack, explosion, airstrike) and verbs with
      // a subject or in the passive stand alone; "war", "violence", a subjectless gerund do not.
      cand.needs_actor = cand.nominal ? !(m.rule && m.rule->confidence >= 0.5)
                                      : !m.passive && tree.child(m.trigger, Deprel::kNsubj) < 0 &&
                                            tree.child(m.trigger, Deprel::kNsubjPass) < 0;
      cand.reciprocal = m.reciprocal;

      std::set<std::string> seen;
      std::vector<PendingRef> refs;
      auto collect = [&](const std::vector<TokenIdx>& bound, bool actor_role, std::vector<doc::Entity>& into) {
        std::vector<TokenIdx> heads;
        std::set<TokenIdx> named_by_members;  // "many countries including Russia and China": the members speak
        for (TokenIdx h : bound) {
          std::vector<TokenIdx> members = coordinated_modifiers(d, tree, h);
          if (members.empty()) heads.push_back(h);
          for (TokenIdx m : members) heads.push_back(m);
          const std::vector<TokenIdx> included = included_members(tree, h);
          if (!included.empty()) named_by_members.insert(h);
          for (TokenIdx m : included) heads.push_back(m);
        }
        for (TokenIdx h : heads) {
          // A party is never one of the trigger's own words ("blocked *access* to the broadcaster").
          if (!participant(h) || h == m.trigger ||
              std::find(m.trigger_tokens.begin(), m.trigger_tokens.end(), h) != m.trigger_tokens.end())
            continue;
          auto p = actor_role ? participants.actor(h) : participants.recipient(h, e.category);
          if (!p) continue;
          if (named_by_members.count(h) && p->entity.kb_id.empty() && p->entity.country.empty()) continue;
          if (p->event_ref != doc::Plover::kNone || p->statement_ref) {
            refs.push_back({0, actor_role, std::move(*p)});
            continue;
          }
          if (seen.insert(entity_key(p->entity)).second) into.push_back(std::move(p->entity));
        }
      };
      collect(m.actor, true, e.actor);
      collect(m.recipient, false, e.recipient);
      // "Thousands took to the streets": a crowd counted, not named, that protests is protesters.
      if (e.category == doc::Plover::kProtest)
        for (auto& a : e.actor)
          if (a.kb_id == "agent:civilians" && is_crowd_count(a.text))
            if (const kb::Entry* crowd = kb_.find_id("agent:protesters")) {
              a.name = crowd->name;
              a.kb_id = crowd->id;
            }
      // "A march took place on Wednesday", "Protests erupted in the capital": a protest stated as happening, with
      // nobody named, is unnamed protesters' (as an attack with nobody named stands with unknown perpetrators).
      if (e.category == doc::Plover::kProtest && e.actor.empty() && d.tokens.upos[m.trigger] == doc::UPos::kNoun &&
          tree.urel(m.trigger) == Deprel::kNsubj && tree.head(m.trigger) >= 0) {
        const auto verb = static_cast<TokenIdx>(tree.head(m.trigger));
        const bool occurs =
            one_of(tree.lemma(verb), {"erupt", "break", "begin", "continue", "spread", "start", "flare", "rage",
                                      "escalate", "sweep", "grip", "resume", "intensify", "turn", "march", "paralyse",
                                      "paralyze"}) ||
            (tree.lemma(verb) == "take" && tree.child(verb, Deprel::kObj) >= 0 &&
             tree.lemma(static_cast<TokenIdx>(tree.child(verb, Deprel::kObj))) == "place");
        // (Only one that happened: "the protest will start at noon" is the organisers' planned protest. The
        // auxiliary's modality is the lexicon's: will/would/shall future, could/may/might/should hypothetical, must.)
        bool planned = false;
        for (TokenIdx c : tree.children(verb))
          if (tree.urel(c) == Deprel::kAux)
            if (const auto* cue = lexicon_.cues().modality_cue(tree.lemma(c), "child");
                cue && cue->kind != lexicon::CueKind::kNegation)
              planned = true;
        if (occurs && !planned)
          if (const kb::Entry* crowd = kb_.find_id("agent:protesters"))
            e.actor.push_back(unnamed_entity(*crowd, crowd->type, e.trigger_start));
      }
      // Rules that only make sense for some actors ("fled the advance of X": X must be armed or a crowd).
      if (m.rule && !m.rule->tmpl.actor_types.empty()) {
        const auto& types = m.rule->tmpl.actor_types;
        std::erase_if(e.actor, [&](const doc::Entity& a) {
          return std::find(types.begin(), types.end(), a.type) == types.end();
        });
        refs.clear();
        if (e.actor.empty()) continue;
      }
      // Nobody acts on themselves in these events: a party bound to both slots is the recipient ("Navalny was
      // detained" where a parse error also offers him as the subject).
      std::erase_if(e.actor, [&](const doc::Entity& a) {
        return std::any_of(e.recipient.begin(), e.recipient.end(),
                           [&](const doc::Entity& r) { return entity_key(a) == entity_key(r); });
      });
      // A recipient that is the actor's own state or an organ of it is no other party ("Blinken arrived back in
      // the U.S."); repression and arrests of one's own citizens keep their (distinct) recipients.
      if (e.category != doc::Plover::kCoerce && e.category != doc::Plover::kAssault) {
        size_t before = e.recipient.size();
        std::erase_if(e.recipient, [&](const doc::Entity& r) {
          return std::any_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) { return same_party(a, r); });
        });
        if (before && e.recipient.empty() && e.category == doc::Plover::kConsult && !m.reciprocal) continue;
      }
      if (m.reciprocal) {
        // Meetings and clashes: every party is an actor.
        for (auto& r : e.recipient) e.actor.push_back(std::move(r));
        e.recipient.clear();
        for (auto& r : refs) r.actor_role = true;
      }

      // Trigger text: the contiguous span of the trigger tokens.
      TokenIdx tlo = m.trigger, thi = m.trigger + 1;
      for (TokenIdx t : m.trigger_tokens) {
        tlo = std::min(tlo, t);
        thi = std::max(thi, t + 1);
      }
      if (thi - tlo > 6) tlo = m.trigger, thi = m.trigger + 1;
      e.trigger_text = std::string(span_text(d, tlo, thi));
      e.trigger_start = d.tokens.begin_cp[tlo];
      e.trigger_end = d.tokens.end_cp[thi - 1];

      // Crowds torching or storming buildings riot (the coding convention): "Others set fire to the prime
      // minister's home" after protesters stormed his office.
      if (storming(e) && all_crowds(e.actor)) make_riot(e, e.actor);
      // An attack by hackers or by a cyber attack is the codebook's COERCE/cyber, not armed violence: "hackers
      // targeted the government network", "the site was hit by a cyber attack".
      if (e.category == doc::Plover::kAssault && e.mode.empty() && cyber_act(tree, m.trigger, e.actor)) {
        e.category = doc::Plover::kCoerce;
        e.mode = "cyber";
        e.context = {"cyber"};
      }
      // Joint exercises are cooperation and single-country ones mobilisation (codebook): "French and Greek
      // frigates began naval drills" names two states' forces.
      if (e.category == doc::Plover::kMobilize && e.rule == "MOBILIZE.exercise") {
        std::vector<std::string_view> states;
        for (const auto& a : e.actor)
          if (!a.country.empty() && std::find(states.begin(), states.end(), a.country) == states.end())
            states.push_back(a.country);
        if (states.size() >= 2) {
          e.category = doc::Plover::kCooperate;
          e.mode.clear();
        }
      }
      // Aux mode and the future category shift of the codebook (future CONSULT → AGREE, …). A negation the rule
      // itself consumed ("will not intervene" → REJECT) is the event, not its negation.
      e.aux = m.aux_hint;
      if (promised && e.aux == doc::Aux::kNone) e.aux = doc::Aux::kFuture;
      if (e.aux == doc::Aux::kNone && headline_infinitive(tree, m.trigger)) e.aux = doc::Aux::kFuture;
      if (e.aux == doc::Aux::kNegation) {
        bool outside = false;
        for (const auto& cue : m.cues)
          if (cue.kind == lexicon::CueKind::kNegation &&
              std::find(m.trigger_tokens.begin(), m.trigger_tokens.end(), cue.token) == m.trigger_tokens.end())
            outside = true;
        if (!outside) e.aux = doc::Aux::kNone;
      }
      // A crowd's demands are its protest's content, coded as the protest (codebook; "protesters have been
      // demanding the withdrawal of the bill").
      if (e.category == doc::Plover::kRequest && all_crowds(e.actor)) continue;
      // "Doctors treating a child", "local people donate blood to treat the wounded": care given by people no body
      // or state stands behind is no political aid.
      if (e.category == doc::Plover::kAid && !e.actor.empty() &&
          std::all_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) { return private_people(a, lexicon_); }))
        continue;
      // "Just spoke to my coach": a talk between people nobody identifies is private, not a political consultation.
      if (e.category == doc::Plover::kConsult && std::none_of(e.actor.begin(), e.actor.end(), public_party) &&
          std::none_of(e.recipient.begin(), e.recipient.end(), public_party))
        continue;
      // Journalists asking questions make no demands ("VOA asked the National Security Council whether …").
      if (e.category == doc::Plover::kRequest && !e.actor.empty() &&
          std::all_of(e.actor.begin(), e.actor.end(), [](const doc::Entity& a) { return a.type == "MED"; }))
        continue;
      // "Nobody warned us": no one did it.
      if (int32_t subj = tree.child(m.trigger, Deprel::kNsubj);
          subj >= 0 && one_of(tree.lemma(static_cast<TokenIdx>(subj)), {"nobody", "none", "no-one", "noone"}))
        continue;
      // "Fighting raged, leaving 13 peacekeepers dead": leaving people dead or homeless is a toll, no withdrawal.
      if (e.category == doc::Plover::kRetreat && tree.lemma(m.trigger) == "leave") {
        bool toll = false;
        for (TokenIdx t = m.trigger + 1; t < tree.last() && t < m.trigger + 12 && !toll; ++t) {
          if (d.tokens.upos[t] == doc::UPos::kPunct && tree.lower(t) != "-") break;
          toll = one_of(tree.lower(t), {"dead", "injured", "wounded", "homeless", "stranded", "destitute", "hurt"});
        }
        if (toll) continue;
      }
      const auto& info = lexicon_.category(e.category);
      // A pledge with a sum is aid whatever its tense ("Denmark said it would give an extra $38 million").
      bool pledged_sum = e.category == doc::Plover::kAid && names_sum(tree, m.trigger);
      // "would continue to provide support": an ongoing act reported in the conditional, not a future one.
      if (e.aux == doc::Aux::kFuture && continues(tree, m.trigger)) e.aux = doc::Aux::kNone;
      // An announced or conditional coercive act is a threat: "will extend the curfew", "would blockade Paris",
      // "will withdraw its force unless …" (PLOVER THREATEN, with the act's kind as mode). Announced sanctions
      // stay SANCTION with aux future (the coding convention for sanctions).
      // Only the actor's own side threatens: "Blinken said Russia will invade Ukraine" is a prediction, kept as
      // the act with aux future.
      auto predicted_by_other = [&] {
        if (e.actor.empty()) return false;
        auto a = attribution.find(m.trigger, m.trigger_tokens, &e.actor.front());
        if (!a || !a->said_by || (a->said_by->kb_id.empty() && a->said_by->country.empty())) return false;
        return std::none_of(e.actor.begin(), e.actor.end(),
                            [&](const doc::Entity& x) { return same_party(*a->said_by, x); });
      };
      if ((e.aux == doc::Aux::kFuture || e.aux == doc::Aux::kHypothetical) &&
          (e.category == doc::Plover::kCoerce || e.category == doc::Plover::kAssault ||
           // "could suspend relations", "may impose sanctions": a sanction held out as possible is a warning.
           (e.category == doc::Plover::kSanction && e.aux == doc::Aux::kHypothetical) ||
           // "will withdraw its peacekeepers unless …", "will strike if demands are not met": a conditional
           // withdrawal, sanction or strike is a threat. (A conditional ceasefire, release or disarmament is an
           // offer: "would halt rocket fire if Israel stopped its strikes" stays a concession.)
           ((e.category == doc::Plover::kSanction || e.category == doc::Plover::kReject ||
             (e.category == doc::Plover::kRetreat &&
              !one_of(e.mode, {"ceasefire", "release", "disarm", "access"})) ||
             e.category == doc::Plover::kProtest) &&
            conditional(tree, m.trigger))) &&
          !predicted_by_other()) {
        e.mode = threat_mode(e);
        e.category = doc::Plover::kThreaten;
        e.aux = doc::Aux::kNone;
      }
      // A threat or a promise speaks of the future by nature: "would hold Moscow to account", "would invite the
      // North Korean leader" are a threat and a promise made now.
      if ((e.category == doc::Plover::kThreaten || e.category == doc::Plover::kAgree) &&
          (e.aux == doc::Aux::kFuture || e.aux == doc::Aux::kHypothetical))
        e.aux = doc::Aux::kNone;
      if (e.aux == doc::Aux::kFuture && info.future_category != doc::Plover::kNone && !pledged_sum) {
        e.category = info.future_category;
        if (!lexicon_.is_mode(e.category, e.mode)) e.mode.clear();
        // The shifted category is the promise itself, made now (as above for promises and threats).
        if (e.category == doc::Plover::kAgree || e.category == doc::Plover::kThreaten) e.aux = doc::Aux::kNone;
      }

      // Date: a cue in the sentence, else the last cue of the paragraph so far.
      const TimeExpression* te = pick_time(times, tree, m.trigger);
      if (te && m.aux_hint == doc::Aux::kFuture && !future_times.empty()) {
        // Under the future event's own clause, the forward reading.
        for (const auto& f : future_times)
          if (f.first == te->first && f.last == te->last && tree.dominates(m.trigger, te->first)) te = &f;
      }
      if (!te) te = carried_time;
      if (!te && d.meta.published && e.aux != doc::Aux::kHistorical) {
        // No time cue: news reports what happened by its publication, so the event is dated to it (the coding
        // convention of human coders); date_text stays null to say no phrase gave the date.
        e.date = d.meta.published->iso();
      }
      if (te) {
        e.date = te->iso();
        e.date_text = te->text;
        if (d.meta.published && e.aux == doc::Aux::kNone &&
            te->when.end.last_day() < d.meta.published->first_day() - options_.historical_days &&
            te->kind != TimeKind::kSince && te->kind != TimeKind::kDuration)
          e.aux = doc::Aux::kHistorical;
      }

      // Armed groups take power by force: "the Taliban ousted the government", "Houthi rebels, who seized power" are
      // the capture of a state (ASSAULT, mode null, as capturing territory); a coup by the state's own forces is
      // coercion (the coding convention). What the group was is read at the date of the act: the Taliban that
      // took Kabul in August 2021 were insurgents, though the government by the time of the report.
      if (e.rule == "COERCE.seize.power" && !e.actor.empty()) {
        auto day = Date::parse(e.date.substr(0, 10));
        const bool armed_group = std::all_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) {
          const kb::Entry* entry = a.kb_id.empty() ? nullptr : kb_.find_id(a.kb_id);
          return (entry && day ? kb_.type_at(*entry, *day) : a.type) == "REB";
        });
        if (armed_group) {
          e.category = doc::Plover::kAssault;
          e.mode.clear();
        }
      }

      e.location = places.find(tree, index, s, m.trigger, &trigger_head, &e);
      localize(e);

      // A speech-act event ("X condemned Y") is attributed only when another reporting verb relays it: the walk
      // from the trigger never counts the trigger itself.
      e.attribution = attribution.find(m.trigger, m.trigger_tokens, e.actor.empty() ? nullptr : &e.actor.front(),
                                       m.speech_act);
      // "…, the officials said. Iran would continue …, they added.": a pronoun source is the paragraph's last one.
      if (e.attribution && e.attribution->said_by && last_source &&
          mention::is_pronoun_form(text::lower(e.attribution->said_by->text))) {
        e.attribution->said_by = last_source->said_by;
        e.attribution->anonymous = last_source->anonymous;
        for (const auto& v : last_source->via)
          if (std::find(e.attribution->via.begin(), e.attribution->via.end(), v) == e.attribution->via.end())
            e.attribution->via.push_back(v);
      }
      if (e.attribution && e.attribution->said_by &&
          !mention::is_pronoun_form(text::lower(e.attribution->said_by->text)))
        sentence_source = e.attribution;


      e.score = lexicon_.score(e.category, e.mode);
      e.confidence = m.confidence > 0 ? m.confidence : 0.5;
      e.id = hex64(fnv1a64(options_.version_tag + "|" + d.meta.id + "|" + std::to_string(s) + "|" +
                           std::to_string(e.trigger_start) + "|" + std::string(doc::plover_name(e.category)) + "|" +
                           e.mode + "|" + e.rule + "|" + std::to_string(cands.size())));
      for (auto& r : refs) {
        r.candidate = cands.size();
        pending.push_back(std::move(r));
      }
      // A complement the rule took as one of its own words ("agreed to ease": need=xcomp{ease}) is its action
      // too: the event coded at it ("ease a visa requirement") is this one's content.
      std::vector<TokenIdx> acts = m.action;
      for (TokenIdx w : m.trigger_tokens)
        if (w != m.trigger && tree.head(w) == static_cast<int32_t>(m.trigger) &&
            (tree.urel(w) == Deprel::kXcomp || tree.urel(w) == Deprel::kCcomp))
          acts.push_back(w);
      actions.push_back(std::move(acts));
      cands.push_back(std::move(cand));
    }
    // Accusations made by characterising another party's act ("described the attack as reckless").
    {
      std::vector<const Candidate*> coded;
      for (size_t i = sentence_cands; i < cands.size(); ++i) coded.push_back(&cands[i]);
      for (auto& r : evaluative_reports(d, s, tree, participants, attribution, lexicon_.cues(), coded)) {
        doc::Event& e = r.candidate.event;
        bool known = false;  // already an accusation by this speaker here ("condemned … as a crime")
        for (const Candidate* k : coded)
          if (k->event.category == doc::Plover::kAccuse &&
              (k->trigger_token == r.candidate.trigger_token ||
               std::any_of(k->event.actor.begin(), k->event.actor.end(),
                           [&](const doc::Entity& a) { return same_party(a, e.actor.front()); })))
            known = true;
        if (known) continue;
        const TimeExpression* te = pick_time(times, tree, r.candidate.trigger_token);
        if (!te) te = carried_time;
        if (te) e.date = te->iso(), e.date_text = te->text;
        else if (d.meta.published) e.date = d.meta.published->iso();
        e.location = places.find(tree, index, s, r.candidate.trigger_token);
        localize(e);
        doc::Attribution a;
        a.said_by = e.actor.front();
        e.attribution = a;
        e.score = lexicon_.score(e.category, e.mode);
        e.id = hex64(fnv1a64(options_.version_tag + "|" + d.meta.id + "|" + std::to_string(s) + "|" +
                             std::to_string(e.trigger_start) + "|ACCUSE|" + e.mode + "|" + e.rule));
        if (r.judged_event) pending.push_back({cands.size(), false, std::move(*r.judged_event)});
        actions.push_back({});
        cands.push_back(std::move(r.candidate));
      }
    }
    // Gapped pledges: "Sweden would give an extra $20 million, and Finland $7 million" — a state coordinated
    // with the pledged sum and followed by a sum of its own pledges that sum (the verb is left out).
    for (size_t i = sentence_cands, end = cands.size(); i < end; ++i) {
      if (cands[i].event.category != doc::Plover::kAid || cands[i].event.actor.empty()) continue;
      const int32_t sum = tree.child(cands[i].trigger_token, Deprel::kObj);
      if (sum < 0) continue;
      const auto& kids = tree.children(static_cast<TokenIdx>(sum));
      for (size_t k = 0; k + 1 < kids.size(); ++k) {
        const TokenIdx giver = kids[k], amount = kids[k + 1];
        if (tree.rel(giver) != Deprel::kConj || tree.rel(amount) != Deprel::kConj ||
            d.tokens.upos[giver] != doc::UPos::kPropn ||
            (d.tokens.upos[amount] != doc::UPos::kSym && d.tokens.upos[amount] != doc::UPos::kNum &&
             !one_of(tree.lemma(amount), {"dollar", "euro", "pound", "yen", "yuan", "franc", "krone"})))
          continue;
        auto p = participants.actor(giver);
        if (!p || p->entity.kb_id.empty()) continue;
        Candidate copy = cands[i];
        copy.event.actor = {p->entity};
        std::erase_if(copy.event.recipient, [&](const doc::Entity& r) { return same_party(r, p->entity); });
        copy.event.id = hex64(fnv1a64(copy.event.id + "|gap|" + p->entity.kb_id));
        copy.content_of = -1;
        copy.actor_from = -1;
        actions.push_back({});
        cands.push_back(std::move(copy));
      }
    }
    // Casualty figures belong to the attack whose clause states them: the event whose trigger governs the number
    // ("killed seven", "seven were killed in the strike"), else the nearest attack or arrest of the sentence.
    for (auto [count, token, killed] : {std::tuple{casualties.killed, casualties.killed_token, true},
                                        std::tuple{casualties.injured, casualties.injured_token, false}}) {
      if (!count) continue;
      int32_t best = -1;
      int64_t best_rank = INT64_MAX;
      for (size_t i = sentence_cands; i < cands.size(); ++i) {
        const doc::Event& e = cands[i].event;
        if ((e.category != doc::Plover::kAssault && e.category != doc::Plover::kCoerce) ||
            e.aux == doc::Aux::kNegation)
          continue;
        TokenIdx trig = cands[i].trigger_token;
        int64_t rank = std::abs(static_cast<int64_t>(trig) - static_cast<int64_t>(token)) +
                       (tree.dominates(trig, token) ? 0 : 1000);
        if (rank < best_rank) best = static_cast<int32_t>(i), best_rank = rank;
      }
      if (best >= 0) (killed ? cands[best].event.fatalities : cands[best].event.injuries) = count;
    }
    // "attacked southern Israel on October 7, killing 1,200 people": a subjectless participle of the same
    // category states the same act's result.
    for (size_t i = sentence_cands; i < cands.size(); ++i) {
      TokenIdx t = cands[i].trigger_token;
      int32_t h = tree.head(t);
      if (h < 0 || tree.urel(t) != Deprel::kAdvcl || d.xpos(t) != "VBG" || tree.child(t, Deprel::kNsubj) >= 0) continue;
      for (size_t j = sentence_cands; j < cands.size(); ++j)
        if (j != i && cands[j].trigger_token == static_cast<TokenIdx>(h) &&
            cands[j].event.category == cands[i].event.category && cands[i].content_of < 0 &&
            !distinct_acts(cands[j], cands[i]))
          cands[i].content_of = static_cast<int32_t>(j);
    }
    // An event inside another's action ("threatened to break relations", "agreed to resume ties", "called on Iran
    // to join the fight") is that event's content: of the same category it is the same event, else not an event.
    for (size_t i = sentence_cands; i < cands.size(); ++i)
      for (size_t j = sentence_cands; j < cands.size(); ++j) {
        if (i == j || cands[i].content_of >= 0) continue;
        bool inside = false;
        for (TokenIdx a : actions[j - sentence_cands])
          if (a != cands[j].trigger_token && complement_of(tree, cands[i].trigger_token, a)) inside = true;
        if (!inside) continue;
        // A pledge of a sum is AID whatever governs it ("ready to provide $65 million"): the sum is the event.
        if (cands[j].event.category == doc::Plover::kAgree && cands[i].event.category == doc::Plover::kAid &&
            names_sum(tree, cands[i].trigger_token)) {
          cands[j].asserted = false;
          continue;
        }
        cands[i].content_of = static_cast<int32_t>(j);
        if (cands[i].event.category != cands[j].event.category) cands[i].asserted = false;
        // The threatened act decides the threat's mode ("threatened to break relations" → relations).
        doc::Event& threat = cands[j].event;
        if (threat.category == doc::Plover::kThreaten && threat.mode.empty()) {
          threat.mode = threat_mode(cands[i].event);
          threat.score = lexicon_.score(threat.category, threat.mode);
        }
      }
    if (const TimeExpression* c = carriable(times, tree)) carried_time = c;
  }

  // Arguments that name an event stand for that event's actor: the event coded at that very noun when it has
  // one, else the latest earlier event of that category with an actor ("condemned the airstrike").
  std::unordered_map<TokenIdx, std::vector<size_t>> coded_at;  // trigger token → candidates, in order
  for (size_t i = 0; i < cands.size(); ++i) coded_at[cands[i].trigger_token].push_back(i);
  for (const auto& p : pending) {
    Candidate& c = cands[p.candidate];
    int32_t source = -1;
    if (p.ref.statement_ref) {
      // The latest party that acted or spoke in this or the two sentences before.
      for (size_t i = p.candidate; source < 0 && i-- > 0;)
        if (!cands[i].event.actor.empty() && cands[i].event.sentence + 2 >= c.event.sentence) source = int32_t(i);
      if (source >= 0) {
        auto& into = p.actor_role ? c.event.actor : c.event.recipient;
        for (const auto& a : cands[source].event.actor) into.push_back(a);
      }
      continue;
    }
    if (auto at = coded_at.find(p.ref.token); at != coded_at.end())
      for (size_t i : at->second)
        if (i != p.candidate && !cands[i].event.actor.empty()) source = int32_t(i);
    // "condemned sanctions that the EU imposed on it", "the attack Hamas launched": the subject of the clause that
    // describes the act is its doer.
    if (source < 0) {
      const TokenIdx first = d.sentences.first[c.event.sentence], last = d.sentences.last[c.event.sentence];
      bool found = false;
      for (TokenIdx v = p.ref.token + 1; v < last && !found; ++v) {
        if (d.tokens.head[v] != static_cast<int32_t>(p.ref.token) || d.tokens.upos[v] != doc::UPos::kVerb ||
            doc::deprel_universal(d.tokens.deprel[v]) != Deprel::kAcl)
          continue;
        for (TokenIdx n = first; n < v && !found; ++n) {
          if (d.tokens.head[n] != static_cast<int32_t>(v) || d.tokens.deprel[n] != Deprel::kNsubj) continue;
          int32_t m = index.head_mention(n);
          if (m < 0 || d.mentions[m].kind != doc::MentionKind::kActor) continue;
          const doc::Entity& doer = d.mentions[m].entity;
          if (doer.kb_id.empty() && doer.country.empty()) continue;
          auto& into = p.actor_role ? c.event.actor : c.event.recipient;
          if (std::none_of(into.begin(), into.end(), [&](const doc::Entity& e) { return same_party(doer, e); }))
            into.push_back(doer);
          found = true;
        }
      }
      if (found) continue;
    }
    for (size_t i = p.candidate; source < 0 && i-- > 0;)
      if (cands[i].event.category == p.ref.event_ref && !cands[i].event.actor.empty() &&
          cands[i].event.aux != doc::Aux::kNegation)
        source = static_cast<int32_t>(i);
    if (source < 0) continue;
    auto& into = p.actor_role ? c.event.actor : c.event.recipient;
    for (const auto& a : cands[source].event.actor)
      if (std::none_of(into.begin(), into.end(), [&](const doc::Entity& e) { return same_party(a, e); })) into.push_back(a);
    if (p.actor_role && cands[source].trigger_token == p.ref.token) c.actor_from = source;
  }

  // An agentless passive ("Suu Kyi was detained", "martial law was declared") is done by whoever the document
  // last named doing that kind of thing: the latest earlier event of the category with an actor.
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!c.passive || !c.event.actor.empty()) continue;
    // "After the palace gates were stormed", "his house was stormed": in a story of crowds storming buildings,
    // that riot again — the latest riot's crowd, else the crowd its own sentence names ("protesters were jubilant
    // … after his house was stormed").
    if (storming(c.event)) {
      std::vector<doc::Entity> crowd;
      for (size_t j = i; j-- > 0 && crowd.empty();)
        if (cands[j].event.category == doc::Plover::kProtest && cands[j].event.mode == "riot")
          crowd = cands[j].event.actor;
      for (size_t k = 0; k < d.mentions.size() && crowd.empty(); ++k) {
        const doc::Mention& m = d.mentions[k];
        if (m.sentence == c.event.sentence && m.kind == doc::MentionKind::kActor && all_crowds({m.entity}))
          crowd = {m.entity};
      }
      if (!crowd.empty()) {
        make_riot(c.event, std::move(crowd));
        c.actor_inherited = true;
        continue;
      }
    }
    for (size_t j = i; j-- > 0;) {
      const doc::Event& prev = cands[j].event;
      if (prev.category != c.event.category || prev.actor.empty() || prev.aux == doc::Aux::kNegation) continue;
      // Same kind of act: an arrest inherits the arrester, not whoever last halted bank services or fired in the air;
      // in a coup, the arrests, decrees and curbs are the putschists' ("a military coup … Suu Kyi has been
      // detained", "a state of emergency was declared").
      const bool coup = prev.rule == "COERCE.seize.power" || prev.rule == "COERCE.coup.n";
      if (prev.mode != c.event.mode && !(coup && c.event.category == doc::Plover::kCoerce)) continue;
      // (A coup sets one organ of the state against another: only the very same party is excluded.)
      for (const auto& a : prev.actor)
        if (std::none_of(c.event.recipient.begin(), c.event.recipient.end(), [&](const doc::Entity& r) {
              return coup ? (!a.kb_id.empty() && a.kb_id == r.kb_id) : same_party(a, r);
            }))
          c.event.actor.push_back(a);
      c.actor_inherited = !c.event.actor.empty();
      break;
    }
    // "He said martial law had been declared": a state act reported by an official of that state was done by
    // that state.
    const auto& said = c.event.attribution ? c.event.attribution->said_by : std::nullopt;
    const bool state_act = c.event.category == doc::Plover::kCoerce || c.event.category == doc::Plover::kMobilize;
    if (c.event.actor.empty() && said && state_act && said->type == "MIL" && !said->kb_id.empty() &&
        !said->kb_id.starts_with("person:") && (!said->country.empty() || !story_country.empty())) {
      // "The army said the minister had been arrested": the armed forces report what they did themselves ("the
      // military" unqualified is the story country's).
      doc::Entity a = *said;
      if (a.country.empty()) a.country = story_country;
      a.inferred = true;
      c.event.actor.push_back(std::move(a));
      c.actor_inherited = true;
    }
    if (c.event.actor.empty() && said && !said->country.empty() && (said->type == "GOV" || said->type == "MIL") &&
        state_act) {
      if (const kb::Entry* state = kb_.find_id("country:" + said->country)) {
        doc::Entity a = *said;
        a.name = state->name;
        a.kb_id = state->id;
        a.type = "GOV";
        a.inferred = true;
        c.event.actor.push_back(std::move(a));
        c.actor_inherited = true;
      }
    }
    // "A nationwide curfew was imposed", "martial law was declared", "the party has been outlawed", "social media
    // platforms were suspended": only a state's authorities can; with nobody named, the state of the country it
    // happens in (its place's, else its targets', else the story's), inferred.
    if (c.event.actor.empty() && c.event.category == doc::Plover::kCoerce &&
        (c.event.mode == "curfew" || c.event.mode == "martial-law" || c.event.mode == "censor" ||
         c.event.rule == "COERCE.restrict")) {
      std::string country = country_it_happens_in(c.event);
      if (country.empty()) country = story_country;
      if (const kb::Entry* state = country.empty() ? nullptr : kb_.find_id("country:" + country)) {
        c.event.actor.push_back(unnamed_entity(*state, "GOV", c.event.trigger_start));
        c.actor_inherited = true;
      }
    }
    // "Navalny was detained at a Moscow airport": an arrest nobody is named for is made by the police of the
    // country it happens in (the convention of human coders: <country> police), marked inferred.
    if (c.event.actor.empty() && c.event.category == doc::Plover::kCoerce && c.event.mode == "arrest") {
      const std::string country = country_it_happens_in(c.event);
      const kb::Entry* police = kb_.find_id("agent:police");
      if (police && !country.empty() && kb_.find_id("country:" + country)) {
        doc::Entity a = unnamed_entity(*police, "COP", c.event.trigger_start);
        a.country = country;
        c.event.actor.push_back(std::move(a));
        c.actor_inherited = true;
      }
    }
  }

  // "A ceasefire began in the region", "hostilities stopped": a truce between parties nobody names here is between
  // the sides the document has fighting (the nearest earlier attack's attacker and target, else the first later
  // one's), else it is the state's where it holds; inferred.
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (c.event.category != doc::Plover::kRetreat || c.event.mode != "ceasefire" || !c.event.actor.empty()) continue;
    const Candidate* fight = nullptr;
    for (size_t j = i; j-- > 0 && !fight;)
      if (cands[j].event.category == doc::Plover::kAssault && !cands[j].event.actor.empty()) fight = &cands[j];
    for (size_t j = i + 1; j < cands.size() && !fight; ++j)
      if (cands[j].event.category == doc::Plover::kAssault && !cands[j].event.actor.empty()) fight = &cands[j];
    std::vector<doc::Entity> sides;
    if (fight) {
      for (const auto* side : {&fight->event.actor, &fight->event.recipient})
        for (doc::Entity e : *side)
          if (std::none_of(sides.begin(), sides.end(), [&](const doc::Entity& s) { return same_party(s, e); })) {
            e.inferred = true;
            sides.push_back(std::move(e));
          }
    } else if (c.event.location && !c.event.location->country.empty()) {
      if (const kb::Entry* state = kb_.find_id("country:" + c.event.location->country))
        sides.push_back(unnamed_entity(*state, "GOV", c.event.trigger_start));
    }
    if (sides.empty()) continue;
    c.event.actor = std::move(sides);
    c.actor_inherited = true;
  }

  // Confidence: lower when nobody resolvable acts.
  for (auto& c : cands) {
    doc::Event& e = c.event;
    bool resolved = std::any_of(e.actor.begin(), e.actor.end(), [](const auto& a) { return !a.kb_id.empty(); });
    double conf = e.confidence;
    if (!resolved) conf *= 0.8;
    if (e.actor.empty()) conf *= 0.7;
    if (c.actor_inherited) conf *= 0.8;
    e.confidence = std::clamp(conf, 0.0, 1.0);
  }

  std::vector<Candidate> events = merge_candidates(std::move(cands));
  // An arrest still without an arrester once restatements are merged (no place, no target of known country): the
  // police of the country the story is about, inferred. (After merging, so that the headline's "Opposition figure
  // detained" still joins the body's "Police detained …".)
  if (const kb::Entry* police = kb_.find_id("agent:police"); police && !story_country.empty())
    for (Candidate& c : events)
      if (c.event.actor.empty() && c.event.category == doc::Plover::kCoerce && c.event.mode == "arrest") {
        doc::Entity a = unnamed_entity(*police, "COP", c.event.trigger_start);
        a.country = story_country;
        c.event.actor.push_back(std::move(a));
        c.actor_inherited = true;
      }
  // "The strike will take place on January 24": in a story about a labour strike a bare "strike" is that strike.
  const bool labour_strike = std::any_of(events.begin(), events.end(), [](const Candidate& c) {
    return c.event.category == doc::Plover::kProtest && c.event.mode == "strike";
  });
  if (labour_strike)
    std::erase_if(events, [](const Candidate& c) {
      return c.event.rule == "ASSAULT.strike.n" && c.event.actor.empty() && c.event.mode.empty();
    });
  // A recipient the sentence leaves implicit is, by the convention of human coders, the party the document is
  // about ("Japan pledged $65 million" at a conference on Afghanistan): the most mentioned resolved state,
  // organisation or group that is not among the actors. Marked inferred, so users can keep or drop it.
  std::vector<doc::Entity> focus = document_focus(d);
  // The ousted ruler a coup's recipient phrase names: the KB person, with the phrase's text and offsets.
  auto named_by_phrase = [&](const kb::Entry& ousted, const Date& at, const doc::Entity& phrase) {
    doc::Entity e = unnamed_entity(ousted, kb_.type_at(ousted, at), 0);
    e.text = phrase.text;
    e.start = phrase.start;
    e.end = phrase.end;
    return e;
  };
  // Adds an inferred recipient (marked, confidence lowered); false when there is none.
  auto add_inferred = [](doc::Event& e, std::optional<doc::Entity> r) {
    if (!r) return false;
    r->inferred = true;
    e.recipient.push_back(std::move(*r));
    e.confidence *= 0.9;
    return true;
  };
  for (auto& c : events) {
    doc::Event& e = c.event;
    // A pronoun no antecedent resolved ("stormed his residence") names nobody: the recipient is still unknown.
    std::erase_if(e.recipient, [](const doc::Entity& r) {
      return r.kb_id.empty() && r.country.empty() && mention::is_pronoun_form(text::lower(r.text));
    });
    // The actor's side: the actors and the bodies they hold roles in at the date (a spokesman's adversary is his
    // group's).
    std::vector<doc::Entity> side = e.actor;
    for (const auto& a : e.actor)
      if (a.kb_id.rfind("person:", 0) == 0)
        for (const kb::Role* role : kb_.roles_at(a.kb_id, resolve_date))
          if (const kb::Entry* org = kb_.find_id(role->org))
            side.push_back(unnamed_entity(*org, kb_.type_at(*org, resolve_date), 0));
    // A spokesman or leader does not act on the body he speaks for ("the Houthi spokesman warned …" names the
    // Houthis as his side, not his target): recipients the actor holds a role in, other than states, are dropped.
    std::erase_if(e.recipient, [&](const doc::Entity& r) {
      if (r.kb_id.empty() || r.kb_id.rfind("country:", 0) == 0) return false;
      return std::any_of(side.begin() + static_cast<std::ptrdiff_t>(e.actor.size()), side.end(),
                         [&](const doc::Entity& body) { return body.kb_id == r.kb_id; });
    });
    // "had overthrown the elected president nine months ago": an untitled head the KB cannot place at the document
    // date is whoever held the office the day before the coup's date (its first day, for a month).
    if (e.rule == "COERCE.seize.power" || e.rule == "COERCE.coup.n")
      if (auto when = Date::parse(e.date.substr(0, 10)); when && when->precision != DatePrecision::kYear)
        for (doc::Entity& r : e.recipient) {
          if (r.kb_id != "agent:president") continue;
          std::string country = r.country;  // else the putschists' own (a coup is domestic)
          for (const auto& a : e.actor)
            if (country.empty()) country = a.country;
          if (country.empty()) continue;
          const std::string low = text::lower(r.text);
          const bool premier = low.find("prime minister") != std::string::npos || low.find("premier") != std::string::npos;
          auto before = kb_.holders(premier ? "head_of_government" : "head_of_state", "country:" + country,
                                    Date::from_days(when->first_day() - 1));
          if (before.size() != 1) continue;
          const kb::Entry& ousted = kb_.entries()[before.front()->person];
          if (std::any_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) { return a.kb_id == ousted.id; }))
            continue;
          r = named_by_phrase(ousted, *when, r);
        }
    // "Soldiers overthrew the country's coup leader": a title read at the date of a coup names the new ruler the
    // KB lists from that day. The ousted one is whoever held the role the day before.
    if (e.rule == "COERCE.seize.power" || e.rule == "COERCE.coup.n")
      if (auto day = Date::parse(e.date.substr(0, 10)); day && day->precision == DatePrecision::kDay)
        for (doc::Entity& r : e.recipient) {
          if (r.kb_id.rfind("person:", 0) != 0) continue;
          for (const kb::Role* role : kb_.roles_at(r.kb_id, *day)) {
            if (!role->start || role->start->first_day() + 1 < day->first_day()) continue;
            auto before = kb_.holders(role->role, role->org, Date::from_days(role->start->first_day() - 1));
            if (before.empty()) continue;
            const kb::Entry& ousted = kb_.entries()[before.front()->person];
            if (ousted.id == r.kb_id) continue;
            const bool inferred = r.inferred;
            r = named_by_phrase(ousted, *day, r);
            r.inferred = inferred;
            break;
          }
        }
    if (!e.recipient.empty() || e.actor.empty() || e.category == doc::Plover::kConsult) continue;
    if (c.reciprocal) continue;
    // A seizure of power with no stated target ("the military seized control in a coup") is against the
    // government of the country: the state, since the head the KB lists on the day may be the new ruler.
    // The head of state it ousts is the one in office the day before (the KB may list the new ruler from the day
    // itself), listed first.
    if (e.rule == "COERCE.seize.power" || e.rule == "COERCE.coup.n") {
      std::string c = e.location ? e.location->country : std::string();
      for (const auto& a : e.actor)
        if (c.empty() && !a.country.empty()) c = a.country;
      if (const kb::Entry* state = c.empty() ? nullptr : kb_.find_id("country:" + c)) {
        auto day = Date::parse(e.date.substr(0, 10));
        if (day && day->precision == DatePrecision::kDay) {
          auto before = kb_.holders("head_of_state", state->id, Date::from_days(day->first_day() - 1));
          const kb::Entry* head = before.empty() ? nullptr : &kb_.entries()[before.front()->person];
          if (head && std::none_of(e.actor.begin(), e.actor.end(), [&](const doc::Entity& a) { return a.kb_id == head->id; }))
            e.recipient.push_back(unnamed_entity(*head, kb_.type_at(*head, *day), e.trigger_start));
        }
        add_inferred(e, unnamed_entity(*state, "GOV", e.trigger_start));
        continue;
      }
    }
    // A domestic protest with no stated target is against the country's government: its head at the date.
    if (e.category == doc::Plover::kProtest && add_inferred(e, government_of_place(e, resolve_date))) continue;
    // Forces readied, threats and attacks with no stated target are aimed at the actor's adversary in the
    // document: the party most often on the other side of its conflicts ("Hezbollah called up its fighters",
    // having clashed with Israel).
    if (is_conflict(e.category)) {
      auto foe = adversary(events, side);
      // Armed forces on alert or deployed are readied against an armed foe, not the crowds their country's police
      // arrested elsewhere in the story.
      const bool armed_actor = std::any_of(side.begin(), side.end(), [](const doc::Entity& a) { return a.type == "MIL"; });
      if (foe && e.category == doc::Plover::kMobilize && armed_actor && foe->type == "CVL") foe.reset();
      // A generic state organ ("state-owned" oil fields, "government forces") stands for its state.
      if (foe && foe->kb_id.rfind("agent:", 0) == 0 && !foe->country.empty() && foe->type == "GOV")
        if (const kb::Entry* state = kb_.find_id("country:" + foe->country))
          foe = unnamed_entity(*state, "GOV", e.trigger_start);
      if (add_inferred(e, foe)) continue;
      if (e.category == doc::Plover::kMobilize) continue;  // readiness has no target otherwise
    }
    // A condemnation with no stated object, in a story of attacks, condemns the attacker.
    if (e.category == doc::Plover::kAccuse && e.mode == "disapprove" && add_inferred(e, main_attacker(events, e.actor)))
      continue;
    // A concession with no stated recipient answers whoever pressed for it (below, once every protest and demand
    // has its target).
    if (e.category == doc::Plover::kConcede) continue;
    // "The commission rejected the allegations": a rejection of claims answers whoever made them last.
    if (e.category == doc::Plover::kReject && rejects_claims(d, c.trigger_token) &&
        add_inferred(e, latest_accuser(events, static_cast<size_t>(&c - events.data()), e.actor)))
      continue;
    // A domestic public figure (a person with no state role) addresses their own country's bodies, not a foreign
    // state the story also names ("Navalny asked for his lawyer" is no request to the United States).
    std::string home;
    for (const auto& a : e.actor) {
      const bool state_role = a.type == "GOV" || a.type == "MIL" || a.type == "COP" || a.type == "LEG" ||
                              a.type == "JUD" || a.type == "IGO";
      if (a.kb_id.rfind("person:", 0) != 0 || a.country.empty() || state_role || (!home.empty() && home != a.country)) {
        home.clear();
        break;
      }
      home = a.country;
    }
    for (const auto& f : focus) {
      if (std::any_of(side.begin(), side.end(), [&](const doc::Entity& a) { return same_party(a, f); })) continue;
      if (!home.empty() && !f.country.empty() && f.country != home) continue;
      // Aid goes to a state or people, not to the agencies that ask for it.
      if (e.category == doc::Plover::kAid && (f.type == "IGO" || f.type == "NGO")) continue;
      doc::Entity r = f;
      r.inferred = true;
      e.recipient.push_back(std::move(r));
      e.confidence *= 0.9;
      break;
    }
  }

  for (auto& c : events)
    if (c.event.category == doc::Plover::kConcede && c.event.recipient.empty() && !c.event.actor.empty() && !c.reciprocal)
      add_inferred(c.event, pressing_party(events, c.event.actor));

  // "Soldiers", "the army", "Myanmar's military" of a state are its national armed forces when the KB knows
  // them: one actor for analysis, as human coders write MMRMIL / "Myanmar Armed Forces".
  for (auto& c : events) {
    for (auto* parties : {&c.event.actor, &c.event.recipient}) {
      for (auto& e : *parties) {
        link_national_forces(e);
        name_by_people(e);
      }
      // "Myanmar's military" and an inferred "the military" are now one party: keep its first (stated) entity.
      for (size_t i = 1; i < parties->size(); ++i) {
        const std::string& id = (*parties)[i].kb_id;
        if (!id.empty() && std::any_of(parties->begin(), parties->begin() + static_cast<std::ptrdiff_t>(i),
                                       [&](const doc::Entity& x) { return x.kb_id == id; }))
          parties->erase(parties->begin() + static_cast<std::ptrdiff_t>(i--));
      }
    }
    // "the army says …": the source is the same organisation as an actor would be.
    if (c.event.attribution && c.event.attribution->said_by) link_national_forces(*c.event.attribution->said_by);
  }

  // No place stated: an attack on or coercion of a state happens on its territory ("launched missile strikes
  // against Ukrainian infrastructure"), and a protest, crackdown or deployment by the people or forces of the
  // story's country happens in it (the place human coders record). Last, once merging has joined each event's
  // statements and every stated recipient is known.
  // A place stated for another event shortly before, in the implied country, is the more precise guess ("a mob
  // broke into the prime minister's home in Colombo … Others set fire …": Colombo, not just Sri Lanka).
  std::vector<std::pair<uint32_t, const doc::Place*>> stated;
  for (const auto& c : events)
    if (c.event.location && !c.event.location->inferred && !c.event.location->country.empty())
      stated.emplace_back(c.event.sentence, &*c.event.location);
  for (auto& c : events) {
    if (c.event.location) continue;
    c.event.location = implied_place(c.event, story_country);
    if (!c.event.location) c.event.location = domestic_place(c.event, story_country);
    // Only acts that happen at one spot take a nearby city: protests, attacks, arrests (a border closure is
    // national).
    const bool local = c.event.category == doc::Plover::kProtest || c.event.category == doc::Plover::kAssault ||
                       (c.event.category == doc::Plover::kCoerce && c.event.mode == "arrest");
    if (!c.event.location || !local) continue;
    const doc::Place* nearest = nullptr;
    uint32_t nearest_sentence = 0;
    for (const auto& [sentence, place] : stated)
      if (sentence <= c.event.sentence && sentence + 5 >= c.event.sentence &&
          place->country == c.event.location->country && place->name != c.event.location->name &&
          !place->name.empty() &&
          (!nearest || sentence >= nearest_sentence)) {
        nearest = place;
        nearest_sentence = sentence;
      }
    if (!nearest) continue;
    doc::Place p = *nearest;
    p.text.clear();
    p.inferred = true;
    c.event.location = std::move(p);
  }

  d.events.clear();
  for (auto& c : events) d.events.push_back(std::move(c.event));
  d.layers |= doc::kLayerEvents;
}

}  // namespace casus::code
