// Statistical tagger (UPOS, XPOS, UD features) and lemmatizer for English, trained on UD English EWT.
//
// Public API shared with the parser/pipeline: `train` adds the "tagger.*" and "lemma.*" sections to a model
// container; `Tagger::load` reads them back. A Tagger is immutable after load and annotate() is thread-safe
// (all scratch lives on the caller's stack). See docs/TAGGER.md for the model format and the feature set.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "casus/doc/document.h"
#include "casus/text/word_clusters.h"
#include "casus/util/container.h"
#include "casus/util/status.h"

namespace casus::tag {

// Section format versions; a loader accepts exactly these (readers name both ends in the error).
inline constexpr uint32_t kTaggerSectionVersion = 2;  // 2: word classes (features/3, a copy of the clusters)
inline constexpr uint32_t kLemmaSectionVersion = 1;

struct TrainOptions {
  int epochs = 6;                  // perceptron iterations over the training data (dev accuracy plateaus at 5-6)
  uint64_t seed = 1;               // shuffling of sentences between epochs
  std::string wordnet_dir = "/usr/share/wordnet";  // exception lists + lemma index (baked into the model)
  bool use_wordnet = true;         // false: lemma rules from the treebank only (tests without wordnet-base)
  double prune_threshold = 0.5;    // drop averaged weights with |w| below this at save (0.5: -15% weights, same accuracy)
  int min_word_count = 2;          // words seen fewer times are "unknown" to the tag dictionary (as at runtime)
  std::string data_description;    // provenance written into the tagger section ("UD English EWT r2.x train")
  bool verbose = true;             // per-epoch progress lines to `log`
  int passes = 2;                  // 2: a second pass sees first-pass tags of the next words (jackknifed); 1: 2x faster
  int jackknife_folds = 4;         // folds for the first-pass tags the second pass trains on
  int runs = 1;                    // >1: each pass is the mean of this many perceptrons trained in other orders
  bool compress_sections = true;   // zstd the sections (false: faster tests; the container format allows both)
  // Word classes for the class features (a copy is stored with the weights). Empty: clustered here from the
  // training forms alone with `cluster_options`; `casus train` passes the parser's (training forms + extra text).
  text::WordClusters clusters;
  text::ClusterOptions cluster_options;
};

// Trains the tagger (+ lemmatizer + feature predictor) on gold CoNLL-U documents, prints progress per epoch
// (accuracy on `dev` when non-empty) to `log`, and adds its sections to `out`.
Status train(const std::vector<doc::Document>& train, const std::vector<doc::Document>& dev,
             const TrainOptions& options, ContainerWriter& out, std::ostream& log);

// Token-level accuracies of predicted against gold annotations (same tokenization).
struct Accuracy {
  size_t tokens = 0;
  size_t upos = 0, xpos = 0, feats = 0, lemma = 0, all_tags = 0;  // correct counts
  double pct(size_t correct) const { return tokens ? 100.0 * static_cast<double>(correct) / tokens : 0; }
};

struct TaggerImpl;  // defined in tagger_model.h (internal)

class Tagger {
 public:
  // Fails with kModelCorrupt (missing/truncated section), kModelVersion (section version or feature-set hash
  // differs from this build) naming the section and both versions, or kModelSelfTest (the model's stored
  // self-test sentences tag differently with this build).
  static Result<Tagger> load(const ContainerReader& model);

  // Sets upos, xpos, feats and lemma for every token (sentence by sentence; a document without a sentence
  // layer is tagged as one sequence) and adds the layers kLayerTags | kLayerLemmas. Needs kLayerTokens.
  void annotate(doc::Document& doc) const;

  // Lemmatizes one word given its tags (what annotate() does per token).
  std::string lemmatize(std::string_view form, doc::UPos upos, std::string_view xpos) const;

  // Tags copies of the gold documents and compares (gold tokenization).
  Accuracy evaluate(const std::vector<doc::Document>& gold) const;

  // Provenance and sizes, for `casus model` and benchmarks.
  std::string describe() const;

 private:
  friend struct TaggerAccess;  // training builds a Tagger around a model in progress
  std::shared_ptr<const TaggerImpl> impl_;
};

}  // namespace casus::tag
