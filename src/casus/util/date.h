// Civil dates with a precision (day, month, year) and intervals of them.
//
// Event dates in casus are often vague ("early November", "last month", "2006"), so a Date knows how precise it
// is and an Interval is the honest representation of what the text says. Format: ISO 8601 ("2023-11", "2023-11-01/
// 2023-11-10").
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casus {

// English month and weekday names, lower case, in calendar order (January = 0, Monday = 0).
inline constexpr std::array<std::string_view, 12> kMonthNames = {"january", "february", "march",     "april",
                                                                 "may",     "june",     "july",      "august",
                                                                 "september", "october", "november", "december"};
inline constexpr std::array<std::string_view, 7> kWeekdayNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                                  "friday", "saturday", "sunday"};

// Is `lower` (lower case) a weekday name ("monday" … "sunday")? Days name times, never parties or objects.
inline bool is_weekday(std::string_view lower) {
  return std::find(kWeekdayNames.begin(), kWeekdayNames.end(), lower) != kWeekdayNames.end();
}
// Is `lower` (lower case) a month name ("january" … "december")?
inline bool is_month(std::string_view lower) {
  return std::find(kMonthNames.begin(), kMonthNames.end(), lower) != kMonthNames.end();
}

enum class DatePrecision : uint8_t { kDay = 0, kMonth = 1, kYear = 2 };

struct Date {
  int16_t year = 0;
  int8_t month = 0;  // 1..12, 0 when precision is kYear
  int8_t day = 0;    // 1..31, 0 when precision is kMonth or kYear
  DatePrecision precision = DatePrecision::kDay;

  static Date ymd(int y, int m, int d) { return {int16_t(y), int8_t(m), int8_t(d), DatePrecision::kDay}; }
  static Date ym(int y, int m) { return {int16_t(y), int8_t(m), 0, DatePrecision::kMonth}; }
  static Date y(int y) { return {int16_t(y), 0, 0, DatePrecision::kYear}; }

  bool valid() const;
  // ISO form at the date's precision: "2023-11-16", "2023-11", "2023".
  std::string iso() const;
  // Days since 1970-01-01 of the first / last day the date covers.
  int64_t first_day() const;
  int64_t last_day() const;
  // Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY".
  static std::optional<Date> parse(std::string_view iso);
  static Date from_days(int64_t days_since_epoch);
  // 0 = Monday .. 6 = Sunday (for day precision).
  int weekday() const;

  friend bool operator==(const Date&, const Date&) = default;
};

int days_in_month(int year, int month);
int64_t days_from_civil(int y, int m, int d);

// A closed interval of days. A single Date is an interval from its first to its last day.
struct DateInterval {
  Date begin;
  Date end;
  // "2023-11-01/2023-11-10", or the single date's iso() when begin == end.
  std::string iso() const;
  bool overlaps(const DateInterval& other) const;
};

}  // namespace casus
