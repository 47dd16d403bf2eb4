// Segmenter throughput (MB/s per core) on ≥ 50 MB of news-like text.
//
// The text is the synthetic stories (/work/shared/data/synthetic-stories/stories-dev.jsonl, or
// $CASUS_SEGMENT_BENCH_JSONL) repeated in memory at run time, so nothing from the data is committed. Without the
// file, a composed news paragraph is repeated instead.
#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "casus/segment/segmenter.h"

namespace {

constexpr size_t kTargetBytes = 50u << 20;

std::string load_corpus() {
  const char* env = std::getenv("CASUS_SEGMENT_BENCH_JSONL");
  std::ifstream in(env ? env : "/work/shared/data/synthetic-stories/stories-dev.jsonl");
  std::string base;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      base += j["text"].get<std::string>();
      base += "\n\n\n";  // stories apart by two blank lines (BM_SegmentStories splits there)
    }
  }
  if (base.empty())
    base = "TEHRAN, Nov. 16 (AP) - Iran's foreign minister said on Thursday that the \"Axis of Resistance\" won't "
           "stand by. \"We've warned them,\" he told reporters. U.S. officials said 1,200 troops - about 3.5% of "
           "the force - would leave by 11/30/2023; see https://example.org/news?id=7 or e-mail desk@example.org.\n\n\n";
  std::string text;
  text.reserve(kTargetBytes + base.size());
  while (text.size() < kTargetBytes) text += base;
  return text;
}

const std::string& corpus() {
  static const std::string kText = load_corpus();
  return kText;
}

void BM_Segment(benchmark::State& state) {
  const casus::segment::Segmenter seg;
  const std::string& text = corpus();
  size_t tokens = 0;
  for (auto _ : state) {
    casus::doc::Document d;
    d.text = text;  // the copy is inside the timing (memcpy speed: a few % of the total)
    casus::Status s = seg.segment(d);
    benchmark::DoNotOptimize(s);
    tokens = d.tokens.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond)->Iterations(3);

// The realistic case: many news-sized documents (one story each, ~1–3 KB), each a fresh Document.
void BM_SegmentStories(benchmark::State& state) {
  const casus::segment::Segmenter seg;
  const std::string& text = corpus();
  std::vector<std::string_view> stories;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find("\n\n\n", pos);
    if (end == std::string::npos) end = text.size();
    stories.push_back(std::string_view(text).substr(pos, end - pos));
    pos = end + 3;
  }
  size_t tokens = 0;
  for (auto _ : state) {
    tokens = 0;
    for (std::string_view story : stories) {
      casus::doc::Document d;
      d.text = story;
      casus::Status s = seg.segment(d);
      benchmark::DoNotOptimize(s);
      tokens += d.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens"] = static_cast<double>(tokens);
  state.counters["documents"] = static_cast<double>(stories.size());
}
BENCHMARK(BM_SegmentStories)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TokenizeOnly(benchmark::State& state) {
  const casus::segment::Segmenter seg;
  const std::string& text = corpus();
  std::vector<casus::segment::Span> spans;
  for (auto _ : state) {
    seg.tokenize(text, spans);
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_TokenizeOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
