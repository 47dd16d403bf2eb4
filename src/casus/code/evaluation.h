// Evaluative reports: accusations made by characterising another party's act rather than by an accusing verb.
//
// "Kuleba added that 'this is a war of aggression'", "Sunak described the attack as reckless", "Navalny said all
// charges against him were trumped up", "the army says the detentions were a response to fraud". Human coders
// code these as ACCUSE (disapprove for a judgement, allege for a claim of wrongdoing) from the speaker to the
// party judged. A report — a reporting verb, or describe/call/consider … as — whose complement holds a word of
// condemnation (lexicon/cues/attribution.tsv, kind condemn_word) gives one ACCUSE event:
//   actor      the reporting verb's subject (it must be able to act);
//   recipient  the actor of an event coded inside the complement, else the object described when it names
//              another event ("the attack" → its perpetrator, resolved like any event reference), else the first
//              other party named in the complement; else nobody (the document focus may fill it later).
#pragma once

#include <optional>
#include <vector>

#include "casus/code/attribution.h"
#include "casus/code/event_merge.h"
#include "casus/code/participants.h"
#include "casus/code/tree.h"
#include "casus/lexicon/lexicon.h"

namespace casus::code {

struct EvaluativeReport {
  Candidate candidate;
  std::optional<Participant> judged_event;  // an event reference to resolve into the recipient, when found
};

// Reports of one sentence. `coded` are the candidates already coded for this sentence (their actors are the
// parties judged when their triggers lie in the complement).
std::vector<EvaluativeReport> evaluative_reports(const doc::Document& doc, size_t sentence, const SentenceTree& tree,
                                                 const ParticipantResolver& participants,
                                                 const AttributionFinder& attribution,
                                                 const lexicon::CueLists& cues,
                                                 const std::vector<const Candidate*>& coded);

}  // namespace casus::code
