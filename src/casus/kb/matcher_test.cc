#include "casus/kb/matcher.h"

#include <gtest/gtest.h>

namespace casus::kb {
namespace {

std::vector<std::string> folded(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& w : split_words(s)) out.push_back(w.folded + (w.possessive ? "+s" : ""));
  return out;
}

TEST(KbSplit, DashesPossessivesAbbreviationsDiacritics) {
  EXPECT_EQ(folded("Iran-backed militias"), (std::vector<std::string>{"iran", "backed", "militias"}));
  EXPECT_EQ(folded("Iran's leader"), (std::vector<std::string>{"iran+s", "leader"}));
  EXPECT_EQ(folded("Iran ’s leader"), (std::vector<std::string>{"iran+s", "leader"}));
  // Dotted acronyms are the acronyms: "U.N." in the text matches the KB's "UN".
  EXPECT_EQ(folded("the U.S. said."), (std::vector<std::string>{"the", "us", "said", "."}));
  EXPECT_EQ(folded("Washington, D.C."), (std::vector<std::string>{"washington", ",", "dc"}));
  EXPECT_EQ(folded("the U.N. Security Council"), (std::vector<std::string>{"the", "un", "security", "council"}));
  EXPECT_EQ(folded("Côte d’Ivoire"), (std::vector<std::string>{"cote", "d'ivoire"}));
  EXPECT_EQ(folded("(Hezbollah)"), (std::vector<std::string>{"(", "hezbollah", ")"}));
  EXPECT_EQ(folded("Houthis' drones"), (std::vector<std::string>{"houthis+s", "drones"}));
}

TEST(KbMatcher, LongestMatchAndCaseRules) {
  Matcher m;
  m.add("Gaza", 1, Via::kName);
  m.add("Gaza Strip", 2, Via::kName);
  m.add("Gaza City", 3, Via::kName);
  m.add("RSF", 4, Via::kAlias);
  m.add("troops", 5, Via::kNoun);
  auto ms = m.scan(split_words("Troops entered the Gaza Strip and Gaza City; rsf and RSF."));
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0].candidates[0].entry, 5u);  // lower-case noun matches any case
  EXPECT_EQ(ms[1].candidates[0].entry, 2u);
  EXPECT_EQ(ms[1].end - ms[1].begin, 2u);
  EXPECT_EQ(ms[2].candidates[0].entry, 3u);
  EXPECT_EQ(ms[3].candidates[0].entry, 4u);  // only the upper-case RSF
  EXPECT_EQ(m.exact(split_words("gaza strip")).size(), 0u);  // capitalised alias, lower-case text
  EXPECT_EQ(m.exact(split_words("GAZA STRIP")).size(), 1u);
}

}  // namespace
}  // namespace casus::kb
