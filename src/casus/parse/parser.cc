#include "casus/parse/parser.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "casus/parse/parser_impl.h"
#include "casus/util/bytes.h"
#include "casus/util/hash.h"

namespace casus::parse {

namespace {
constexpr int kRootLabel = static_cast<int>(doc::Deprel::kRoot);
}

Action best_valid_action(const State& st, const float* scores, uint64_t label_mask) {
  Action best = kShift;
  float best_score = -1e30f;
  bool found = false;
  auto consider = [&](Action a) {
    if (!found || scores[a] > best_score) {
      best = a;
      best_score = scores[a];
      found = true;
    }
  };
  if (st.valid(Move::kShift)) consider(kShift);
  const uint64_t arc_labels = label_mask & ~(uint64_t{1} << kRootLabel);
  if (st.valid(Move::kLeft))
    for (uint64_t m = arc_labels; m; m &= m - 1) consider(left_action(std::countr_zero(m)));
  if (st.valid(Move::kRight)) {
    if (st.s(1) == st.root()) {
      consider(right_action(kRootLabel));
    } else {
      for (uint64_t m = arc_labels; m; m &= m - 1) consider(right_action(std::countr_zero(m)));
    }
  }
  CASUS_ASSERT(found, "a non-terminal state always has a valid action");
  return best;
}

void valid_actions(const State& st, uint64_t label_mask, std::vector<Action>& out) {
  out.clear();
  if (st.valid(Move::kShift)) out.push_back(kShift);
  const uint64_t arc_labels = label_mask & ~(uint64_t{1} << kRootLabel);
  if (st.valid(Move::kLeft))
    for (uint64_t m = arc_labels; m; m &= m - 1) out.push_back(left_action(std::countr_zero(m)));
  if (st.valid(Move::kRight)) {
    if (st.s(1) == st.root()) {
      out.push_back(right_action(kRootLabel));
    } else {
      for (uint64_t m = arc_labels; m; m &= m - 1) out.push_back(right_action(std::countr_zero(m)));
    }
  }
}

void parse_atoms(const CompactWeights& weights, uint64_t label_mask, Scratch& sc) {
  sc.state.reset(sc.atoms.size());
  while (!sc.state.terminal()) {
    extract_features(sc.state, sc.atoms, sc.features);
    std::fill(sc.scores, sc.scores + kNumActions, 0.0f);
    weights.score(sc.features, sc.scores);
    sc.state.apply(best_valid_action(sc.state, sc.scores, label_mask));
  }
}

void parse_atoms_beam(const CompactWeights& weights, uint64_t label_mask, const BeamOptions& beam, Scratch& sc) {
  if (beam.width <= 1) {
    parse_atoms(weights, label_mask, sc);
    return;
  }
  const int n = static_cast<int>(sc.atoms.size());
  const float inv_t = 1.0f / beam.temperature;
  auto& cur = sc.beam_cur;
  auto& next = sc.beam_next;
  auto& cands = sc.beam_cands;
  auto& actions = sc.actions;
  if (cur.empty()) cur.emplace_back(0);
  cur.resize(1, State(0));
  cur[0].reset(n);
  sc.beam_cur_score.assign(1, 0.0f);
  while (!cur[0].terminal()) {  // arc-hybrid: every derivation has 2n transitions, so all items end together
    cands.clear();
    for (int i = 0; i < static_cast<int>(cur.size()); ++i) {
      valid_actions(cur[i], label_mask, actions);
      if (actions.size() == 1) {  // log-probability 0; no need to score
        cands.push_back({sc.beam_cur_score[i], i, actions[0]});
        continue;
      }
      extract_features(cur[i], sc.atoms, sc.features);
      std::fill(sc.scores, sc.scores + kNumActions, 0.0f);
      weights.score(sc.features, sc.scores);
      // Locally normalised: log-softmax of score / T over the valid actions.
      float mx = -1e30f;
      for (Action a : actions) mx = std::max(mx, sc.scores[a]);
      float z = 0;
      for (Action a : actions) z += std::exp((sc.scores[a] - mx) * inv_t);
      const float base = sc.beam_cur_score[i] - mx * inv_t - std::log(z);
      if (beam.best_label_per_move) {
        Action best[3];
        bool seen[3] = {false, false, false};
        for (Action a : actions) {
          const int m = static_cast<int>(move_of(a));
          if (!seen[m] || sc.scores[a] > sc.scores[best[m]]) best[m] = a, seen[m] = true;
        }
        for (int m = 0; m < 3; ++m)
          if (seen[m]) cands.push_back({base + sc.scores[best[m]] * inv_t, i, best[m]});
        continue;
      }
      for (Action a : actions) cands.push_back({base + sc.scores[a] * inv_t, i, a});
    }
    size_t keep = std::min<size_t>(static_cast<size_t>(beam.width), cands.size());
    std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(keep), cands.end(),
                      [](const BeamCand& x, const BeamCand& y) {
                        if (x.score != y.score) return x.score > y.score;
                        return x.item != y.item ? x.item < y.item : x.action < y.action;
                      });
    // Items far below the best (log-probability margin) are dropped: most steps are confident, so the beam is
    // mostly one item wide and costs little more than greedy decoding.
    while (keep > 1 && cands[keep - 1].score < cands[0].score - beam.margin) --keep;
    if (keep == 1) {
      // The common step: one survivor, advanced in place instead of copied (a copy is O(sentence length)).
      const auto item = static_cast<size_t>(cands[0].item);
      if (item != 0) std::swap(cur[0], cur[item]);
      cur[0].apply(cands[0].action);
      sc.beam_cur_score.assign(1, cands[0].score);
      while (cur.size() > 1) {
        next.push_back(std::move(cur.back()));
        cur.pop_back();
      }
      continue;
    }
    if (next.size() < keep) next.resize(keep, State(0));
    sc.beam_next_score.resize(keep);
    for (size_t k = 0; k < keep; ++k) {
      next[k] = cur[static_cast<size_t>(cands[k].item)];
      next[k].apply(cands[k].action);
      sc.beam_next_score[k] = cands[k].score;
    }
    // Swap the pools; `cur` keeps exactly `keep` live items at its front.
    std::swap(cur, next);
    std::swap(sc.beam_cur_score, sc.beam_next_score);
    if (cur.size() > keep) {
      // move surplus states to `next` so their buffers are reused later
      while (cur.size() > keep) {
        next.push_back(std::move(cur.back()));
        cur.pop_back();
      }
    }
  }
  sc.state = cur[0];
}

std::string serialize_config(uint64_t label_mask, const std::string& description) {
  ByteWriter w;
  w.u32(kParserSectionVersion);
  w.u64(feature_set_hash());
  w.str(kFeatureSetName);
  w.u64(label_mask);
  w.str(description);
  return w.take();
}

Result<Parser> Parser::load(const ContainerReader& model) {
  auto config = model.section("parser.config");
  if (!config) return config.status();
  ByteReader r(*config);
  uint32_t version = r.u32();
  if (r.failed()) return Status(Code::kModelCorrupt, "parser.config: truncated");
  if (version != kParserSectionVersion)
    return Status(Code::kModelVersion, "parser.config: section version " + std::to_string(version) +
                                           ", this casus reads version " + std::to_string(kParserSectionVersion) +
                                           " (retrain with `casus train`)");
  uint64_t fs_hash = r.u64();
  std::string fs_name(r.str());
  auto impl = std::make_shared<ParserImpl>();
  impl->label_mask = r.u64();
  impl->description = std::string(r.str());
  if (r.failed()) return Status(Code::kModelCorrupt, "parser.config: truncated");
  if (fs_hash != feature_set_hash())
    return Status(Code::kModelVersion, "parser.config: feature set '" + fs_name + "' (hash " + hex64(fs_hash) +
                                           ") differs from this build's '" + std::string(kFeatureSetName) +
                                           "' (hash " + hex64(feature_set_hash()) + "); retrain the parser");
  if (!(impl->label_mask & (uint64_t{1} << kRootLabel)) || (impl->label_mask >> doc::kNumDeprel) != 0)
    return Status(Code::kModelCorrupt, "parser.config: label set lacks 'root' or names unknown labels");
  auto clusters = model.section("parser.clusters");
  if (!clusters) return clusters.status();
  auto c = WordClusters::deserialize(*clusters, "parser.clusters");
  if (!c) return c.status();
  impl->clusters = std::move(c.value());
  auto weights = model.section("parser.weights");
  if (!weights) return weights.status();
  auto w = CompactWeights::deserialize(*weights, "parser.weights");
  if (!w) return w.status();
  impl->weights = std::move(w.value());
  // Decoder settings can be overridden for experiments (docs/PARSER.md).
  if (const char* b = std::getenv("CASUS_PARSE_BEAM"); b && *b) impl->beam.width = std::max(1, std::atoi(b));
  if (const char* t = std::getenv("CASUS_PARSE_BEAM_T"); t && *t && std::atof(t) > 0)
    impl->beam.temperature = static_cast<float>(std::atof(t));
  if (const char* m = std::getenv("CASUS_PARSE_BEAM_MARGIN"); m && *m && std::atof(m) >= 0)
    impl->beam.margin = static_cast<float>(std::atof(m));
  if (const char* l = std::getenv("CASUS_PARSE_BEAM_MOVES"); l && *l) impl->beam.best_label_per_move = std::atoi(l) != 0;
  Parser p;
  p.impl_ = std::move(impl);
  return p;
}

Status average_parsers(const std::vector<const ContainerReader*>& models, float prune, const std::string& description,
                       ContainerWriter& out) {
  if (models.empty()) return Status(Code::kEmptyInput, "average_parsers: no models");
  std::vector<CompactWeights::Triple> triples;
  uint64_t label_mask = 0;
  std::string clusters;
  std::string full = description + "; members:";
  for (size_t i = 0; i < models.size(); ++i) {
    const ContainerReader* m = models[i];
    auto p = Parser::load(*m);
    if (!p) return p.status();
    auto c = m->section("parser.clusters");
    if (!c) return c.status();
    if (clusters.empty()) clusters = std::string(*c);
    else if (clusters != *c) return Status(Code::kModelVersion, "average_parsers: the models' word classes differ");
    label_mask |= p->impl_->label_mask;
    full += " (" + std::to_string(i + 1) + ") " + p->impl_->description;
    p->impl_->weights.append_triples(1.0f / static_cast<float>(models.size()), triples);
  }
  CompactWeights avg = CompactWeights::build(triples);
  if (prune > 0) avg = avg.pruned(prune);
  out.add("parser.config", serialize_config(label_mask, full), false);
  out.add("parser.clusters", clusters, true);
  out.add("parser.weights", avg.serialize(), true);
  return Status::ok();
}

void Parser::annotate(doc::Document& doc) const { annotate(doc, impl_->beam); }

void Parser::annotate(doc::Document& doc, const BeamOptions& beam) const {
  CASUS_ASSERT(doc.has(doc::kLayerTokens | doc::kLayerSentences), "parser needs tokens and sentences");
  Scratch sc;
  auto& tokens = doc.tokens;
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const doc::TokenIdx first = doc.sentences.first[s], last = doc.sentences.last[s];
    if (first >= last) continue;
    build_atoms(doc, first, last, impl_->clusters, sc.atoms);
    parse_atoms_beam(impl_->weights, impl_->label_mask, beam, sc);
    const int n = static_cast<int>(last - first);
    for (int i = 0; i < n; ++i) {
      int h = sc.state.head(i);
      tokens.head[first + i] = h == n ? doc::kRootHead : static_cast<int32_t>(first + h);
      tokens.deprel[first + i] = static_cast<doc::Deprel>(sc.state.label(i));
    }
  }
  doc.layers |= doc::kLayerParse;
}

void score_trees(const doc::Document& gold, const doc::Document& sys, Scores& scores) {
  const size_t n = std::min(gold.tokens.size(), sys.tokens.size());
  for (size_t t = 0; t < n; ++t) {
    ++scores.tokens;
    if (gold.tokens.head[t] != sys.tokens.head[t]) continue;
    ++scores.heads;
    if (doc::deprel_universal(gold.tokens.deprel[t]) == doc::deprel_universal(sys.tokens.deprel[t]))
      ++scores.labeled;
    if (gold.tokens.deprel[t] == sys.tokens.deprel[t]) ++scores.labeled_full;
  }
}

Scores Parser::evaluate(const std::vector<doc::Document>& gold) const { return evaluate(gold, impl_->beam); }

Scores Parser::evaluate(const std::vector<doc::Document>& gold, const BeamOptions& beam) const {
  Scores scores;
  for (const auto& g : gold) {
    doc::Document d = g;
    annotate(d, beam);
    score_trees(g, d, scores);
  }
  return scores;
}

std::string Parser::describe() const {
  std::ostringstream out;
  out << "parser: arc-hybrid, beam " << impl_->beam.width << " (T " << impl_->beam.temperature << ", margin "
      << impl_->beam.margin << "), averaged perceptron; features " << kFeatureSetName << " (hash "
      << hex64(feature_set_hash()) << "); " << impl_->weights.n_features() << " features, "
      << impl_->weights.n_entries() << " weights; labels " << std::popcount(impl_->label_mask) << "; "
      << impl_->clusters.size() << " words with classes\n"
      << impl_->description;
  return out.str();
}

}  // namespace casus::parse
