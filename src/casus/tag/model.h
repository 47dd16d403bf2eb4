// Internal: the loaded tagger model (weights, lexicons, feature bundles, lemmatizer) and the greedy decoder
// shared by runtime and training-time evaluation. Not part of the public API.
#pragma once

#include <cstdint>
#include <memory>
#include <array>
#include <string>
#include <vector>

#include "casus/doc/enums.h"
#include "casus/tag/features.h"
#include "casus/tag/flat_map.h"
#include "casus/tag/lemmatizer.h"
#include "casus/tag/morph.h"
#include "casus/tag/tagger.h"
#include "casus/util/bytes.h"
#include "casus/util/huge_pages.h"

namespace casus::tag {

// Quantized sparse weights: feature key → run of (class, int16 weight) entries.
class WeightTable {
 public:
  struct Row {
    uint32_t key;
    std::vector<std::pair<uint8_t, int16_t>> entries;
  };
  // Rows must have distinct keys; entries sorted by class is not required.
  void build(std::vector<Row> rows);
  void serialize(ByteWriter& w) const;
  bool deserialize(ByteReader& r, size_t n_classes);
  // Adds the weights of the features to scores[0..n_classes).
  void score(const uint32_t* features, int n, int32_t* scores) const {
    // Prefetch every feature's home slot first so the cache misses overlap instead of queueing.
    size_t home[kMaxFeatures];
    for (int f = 0; f < n; ++f) {
      home[f] = (features[f] * 0x9E3779B1u) >> shift_;
      __builtin_prefetch(&slots_[home[f]]);
    }
    // Then find the rows and prefetch their entries, then add.
    uint32_t found[kMaxFeatures];
    int n_found = 0;
    for (int f = 0; f < n; ++f) {
      uint32_t key = features[f];
      size_t i = home[f];
      while (true) {
        const Slot& slot = slots_[i];
        if (slot.key == key) {
          found[n_found++] = slot.value;
          __builtin_prefetch(entries_.data() + (slot.value >> 8));
          break;
        }
        if (slot.key == 0) break;
        i = (i + 1) & mask_;
      }
    }
    for (int f = 0; f < n_found; ++f) {
      const Entry* e = entries_.data() + (found[f] >> 8);
      for (uint32_t c = found[f] & 0xFF, j = 0; j < c; ++j) scores[e[j].cls] += e[j].weight;
    }
  }
  float scale = 1.0f;  // weight = int16 * scale
  size_t features() const { return n_features_; }
  size_t entries() const { return entries_.size(); }

 private:
  struct Entry {
    uint8_t cls;
    int16_t weight;
  };
  void index();
  std::vector<uint32_t> sorted_keys_;  // kept in key order for serialization
  std::vector<uint8_t> counts_;
  HugePageVector<Entry> entries_;      // in sorted_keys_ order (huge pages: util/huge_pages.h)
  struct Slot {
    uint32_t key;    // 0 = empty
    uint32_t value;  // offset << 8 | count
  };
  HugePageVector<Slot> slots_;  // open addressing, at most half full
  uint32_t mask_ = 0;
  int shift_ = 32;
  size_t n_features_ = 0;
};

struct TagClass {
  doc::UPos upos = doc::UPos::kNone;
  std::string xpos;
};

// Word lexicon entry: the tag-dictionary facts a feature or a shortcut needs.
struct LexEntry {
  uint32_t amb = 0;      // UPOS bitmask seen in training
  uint8_t wordnet = 0;   // WordNet POS bits
  uint8_t sole = 0xFF;   // the only class a frequent word ever had, 0xFF when ambiguous or rare
};

struct TaggerImpl {
  std::string description;
  std::vector<TagClass> classes;
  std::vector<WeightTable> passes;  // 1 = greedy left-to-right; 2 = a second pass sees the first's right tags
  FlatMap<uint64_t, LexEntry> lexicon;     // lower-form hash → entry
  MorphModel morph;                        // UD feature bundles
  // Word classes the weights were trained with: the tagger's own copy (the parser keeps another in
  // "parser.clusters"), so that retraining either component alone cannot change the other's features.
  text::WordClusters clusters;
  FlatMap<uint64_t, uint32_t> word_classes;  // class key → coarse << 16 | fine, built from `clusters`
  Lemmatizer lemmatizer;
  // Per class: may a word the lexicon does not know take it? Closed classes (adpositions, determiners, pronouns,
  // conjunctions, auxiliaries, particles) are lists training saw whole, so an unseen word is never one of them:
  // news vocabulary missing from EWT ("airstrike", "drone-strike") otherwise drifts to SCONJ or ADP by context.
  std::vector<uint8_t> open_to_unknown;
  // Class ids for the grammatical repairs decode() applies (kNoClass when the model lacks the class).
  static constexpr uint8_t kNoClass = 0xFF;
  uint8_t noun_singular = kNoClass;  // NOUN/NN
  uint8_t verb_base = kNoClass;      // VERB/VB
  uint8_t infinitive_to = kNoClass;  // PART/TO
  uint8_t verb_3sg = kNoClass;       // VERB/VBZ
  uint8_t verb_present = kNoClass;   // VERB/VBP
  uint8_t verb_past = kNoClass;      // VERB/VBD
  uint8_t adjective = kNoClass;      // ADJ/JJ
  uint8_t closing_quote = kNoClass;  // PUNCT/''
  // Word hashes the repairs test (fnv1a64 of the lower-cased form).
  uint64_t word_to = 0, word_on = 0, word_for = 0, word_today = 0, word_yesterday = 0;
  std::array<uint64_t, 4> hedging_participles{};  // "suspected", "alleged", … before a noun: adjectives
  std::array<uint64_t, 5> casualty_verbs{};       // "wounded", "injured", … after "and" before a number: verbs
  std::array<uint64_t, 5> clause_subordinators{};  // "while", "whereas", … open a clause whose subject is a name
  std::vector<uint64_t> intent_nouns;               // "threats", "plan", … take an infinitive ("threats to jail him")
  uint64_t word_march = 0;                          // "a peaceful march" is no month
  uint64_t suffix_s = 0;                            // TokenInfo::suffix[0] of a word ending in -s

  // Derives open_to_unknown and the repair class ids from `classes` (after loading or training).
  void index_classes();
  // Builds word_classes from clusters (after loading or training).
  void index_clusters();

  // Fills amb/wordnet/sole and the word classes for a token whose form fields are computed.
  void lookup(std::string_view form, TokenInfo& info, uint8_t& sole) const;
  // Tags one sentence: infos has n + 4 entries (two boundary infos on each side), sole[n] shortcuts.
  // scratch_tags: n entries (first-pass tags when there are two passes).
  void decode(const TokenInfo* infos, const uint8_t* sole, size_t n, uint8_t* out, uint8_t* scratch_tags) const;
  // Grammatical repairs of decoded tags that the treebank's gold annotation never violates. infos as for decode().
  void repair(const TokenInfo* infos, uint8_t* tags, size_t n) const;

  std::string serialize() const;
  static Result<std::shared_ptr<TaggerImpl>> deserialize(std::string_view tagger_bytes,
                                                         std::string_view lemma_bytes);
};

struct TaggerAccess {
  static Tagger make(std::shared_ptr<const TaggerImpl> impl) {
    Tagger t;
    t.impl_ = std::move(impl);
    return t;
  }
};

// Greedy decoding of one pass. right = first-pass tags (pass 2) or nullptr (pass 1).
// open_to_unknown: per class, may an unknown word (amb 0) take it; nullptr = any class.
void decode_pass(const WeightTable& weights, size_t n_classes, const TokenInfo* infos, const uint8_t* sole,
                 size_t n, const uint8_t* right, uint8_t* out, const uint8_t* open_to_unknown = nullptr);

}  // namespace casus::tag
