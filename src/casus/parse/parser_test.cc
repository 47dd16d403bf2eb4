#include "casus/parse/parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "casus/doc/conllu.h"
#include "casus/parse/parser_impl.h"
#include "casus/util/bytes.h"
#include "casus/util/file.h"

namespace casus::parse {
namespace {

std::vector<doc::Document> fixture() {
  auto bytes = read_file(std::string(CASUS_SOURCE_DIR) + "/src/casus/parse/testdata/tiny_news.conllu");
  EXPECT_TRUE(bytes.is_ok()) << bytes.status().to_string();
  auto docs = doc::read_conllu(*bytes);
  EXPECT_TRUE(docs.is_ok()) << docs.status().to_string();
  return std::move(docs.value());
}

// Trains on the fixture once for all tests of this file.
const std::string& trained_model() {
  static const std::string bytes = [] {
    auto docs = fixture();
    TrainOptions options;
    options.epochs = 12;
    options.seed = 3;
    options.data_description = "tiny_news fixture";
    ContainerWriter out("model.en", "parser test model");
    std::ostringstream log;
    Status st = train(docs, docs, options, out, log);
    EXPECT_TRUE(st.is_ok()) << st.to_string();
    EXPECT_NE(log.str().find("parser epoch 12"), std::string::npos) << log.str();
    return out.serialize();
  }();
  return bytes;
}

TEST(Parser, TinyTrainingRunFitsItsData) {
  const auto t0 = std::chrono::steady_clock::now();
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok()) << reader.status().to_string();
  auto parser = Parser::load(*reader);
  ASSERT_TRUE(parser.is_ok()) << parser.status().to_string();
  Scores s = parser->evaluate(fixture(), BeamOptions{1});  // greedy (the beam's temperature suits the real model)
  EXPECT_EQ(s.tokens, 130u);
  EXPECT_GE(s.uas(), 97.0);
  EXPECT_GE(s.las(), 95.0);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 10.0);
  EXPECT_NE(parser->describe().find("tiny_news fixture"), std::string::npos);
}

TEST(Parser, AnnotateWritesOneRootPerSentenceAndKeepsTokens) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  auto parser = Parser::load(*reader);
  ASSERT_TRUE(parser.is_ok());
  auto docs = fixture();
  doc::Document d = docs[0];
  const size_t n_tokens = d.tokens.size();
  for (auto& h : d.tokens.head) h = doc::kNoHead;
  parser->annotate(d);
  EXPECT_TRUE(d.has(doc::kLayerParse));
  ASSERT_EQ(d.tokens.size(), n_tokens);
  for (size_t s = 0; s < d.sentences.size(); ++s) {
    int roots = 0;
    for (auto t = d.sentences.first[s]; t < d.sentences.last[s]; ++t) {
      int32_t h = d.tokens.head[t];
      if (h == doc::kRootHead) {
        ++roots;
        EXPECT_EQ(d.tokens.deprel[t], doc::Deprel::kRoot);
      } else {
        EXPECT_GE(h, static_cast<int32_t>(d.sentences.first[s]));
        EXPECT_LT(h, static_cast<int32_t>(d.sentences.last[s]));
        EXPECT_NE(d.tokens.deprel[t], doc::Deprel::kRoot);
      }
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST(Parser, SameSeedSameModel) {
  auto docs = fixture();
  TrainOptions options;
  options.epochs = 12;
  options.seed = 3;
  options.data_description = "tiny_news fixture";
  ContainerWriter out("model.en", "parser test model");
  std::ostringstream log;
  ASSERT_TRUE(train(docs, docs, options, out, log).is_ok());
  auto a = ContainerReader::from_bytes(out.serialize(), "model.en", "a");
  auto b = ContainerReader::from_bytes(trained_model(), "model.en", "b");
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(*a->section("parser.weights"), *b->section("parser.weights"));
}

// Rebuilds a container from the trained one with one section replaced.
// The beam decoder: width 1 and margin 0 are the greedy decoder (with either candidate set); a wider beam still
// builds one complete tree.
TEST(ParserBeam, WidthOneAndMarginZeroAreGreedyWiderBeamsGiveTrees) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  auto parser = Parser::load(*reader);
  ASSERT_TRUE(parser.is_ok());
  auto w = CompactWeights::deserialize(*reader->section("parser.weights"), "parser.weights");
  auto c = WordClusters::deserialize(*reader->section("parser.clusters"), "parser.clusters");
  ASSERT_TRUE(w.is_ok() && c.is_ok());
  const uint64_t all_labels = (uint64_t{1} << doc::kNumDeprel) - 1;
  int sentences = 0;
  for (const auto& d : fixture()) {
    for (size_t s = 0; s < d.sentences.size(); ++s) {
      Scratch greedy, beam;
      build_atoms(d, d.sentences.first[s], d.sentences.last[s], *c, greedy.atoms);
      beam.atoms = greedy.atoms;
      parse_atoms(*w, all_labels, greedy);
      const int n = greedy.state.size();
      for (BeamOptions o : {BeamOptions{1, 40.0f, 1.0f}, BeamOptions{4, 40.0f, 0.0f, true},
                            BeamOptions{4, 40.0f, 0.0f, false}}) {
        parse_atoms_beam(*w, all_labels, o, beam);
        for (int i = 0; i < n; ++i) {
          EXPECT_EQ(beam.state.head(i), greedy.state.head(i));
          EXPECT_EQ(beam.state.label(i), greedy.state.label(i));
        }
      }
      // Both candidate sets (every label, or the best label per move) end in one complete tree.
      for (bool per_move : {true, false}) {
        parse_atoms_beam(*w, all_labels, BeamOptions{8, 40.0f, 100.0f, per_move}, beam);
        ASSERT_TRUE(beam.state.terminal());
        int roots = 0;
        for (int i = 0; i < n; ++i) {
          EXPECT_GE(beam.state.head(i), 0);
          EXPECT_LE(beam.state.head(i), n);
          if (beam.state.head(i) == n) ++roots;
        }
        EXPECT_EQ(roots, 1);
      }
      ++sentences;
    }
  }
  EXPECT_GT(sentences, 3);
}

std::string with_section(const std::string& name, std::string payload) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  EXPECT_TRUE(reader.is_ok());
  ContainerWriter out("model.en", "edited");
  for (const auto& [n, p] : reader->sections()) out.add(n, n == name ? payload : p, false);
  return out.serialize();
}

TEST(ParserLoad, MissingSectionIsCorrupt) {
  ContainerWriter out("model.en", "no parser");
  out.add("tagger.weights", "x");
  auto reader = ContainerReader::from_bytes(out.serialize(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  auto parser = Parser::load(*reader);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelCorrupt);
  EXPECT_NE(parser.status().message().find("parser.config"), std::string::npos);
}

TEST(ParserLoad, OtherSectionVersionIsNamed) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  std::string config(*reader->section("parser.config"));
  config[0] = 9;  // u32 little-endian version
  auto edited = ContainerReader::from_bytes(with_section("parser.config", config), "model.en", "test");
  ASSERT_TRUE(edited.is_ok());
  auto parser = Parser::load(*edited);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelVersion);
  EXPECT_NE(parser.status().message().find("version 9"), std::string::npos) << parser.status().message();
}

TEST(ParserLoad, OtherFeatureSetIsRefused) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  std::string config(*reader->section("parser.config"));
  config[4] ^= 0x55;  // first byte of the feature-set hash
  auto edited = ContainerReader::from_bytes(with_section("parser.config", config), "model.en", "test");
  ASSERT_TRUE(edited.is_ok());
  auto parser = Parser::load(*edited);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelVersion);
  EXPECT_NE(parser.status().message().find("feature set"), std::string::npos);
}

TEST(ParserLoad, TruncatedWeightsAreCorrupt) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  std::string weights(*reader->section("parser.weights"));
  weights.resize(weights.size() - 3);
  auto edited = ContainerReader::from_bytes(with_section("parser.weights", weights), "model.en", "test");
  ASSERT_TRUE(edited.is_ok());
  auto parser = Parser::load(*edited);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelCorrupt);
}

TEST(ParserLoad, CorruptFileAndWrongKindAreRefusedByTheContainer) {
  std::string bytes = trained_model();
  bytes[bytes.size() - 10] ^= 0x01;  // payload byte: CRC mismatch
  auto corrupt = ContainerReader::from_bytes(bytes, "model.en", "flipped.casus");
  ASSERT_FALSE(corrupt.is_ok());
  EXPECT_EQ(corrupt.status().code(), Code::kModelCorrupt);
  auto kind = ContainerReader::from_bytes(trained_model(), "lexicon", "model.casus");
  ASSERT_FALSE(kind.is_ok());
}

}  // namespace
}  // namespace casus::parse

namespace casus::parse {
namespace {

TEST(ParserAverage, AModelAveragedWithItselfParsesTheSame) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  ContainerWriter out("model.en", "averaged");
  ASSERT_TRUE(average_parsers({&*reader, &*reader}, 0.0f, "average of two copies", out).is_ok());
  auto avg = ContainerReader::from_bytes(out.serialize(), "model.en", "avg");
  ASSERT_TRUE(avg.is_ok());
  auto a = Parser::load(*reader);
  auto b = Parser::load(*avg);
  ASSERT_TRUE(a.is_ok() && b.is_ok()) << b.status().to_string();
  Scores sa = a->evaluate(fixture()), sb = b->evaluate(fixture());
  EXPECT_EQ(sa.heads, sb.heads);
  EXPECT_EQ(sa.labeled_full, sb.labeled_full);
  EXPECT_EQ(*avg->section("parser.clusters"), *reader->section("parser.clusters"));
  // Pruning everything leaves a parser that still loads and gives one root per sentence.
  ContainerWriter pruned("model.en", "pruned");
  ASSERT_TRUE(average_parsers({&*reader}, 1e9f, "all pruned", pruned).is_ok());
  auto p = ContainerReader::from_bytes(pruned.serialize(), "model.en", "pruned");
  ASSERT_TRUE(p.is_ok());
  auto c = Parser::load(*p);
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  EXPECT_EQ(c->evaluate(fixture()).tokens, 130u);
}

TEST(ParserLoad, MissingClustersSectionIsNamed) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  ContainerWriter out("model.en", "no clusters");
  for (const auto& [n, p] : reader->sections())
    if (n != "parser.clusters") out.add(n, p, false);
  auto edited = ContainerReader::from_bytes(out.serialize(), "model.en", "test");
  ASSERT_TRUE(edited.is_ok());
  auto parser = Parser::load(*edited);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelCorrupt);
  EXPECT_NE(parser.status().message().find("parser.clusters"), std::string::npos) << parser.status().message();
}

TEST(ParserLoad, VersionOneModelsAskForRetraining) {
  auto reader = ContainerReader::from_bytes(trained_model(), "model.en", "test");
  ASSERT_TRUE(reader.is_ok());
  std::string config(*reader->section("parser.config"));
  config[0] = 1;  // the section version of models before word classes
  auto edited = ContainerReader::from_bytes(with_section("parser.config", config), "model.en", "test");
  ASSERT_TRUE(edited.is_ok());
  auto parser = Parser::load(*edited);
  ASSERT_FALSE(parser.is_ok());
  EXPECT_EQ(parser.status().code(), Code::kModelVersion);
  EXPECT_NE(parser.status().message().find("retrain"), std::string::npos) << parser.status().message();
}

}  // namespace
}  // namespace casus::parse
