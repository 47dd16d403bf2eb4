#include "casus/code/time_expr.h"

#include <gtest/gtest.h>

#include "casus/code/testing/simple_tokenize.h"

namespace casus::code {

namespace {
// Resolves every expression of one sentence published on `pub`; returns "text=iso;..." for compact assertions.
std::string resolve(const std::string& sentence, const char* pub = "2023-11-16", bool future = false) {
  doc::Document d;
  testing::add_sentence(d, sentence);
  std::string out;
  for (const auto& e : find_time_expressions(d, 0, Date::parse(pub), {future})) {
    if (!out.empty()) out += ';';
    out += e.text + "=" + e.iso();
  }
  return out;
}
}  // namespace

TEST(TimeExpr, MonthsDaysAndParts) {
  EXPECT_EQ(resolve("the envoys held talks in Doha in early November"), "early November=2023-11-01/2023-11-10");
  EXPECT_EQ(resolve("officials recalled the October 7 raid"), "October 7=2023-10-07");
  EXPECT_EQ(resolve("It began on Dec. 25 , 2022 ."), "Dec. 25 , 2022=2022-12-25");
  EXPECT_EQ(resolve("by late January"), "late January=2023-01-21/2023-01-31");
  EXPECT_EQ(resolve("in mid-October"), "mid-October=2023-10-11/2023-10-20");
  EXPECT_EQ(resolve("on 7 October 2023"), "7 October 2023=2023-10-07");
  EXPECT_EQ(resolve("in March 2022"), "March 2022=2022-03");
}

TEST(TimeExpr, RelativeToPublication) {
  EXPECT_EQ(resolve("the raid last month that left hundreds dead"), "last month=2023-10");
  EXPECT_EQ(resolve("the ministry announced Thursday ( 11/16/2023)"), "Thursday=2023-11-16;11/16/2023=2023-11-16");
  EXPECT_EQ(resolve("The ministry said on Tuesday"), "Tuesday=2023-11-14");
  EXPECT_EQ(resolve("talks held last week"), "last week=2023-11-06/2023-11-12");
  EXPECT_EQ(resolve("earlier this month"), "earlier this month=2023-11-01/2023-11-16");
  EXPECT_EQ(resolve("strikes yesterday and three days ago"), "yesterday=2023-11-15;three days ago=2023-11-13");
  EXPECT_EQ(resolve("in recent weeks"), "in recent weeks=2023-10-19/2023-11-16");
  EXPECT_EQ(resolve("over the summer"), "over the summer=2023-06-01/2023-08-31");
}

TEST(TimeExpr, SpansDurationsAndYears) {
  EXPECT_EQ(resolve("attacks since 2015"), "since 2015=2015-01-01/2023-11-16");
  EXPECT_EQ(resolve("the worst fighting on the frontier for nearly 20 years"),
            "for nearly 20 years=2003-11-21/2023-11-16");
  EXPECT_EQ(resolve("the border town shelled during the war in 2006"), "2006=2006");
  EXPECT_EQ(resolve("in the 1990s"), "1990s=1990-01-01/1999-12-31");
}

TEST(TimeExpr, FutureAndNonDates) {
  EXPECT_EQ(resolve("the leaders will meet on Tuesday", "2023-11-16", true), "Tuesday=2023-11-21");
  EXPECT_EQ(resolve("they will meet in January", "2023-11-16", true), "January=2024-01");
  EXPECT_EQ(resolve("Iran may respond to 2000 troops"), "");
  EXPECT_EQ(resolve("protesters march on the capital"), "");
  EXPECT_EQ(resolve("killed 1,200 Israelis"), "");
}

TEST(TimeExpr, NoPublicationDateOnlyAbsolute) {
  doc::Document d;
  testing::add_sentence(d, "The strike on October 7 , 2023 came last month");
  auto found = find_time_expressions(d, 0, std::nullopt);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].iso(), "2023-10-07");
}

}  // namespace casus::code
