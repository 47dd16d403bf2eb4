// Participants: turns the argument head tokens a lexicon rule bound into the entities that fill the actor and
// recipient slots, keeping only what can fill them.
//
// An actor must be able to act: a resolved KB entity (not a bare weapon such as "missiles"), a pronoun or
// description resolved by coreference, an unresolved proper name, or a common noun that names people or groups
// (lexicon/nouns.tsv: "protesters", "a mob", "officials"). A phrase that cannot act gives way to its possessor
// or by-phrase ("the presence of US troops" → US troops, "Iran's attacks" → Iran). A noun that names another
// event ("condemned the airstrike") is left as an event reference: the coder replaces it with that event's actor
// once the whole document is coded. Recipients of material conflict may also be things ("oil facilities").
#pragma once

#include <optional>
#include <vector>

#include "casus/code/tree.h"
#include "casus/doc/document.h"
#include "casus/kb/knowledge_base.h"
#include "casus/lexicon/lexicon.h"
#include "casus/mention/mentions.h"

namespace casus::code {

struct Participant {
  doc::Entity entity;
  doc::TokenIdx token = 0;                           // head token the entity was read from
  doc::Plover event_ref = doc::Plover::kNone;        // set: the phrase names an event of this category, not an actor
  bool agentive = false;                             // could be an actor (see above)
  bool statement_ref = false;                        // "the statement condemned …": whoever issued it
};

// Who "we" and "I" are inside direct quotes: the quote's speaker, per token of the document.
class QuoteSpeakers {
 public:
  QuoteSpeakers(const doc::Document& doc, const std::vector<doc::Quote>& quotes);
  // Speaker of the quote containing token t, nullptr outside quotes or when the speaker is unknown.
  const doc::Entity* speaker_at(doc::TokenIdx t) const;

 private:
  const std::vector<doc::Quote>& quotes_;
  std::vector<int32_t> quote_of_token_;
};

class ParticipantResolver {
 public:
  ParticipantResolver(const doc::Document& doc, const SentenceTree& tree, const mention::MentionIndex& index,
                      const lexicon::Lexicon& lexicon, const kb::KnowledgeBase& kb, const QuoteSpeakers& speakers)
      : doc_(doc), tree_(tree), index_(index), lexicon_(lexicon), kb_(kb), speakers_(speakers) {}

  // Actor read from head token h: an agentive entity, or an event reference; nullopt when h names neither.
  std::optional<Participant> actor(doc::TokenIdx h) const;
  // Recipient read from h: as actor(), and for material-conflict categories also a non-agentive thing.
  std::optional<Participant> recipient(doc::TokenIdx h, doc::Plover category) const;

 private:
  std::optional<Participant> agentive(doc::TokenIdx h, int depth) const;
  std::optional<Participant> event_reference(doc::TokenIdx h) const;
  // The unresolved noun phrase headed by h, as a participant.
  Participant phrase(doc::TokenIdx h) const;
  // "we", "our", "I" inside a quote: the speaker (for "we", the state a government speaker speaks for).
  std::optional<doc::Entity> first_person(doc::TokenIdx h) const;
  std::string_view head_lemma(doc::TokenIdx h) const { return tree_.lemma(h); }
  // "Kabul blast", "the Minsk protests", "Geneva talks": a capital compounded with an act of violence, a protest or
  // a meeting says where it happened, not that its government acted (the place finder reads it as the place);
  // "Washington sanctions", "the Beijing crackdown" keep the state as actor.
  bool names_place_of_act(const doc::Entity& modifier, std::string_view act_lemma) const;
  // Is h part of the dateline that opens the document's first paragraph ("TEHRAN –")?
  bool in_dateline(doc::TokenIdx h) const;

  const doc::Document& doc_;
  const SentenceTree& tree_;
  const mention::MentionIndex& index_;
  const lexicon::Lexicon& lexicon_;
  const kb::KnowledgeBase& kb_;
  const QuoteSpeakers& speakers_;
};

// Does the noun name an act or the instrument of one ("attack", "talks", "crackdown", "incident", "bomb")?
bool names_act(const lexicon::Lexicon& lexicon, std::string_view lemma);

// Does the category take things (buildings, infrastructure, vehicles) as recipients?
bool takes_physical_recipient(doc::Plover category);

// "hundreds", "thousands", "dozens", "scores", "millions", "tens" (lower case): a count of people that names no one.
bool is_crowd_count_word(std::string_view lower);

}  // namespace casus::code
