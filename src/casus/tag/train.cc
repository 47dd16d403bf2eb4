// Training: tag inventory, lexicon, feature bundles and lemmatizer from counts; the tag classifier is an
// averaged perceptron over hashed features, greedy left-to-right with the model's own previous tags (so
// training sees the errors runtime will make). An optional second pass sees first-pass right-context tags,
// produced by jackknifing so that training tags are as noisy as runtime ones.
#include <algorithm>
#include <chrono>
#include <functional>
#include <cmath>
#include <iomanip>
#include <map>
#include <ostream>
#include <random>
#include <unordered_map>

#include "casus/tag/model.h"
#include "casus/tag/selftest.h"
#include "casus/util/hash.h"

namespace casus::tag {

namespace {

inline uint64_t nonzero(uint64_t k) { return k ? k : 1; }

struct Sentence {
  std::vector<TokenInfo> infos;  // n + 4 (padded)
  std::vector<uint8_t> gold, sole;
  std::vector<uint16_t> gold_bundle;
  size_t size() const { return gold.size(); }
};

class Perceptron {
 public:
  explicit Perceptron(size_t n_classes) : n_classes_(n_classes) {}

  void score(const uint32_t* feats, int n, float* scores) const {
    std::fill(scores, scores + n_classes_, 0.0f);
    for (int f = 0; f < n; ++f) {
      auto it = index_.find(feats[f]);
      if (it == index_.end()) continue;
      for (const auto& e : rows_[it->second]) scores[e.cls] += e.w;
    }
  }
  void tick() { ++now_; }
  void update(const uint32_t* feats, int n, uint8_t gold, uint8_t pred) {
    for (int f = 0; f < n; ++f) {
      auto [it, inserted] = index_.try_emplace(feats[f], static_cast<uint32_t>(rows_.size()));
      if (inserted) rows_.emplace_back();
      auto& row = rows_[it->second];
      bump(row, gold, 1.0f);
      bump(row, pred, -1.0f);
    }
  }
  // Averaged weights, quantized to int16 with one global scale; |w| < prune dropped.
  WeightTable averaged(double prune) const {
    AveragedWeights sum;
    add_averaged(1.0, sum);
    return quantize(sum, prune);
  }
  // Adds factor × the averaged weights to `sum` (key << 8 | class → weight).
  void add_averaged(double factor, std::unordered_map<uint64_t, double>& sum) const {
    for (const auto& [key, r] : index_) {
      for (const auto& e : rows_[r]) {
        double total = e.total + static_cast<double>(now_ - e.ts) * e.w;
        double a = now_ ? total / static_cast<double>(now_) : 0.0;
        if (a != 0.0) sum[static_cast<uint64_t>(key) << 8 | e.cls] += factor * a;
      }
    }
  }
  using AveragedWeights = std::unordered_map<uint64_t, double>;
  // Drops |w| < prune, quantizes to int16 with one global scale.
  static WeightTable quantize(const AveragedWeights& sum, double prune) {
    double max_abs = 0;
    for (const auto& [kc, a] : sum)
      if (std::fabs(a) >= prune) max_abs = std::max(max_abs, std::fabs(a));
    float scale = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0f;
    std::unordered_map<uint32_t, size_t> row_of;
    std::vector<WeightTable::Row> rows;
    for (const auto& [kc, a] : sum) {
      if (std::fabs(a) < prune || a == 0.0) continue;
      long q = std::lround(a / scale);
      if (q == 0) continue;
      auto key = static_cast<uint32_t>(kc >> 8);
      auto [it, inserted] = row_of.try_emplace(key, rows.size());
      if (inserted) rows.push_back(WeightTable::Row{key, {}});
      rows[it->second].entries.emplace_back(static_cast<uint8_t>(kc & 0xFF), static_cast<int16_t>(q));
    }
    WeightTable table;
    table.build(std::move(rows));  // sorts rows by key and entries by class: deterministic bytes
    table.scale = scale;
    return table;
  }
  size_t features() const { return rows_.size(); }

 private:
  struct Entry {
    uint8_t cls;
    float w;
    double total;
    uint64_t ts;
  };
  void bump(std::vector<Entry>& row, uint8_t cls, float delta) {
    for (auto& e : row) {
      if (e.cls == cls) {
        e.total += static_cast<double>(now_ - e.ts) * e.w;
        e.ts = now_;
        e.w += delta;
        return;
      }
    }
    row.push_back(Entry{cls, delta, 0.0, now_});
  }
  size_t n_classes_;
  std::unordered_map<uint32_t, uint32_t> index_;
  std::vector<std::vector<Entry>> rows_;
  uint64_t now_ = 0;
};

// One training epoch over the sentences in `order`. right: first-pass tags per sentence (pass 2) or null.
void train_epoch(Perceptron& p, size_t n_classes, const std::vector<Sentence>& sents,
                 const std::vector<uint32_t>& order, const std::vector<std::vector<uint8_t>>* right) {
  uint32_t feats[kMaxFeatures];
  std::vector<float> scores(n_classes);
  std::vector<uint8_t> out;
  Context ctx;
  for (uint32_t s : order) {
    const Sentence& sent = sents[s];
    size_t n = sent.size();
    out.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      p.tick();
      if (sent.sole[i] != 0xFF) {
        out[i] = sent.sole[i];
        continue;
      }
      ctx.tok = sent.infos.data() + i + 2;
      ctx.t1 = i > 0 ? out[i - 1] : kNoTag;
      ctx.t2 = i > 1 ? out[i - 2] : kNoTag;
      ctx.first = i == 0;
      if (right) {
        const auto& r = (*right)[s];
        ctx.pass2 = true;
        ctx.n1 = i + 1 < n ? r[i + 1] : kEndTag;
        ctx.n2 = i + 2 < n ? r[i + 2] : kEndTag;
      }
      int k = extract_features(ctx, feats);
      p.score(feats, k, scores.data());
      size_t best = 0;
      for (size_t c = 1; c < n_classes; ++c)
        if (scores[c] > scores[best]) best = c;
      if (best != sent.gold[i]) p.update(feats, k, sent.gold[i], static_cast<uint8_t>(best));
      out[i] = static_cast<uint8_t>(best);
    }
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Trains one pass for `epochs` epochs; `report` is called after each epoch with the averaged table. With
// options.runs > 1, that many perceptrons see the sentences in different orders (seeds seed, seed + 1000, …) and
// the result is the mean of their averaged weights (reported once, at the end): one linear model with the
// ensemble's mean score, so runtime cost does not change.
template <typename Report>
WeightTable train_pass(size_t n_classes, const std::vector<Sentence>& sents, const std::vector<uint32_t>& subset,
                       const std::vector<std::vector<uint8_t>>* right, const TrainOptions& options, uint64_t seed,
                       Report&& report, int runs = 1) {
  if (runs > 1) {
    Perceptron::AveragedWeights sum;
    size_t n_features = 0;
    for (int run = 0; run < runs; ++run) {
      Perceptron p(n_classes);
      std::mt19937_64 rng(seed + 1000 * static_cast<uint64_t>(run));
      std::vector<uint32_t> order = subset;
      for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), rng);
        train_epoch(p, n_classes, sents, order, right);
      }
      p.add_averaged(1.0 / runs, sum);
      n_features = std::max(n_features, p.features());
    }
    WeightTable table = Perceptron::quantize(sum, options.prune_threshold);
    report(options.epochs, table, n_features);
    return table;
  }
  Perceptron p(n_classes);
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> order = subset;
  WeightTable table;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    train_epoch(p, n_classes, sents, order, right);
    bool last = epoch == options.epochs;
    if (last || report.wants_every_epoch) {
      table = p.averaged(options.prune_threshold);
      report(epoch, table, p.features());
    }
  }
  return table;
}

struct NoReport {
  bool wants_every_epoch = false;
  void operator()(int, const WeightTable&, size_t) {}
};


// Averaged perceptron choosing among a token's candidate bundles.
void train_morph(MorphModel& morph, const std::vector<TagClass>& classes, const std::vector<Sentence>& sents,
                 const TrainOptions& options, std::ostream& log) {
  struct Entry {
    float w = 0;
    double total = 0;
    uint64_t ts = 0;
  };
  std::unordered_map<uint32_t, Entry> weights;
  uint64_t now = 0;
  auto bump = [&](uint32_t key, float delta) {
    Entry& e = weights[key];
    e.total += static_cast<double>(now - e.ts) * e.w;
    e.ts = now;
    e.w += delta;
  };
  std::vector<uint32_t> order(sents.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed + 7);
  uint64_t feats[kMaxMorphFeatures];
  const int epochs = std::max(1, std::min(options.epochs, 6));
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t seen = 0, wrong = 0;
    for (uint32_t s : order) {
      const Sentence& sent = sents[s];
      for (size_t i = 0; i < sent.size(); ++i) {
        const auto& cands = morph.candidates(sent.infos[i + 2].lower, sent.gold[i]);
        if (cands.size() < 2) continue;
        if (std::find(cands.begin(), cands.end(), sent.gold_bundle[i]) == cands.end()) continue;
        ++now;
        ++seen;
        int nf = morph_features(sent.infos.data(), sent.gold.data(), classes, sent.size(), i, feats);
        uint16_t best = cands[0];
        float best_score = -1e30f;
        for (uint16_t b : cands) {
          float sc = 0;
          for (int f = 0; f < nf; ++f) {
            auto it = weights.find(morph_key(feats[f], b));
            if (it != weights.end()) sc += it->second.w;
          }
          if (sc > best_score) best = b, best_score = sc;
        }
        if (best != sent.gold_bundle[i]) {
          ++wrong;
          for (int f = 0; f < nf; ++f) {
            bump(morph_key(feats[f], sent.gold_bundle[i]), 1.0f);
            bump(morph_key(feats[f], best), -1.0f);
          }
        }
      }
    }
    if (options.verbose)
      log << "tagger: feature bundles epoch " << epoch << ": " << seen << " ambiguous tokens, train accuracy "
          << std::fixed << std::setprecision(2) << (seen ? 100.0 * static_cast<double>(seen - wrong) / seen : 100.0)
          << "\n";
  }
  double max_abs = 0;
  std::vector<std::pair<uint32_t, double>> avg;
  for (const auto& [key, e] : weights) {
    double a = now ? (e.total + static_cast<double>(now - e.ts) * e.w) / static_cast<double>(now) : 0.0;
    if (a == 0.0) continue;
    avg.emplace_back(key, a);
    max_abs = std::max(max_abs, std::fabs(a));
  }
  double scale = max_abs > 0 ? max_abs / 32767.0 : 1.0;
  morph.weights.reserve(avg.size());
  for (auto [key, a] : avg) {
    long q = std::lround(a / scale);
    if (q != 0) morph.weights.put(key, static_cast<int16_t>(q));
  }
}

}  // namespace

Status train(const std::vector<doc::Document>& train_docs, const std::vector<doc::Document>& dev,
             const TrainOptions& options, ContainerWriter& out, std::ostream& log) {
  auto t0 = std::chrono::steady_clock::now();
  if (options.epochs < 1) return Status(Code::kUsage, "tagger training needs at least one epoch");
  if (options.passes < 1 || options.passes > 2) return Status(Code::kUsage, "tagger passes must be 1 or 2");
  if (options.runs < 1) return Status(Code::kUsage, "tagger runs must be at least 1");
  auto impl = std::make_shared<TaggerImpl>();
  impl->description = options.data_description.empty() ? "unnamed training data" : options.data_description;

  // --- tag inventory: (UPOS, XPOS) pairs, sorted so the class numbering is deterministic.
  std::map<std::pair<uint8_t, std::string>, uint32_t> class_counts;
  size_t n_train_tokens = 0;
  for (const auto& d : train_docs) {
    if (!d.has(doc::kLayerTags)) return Status(Code::kBadConllu, "training document without gold tags");
    for (size_t t = 0; t < d.tokens.size(); ++t) {
      ++class_counts[{static_cast<uint8_t>(d.tokens.upos[t]), std::string(d.xpos(t))}];
      ++n_train_tokens;
    }
  }
  if (n_train_tokens == 0) return Status(Code::kEmptyInput, "no training tokens");
  if (class_counts.size() > 250)
    return Status(Code::kUnsupported, "more than 250 UPOS+XPOS pairs in the training data");
  std::map<std::pair<uint8_t, std::string>, uint8_t> class_id;
  for (const auto& [k, n] : class_counts) {
    class_id[k] = static_cast<uint8_t>(impl->classes.size());
    impl->classes.push_back(TagClass{static_cast<doc::UPos>(k.first), k.second});
  }
  const size_t n_classes = impl->classes.size();
  impl->index_classes();
  auto gold_class = [&](const doc::Document& d, size_t t) {
    auto it = class_id.find({static_cast<uint8_t>(d.tokens.upos[t]), std::string(d.xpos(t))});
    return it == class_id.end() ? uint8_t{0} : it->second;
  };

  // --- lemmatizer
  if (options.use_wordnet) CASUS_RETURN_IF_ERROR(impl->lemmatizer.load_wordnet(options.wordnet_dir));
  for (const auto& d : train_docs)
    for (size_t t = 0; t < d.tokens.size(); ++t) impl->lemmatizer.add_example(d.form(t), d.xpos(t), d.lemma(t));
  impl->lemmatizer.finish_training();

  // --- word classes
  impl->clusters = options.clusters;
  if (impl->clusters.empty()) {
    std::vector<std::vector<uint64_t>> text;
    for (const auto& d : train_docs) {
      auto add = [&](size_t first, size_t last) {
        auto& words = text.emplace_back();
        for (size_t t = first; t < last; ++t) words.push_back(text::word_class_key(d.form(t)));
      };
      if (d.sentences.size() == 0) add(0, d.tokens.size());
      for (size_t s = 0; s < d.sentences.size(); ++s) add(d.sentences.first[s], d.sentences.last[s]);
    }
    impl->clusters = text::WordClusters::train(text, options.cluster_options, options.verbose ? &log : nullptr);
  }
  impl->index_clusters();

  // --- lexicon and feature bundles
  struct WordStats {
    std::string lower;
    uint32_t count = 0;
    uint32_t amb = 0;
    std::map<uint8_t, uint32_t> classes;
  };
  std::unordered_map<uint64_t, WordStats> words;
  std::map<std::string, uint16_t> bundle_id{{"", 0}};
  MorphModel& morph = impl->morph;
  morph.bundles = {""};
  std::vector<std::map<uint16_t, uint32_t>> class_bundles(n_classes);
  std::unordered_map<uint64_t, std::pair<uint8_t, std::map<uint16_t, uint32_t>>> word_bundles;  // key → class, counts
  for (const auto& d : train_docs) {
    for (size_t t = 0; t < d.tokens.size(); ++t) {
      TokenInfo info;
      compute_token_info(d.form(t), info);
      auto& ws = words[info.lower];
      if (ws.count == 0) {
        ws.lower = std::string(d.form(t));
        for (auto& c : ws.lower) c = ascii_lower(c);
      }
      ++ws.count;
      ws.amb |= 1u << static_cast<uint32_t>(d.tokens.upos[t]);
      uint8_t cls = gold_class(d, t);
      ++ws.classes[cls];
      std::string bundle(d.feats(t));
      auto [it, inserted] = bundle_id.try_emplace(bundle, static_cast<uint16_t>(morph.bundles.size()));
      if (inserted) morph.bundles.push_back(bundle);
      ++class_bundles[cls][it->second];
      auto& wb = word_bundles[nonzero(mix64(info.lower, cls + 1u))];
      wb.first = cls;
      ++wb.second[it->second];
    }
  }
  // Candidate lists, most frequent bundle first (ties: lower id), shared between words and classes.
  std::map<std::vector<uint16_t>, uint32_t> list_id;
  auto intern_list = [&](const std::map<uint16_t, uint32_t>& counts, uint32_t min_count) {
    std::vector<std::pair<uint32_t, uint16_t>> order;
    for (auto [b, n] : counts)
      if (n >= min_count) order.emplace_back(n, b);
    if (order.empty())
      for (auto [b, n] : counts) order.emplace_back(n, b);
    std::sort(order.begin(), order.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    std::vector<uint16_t> list;
    for (auto [n, b] : order) list.push_back(b);
    auto [it, inserted] = list_id.try_emplace(list, static_cast<uint32_t>(morph.cand_lists.size()));
    if (inserted) morph.cand_lists.push_back(list);
    return it->second;
  };
  morph.class_cands.resize(n_classes);
  for (size_t c = 0; c < n_classes; ++c) morph.class_cands[c] = intern_list(class_bundles[c], 2);
  for (const auto& [key, cm] : word_bundles) {
    uint32_t l = intern_list(cm.second, 1);
    if (l != morph.class_cands[cm.first]) morph.word_cands.put(key, l);  // else the class list says the same
  }
  const uint32_t kSoleMinCount = 20;
  for (const auto& [h, ws] : words) {
    if (ws.count < static_cast<uint32_t>(options.min_word_count)) continue;
    LexEntry e;
    e.amb = ws.amb;
    e.wordnet = impl->lemmatizer.wordnet_mask(ws.lower);
    if (ws.classes.size() == 1 && ws.count >= kSoleMinCount) e.sole = ws.classes.begin()->first;
    impl->lexicon.put(nonzero(h), e);
  }

  // --- training sentences with precomputed token infos (the same lookup runtime uses)
  std::vector<Sentence> sents;
  for (const auto& d : train_docs) {
    auto add = [&](size_t first, size_t last) {
      Sentence s;
      size_t n = last - first;
      if (n == 0) return;
      s.infos.assign(n + 4, TokenInfo{});
      s.infos[0] = s.infos[1] = boundary_before();
      s.infos[n + 2] = s.infos[n + 3] = boundary_after();
      s.gold.resize(n);
      s.sole.resize(n);
      s.gold_bundle.resize(n);
      for (size_t i = 0; i < n; ++i) {
        s.gold_bundle[i] = bundle_id.at(std::string(d.feats(first + i)));
        compute_token_info(d.form(first + i), s.infos[i + 2]);
        impl->lookup(d.form(first + i), s.infos[i + 2], s.sole[i]);
        s.gold[i] = gold_class(d, first + i);
      }
      sents.push_back(std::move(s));
    };
    if (d.sentences.size() == 0) {
      add(0, d.tokens.size());
    } else {
      for (size_t s = 0; s < d.sentences.size(); ++s) add(d.sentences.first[s], d.sentences.last[s]);
    }
  }
  log << "tagger: " << n_train_tokens << " tokens, " << sents.size() << " sentences, " << n_classes
      << " UPOS+XPOS classes, " << morph.bundles.size() << " feature bundles, lexicon " << impl->lexicon.size()
      << " words; setup " << std::fixed << std::setprecision(1) << seconds_since(t0) << " s\n";

  std::vector<uint32_t> all(sents.size());
  for (uint32_t i = 0; i < all.size(); ++i) all[i] = i;

  auto evaluate_dev = [&](const char* what, int epoch, size_t n_features) {
    if (!options.verbose) return;
    log << "tagger: " << what << " epoch " << epoch << " features " << n_features << " weights "
        << impl->passes.back().entries();
    if (!dev.empty()) {
      Tagger probe = TaggerAccess::make(impl);
      Accuracy a = probe.evaluate(dev);
      log << std::fixed << std::setprecision(2) << "  dev UPOS " << a.pct(a.upos) << " XPOS " << a.pct(a.xpos)
          << " UFeats " << a.pct(a.feats) << " AllTags " << a.pct(a.all_tags) << " Lemma " << a.pct(a.lemma);
    }
    log << "  (" << std::setprecision(1) << seconds_since(t0) << " s)\n";
    log.flush();
  };

  // --- feature bundles: trained on gold tags (runtime feeds predicted ones)
  train_morph(morph, impl->classes, sents, options, log);

  // --- pass 1
  struct Report {
    bool wants_every_epoch;
    std::shared_ptr<TaggerImpl> impl;
    std::function<void(int, size_t)> show;
    std::vector<WeightTable> before;  // earlier passes
    void operator()(int epoch, const WeightTable& table, size_t n_features) {
      impl->passes = before;
      impl->passes.push_back(table);
      show(epoch, n_features);
    }
  };
  bool every = options.verbose && options.passes == 1;
  WeightTable pass1 = train_pass(n_classes, sents, all, nullptr, options, options.seed,
                                 Report{every, impl, [&](int e, size_t f) { evaluate_dev("pass 1", e, f); }, {}},
                                 options.runs);
  impl->passes = {pass1};

  if (options.passes == 2) {
    // Jackknife: first-pass tags for each fold come from a model that never saw it.
    const int kFolds = options.jackknife_folds;
    std::vector<std::vector<uint8_t>> right(sents.size());
    for (int fold = 0; fold < kFolds; ++fold) {
      std::vector<uint32_t> rest, held;
      for (uint32_t i = 0; i < sents.size(); ++i) (static_cast<int>(i % kFolds) == fold ? held : rest).push_back(i);
      WeightTable t = train_pass(n_classes, sents, rest, nullptr, options, options.seed + 1 + fold, NoReport{});
      for (uint32_t s : held) {
        right[s].resize(sents[s].size());
        decode_pass(t, n_classes, sents[s].infos.data(), sents[s].sole.data(), sents[s].size(), nullptr,
                    right[s].data());
      }
      if (options.verbose)
        log << "tagger: jackknife fold " << fold + 1 << "/" << kFolds << " (" << std::fixed << std::setprecision(1)
            << seconds_since(t0) << " s)\n";
    }
    WeightTable pass2 = train_pass(n_classes, sents, all, &right, options, options.seed + 100,
                                   Report{options.verbose, impl,
                                          [&](int e, size_t f) { evaluate_dev("pass 2", e, f); }, {pass1}},
                                   options.runs);
    impl->passes = {pass1, pass2};
  }

  out.add("tagger.model", impl->serialize(), options.compress_sections);
  ByteWriter lw;
  lw.u32(kLemmaSectionVersion);
  lw.raw(impl->lemmatizer.serialize());
  out.add("lemma.model", lw.take(), options.compress_sections);
  out.add("tagger.selftest", make_selftest(TaggerAccess::make(impl)), options.compress_sections);
  log << "tagger: trained in " << std::fixed << std::setprecision(1) << seconds_since(t0) << " s\n";
  return Status::ok();
}

}  // namespace casus::tag
