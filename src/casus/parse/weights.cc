#include "casus/parse/weights.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "casus/util/bytes.h"

namespace casus::parse {

namespace {
constexpr uint32_t kWeightsVersion = 2;

void put_varint(ByteWriter& w, uint32_t v) {
  while (v >= 0x80) {
    w.u8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  w.u8(static_cast<uint8_t>(v));
}

bool get_varint(ByteReader& r, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    uint8_t b = r.u8();
    if (r.failed()) return false;
    v |= static_cast<uint32_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}
}  // namespace

void CompactWeights::score(const std::vector<uint64_t>& features, float* scores) const {
  if (slots_.empty()) return;
  // Three passes so that the memory accesses of all features overlap instead of queueing one cache miss after
  // another: the table (~30 MB) is far larger than the caches, and the misses dominate parsing time.
  constexpr size_t kBatch = 64;
  uint32_t fps[kBatch];
  uint32_t pos[kBatch];
  int32_t acc[kNumActions] = {};
  for (size_t first = 0; first < features.size(); first += kBatch) {
    const size_t n = std::min(kBatch, features.size() - first);
    for (size_t i = 0; i < n; ++i) {
      fps[i] = fingerprint(features[first + i]);
      pos[i] = static_cast<uint32_t>(slot_of(fps[i]));
      __builtin_prefetch(&slots_[pos[i]]);
    }
    for (size_t i = 0; i < n; ++i) {
      size_t slot = pos[i];
      uint32_t found = UINT32_MAX;
      while (true) {
        const Slot& s = slots_[slot];
        if (s.key == fps[i]) {
          found = s.begin;
          __builtin_prefetch(&rows_[found]);
          break;
        }
        if (s.key == 0) break;
        slot = (slot + 1) & mask_;
      }
      pos[i] = found;
    }
    for (size_t i = 0; i < n; ++i) {
      if (pos[i] == UINT32_MAX) continue;
      const uint32_t* row = &rows_[pos[i]];
      for (uint32_t e = 1, end = 1 + row[0]; e < end; ++e) acc[entry_action(row[e])] += entry_value(row[e]);
    }
  }
  for (int a = 0; a < kNumActions; ++a) scores[a] += scale_ * static_cast<float>(acc[a]);
}

void CompactWeights::build_table(const std::vector<uint32_t>& fps, const std::vector<uint8_t>& counts,
                                 const std::vector<uint8_t>& actions, const std::vector<int16_t>& values) {
  n_features_ = fps.size();
  n_entries_ = actions.size();
  size_t slots = 16;
  uint32_t bits = 4;
  // Load factor ≤ 1/3: a probe then mostly ends at its home slot. Measured (docs/benchmarks/parser.md): 4–5% faster
  // parsing than ≤ 2/3, and ≤ 0.8 was 20% slower although its 16 MB fit the L3 better; the cost is 32 MB of RAM.
  while (slots < n_features_ * 3 + 1) {
    slots *= 2;
    ++bits;
  }
  shift_ = 32 - bits;
  mask_ = slots - 1;
  slots_.assign(slots, Slot{0, 0});
  rows_.clear();
  rows_.reserve(n_features_ + n_entries_);
  size_t e = 0;
  for (size_t i = 0; i < fps.size(); ++i) {
    size_t slot = slot_of(fps[i]);
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = Slot{fps[i], static_cast<uint32_t>(rows_.size())};
    rows_.push_back(counts[i]);
    for (uint32_t k = 0; k < counts[i]; ++k, ++e)
      rows_.push_back(uint32_t{actions[e]} | (uint32_t{static_cast<uint16_t>(values[e])} << 16));
  }
}

CompactWeights CompactWeights::build(const std::vector<Triple>& input) {
  // Re-key by fingerprint; features sharing one (rare) have their rows summed.
  std::vector<Triple> triples = input;
  for (auto& t : triples) t.feature = fingerprint(t.feature);
  std::sort(triples.begin(), triples.end(), [](const Triple& a, const Triple& b) {
    return a.feature != b.feature ? a.feature < b.feature : a.action < b.action;
  });
  std::vector<Triple> merged;
  for (const auto& t : triples) {
    if (!merged.empty() && merged.back().feature == t.feature && merged.back().action == t.action)
      merged.back().weight += t.weight;
    else
      merged.push_back(t);
  }
  CompactWeights w;
  float max_abs = 0;
  for (const auto& t : merged) max_abs = std::max(max_abs, std::fabs(t.weight));
  w.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<uint32_t> fps;
  std::vector<uint8_t> counts;
  std::vector<uint8_t> actions;
  std::vector<int16_t> values;
  for (const auto& t : merged) {
    const int16_t q = static_cast<int16_t>(std::lround(t.weight / w.scale_));
    if (q == 0) continue;
    if (fps.empty() || fps.back() != t.feature) {
      fps.push_back(static_cast<uint32_t>(t.feature));
      counts.push_back(0);
    }
    ++counts.back();
    actions.push_back(t.action);
    values.push_back(q);
  }
  w.build_table(fps, counts, actions, values);
  return w;
}

void CompactWeights::append_triples(float factor, std::vector<Triple>& out) const {
  for (const Slot& slot : slots_) {
    if (slot.key == 0) continue;
    const uint32_t* row = &rows_[slot.begin];
    for (uint32_t e = 1; e <= row[0]; ++e)
      out.push_back({uint64_t{slot.key} << 32, entry_action(row[e]), factor * scale_ * entry_value(row[e])});
  }
}

CompactWeights CompactWeights::pruned(float min_abs) const {
  std::vector<Triple> triples;
  for (const Slot& slot : slots_) {
    if (slot.key == 0) continue;
    const uint32_t* row = &rows_[slot.begin];
    for (uint32_t e = 1; e <= row[0]; ++e) {
      const float weight = scale_ * entry_value(row[e]);
      if (std::fabs(weight) >= min_abs) triples.push_back({uint64_t{slot.key} << 32, entry_action(row[e]), weight});
    }
  }
  return build(triples);  // build() sorts by fingerprint
}

// Layout (v2): u32 version, u64 n_features, f32 scale, u64 n_entries, then per feature in ascending fingerprint
// order: varint(fingerprint delta), u8 row length; then all rows: u8 action[n_entries], i16 value[n_entries].
// The hash table is rebuilt at load (a few ms), so the file holds no empty slots.
std::string CompactWeights::serialize() const {
  std::vector<Slot> used;
  for (const Slot& slot : slots_)
    if (slot.key != 0) used.push_back(slot);
  std::sort(used.begin(), used.end(), [](const Slot& a, const Slot& b) { return a.key < b.key; });
  ByteWriter w;
  w.u32(kWeightsVersion);
  w.u64(used.size());
  w.f32(scale_);
  w.u64(n_entries_);
  uint32_t prev = 0;
  for (const Slot& slot : used) {
    put_varint(w, slot.key - prev);
    prev = slot.key;
    w.u8(static_cast<uint8_t>(rows_[slot.begin]));
  }
  for (const Slot& slot : used)
    for (uint32_t e = 1; e <= rows_[slot.begin]; ++e) w.u8(entry_action(rows_[slot.begin + e]));
  for (const Slot& slot : used)
    for (uint32_t e = 1; e <= rows_[slot.begin]; ++e) w.u16(static_cast<uint16_t>(entry_value(rows_[slot.begin + e])));
  return w.take();
}

Result<CompactWeights> CompactWeights::deserialize(std::string_view bytes, const std::string& name) {
  ByteReader r(bytes);
  uint32_t version = r.u32();
  if (r.failed() || version != kWeightsVersion)
    return Status(Code::kModelVersion, name + ": parser weights version " + std::to_string(version) +
                                           ", this casus reads version " + std::to_string(kWeightsVersion));
  CompactWeights w;
  uint64_t n_features = r.u64();
  w.scale_ = r.f32();
  uint64_t n_entries = r.u64();
  if (r.failed() || n_features > r.remaining() || n_entries > r.remaining())
    return Status(Code::kModelCorrupt, name + ": parser weights header does not match the section size");
  std::vector<uint32_t> fps(n_features);
  std::vector<uint8_t> counts(n_features);
  uint32_t prev = 0;
  uint64_t total = 0;
  for (uint64_t i = 0; i < n_features; ++i) {
    uint32_t delta;
    if (!get_varint(r, delta))
      return Status(Code::kModelCorrupt, name + ": parser weights truncated in feature " + std::to_string(i));
    if (i > 0 && delta == 0)
      return Status(Code::kModelCorrupt, name + ": parser weights fingerprints not strictly ascending");
    prev += delta;
    fps[i] = prev;
    counts[i] = r.u8();
    total += counts[i];
  }
  if (r.failed() || (!fps.empty() && fps[0] == 0))
    return Status(Code::kModelCorrupt, name + ": parser weights feature table invalid");
  if (total != n_entries || r.remaining() != n_entries * 3)
    return Status(Code::kModelCorrupt, name + ": parser weights rows do not match the entry count");
  std::string_view acts = r.raw(n_entries), vals = r.raw(n_entries * 2);
  std::vector<uint8_t> actions(acts.begin(), acts.end());
  std::vector<int16_t> values(n_entries);
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(values.data(), vals.data(), vals.size());
  } else {
    ByteReader v(vals);
    for (auto& x : values) x = static_cast<int16_t>(v.u16());
  }
  for (uint8_t a : actions)
    if (a >= kNumActions) return Status(Code::kModelCorrupt, name + ": parser weights name an unknown action");
  w.build_table(fps, counts, actions, values);
  return w;
}

uint32_t TrainWeights::find(uint64_t f) const {
  const size_t mask = slot_keys_.size() - 1;
  for (size_t slot = slot_of(f);; slot = (slot + 1) & mask) {
    if (slot_keys_[slot] == f) return slot_rows_[slot];
    if (slot_keys_[slot] == 0) return kNoRow;
  }
}

uint32_t TrainWeights::find_or_add(uint64_t f) {
  const size_t mask = slot_keys_.size() - 1;
  for (size_t slot = slot_of(f);; slot = (slot + 1) & mask) {
    if (slot_keys_[slot] == f) return slot_rows_[slot];
    if (slot_keys_[slot] == 0) {
      const auto row = static_cast<uint32_t>(rows_.size());
      slot_keys_[slot] = f;
      slot_rows_[slot] = row;
      rows_.emplace_back();
      keys_.push_back(f);
      if (rows_.size() * 2 > slot_keys_.size()) grow();  // load factor ≤ 1/2
      return row;
    }
  }
}

void TrainWeights::grow() {
  std::vector<uint64_t> old_keys = std::move(slot_keys_);
  std::vector<uint32_t> old_rows = std::move(slot_rows_);
  slot_keys_.assign(old_keys.size() * 2, 0);
  slot_rows_.assign(old_keys.size() * 2, kNoRow);
  --shift_;
  const size_t mask = slot_keys_.size() - 1;
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == 0) continue;
    size_t slot = slot_of(old_keys[i]);
    while (slot_keys_[slot] != 0) slot = (slot + 1) & mask;
    slot_keys_[slot] = old_keys[i];
    slot_rows_[slot] = old_rows[i];
  }
}

void TrainWeights::score(const std::vector<uint64_t>& features, float* scores) const {
  for (uint64_t f : features) __builtin_prefetch(&slot_keys_[slot_of(f)]);
  for (uint64_t f : features) {
    const uint32_t r = find(f);
    if (r == kNoRow) continue;
    for (const Entry& e : rows_[r]) scores[e.action] += e.weight;
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
    auto& row = rows_[find_or_add(f)];
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
