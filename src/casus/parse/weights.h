// Perceptron weights: a growing, averaged table for training and a compact, quantised, read-only table for
// parsing. Both map a feature hash to a sparse row of (action, weight): a feature is seen with few actions, so
// sparse rows keep the model small and scoring fast (one probe per feature, then a short contiguous row).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "casus/parse/transition.h"
#include "casus/util/huge_pages.h"
#include "casus/util/status.h"

namespace casus::parse {

// Read-only weights used at parse time. Open addressing on the 64-bit feature hash; rows are int16 weights
// with one scale for the whole table.
class CompactWeights {
 public:
  // Adds the weights of every feature to scores[kNumActions].
  void score(const std::vector<uint64_t>& features, float* scores) const;
  size_t n_features() const { return n_features_; }
  size_t n_entries() const { return n_entries_; }

  // Section payload (see docs/formats/model.md, "parser.weights").
  std::string serialize() const;
  static Result<CompactWeights> deserialize(std::string_view bytes, const std::string& name_for_errors);

  // Built from (feature, action, weight) triples grouped by feature (all of a feature's triples adjacent).
  struct Triple {
    uint64_t feature;
    uint8_t action;
    float weight;
  };
  static CompactWeights build(const std::vector<Triple>& triples);
  // A copy without the weights of magnitude below `min_abs` (size vs accuracy, measured in docs/PARSER.md).
  CompactWeights pruned(float min_abs) const;
  // Appends every weight times `factor` as triples (feature = fingerprint << 32, which build() keeps).
  void append_triples(float factor, std::vector<Triple>& out) const;

  // Features are stored as 32-bit fingerprints (the high half of the 64-bit hash): the table is twice smaller
  // and a false match needs two 32-bit collisions at once.
  static uint32_t fingerprint(uint64_t feature) {
    uint32_t fp = static_cast<uint32_t>(feature >> 32);
    return fp == 0 ? 1 : fp;
  }

 private:
  // The fingerprint is already hash bits, so its top bits are the home slot: slots then ascend with the
  // fingerprints, and building the table from the ascending file order writes memory sequentially (load time).
  size_t slot_of(uint32_t fp) const { return static_cast<size_t>(fp >> shift_); }
  // Builds the open-addressing table and the packed rows from fingerprints sorted ascending, their row lengths
  // and the (action, value) entries laid out in the same order.
  void build_table(const std::vector<uint32_t>& fps, const std::vector<uint8_t>& counts,
                   const std::vector<uint8_t>& actions, const std::vector<int16_t>& values);
  // Entry e of the row starting at rows_[begin]: action in the low byte, value in the high half.
  static uint8_t entry_action(uint32_t e) { return static_cast<uint8_t>(e); }
  static int16_t entry_value(uint32_t e) { return static_cast<int16_t>(e >> 16); }

  // One slot is 8 bytes: the key and its row in the same cache line, so a lookup costs two memory accesses
  // (slot, row) instead of five with separate arrays, and both can be prefetched for all features of a state.
  struct Slot {
    uint32_t key;    // fingerprint, 0 = empty
    uint32_t begin;  // index into rows_: rows_[begin] is the row length, the entries follow
  };

  uint32_t shift_ = 32;
  size_t mask_ = 0;
  size_t n_features_ = 0;
  size_t n_entries_ = 0;
  float scale_ = 1.0f;
  HugePageVector<Slot> slots_;  // huge pages: see util/huge_pages.h
  HugePageVector<uint32_t> rows_;  // per feature in ascending fingerprint order: length, then packed entries
};

// Averaged perceptron (Collins 2002) with lazy averaging: each weight remembers when it last changed.
class TrainWeights {
 public:
  void score(const std::vector<uint64_t>& features, float* scores) const;
  // Perceptron update: +1 for `good`, -1 for `bad` on every feature.
  void update(const std::vector<uint64_t>& features, Action good, Action bad);
  void tick() { ++now_; }
  // Averaged weights, pruned of those whose magnitude is below `min_abs`.
  CompactWeights average(float min_abs) const;
  size_t n_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint8_t action;
    float weight;
    double total;     // sum of the weight over all ticks up to `stamp`
    uint64_t stamp;
  };
  void bump(std::vector<Entry>& row, Action a, float delta);
  // Open addressing on the feature hash (features are never 0, the empty key): std::unordered_map's node per
  // feature made training lookups several times slower (2 M features, ~160 lookups per transition).
  static constexpr uint32_t kNoRow = UINT32_MAX;
  size_t slot_of(uint64_t f) const { return static_cast<size_t>((f * 0x9E3779B97F4A7C15ULL) >> shift_); }
  uint32_t find(uint64_t f) const;
  uint32_t find_or_add(uint64_t f);
  void grow();

  uint64_t now_ = 1;
  uint32_t shift_ = 64 - 16;
  std::vector<uint64_t> slot_keys_ = std::vector<uint64_t>(size_t{1} << 16, 0);
  std::vector<uint32_t> slot_rows_ = std::vector<uint32_t>(size_t{1} << 16, kNoRow);
  std::vector<std::vector<Entry>> rows_;
  std::vector<uint64_t> keys_;  // feature of each row
};

}  // namespace casus::parse
