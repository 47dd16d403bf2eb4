#include "casus/util/date.h"

#include <charconv>

namespace casus {

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's civil-from-days algorithm (public domain description), written out here.
int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date Date::from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date::ymd(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

bool Date::valid() const {
  if (year < 1 || year > 9999) return false;
  switch (precision) {
    case DatePrecision::kYear: return month == 0 && day == 0;
    case DatePrecision::kMonth: return month >= 1 && month <= 12 && day == 0;
    case DatePrecision::kDay: return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
  }
  return false;
}

std::string Date::iso() const {
  char buf[32];
  switch (precision) {
    case DatePrecision::kYear: std::snprintf(buf, sizeof buf, "%04d", year); break;
    case DatePrecision::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
    case DatePrecision::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day); break;
  }
  return buf;
}

int64_t Date::first_day() const {
  return days_from_civil(year, month ? month : 1, day ? day : 1);
}

int64_t Date::last_day() const {
  switch (precision) {
    case DatePrecision::kYear: return days_from_civil(year, 12, 31);
    case DatePrecision::kMonth: return days_from_civil(year, month, days_in_month(year, month));
    case DatePrecision::kDay: return days_from_civil(year, month, day);
  }
  return 0;
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  int64_t w = (first_day() + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

static bool parse_int(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::optional<Date> Date::parse(std::string_view s) {
  int y = 0, m = 0, d = 0;
  Date out;
  if (s.size() == 4 && parse_int(s, y)) {
    out = Date::y(y);
  } else if (s.size() == 7 && s[4] == '-' && parse_int(s.substr(0, 4), y) && parse_int(s.substr(5, 2), m)) {
    out = Date::ym(y, m);
  } else if (s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_int(s.substr(0, 4), y) &&
             parse_int(s.substr(5, 2), m) && parse_int(s.substr(8, 2), d)) {
    out = Date::ymd(y, m, d);
  } else {
    return std::nullopt;
  }
  if (!out.valid()) return std::nullopt;
  return out;
}

std::string DateInterval::iso() const {
  if (begin == end) return begin.iso();
  return begin.iso() + "/" + end.iso();
}

bool DateInterval::overlaps(const DateInterval& o) const {
  return begin.first_day() <= o.end.last_day() && o.begin.first_day() <= end.last_day();
}

}  // namespace casus
