// Word classes, learned from unannotated text by exchange clustering (Kneser & Ney
// 1993; Martin, Liermann & Ney 1998): words are moved between classes to maximise the likelihood of a class
// bigram model. Why: a word seen rarely in the treebank still shares a class with words of similar distribution,
// so its class generalises where its form is too sparse and its predicted tag may be wrong (tagging errors cost
// the parser ~4 LAS on EWT). Two granularities are kept (coarse and fine), in the spirit of the Brown-cluster
// prefixes of Koo, Carreras & Collins (2008).
//
// Shared by the tagger and the parser (casus::text, because stages do not depend on each other). Keys are
// word_class_key() hashes. Each component stores its own copy with the weights trained on it ("parser.clusters",
// and inside "tagger.model"), so retraining one component with new classes cannot silently change the other's
// features (docs/formats/model.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "casus/util/status.h"

namespace casus::text {

// Key of a word form for the word classes: fnv1a64 of the form with ASCII letters lower-cased and ASCII digits
// mapped to '0' ("In 1999" and "in 2024" share "in", "0000"). Part of both components' model formats.
uint64_t word_class_key(std::string_view form);

struct ClusterOptions {
  int coarse = 64;      // classes of the coarse clustering
  int fine = 512;       // classes of the fine clustering
  int min_count = 3;    // rarer words get no class (0)
  int iterations = 12;  // exchange passes over the vocabulary
};

class WordClusters {
 public:
  // Clusters the words of `sentences` (each a list of word_class_key values). Deterministic for the same input.
  static WordClusters train(const std::vector<std::vector<uint64_t>>& sentences, const ClusterOptions& options,
                            std::ostream* log);

  // Class ids: 0 for words without a class, else 1..coarse / 1..fine.
  uint16_t coarse(uint64_t word) const { return lookup(word, coarse_); }
  uint16_t fine(uint64_t word) const { return lookup(word, fine_); }
  size_t size() const { return keys_.size(); }
  bool empty() const { return keys_.empty(); }
  // Calls f(key, coarse, fine) for every word, in ascending key order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < keys_.size(); ++i) f(keys_[i], coarse_[i], fine_[i]);
  }

  std::string serialize() const;
  static Result<WordClusters> deserialize(std::string_view bytes, const std::string& name_for_errors);

 private:
  uint16_t lookup(uint64_t word, const std::vector<uint16_t>& ids) const;

  std::vector<uint64_t> keys_;  // sorted word hashes
  std::vector<uint16_t> coarse_, fine_;
};

// Exchange clustering of word ids 0..n_words-1: returns a class in 0..n_classes-1 per word. `bigrams` are
// (left, right, count) over ids 0..n_words+n_fixed-1; ids >= n_words (sentence boundary, rare words) each keep
// a class of their own that takes part in the counts but never moves. Exposed for tests.
struct Bigram {
  int left, right;
  uint64_t count;
};
std::vector<int> exchange_cluster(int n_words, int n_fixed, const std::vector<Bigram>& bigrams, int n_classes,
                                  int iterations);

}  // namespace casus::text
