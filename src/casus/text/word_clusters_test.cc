#include "casus/text/word_clusters.h"

#include <gtest/gtest.h>

namespace casus::text {
namespace {

// Two kinds of words in disjoint contexts: "the X barked" for animals, "we Y quickly" for verbs.
std::vector<std::vector<uint64_t>> toy_corpus() {
  std::vector<std::vector<uint64_t>> out;
  const char* animals[] = {"dog", "cat", "fox", "cow"};
  const char* verbs[] = {"ran", "sang", "ate", "hid"};
  for (int rep = 0; rep < 5; ++rep)
    for (int i = 0; i < 4; ++i) {
      out.push_back({word_class_key("the"), word_class_key(animals[i]), word_class_key("barked")});
      out.push_back({word_class_key("we"), word_class_key(verbs[i]), word_class_key("quickly")});
    }
  return out;
}

TEST(Clusters, SeparatesDistributionalClasses) {
  // Six classes for the six kinds of position: the likelihood is highest when each kind has a class.
  ClusterOptions o;
  o.coarse = 6;
  o.fine = 8;
  o.min_count = 2;
  WordClusters c = WordClusters::train(toy_corpus(), o, nullptr);
  EXPECT_EQ(c.size(), 12u);
  const uint16_t animal = c.coarse(word_class_key("dog")), verb = c.coarse(word_class_key("ran"));
  EXPECT_NE(animal, 0);
  EXPECT_NE(verb, 0);
  EXPECT_NE(animal, verb);
  for (const char* w : {"cat", "fox", "cow"}) EXPECT_EQ(c.coarse(word_class_key(w)), animal) << w;
  for (const char* w : {"sang", "ate", "hid"}) EXPECT_EQ(c.coarse(word_class_key(w)), verb) << w;
  EXPECT_NE(c.coarse(word_class_key("the")), animal);
  EXPECT_EQ(c.coarse(word_class_key("unseen")), 0);
  EXPECT_EQ(c.fine(word_class_key("unseen")), 0);
  // Deterministic.
  WordClusters again = WordClusters::train(toy_corpus(), o, nullptr);
  EXPECT_EQ(c.serialize(), again.serialize());
}

TEST(Clusters, KeyNormalisesCaseAndDigits) {
  EXPECT_EQ(word_class_key("In"), word_class_key("in"));
  EXPECT_EQ(word_class_key("1999"), word_class_key("2024"));
  EXPECT_NE(word_class_key("1999"), word_class_key("199"));
  EXPECT_NE(word_class_key("cat"), word_class_key("cut"));
}

TEST(Clusters, ExchangeMergesWhenClassesAreScarce) {
  // Words 0,1 follow only word 2, words 3,4 follow only word 5 (6 = boundary, fixed); with 4 classes for
  // 6 words, the words of identical contexts share classes.
  std::vector<Bigram> bigrams = {{2, 0, 5}, {2, 1, 5}, {5, 3, 5}, {5, 4, 5}, {0, 6, 5}, {1, 6, 5},
                                 {3, 6, 5}, {4, 6, 5}, {6, 2, 10}, {6, 5, 10}};
  auto cls = exchange_cluster(6, 1, bigrams, 4, 10);
  ASSERT_EQ(cls.size(), 6u);
  for (int c : cls) EXPECT_TRUE(c >= 0 && c < 4);
  EXPECT_EQ(cls[0], cls[1]);
  EXPECT_EQ(cls[3], cls[4]);
  EXPECT_NE(cls[0], cls[3]);
}

TEST(Clusters, SerializeRoundTripAndErrors) {
  ClusterOptions o;
  o.coarse = 2;
  o.fine = 4;
  o.min_count = 2;
  WordClusters c = WordClusters::train(toy_corpus(), o, nullptr);
  const std::string bytes = c.serialize();
  auto back = WordClusters::deserialize(bytes, "parser.clusters");
  ASSERT_TRUE(back.is_ok()) << back.status().to_string();
  EXPECT_EQ(back->serialize(), bytes);
  EXPECT_EQ(back->fine(word_class_key("dog")), c.fine(word_class_key("dog")));
  auto truncated = WordClusters::deserialize(bytes.substr(0, bytes.size() - 1), "parser.clusters");
  EXPECT_EQ(truncated.status().code(), Code::kModelCorrupt);
  std::string other = bytes;
  other[0] = 9;
  auto version = WordClusters::deserialize(other, "parser.clusters");
  EXPECT_EQ(version.status().code(), Code::kModelVersion);
  EXPECT_NE(version.status().message().find("parser.clusters"), std::string::npos);
}

}  // namespace
}  // namespace casus::text
