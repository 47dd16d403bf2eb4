// Trains and evaluates the tagger outside `casus train` (a development tool; the shipped model comes from
// `casus train`). Usage:
//   tag_train TRAIN.conllu DEV.conllu TEST.conllu OUT.casus [epochs] [passes] [prune] [runs]
// TAG_CLUSTERS=MODEL.casus takes the word classes from that model's "parser.clusters" section (as `casus train`
// does with --base); without it the tagger clusters the training forms alone.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>

#include "casus/doc/conllu.h"
#include "casus/tag/tagger.h"
#include "casus/util/file.h"

namespace {
casus::Result<std::vector<casus::doc::Document>> load(const std::string& path) {
  auto data = casus::read_file(path);
  if (!data) return data.status();
  casus::doc::ConlluReadOptions opt;
  opt.split_documents = true;
  return casus::doc::read_conllu(*data, opt);
}
void print(const char* name, const casus::tag::Accuracy& a) {
  std::cout << std::fixed << std::setprecision(2) << name << ": tokens " << a.tokens << " UPOS " << a.pct(a.upos)
            << " XPOS " << a.pct(a.xpos) << " UFeats " << a.pct(a.feats) << " AllTags " << a.pct(a.all_tags)
            << " Lemma " << a.pct(a.lemma) << "\n";
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: tag_train TRAIN DEV TEST OUT [epochs] [passes] [prune] [runs]\n";
    return 2;
  }
  auto train = load(argv[1]);
  auto dev = load(argv[2]);
  auto test = load(argv[3]);
  if (!train || !dev || !test) {
    std::cerr << "cannot read CoNLL-U\n";
    return 1;
  }
  casus::tag::TrainOptions opt;
  if (argc > 5) opt.epochs = std::stoi(argv[5]);
  if (argc > 6) opt.passes = std::stoi(argv[6]);
  if (argc > 7) opt.prune_threshold = std::stod(argv[7]);
  if (argc > 8) opt.runs = std::stoi(argv[8]);
  opt.data_description = "UD English EWT train (tag_train)";
  if (const char* from = std::getenv("TAG_CLUSTERS")) {
    auto model = casus::ContainerReader::open(from, "model.en");
    auto section = model ? model->section("parser.clusters") : casus::Result<std::string_view>(model.status());
    auto clusters = section ? casus::text::WordClusters::deserialize(*section, "parser.clusters")
                            : casus::Result<casus::text::WordClusters>(section.status());
    if (!clusters) {
      std::cerr << "TAG_CLUSTERS: " << clusters.status().to_string() << "\n";
      return 1;
    }
    opt.clusters = std::move(clusters.value());
  }
  casus::ContainerWriter writer("model.en", "tagger only (tag_train)");
  auto t0 = std::chrono::steady_clock::now();
  auto st = casus::tag::train(*train, *dev, opt, writer, std::cerr);
  if (!st) {
    std::cerr << st.to_string() << "\n";
    return 1;
  }
  double train_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (auto w = writer.write(argv[4]); !w) {
    std::cerr << w.to_string() << "\n";
    return 1;
  }
  auto t1 = std::chrono::steady_clock::now();
  auto reader = casus::ContainerReader::open(argv[4], "model.en");
  if (!reader) {
    std::cerr << reader.status().to_string() << "\n";
    return 1;
  }
  auto tagger = casus::tag::Tagger::load(*reader);
  if (!tagger) {
    std::cerr << tagger.status().to_string() << "\n";
    return 1;
  }
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
  std::cout << tagger->describe() << "\n";
  std::cout << "train " << std::fixed << std::setprecision(1) << train_s << " s, load " << load_ms << " ms\n";
  print("dev", tagger->evaluate(*dev));
  print("test", tagger->evaluate(*test));
  if (const char* dump = std::getenv("TAG_DUMP_DEV")) {
    std::string out;
    for (auto d : *dev) {
      tagger->annotate(d);
      casus::doc::write_conllu(d, out);
    }
    (void)casus::write_file_atomic(dump, out);
  }
  // Tagging speed on test (annotate only).
  std::vector<casus::doc::Document> copies = *test;
  size_t tokens = 0;
  auto t2 = std::chrono::steady_clock::now();
  for (auto& d : copies) {
    tagger->annotate(d);
    tokens += d.tokens.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t2).count();
  std::cout << "annotate: " << tokens << " tokens in " << std::setprecision(3) << s << " s = "
            << std::setprecision(0) << tokens / s << " tokens/s\n";
  return 0;
}
