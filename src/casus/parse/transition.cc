#include "casus/parse/transition.h"

#include "casus/util/status.h"

namespace casus::parse {

void State::reset(int n) {
  n_ = n;
  b_ = 0;
  stack_.clear();
  stack_.reserve(n + 1);
  stack_.push_back(n);  // ROOT
  auto fill = [n](std::vector<int>& v, int value) { v.assign(n + 1, value); };
  fill(head_, kNone);
  fill(label_, 0);
  fill(left1_, kNone);
  fill(left2_, kNone);
  fill(right1_, kNone);
  fill(right2_, kNone);
  fill(n_left_, 0);
  fill(n_right_, 0);
  left_labels_.assign(n + 1, 0);
  right_labels_.assign(n + 1, 0);
}

bool State::valid(Move m) const {
  switch (m) {
    case Move::kShift:
      return b_ < n_;
    case Move::kLeft:
      return b_ < n_ && stack_.size() >= 2;
    case Move::kRight:
      // s1 == ROOT only when the buffer is empty: exactly one root.
      return stack_.size() >= 3 || (stack_.size() == 2 && b_ >= n_);
  }
  return false;
}

void State::add_arc(int h, int d, int label) {
  head_[d] = h;
  label_[d] = label;
  // ROOT sits left of every token (its index n is only a storage slot).
  bool left = h != n_ && d < h;
  if (left) {
    ++n_left_[h];
    left_labels_[h] |= uint64_t{1} << label;
    if (left1_[h] == kNone || d < left1_[h]) {
      left2_[h] = left1_[h];
      left1_[h] = d;
    } else if (left2_[h] == kNone || d < left2_[h]) {
      left2_[h] = d;
    }
  } else {
    ++n_right_[h];
    right_labels_[h] |= uint64_t{1} << label;
    if (right1_[h] == kNone || d > right1_[h]) {
      right2_[h] = right1_[h];
      right1_[h] = d;
    } else if (right2_[h] == kNone || d > right2_[h]) {
      right2_[h] = d;
    }
  }
}

void State::apply(Action a) {
  switch (move_of(a)) {
    case Move::kShift:
      CASUS_ASSERT(b_ < n_, "SHIFT on an empty buffer");
      stack_.push_back(b_++);
      break;
    case Move::kLeft: {
      CASUS_ASSERT(valid(Move::kLeft), "invalid LEFT");
      int s0 = stack_.back();
      stack_.pop_back();
      add_arc(b_, s0, label_of(a));
      break;
    }
    case Move::kRight: {
      CASUS_ASSERT(valid(Move::kRight), "invalid RIGHT");
      int s0 = stack_.back();
      stack_.pop_back();
      add_arc(stack_.back(), s0, label_of(a));
      break;
    }
  }
}

int action_cost(const State& st, const GoldTree& gold, Action a) {
  const int n = st.size();
  const int s0 = st.s(0);
  const int b0 = st.b(0);
  int cost = 0;
  switch (move_of(a)) {
    case Move::kShift: {
      // b0 can no longer take a head from the stack below s0, nor dependents from the stack.
      for (int k = 0; k < st.stack_size(); ++k) {
        int item = st.s(k);
        if (k > 0 && gold.head[b0] == item) ++cost;
        if (item != n && gold.head[item] == b0) ++cost;
      }
      return cost;
    }
    case Move::kLeft:
    case Move::kRight: {
      const bool left = move_of(a) == Move::kLeft;
      const int s1 = st.s(1);
      const int gh = gold.head[s0];
      const int new_head = left ? b0 : s1;
      // s0 leaves the stack: it loses its other reachable heads (s1 or the buffer past b0 for LEFT; the buffer
      // for RIGHT) and every dependent still in the buffer.
      if (gh != new_head) {
        if (left && gh == s1) ++cost;
        if (gh != kNone && gh != n && gh >= st.buffer_front() && gh < n && !(left && gh == b0)) ++cost;
      } else if (gold.label[s0] != label_of(a)) {
        ++cost;
      }
      for (int d = st.buffer_front(); d < n; ++d)
        if (gold.head[d] == s0) ++cost;
      return cost;
    }
  }
  return cost;
}

bool is_projective(const GoldTree& gold) {
  const int n = static_cast<int>(gold.head.size());
  auto pos = [n](int i) { return i == n ? -1 : i; };
  for (int d = 0; d < n; ++d) {
    int h = pos(gold.head[d]);
    int lo = std::min(d, h), hi = std::max(d, h);
    for (int d2 = 0; d2 < n; ++d2) {
      int h2 = pos(gold.head[d2]);
      int lo2 = std::min(d2, h2), hi2 = std::max(d2, h2);
      // Two arcs cross when exactly one end of one lies strictly inside the other.
      if ((lo < lo2 && lo2 < hi && hi < hi2) || (lo2 < lo && lo < hi2 && hi2 < hi)) return false;
    }
  }
  return true;
}

}  // namespace casus::parse
