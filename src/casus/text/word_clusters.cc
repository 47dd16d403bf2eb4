#include "casus/text/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <unordered_map>

#include "casus/util/bytes.h"

namespace casus::text {

namespace {
constexpr uint32_t kClustersVersion = 1;
constexpr int kFixedBoundary = 0;  // offsets of the fixed ids after the words
constexpr int kFixedRare = 1;
constexpr int kNumFixed = 2;
}  // namespace

uint64_t word_class_key(std::string_view form) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : form) {
    uint8_t u = static_cast<uint8_t>(c);
    if (u >= 'A' && u <= 'Z') u = static_cast<uint8_t>(u + 32);
    else if (u >= '0' && u <= '9') u = '0';
    h ^= u;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::vector<int> exchange_cluster(int n_words, int n_fixed, const std::vector<Bigram>& bigrams, int n_classes,
                                  int iterations) {
  const int V = n_words + n_fixed, K = n_classes + n_fixed;
  std::vector<int> cls(V);
  for (int w = 0; w < n_words; ++w) cls[w] = w % n_classes;  // ids come in frequency order: spread the frequent
  for (int j = 0; j < n_fixed; ++j) cls[n_words + j] = n_classes + j;

  // Adjacency in both directions (compressed rows).
  std::vector<uint32_t> succ_begin(V + 1, 0), pred_begin(V + 1, 0);
  for (const Bigram& b : bigrams) {
    ++succ_begin[b.left + 1];
    ++pred_begin[b.right + 1];
  }
  for (int i = 0; i < V; ++i) {
    succ_begin[i + 1] += succ_begin[i];
    pred_begin[i + 1] += pred_begin[i];
  }
  std::vector<std::pair<int, uint64_t>> succ(bigrams.size()), pred(bigrams.size());
  {
    std::vector<uint32_t> sf(succ_begin.begin(), succ_begin.end() - 1), pf(pred_begin.begin(), pred_begin.end() - 1);
    for (const Bigram& b : bigrams) {
      succ[sf[b.left]++] = {b.right, b.count};
      pred[pf[b.right]++] = {b.left, b.count};
    }
  }
  std::vector<int64_t> word_left(V, 0), word_right(V, 0);  // occurrences as left / right element of a bigram
  for (const Bigram& b : bigrams) {
    word_left[b.left] += static_cast<int64_t>(b.count);
    word_right[b.right] += static_cast<int64_t>(b.count);
  }
  std::vector<int64_t> n2(static_cast<size_t>(K) * K, 0), nl(K, 0), nr(K, 0);
  for (const Bigram& b : bigrams) n2[static_cast<size_t>(cls[b.left]) * K + cls[b.right]] += b.count;
  for (int w = 0; w < V; ++w) {
    nl[cls[w]] += word_left[w];
    nr[cls[w]] += word_right[w];
  }
  // Objective: sum f(N(c,d)) - sum f(N_left(c)) - sum f(N_right(d)), f(x) = x ln x; a table for small counts.
  std::vector<double> flog(1 << 16);
  for (size_t x = 1; x < flog.size(); ++x) flog[x] = static_cast<double>(x) * std::log(static_cast<double>(x));
  auto f = [&](int64_t x) -> double {
    if (x < static_cast<int64_t>(flog.size())) return flog[static_cast<size_t>(x)];
    return static_cast<double>(x) * std::log(static_cast<double>(x));
  };

  std::vector<int64_t> rc(K, 0), lc(K, 0);
  std::vector<int> nzr, nzl;
  for (int it = 0; it < iterations; ++it) {
    int moves = 0;
    for (int w = 0; w < n_words; ++w) {
      const int a = cls[w];
      int64_t self = 0;
      nzr.clear();
      nzl.clear();
      for (uint32_t e = succ_begin[w]; e < succ_begin[w + 1]; ++e) {
        const auto [v, c] = succ[e];
        if (v == w) {
          self += static_cast<int64_t>(c);
          continue;
        }
        const int d = cls[v];
        if (rc[d] == 0) nzr.push_back(d);
        rc[d] += static_cast<int64_t>(c);
      }
      for (uint32_t e = pred_begin[w]; e < pred_begin[w + 1]; ++e) {
        const auto [u, c] = pred[e];
        if (u == w) continue;  // counted once, in `self`
        const int d = cls[u];
        if (lc[d] == 0) nzl.push_back(d);
        lc[d] += static_cast<int64_t>(c);
      }
      const int64_t wl = word_left[w], wr = word_right[w];
      auto move = [&](int k, int sign) {
        for (int d : nzr) n2[static_cast<size_t>(k) * K + d] += sign * rc[d];
        for (int c : nzl) n2[static_cast<size_t>(c) * K + k] += sign * lc[c];
        n2[static_cast<size_t>(k) * K + k] += sign * self;
        nl[k] += sign * wl;
        nr[k] += sign * wr;
      };
      move(a, -1);
      auto gain_of = [&](int k) {
        const int64_t* row = &n2[static_cast<size_t>(k) * K];
        double gain = 0;
        for (int d : nzr)
          if (d != k) gain += f(row[d] + rc[d]) - f(row[d]);
        for (int c : nzl)
          if (c != k) {
            const int64_t x = n2[static_cast<size_t>(c) * K + k];
            gain += f(x + lc[c]) - f(x);
          }
        gain += f(row[k] + rc[k] + lc[k] + self) - f(row[k]);
        return gain - (f(nl[k] + wl) - f(nl[k]) + f(nr[k] + wr) - f(nr[k]));
      };
      // Stay put unless another class is clearly better: no oscillation between equal classes.
      int best = a;
      double best_gain = gain_of(a) + 1e-9;
      for (int k = 0; k < n_classes; ++k) {
        if (k == a) continue;
        const double gain = gain_of(k);
        if (gain > best_gain) {
          best_gain = gain;
          best = k;
        }
      }
      move(best, +1);
      if (best != a) ++moves;
      cls[w] = best;
      for (int d : nzr) rc[d] = 0;
      for (int c : nzl) lc[c] = 0;
    }
    if (moves == 0) break;
  }
  cls.resize(n_words);
  return cls;
}

WordClusters WordClusters::train(const std::vector<std::vector<uint64_t>>& sentences, const ClusterOptions& options,
                                 std::ostream* log) {
  std::unordered_map<uint64_t, uint64_t> freq;
  size_t n_tokens = 0;
  for (const auto& s : sentences) {
    for (uint64_t w : s) ++freq[w];
    n_tokens += s.size();
  }
  std::vector<std::pair<uint64_t, uint64_t>> vocab;  // (count, hash)
  for (const auto& [w, c] : freq)
    if (c >= static_cast<uint64_t>(options.min_count)) vocab.push_back({c, w});
  std::sort(vocab.begin(), vocab.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  const int n_words = static_cast<int>(vocab.size());
  std::unordered_map<uint64_t, int> id;
  id.reserve(vocab.size());
  for (int i = 0; i < n_words; ++i) id[vocab[i].second] = i;
  std::unordered_map<uint64_t, uint64_t> pair_counts;
  auto id_of = [&](uint64_t w) {
    auto it = id.find(w);
    return it == id.end() ? n_words + kFixedRare : it->second;
  };
  for (const auto& s : sentences) {
    int prev = n_words + kFixedBoundary;
    for (size_t i = 0; i <= s.size(); ++i) {
      const int cur = i < s.size() ? id_of(s[i]) : n_words + kFixedBoundary;
      ++pair_counts[(static_cast<uint64_t>(prev) << 32) | static_cast<uint32_t>(cur)];
      prev = cur;
    }
  }
  std::vector<Bigram> bigrams;
  bigrams.reserve(pair_counts.size());
  for (const auto& [key, c] : pair_counts)
    bigrams.push_back({static_cast<int>(key >> 32), static_cast<int>(key & 0xffffffffu), c});
  std::sort(bigrams.begin(), bigrams.end(),
            [](const Bigram& a, const Bigram& b) { return a.left != b.left ? a.left < b.left : a.right < b.right; });
  WordClusters out;
  if (n_words == 0) return out;
  const auto coarse = exchange_cluster(n_words, kNumFixed, bigrams, options.coarse, options.iterations);
  const auto fine = exchange_cluster(n_words, kNumFixed, bigrams, options.fine, options.iterations);
  std::vector<int> order(n_words);
  for (int i = 0; i < n_words; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return vocab[a].second < vocab[b].second; });
  for (int i : order) {
    out.keys_.push_back(vocab[i].second);
    out.coarse_.push_back(static_cast<uint16_t>(coarse[i] + 1));
    out.fine_.push_back(static_cast<uint16_t>(fine[i] + 1));
  }
  if (log)
    *log << "word clusters: " << n_words << " words (count >= " << options.min_count << ") of " << sentences.size()
         << " sentences, " << n_tokens << " tokens; " << options.coarse << " coarse and " << options.fine
         << " fine classes\n";
  return out;
}

uint16_t WordClusters::lookup(uint64_t word, const std::vector<uint16_t>& ids) const {
  auto it = std::lower_bound(keys_.begin(), keys_.end(), word);
  return it != keys_.end() && *it == word ? ids[static_cast<size_t>(it - keys_.begin())] : 0;
}

// Layout (v1): u32 version, u64 n, then n u64 word hashes ascending, n u16 coarse ids, n u16 fine ids.
std::string WordClusters::serialize() const {
  ByteWriter w;
  w.u32(kClustersVersion);
  w.u64(keys_.size());
  for (uint64_t k : keys_) w.u64(k);
  for (uint16_t c : coarse_) w.u16(c);
  for (uint16_t c : fine_) w.u16(c);
  return w.take();
}

Result<WordClusters> WordClusters::deserialize(std::string_view bytes, const std::string& name) {
  ByteReader r(bytes);
  const uint32_t version = r.u32();
  if (r.failed() || version != kClustersVersion)
    return Status(Code::kModelVersion, name + ": word clusters version " + std::to_string(version) +
                                           ", this casus reads version " + std::to_string(kClustersVersion));
  const uint64_t n = r.u64();
  if (r.failed() || n * 12 != r.remaining())
    return Status(Code::kModelCorrupt, name + ": word clusters size does not match the section");
  WordClusters out;
  out.keys_.resize(n);
  out.coarse_.resize(n);
  out.fine_.resize(n);
  for (auto& k : out.keys_) k = r.u64();
  for (auto& c : out.coarse_) c = r.u16();
  for (auto& c : out.fine_) c = r.u16();
  if (r.failed()) return Status(Code::kModelCorrupt, name + ": word clusters truncated");
  for (size_t i = 1; i < n; ++i)
    if (out.keys_[i - 1] >= out.keys_[i])
      return Status(Code::kModelCorrupt, name + ": word clusters keys not strictly ascending");
  return out;
}

}  // namespace casus::text
