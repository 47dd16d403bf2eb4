#include "casus/code/evaluation.h"
#include "casus/util/words.h"

#include <algorithm>

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

namespace {


// Verbs that characterise an object: "described the attack as reckless", "called it a crime".
bool is_characterising_verb(std::string_view lemma) {
  return one_of(lemma, {"describe", "call", "brand", "label", "consider", "term", "dub", "characterize",
                    "characterise", "deem", "regard", "view"});
}

// Claims of wrongdoing are allegations; judgements of an act are disapproval.
bool is_allegation_word(std::string_view lemma) {
  return one_of(lemma, {"fraud", "trump", "fabricated", "lie", "baseless", "scared", "interference", "meddling",
                    "sabotage", "destabilize", "destabilise", "torture", "abuse"});
}

}  // namespace

std::vector<EvaluativeReport> evaluative_reports(const doc::Document& d, size_t sentence, const SentenceTree& tree,
                                                 const ParticipantResolver& participants,
                                                 const AttributionFinder& attribution,
                                                 const lexicon::CueLists& cues,
                                                 const std::vector<const Candidate*>& coded) {
  std::vector<EvaluativeReport> out;
  for (TokenIdx v = tree.first(); v < tree.last(); ++v) {
    if (d.tokens.upos[v] != doc::UPos::kVerb) continue;
    std::string_view lemma = tree.lemma(v);
    const bool reporting = cues.is_reporting_verb(lemma);
    const bool characterising = is_characterising_verb(lemma);
    if (!reporting && !characterising) continue;
    // The complement: what is reported, or the object and what it is called.
    std::vector<TokenIdx> heads;
    int32_t described = -1;
    for (TokenIdx c : tree.children(v)) {
      Deprel r = tree.urel(c);
      if (reporting && (r == Deprel::kCcomp || r == Deprel::kParataxis)) heads.push_back(c);
      if (characterising && (r == Deprel::kObj || r == Deprel::kXcomp || r == Deprel::kObl)) {
        heads.push_back(c);
        if (r == Deprel::kObj && described < 0) described = static_cast<int32_t>(c);
      }
    }
    if (heads.empty()) continue;
    auto inside = [&](TokenIdx t) {
      return std::any_of(heads.begin(), heads.end(), [&](TokenIdx h) { return tree.dominates(h, t); });
    };
    TokenIdx judgement = tree.last();
    for (TokenIdx t = tree.first(); t < tree.last() && judgement == tree.last(); ++t)
      if (inside(t) && d.tokens.upos[t] != doc::UPos::kPropn &&  // "Mr Trump" is no "trumped-up" charge
          (cues.is_condemnation_word(tree.lemma(t)) || cues.is_condemnation_word(tree.lower(t))))
        judgement = t;
    if (judgement == tree.last()) continue;
    // "The ministry considers the attack a gross violation, spokesman X said": the inner characterisation is the
    // accusation (X is its source); the reporting verb around it adds none of its own.
    bool inner_report = false;
    for (TokenIdx u = tree.first(); u < tree.last() && !inner_report; ++u)
      inner_report = u != v && d.tokens.upos[u] == doc::UPos::kVerb && inside(u) && tree.dominates(u, judgement) &&
                     (is_characterising_verb(tree.lemma(u)) || cues.is_reporting_verb(tree.lemma(u)));
    if (inner_report) continue;

    // "condemned what he called the massacre": the enclosing accusation already codes it.
    bool inside_accusation = false;
    for (const Candidate* k : coded)
      if (k->event.category == doc::Plover::kAccuse && k->trigger_token != v && tree.dominates(k->trigger_token, v))
        inside_accusation = true;
    if (inside_accusation) continue;
    int32_t subj = attribution.speaker_head(v);
    if (subj < 0) continue;
    auto speaker = participants.actor(static_cast<TokenIdx>(subj));
    if (!speaker || speaker->event_ref != doc::Plover::kNone) continue;

    EvaluativeReport report;
    Candidate& c = report.candidate;
    doc::Event& e = c.event;
    e.category = doc::Plover::kAccuse;
    std::string_view jl = tree.lemma(judgement);
    e.mode = is_allegation_word(jl) || is_allegation_word(tree.lower(judgement)) ? "allege" : "disapprove";
    e.sentence = static_cast<uint32_t>(sentence);
    e.rule = "ACCUSE.evaluative.report";
    e.context = {"diplomatic"};
    e.actor.push_back(speaker->entity);
    // The speaker's own phrase ("opposition leader Raila Odinga": the title, the appositive) is never the judged.
    auto phrase = static_cast<TokenIdx>(subj);  // the whole dependent of the verb the speaker is in
    for (int guard = 0; guard < 16 && tree.head(phrase) >= 0 && tree.head(phrase) != static_cast<int32_t>(v); ++guard)
      phrase = static_cast<TokenIdx>(tree.head(phrase));
    if (tree.head(phrase) != static_cast<int32_t>(v)) phrase = static_cast<TokenIdx>(subj);
    const auto [subj_first, subj_last] = tree.span(phrase);
    const uint32_t subj_begin = d.tokens.begin_cp[subj_first], subj_end = d.tokens.end_cp[subj_last - 1];
    auto same_as_speaker = [&](const doc::Entity& x) {
      return same_party(x, speaker->entity) || (x.end > x.start && x.start >= subj_begin && x.end <= subj_end);
    };
    // The party judged: the doer of an event coded inside the complement …
    for (const Candidate* k : coded) {
      if (!inside(k->trigger_token) || k->event.category == doc::Plover::kAccuse) continue;
      for (const auto& a : k->event.actor)
        if (!same_as_speaker(a) && e.recipient.empty()) e.recipient.push_back(a);
    }
    // … else the act described ("described the attack as reckless": the attacker) …
    if (e.recipient.empty() && described >= 0) {
      if (auto p = participants.recipient(static_cast<TokenIdx>(described), doc::Plover::kAccuse)) {
        if (p->event_ref != doc::Plover::kNone) report.judged_event = std::move(p);
        else if (!same_as_speaker(p->entity)) e.recipient.push_back(p->entity);
      }
    }
    // … else the first other party the complement names.
    if (e.recipient.empty() && !report.judged_event)
      for (TokenIdx t = tree.first(); t < tree.last() && e.recipient.empty(); ++t) {
        // A possessor ("his party would keep protesting") qualifies a party; it is not the one judged.
        if (!inside(t) || t == judgement || tree.urel(t) == Deprel::kNmodPoss) continue;
        auto p = participants.actor(t);
        if (p && p->event_ref == doc::Plover::kNone && p->token == t && !same_as_speaker(p->entity))
          e.recipient.push_back(p->entity);
      }
    e.trigger_text = std::string(span_text(d, v, v + 1));
    e.trigger_start = d.tokens.begin_cp[v];
    e.trigger_end = d.tokens.end_cp[v];
    e.confidence = 0.5;
    c.trigger_token = v;
    c.nominal = false;
    c.needs_actor = true;
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace casus::code
