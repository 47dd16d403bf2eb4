// Arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the Goldberg–Nivre dynamic oracle.
//
// Why arc-hybrid: its dynamic oracle is exact and O(n) per transition for projective trees, which lets the
// perceptron learn from its own mistakes (error exploration). UD English EWT is almost projective: 0.17% of the
// training arcs (2.3% of sentences) and 0.11% of the test arcs are non-projective, so a projective system loses at
// most ~0.1 LAS there; swap-based systems cost speed and an approximate oracle for that tenth of a point.
// Non-projective training trees are kept: the oracle then picks the cheapest transition, which is still a good
// teacher for the projective part of the tree.
//
// Configuration: a stack whose bottom is the virtual ROOT (index n), and a buffer b..n-1.
//   SHIFT      push b0.
//   LEFT(l)    b0 becomes the head of s0 with label l; pop s0.
//   RIGHT(l)   s1 becomes the head of s0 with label l; pop s0.
// RIGHT onto ROOT is allowed only when the buffer is empty, so every parse has exactly one root.
#pragma once

#include <cstdint>
#include <vector>

#include "casus/doc/enums.h"

namespace casus::parse {

// Labels are doc::Deprel values (< 64 so that label sets fit a uint64_t bit mask).
inline constexpr int kMaxLabels = 64;
static_assert(doc::kNumDeprel <= kMaxLabels, "label sets are 64-bit masks");

// A transition class: 0 = SHIFT, 1 + l = LEFT(l), 1 + kMaxLabels + l = RIGHT(l).
using Action = uint8_t;
inline constexpr int kNumActions = 1 + 2 * kMaxLabels;
inline constexpr Action kShift = 0;
enum class Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };
inline Action left_action(int label) { return static_cast<Action>(1 + label); }
inline Action right_action(int label) { return static_cast<Action>(1 + kMaxLabels + label); }
inline Move move_of(Action a) { return a == 0 ? Move::kShift : (a <= kMaxLabels ? Move::kLeft : Move::kRight); }
inline int label_of(Action a) { return a == 0 ? 0 : (a <= kMaxLabels ? a - 1 : a - 1 - kMaxLabels); }

inline constexpr int kNone = -1;  // "no such node" (empty stack position, no child)

// The mutable parse state of one sentence of n tokens (0..n-1); ROOT is index n.
class State {
 public:
  explicit State(int n) { reset(n); }
  void reset(int n);

  int size() const { return n_; }
  int root() const { return n_; }
  // Stack from the top: s(0) is the top; kNone past the bottom.
  int s(int i) const {
    int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[k] : kNone;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // Buffer from the front: b(0) is the next token; kNone past the end.
  int b(int i) const { return b_ + i < n_ ? b_ + i : kNone; }
  int buffer_front() const { return b_; }
  bool terminal() const { return b_ >= n_ && stack_.size() == 1; }

  bool valid(Move m) const;
  void apply(Action a);

  // Arcs built so far (kNone / Deprel::kNone when unattached; ROOT's index n for the sentence root).
  int head(int i) const { return head_[i]; }
  int label(int i) const { return label_[i]; }
  // Leftmost/second leftmost and rightmost/second rightmost dependents; kNone when absent. Valid for ROOT too.
  int left1(int i) const { return left1_[i]; }
  int left2(int i) const { return left2_[i]; }
  int right1(int i) const { return right1_[i]; }
  int right2(int i) const { return right2_[i]; }
  int n_left(int i) const { return n_left_[i]; }
  int n_right(int i) const { return n_right_[i]; }
  uint64_t left_labels(int i) const { return left_labels_[i]; }
  uint64_t right_labels(int i) const { return right_labels_[i]; }

 private:
  void add_arc(int h, int d, int label);

  int n_ = 0;
  int b_ = 0;
  std::vector<int> stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_, n_left_, n_right_;
  std::vector<uint64_t> left_labels_, right_labels_;
};

// Gold tree of one sentence for the oracle: gold_head[i] in 0..n (n = ROOT), gold_label[i] a Deprel value.
struct GoldTree {
  std::vector<int> head;
  std::vector<int> label;
};

// Dynamic oracle: the number of gold arcs (counting a wrong label as a lost arc) that become unreachable if
// `a` is applied to `state`. Exact for projective gold trees. `a` must be valid.
int action_cost(const State& state, const GoldTree& gold, Action a);

// True when the gold tree has no crossing arcs (ROOT = position n... treated as position -1, i.e. before 0).
bool is_projective(const GoldTree& gold);

}  // namespace casus::parse
