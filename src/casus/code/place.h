// Place of an event: a place (or locative country) mention the event's sentence puts it in, else the dateline
// when the event is in the paragraph the dateline opens.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "casus/code/tree.h"
#include "casus/doc/document.h"
#include "casus/kb/knowledge_base.h"
#include "casus/lexicon/lexicon.h"
#include "casus/mention/mentions.h"
#include "casus/util/date.h"

namespace casus::code {

class PlaceFinder {
 public:
  // Resolves the dateline once per document.
  PlaceFinder(const doc::Document& doc, const kb::KnowledgeBase& kb, const lexicon::Lexicon& lexicon, Date resolve_date);

  // Place of the event triggered by `trigger` in the sentence of `tree`; nullopt when neither the sentence nor
  // the dateline places it.
  // `trigger_heads` (optional, one flag per token of the sentence) marks the head words of all events' triggers: a
  // place whose way up meets another event's head before this one's belongs to that event ("launched attacks on
  // Israel in retaliation for the Israeli attack on a consulate in Syria").
  // With `event` (its parties bound), the dateline places it only when its parties are not all of other
  // countries: a correspondent in Cape Town reporting Russia's strikes on Ukraine does not place them in Cape Town.
  std::optional<doc::Place> find(const SentenceTree& tree, const mention::MentionIndex& index, size_t sentence,
                                 doc::TokenIdx trigger, const std::vector<bool>* trigger_heads = nullptr,
                                 const doc::Event* event = nullptr) const;

 private:
  const doc::Document& doc_;
  const kb::KnowledgeBase& kb_;
  const lexicon::Lexicon& lexicon_;
  std::optional<doc::Place> dateline_place_;
  uint32_t dateline_paragraph_ = 0;
};

// Does the text (a mention's, a dateline) name a city that stands for its state ("Kabul", "Kabul's", "Washington":
// a country entry reached through one of its metonyms)? As a place it is the city, not the state.
bool is_city_metonym(const kb::Entry* entry, std::string_view text);

// Place mention in the sentence: one under the trigger after a locative preposition first, else any in the
// sentence after a locative preposition (or compounded with the act: "Kabul blast").
std::optional<doc::Place> find_sentence_place(const doc::Document& d, const SentenceTree& tree,
                                              const mention::MentionIndex& index, const kb::KnowledgeBase& kb,
                                              const lexicon::Lexicon& lexicon, doc::TokenIdx trigger, const std::vector<bool>* trigger_heads = nullptr);

}  // namespace casus::code
