// Parser training: averaged perceptron with the arc-hybrid dynamic oracle and error exploration.
#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdio>
#include <ostream>
#include <random>

#include "casus/parse/parser.h"
#include "casus/parse/parser_impl.h"
#include "casus/text/utf8.h"

namespace casus::parse {

namespace {

struct TrainSentence {
  SentenceAtoms atoms;
  GoldTree gold;
};

// Uniform integer in [0, bound) from the standardised mt19937_64 stream (std::uniform_int_distribution and
// std::shuffle are implementation-defined, which would break --seed reproducibility across standard libraries).
uint64_t draw(std::mt19937_64& rng, uint64_t bound) { return rng() % bound; }

Status collect(const std::vector<doc::Document>& docs, const WordClusters& clusters, std::vector<TrainSentence>& out,
               uint64_t& label_mask, const char* what) {
  for (const auto& d : docs) {
    if (!d.has(doc::kLayerTokens | doc::kLayerSentences | doc::kLayerParse))
      return Status(Code::kBadConllu, std::string(what) + ": a document has no dependency trees");
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      const doc::TokenIdx first = d.sentences.first[s], last = d.sentences.last[s];
      if (first >= last) continue;
      TrainSentence ts;
      build_atoms(d, first, last, clusters, ts.atoms);
      const int n = static_cast<int>(last - first);
      bool ok = true;
      for (int i = 0; i < n; ++i) {
        int32_t h = d.tokens.head[first + i];
        int label = static_cast<int>(d.tokens.deprel[first + i]);
        if (h == doc::kRootHead) {
          ts.gold.head.push_back(n);
        } else if (h >= static_cast<int32_t>(first) && h < static_cast<int32_t>(last)) {
          ts.gold.head.push_back(static_cast<int>(h - first));
        } else {
          ok = false;  // unparsed or cross-sentence head: skip the sentence
          break;
        }
        // The transition system gives the root label to exactly the ROOT arc.
        if (h == doc::kRootHead) label = static_cast<int>(doc::Deprel::kRoot);
        else if (label == static_cast<int>(doc::Deprel::kRoot) || label == 0)
          label = static_cast<int>(doc::Deprel::kDep);
        ts.gold.label.push_back(label);
        label_mask |= uint64_t{1} << label;
      }
      if (ok) out.push_back(std::move(ts));
    }
  }
  return Status::ok();
}

// Unlabeled cost of each move, then +1 for a wrong label on the gold arc.
int cost_of(const State& st, const GoldTree& gold, Action a, int move_cost[3]) {
  Move m = move_of(a);
  if (m == Move::kShift) return move_cost[0];
  int s0 = st.s(0);
  int new_head = m == Move::kLeft ? st.b(0) : st.s(1);
  int base = move_cost[m == Move::kLeft ? 1 : 2];
  return base + (gold.head[s0] == new_head && gold.label[s0] != label_of(a) ? 1 : 0);
}

}  // namespace

void append_sentence_words(const doc::Document& d, std::vector<std::vector<uint64_t>>& out) {
  std::string folded;
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    std::vector<uint64_t> words;
    for (doc::TokenIdx t = d.sentences.first[s]; t < d.sentences.last[s]; ++t) {
      // The same keys as build_atoms looks up: typographic punctuation folded to the treebank's ASCII.
      std::string_view form = d.form(t);
      if (text::fold_typography(form, folded)) form = folded;
      words.push_back(word_hash(form));
    }
    if (!words.empty()) out.push_back(std::move(words));
  }
}

Status train(const std::vector<doc::Document>& train_docs, const std::vector<doc::Document>& dev_docs,
             const TrainOptions& options, ContainerWriter& out, std::ostream& log) {
  using Clock = std::chrono::steady_clock;
  const auto t_start = Clock::now();
  auto impl = std::make_shared<ParserImpl>();
  impl->clusters = options.clusters;
  if (impl->clusters.empty()) {
    std::vector<std::vector<uint64_t>> text;
    for (const auto& d : train_docs) append_sentence_words(d, text);
    impl->clusters = WordClusters::train(text, options.cluster_options, options.verbose ? &log : nullptr);
  }
  std::vector<TrainSentence> data;
  uint64_t label_mask = uint64_t{1} << static_cast<int>(doc::Deprel::kRoot);
  CASUS_RETURN_IF_ERROR(collect(train_docs, impl->clusters, data, label_mask, "parser training data"));
  if (data.empty()) return Status(Code::kEmptyInput, "parser training data: no sentences with trees");
  size_t n_tokens = 0, n_nonproj = 0;
  for (const auto& ts : data) {
    n_tokens += ts.gold.head.size();
    if (!is_projective(ts.gold)) ++n_nonproj;
  }
  if (options.verbose)
    log << "parser: " << data.size() << " sentences, " << n_tokens << " tokens (" << n_nonproj
        << " non-projective sentences), " << std::popcount(label_mask) << " labels\n";

  TrainWeights weights;
  std::mt19937_64 rng(options.seed);
  std::vector<uint32_t> order(data.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  Scratch sc;
  std::vector<Action> valid;
  std::vector<int> costs;

  impl->label_mask = label_mask;
  double best_las = -1;
  int best_epoch = 0;
  Scores best_scores;
  CompactWeights best;

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto t_epoch = Clock::now();
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[draw(rng, i)]);
    const bool explore = epoch >= options.explore_from_epoch;
    size_t n_actions = 0, n_errors = 0;
    for (uint32_t idx : order) {
      const TrainSentence& ts = data[idx];
      State& st = sc.state;
      st.reset(ts.atoms.size());
      while (!st.terminal()) {
        extract_features(st, ts.atoms, sc.features);
        std::fill(sc.scores, sc.scores + kNumActions, 0.0f);
        weights.score(sc.features, sc.scores);
        valid_actions(st, label_mask, valid);
        int move_cost[3] = {0, 0, 0};
        if (st.valid(Move::kShift)) move_cost[0] = action_cost(st, ts.gold, kShift);
        const int s0 = st.s(0);
        const int glabel = s0 >= 0 && s0 < st.size() ? ts.gold.label[s0] : 0;
        if (st.valid(Move::kLeft)) move_cost[1] = action_cost(st, ts.gold, left_action(glabel));
        if (st.valid(Move::kRight)) move_cost[2] = action_cost(st, ts.gold, right_action(glabel));
        Action pred = valid[0], gold = valid[0];
        int min_cost = 1 << 30, pred_cost = 0;
        float pred_score = -1e30f, gold_score = -1e30f;
        costs.resize(valid.size());
        for (size_t k = 0; k < valid.size(); ++k) {
          costs[k] = cost_of(st, ts.gold, valid[k], move_cost);
          min_cost = std::min(min_cost, costs[k]);
        }
        for (size_t k = 0; k < valid.size(); ++k) {
          const Action a = valid[k];
          if (sc.scores[a] > pred_score) {
            pred_score = sc.scores[a];
            pred = a;
            pred_cost = costs[k];
          }
          if (costs[k] == min_cost && sc.scores[a] > gold_score) {
            gold_score = sc.scores[a];
            gold = a;
          }
        }
        ++n_actions;
        weights.tick();
        Action next = gold;
        if (pred_cost > min_cost) {
          ++n_errors;
          weights.update(sc.features, gold, pred);
          if (explore && static_cast<double>(rng() >> 11) * 0x1.0p-53 < options.explore_p) next = pred;
        } else {
          next = pred;
        }
        st.apply(next);
      }
    }
    const double train_secs = std::chrono::duration<double>(Clock::now() - t_epoch).count();
    CompactWeights averaged = weights.average(options.prune_threshold);
    Scores scores;
    if (!dev_docs.empty()) {
      impl->weights = averaged;
      Parser p;
      p.impl_ = impl;
      scores = p.evaluate(dev_docs, BeamOptions{1});  // greedy: what the perceptron is trained for
    }
    if (options.verbose) {
      char line[256];
      std::snprintf(line, sizeof line,
                    "parser epoch %2d: train errors %.2f%% of %zu transitions, %zu features (%.1f s); dev UAS %.2f "
                    "LAS %.2f (%zu tokens); %zu weights kept\n",
                    epoch, 100.0 * n_errors / std::max<size_t>(1, n_actions), n_actions, weights.n_features(),
                    train_secs, scores.uas(), scores.las(), scores.tokens, averaged.n_entries());
      log << line << std::flush;
    }
    if (dev_docs.empty() || scores.las() > best_las) {
      best_las = scores.las();
      best_epoch = epoch;
      best_scores = scores;
      best = std::move(averaged);
    }
  }
  const double total_secs = std::chrono::duration<double>(Clock::now() - t_start).count();
  char summary[512];
  std::snprintf(summary, sizeof summary,
                "parser: trained on %s (%zu sentences, %zu tokens); %d epochs, seed %llu, explore p=%.2f from epoch "
                "%d, prune %.4g; kept epoch %d: dev UAS %.2f LAS %.2f; %.0f s",
                options.data_description.empty() ? "(unnamed data)" : options.data_description.c_str(), data.size(),
                n_tokens, options.epochs, static_cast<unsigned long long>(options.seed), options.explore_p,
                options.explore_from_epoch, static_cast<double>(options.prune_threshold), best_epoch,
                best_scores.uas(), best_scores.las(), total_secs);
  if (options.verbose) log << summary << "\n";
  out.add("parser.config", serialize_config(label_mask, summary), false);
  out.add("parser.clusters", impl->clusters.serialize(), true);
  out.add("parser.weights", best.serialize(), true);
  return Status::ok();
}

}  // namespace casus::parse
