// The event coder: a parsed Document → PLOVER events with actors, recipients, aux mode, date, place, attribution,
// casualties, score, confidence and the rule that produced each (the audit trail), plus quote records.
//
// Stages (each a function of the document and the immutable resources):
//   mentions + coreference (mention::annotate) → trigger matches (Lexicon::match) → arguments resolved to entities
//   → aux mode → date → place → attribution → casualties → in-document merge of restated events → quotes.
#pragma once

#include <optional>
#include <string>

#include "casus/doc/document.h"
#include "casus/kb/knowledge_base.h"
#include "casus/lexicon/lexicon.h"
#include "casus/util/date.h"

namespace casus::code {

struct CoderOptions {
  // Part of every event id, so that a new lexicon/model version gives new ids (the contract: same input + same
  // versions ⇒ same id).
  std::string version_tag = "casus-1";
  // Resolution date when the document has no publication date (KB roles, relative dates stay unresolved).
  Date fallback_date = Date::ymd(2026, 1, 1);
  // Events stated more than this many days before publication are "historical".
  int historical_days = 365;
};

class Coder {
 public:
  Coder(const lexicon::Lexicon& lexicon, const kb::KnowledgeBase& kb, CoderOptions options = {})
      : lexicon_(lexicon), kb_(kb), options_(std::move(options)) {}

  // Needs the token, sentence, tag, lemma and parse layers; fills mentions, events and quotes.
  void code(doc::Document& doc) const;

 private:
  // The government a protest in the event's country targets: the head of government (else of state) the KB
  // knows at the date, else the state itself; nullopt when the place is unknown or the protesters are foreign.
  std::optional<doc::Entity> government_of_place(const doc::Event& e, const Date& date) const;
  // A generic state force (army, military, troops) of a known country becomes that state's national armed forces
  // organisation when the KB has exactly one.
  void link_national_forces(doc::Entity& e) const;
  // A civilian group of a known country is named by its people ("Sri Lankan protesters", "Yemeni children"), as
  // ACLED and PLOVER coders name crowds: crowds of different countries then stay apart by name, not only by code.
  void name_by_people(doc::Entity& e) const;
  // Where an event with no stated place happened, from its parties: a targeted state's territory, or the story
  // country for its own people's and forces' acts; nullopt when the parties do not say.
  std::optional<doc::Place> implied_place(const doc::Event& e, const std::string& story_country) const;
  // With no place stated or implied: the story's country for an act whose parties are all of it.
  std::optional<doc::Place> domestic_place(const doc::Event& e, const std::string& story_country) const;
  // The country as an inferred place (its coordinates), nullopt when the KB does not know it.
  std::optional<doc::Place> country_place(const std::string& country) const;

  const lexicon::Lexicon& lexicon_;
  const kb::KnowledgeBase& kb_;
  CoderOptions options_;
};

}  // namespace casus::code
