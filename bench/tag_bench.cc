// Tagger kernels: annotate() throughput (tag + features + lemma) on UD English EWT dev read at run time from
// /work/shared (never committed), model load time, and per-token feature extraction.
//   TAG_MODEL=models/en.casus TAG_DATA=/work/shared/data/ud-ewt/en_ewt-ud-dev.conllu build/bench/tag_bench
// Without the data file it falls back to the composed test fixture (src/casus/tag/testdata/news.conllu).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "casus/doc/conllu.h"
#include "casus/tag/features.h"
#include "casus/tag/tagger.h"
#include "casus/util/file.h"

namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

const std::string& model_path() {
  static const std::string path = env_or("TAG_MODEL", "models/en.casus");
  return path;
}

const std::vector<casus::doc::Document>& corpus() {
  static const std::vector<casus::doc::Document> docs = [] {
    std::string path = env_or("TAG_DATA", "/work/shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    auto data = casus::read_file(path);
    if (!data) data = casus::read_file(CASUS_SOURCE_DIR "/src/casus/tag/testdata/news.conllu");
    casus::doc::ConlluReadOptions opt;
    opt.split_documents = true;
    opt.keep_annotations = false;
    auto docs = casus::doc::read_conllu(data.is_ok() ? *data : std::string(), opt);
    return docs.is_ok() ? std::move(docs.value()) : std::vector<casus::doc::Document>{};
  }();
  return docs;
}

const casus::tag::Tagger* tagger() {
  static const std::optional<casus::tag::Tagger> t = []() -> std::optional<casus::tag::Tagger> {
    auto reader = casus::ContainerReader::open(model_path(), "model.en");
    if (!reader) {
      std::cerr << reader.status().to_string() << "\n";
      return std::nullopt;
    }
    auto t = casus::tag::Tagger::load(*reader);
    if (!t) {
      std::cerr << t.status().to_string() << "\n";
      return std::nullopt;
    }
    return std::move(t.value());
  }();
  return t ? &*t : nullptr;
}

void BM_Annotate(benchmark::State& state) {
  const auto* t = tagger();
  if (!t || corpus().empty()) {
    state.SkipWithError("no model or no corpus");
    return;
  }
  size_t tokens = 0;
  for (const auto& d : corpus()) tokens += d.tokens.size();
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<casus::doc::Document> docs = corpus();
    state.ResumeTiming();
    for (auto& d : docs) t->annotate(d);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.counters["tokens"] = static_cast<double>(tokens);
}
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_Load(benchmark::State& state) {
  for (auto _ : state) {
    auto reader = casus::ContainerReader::open(model_path(), "model.en");
    if (!reader) {
      state.SkipWithError("no model");
      return;
    }
    auto t = casus::tag::Tagger::load(*reader);
    benchmark::DoNotOptimize(t.is_ok());
  }
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond);

void BM_Features(benchmark::State& state) {
  const char* words[] = {"Protesters", "gathered", "outside", "the", "embassy", "in", "Tehran", "on", "Friday", "."};
  std::vector<casus::tag::TokenInfo> infos(14);
  uint32_t feats[casus::tag::kMaxFeatures];
  for (auto _ : state) {
    infos[0] = infos[1] = casus::tag::boundary_before();
    for (int i = 0; i < 10; ++i) casus::tag::compute_token_info(words[i], infos[i + 2]);
    infos[12] = infos[13] = casus::tag::boundary_after();
    int total = 0;
    casus::tag::Context ctx;
    for (int i = 0; i < 10; ++i) {
      ctx.tok = infos.data() + i + 2;
      total += casus::tag::extract_features(ctx, feats);
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * 10);
}
BENCHMARK(BM_Features);

}  // namespace

BENCHMARK_MAIN();
