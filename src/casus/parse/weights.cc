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
  if (keys_.empty()) return;
  for (uint64_t f : features) {
    const uint32_t fp = fingerprint(f);
    size_t slot = slot_of(fp);
    while (true) {
      uint32_t k = keys_[slot];
      if (k == fp) {
        for (uint32_t e = begin_[slot], end = e + count_[slot]; e < end; ++e)
          scores[actions_[e]] += scale_ * values_[e];
        break;
      }
      if (k == 0) break;
      slot = (slot + 1) & mask_;
    }
  }
}

void CompactWeights::build_table(const std::vector<uint32_t>& fps, const std::vector<uint8_t>& counts) {
  n_features_ = fps.size();
  size_t slots = 16;
  uint32_t bits = 4;
  while (slots < n_features_ * 3 / 2 + 1) {  // load factor ≤ 2/3
    slots *= 2;
    ++bits;
  }
  shift_ = 32 - bits;
  mask_ = slots - 1;
  keys_.assign(slots, 0);
  begin_.assign(slots, 0);
  count_.assign(slots, 0);
  uint32_t begin = 0;
  for (size_t i = 0; i < fps.size(); ++i) {
    size_t slot = slot_of(fps[i]);
    while (keys_[slot] != 0) slot = (slot + 1) & mask_;
    keys_[slot] = fps[i];
    begin_[slot] = begin;
    count_[slot] = counts[i];
    begin += counts[i];
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
  for (const auto& t : merged) {
    const int16_t q = static_cast<int16_t>(std::lround(t.weight / w.scale_));
    if (q == 0) continue;
    if (fps.empty() || fps.back() != t.feature) {
      fps.push_back(static_cast<uint32_t>(t.feature));
      counts.push_back(0);
    }
    ++counts.back();
    w.actions_.push_back(t.action);
    w.values_.push_back(q);
  }
  w.build_table(fps, counts);
  return w;
}

CompactWeights CompactWeights::pruned(float min_abs) const {
  std::vector<Triple> triples;
  for (size_t s = 0; s < keys_.size(); ++s) {
    if (keys_[s] == 0) continue;
    for (uint32_t e = begin_[s]; e < begin_[s] + count_[s]; ++e) {
      const float weight = scale_ * values_[e];
      if (std::fabs(weight) >= min_abs) triples.push_back({uint64_t{keys_[s]} << 32, actions_[e], weight});
    }
  }
  return build(triples);
}

// Layout (v2): u32 version, u64 n_features, f32 scale, u64 n_entries, then per feature in ascending fingerprint
// order: varint(fingerprint delta), u8 row length; then all rows: u8 action[n_entries], i16 value[n_entries].
// The hash table is rebuilt at load (a few ms), so the file holds no empty slots.
std::string CompactWeights::serialize() const {
  std::vector<size_t> slots;
  for (size_t s = 0; s < keys_.size(); ++s)
    if (keys_[s] != 0) slots.push_back(s);
  std::sort(slots.begin(), slots.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });
  ByteWriter w;
  w.u32(kWeightsVersion);
  w.u64(slots.size());
  w.f32(scale_);
  w.u64(actions_.size());
  uint32_t prev = 0;
  for (size_t s : slots) {
    put_varint(w, keys_[s] - prev);
    prev = keys_[s];
    w.u8(count_[s]);
  }
  for (size_t s : slots)
    for (uint32_t e = begin_[s]; e < begin_[s] + count_[s]; ++e) w.u8(actions_[e]);
  for (size_t s : slots)
    for (uint32_t e = begin_[s]; e < begin_[s] + count_[s]; ++e) w.u16(static_cast<uint16_t>(values_[e]));
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
  w.actions_.assign(acts.begin(), acts.end());
  w.values_.resize(n_entries);
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(w.values_.data(), vals.data(), vals.size());
  } else {
    ByteReader v(vals);
    for (auto& x : w.values_) x = static_cast<int16_t>(v.u16());
  }
  for (uint8_t a : w.actions_)
    if (a >= kNumActions) return Status(Code::kModelCorrupt, name + ": parser weights name an unknown action");
  w.build_table(fps, counts);
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
