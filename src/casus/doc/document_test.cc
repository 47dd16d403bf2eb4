#include "casus/doc/document.h"

#include <gtest/gtest.h>

namespace casus::doc {

TEST(Document, CodePointOffsetsCountUnicode) {
  Document d;
  d.text = "Iran’s leader – “no”. " + std::string(200, 'a') + "é";
  EXPECT_EQ(d.cp_offset(0), 0u);
  EXPECT_EQ(d.cp_offset(4), 4u);
  EXPECT_EQ(d.cp_offset(7), 5u);  // after the 3-byte apostrophe
  EXPECT_EQ(d.cp_offset(static_cast<uint32_t>(d.text.size())), 223u);
}

TEST(Document, TokenColumnsAndFeatures) {
  Document d;
  d.text = "Hezbollah fired rockets.";
  d.tokens.add(0, 9, 0, 9, d.strings.intern("Hezbollah"), true);
  d.tokens.add(10, 15, 10, 15, d.strings.intern("fired"), true);
  d.tokens.feats[1] = d.strings.intern("Mood=Ind|Tense=Past|VerbForm=Fin");
  d.sentences.add(0, 2, 0);
  EXPECT_EQ(d.form(1), "fired");
  EXPECT_EQ(d.feat(1, "Tense"), "Past");
  EXPECT_EQ(d.feat(1, "Number"), "");
  EXPECT_EQ(d.sentence_text(0), "Hezbollah fired");
  EXPECT_EQ(d.sentence_of(1), 0u);
}

TEST(StringStore, OverlayNeverTouchesFrozen) {
  auto frozen = std::make_shared<FrozenStrings>();
  StrId iran = frozen->add("Iran");
  StringStore s(frozen);
  EXPECT_EQ(s.intern("Iran"), iran);
  StrId hamas = s.intern("Hamas");
  EXPECT_FALSE(s.is_frozen_id(hamas));
  EXPECT_EQ(s.get(hamas), "Hamas");
  EXPECT_EQ(frozen->find("Hamas"), kNoStr);
  EXPECT_EQ(s.intern(""), kNoStr);
}

TEST(StringStore, CopiesAndMovesKeepStringsValid) {
  std::vector<Document> docs;
  for (int i = 0; i < 50; ++i) {  // growth reallocates: documents are moved (or copied) many times
    docs.emplace_back();
    docs.back().strings.intern("word" + std::to_string(i));
  }
  Document copy = docs[7];
  EXPECT_EQ(copy.strings.get(copy.strings.find("word7")), "word7");
  EXPECT_EQ(docs[49].strings.find("word49"), docs[49].strings.intern("word49"));
  EXPECT_TRUE(std::is_nothrow_move_constructible_v<Document>);
}

TEST(Enums, NamesRoundTrip) {
  for (int i = 1; i < kNumDeprel; ++i) {
    auto rel = static_cast<Deprel>(i);
    EXPECT_EQ(deprel_from_name(deprel_name(rel)), rel);
  }
  EXPECT_EQ(deprel_universal(Deprel::kNsubjPass), Deprel::kNsubj);
  EXPECT_EQ(plover_from_name("assault"), Plover::kAssault);
  EXPECT_EQ(upos_from_name("PROPN"), UPos::kPropn);
}

}  // namespace casus::doc
