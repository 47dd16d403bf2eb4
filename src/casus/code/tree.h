// Read-only helpers over one parsed sentence: children lists, subtrees and spans. Built once per sentence and
// reused by every coder step, so nothing walks the whole sentence per query.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "casus/doc/document.h"

namespace casus::code {

class SentenceTree {
 public:
  SentenceTree(const doc::Document& doc, size_t sentence);

  doc::TokenIdx first() const { return first_; }
  doc::TokenIdx last() const { return last_; }
  bool contains(doc::TokenIdx t) const { return t >= first_ && t < last_; }
  // Head within the sentence, or -1 for the root / unparsed tokens.
  int32_t head(doc::TokenIdx t) const;
  doc::Deprel rel(doc::TokenIdx t) const { return doc_.tokens.deprel[t]; }
  doc::UPos upos(doc::TokenIdx t) const { return doc_.tokens.upos[t]; }
  doc::Deprel urel(doc::TokenIdx t) const { return doc::deprel_universal(doc_.tokens.deprel[t]); }
  const std::vector<doc::TokenIdx>& children(doc::TokenIdx t) const { return children_[t - first_]; }
  doc::TokenIdx root() const { return root_; }
  // First child with the given relation (exact label), or -1.
  int32_t child(doc::TokenIdx t, doc::Deprel rel) const;
  // Lower-cased lemma (falls back to the lower-cased form when the token has no lemma).
  std::string_view lemma(doc::TokenIdx t) const { return lemmas_[t - first_]; }
  std::string_view lower(doc::TokenIdx t) const { return lowers_[t - first_]; }
  // Does t have a case marker (preposition) whose lemma is one of `lemmas` ("in Gaza", "of Jazan")?
  bool has_case(doc::TokenIdx t, std::initializer_list<std::string_view> lemmas) const;
  // Is `ancestor` on the head path of `t` (t itself counts)?
  bool dominates(doc::TokenIdx ancestor, doc::TokenIdx t) const;
  // [first, last) token span of the subtree of t, skipping subtrees whose relation is in `skip`.
  std::pair<doc::TokenIdx, doc::TokenIdx> span(doc::TokenIdx t, std::initializer_list<doc::Deprel> skip = {}) const;
  // The noun phrase of a nominal head: det/amod/compound/flat/nmod:poss/nummod/appos-free span.
  std::pair<doc::TokenIdx, doc::TokenIdx> np_span(doc::TokenIdx t) const;
  // Conjuncts of t (t itself first), following conj chains: "Iran and Hezbollah" → {Iran, Hezbollah}.
  std::vector<doc::TokenIdx> conjuncts(doc::TokenIdx t) const;

 private:
  const doc::Document& doc_;
  doc::TokenIdx first_, last_, root_ = 0;
  std::vector<std::vector<doc::TokenIdx>> children_;
  std::vector<std::string> lemmas_, lowers_;
};

// Text of a token span in the document, and its code point offsets.
std::string_view span_text(const doc::Document& d, doc::TokenIdx first, doc::TokenIdx last);

}  // namespace casus::code
