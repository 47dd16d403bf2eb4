#include "casus/code/attribution.h"
#include "casus/code/time_expr.h"
#include "casus/util/words.h"

#include <algorithm>

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {
// Nouns that name a source without naming a person.
bool is_source_noun(std::string_view lemma) {
  return one_of(lemma, {"official", "source", "officer", "diplomat", "aide", "person", "people", "insider", "adviser",
                    "advisor", "commander", "member", "spokesman", "spokesperson", "figure", "representative",
                    "analyst", "observer", "resident", "witness", "authority", "leader", "minister", "agent",
                    "negotiator", "envoy", "lawmaker", "legislator", "militant", "fighter", "security"});
}
}  // namespace

doc::Entity AttributionFinder::entity_for(TokenIdx head) const {
  int32_t m = mentions.head_mention(head);
  if (m < 0) m = mentions.cover_mention(head);
  // "TEHRAN – Three senior officials revealed": a dash before the head ends a dateline the parser attached to
  // the speaker's phrase; the phrase starts after it.
  auto after_dateline = [&](TokenIdx a) {
    for (TokenIdx t = a; t < head; ++t)
      if (one_of(doc.token_text(t), {"-", "\u2013", "\u2014", "--"})) a = t + 1;
    return a;
  };
  auto take_phrase = [&](doc::Entity& e, TokenIdx a, TokenIdx b) {  // the entity's text becomes tokens [a, b)
    e.text = std::string(span_text(doc, a, b));
    e.start = doc.tokens.begin_cp[a];
    e.end = doc.tokens.end_cp[b - 1];
  };
  // "Navalny's wife, Yulia Navalnaya, said": a description the KB cannot name is the person its apposition names.
  if (m < 0 || doc.mentions[m].entity.kb_id.empty())
    for (TokenIdx k : tree.children(head))
      if (doc.tokens.deprel[k] == Deprel::kAppos)
        if (int32_t am = mentions.head_mention(k); am >= 0 && doc.mentions[am].entity.kb_id.rfind("person:", 0) == 0) {
          doc::Entity e = doc.mentions[am].entity;
          auto [a, b] = tree.span(head, {Deprel::kAclRelcl, Deprel::kAcl, Deprel::kPunct, Deprel::kConj, Deprel::kCc,
                                         Deprel::kParataxis});
          if (b - a <= 12) take_phrase(e, a, b);
          return e;
        }
  if (m >= 0) {
    doc::Entity e = doc.mentions[m].entity;
    // The speaker's own phrase is the most faithful text ("a Hamas official", not just "Hamas").
    auto [a, b] = tree.span(head, {Deprel::kAclRelcl, Deprel::kAcl, Deprel::kAppos, Deprel::kPunct, Deprel::kConj,
                                   Deprel::kCc, Deprel::kParataxis});
    const TokenIdx untrimmed = a;
    a = after_dateline(a);
    const bool dateline_in_mention = doc.mentions[m].first_token >= untrimmed && doc.mentions[m].first_token < a;
    if ((doc.mentions[m].first_token >= a || dateline_in_mention) && doc.mentions[m].last_token <= b && b - a <= 12)
      take_phrase(e, a, b);
    return e;
  }
  auto [a, b] = tree.span(head, {Deprel::kAclRelcl, Deprel::kAcl, Deprel::kAppos, Deprel::kPunct, Deprel::kConj,
                                 Deprel::kCc, Deprel::kParataxis});
  if (b - a > 12) std::tie(a, b) = tree.np_span(head);
  a = after_dateline(a);
  return mention::unresolved_entity(doc, mentions, a, b);
}

int32_t AttributionFinder::reporting_verb_for(TokenIdx t) const {
  // Walk up: a reporting verb governing the event's clause through ccomp/parataxis/xcomp/advcl.
  int32_t cur = static_cast<int32_t>(t);
  int32_t prev = -1;
  for (int guard = 0; cur >= 0 && guard < 64; ++guard) {
    auto c = static_cast<TokenIdx>(cur);
    if (prev >= 0 && cues.is_reporting_verb(tree.lemma(c)) && doc.tokens.upos[c] != doc::UPos::kNoun) {
      Deprel via = doc::deprel_universal(doc.tokens.deprel[static_cast<TokenIdx>(prev)]);
      if (via == Deprel::kCcomp || via == Deprel::kParataxis || via == Deprel::kXcomp || via == Deprel::kAdvcl ||
          via == Deprel::kConj)
        return cur;
    }
    // A reporting clause attached to this node: "…, officials said." (parataxis or ccomp-inverted).
    for (TokenIdx k : tree.children(c)) {
      Deprel r = doc::deprel_universal(doc.tokens.deprel[k]);
      if ((r == Deprel::kParataxis || r == Deprel::kAdvcl) && cues.is_reporting_verb(tree.lemma(k)) &&
          doc.tokens.upos[k] != doc::UPos::kNoun && speaker_head(k) >= 0)
        return static_cast<int32_t>(k);
    }
    prev = cur;
    cur = tree.head(c);
  }
  return -1;
}

int32_t AttributionFinder::speaker_head(TokenIdx verb) const {
  // "AlJazeera quoted Netanyahu as saying", "he was quoted as saying": who is quoted speaks; the one quoting him
  // relays.
  if (one_of(tree.lemma(verb), {"quote", "cite"}))
    for (TokenIdx k : tree.children(verb))
      if (doc.tokens.deprel[k] == Deprel::kObj || doc.tokens.deprel[k] == Deprel::kNsubjPass)
        return static_cast<int32_t>(k);
  // The subject nearest the verb: a dateline the parser also made a subject ("KYIV, Ukraine – President
  // Zelenskiy said") comes first and is not the speaker.
  int32_t best = -1;
  for (TokenIdx k : tree.children(verb)) {
    Deprel r = doc.tokens.deprel[k];
    if (r != Deprel::kNsubj && r != Deprel::kNsubjOuter) continue;
    // "the ministry said Friday": a day the parser made a subject never speaks.
    if (is_weekday(tree.lower(k)) || one_of(tree.lower(k), {"today", "yesterday", "tonight", "tomorrow"})) continue;
    auto dist = [&](int32_t x) { return std::abs(static_cast<int64_t>(x) - static_cast<int64_t>(verb)); };
    if (best < 0 || dist(static_cast<int32_t>(k)) < dist(best)) best = static_cast<int32_t>(k);
  }
  if (best >= 0) return best;
  // Passive reporting ("it was revealed by Iranian officials"): the agent.
  for (TokenIdx k : tree.children(verb))
    if (doc.tokens.deprel[k] == Deprel::kOblAgent) return static_cast<int32_t>(k);
  return -1;
}

std::optional<doc::Entity> AttributionFinder::speaker_of(TokenIdx verb) const {
  int32_t h = speaker_head(verb);
  if (h < 0) return std::nullopt;
  return entity_for(static_cast<TokenIdx>(h));
}

std::vector<std::string> AttributionFinder::relays(int32_t verb) const {
  std::vector<std::string> out;
  auto add = [&out](const std::string& name) {
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  };
  auto outlet_at = [&](TokenIdx t) -> std::string {
    int32_t m = mentions.cover_mention(t);
    if (m >= 0 && doc.mentions[m].kind == doc::MentionKind::kOutlet)
      return doc.mentions[m].entity.name.empty() ? doc.mentions[m].entity.text : doc.mentions[m].entity.name;
    return {};
  };
  // "told Reuters": outlet objects of the reporting verb.
  if (verb >= 0)
    for (TokenIdx k : tree.children(static_cast<TokenIdx>(verb))) {
      Deprel r = doc::deprel_universal(doc.tokens.deprel[k]);
      if (r == Deprel::kObj || r == Deprel::kIobj || r == Deprel::kObl) add(outlet_at(k));
    }
  // "as quoted by Al Arabiya", "according to a Reuters report", "in an interview with CNN", "Reuters reported":
  // any outlet mention in the sentence that is not an event participant is a relay.
  for (TokenIdx t = tree.first(); t < tree.last(); ++t) {
    int32_t m = mentions.head_mention(t);
    if (m < 0 || doc.mentions[m].kind != doc::MentionKind::kOutlet) continue;
    int32_t h = tree.head(t);
    bool relay_context = false;
    for (int guard = 0; h >= 0 && guard < 4; ++guard) {
      std::string_view lemma = tree.lemma(static_cast<TokenIdx>(h));
      if (cues.is_reporting_verb(lemma) || one_of(lemma, {"quote", "report", "interview", "statement", "accord",
                                                      "according", "tell", "broadcast", "channel", "agency"})) {
        relay_context = true;
        break;
      }
      h = tree.head(static_cast<TokenIdx>(h));
    }
    if (relay_context || doc.tokens.deprel[t] == Deprel::kNsubj || doc.tokens.deprel[t] == Deprel::kOblAgent)
      add(doc.mentions[m].entity.name.empty() ? doc.mentions[m].entity.text : doc.mentions[m].entity.name);
  }
  return out;
}

bool AttributionFinder::anonymous(const std::optional<doc::Entity>& speaker, int32_t head) const {
  for (const auto& hit : cues.find_phrases(doc, sentence))
    if (hit.kind == "anonymity") return true;
  if (!speaker || head < 0) return false;
  if (!speaker->kb_id.empty() && speaker->kb_id.rfind("person:", 0) == 0) return false;
  // A source noun with no proper name of a person: "officials", "a Hamas official", "three sources close to".
  auto h = static_cast<TokenIdx>(head);
  if (!is_source_noun(tree.lemma(h))) return false;
  for (TokenIdx k : tree.children(h))
    if (doc.tokens.deprel[k] == Deprel::kFlat || doc.tokens.deprel[k] == Deprel::kAppos) {
      int32_t m = mentions.cover_mention(k);
      if (m >= 0 && doc.mentions[m].entity.kb_id.rfind("person:", 0) == 0) return false;
      if (doc.tokens.upos[k] == doc::UPos::kPropn && m < 0) return false;
    }
  // "anonymous", "unnamed", "senior" modifiers or a relative clause asking not to be named also count.
  for (TokenIdx k : tree.children(h))
    if (cues.is_anonymity_word(tree.lemma(k))) return true;
  return true;
}

bool AttributionFinder::self_reported(TokenIdx trigger, const std::vector<TokenIdx>& trigger_tokens) const {
  // "announced a military operation", "claimed responsibility": the trigger is itself a report.
  for (TokenIdx t : trigger_tokens)
    if (t != trigger && cues.is_reporting_verb(tree.lemma(t)) && doc.tokens.upos[t] == doc::UPos::kVerb) return true;
  if (doc.tokens.upos[trigger] == doc::UPos::kVerb && one_of(tree.lemma(trigger), {"announce", "claim", "confirm"}))
    return true;
  // "hailed the deal and said …", "Speaking to reporters, Lam criticised …": a reporting verb sharing the subject.
  int32_t clause = static_cast<int32_t>(trigger);
  if (doc.tokens.upos[trigger] == doc::UPos::kNoun && tree.head(trigger) >= 0) clause = tree.head(trigger);
  for (TokenIdx k : tree.children(static_cast<TokenIdx>(clause))) {
    Deprel r = doc::deprel_universal(doc.tokens.deprel[k]);
    if ((r == Deprel::kConj || r == Deprel::kAdvcl) && doc.tokens.upos[k] == doc::UPos::kVerb &&
        (cues.is_reporting_verb(tree.lemma(k)) || one_of(tree.lemma(k), {"speak", "address", "write"})) &&
        speaker_head(k) < 0)
      return true;
  }
  // "In a statement, Blinken expressed …", "told reporters", "at a press conference".
  for (const auto& hit : cues.find_phrases(doc, sentence))
    if (hit.kind == "statement") return true;
  return false;
}

std::optional<doc::Attribution> AttributionFinder::find(TokenIdx trigger, const std::vector<TokenIdx>& trigger_tokens,
                                                        const doc::Entity* actor, bool speech_act) const {
  int32_t verb = reporting_verb_for(trigger);
  // "Khamenei told Haniyeh that Iran would not enter the war, the officials said": a report inside a report is
  // sourced by the outermost reporter with a speaker — the one the journalist heard it from. Relays of every
  // level count ("an aide told Reuters, as carried by a second outlet").
  std::vector<std::string> via = relays(verb);
  for (int depth = 0; verb >= 0 && depth < 4; ++depth) {
    int32_t outer = reporting_verb_for(static_cast<TokenIdx>(verb));
    if (outer < 0 || outer == verb || speaker_head(static_cast<TokenIdx>(outer)) < 0) break;
    verb = outer;
    for (auto& r : relays(verb))
      if (std::find(via.begin(), via.end(), r) == via.end()) via.push_back(std::move(r));
  }
  std::optional<doc::Entity> speaker;
  int32_t head = -1;
  if (verb >= 0) {
    head = speaker_head(static_cast<TokenIdx>(verb));
    if (head >= 0) speaker = entity_for(static_cast<TokenIdx>(head));
  }
  // The actor reports its own act ("Maduro announced …" gives said_by Maduro, as human coders do).
  if (!speaker && actor && !actor->inferred && (speech_act || self_reported(trigger, trigger_tokens))) speaker = *actor;
  // "according to X": X is the source (an outlet there is both said_by and via).
  for (const auto& hit : cues.find_phrases(doc, sentence)) {
    if (hit.kind != "source" || speaker) continue;
    for (TokenIdx t = hit.last; t < tree.last() && t < hit.last + 8; ++t) {
      if (doc.tokens.upos[t] == doc::UPos::kNoun || doc.tokens.upos[t] == doc::UPos::kPropn) {
        // the phrase head: the last nominal before the next verb/punctuation
        TokenIdx h = t;
        while (h + 1 < tree.last() && (doc.tokens.upos[h + 1] == doc::UPos::kNoun ||
                                        doc.tokens.upos[h + 1] == doc::UPos::kPropn))
          ++h;
        head = static_cast<int32_t>(h);
        speaker = entity_for(h);
        break;
      }
    }
  }
  if (!speaker && via.empty()) return std::nullopt;
  doc::Attribution a;
  a.said_by = speaker;
  a.via = std::move(via);
  a.anonymous = anonymous(speaker, head);
  return a;
}

}  // namespace casus::code
