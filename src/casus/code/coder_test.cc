#include "casus/code/coder.h"

#include <gtest/gtest.h>

#include "casus/doc/conllu.h"
#include "casus/util/file.h"

namespace casus::code {

namespace {
// The repository's knowledge base and lexicon, loaded once for all tests (the real data, not a toy).
struct Resources {
  kb::KnowledgeBase kb;
  lexicon::Lexicon lexicon;
};
const Resources& resources() {
  static const Resources* r = [] {
    auto kb = kb::KnowledgeBase::load(std::string(CASUS_SOURCE_DIR) + "/kb");
    auto lex = lexicon::Lexicon::load(std::string(CASUS_SOURCE_DIR) + "/lexicon");
    EXPECT_TRUE(kb) << kb.status().to_string();
    EXPECT_TRUE(lex) << lex.status().to_string();
    return new Resources{std::move(kb.value()), std::move(lex.value())};
  }();
  return *r;
}

// Gold-parsed news sentences written for this test, coded as one document published 2023-11-16.
doc::Document coded_fixture() {
  auto data = read_file(std::string(CASUS_SOURCE_DIR) + "/src/casus/code/testdata/coder_fixture.conllu");
  EXPECT_TRUE(data);
  auto docs = doc::read_conllu(*data);
  EXPECT_TRUE(docs);
  doc::Document d = std::move((*docs)[0]);
  d.meta.id = "fixture";
  d.meta.published = Date::ymd(2023, 11, 16);
  Coder(resources().lexicon, resources().kb).code(d);
  return d;
}

std::vector<const doc::Event*> in_sentence(const doc::Document& d, uint32_t s) {
  std::vector<const doc::Event*> out;
  for (const auto& e : d.events)
    if (e.sentence == s) out.push_back(&e);
  return out;
}
}  // namespace

TEST(Coder, LaunchAtTargetSplitsModesResolvesActorsAndDate) {
  doc::Document d = coded_fixture();
  auto evs = in_sentence(d, 0);
  ASSERT_EQ(evs.size(), 2u);  // missiles and drones: two modes of one attack
  for (const auto* e : evs) {
    EXPECT_EQ(e->category, doc::Plover::kAssault);
    ASSERT_EQ(e->actor.size(), 1u);
    EXPECT_EQ(e->actor[0].kb_id, "org:houthis");
    ASSERT_EQ(e->recipient.size(), 1u);  // "on Tuesday" is a time, not a recipient
    EXPECT_EQ(e->recipient[0].country, "ISR");
    EXPECT_EQ(e->date, "2023-11-14");
    EXPECT_EQ(e->date_text, "Tuesday");
    EXPECT_LT(e->score, 0);
    EXPECT_FALSE(e->rule.empty());
  }
  EXPECT_NE(evs[0]->mode, evs[1]->mode);
}

TEST(Coder, RefusalIsRejectAttributedToAnAnonymousRelayedSource) {
  doc::Document d = coded_fixture();
  auto evs = in_sentence(d, 1);
  ASSERT_EQ(evs.size(), 1u);
  const doc::Event& e = *evs[0];
  EXPECT_EQ(e.category, doc::Plover::kReject);
  EXPECT_EQ(e.aux, doc::Aux::kNone);  // "would not" is the refusal itself
  EXPECT_EQ(e.actor.at(0).kb_id, "country:IRN");
  ASSERT_TRUE(e.attribution);
  ASSERT_TRUE(e.attribution->said_by);
  EXPECT_EQ(e.attribution->said_by->text, "a Hamas official");
  EXPECT_EQ(e.attribution->via, std::vector<std::string>{"Reuters"});
  EXPECT_TRUE(e.attribution->anonymous);
}

TEST(Coder, ClashIsReciprocalAndResolvesDescriptionsAndAgents) {
  doc::Document d = coded_fixture();
  auto evs = in_sentence(d, 2);
  ASSERT_EQ(evs.size(), 1u);
  const doc::Event& e = *evs[0];
  EXPECT_EQ(e.category, doc::Plover::kAssault);
  EXPECT_TRUE(e.recipient.empty());
  ASSERT_EQ(e.actor.size(), 2u);
  EXPECT_EQ(e.actor[0].kb_id, "org:hamas");   // "the group's fighters" → the group last named
  EXPECT_EQ(e.actor[1].country, "ISR");       // "Israeli troops"
  EXPECT_EQ(e.actor[1].type, "MIL");
}

TEST(Coder, StateForcesAreTheNationalArmedForcesOfTheKb) {
  const kb::KnowledgeBase& kb = resources().kb;
  ASSERT_NE(kb.national_forces("MMR"), nullptr);
  EXPECT_EQ(kb.national_forces("MMR")->id, "org:tatmadaw");
  EXPECT_EQ(kb.national_forces("ISR")->id, "org:idf");
  EXPECT_EQ(kb.national_forces("IRQ")->id, "org:irq_armed_forces");  // not the Kurdistan Region's Peshmerga
  EXPECT_EQ(kb.national_forces("USA")->id, "org:us_armed_forces");   // parent is the Pentagon, not the state
  EXPECT_EQ(kb.national_forces("IRN"), nullptr);                     // army and Revolutionary Guards compete
}

TEST(Coder, IdsAreStableAcrossRuns) {
  doc::Document a = coded_fixture(), b = coded_fixture();
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) EXPECT_EQ(a.events[i].id, b.events[i].id);
}

}  // namespace casus::code
