#include "casus/parse/features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "casus/doc/conllu.h"
#include "casus/util/hash.h"

namespace casus::parse {
namespace {

doc::Document one_sentence() {
  auto docs = doc::read_conllu(
      "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
      "2\tseized\tseize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "3\t12\t12\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
      "4\ttowns\ttown\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  EXPECT_TRUE(docs.is_ok()) << docs.status().to_string();
  return std::move(docs.value()[0]);
}

TEST(Features, WordHashNormalisesCaseAndDigits) {
  EXPECT_EQ(word_hash("Rebels"), word_hash("rebels"));
  EXPECT_EQ(word_hash("1999"), word_hash("2024"));
  EXPECT_NE(word_hash("rebels"), word_hash("rebel"));
}

TEST(Features, DeterministicAndStateDependent) {
  doc::Document d = one_sentence();
  SentenceAtoms atoms;
  build_atoms(d, 0, 5, WordClusters{}, atoms);
  ASSERT_EQ(atoms.size(), 5);
  EXPECT_EQ(atoms.lemma[3], word_hash("town"));
  State st(5);
  st.apply(kShift);
  std::vector<uint64_t> a, b, c;
  extract_features(st, atoms, a);
  extract_features(st, atoms, b);
  EXPECT_EQ(a, b);
  EXPECT_GT(a.size(), 100u);
  EXPECT_TRUE(std::find(a.begin(), a.end(), 0) == a.end()) << "0 is the empty-slot key";
  // All templates give distinct hashes (no accidental template-id collisions).
  EXPECT_EQ(std::set<uint64_t>(a.begin(), a.end()).size(), a.size());
  st.apply(left_action(static_cast<int>(doc::Deprel::kNsubj)));
  extract_features(st, atoms, c);
  EXPECT_EQ(a.size(), c.size());
  EXPECT_NE(a, c);
}

TEST(Features, SetHashIsStable) {
  // The hash names the feature set in model files; changing it must be deliberate (bump kFeatureSetName).
  EXPECT_EQ(feature_set_hash(), fnv1a64(kFeatureSetName));
}

}  // namespace
}  // namespace casus::parse
