#include "casus/code/casualties.h"

#include <gtest/gtest.h>

#include "casus/code/testing/simple_tokenize.h"

namespace casus::code {

namespace {
Casualties of(const std::string& s) {
  doc::Document d;
  testing::add_sentence(d, s);
  return find_casualties(d, 0);
}
}  // namespace

TEST(Casualties, KilledAndInjuredFigures) {
  EXPECT_EQ(of("gunmen stormed the town last month and killed 1,200 residents").killed, 1200);
  EXPECT_EQ(of("At least 13 US service members were killed in the blast").killed, 13);
  EXPECT_EQ(of("The strike killed three people and wounded 12 others").killed, 3);
  EXPECT_EQ(of("The strike killed three people and wounded 12 others").injured, 12);
  EXPECT_EQ(of("The death toll rose to 45 on Sunday").killed, 45);
  EXPECT_EQ(of("the shelling left 5 dead and dozens wounded").killed, 5);
  EXPECT_EQ(of("killing more than 60 civilians").killed, 60);
  EXPECT_EQ(of("About 1.2 million people were displaced").killed, std::nullopt);
}

TEST(Casualties, IgnoresYearsAndUnrelatedNumbers) {
  EXPECT_FALSE(of("In 2006 the two sides fought a war").killed);
  EXPECT_FALSE(of("Israel deployed 300,000 reservists").killed);
  EXPECT_FALSE(of("Dozens were killed").killed);
  EXPECT_EQ(parse_count("1,200"), 1200);
  EXPECT_EQ(parse_count("twelve"), 12);
  EXPECT_EQ(parse_count("1.5", "million"), 1500000);
  EXPECT_FALSE(parse_count("dozens"));
}

}  // namespace casus::code
