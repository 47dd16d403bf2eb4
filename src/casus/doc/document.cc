#include "casus/doc/document.h"

#include <algorithm>

namespace casus::doc {

void TokenLayer::reserve(size_t n) {
  begin.reserve(n); end.reserve(n); begin_cp.reserve(n); end_cp.reserve(n); space_after.reserve(n);
  form.reserve(n); lemma.reserve(n); upos.reserve(n); xpos.reserve(n); feats.reserve(n); head.reserve(n);
  deprel.reserve(n);
}

void TokenLayer::clear() {
  begin.clear(); end.clear(); begin_cp.clear(); end_cp.clear(); space_after.clear(); form.clear();
  lemma.clear(); upos.clear(); xpos.clear(); feats.clear(); head.clear(); deprel.clear();
}

TokenIdx TokenLayer::add(uint32_t b, uint32_t e, uint32_t bcp, uint32_t ecp, StrId form_id, bool space) {
  auto idx = static_cast<TokenIdx>(begin.size());
  begin.push_back(b);
  end.push_back(e);
  begin_cp.push_back(bcp);
  end_cp.push_back(ecp);
  space_after.push_back(space ? 1 : 0);
  form.push_back(form_id);
  lemma.push_back(kNoStr);
  upos.push_back(UPos::kNone);
  xpos.push_back(kNoStr);
  feats.push_back(kNoStr);
  head.push_back(kNoHead);
  deprel.push_back(Deprel::kNone);
  return idx;
}

std::string_view Document::feat(TokenIdx t, std::string_view name) const {
  std::string_view all = feats(t);
  while (!all.empty()) {
    size_t bar = all.find('|');
    std::string_view kv = all.substr(0, bar);
    size_t eq = kv.find('=');
    if (eq != std::string_view::npos && kv.substr(0, eq) == name) return kv.substr(eq + 1);
    if (bar == std::string_view::npos) break;
    all.remove_prefix(bar + 1);
  }
  return {};
}

std::string_view Document::sentence_text(size_t s) const {
  TokenIdx f = sentences.first[s], l = sentences.last[s];
  if (f >= l) return {};
  return std::string_view(text).substr(tokens.begin[f], tokens.end[l - 1] - tokens.begin[f]);
}

size_t Document::sentence_of(TokenIdx t) const {
  auto it = std::upper_bound(sentences.first.begin(), sentences.first.end(), t);
  return it == sentences.first.begin() ? 0 : static_cast<size_t>(it - sentences.first.begin() - 1);
}

uint32_t Document::cp_offset(uint32_t byte_offset) const {
  constexpr uint32_t kStride = 64;
  if (cp_index_.empty()) {
    cp_index_.reserve(text.size() / kStride + 2);
    uint32_t cps = 0;
    for (uint32_t i = 0; i <= text.size(); ++i) {
      if (i % kStride == 0) cp_index_.push_back(cps);
      if (i < text.size() && (static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) ++cps;
    }
  }
  byte_offset = std::min<uint32_t>(byte_offset, static_cast<uint32_t>(text.size()));
  uint32_t base = byte_offset / kStride * kStride;
  uint32_t cps = cp_index_[base / kStride];
  for (uint32_t i = base; i < byte_offset; ++i)
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) ++cps;
  return cps;
}

void Document::clear_layers() {
  tokens.clear();
  sentences.clear();
  mentions.clear();
  events.clear();
  quotes.clear();
  layers = 0;
  cp_index_.clear();
}

}  // namespace casus::doc
