#include "casus/lexicon/template.h"

#include <gtest/gtest.h>

namespace casus::lexicon {

TEST(Template, EmptyAndDash) {
  auto t = parse_template("-");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t->roles.empty());
  EXPECT_EQ(template_to_string(*t), "-");
}

TEST(Template, RolesNeedModesFlags) {
  auto t = parse_template(
      "actor=nsubj|obl:agent;recipient=obl[at|on|against]{israel};need=obj{missile|drone};"
      "not=compound:prt{down};mode:drone=obj{drone}>conj;flag=split|reciprocal");
  ASSERT_TRUE(t) << t.status().to_string();
  ASSERT_EQ(t->roles.size(), 2u);
  EXPECT_EQ(t->roles[0].role, Role::kActor);
  ASSERT_EQ(t->roles[0].alts.size(), 2u);
  EXPECT_EQ(t->roles[0].alts[1].steps[0].rel, doc::Deprel::kOblAgent);
  const Step& s = t->roles[1].alts[0].steps[0];
  EXPECT_EQ(s.rel, doc::Deprel::kObl);
  EXPECT_EQ(s.cases, (std::vector<std::string>{"at", "on", "against"}));
  EXPECT_EQ(s.lemmas, (std::vector<std::string>{"israel"}));
  ASSERT_EQ(t->need.size(), 1u);
  EXPECT_EQ(t->forbid.size(), 1u);
  ASSERT_EQ(t->modes.size(), 1u);
  EXPECT_EQ(t->modes[0].mode, "drone");
  EXPECT_EQ(t->modes[0].alts[0].steps.size(), 2u);
  EXPECT_EQ(t->flags, kFlagSplitModes | kFlagReciprocal);
  // Canonical form round-trips.
  auto again = parse_template(template_to_string(*t));
  ASSERT_TRUE(again);
  EXPECT_EQ(template_to_string(*again), template_to_string(*t));
}

TEST(Template, UpStepsAndWildcard) {
  auto t = parse_template("actor=^obj{launch|carry}>nsubj;need=*{hostage}");
  ASSERT_TRUE(t) << t.status().to_string();
  const Path& p = t->roles[0].alts[0];
  ASSERT_EQ(p.steps.size(), 2u);
  EXPECT_TRUE(p.steps[0].up);
  EXPECT_EQ(p.steps[0].rel, doc::Deprel::kObj);
  EXPECT_TRUE(t->need[0][0].steps[0].any_rel);
  EXPECT_EQ(path_to_string(p), "^obj{launch|carry}>nsubj");
}

TEST(Template, Macros) {
  MacroTable m = {{"A", "nsubj|@B"}, {"B", "obl:agent"}, {"LOOP", "@LOOP"}};
  auto t = parse_template("actor=@A|nmod:poss", m);
  ASSERT_TRUE(t) << t.status().to_string();
  EXPECT_EQ(t->roles[0].alts.size(), 3u);
  EXPECT_FALSE(parse_template("actor=@LOOP", m));
  auto unknown = parse_template("actor=@NOPE", m);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.status().code(), Code::kKbReference);
}

TEST(Template, Errors) {
  for (const char* bad : {"actor", "actor=", "actor=nsubjj", "actor=obl[at", "actor=obj{a b}", "bogus=obj",
                          "flag=fast", "actor=obj;actor=nsubj", "mode:=obj", "actor=obj{x}junk", "need=obj||nsubj"}) {
    auto t = parse_template(bad);
    EXPECT_FALSE(t) << bad;
    if (!t) {
      EXPECT_TRUE(t.status().code() == Code::kKbSchema || t.status().code() == Code::kKbReference) << bad;
    }
  }
}

}  // namespace casus::lexicon
