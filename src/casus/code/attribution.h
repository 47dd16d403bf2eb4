// Attribution: who the text says reported an event, through which outlets, and whether the source is anonymous.
//
// "A militia spokesman told AFP, as cited by Al Jazeera" → said_by "a militia spokesman", via [AFP, Al Jazeera],
// anonymous. Found from the tree (the reporting verb that governs the event's clause, or a reporting clause
// attached to it: "…, three sources close to the Lebanese group said") and from cue phrases ("according to",
// "as quoted by", "asked not to be named").
#pragma once

#include <optional>
#include <vector>

#include "casus/code/tree.h"
#include "casus/doc/document.h"
#include "casus/lexicon/lexicon.h"
#include "casus/mention/mentions.h"

namespace casus::code {

struct AttributionFinder {
  const doc::Document& doc;
  const SentenceTree& tree;
  const mention::MentionIndex& mentions;
  const lexicon::CueLists& cues;
  size_t sentence;

  // Attribution of an event whose trigger is `trigger` (with the words the rule consumed); nullopt when the
  // sentence attributes nothing to anyone. `actor` (may be null) is the event's first actor: it is the source
  // when the event reports itself ("announced", "claimed", "in a statement", "hailed … and said").
  // speech_act: the trigger is itself a public statement (condemn, accuse, warn: rules with flag=speech), so the
  // actor is its own source when no reporter is named.
  std::optional<doc::Attribution> find(doc::TokenIdx trigger, const std::vector<doc::TokenIdx>& trigger_tokens = {},
                                       const doc::Entity* actor = nullptr, bool speech_act = false) const;
  bool self_reported(doc::TokenIdx trigger, const std::vector<doc::TokenIdx>& trigger_tokens) const;
  // The reporting verb whose clause contains `t` (or that reports it through parataxis), -1 when none.
  int32_t reporting_verb_for(doc::TokenIdx t) const;
  // Speaker of a reporting verb: its subject (or "according to X"), as an entity.
  std::optional<doc::Entity> speaker_of(doc::TokenIdx verb) const;
  // Outlets named as relays in the sentence ("told Reuters", "as quoted by Al Arabiya", "a Reuters report").
  std::vector<std::string> relays(int32_t verb) const;
  // Anonymity: unnamed speaker ("officials", "a Hamas official", "sources close to") or an anonymity cue.
  bool anonymous(const std::optional<doc::Entity>& speaker, int32_t speaker_head) const;
  // Entity for a noun-phrase head: its mention, else the phrase text unresolved.
  doc::Entity entity_for(doc::TokenIdx head) const;
  int32_t speaker_head(doc::TokenIdx verb) const;
};

}  // namespace casus::code
