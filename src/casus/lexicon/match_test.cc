// Matching on hand-written CoNLL-U fixtures (testdata/match.conllu), against the repository's lexicon.
#include <gtest/gtest.h>

#include <map>

#include "casus/doc/conllu.h"
#include "casus/lexicon/lexicon.h"
#include "casus/util/file.h"

namespace casus::lexicon {

namespace {

class MatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto lex = Lexicon::load(std::string(CASUS_SOURCE_DIR) + "/lexicon");
    ASSERT_TRUE(lex) << lex.status().to_string();
    lex_ = new Lexicon(std::move(*lex));
    auto text = read_file(std::string(CASUS_SOURCE_DIR) + "/src/casus/lexicon/testdata/match.conllu");
    ASSERT_TRUE(text) << text.status().to_string();
    auto docs = doc::read_conllu(*text);
    ASSERT_TRUE(docs) << docs.status().to_string();
    doc_ = new doc::Document(std::move((*docs)[0]));
    // Sentence ids from the "# sent_id" comments, in order.
    size_t s = 0;
    for (size_t pos = 0; (pos = text->find("# sent_id = ", pos)) != std::string::npos; ++s) {
      pos += 12;
      (*ids_)[text->substr(pos, text->find('\n', pos) - pos)] = s;
    }
  }
  static void TearDownTestSuite() {
    delete lex_;
    delete doc_;
  }

  std::vector<TriggerMatch> matches(const std::string& sid) const {
    auto it = ids_->find(sid);
    EXPECT_NE(it, ids_->end()) << sid;
    return lex_->match(*doc_, it->second);
  }
  static const TriggerMatch* find(const std::vector<TriggerMatch>& ms, const std::string& rule_id) {
    for (const auto& m : ms)
      if (m.rule->id == rule_id) return &m;
    return nullptr;
  }
  static bool has_category(const std::vector<TriggerMatch>& ms, doc::Plover p) {
    for (const auto& m : ms)
      if (m.category == p) return true;
    return false;
  }
  std::string words(const std::vector<doc::TokenIdx>& toks) const {
    std::string out;
    for (auto t : toks) out += (out.empty() ? "" : " ") + std::string(doc_->token_text(t));
    return out;
  }
  static std::string dump(const std::vector<TriggerMatch>& ms) {
    std::string out;
    for (const auto& m : ms) out += m.rule->id + "/" + std::string(m.mode) + " ";
    return out;
  }

  static Lexicon* lex_;
  static doc::Document* doc_;
  static std::map<std::string, size_t>* ids_;
};

Lexicon* MatchTest::lex_ = nullptr;
doc::Document* MatchTest::doc_ = nullptr;
std::map<std::string, size_t>* MatchTest::ids_ = new std::map<std::string, size_t>();

}  // namespace

TEST_F(MatchTest, ActiveVerb) {
  auto ms = matches("active");
  const auto* m = find(ms, "ASSAULT.attack.v");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "Hamas");
  EXPECT_EQ(words(m->recipient), "towns");
  EXPECT_FALSE(m->passive);
  EXPECT_EQ(m->aux_hint, doc::Aux::kNone);
}

TEST_F(MatchTest, PassivePerceptionVerbGivesItsSubjectToTheComplement) {
  // "Soldiers were filmed beating protesters": the soldiers beat; a passive subject is otherwise no agent.
  auto ms = matches("perception");
  const auto* m = find(ms, "ASSAULT.beat");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "Soldiers");
  EXPECT_EQ(words(m->recipient), "protesters");
}

TEST_F(MatchTest, PassiveSwapsRoles) {
  auto ms = matches("passive");
  const auto* m = find(ms, "ASSAULT.attack.v");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_TRUE(m->passive);
  EXPECT_EQ(words(m->actor), "militants");
  EXPECT_EQ(words(m->recipient), "convoy");
}

TEST_F(MatchTest, NominalTriggerWithCompoundActor) {
  auto ms = matches("nominal");
  const auto* m = find(ms, "ASSAULT.attack.n");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "Hamas");
  // "that killed": the relative pronoun resolves to "attacks".
  const auto* k = find(ms, "ASSAULT.kill");
  ASSERT_NE(k, nullptr) << dump(ms);
  EXPECT_EQ(words(k->actor), "attacks");
  EXPECT_EQ(words(k->recipient), "people");
}

TEST_F(MatchTest, LightVerbSubsumesNoun) {
  auto ms = matches("lightverb");
  const auto* m = find(ms, "ASSAULT.launch.attack");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->trigger_tokens), "carried strikes");
  EXPECT_EQ(words(m->actor), "Israel");
  EXPECT_EQ(words(m->recipient), "targets");
  EXPECT_EQ(find(ms, "ASSAULT.strike.n"), nullptr) << "the bare noun is inside the light-verb match";
  EXPECT_FALSE(has_category(ms, doc::Plover::kProtest));
}

TEST_F(MatchTest, CallOnToJoin) {
  auto ms = matches("callon");
  const auto* m = find(ms, "REQUEST.call.on");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "group");
  EXPECT_EQ(words(m->recipient), "Iran");
  EXPECT_EQ(words(m->action), "join");
}

TEST_F(MatchTest, MissilesAndDronesSplitModes) {
  auto ms = matches("missiles");
  int heavy = 0, drone = 0;
  for (const auto& m : ms) {
    if (m.rule->id != "ASSAULT.launch.weapon") continue;
    EXPECT_EQ(words(m.actor), "Iran");
    EXPECT_EQ(words(m.recipient), "Israel");
    if (m.mode == "heavy-weapons") ++heavy;
    if (m.mode == "drone") ++drone;
  }
  EXPECT_EQ(heavy, 1) << dump(ms);
  EXPECT_EQ(drone, 1) << dump(ms);
  EXPECT_DOUBLE_EQ(lex_->score(doc::Plover::kAssault, "drone"), -9.5);
}

TEST_F(MatchTest, MetWithIsReciprocal) {
  auto ms = matches("metwith");
  const auto* m = find(ms, "CONSULT.meet");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_TRUE(m->reciprocal);
  EXPECT_EQ(words(m->actor), "Blinken");
  EXPECT_EQ(words(m->recipient), "Netanyahu");
}

TEST_F(MatchTest, WillNotIntervene) {
  auto ms = matches("willnot");
  const auto* m = find(ms, "REJECT.will.not");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "Hezbollah");
  EXPECT_EQ(m->aux_hint, doc::Aux::kNegation);
}

TEST_F(MatchTest, CoordinationGivesSeveralBindings) {
  auto ms = matches("coord");
  const auto* m = find(ms, "ASSAULT.attack.v");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "Russia Belarus");
  EXPECT_EQ(words(m->recipient), "Ukraine Moldova");
}

TEST_F(MatchTest, LabourStrikeIsNotAnAttack) {
  for (const char* sid : {"teachers", "generalstrike", "workersstruck"}) {
    auto ms = matches(sid);
    EXPECT_FALSE(has_category(ms, doc::Plover::kAssault)) << sid << ": " << dump(ms);
    bool strike = false;
    for (const auto& m : ms) strike |= m.category == doc::Plover::kProtest && m.mode == "strike";
    EXPECT_TRUE(strike) << sid << ": " << dump(ms);
  }
}

TEST_F(MatchTest, DenyResponsibilityYieldsNothing) {
  auto ms = matches("denyresp");
  EXPECT_TRUE(ms.empty()) << dump(ms);
}

TEST_F(MatchTest, ThreatenedToAttack) {
  auto ms = matches("threaten");
  const auto* t = find(ms, "THREATEN.threaten");
  ASSERT_NE(t, nullptr) << dump(ms);
  EXPECT_EQ(t->mode, "violence");
  EXPECT_EQ(words(t->actor), "Iran");
  const auto* a = find(ms, "ASSAULT.attack.v");
  ASSERT_NE(a, nullptr) << dump(ms);
  EXPECT_EQ(words(a->actor), "Iran");
  EXPECT_TRUE(a->actor_inherited);
  ASSERT_FALSE(a->cues.empty());
  EXPECT_EQ(a->cues[0].kind, CueKind::kIrrealis);
}

TEST_F(MatchTest, RefusedToFight) {
  auto ms = matches("refuse");
  const auto* r = find(ms, "REJECT.refuse");
  ASSERT_NE(r, nullptr) << dump(ms);
  EXPECT_EQ(words(r->action), "fight");
  const auto* f = find(ms, "ASSAULT.clash");
  ASSERT_NE(f, nullptr) << dump(ms);
  EXPECT_EQ(f->aux_hint, doc::Aux::kNegation);
  EXPECT_EQ(words(f->actor), "army");
}

TEST_F(MatchTest, IfClauseIsHypothetical) {
  auto ms = matches("ifinvade");
  const auto* m = find(ms, "ASSAULT.invade");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(m->aux_hint, doc::Aux::kHypothetical);
}

TEST_F(MatchTest, AircraftDecideMode) {
  auto ms = matches("jets");
  const auto* m = find(ms, "ASSAULT.strike.v");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(m->mode, "aerial");
  EXPECT_EQ(words(m->recipient), "Gaza");
}

TEST_F(MatchTest, MoreCategories) {
  EXPECT_NE(find(matches("arrest"), "COERCE.arrest"), nullptr);
  auto s = matches("sanctions");
  const auto* m = find(s, "SANCTION.impose.sanctions");
  ASSERT_NE(m, nullptr) << dump(s);
  EXPECT_EQ(words(m->recipient), "Russia");
  EXPECT_EQ(words(m->trigger_tokens), "imposed sanctions");
  auto c = matches("ceasefire");
  EXPECT_NE(find(c, "RETREAT.ceasefire.holds"), nullptr) << dump(c);
  auto a = matches("agreerestore");
  const auto* ag = find(a, "AGREE.agree");
  ASSERT_NE(ag, nullptr) << dump(a);
  EXPECT_EQ(words(ag->actor), "Arabia Iran");
  EXPECT_EQ(find(a, "SUPPORT.restore.ties"), nullptr) << dump(a);
}

TEST_F(MatchTest, AgreeToWithdrawIsConcede) {
  auto ms = matches("agreewithdraw");
  EXPECT_NE(find(ms, "CONCEDE.agree.retreat"), nullptr) << dump(ms);
  EXPECT_FALSE(has_category(ms, doc::Plover::kAgree)) << dump(ms);
  EXPECT_FALSE(has_category(ms, doc::Plover::kRetreat)) << dump(ms);
}

TEST_F(MatchTest, PledgeWithAmountIsAid) {
  auto ms = matches("pledge");
  const auto* m = find(ms, "AID.pledge.money");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->recipient), "Ukraine");
  EXPECT_FALSE(has_category(ms, doc::Plover::kAgree)) << dump(ms);
}

TEST_F(MatchTest, PassiveWithSecondaryPredicate) {
  auto ms = matches("passiveconj");
  const auto* m = find(ms, "ASSAULT.shoot");
  ASSERT_NE(m, nullptr) << dump(ms);
  EXPECT_EQ(words(m->actor), "gunmen");
  EXPECT_EQ(words(m->recipient), "soldiers");
  EXPECT_EQ(m->mode, "firearms");
}

TEST_F(MatchTest, AttributionPhrases) {
  auto it = ids_->find("accordingto");
  ASSERT_NE(it, ids_->end());
  auto hits = lex_->cues().find_phrases(*doc_, it->second);
  bool source = false, anon = false;
  for (const auto& h : hits) {
    source |= h.id == "src.according_to";
    anon |= h.kind == "anonymity";
  }
  EXPECT_TRUE(source);
  EXPECT_TRUE(anon);
  EXPECT_TRUE(lex_->cues().is_reporting_verb("say"));
  EXPECT_TRUE(lex_->cues().is_reporting_verb("Told") == false);  // lemmas only: "told" is not a lemma
  EXPECT_TRUE(lex_->cues().is_reporting_verb("tell"));
  auto ms = matches("accordingto");
  const auto* d = find(ms, "MOBILIZE.deploy");
  ASSERT_NE(d, nullptr) << dump(ms);
  EXPECT_EQ(d->mode, "troops");
}

}  // namespace casus::lexicon

namespace casus::lexicon {

TEST_F(MatchTest, NewsRegressions) {
  auto sh = matches("shelled");
  ASSERT_EQ(sh.size(), 1u) << dump(sh);
  EXPECT_EQ(sh[0].mode, "heavy-weapons");
  auto st = matches("struck");
  const auto* s = find(st, "ASSAULT.strike.v");
  ASSERT_NE(s, nullptr) << dump(st);
  EXPECT_EQ(words(s->recipient), "targets");
  // The subject of "condemned" is not the actor of the nominal "strike".
  auto cs = matches("condemnstrike");
  const auto* n = find(cs, "ASSAULT.strike.n");
  ASSERT_NE(n, nullptr) << dump(cs);
  EXPECT_TRUE(n->actor.empty()) << words(n->actor);
  EXPECT_NE(find(cs, "ACCUSE.condemn"), nullptr);
  auto coup = matches("coup");
  const auto* c = find(coup, "COERCE.seize.power");
  ASSERT_NE(c, nullptr) << dump(coup);
  EXPECT_EQ(c->mode, "");
  const auto* d = find(coup, "COERCE.arrest");
  ASSERT_NE(d, nullptr) << dump(coup);
  EXPECT_EQ(words(d->actor), "military");  // inherited through conj
  EXPECT_TRUE(d->actor_inherited);
  auto tg = matches("teargas");
  const auto* t = find(tg, "ASSAULT.teargas");
  ASSERT_NE(t, nullptr) << dump(tg);
  EXPECT_EQ(t->mode, "crowd-control");
  auto sv = matches("severed");
  const auto* x = find(sv, "SANCTION.cut.ties");
  ASSERT_NE(x, nullptr) << dump(sv);
  EXPECT_EQ(words(x->recipient), "Rwanda");
  auto aid = matches("sendaid");
  const auto* a = find(aid, "AID.provide");
  ASSERT_NE(a, nullptr) << dump(aid);
  EXPECT_EQ(a->aux_hint, doc::Aux::kFuture);
  EXPECT_EQ(words(a->recipient), "Turkey");
  EXPECT_NE(find(matches("memorandum"), "SANCTION.leave.deal"), nullptr);
  auto cr = matches("claimresp");
  const auto* r = find(cr, "ASSAULT.claim.responsibility");
  ASSERT_NE(r, nullptr) << dump(cr);
  EXPECT_EQ(words(r->actor), "Houthis");
  // The claimed attack is matched too, with the claimant as its actor: the coder folds it into the claim, which
  // then carries the attack's mode and target.
  const auto* claimed = find(cr, "ASSAULT.attack.n");
  ASSERT_NE(claimed, nullptr) << dump(cr);
  EXPECT_EQ(words(claimed->actor), "Houthis");
}

}  // namespace casus::lexicon
