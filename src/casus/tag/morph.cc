#include "casus/tag/morph.h"

#include <algorithm>

#include "casus/tag/model.h"
#include "casus/util/hash.h"

namespace casus::tag {

namespace {
inline uint64_t nonzero(uint64_t k) { return k ? k : 1; }
// Feature template ids (part of the format through kFeatureSpec's "morph" part).
enum MorphTemplate : uint64_t {
  kMClass = 101, kMWord, kMPrev1, kMPrev2, kMNext1, kMTagPrev1, kMTagPrev2, kMTagNext1, kMTagNext2, kMTagAround,
  kMFirst, kMSubject, kMSubjectClass, kMWordSubject, kMAux, kMWordPrev1, kMWordTagPrev1, kMWordTagNext1, kMLast,
};
inline uint64_t f3(uint64_t t, uint64_t a, uint64_t b) { return mix64(mix64(t, a), b); }
}  // namespace

int morph_features(const TokenInfo* infos, const uint8_t* tags, const std::vector<TagClass>& classes, size_t n,
                   size_t i, uint64_t* out) {
  const TokenInfo* tok = infos + i + 2;
  const uint64_t c = tags[i];
  auto tag_at = [&](long j) -> uint64_t {
    if (j < 0) return kNoTag;
    if (j >= static_cast<long>(n)) return kEndTag;
    return tags[j];
  };
  const long li = static_cast<long>(i);
  // Nearest nominal to the left (a subject proxy) and nearest auxiliary/particle "to" (voice, mood, tense).
  uint64_t subject = 0, subject_class = kNoTag, aux = 0;
  for (long j = li - 1; j >= 0 && j >= li - 8; --j) {
    doc::UPos u = classes[tags[j]].upos;
    if (!subject && (u == doc::UPos::kPron || u == doc::UPos::kNoun || u == doc::UPos::kPropn)) {
      subject = infos[j + 2].lower;
      subject_class = tags[j];
    }
    if (!aux && j >= li - 4 && (u == doc::UPos::kAux || u == doc::UPos::kPart)) aux = infos[j + 2].lower;
    if (u == doc::UPos::kPunct) break;
  }
  int k = 0;
  out[k++] = mix64(kMClass, c);
  out[k++] = f3(kMWord, c, tok[0].lower);
  out[k++] = f3(kMPrev1, c, tok[-1].lower);
  out[k++] = f3(kMPrev2, c, tok[-2].lower);
  out[k++] = f3(kMNext1, c, tok[1].lower);
  out[k++] = f3(kMTagPrev1, c, tag_at(li - 1));
  out[k++] = f3(kMTagPrev2, c, tag_at(li - 2));
  out[k++] = f3(kMTagNext1, c, tag_at(li + 1));
  out[k++] = f3(kMTagNext2, c, tag_at(li + 2));
  out[k++] = f3(kMTagAround, c, mix64(tag_at(li - 1), tag_at(li + 1)));
  out[k++] = f3(kMFirst, c, i == 0);
  out[k++] = f3(kMSubject, c, subject);
  out[k++] = f3(kMSubjectClass, c, subject_class);
  out[k++] = f3(kMWordSubject, c, mix64(tok[0].lower, subject));
  out[k++] = f3(kMAux, c, aux);
  out[k++] = f3(kMWordPrev1, c, mix64(tok[0].lower, tok[-1].lower));
  out[k++] = f3(kMWordTagPrev1, c, mix64(tok[0].lower, tag_at(li - 1)));
  out[k++] = f3(kMWordTagNext1, c, mix64(tok[0].lower, tag_at(li + 1)));
  out[k++] = f3(kMLast, c, i + 1 == n);
  return k;
}

const std::vector<uint16_t>& MorphModel::candidates(uint64_t lower, uint8_t cls) const {
  if (const uint32_t* l = word_cands.find(nonzero(mix64(lower, cls + 1u)))) return cand_lists[*l];
  return cand_lists[class_cands[cls]];
}

uint16_t MorphModel::choose(const TokenInfo* infos, const uint8_t* tags, const std::vector<TagClass>& classes,
                            size_t n, size_t i) const {
  const auto& cands = candidates(infos[i + 2].lower, tags[i]);
  if (cands.size() == 1) return cands[0];
  uint64_t feats[kMaxMorphFeatures];
  int nf = morph_features(infos, tags, classes, n, i, feats);
  uint16_t best = cands[0];
  int32_t best_score = INT32_MIN;
  for (uint16_t b : cands) {
    int32_t s = 0;
    for (int f = 0; f < nf; ++f)
      if (const int16_t* w = weights.find(morph_key(feats[f], b))) s += *w;
    if (s > best_score) best = b, best_score = s;
  }
  return best;
}

void MorphModel::serialize(ByteWriter& w) const {
  w.u32(static_cast<uint32_t>(bundles.size()));
  for (const auto& b : bundles) w.str(b);
  w.u32(static_cast<uint32_t>(cand_lists.size()));
  for (const auto& l : cand_lists) {
    w.u16(static_cast<uint16_t>(l.size()));
    for (uint16_t b : l) w.u16(b);
  }
  std::vector<std::pair<uint64_t, uint32_t>> wc;
  word_cands.for_each([&](uint64_t k, uint32_t v) { wc.emplace_back(k, v); });
  std::sort(wc.begin(), wc.end());
  w.u32(static_cast<uint32_t>(wc.size()));
  for (auto [k, v] : wc) {
    w.u64(k);
    w.u32(v);
  }
  for (uint32_t l : class_cands) w.u32(l);
  std::vector<std::pair<uint32_t, int16_t>> ws;
  weights.for_each([&](uint32_t k, int16_t v) { ws.emplace_back(k, v); });
  std::sort(ws.begin(), ws.end());
  w.u32(static_cast<uint32_t>(ws.size()));
  for (auto [k, v] : ws) w.u32(k);
  for (auto [k, v] : ws) w.u16(static_cast<uint16_t>(v));
}

bool MorphModel::deserialize(ByteReader& r, size_t n_classes) {
  uint32_t n_bundles = r.u32();
  if (r.failed() || n_bundles == 0 || n_bundles > 65535 || n_bundles > r.remaining() / 4) return false;
  for (uint32_t i = 0; i < n_bundles; ++i) bundles.emplace_back(r.str());
  uint32_t n_lists = r.u32();
  if (r.failed() || n_lists == 0 || n_lists > r.remaining() / 2) return false;
  cand_lists.resize(n_lists);
  for (auto& l : cand_lists) {
    uint16_t len = r.u16();
    if (len == 0 || r.failed()) return false;
    for (uint16_t j = 0; j < len; ++j) {
      uint16_t b = r.u16();
      if (b >= n_bundles) return false;
      l.push_back(b);
    }
  }
  uint32_t n_wc = r.u32();
  if (r.failed() || n_wc > r.remaining() / 12) return false;
  word_cands.reserve(n_wc);
  for (uint32_t i = 0; i < n_wc; ++i) {
    uint64_t k = r.u64();
    uint32_t v = r.u32();
    if (k == 0 || v >= n_lists) return false;
    word_cands.put(k, v);
  }
  class_cands.resize(n_classes);
  for (auto& l : class_cands) {
    l = r.u32();
    if (l >= n_lists) return false;
  }
  uint32_t n_w = r.u32();
  if (r.failed() || n_w > r.remaining() / 6) return false;
  std::vector<uint32_t> keys(n_w);
  for (auto& k : keys) {
    k = r.u32();
    if (k == 0) return false;
  }
  weights.reserve(n_w);
  for (uint32_t i = 0; i < n_w; ++i) weights.put(keys[i], static_cast<int16_t>(r.u16()));
  return !r.failed();
}

}  // namespace casus::tag
