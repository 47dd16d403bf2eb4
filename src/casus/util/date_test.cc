#include "casus/util/date.h"

#include <gtest/gtest.h>

namespace casus {

TEST(Date, ParsesAndPrintsEachPrecision) {
  EXPECT_EQ(Date::parse("2023-11-16")->iso(), "2023-11-16");
  EXPECT_EQ(Date::parse("2023-11")->iso(), "2023-11");
  EXPECT_EQ(Date::parse("2006")->iso(), "2006");
  EXPECT_FALSE(Date::parse("2023-02-30"));
  EXPECT_FALSE(Date::parse("2023-13"));
  EXPECT_FALSE(Date::parse("23-11-16"));
  EXPECT_FALSE(Date::parse(""));
}

TEST(Date, DaysRoundTripAndWeekday) {
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(Date::from_days(d).first_day(), d);
  EXPECT_EQ(Date::ymd(2023, 11, 16).weekday(), 3);  // a Thursday
  EXPECT_EQ(Date::ymd(2024, 2, 29).last_day() - Date::ymd(2024, 2, 1).first_day(), 28);
}

TEST(DateInterval, OverlapUsesPrecision) {
  DateInterval nov{Date::ym(2023, 11), Date::ym(2023, 11)};
  DateInterval early{Date::ymd(2023, 11, 1), Date::ymd(2023, 11, 10)};
  DateInterval oct7{Date::ymd(2023, 10, 7), Date::ymd(2023, 10, 7)};
  EXPECT_TRUE(nov.overlaps(early));
  EXPECT_FALSE(nov.overlaps(oct7));
  EXPECT_EQ(early.iso(), "2023-11-01/2023-11-10");
  EXPECT_EQ(oct7.iso(), "2023-10-07");
}

}  // namespace casus
