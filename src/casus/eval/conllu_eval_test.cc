#include "casus/eval/conllu_eval.h"

#include <gtest/gtest.h>

namespace casus::eval {
namespace {

// Gold: "They don't talk." with don't as a multiword token; a second sentence "Peace now."
constexpr std::string_view kGold =
    "# text = They don't talk.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\tMood=Ind\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
    "4\ttalk\ttalk\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# text = Peace now.\n"
    "1\tPeace\tpeace\tNOUN\tNN\tNumber=Sing\t0\troot\t_\t_\n"
    "2\tnow\tnow\tADV\tRB\t_\t1\tadvmod:tmod\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n";

TEST(ConlluEval, IdenticalFilesScorePerfect) {
  auto r = evaluate_conllu(kGold, kGold);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_DOUBLE_EQ(r->tokens.f1(), 1.0);
  EXPECT_EQ(r->tokens.gold, 7u);  // They, don't, talk, ., Peace, now, .
  EXPECT_EQ(r->words.gold, 8u);
  EXPECT_DOUBLE_EQ(r->sentences.f1(), 1.0);
  EXPECT_DOUBLE_EQ(r->las.f1(), 1.0);
}

TEST(ConlluEval, SplitWordsWithoutMultiwordLineAlignByForm) {
  // System: one sentence, words do + n't given as plain tokens, wrong tags on "now", "talk" attached wrongly.
  constexpr std::string_view kSys =
      "1\tThey\t_\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t_\t_\n"
      "2\tdo\t_\tAUX\tVBP\tMood=Ind\t4\taux\t_\tSpaceAfter=No\n"
      "3\tn't\t_\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n"
      "4\ttalk\t_\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
      "5\t.\t_\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
      "6\tPeace\t_\tNOUN\tNN\tNumber=Sing\t4\tobj\t_\t_\n"
      "7\tnow\t_\tADJ\tJJ\t_\t6\tadvmod\t_\tSpaceAfter=No\n"
      "8\t.\t_\tPUNCT\t.\t_\t6\tpunct\t_\t_\n"
      "\n";
  auto r = evaluate_conllu(kGold, kSys);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  // Tokens: gold 7 surface tokens (don't counts once), system 8; 6 spans agree.
  EXPECT_EQ(r->tokens.gold, 7u);
  EXPECT_EQ(r->tokens.system, 8u);
  EXPECT_EQ(r->tokens.correct, 6u);
  // Words: all 8 align (do/n't by LCS inside the multiword token).
  EXPECT_EQ(r->words.correct, 8u);
  EXPECT_DOUBLE_EQ(r->words.f1(), 1.0);
  // Sentences: system has one sentence covering both gold ones.
  EXPECT_EQ(r->sentences.correct, 0u);
  EXPECT_EQ(r->upos.correct, 7u);
  // UAS: "Peace" is root in gold but attached in system; "now" and "." attach to Peace (correct heads).
  EXPECT_EQ(r->uas.correct, 7u);
  // LAS: "now" advmod matches the universal part of advmod:tmod.
  EXPECT_EQ(r->las.correct, 7u);
  EXPECT_EQ(r->lemmas.correct, 0u);
}

TEST(ConlluEval, DifferentTextsAreAnError) {
  constexpr std::string_view kSys = "1\tThey\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
  auto r = evaluate_conllu(kGold, kSys);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), Code::kBadConllu);
}

TEST(ConlluEval, MalformedLineNamesFileAndLine) {
  auto r = evaluate_conllu(kGold, "1\tonly three\tcols\n");
  ASSERT_FALSE(r.is_ok());
  EXPECT_NE(r.status().message().find("system line 1"), std::string::npos);
}

TEST(ConlluEval, FormatsTableAndJson) {
  auto r = evaluate_conllu(kGold, kGold);
  ASSERT_TRUE(r.is_ok());
  std::string t = format_table(*r);
  EXPECT_NE(t.find("LAS        |    100.00 |    100.00 |    100.00 |    100.00"), std::string::npos) << t;
  EXPECT_NE(format_json(*r).find("\"Tokens\""), std::string::npos);
}

}  // namespace
}  // namespace casus::eval
