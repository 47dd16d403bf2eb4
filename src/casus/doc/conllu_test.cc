#include "casus/doc/conllu.h"

#include <gtest/gtest.h>

namespace casus::doc {

namespace {
// A tiny treebank fragment written for this test (news-style, not from any corpus).
constexpr const char* kSample =
    "# newdoc id = d1\n"
    "# newpar\n"
    "# text = Iran won't fight.\n"
    "1\tIran\tIran\tPROPN\tNNP\tNumber=Sing\t4\tnsubj\t_\t_\n"
    "2-3\twon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\two\twill\tAUX\tMD\tVerbForm=Fin\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tfight\tfight\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Hezbollah’s fighters were called in.\n"
    "1\tHezbollah\tHezbollah\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\tSpaceAfter=No\n"
    "2\t’s\t’s\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tfighters\tfighter\tNOUN\tNNS\tNumber=Plur\t5\tnsubj:pass\t_\t_\n"
    "4\twere\tbe\tAUX\tVBD\t_\t5\taux:pass\t_\t_\n"
    "5\tcalled\tcall\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "6\tin\tin\tADP\tRP\t_\t5\tcompound:prt\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n\n";
}  // namespace

TEST(Conllu, ReadsTextOffsetsAndTree) {
  auto docs = read_conllu(kSample);
  ASSERT_TRUE(docs) << docs.status().to_string();
  ASSERT_EQ(docs->size(), 1u);
  const Document& d = (*docs)[0];
  EXPECT_EQ(d.text, "Iran won't fight. Hezbollah’s fighters were called in.");
  EXPECT_EQ(d.tokens.size(), 12u);
  EXPECT_EQ(d.token_text(1), "wo");
  EXPECT_EQ(d.token_text(2), "n't");
  EXPECT_EQ(d.tokens.head[0], 3);  // absolute index of "fight"
  EXPECT_EQ(d.tokens.head[3], kRootHead);
  EXPECT_EQ(d.tokens.deprel[7], Deprel::kNsubjPass);
  EXPECT_EQ(d.tokens.begin_cp[6], 27u);  // "’s" after 9-letter Hezbollah in sentence 2 (code points)
  EXPECT_EQ(d.tokens.end_cp[6], 29u);
  EXPECT_EQ(d.sentence_text(1), "Hezbollah’s fighters were called in.");
}

TEST(Conllu, WriteThenReadKeepsColumns) {
  auto docs = read_conllu(kSample);
  ASSERT_TRUE(docs);
  std::string out;
  write_conllu((*docs)[0], out);
  auto again = read_conllu(out);
  ASSERT_TRUE(again) << again.status().to_string();
  const Document& a = (*docs)[0];
  const Document& b = (*again)[0];
  EXPECT_EQ(a.text, b.text);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (size_t t = 0; t < a.tokens.size(); ++t) {
    EXPECT_EQ(a.tokens.head[t], b.tokens.head[t]);
    EXPECT_EQ(a.tokens.deprel[t], b.tokens.deprel[t]);
    EXPECT_EQ(a.lemma(t), b.lemma(t));
  }
}

TEST(Conllu, ErrorsNameTheLine) {
  auto bad = read_conllu("1\tA\tA\tX\tX\t_\t0\troot\t_\t_\n3\tB\tB\tX\tX\t_\t1\tdep\t_\t_\n");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.status().code(), Code::kBadConllu);
  EXPECT_NE(bad.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(read_conllu("1\tonly three\tcols\n"));
  EXPECT_FALSE(read_conllu("1\tA\tA\tX\tX\t_\t9\troot\t_\t_\n"));
}

}  // namespace casus::doc
