#include "casus/parse/weights.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "casus/util/bytes.h"

namespace casus::parse {

namespace {
constexpr uint32_t kWeightsVersion = 1;
inline size_t slot_of(uint64_t key, uint64_t mask) { return (key ^ (key >> 29)) & mask; }
}  // namespace

void CompactWeights::score(const std::vector<uint64_t>& features, float* scores) const {
  if (keys_.empty()) return;
  for (uint64_t f : features) {
    size_t slot = slot_of(f, mask_);
    while (true) {
      uint64_t k = keys_[slot];
      if (k == f) {
        for (uint32_t e = begin_[slot], end = begin_[slot + 1]; e < end; ++e)
          scores[actions_[e]] += scale_ * values_[e];
        break;
      }
      if (k == 0) break;
      slot = (slot + 1) & mask_;
    }
  }
}

CompactWeights CompactWeights::build(const std::vector<Triple>& triples) {
  CompactWeights w;
  float max_abs = 0;
  size_t n_features = 0;
  for (size_t i = 0; i < triples.size(); ++i) {
    max_abs = std::max(max_abs, std::fabs(triples[i].weight));
    if (i == 0 || triples[i].feature != triples[i - 1].feature) ++n_features;
  }
  w.n_features_ = n_features;
  size_t slots = 16;
  while (slots < n_features * 3 / 2 + 1) slots *= 2;  // load factor ≤ 2/3
  w.mask_ = slots - 1;
  w.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w.keys_.assign(slots, 0);
  // Place keys, then lay rows out in slot order.
  std::vector<uint32_t> first_triple(slots, UINT32_MAX), count(slots, 0);
  for (size_t i = 0; i < triples.size();) {
    size_t j = i;
    while (j < triples.size() && triples[j].feature == triples[i].feature) ++j;
    uint64_t key = triples[i].feature;
    size_t slot = slot_of(key, w.mask_);
    while (w.keys_[slot] != 0) slot = (slot + 1) & w.mask_;
    w.keys_[slot] = key;
    first_triple[slot] = static_cast<uint32_t>(i);
    count[slot] = static_cast<uint32_t>(j - i);
    i = j;
  }
  w.begin_.assign(slots + 1, 0);
  for (size_t s = 0; s < slots; ++s) {
    w.begin_[s] = static_cast<uint32_t>(w.actions_.size());
    for (uint32_t k = 0; k < count[s]; ++k) {
      const Triple& t = triples[first_triple[s] + k];
      w.actions_.push_back(t.action);
      w.values_.push_back(static_cast<int16_t>(std::lround(t.weight / w.scale_)));
    }
  }
  w.begin_[slots] = static_cast<uint32_t>(w.actions_.size());
  return w;
}

// Layout: u32 version, u64 slots, u64 n_features, f32 scale, u64 n_entries, then keys u64[slots],
// row starts u32[slots+1], actions u8[n_entries], values i16[n_entries]. Arrays are written element by element
// little-endian so the file does not depend on the host.
std::string CompactWeights::serialize() const {
  ByteWriter w;
  w.u32(kWeightsVersion);
  w.u64(keys_.size());
  w.u64(n_features_);
  w.f32(scale_);
  w.u64(actions_.size());
  for (uint64_t k : keys_) w.u64(k);
  for (uint32_t b : begin_) w.u32(b);
  for (uint8_t a : actions_) w.u8(a);
  for (int16_t v : values_) w.u16(static_cast<uint16_t>(v));
  return w.take();
}

Result<CompactWeights> CompactWeights::deserialize(std::string_view bytes, const std::string& name) {
  ByteReader r(bytes);
  uint32_t version = r.u32();
  if (r.failed() || version != kWeightsVersion)
    return Status(Code::kModelVersion, name + ": parser weights version " + std::to_string(version) +
                                           ", this casus reads version " + std::to_string(kWeightsVersion));
  CompactWeights w;
  uint64_t slots = r.u64();
  w.n_features_ = r.u64();
  w.scale_ = r.f32();
  uint64_t n_entries = r.u64();
  if (r.failed() || slots == 0 || (slots & (slots - 1)) != 0 || slots > (uint64_t{1} << 32) ||
      n_entries > (uint64_t{1} << 32) || r.remaining() != slots * 8 + (slots + 1) * 4 + n_entries * 3)
    return Status(Code::kModelCorrupt, name + ": parser weights header does not match the section size");
  w.mask_ = slots - 1;
  w.keys_.resize(slots);
  w.begin_.resize(slots + 1);
  w.actions_.resize(n_entries);
  w.values_.resize(n_entries);
  // The section is little-endian; copy in bulk on little-endian hosts (load time is a product figure).
  std::string_view keys = r.raw(slots * 8), begins = r.raw((slots + 1) * 4), acts = r.raw(n_entries),
                   vals = r.raw(n_entries * 2);
  if (r.failed()) return Status(Code::kModelCorrupt, name + ": parser weights truncated");
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(w.keys_.data(), keys.data(), keys.size());
    std::memcpy(w.begin_.data(), begins.data(), begins.size());
    std::memcpy(w.values_.data(), vals.data(), vals.size());
  } else {
    ByteReader k(keys), b(begins), v(vals);
    for (auto& x : w.keys_) x = k.u64();
    for (auto& x : w.begin_) x = b.u32();
    for (auto& x : w.values_) x = static_cast<int16_t>(v.u16());
  }
  std::memcpy(w.actions_.data(), acts.data(), acts.size());
  for (size_t s = 0; s < slots; ++s)
    if (w.begin_[s] > w.begin_[s + 1])
      return Status(Code::kModelCorrupt, name + ": parser weights rows out of order at slot " + std::to_string(s));
  if (w.begin_[slots] != n_entries)
    return Status(Code::kModelCorrupt, name + ": parser weights row table does not end at the entry count");
  for (uint8_t a : w.actions_)
    if (a >= kNumActions) return Status(Code::kModelCorrupt, name + ": parser weights name an unknown action");
  return w;
}

void TrainWeights::score(const std::vector<uint64_t>& features, float* scores) const {
  for (uint64_t f : features) {
    auto it = index_.find(f);
    if (it == index_.end()) continue;
    for (const Entry& e : rows_[it->second]) scores[e.action] += e.weight;
  }
}

void TrainWeights::bump(std::vector<Entry>& row, Action a, float delta) {
  for (Entry& e : row) {
    if (e.action == a) {
      e.total += static_cast<double>(now_ - e.stamp) * e.weight;
      e.stamp = now_;
      e.weight += delta;
      return;
    }
  }
  row.push_back(Entry{a, delta, 0.0, now_});
}

void TrainWeights::update(const std::vector<uint64_t>& features, Action good, Action bad) {
  for (uint64_t f : features) {
    auto [it, inserted] = index_.try_emplace(f, static_cast<uint32_t>(rows_.size()));
    if (inserted) {
      rows_.emplace_back();
      keys_.push_back(f);
    }
    auto& row = rows_[it->second];
    bump(row, good, 1.0f);
    bump(row, bad, -1.0f);
  }
}

CompactWeights TrainWeights::average(float min_abs) const {
  std::vector<CompactWeights::Triple> triples;
  // Sorted by key so that the result does not depend on insertion order.
  std::vector<uint32_t> order(rows_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys_[a] < keys_[b]; });
  for (uint32_t r : order) {
    std::vector<CompactWeights::Triple> row;
    for (const Entry& e : rows_[r]) {
      double total = e.total + static_cast<double>(now_ - e.stamp) * e.weight;
      float avg = static_cast<float>(total / static_cast<double>(now_));
      if (std::fabs(avg) >= min_abs) row.push_back({keys_[r], e.action, avg});
    }
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) { return a.action < b.action; });
    triples.insert(triples.end(), row.begin(), row.end());
  }
  return CompactWeights::build(triples);
}

}  // namespace casus::parse
