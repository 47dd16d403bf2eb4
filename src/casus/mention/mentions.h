// Mentions: every actor, place and outlet the document names, resolved with the knowledge base at the document
// date, plus unresolved proper names (kept with an empty name), and light coreference for pronouns ("he", "its"),
// definite descriptions ("the group", "the Lebanese group", "the militant group") and titles ("the supreme leader").
//
// Works on parsed documents (noun phrases come from the tree); without a parse it falls back to the KB matches.
#pragma once

#include <vector>

#include "casus/doc/document.h"
#include "casus/kb/knowledge_base.h"
#include "casus/util/date.h"

namespace casus::mention {

// Per-token lookup built alongside doc.mentions: the mention a noun-phrase head (or a matched token) belongs to.
struct MentionIndex {
  std::vector<int32_t> by_head;   // token → mention whose phrase is headed by that token, -1 none
  std::vector<int32_t> covering;  // token → innermost mention whose span covers the token, -1 none
  int32_t head_mention(doc::TokenIdx t) const { return t < by_head.size() ? by_head[t] : -1; }
  int32_t cover_mention(doc::TokenIdx t) const { return t < covering.size() ? covering[t] : -1; }
};

// Fills doc.mentions (layer kLayerMentions) and returns the token index. `date` is the resolution date
// (the publication date, else today).
MentionIndex annotate(doc::Document& doc, const kb::KnowledgeBase& kb, const Date& date);

// Entity for a KB resolution of a text span.
doc::Entity make_entity(const doc::Document& doc, doc::TokenIdx first, doc::TokenIdx last,
                        const kb::Resolution& r);

// An entity for a phrase the KB does not know ("three sources close to the group"): its text and offsets, and the
// country of a resolved modifier inside it ("Iranian and Hamas officials" → IRN).
doc::Entity unresolved_entity(const doc::Document& doc, const MentionIndex& index, doc::TokenIdx first,
                              doc::TokenIdx last);

bool is_pronoun_form(std::string_view lower);

// Is this lower-cased lemma a noun for an issued statement ("statement", "communique", "readout")? Such a noun as
// subject stands for whoever issued it.
bool is_statement_lemma(std::string_view lower);

}  // namespace casus::mention
