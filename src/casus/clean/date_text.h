// Dates written in running text and in URLs: the pieces the cleaner uses to find a publication date.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "casus/util/date.h"

namespace casus::clean {

struct DateMatch {
  Date date;
  size_t begin = 0;  // byte span of the match in the searched text
  size_t end = 0;
};

// Every full date (with a year) in `s`, left to right: "2023-11-16", "2023/11/16", "Nov. 16, 2023",
// "November 16, 2023", "16 November 2023", "01 November, 2023", "31st October, 2022", "11/16/2023",
// "16.11.2023". Numeric day/month order is decided by which number exceeds 12, else by a weekday name just
// before the date ("Thursday ( 11/16/2023)"), else the date is skipped as ambiguous. Years 1990..2099 only.
std::vector<DateMatch> find_dates(std::string_view s, size_t max_matches = 16);

// A month and day without a year ("Nov 16", "16 November"), as in datelines: returns month*100+day or 0.
int find_month_day(std::string_view s);

// The date in a URL path: /2023/11/16/, /2023-11-16/, /20231116/, -20231116-, /2023/nov/16/, a leading
// YYYYMMDD in a long numeric id; /2023/11/ gives month precision.
std::optional<Date> date_from_url(std::string_view url);

// 1..12 for a month name or abbreviation ("Nov", "Nov.", "Sept", "November"); 0 otherwise.
int month_number(std::string_view word);
// 0..6 (Monday..Sunday) for a weekday name or abbreviation; -1 otherwise.
int weekday_number(std::string_view word);

}  // namespace casus::clean
