// Parser and whole-pipeline throughput (docs/benchmarks/parser.md).
//
//   parse_bench [--benchmark_...]   model: models/en.casus; input: UD EWT dev beside the repository
//   (CASUS_BENCH_CONLLU=path overrides). Single thread; reports tokens/s as items_per_second.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "casus/doc/conllu.h"
#include "casus/pipeline/pipeline.h"
#include "casus/util/file.h"

namespace {

std::string source_dir() { return CASUS_SOURCE_DIR; }

struct Fixture {
  std::optional<casus::pipeline::Pipeline> pipeline;
  std::vector<casus::doc::Document> docs;  // gold tokens and sentences, annotations dropped
  size_t tokens = 0;
  std::string error;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    auto p = casus::pipeline::Pipeline::load(source_dir() + "/models/en.casus");
    if (!p) {
      f.error = p.status().to_string();
      return f;
    }
    f.pipeline = std::move(p.value());
    const char* env = std::getenv("CASUS_BENCH_CONLLU");
    std::string path = env ? env : source_dir() + "/../shared/data/ud-ewt/en_ewt-ud-dev.conllu";
    auto bytes = casus::read_file(path);
    if (!bytes) {
      f.error = bytes.status().to_string();
      return f;
    }
    casus::doc::ConlluReadOptions ro;
    ro.keep_annotations = false;
    auto docs = casus::doc::read_conllu(*bytes, ro);
    if (!docs) {
      f.error = docs.status().to_string();
      return f;
    }
    f.docs = std::move(docs.value());
    for (const auto& d : f.docs) f.tokens += d.tokens.size();
    return f;
  }();
  return f;
}

// Tag + lemmatize + parse (gold tokenization): the figure the issue's ≥ 30,000 tokens/s bar is about.
void BM_TagLemmaParse(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  for (auto _ : state) {
    for (const auto& g : f.docs) {
      casus::doc::Document d = g;
      f.pipeline->annotate(d);
      benchmark::DoNotOptimize(d.tokens.head.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.tokens));
}
BENCHMARK(BM_TagLemmaParse)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Parser alone on pre-tagged documents.
void BM_ParseOnly(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty()) {
    state.SkipWithError(f.error.c_str());
    return;
  }
  std::vector<casus::doc::Document> tagged;
  for (const auto& g : f.docs) {
    casus::doc::Document d = g;
    f.pipeline->tagger()->annotate(d);
    tagged.push_back(std::move(d));
  }
  for (auto _ : state) {
    for (auto& d : tagged) {
      f.pipeline->parser()->annotate(d);
      benchmark::DoNotOptimize(d.tokens.head.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.tokens));
}
BENCHMARK(BM_ParseOnly)->Unit(benchmark::kMillisecond)->MinTime(3.0);

// Model load: read + CRC + zstd + building the tagger and parser tables.
void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto p = casus::pipeline::Pipeline::load(source_dir() + "/models/en.casus");
    if (!p) {
      state.SkipWithError(p.status().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(p->parser());
  }
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
