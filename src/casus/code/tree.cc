#include "casus/code/tree.h"

#include <algorithm>

#include "casus/text/utf8.h"
#include "casus/util/words.h"

namespace casus::code {

using doc::Deprel;
using doc::TokenIdx;

SentenceTree::SentenceTree(const doc::Document& d, size_t s)
    : doc_(d), first_(d.sentences.first[s]), last_(d.sentences.last[s]) {
  const size_t n = last_ - first_;
  children_.resize(n);
  lemmas_.reserve(n);
  lowers_.reserve(n);
  root_ = first_;
  for (TokenIdx t = first_; t < last_; ++t) {
    int32_t h = d.tokens.head[t];
    if (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(last_)) children_[h - first_].push_back(t);
    else if (h == doc::kRootHead) root_ = t;
    lowers_.push_back(text::lower(d.token_text(t)));
    std::string_view lemma = d.lemma(t);
    lemmas_.push_back(lemma.empty() ? lowers_.back() : text::lower(lemma));
  }
}

int32_t SentenceTree::head(TokenIdx t) const {
  int32_t h = doc_.tokens.head[t];
  return (h >= static_cast<int32_t>(first_) && h < static_cast<int32_t>(last_)) ? h : -1;
}

int32_t SentenceTree::child(TokenIdx t, Deprel rel) const {
  for (TokenIdx c : children(t))
    if (doc_.tokens.deprel[c] == rel) return static_cast<int32_t>(c);
  return -1;
}

bool SentenceTree::has_case(TokenIdx t, std::initializer_list<std::string_view> lemmas) const {
  for (TokenIdx c : children(t))
    if (urel(c) == doc::Deprel::kCase && one_of(lemma(c), lemmas)) return true;
  return false;
}

bool SentenceTree::dominates(TokenIdx ancestor, TokenIdx t) const {
  int32_t cur = static_cast<int32_t>(t);
  for (size_t guard = 0; cur >= 0 && guard <= last_ - first_; ++guard) {
    if (static_cast<TokenIdx>(cur) == ancestor) return true;
    cur = head(static_cast<TokenIdx>(cur));
  }
  return false;
}

std::pair<TokenIdx, TokenIdx> SentenceTree::span(TokenIdx t, std::initializer_list<Deprel> skip) const {
  TokenIdx lo = t, hi = t + 1;
  std::vector<TokenIdx> stack{t};
  size_t guard = 0;
  while (!stack.empty() && guard++ < 4 * (last_ - first_) + 4) {
    TokenIdx cur = stack.back();
    stack.pop_back();
    lo = std::min(lo, cur);
    hi = std::max(hi, cur + 1);
    for (TokenIdx c : children(cur)) {
      if (std::find(skip.begin(), skip.end(), doc_.tokens.deprel[c]) != skip.end()) continue;
      stack.push_back(c);
    }
  }
  // Trim punctuation at the edges ("Hezbollah ," → "Hezbollah").
  while (lo + 1 < hi && doc_.tokens.upos[lo] == doc::UPos::kPunct) ++lo;
  while (hi - 1 > lo && doc_.tokens.upos[hi - 1] == doc::UPos::kPunct) --hi;
  return {lo, hi};
}

std::pair<TokenIdx, TokenIdx> SentenceTree::np_span(TokenIdx t) const {
  TokenIdx lo = t, hi = t + 1;
  // Nearest modifiers first on each side, so "the Syrian military airfield" grows military → Syrian → the.
  std::vector<TokenIdx> order;
  const auto& kids = children(t);
  for (auto it = kids.rbegin(); it != kids.rend(); ++it)
    if (*it < t) order.push_back(*it);
  for (TokenIdx c : kids)
    if (c > t) order.push_back(c);
  for (TokenIdx c : order) {
    Deprel r = doc_.tokens.deprel[c];
    if (r == Deprel::kDet || r == Deprel::kAmod || r == Deprel::kCompound || r == Deprel::kFlat ||
        r == Deprel::kNmodPoss || r == Deprel::kNummod || r == Deprel::kFlatForeign || r == Deprel::kDetPredet) {
      auto [a, b] = span(c, {Deprel::kAclRelcl, Deprel::kAcl, Deprel::kConj, Deprel::kCc, Deprel::kAppos});
      // Only contiguous modifiers extend the phrase.
      if (b == lo || a == hi || (a >= lo && b <= hi) || (a < lo && b >= lo) || (b > hi && a <= hi)) {
        lo = std::min(lo, a);
        hi = std::max(hi, b);
      }
    }
  }
  while (lo + 1 < hi && doc_.tokens.upos[lo] == doc::UPos::kPunct) ++lo;
  while (hi - 1 > lo && doc_.tokens.upos[hi - 1] == doc::UPos::kPunct) --hi;
  return {lo, hi};
}

std::vector<TokenIdx> SentenceTree::conjuncts(TokenIdx t) const {
  std::vector<TokenIdx> out{t};
  for (size_t i = 0; i < out.size() && out.size() < 16; ++i)
    for (TokenIdx c : children(out[i]))
      if (doc_.tokens.deprel[c] == Deprel::kConj) out.push_back(c);
  return out;
}

std::string_view span_text(const doc::Document& d, TokenIdx first, TokenIdx last) {
  if (first >= last) return {};
  return std::string_view(d.text).substr(d.tokens.begin[first], d.tokens.end[last - 1] - d.tokens.begin[first]);
}

}  // namespace casus::code
