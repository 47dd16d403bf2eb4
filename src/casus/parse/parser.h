// Labeled dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron over hashed
// Zhang–Nivre features, trained with the Goldberg–Nivre dynamic oracle. Transition and UD label are predicted
// jointly (one class per SHIFT / LEFT(label) / RIGHT(label)). See docs/PARSER.md.
//
// Public API: `train` adds the "parser.*" sections to a model container; `Parser::load` reads them back.
// A Parser is immutable after load; annotate() is thread-safe (scratch lives on the caller's stack).
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

namespace casus::parse {

// Section format version of "parser.config"; Parser::load accepts exactly this one.
inline constexpr uint32_t kParserSectionVersion = 2;  // 2: word clusters (section "parser.clusters")

// Decoding: a small beam over locally normalised transition scores. Each state's valid actions get
// log-softmax(score / temperature); a derivation's score is the sum of its steps'. The perceptron was trained
// greedily, so its raw scores are not comparable across derivations (a beam of 4 over raw sums lost 5.4 dev LAS);
// normalised at temperature 40 (the scale of the int16 weights' sums) they are. Items more than `margin` below the
// best are dropped, so most steps keep one item and the beam costs ~1.3x the greedy pipeline time.
// EWT dev/test LAS 82.97/83.49 greedy -> 83.51/84.32 (width 2, margin 1; width 3: 83.64/84.44 at ~1.4x, which
// fell below 30k tokens/s on the loaded VM); docs/benchmarks/parser.md.
// The temperature is tied to the committed model's weight scale (a tiny test model needs width 1).
// Width 1 is the greedy decoder (identical output). CASUS_PARSE_BEAM, CASUS_PARSE_BEAM_T and
// CASUS_PARSE_BEAM_MARGIN override the defaults at load (experiments only).
// Defaults measured on EWT dev with the committed model (docs/benchmarks/parser.md): width 3, T 50, margin 2 with
// one candidate per move gives LAS 84.07 at ~1.5x the greedy time (greedy 83.25).
struct BeamOptions {
  int width = 3;
  float temperature = 50.0f;
  float margin = 2.0f;  // log-probability below the best item
  // Each item offers only its best-labelled candidate per move (SHIFT, LEFT, RIGHT), so the beam's slots hold
  // structurally different derivations instead of label variants of one arc (with all labels, width 4 reached
  // 84.16 where this reaches 84.36, and width 3 costs less than width 4 did).
  bool best_label_per_move = true;
};

struct TrainOptions {
  int epochs = 15;
  uint64_t seed = 1;
  // Error exploration (Goldberg & Nivre 2012): from this epoch on, follow the model's own non-optimal
  // transition with probability `explore_p`.
  int explore_from_epoch = 2;
  double explore_p = 0.9;
  // Averaged weights below this magnitude are dropped from the saved model (size vs accuracy).
  float prune_threshold = 0.0f;
  std::string data_description;
  bool verbose = true;
  // Word classes for the features; when empty, they are clustered from the training sentences' forms with
  // `cluster_options` (see text/word_clusters.h; `casus train --cluster-text` adds unannotated text).
  text::WordClusters clusters;
  text::ClusterOptions cluster_options;
};

// Attachment scores of predicted against gold trees (same tokenization; LAS on the universal relation part).
struct Scores {
  size_t tokens = 0, heads = 0, labeled = 0, labeled_full = 0;
  double uas() const { return tokens ? 100.0 * static_cast<double>(heads) / tokens : 0; }
  double las() const { return tokens ? 100.0 * static_cast<double>(labeled) / tokens : 0; }
  double las_full() const { return tokens ? 100.0 * static_cast<double>(labeled_full) / tokens : 0; }
};

// Compares head/deprel of two documents with identical tokenization; adds to `scores`.
void score_trees(const doc::Document& gold, const doc::Document& system, Scores& scores);

struct ParserImpl;

class Parser {
 public:
  // kModelCorrupt (missing/truncated section), kModelVersion (section version or feature-set hash differs from
  // this build), naming the section and both values.
  static Result<Parser> load(const ContainerReader& model);

  // Sets head and deprel for every token of every sentence and adds kLayerParse. Needs kLayerTokens and
  // kLayerSentences; uses the tags and lemmas when the document has them.
  void annotate(doc::Document& doc) const;
  // Same with other decoder settings (BeamOptions{1} is greedy).
  void annotate(doc::Document& doc, const BeamOptions& beam) const;

  // Parses copies of the gold documents (keeping their tags) and scores them (the model's decoder settings, or
  // the given ones: training selects its epoch with the greedy decoder).
  Scores evaluate(const std::vector<doc::Document>& gold) const;
  Scores evaluate(const std::vector<doc::Document>& gold, const BeamOptions& beam) const;

  std::string describe() const;

 private:
  std::shared_ptr<const ParserImpl> impl_;
  friend Status train(const std::vector<doc::Document>&, const std::vector<doc::Document>&, const TrainOptions&,
                      ContainerWriter&, std::ostream&);
  friend Status average_parsers(const std::vector<const ContainerReader*>&, float, const std::string&,
                                ContainerWriter&);
};

// Averages the parsers of several models (same feature set and word classes, e.g. trained with other seeds or
// other jackknife taggings) into one: a linear model, so the average scores like the ensemble's mean at the cost of
// one parser. Adds "parser.config", "parser.clusters" and "parser.weights" to `out`.
// Averaged weights below `prune` in magnitude are dropped (as TrainOptions::prune_threshold).
Status average_parsers(const std::vector<const ContainerReader*>& models, float prune, const std::string& description,
                       ContainerWriter& out);

// Appends the parser's normalised word hashes of every sentence of `doc` (input for WordClusters::train).
void append_sentence_words(const doc::Document& doc, std::vector<std::vector<uint64_t>>& out);

// Trains on documents with gold trees; the tags in `train` are what the parser learns from (use predicted tags
// for robustness), `dev` is parsed after every epoch (UAS/LAS printed to `log`) and the best epoch is kept.
Status train(const std::vector<doc::Document>& train, const std::vector<doc::Document>& dev,
             const TrainOptions& options, ContainerWriter& out, std::ostream& log);

}  // namespace casus::parse
