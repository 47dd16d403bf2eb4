// Lexicon kernels: load time of the repository's lexicon and match() throughput on parsed sentences.
// Input: the hand-written fixture src/casus/lexicon/testdata/match.conllu (25 news-style sentences), repeated.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "casus/doc/conllu.h"
#include "casus/lexicon/lexicon.h"
#include "casus/util/file.h"

namespace {

const std::string kLexicon = std::string(CASUS_SOURCE_DIR) + "/lexicon";

void BM_LexiconLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto lex = casus::lexicon::Lexicon::load(kLexicon);
    if (!lex) {
      state.SkipWithError(lex.status().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(lex->rules().size());
  }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

void BM_LexiconMatch(benchmark::State& state) {
  auto lex = casus::lexicon::Lexicon::load(kLexicon);
  auto text = casus::read_file(std::string(CASUS_SOURCE_DIR) + "/src/casus/lexicon/testdata/match.conllu");
  if (!lex || !text) {
    state.SkipWithError("cannot load lexicon or fixture");
    return;
  }
  std::string data;
  for (int i = 0; i < 40; ++i) data += *text;  // 1,000 sentences
  auto docs = casus::doc::read_conllu(data);
  if (!docs) {
    state.SkipWithError(docs.status().to_string().c_str());
    return;
  }
  const auto& doc = (*docs)[0];
  size_t matches = 0, tokens = doc.tokens.size();
  for (auto _ : state) {
    for (size_t s = 0; s < doc.sentences.size(); ++s) matches += lex->match(doc, s).size();
  }
  benchmark::DoNotOptimize(matches);
  state.counters["sentences/s"] =
      benchmark::Counter(double(doc.sentences.size()) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(double(tokens) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["matches/sent"] = double(matches) / double(doc.sentences.size() * state.iterations());
}
BENCHMARK(BM_LexiconMatch)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
