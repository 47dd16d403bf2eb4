// Clause repair: one parse error the treebank-trained tagger and parser make often on news, undone before coding.
//
// "Israeli troops remained on alert", "The Azerbaijani parliament threatened on Monday to …": the tagger reads the
// past tense as a participle (VBN, Voice=Pass) and the parser then makes the subject the root of a noun phrase
// with a reduced relative clause ("troops [that were] remained"); sometimes even a finite past ("Zambia
// extradited …") hangs on the noun as acl. News body text is made of clauses, so when a
// sentence's root is a noun phrase whose only verb is such a participle — no auxiliary, no subject of its own,
// no "by" agent after it — the participle is the main verb: it becomes the root, in the past tense and active
// voice, the noun phrase its subject, and what followed it its dependents.
//
// A second, smaller repair: a verb coordinated with an earlier verb's object noun ("killed 1,200 people and
// seized 240 hostages" → seized conj of people) is coordinated with that verb, in its tense. A third: "sources
// close to the group said", parsed as a clause "sources [are] close" complementing a subjectless "said", gets the
// noun back as the reporting verb's subject. A fourth: a gerund clause with "after", "before", "while" … hung on
// the verb's object ("ordered the assault after accusing Syria") is the verb's adverbial clause. A fifth: a clause
// whose subject is "who"/"which" right after a noun is that noun's relative clause. A passive subject with a
// "have" auxiliary and no passive one is an active subject ("it had targeted 16 people"). A reporting verb with
// two subjects, the first carrying the report's verb as a relative clause, gets its report back as ccomp.
// A phrasal verb's particle read as a preposition ("handed over the suspects") is the verb's, the noun its object.
// A relative clause between commas, or a parenthetical "he said", keeps the main verb and its subject ("Estonia,
// which …, has begun"). Headlines drop auxiliaries: their participles are passives ("Militia formed in …") and their
// gerunds progressives ("Trade Growing Rapidly"). All repairs: docs/CODER.md, "Clause repair".
#pragma once

#include "casus/doc/document.h"
#include "casus/kb/knowledge_base.h"

namespace casus::code {

// Repairs every sentence of a parsed document in place; returns how many sentences changed.
size_t repair_participle_clauses(doc::Document& doc);

// "Burkina Faso's army seized power": the parser splits a multi-word name before a possessive ("Burkina" a
// subject, "Faso's army" another). A name the knowledge base knows whole, followed by 's, is one unit: its last
// word keeps its attachment (the possessive's) and the other words become its compounds, with their outside
// dependents. Returns how many names were rejoined.
size_t repair_split_names(doc::Document& doc, const kb::KnowledgeBase& kb);

}  // namespace casus::code
