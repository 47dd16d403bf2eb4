#include "casus/code/participants.h"

#include <algorithm>

#include "casus/code/place.h"
#include "casus/code/time_expr.h"
#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;
using doc::UPos;

namespace {


// Nouns that refer back to some event without naming its kind ("condemned the act", "after the incident").
bool is_generic_event_noun(std::string_view lemma) {
  return one_of(lemma, {"act", "incident", "action", "operation", "move", "crime", "atrocity", "massacre", "aggression",
                    "escalation", "provocation"});
}

bool is_temporal_name(std::string_view w) { return is_weekday(w) || is_month(w); }

}  // namespace

QuoteSpeakers::QuoteSpeakers(const doc::Document& d, const std::vector<doc::Quote>& quotes)
    : quotes_(quotes), quote_of_token_(d.tokens.size(), -1) {
  for (size_t q = 0; q < quotes.size(); ++q) {
    if (quotes[q].speaker.text.empty()) continue;
    for (TokenIdx t = 0; t < d.tokens.size(); ++t)
      if (d.tokens.begin_cp[t] >= quotes[q].start && d.tokens.end_cp[t] <= quotes[q].end)
        quote_of_token_[t] = static_cast<int32_t>(q);
  }
}

const doc::Entity* QuoteSpeakers::speaker_at(TokenIdx t) const {
  if (t >= quote_of_token_.size() || quote_of_token_[t] < 0) return nullptr;
  return &quotes_[quote_of_token_[t]].speaker;
}

bool is_crowd_count_word(std::string_view lower) {
  return one_of(lower, {"hundreds", "thousands", "dozens", "scores", "millions", "tens"});
}

bool names_act(const lexicon::Lexicon& lexicon, std::string_view lemma) {
  return lexicon.event_noun_category(lemma) != doc::Plover::kNone || is_generic_event_noun(lemma) ||
         lexicon.noun_class(lemma) == lexicon::NounClass::kInstrument;
}

bool takes_physical_recipient(doc::Plover c) {
  // Protests are against someone: "outside the embassy", "at Palestine Square" are places, and a stormed
  // residence stands for its owner (the possessor fallback finds "his residence" → him).
  return c == doc::Plover::kAssault || c == doc::Plover::kCoerce || c == doc::Plover::kThreaten ||
         c == doc::Plover::kMobilize || c == doc::Plover::kRetreat;  // withdrawing from a place
}

std::optional<Participant> ParticipantResolver::event_reference(TokenIdx h) const {
  if (doc_.tokens.upos[h] != UPos::kNoun) return std::nullopt;
  std::string_view lemma = head_lemma(h);
  doc::Plover c = lexicon_.event_noun_category(lemma);
  if (c == doc::Plover::kNone && is_generic_event_noun(lemma)) c = doc::Plover::kAssault;
  // Only acts someone can be blamed for stand for their doer ("condemned the airstrike"); a requested probe or a
  // signed deal does not.
  if (c != doc::Plover::kAssault && c != doc::Plover::kCoerce && c != doc::Plover::kProtest &&
      c != doc::Plover::kSanction && c != doc::Plover::kThreaten && c != doc::Plover::kMobilize)
    return std::nullopt;
  Participant p = phrase(h);
  p.event_ref = c;
  return p;
}

Participant ParticipantResolver::phrase(TokenIdx h) const {
  Participant p;
  auto [a, b] = tree_.np_span(h);
  p.entity = mention::unresolved_entity(doc_, index_, a, b);
  p.token = h;
  return p;
}

std::optional<doc::Entity> ParticipantResolver::first_person(TokenIdx h) const {
  std::string_view w = tree_.lower(h);
  bool plural = one_of(w, {"we", "us", "our", "ours", "ourselves"});
  if (!plural && !one_of(w, {"i", "me", "my", "myself"})) return std::nullopt;
  const doc::Entity* speaker = speakers_.speaker_at(h);
  if (!speaker) return std::nullopt;
  doc::Entity e = *speaker;
  // "We" said by an official is the state or body the official speaks for.
  bool state_voice = e.kb_id.rfind("country:", 0) != 0 && !e.country.empty() &&
                     (e.type.empty() || e.type == "GOV" || e.type == "MIL");
  if (plural && state_voice && (e.kb_id.rfind("person:", 0) == 0 || e.kb_id.empty() || e.kb_id.rfind("agent:", 0) == 0)) {
    if (const kb::Entry* c = kb_.find_id("country:" + e.country)) {
      e.name = c->name;
      e.kb_id = c->id;
      e.type = "GOV";
    }
  }
  e.text = std::string(doc_.token_text(h));
  e.start = doc_.tokens.begin_cp[h];
  e.end = doc_.tokens.end_cp[h];
  return e;
}

std::optional<Participant> ParticipantResolver::agentive(TokenIdx h, int depth) const {
  UPos u = doc_.tokens.upos[h];
  // "The largest rebel alliance, the northern Liberation Front, rejected …": a common noun with a named
  // apposition is that name.
  if (u == UPos::kNoun && depth == 0)
    for (TokenIdx c : tree_.children(h)) {
      if (doc_.tokens.deprel[c] != Deprel::kAppos) continue;
      int32_t m = index_.head_mention(c);
      bool named = doc_.tokens.upos[c] == UPos::kPropn ||
                   (m >= 0 && !doc_.mentions[m].entity.kb_id.empty() &&
                    doc_.mentions[m].entity.kb_id.rfind("agent:", 0) != 0);
      if (named)
        if (auto p = agentive(c, 1)) return p;
    }
  if (u == UPos::kPron) {
    if (auto e = first_person(h)) {
      Participant p;
      p.entity = std::move(*e);
      p.token = h;
      p.agentive = true;
      return p;
    }
    // "we", "I" with no known speaker name nobody.
    if (one_of(tree_.lower(h), {"we", "us", "our", "i", "me", "my", "you", "your"})) return std::nullopt;
  }
  int32_t m = index_.head_mention(h);
  if (m < 0) {
    int32_t c = index_.cover_mention(h);
    if (c >= 0 && doc_.mentions[c].kind != doc::MentionKind::kPlace) m = c;
  }
  std::string_view lemma = head_lemma(h);
  auto accept = [&](doc::Entity e) {
    Participant p;
    p.entity = std::move(e);
    p.token = h;
    p.agentive = true;
    return p;
  };
  bool rejected = false;
  if (m >= 0) {
    const doc::Mention& mm = doc_.mentions[m];
    const doc::Entity& e = mm.entity;
    bool bare_agent = e.kb_id.rfind("agent:", 0) == 0;
    if (mm.kind == doc::MentionKind::kPlace || mm.kind == doc::MentionKind::kOutlet) {
      rejected = mm.kind == doc::MentionKind::kPlace;
      if (!rejected) return accept(e);  // outlets act too ("VOA reported")
    } else if (bare_agent && e.country.empty() && lexicon_.noun_class(lemma) == lexicon::NounClass::kInstrument) {
      rejected = true;  // "missiles", "drones": the instrument, not who fired them ("U.S. jets" name their owner)
    } else if (!e.kb_id.empty() || mm.antecedent >= 0) {
      return accept(e);
    } else if (u == UPos::kPropn || u == UPos::kPron || doc_.tokens.upos[mm.last_token - 1] == UPos::kPropn) {
      // An unresolved proper name, or a title run ending in one ("Chief Executive Carrie Lam").
      if (!is_temporal_name(tree_.lower(h))) return accept(e);
      rejected = true;
    }
  }
  if (!rejected) {
    if (u == UPos::kPron && mention::is_pronoun_form(tree_.lower(h))) {
      auto [a, b] = tree_.np_span(h);
      return accept(mention::unresolved_entity(doc_, index_, a, b));
    }
    if (u == UPos::kPropn && !is_temporal_name(tree_.lower(h))) {
      auto [a, b] = tree_.np_span(h);
      return accept(mention::unresolved_entity(doc_, index_, a, b));
    }
    if (u == UPos::kNoun) {
      lexicon::NounClass cls = lexicon_.noun_class(lemma);
      if (cls == lexicon::NounClass::kAgent) {
        auto [a, b] = tree_.np_span(h);
        return accept(mention::unresolved_entity(doc_, index_, a, b));
      }
    }
  }
  // "Hundreds rallied", "thousands marched": a bare crowd count is unnamed people (with an "of" phrase, the phrase
  // names them: "thousands of supporters", below).
  if (u == UPos::kNoun && depth == 0 && is_crowd_count_word(tree_.lower(h)) && doc_.xpos(h) == "NNS" &&
      std::none_of(tree_.children(h).begin(), tree_.children(h).end(), [&](TokenIdx c) {
        return doc_.tokens.deprel[c] == Deprel::kNmod;
      }))
    if (const kb::Entry* people = kb_.find_id("agent:civilians")) {
      auto [a, b] = tree_.np_span(h);
      doc::Entity e = mention::unresolved_entity(doc_, index_, a, b);
      e.name = people->name;
      e.kb_id = people->id;
      e.type = "CVL";
      return accept(std::move(e));
    }
  // Not an actor itself: its possessor or by-phrase may be ("the presence of US troops", "Iran's attacks").
  if (depth > 1) return std::nullopt;
  // "His detention", "the killing of protesters": what is done to someone names its victim, not its doer, by
  // possessive or "of"; only a by-phrase names the doer ("the arrest of activists by the police").
  const bool patient_noun =
      u == UPos::kNoun && one_of(lemma, {"arrest", "detention", "detainment", "imprisonment", "incarceration",
                                         "jailing", "killing", "assassination", "murder", "execution", "abduction",
                                         "kidnapping", "expulsion", "deportation", "torture", "poisoning",
                                         "persecution", "sentencing", "conviction", "removal", "ouster"});
  for (TokenIdx c : tree_.children(h)) {
    Deprel r = doc_.tokens.deprel[c];
    bool owner = r == Deprel::kNmodPoss && !patient_noun;
    if (r == Deprel::kNmod || r == Deprel::kAmod || r == Deprel::kCompound) {
      for (TokenIdx g : tree_.children(c))
        if (doc_.tokens.deprel[g] == Deprel::kCase &&
            (tree_.lemma(g) == "by" || (tree_.lemma(g) == "of" && !patient_noun)))
          owner = true;
      // A nationality adjective or a name as modifier: "the Iranian attack", "the Hamas offensive".
      // "Military action", "a military offensive": a bare agent word as adjective of an act says what kind of act,
      // not whose ("military units" are the military's).
      if ((r == Deprel::kAmod || r == Deprel::kCompound) && index_.head_mention(c) >= 0) {
        const doc::Entity& me = doc_.mentions[index_.head_mention(c)].entity;
        const bool act_noun = lexicon_.event_noun_category(lemma) != doc::Plover::kNone || is_generic_event_noun(lemma);
        owner = !(act_noun && r == Deprel::kAmod && me.kb_id.rfind("agent:", 0) == 0 && me.country.empty()) &&
                !(r == Deprel::kCompound && names_place_of_act(me, lemma));
      }
    }
    if (!owner) continue;
    if (auto p = agentive(c, depth + 1)) return p;
  }
  return std::nullopt;
}

bool ParticipantResolver::names_place_of_act(const doc::Entity& modifier, std::string_view act_lemma) const {
  if (!is_city_metonym(modifier.kb_id.empty() ? nullptr : kb_.find_id(modifier.kb_id), modifier.text)) return false;
  const doc::Plover c = lexicon_.event_noun_category(act_lemma);
  return c == doc::Plover::kAssault || c == doc::Plover::kProtest || c == doc::Plover::kConsult ||
         (c == doc::Plover::kNone && names_act(lexicon_, act_lemma));
}

bool ParticipantResolver::in_dateline(TokenIdx h) const {
  // "TEHRAN – Iran's Supreme Leader …": the place the story was filed from opens the sentence, up to a dash.
  // "NEWSDESK-The UK …": a wire name alone (no place) opens the paragraph the same way.
  if (h >= tree_.first() + 8) return false;
  std::string head = text::lower(std::string_view(doc_.text).substr(doc_.tokens.begin[tree_.first()], 40));
  auto opens = [&](const std::string& s) { return !s.empty() && head.rfind(text::lower(s), 0) == 0; };
  if (!opens(doc_.meta.dateline) && !opens(doc_.meta.source)) return false;
  for (TokenIdx t = tree_.first(); t <= h; ++t) {
    std::string_view w = doc_.token_text(t);
    if (w == "-" || w == "\u2013" || w == "\u2014" || w == "--" || w == "(") return false;
  }
  return true;
}

std::optional<Participant> ParticipantResolver::actor(TokenIdx h) const {
  if (in_dateline(h)) return std::nullopt;
  if (auto ev = event_reference(h)) {
    // "the attacks by the Houthis" as a subject: the attackers act.
    if (auto p = agentive(h, 1)) return p;
    return ev;
  }
  auto p = agentive(h, 0);
  // "The statement condemned …", "the communique said …": the issuer, named in an earlier sentence.
  if (!p && doc_.tokens.upos[h] == UPos::kNoun &&
      one_of(head_lemma(h), {"statement", "communique", "communiqué", "declaration", "letter", "resolution"})) {
    Participant ref = phrase(h);
    ref.statement_ref = true;
    return ref;
  }
  // A modifier of a nominal trigger ("consulate strike", "Israeli strikes", "Hamas attacks") names the actor only
  // when it names a specific party: a state, organisation, person or group, not a generic noun.
  Deprel r = doc_.tokens.deprel[h];
  if (p && (r == Deprel::kCompound || r == Deprel::kAmod) && doc_.tokens.upos[tree_.head(h) >= 0 ? tree_.head(h) : h] == UPos::kNoun) {
    const doc::Entity& e = p->entity;
    if (r == Deprel::kCompound && names_place_of_act(e, head_lemma(static_cast<TokenIdx>(tree_.head(h)))))
      return std::nullopt;
    // "A military coup", "army rule": the state's forces, of the country the coder places the event in.
    bool specific = (!e.kb_id.empty() && (e.kb_id.rfind("agent:", 0) != 0 || !e.country.empty())) ||
                    e.kb_id == "agent:military" || e.kb_id == "agent:army" ||
                    (e.kb_id.empty() && doc_.tokens.upos[h] == UPos::kPropn);
    if (!specific) return std::nullopt;
  }
  return p;
}

std::optional<Participant> ParticipantResolver::recipient(TokenIdx h, doc::Plover category) const {
  if (in_dateline(h)) return std::nullopt;
  // "an attacker blew himself up": a reflexive object is the actor itself, never another party.
  if (one_of(tree_.lower(h), {"himself", "herself", "themselves", "itself", "oneself"})) return std::nullopt;
  if (auto ev = event_reference(h)) {
    if (auto p = agentive(h, 1)) {
      // "condemned Iran's attack": Iran is the recipient.
      return p;
    }
    // An act stands for its doer as the target of blame, demands, threats and punishment ("condemned the
    // airstrike", "sanctioned over the crackdown"); refusing to enter a war or backing a deal targets no doer.
    bool blames = category == doc::Plover::kAccuse || category == doc::Plover::kRequest ||
                  category == doc::Plover::kThreaten || category == doc::Plover::kSanction ||
                  category == doc::Plover::kCoerce || category == doc::Plover::kAssault;
    if (!blames) return std::nullopt;
    return ev;
  }
  if (auto p = agentive(h, 0)) return p;
  // "The police denied the request", "rejected the demands": refusing a request answers whoever made it (its
  // possessor or by-phrase, else the latest request of the story).
  if (category == doc::Plover::kReject && doc_.tokens.upos[h] == UPos::kNoun &&
      one_of(head_lemma(h), {"request", "demand", "appeal", "plea", "call", "ultimatum", "petition", "offer", "proposal",
                                 "invitation", "overture", "initiative", "plan"})) {
    if (auto p = agentive(h, 1)) return p;
    Participant ref = phrase(h);
    ref.event_ref = doc::Plover::kRequest;
    return ref;
  }
  if (!takes_physical_recipient(category)) return std::nullopt;
  UPos u = doc_.tokens.upos[h];
  if (u != UPos::kNoun && u != UPos::kPropn) return std::nullopt;
  if (lexicon_.noun_class(head_lemma(h)) == lexicon::NounClass::kInstrument) return std::nullopt;
  int32_t m = index_.head_mention(h);
  Participant p;
  p.token = h;
  if (m >= 0) {
    p.entity = doc_.mentions[m].entity;  // a place as target: "attacks on Kyiv"
  } else {
    auto [a, b] = tree_.np_span(h);
    p.entity = mention::unresolved_entity(doc_, index_, a, b);
  }
  return p;
}

}  // namespace casus::code
