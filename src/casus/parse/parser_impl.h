// Internal: the loaded parser and the greedy decoder shared by parsing and training.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casus/parse/features.h"
#include "casus/parse/transition.h"
#include "casus/parse/weights.h"

namespace casus::parse {

struct ParserImpl {
  CompactWeights weights;
  WordClusters clusters;
  uint64_t label_mask = 0;  // labels seen in training (bit = Deprel value)
  std::string description;
  BeamOptions beam;
};

struct BeamCand {
  float score;
  int item;
  Action action;
};

// Per-thread scratch of the decoder.
struct Scratch {
  State state{0};
  SentenceAtoms atoms;
  std::vector<uint64_t> features;
  float scores[kNumActions];
  // Beam decoder pools, reused across sentences.
  std::vector<State> beam_cur, beam_next;
  std::vector<float> beam_cur_score, beam_next_score;
  std::vector<BeamCand> beam_cands;
  std::vector<Action> actions;
};

// The highest-scoring valid action. RIGHT onto ROOT carries the root label only; other arcs never do.
Action best_valid_action(const State& st, const float* scores, uint64_t label_mask);

// Enumerates the valid actions of a state (same rules as best_valid_action).
void valid_actions(const State& st, uint64_t label_mask, std::vector<Action>& out);

// Parses atoms greedily into scratch.state; heads/labels are then read from the state.
void parse_atoms(const CompactWeights& weights, uint64_t label_mask, Scratch& scratch);

// Beam search over the same scores (sum of the transitions' perceptron scores); beam 1 equals parse_atoms.
// The best terminal state is left in scratch.state.
void parse_atoms_beam(const CompactWeights& weights, uint64_t label_mask, const BeamOptions& beam, Scratch& scratch);

// Section payloads.
std::string serialize_config(uint64_t label_mask, const std::string& description);


}  // namespace casus::parse
