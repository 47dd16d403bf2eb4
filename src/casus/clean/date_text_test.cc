#include "casus/clean/date_text.h"

#include <gtest/gtest.h>

namespace casus::clean {
namespace {

std::string first(std::string_view s) {
  auto d = find_dates(s, 1);
  return d.empty() ? "-" : d[0].date.iso();
}

TEST(DateText, Forms) {
  EXPECT_EQ(first("2023-11-16"), "2023-11-16");
  EXPECT_EQ(first("on 2023/11/16 at noon"), "2023-11-16");
  EXPECT_EQ(first("Nov. 16, 2023"), "2023-11-16");
  EXPECT_EQ(first("November 16 2023"), "2023-11-16");
  EXPECT_EQ(first("Published: 11:34, 15 November 2023"), "2023-11-15");
  EXPECT_EQ(first("01 November, 2023"), "2023-11-01");
  EXPECT_EQ(first("(Gulf Wire / Levant Observer - 31st October, 2022)"), "2022-10-31");
  EXPECT_EQ(first("the 2nd of May 2024"), "2024-05-02");
  EXPECT_EQ(first("Sept. 3, 2024"), "2024-09-03");
  EXPECT_EQ(first("16.11.2023"), "2023-11-16");
}

TEST(DateText, NumericOrderByRangeOrWeekday) {
  EXPECT_EQ(first("Thursday ( 11/16/2023)"), "2023-11-16");  // 16 > 12: month/day/year
  EXPECT_EQ(first("Friday (12/05/2023)"), "2023-05-12");     // 12 May 2023 was a Friday; 5 Dec was not
  EXPECT_EQ(first("Tuesday (12/05/2023)"), "2023-12-05");    // 5 Dec 2023 was a Tuesday
  EXPECT_EQ(first("on 12/05/2023"), "-");                    // ambiguous without a weekday
}

TEST(DateText, RejectsNonDates) {
  EXPECT_EQ(first("2023-13-01"), "-");
  EXPECT_EQ(first("February 30, 2024"), "-");
  EXPECT_EQ(first("1,200 people in 2023"), "-");
  EXPECT_EQ(first("Decision 16, 2023"), "-");
  EXPECT_EQ(first("May 2024"), "-");  // no day
}

TEST(DateText, MonthDayForDatelines) {
  EXPECT_EQ(find_month_day("BEIRUT, Nov 16 (Reuters)"), 1116);
  EXPECT_EQ(find_month_day("16 November"), 1116);
  EXPECT_EQ(find_month_day("Ukraine"), 0);
}

TEST(DateText, Urls) {
  auto iso = [](std::string_view u) {
    auto d = date_from_url(u);
    return d ? d->iso() : std::string("-");
  };
  EXPECT_EQ(iso("https://x.example/world/2023/11/16/story-slug/"), "2023-11-16");
  EXPECT_EQ(iso("https://x.example/2019/jul/01/harbour-strike"), "2019-07-01");
  EXPECT_EQ(iso("https://x.example/news/20231116/slug"), "2023-11-16");
  EXPECT_EQ(iso("https://x.example/ct-caracas-march-20190123-story.html"), "2019-01-23");
  EXPECT_EQ(iso("https://x.example/region/201704071234567890-title/"), "2017-04-07");
  EXPECT_EQ(iso("https://x.example/a/2024-04-13-iran-attack"), "2024-04-13");
  EXPECT_EQ(iso("https://x.example/2024/04/iran-attack"), "2024-04");
  EXPECT_EQ(iso("https://x.example/story/4335455001/"), "-");
  EXPECT_EQ(iso("https://x.example/a?date=2023-11-16"), "-");  // query strings are not the path
}

}  // namespace
}  // namespace casus::clean
