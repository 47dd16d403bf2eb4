// Morphological features (UD FEATS) as a choice among the feature bundles seen in training: each token gets
// the candidate bundles its word had with its predicted tag (or its tag's bundles for unseen words), and an
// averaged perceptron over context features picks one (Mood=Imp vs VerbForm=Inf, Case=Acc vs Nom, Person of
// VBP, Voice=Pass of VBN need the context; most tokens have a single candidate and cost one lookup).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casus/tag/features.h"
#include "casus/tag/flat_map.h"
#include "casus/util/bytes.h"
#include "casus/util/hash.h"

namespace casus::tag {

struct TagClass;

inline constexpr int kMaxMorphFeatures = 24;

// Context features of token i (infos padded by 2 on each side; tags has n entries). Values, not keys: the
// key of (feature, bundle) is morph_key(value, bundle).
int morph_features(const TokenInfo* infos, const uint8_t* tags, const std::vector<TagClass>& classes, size_t n,
                   size_t i, uint64_t* out);

inline uint32_t morph_key(uint64_t feature, uint16_t bundle) {
  auto k = static_cast<uint32_t>(mix64(feature, 0x4d4f5250ULL + bundle));  // "MORP" + bundle
  return k ? k : 1;
}

struct MorphModel {
  std::vector<std::string> bundles;                // index 0 = "" (no features)
  std::vector<std::vector<uint16_t>> cand_lists;   // candidate bundles, most frequent first
  FlatMap<uint64_t, uint32_t> word_cands;          // mix64(lower hash, class + 1) → list
  std::vector<uint32_t> class_cands;               // per class → list
  FlatMap<uint32_t, int16_t> weights;              // morph_key → quantized weight

  const std::vector<uint16_t>& candidates(uint64_t lower, uint8_t cls) const;
  uint16_t choose(const TokenInfo* infos, const uint8_t* tags, const std::vector<TagClass>& classes, size_t n,
                  size_t i) const;
  void serialize(ByteWriter& w) const;
  bool deserialize(ByteReader& r, size_t n_classes);
};

}  // namespace casus::tag
