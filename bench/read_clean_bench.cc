// Reader + cleaner throughput (docs/benchmarks/read_clean.md): plain text, HTML and a ≥ 50 MB JSON Lines file
// read through InputSource, every document cleaned. The synthetic input repeats the demo corpus (samples/) with
// a per-copy number so no two documents are byte-identical.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "casus/clean/clean.h"
#include "casus/read/decode.h"
#include "casus/read/html.h"
#include "casus/read/input_source.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> load_samples(const std::string& ext) {
  std::vector<std::string> out;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(std::string(CASUS_SOURCE_DIR) + "/samples"))
    if (e.path().extension() == ext) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// Copies of the samples until `min_bytes`, each with its copy number appended to the first line.
std::vector<std::string> synthetic(const std::vector<std::string>& base, size_t min_bytes) {
  std::vector<std::string> docs;
  size_t total = 0;
  for (size_t copy = 0; total < min_bytes; ++copy) {
    for (const std::string& b : base) {
      std::string d = b;
      const size_t nl = d.find('\n');
      d.insert(nl == std::string::npos ? d.size() : nl, " #" + std::to_string(copy));
      total += d.size();
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

void BM_TextDecodeClean(benchmark::State& state) {
  const auto docs = synthetic(load_samples(".txt"), size_t(20) << 20);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  for (auto _ : state) {
    for (const std::string& raw : docs) {
      casus::doc::Document doc;
      auto text = casus::read::decode(raw);
      doc.text = std::move(text.value());
      benchmark::DoNotOptimize(casus::clean::clean(doc).is_ok());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_TextDecodeClean)->Unit(benchmark::kMillisecond);

void BM_HtmlExtractClean(benchmark::State& state) {
  const auto docs = synthetic(load_samples(".html"), size_t(20) << 20);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  for (auto _ : state) {
    for (const std::string& raw : docs) {
      casus::doc::Document doc;
      auto text = casus::read::decode(raw);
      auto content = casus::read::extract_html(text.value());
      doc.text = std::move(content->text);
      doc.meta.url = content->url;
      benchmark::DoNotOptimize(casus::clean::clean(doc).is_ok());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_HtmlExtractClean)->Unit(benchmark::kMillisecond);

// The whole reader path on disk: a ≥ 50 MB JSON Lines file streamed by InputSource, each record cleaned.
void BM_JsonlInputSourceClean(benchmark::State& state) {
  const fs::path path = fs::temp_directory_path() / "casus_read_clean_bench.jsonl";
  size_t bytes = 0;
  {
    std::ofstream out(path, std::ios::binary);
    const auto docs = synthetic(load_samples(".txt"), size_t(50) << 20);
    size_t i = 0;
    for (const std::string& d : docs) {
      const std::string line = nlohmann::json{{"id", "doc-" + std::to_string(i++)}, {"text", d}}.dump() + "\n";
      bytes += line.size();
      out << line;
    }
  }
  size_t n_docs = 0;
  for (auto _ : state) {
    auto src = casus::read::InputSource::open({path.string()});
    casus::read::Item item;
    n_docs = 0;
    while (src->next(item)) {
      if (item.kind != casus::read::Item::Kind::kDocument) continue;
      benchmark::DoNotOptimize(casus::clean::clean(item.document).is_ok());
      ++n_docs;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(n_docs);
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
  fs::remove(path);
}
BENCHMARK(BM_JsonlInputSourceClean)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
