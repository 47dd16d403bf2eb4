// Knowledge base kernels: load time of the repository KB, phrase resolution and mention matching throughput
// (docs/benchmarks/kb.md). Run from anywhere: the KB path is compiled in.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "casus/kb/knowledge_base.h"

namespace {

const casus::kb::KnowledgeBase& repo_kb() {
  static std::unique_ptr<casus::kb::KnowledgeBase> kb = [] {
    auto r = casus::kb::KnowledgeBase::load(std::string(CASUS_SOURCE_DIR) + "/kb");
    if (!r) {
      std::fprintf(stderr, "%s\n", r.status().to_string().c_str());
      std::abort();
    }
    return std::make_unique<casus::kb::KnowledgeBase>(std::move(r.value()));
  }();
  return *kb;
}

// Composed news-style text (written for this benchmark), ~100 words, dense in actors.
const char* kText =
    "Israeli troops raided the Jenin refugee camp on Tuesday as Iran-backed militias fired drones at U.S. forces "
    "near Tower 22 in Jordan, the Pentagon said. Iran's foreign minister Abbas Araghchi told reporters in Tehran "
    "that Washington bore responsibility. Houthi rebels attacked a cargo ship in the Red Sea near Hodeidah and the "
    "Bab el-Mandeb strait, while Hezbollah fighters clashed with the Israeli army in south Lebanon. In Sudan, the "
    "RSF shelled El Fasher and Omdurman; Ukrainian officials said Russian forces struck Kharkiv and Zaporizhzhia. "
    "UN Secretary-General Antonio Guterres called for a ceasefire in the Gaza Strip and Khan Younis.";

void BM_KbLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto r = casus::kb::KnowledgeBase::load(std::string(CASUS_SOURCE_DIR) + "/kb");
    benchmark::DoNotOptimize(r.is_ok());
  }
}
BENCHMARK(BM_KbLoad)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_KbResolve(benchmark::State& state) {
  const auto& kb = repo_kb();
  const std::vector<std::string> phrases = {"Iranian",  "Israeli troops",    "Iran-backed militias",
                                            "Hezbollah", "the Iranian foreign minister", "Hamas leader",
                                            "Khan Yunis", "Washington",       "RSF",  "Atlantis"};
  casus::Date date = *casus::Date::parse("2024-06-01");
  size_t n = 0;
  for (auto _ : state) {
    for (const auto& p : phrases) benchmark::DoNotOptimize(kb.resolve(p, date).found());
    n += phrases.size();
  }
  state.SetItemsProcessed(int64_t(n));
}
BENCHMARK(BM_KbResolve);

void BM_KbFindMentions(benchmark::State& state) {
  const auto& kb = repo_kb();
  std::string text = kText;
  size_t words = 0;
  for (char c : text) words += c == ' ';
  size_t matches = 0;
  for (auto _ : state) {
    auto m = kb.find_mentions(text);
    matches = m.size();
    benchmark::DoNotOptimize(m.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations() * text.size()));
  state.SetItemsProcessed(int64_t(state.iterations() * words));
  state.counters["mentions"] = double(matches);
}
BENCHMARK(BM_KbFindMentions);

}  // namespace

BENCHMARK_MAIN();
