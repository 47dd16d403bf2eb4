#include "casus/pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace casus::pipeline {
namespace {

TEST(Pipeline, MissingModelIsNamed) {
  auto p = Pipeline::load("/nonexistent/en.casus");
  ASSERT_FALSE(p.is_ok());
  EXPECT_EQ(p.status().code(), Code::kModelMissing);
  EXPECT_NE(p.status().message().find("/nonexistent/en.casus"), std::string::npos);
}

TEST(Pipeline, WrongKindIsRefused) {
  // A container of another kind (e.g. a lexicon) is not a model.
  const std::string path = std::string(CASUS_BINARY_DIR) + "/pipeline_test_wrong_kind.casus";
  ContainerWriter w("lexicon", "not a model");
  w.add("x", "y");
  ASSERT_TRUE(w.write(path).is_ok());
  auto p = Pipeline::load(path);
  ASSERT_FALSE(p.is_ok());
  EXPECT_NE(p.status().message().find("expected 'model.en'"), std::string::npos) << p.status().message();
}

TEST(Pipeline, SegmentOnlyWithoutModel) {
  Pipeline p;
  EXPECT_FALSE(p.has_model());
  doc::Document d;
  d.text = "Rebels seized the town on Monday. The army withdrew.";
  ASSERT_TRUE(p.run(d).is_ok());
  EXPECT_EQ(d.sentences.size(), 2u);
  EXPECT_FALSE(d.has(doc::kLayerParse));
}

// With the committed model: the whole pipeline tags and parses a news sentence.
TEST(Pipeline, CommittedModelParsesNewsSentence) {
  const std::string path = std::string(CASUS_SOURCE_DIR) + "/models/en.casus";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no committed model yet";
  auto p = Pipeline::load(path);
  ASSERT_TRUE(p.is_ok()) << p.status().to_string();
  EXPECT_LT(p->load_ms(), 2000.0);
  doc::Document d;
  d.text = "Police arrested two protesters in the capital on Friday.";
  ASSERT_TRUE(p->run(d).is_ok());
  ASSERT_TRUE(d.has(doc::kLayerTags | doc::kLayerParse));
  // "arrested" (token 1) is the root, "Police" its nsubj, "protesters" its obj.
  EXPECT_EQ(d.tokens.head[1], doc::kRootHead);
  EXPECT_EQ(d.tokens.head[0], 1);
  EXPECT_EQ(d.tokens.deprel[0], doc::Deprel::kNsubj);
  EXPECT_EQ(d.tokens.head[3], 1);
  EXPECT_EQ(d.tokens.deprel[3], doc::Deprel::kObj);
}

}  // namespace
}  // namespace casus::pipeline
