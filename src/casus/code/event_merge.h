// In-document event coreference: one event per real-world action per document.
//
// News restates its main events many times ("Iran launched drones at Israel" … "the attack" … "the Iranian
// assault"), and one sentence often states one action with two triggers ("were killed in an airstrike"). The
// coder first codes every trigger as a candidate; this step merges candidates that describe the same action and
// drops bare references to events the document never states. Rules (docs/CODER.md, "Merging"):
//   - Same category, same aux, compatible modes (equal or one null), compatible dates (overlap or one null).
//   - Parties agree: for actors and for recipients, the two sets are equal (a state and its government or
//     military count as equal), or one of them is empty. An empty side is filled from the other.
//   - A candidate that is the action of another of the same category ("agreed to resume ties": AGREE and the
//     future restoration, also AGREE) is merged into it.
//   - A candidate whose actor was read from another candidate's trigger ("the strike, which killed seven": the
//     killing's actor is the strike) is merged into it whatever its recipients.
//   - The kept event is the first verbal statement (else the first mention); the others become evidence.
//   - A candidate that merged into nothing is dropped when the clause does not assert it (a nominal that is
//     not a subject or a reported occurrence, a descriptive participle, the content of an accusation), or when
//     it has no actor and needs one (background nouns such as "war"; subjectless gerunds); other candidates with neither actor nor recipient are
//     dropped unless they are ASSAULT (unknown perpetrators are coded).
#pragma once

#include <cstdint>
#include <vector>

#include "casus/doc/annotations.h"

namespace casus::code {

struct Candidate {
  doc::Event event;
  uint32_t trigger_token = 0;
  bool nominal = false;        // trigger is a noun ("the attack")
  bool asserted = true;        // the clause states it (not a bare nominal reference, a descriptive participle,
                               // the content of an accusation); otherwise it survives only as evidence
  bool needs_actor = false;    // dropped when no actor is found (background nouns, subjectless verbs)
  int32_t actor_from = -1;     // index of the candidate whose trigger supplied the actor, -1 none
  int32_t content_of = -1;     // index of the candidate whose action this one is ("agreed to [resume ties]")
  bool passive = false;        // verbal trigger in the passive voice
  bool reciprocal = false;     // meetings, clashes: every party is an actor
  bool actor_inherited = false;  // actor taken from an earlier event of the document (agentless passive)
};

// Merges and filters candidates (in document order): the survivors, one per event, in text order.
std::vector<Candidate> merge_candidates(std::vector<Candidate> candidates);

// Two material acts of one category (coercion, sanction, retreat, aid, mobilisation), one giving a mode the
// other lacks: different acts, never merged ("seized power, detaining her", "the coup" and "the blackout").
// Attacks restate with and without a weapon, statements with and without their content: those may be one.
bool distinct_acts(const Candidate& a, const Candidate& b);

// Same actor for merging: equal KB ids, a state and an organ of it ("Israel" ~ "Israeli military"), or the same
// unresolved text.
bool same_party(const doc::Entity& a, const doc::Entity& b);

}  // namespace casus::code
