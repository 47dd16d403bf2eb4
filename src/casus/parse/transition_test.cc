#include "casus/parse/transition.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

namespace casus::parse {
namespace {

constexpr int kNsubj = static_cast<int>(doc::Deprel::kNsubj);
constexpr int kObj = static_cast<int>(doc::Deprel::kObj);
constexpr int kRoot = static_cast<int>(doc::Deprel::kRoot);
constexpr int kDet = static_cast<int>(doc::Deprel::kDet);

// "Police arrested protesters": Police <-nsubj- arrested -obj-> protesters, arrested = root.
TEST(Transition, BuildsTreeOfSimpleSentence) {
  State st(3);
  EXPECT_FALSE(st.valid(Move::kLeft));
  EXPECT_FALSE(st.valid(Move::kRight));
  st.apply(kShift);
  EXPECT_FALSE(st.valid(Move::kRight)) << "RIGHT onto ROOT needs an empty buffer";
  st.apply(left_action(kNsubj));
  st.apply(kShift);
  st.apply(kShift);
  st.apply(right_action(kObj));
  EXPECT_EQ(st.b(0), kNone);
  EXPECT_TRUE(st.valid(Move::kRight));
  EXPECT_FALSE(st.valid(Move::kShift));
  st.apply(right_action(kRoot));
  EXPECT_TRUE(st.terminal());
  EXPECT_EQ(st.head(0), 1);
  EXPECT_EQ(st.label(0), kNsubj);
  EXPECT_EQ(st.head(1), 3);  // ROOT
  EXPECT_EQ(st.head(2), 1);
  EXPECT_EQ(st.label(2), kObj);
  EXPECT_EQ(st.left1(1), 0);
  EXPECT_EQ(st.right1(1), 2);
  EXPECT_EQ(st.n_left(1), 1);
  EXPECT_EQ(st.n_right(1), 1);
  EXPECT_EQ(st.left_labels(1), uint64_t{1} << kNsubj);
}

TEST(Transition, TracksLeftmostAndRightmostChildren) {
  // "the big old dog": all three attach to "dog" (3) by LEFT.
  State st(4);
  st.apply(kShift);
  st.apply(kShift);
  st.apply(kShift);
  st.apply(left_action(kDet));  // 2 <- 3
  st.apply(left_action(kDet));  // 1 <- 3
  st.apply(left_action(kDet));  // 0 <- 3
  EXPECT_EQ(st.left1(3), 0);
  EXPECT_EQ(st.left2(3), 1);
  EXPECT_EQ(st.n_left(3), 3);
}

TEST(Transition, ActionEncodingRoundTrips) {
  for (int label = 0; label < kMaxLabels; ++label) {
    EXPECT_EQ(move_of(left_action(label)), Move::kLeft);
    EXPECT_EQ(label_of(left_action(label)), label);
    EXPECT_EQ(move_of(right_action(label)), Move::kRight);
    EXPECT_EQ(label_of(right_action(label)), label);
  }
  EXPECT_EQ(move_of(kShift), Move::kShift);
}

// Reference for the dynamic oracle: the most gold arcs reachable from a state, by exhaustive search.
int best_reachable(const State& st, const GoldTree& gold) {
  if (st.terminal()) {
    int correct = 0;
    for (int i = 0; i < st.size(); ++i)
      correct += (st.head(i) == gold.head[i]) + (st.head(i) == gold.head[i] && st.label(i) == gold.label[i]);
    return correct;
  }
  int best = -1;
  std::vector<Action> actions;
  if (st.valid(Move::kShift)) actions.push_back(kShift);
  // From here on the gold label of s0 is always best: labels do not constrain later transitions.
  int s0 = st.s(0);
  int gl = s0 >= 0 && s0 < st.size() ? gold.label[s0] : kDet;
  if (st.valid(Move::kLeft)) actions.push_back(left_action(gl));
  if (st.valid(Move::kRight)) actions.push_back(right_action(gl));
  for (Action a : actions) {
    State next = st;
    next.apply(a);
    best = std::max(best, best_reachable(next, gold));
  }
  return best;
}

// Random projective tree over n tokens with ROOT = n (one root child).
GoldTree random_projective(int n, std::mt19937_64& rng) {
  GoldTree g;
  g.head.assign(n, -1);
  g.label.assign(n, kDet);
  std::function<void(int, int, int)> build = [&](int lo, int hi, int head) {
    if (lo >= hi) return;
    int r = lo + static_cast<int>(rng() % (hi - lo));
    g.head[r] = head;
    g.label[r] = static_cast<int>(rng() % 2) ? kNsubj : kObj;
    build(lo, r, r);
    build(r + 1, hi, r);
  };
  int root = static_cast<int>(rng() % n);
  g.head[root] = n;
  g.label[root] = kRoot;
  build(0, root, root);
  build(root + 1, n, root);
  return g;
}

// The oracle's cost must equal the loss in reachable correct arcs (heads + labels), on every state visited by
// random walks over random projective trees. Costs count one per lost head and one per wrong label on the
// gold arc; the brute force counts heads and labels separately, so it is compared on the same scale.
TEST(DynamicOracle, CostEqualsLossOfReachableArcs) {
  std::mt19937_64 rng(7);
  int checked = 0;
  for (int trial = 0; trial < 40; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 4);
    GoldTree gold = random_projective(n, rng);
    ASSERT_TRUE(is_projective(gold));
    State st(n);
    while (!st.terminal()) {
      const int before = best_reachable(st, gold);
      std::vector<Action> actions;
      if (st.valid(Move::kShift)) actions.push_back(kShift);
      int s0 = st.s(0);
      int gl = s0 >= 0 && s0 < n ? gold.label[s0] : kDet;
      for (int label : {gl, gl == kDet ? kObj : kDet}) {
        if (st.valid(Move::kLeft)) actions.push_back(left_action(label));
        if (st.valid(Move::kRight) && (st.s(1) != n || label == kRoot)) actions.push_back(right_action(label));
      }
      if (st.valid(Move::kRight) && st.s(1) == n) actions.push_back(right_action(kRoot));
      for (Action a : actions) {
        State next = st;
        next.apply(a);
        const int loss = before - best_reachable(next, gold);
        // Losing a head also loses its label point: the brute force counts 2, the oracle 1.
        const int cost = action_cost(st, gold, a);
        int head_lost = 0, label_lost = 0;
        if (move_of(a) != Move::kShift) {
          int h = move_of(a) == Move::kLeft ? st.b(0) : st.s(1);
          if (gold.head[s0] == h && gold.label[s0] != label_of(a)) label_lost = 1;
        }
        head_lost = cost - label_lost;
        EXPECT_EQ(loss, 2 * head_lost + label_lost) << "n=" << n << " trial=" << trial;
        ++checked;
      }
      // Walk: a random valid action, so that states off the gold path are tested too.
      st.apply(actions[rng() % actions.size()]);
    }
  }
  EXPECT_GT(checked, 200);
}

// A small non-trivial tree: "Rebels who fled said troops attacked" style, with costs checked by hand.
TEST(DynamicOracle, HandCheckedCosts) {
  // 0 Troops  1 attacked  2 the  3 town ; gold: 0<-1 nsubj, 1 root, 2<-3 det, 3<-1 obj.
  GoldTree gold{{1, 4, 3, 1}, {kNsubj, kRoot, kDet, kObj}};
  State st(4);
  st.apply(kShift);  // stack: ROOT Troops ; buffer: attacked the town
  EXPECT_EQ(action_cost(st, gold, left_action(kNsubj)), 0);
  EXPECT_EQ(action_cost(st, gold, left_action(kObj)), 1);  // right head, wrong label
  // SHIFT puts "attacked" over "Troops": Troops can no longer take it as head, and "attacked" can no longer
  // reach ROOT (below Troops on the stack).
  EXPECT_EQ(action_cost(st, gold, kShift), 2);
  st.apply(left_action(kNsubj));
  st.apply(kShift);  // ROOT attacked ; the town
  st.apply(kShift);  // ROOT attacked the ; town
  // RIGHT makes "attacked" the head of "the" (gold head "town", in the buffer): one arc lost.
  EXPECT_EQ(action_cost(st, gold, right_action(kDet)), 1);
  EXPECT_EQ(action_cost(st, gold, left_action(kDet)), 0);
}

TEST(Projectivity, DetectsCrossingArcs) {
  // 0 <- 2, 1 <- 3, 2 root, 3 <- 2 : arcs (2,0) and (3,1) cross.
  GoldTree crossing{{2, 3, 4, 2}, {kDet, kDet, kRoot, kObj}};
  EXPECT_FALSE(is_projective(crossing));
  GoldTree nested{{1, 4, 3, 1}, {kNsubj, kRoot, kDet, kObj}};
  EXPECT_TRUE(is_projective(nested));
}

}  // namespace
}  // namespace casus::parse
