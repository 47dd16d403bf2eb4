// Open-addressing hash map from a non-zero integer key (already a good hash) to a small value. Built once at
// load, then read-only: no deletion, linear probing, power-of-two capacity at most half full.
#pragma once

#include <cstdint>
#include <vector>

#include "casus/util/status.h"

namespace casus::tag {

template <typename Key, typename Value>
class FlatMap {
 public:
  void reserve(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n + 1) cap <<= 1;
    keys_.assign(cap, 0);
    values_.assign(cap, Value{});
    mask_ = cap - 1;
    size_ = 0;
  }
  // Inserts or overwrites. Key 0 is reserved for empty slots.
  void put(Key key, Value value) {
    CASUS_ASSERT(key != 0, "FlatMap key 0 is the empty marker");
    if (keys_.empty() || 2 * (size_ + 1) > keys_.size()) grow();
    size_t i = slot(key);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask_;
    if (keys_[i] == 0) {
      keys_[i] = key;
      ++size_;
    }
    values_[i] = value;
  }
  // Pointer to the value, nullptr when absent.
  const Value* find(Key key) const {
    if (keys_.empty()) return nullptr;
    size_t i = slot(key);
    while (true) {
      Key k = keys_[i];
      if (k == key) return &values_[i];
      if (k == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  size_t size() const { return size_; }
  template <typename F>
  void for_each(F&& f) const {
    for (size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }

 private:
  size_t slot(Key key) const {
    uint64_t k = static_cast<uint64_t>(key);
    return static_cast<size_t>((k ^ (k >> 29)) * 0x9E3779B97F4A7C15ULL >> 20) & mask_;
  }
  void grow() {
    std::vector<Key> old_keys = std::move(keys_);
    std::vector<Value> old_values = std::move(values_);
    reserve(old_keys.empty() ? 8 : old_keys.size());
    for (size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) put(old_keys[i], old_values[i]);
  }
  std::vector<Key> keys_;
  std::vector<Value> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace casus::tag
